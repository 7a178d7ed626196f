package plotting

// MaxRuns is how many runs a figure colours distinctly.
const MaxRuns = maxRuns
