package optimizer

import (
	"fmt"
	"math"
)

// Gradient chooses how the gradient is computed.
type Gradient string

const (
	// Exact is the exact gradient of the objective (forward-mode automatic
	// differentiation for typed functions).
	Exact Gradient = "exact"
	// Numeric is the central difference (f(x+h) − f(x−h)) / 2h with h =
	// Config.H in each coordinate.
	Numeric Gradient = "numeric"
)

// Limits on a run.
const (
	// MaxStepsLimit is the largest Config.Steps that Validate accepts.
	MaxStepsLimit = 100_000_000
	// FullRecordSteps is the longest run whose every step is recorded
	// (2,000,001 points of 64 bytes: 128 MB).
	//
	// Decimation rule: a run of n > FullRecordSteps steps keeps the points
	// whose step k is a multiple of the stride s = ⌈n / DecimatedPoints⌉
	// (so the start, k = 0, is always kept) plus the last point of the run,
	// whatever stopped it; a diverged run stops at its divergence point, so
	// that one is kept too. At most DecimatedPoints + 2 points are stored.
	// Verdicts still see the last steps one by one.
	FullRecordSteps = 2_000_000
	// DecimatedPoints is about how many points a decimated run keeps.
	DecimatedPoints = 1_000_000
)

// Config is one run's settings. Zero H and Bound mean their defaults, an
// empty Gradient means Exact and a zero Eps means the method's torch
// default; every other zero is taken literally (μ = 0 is plain SGD).
type Config struct {
	Method       Method
	LR           float64    // learning rate η > 0
	Start        [2]float64 // start point; Start[1] is ignored for 1-D functions
	Steps        int        // number of updates, 0 ≤ Steps ≤ MaxStepsLimit
	Gradient     Gradient   // Exact (default) or Numeric
	H            float64    // numeric-gradient step, default 1e-4
	Bound        float64    // divergence bound on |x_i|, default 1e6 (+Inf: only non-finite values diverge)
	Tol          float64    // converged when ‖∇f‖ ≤ Tol; 0 = off (default)
	Momentum     float64    // μ for momentum and nesterov, default 0.9
	Alpha        float64    // α for rmsprop, default 0.99
	Beta1, Beta2 float64    // β1, β2 for adam, defaults 0.9 and 0.999
	Eps          float64    // ε; 0 = the method's torch default (adagrad 1e-10, rmsprop and adam 1e-8)
}

// Defaults of the optional settings.
const (
	DefaultH     = 1e-4 // numeric-gradient step h, as the textbook uses
	DefaultBound = 1e6  // divergence bound on |x_i|
)

// DefaultConfig is the textbook run: gd, lr 0.1, start (3, 2), 100 steps,
// exact gradient, h 1e-4, bound 1e6, tol off and torch's defaults
// μ 0.9, α 0.99, β1 0.9, β2 0.999, ε by method.
func DefaultConfig() Config {
	return Config{
		Method: GD, LR: 0.1, Start: [2]float64{3, 2}, Steps: 100,
		Gradient: Exact, H: DefaultH, Bound: DefaultBound, Tol: 0,
		Momentum: 0.9, Alpha: 0.99, Beta1: 0.9, Beta2: 0.999,
	}
}

// Validate checks c for a function of dims variables (1 or 2). The error
// names the bad field, its value and what is allowed.
func (c Config) Validate(dims int) error {
	switch {
	case dims != 1 && dims != 2:
		return fmt.Errorf("dims %d: a function has 1 or 2 variables", dims)
	case !c.Method.valid():
		return fmt.Errorf("method %q: valid methods are %s", c.Method, methodList())
	case !(c.LR > 0) || math.IsInf(c.LR, 0):
		return fmt.Errorf("lr %v: the learning rate must be a positive finite number", c.LR)
	case !finite(c.Start[0]):
		return fmt.Errorf("start x %v: must be a finite number", c.Start[0])
	case dims == 2 && !finite(c.Start[1]):
		return fmt.Errorf("start y %v: must be a finite number", c.Start[1])
	case c.Steps < 0:
		return fmt.Errorf("steps %d: must be 0 or more", c.Steps)
	case c.Steps > MaxStepsLimit:
		return fmt.Errorf("steps %d: at most %d steps are allowed", c.Steps, MaxStepsLimit)
	case c.Gradient != "" && c.Gradient != Exact && c.Gradient != Numeric:
		return fmt.Errorf("gradient %q: must be %q or %q", c.Gradient, Exact, Numeric)
	case c.H < 0 || !finite(c.H):
		return fmt.Errorf("h %v: the numeric-gradient step must be a positive finite number", c.H)
	case c.Bound < 0 || math.IsNaN(c.Bound):
		return fmt.Errorf("bound %v: the divergence bound must be positive", c.Bound)
	case c.Tol < 0 || !finite(c.Tol):
		return fmt.Errorf("tol %v: the tolerance must be 0 (off) or a positive finite number", c.Tol)
	case c.Momentum < 0 || !finite(c.Momentum):
		return fmt.Errorf("momentum %v: μ must be a finite number ≥ 0", c.Momentum)
	case c.Alpha < 0 || c.Alpha > 1 || math.IsNaN(c.Alpha):
		return fmt.Errorf("alpha %v: α must be between 0 and 1", c.Alpha)
	case c.Beta1 < 0 || c.Beta1 >= 1 || math.IsNaN(c.Beta1):
		return fmt.Errorf("beta1 %v: β1 must be in [0, 1)", c.Beta1)
	case c.Beta2 < 0 || c.Beta2 >= 1 || math.IsNaN(c.Beta2):
		return fmt.Errorf("beta2 %v: β2 must be in [0, 1)", c.Beta2)
	case c.Eps < 0 || !finite(c.Eps):
		return fmt.Errorf("eps %v: ε must be 0 (the method's default) or a positive finite number", c.Eps)
	}
	return nil
}

// withDefaults fills the zero values that stand for defaults.
func (c Config) withDefaults(dims int) Config {
	if c.Gradient == "" {
		c.Gradient = Exact
	}
	if c.H == 0 {
		c.H = DefaultH
	}
	if c.Bound == 0 {
		c.Bound = DefaultBound
	}
	if c.Eps == 0 {
		c.Eps = c.Method.defaultEps()
	}
	if dims == 1 {
		c.Start[1] = 0
	}
	return c
}

// eps is ε with the method's default substituted for 0.
func (c Config) eps() float64 {
	if c.Eps == 0 {
		return c.Method.defaultEps()
	}
	return c.Eps
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
