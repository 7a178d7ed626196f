package optimizer

import "time"

// GradientCosts measures, on this machine and now, how long one exact and
// one numeric (central-difference, step h) gradient of fn take at x: each
// is repeated for about budget and the mean is returned. The numeric
// gradient costs 2n + 1 values of f for n variables; the exact one about
// one pass forward and one back (backpropagation for a model): the book's
// reason for backpropagation, measured.
func GradientCosts(fn ObjectiveN, x []float64, h float64, budget time.Duration) (exact, numeric time.Duration) {
	g := make([]float64, fn.Dims())
	measure := func(f func()) time.Duration {
		n, start := 0, time.Now()
		for n == 0 || time.Since(start) < budget {
			f()
			n++
		}
		return time.Since(start) / time.Duration(n)
	}
	exact = measure(func() { fn.ValueGradN(x, g) })
	numeric = measure(func() { fn.NumericGradN(x, h, g) })
	return exact, numeric
}
