package expr

// Func is a parsed function compiled into closures: one for the value, one
// for the value and exact gradient (forward-mode dual numbers) and one for the
// exact Hessian (second-order forward mode). The closures capture only
// constants, so a Func is safe for concurrent use by many goroutines.
// *Func satisfies optimizer.Objective.
type Func struct {
	src   string
	key   string
	dims  int
	value valueFn
	grad  dualFn
	hess  hyperFn
	forms gradientEntry // the gradient's formulas (Gradient), made once
	nd    *nDim         // the n-dimensional closures, for Dims() > 2 only
}

// newFunc compiles the tree of src.
func newFunc(src string, dims int, n *node) *Func {
	f := &Func{
		src:   src,
		key:   key(n, dims),
		dims:  dims,
		value: compileValue(n),
		grad:  compileDual(n),
		hess:  compileHyper(n),
	}
	if dims > 2 {
		f.nd = compileN(n, dims)
	}
	return f
}

// Source returns the text as typed.
func (f *Func) Source() string { return f.src }

// Key returns a canonical text of the parsed function, for finding it among
// others (a preset, say) whatever its spelling: two texts that parse to the
// same tree have the same key and two different trees different keys. So
// x^2+y^2, x^2 + y^2, x ^ 2 + y ^ 2, x[0]**2 + x[1]**2 and pow(x, 2) + y^2
// share the key "x^2+y^2", and 2x and 2*x the key "2*x". The key is of the
// tree after constant folding (1+1 is 2, -(-x) is x, a sign on a number
// is part of it) and is printed with as few parentheses as the precedence of
// the operators allows: variables as x and y, the power as ^, numbers in
// the shortest 'g' form, functions by the name they were written with (ln
// and log differ). It does not simplify algebra: x+y and y+x differ. A
// function of x and y whose y folded away (x + 0*y^0) has the key of its
// tree followed by " [x, y]", so that it does not share the key of the
// function of x alone (Dims differs). The key is computed once, by Parse.
func (f *Func) Key() string { return f.key }

// Dims returns the dimension of the function, one more than the highest
// index of a variable it uses: 1 if it uses only x, 2 if it uses y (x[1]),
// n if it uses x[n-1] (at most MaxDims).
func (f *Func) Dims() int { return f.dims }

// Value returns f(x, y); y is ignored when Dims() == 1. Values outside the
// domain (log of a negative, 1/0) are NaN or ±Inf.
//
// Value, ValueGrad, NumericGrad and Hessian are the methods of a function
// of one or two variables. For Dims() > 2 they take x[2], x[3] ... as 0
// (and return the derivatives in x and y only); use ValueN, ValueGradN,
// NumericGradN and HessianN, which work for every dimension.
func (f *Func) Value(x, y float64) float64 { return f.value(x, y) }

// ValueGrad returns f(x, y) and its exact gradient by forward-mode automatic
// differentiation; gy is 0 for a 1-D function. At kinks the derivatives follow
// the one-sided conventions documented on the functions: abs'(0) = 0,
// relu'(0) = 0, sign' = 0, and min/max split the derivative evenly on a tie.
func (f *Func) ValueGrad(x, y float64) (v, gx, gy float64) {
	d := f.grad(x, y)
	if f.dims == 1 {
		return d.v, d.dx, 0 // not -0 from a negated constant
	}
	return d.v, d.dx, d.dy
}

// NumericGrad returns v = f(x, y) and the central-difference gradient
// ((f(x+h, y) - f(x-h, y)) / 2h, and likewise in y); gy is 0 for a 1-D
// function. h must be positive for a meaningful result; where x+h == x the
// difference is 0 (which is the lesson).
//
// This is the formula of gonum's diff/fd.Gradient with fd.Central and Step h
// (TestNumericGradMatchesFD checks they agree bit for bit), written as a loop:
// fd.Gradient takes a func([]float64) float64 and allocates a copy of x on
// every call, which costs an allocation and an indirection per optimizer
// step (see BenchmarkNumericGrad and BenchmarkNumericGradFD); this form is
// allocation-free.
func (f *Func) NumericGrad(x, y, h float64) (v, gx, gy float64) {
	v = f.value(x, y)
	gx = (0.5*f.value(x+h, y) - 0.5*f.value(x-h, y)) / h
	if f.dims == 2 {
		gy = (0.5*f.value(x, y+h) - 0.5*f.value(x, y-h)) / h
	}
	return v, gx, gy
}

// Hessian returns the exact matrix of second derivatives at (x, y):
// [[fxx, fxy], [fxy, fyy]]. For a 1-D function only [0][0] = f” is set.
func (f *Func) Hessian(x, y float64) [2][2]float64 {
	h := f.hess(x, y)
	if f.dims == 1 {
		return [2][2]float64{{h.xx, 0}, {0, 0}}
	}
	return [2][2]float64{{h.xx, h.xy}, {h.xy, h.yy}}
}
