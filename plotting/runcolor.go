package plotting

import "image/color"

// MaxRuns is how many runs a figure colours distinctly.
const MaxRuns = maxRuns

// RunColor is the colour of the i-th run in every figure (Okabe–Ito), so a
// window can show the same colour next to the run's name.
func RunColor(i int) color.RGBA { return runColor(i) }
