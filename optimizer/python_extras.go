package optimizer

import (
	"strconv"

	"gdlab/message"
)

// PythonRate is the line of a script's step k (e = k − 1 its epoch) that
// sets lr, the step's learning rate, to the schedule's closed form with
// the warmup; none for a constant rate. The line search, if any, then
// starts from it (PythonLineSearch).
func PythonRate(c Config) []string {
	s, base := c.Schedule, py(c.LR)
	if s.IsConstant() {
		if c.LineSearch != NoLineSearch {
			return []string{"lr = " + base}
		}
		return nil
	}
	e := "(k - 1)"
	if s.Warmup > 0 {
		e = "(k - 1 - " + strconv.Itoa(s.Warmup) + ")"
	}
	var main string
	switch s.Kind {
	case StepDecay:
		main = base + " * " + py(s.Gamma) + " ** (" + e + " // " + strconv.Itoa(s.StepSize) + ")"
	case ExpDecay:
		main = base + " * " + py(s.Gamma) + " ** " + e
	case Cosine:
		main = py(s.MinLR) + " + (" + base + " - " + py(s.MinLR) + ") * (1 + math.cos(math.pi * " + e + " / " + strconv.Itoa(s.TMax) + ")) / 2"
	case InvSqrt:
		main = base + " / math.sqrt(1 + " + e + ")"
	default:
		main = base
	}
	if s.Warmup > 0 {
		w := strconv.Itoa(s.Warmup)
		return []string{"lr = " + base + " * k / " + w + " if k - 1 < " + w + " else " + main}
	}
	return []string{"lr = " + main}
}

// PythonLineSearch are the lines of a script's step that run the Armijo
// line search from lr along −g, as the engine does, and leave its α in lr;
// a search that finds no step stops the run (status failed). None without
// a line search.
func PythonLineSearch(c Config) []string {
	if c.LineSearch != Armijo {
		return nil
	}
	return []string{
		"fx, gg = f(x), np.sum(g * g)",
		"if gg > 0:",
		"    for _ in range(" + strconv.Itoa(ArmijoHalvings+1) + "):",
		"        if f(x - lr * g) <= fx - " + py(ArmijoC) + " * lr * gg:",
		"            break",
		"        lr /= 2",
		"    else:",
		"        break  # no step lowers f enough: the run stops (failed)",
	}
}

// MaxPythonNoiseSteps is the longest noisy run a script reproduces: it
// holds the run's noise, two numbers a step.
const MaxPythonNoiseSteps = 20_000

// PythonNoise is the gradient noise σ·ξ of the steps of a run of c on a
// function of dims variables, in the order the run draws it (row k − 1 is
// added to the gradient of step k), for a script to reproduce the run
// exactly: NumPy's generators are not the engine's. Nil without noise; an
// error for a run longer than MaxPythonNoiseSteps.
func PythonNoise(c Config, dims int) ([][]float64, error) {
	if c.Noise == 0 {
		return nil, nil
	}
	if c.Steps > MaxPythonNoiseSteps {
		return nil, msgPythonNoiseSteps.New(message.Int(c.Steps), message.Int(MaxPythonNoiseSteps))
	}
	seed := c.Seed
	if seed == 0 {
		seed = DefaultSeed
	}
	gen := newNoise(seed)
	out := make([][]float64, c.Steps)
	for k := range out {
		out[k] = make([]float64, max(1, dims))
		for i := range out[k] {
			out[k][i] = c.Noise * gen.NormFloat64() // in the order the run draws them
		}
	}
	return out, nil
}
