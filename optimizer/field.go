package optimizer

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// field is an objective at vectors of its own dimension: what the analysis
// and the verdicts read of it, in any dimension. Meant for a few points per
// run, not for every step: its methods allocate.
type field struct {
	fn   Objective
	nd   ObjectiveN // fn in n > 2 dimensions, nil otherwise
	dims int
}

// fieldOf is fn as a field.
func fieldOf(fn Objective) field {
	f := field{fn: fn, dims: fn.Dims()}
	if f.dims > 2 {
		f.nd, _ = fn.(ObjectiveN)
	}
	if f.dims < 1 {
		f.dims = 2
	}
	return f
}

// value is f(x).
func (f field) value(x []float64) float64 {
	if f.nd != nil {
		return f.nd.ValueN(x)
	}
	if f.dims == 1 {
		return f.fn.Value(x[0], 0)
	}
	return f.fn.Value(x[0], x[1])
}

// grad is the exact gradient at x (a new slice of dims entries).
func (f field) grad(x []float64) []float64 {
	g := make([]float64, f.dims)
	switch {
	case f.nd != nil:
		f.nd.ValueGradN(x, g)
	case f.dims == 1:
		_, g[0], _ = f.fn.ValueGrad(x[0], 0)
	default:
		_, g[0], g[1] = f.fn.ValueGrad(x[0], x[1])
	}
	return g
}

// hessian is the exact Hessian at x, dims × dims, row by row.
func (f field) hessian(x []float64) []float64 {
	n := f.dims
	h := make([]float64, n*n)
	if f.nd != nil {
		f.nd.HessianN(x, h)
		return h
	}
	var y float64
	if n == 2 {
		y = x[1]
	}
	m := f.fn.Hessian(x[0], y)
	if n == 1 {
		h[0] = m[0][0]
		return h
	}
	h[0], h[1], h[2], h[3] = m[0][0], m[0][1], m[1][0], m[1][1]
	return h
}

// exactNorm is the length of the exact gradient at x (0 when not finite:
// such a point says nothing).
func (f field) exactNorm(x []float64) float64 {
	if n := norm(f.grad(x)); finite(n) {
		return n
	}
	return 0
}

// norm is the Euclidean length of v (gonum's scaled sum: no overflow on
// the way).
func norm(v []float64) float64 { return floats.Norm(v, 2) }

// dist is the Euclidean distance of a and b.
func dist(a, b []float64) float64 {
	if len(a) == 2 {
		return math.Hypot(a[0]-b[0], a[1]-b[1])
	}
	return floats.Distance(a, b, 2)
}
