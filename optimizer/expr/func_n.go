package expr

import "sync"

// nDim holds the closures of a function of more than two variables.
type nDim struct {
	value   valueNFn
	rev     rev
	hess    hyperNFn
	scratch sync.Pool // *[]float64 of dims + slots entries, for rev and NumericGradN
}

// compileN compiles n for the n-dimensional methods.
func compileN(n *node, dims int) *nDim {
	var c compiler
	d := &nDim{value: compileValueN(n), rev: c.compileRev(n), hess: compileHyperN(n)}
	size := dims + c.slots
	d.scratch.New = func() any { b := make([]float64, size); return &b }
	return d
}

// ValueN returns f(x) for a point x of Dims() coordinates (more are
// ignored; fewer panic). For Dims() <= 2 it is Value(x[0], x[1]), with
// x[1] not read when Dims() == 1.
func (f *Func) ValueN(x []float64) float64 {
	switch {
	case f.dims == 1:
		return f.value(x[0], 0)
	case f.dims == 2:
		return f.value(x[0], x[1])
	}
	_ = x[f.dims-1]
	return f.nd.value(x)
}

// ValueGradN returns f(x) and stores its exact gradient in grad[:Dims()]
// (grad must have at least Dims() entries; the others are not touched).
// For Dims() <= 2 it is ValueGrad. For more variables the gradient is
// computed by reverse-mode automatic differentiation (one pass forward,
// one back, whatever the dimension), with the conventions of ValueGrad at
// kinks; an operand that does not depend on a variable contributes nothing
// to its partial derivative. It does not allocate (its scratch space is
// pooled), and is safe for concurrent use.
func (f *Func) ValueGradN(x, grad []float64) float64 {
	switch f.dims {
	case 1:
		v, gx, _ := f.ValueGrad(x[0], 0)
		grad[0] = gx
		return v
	case 2:
		v, gx, gy := f.ValueGrad(x[0], x[1])
		grad[0], grad[1] = gx, gy
		return v
	}
	_ = x[f.dims-1]
	g := grad[:f.dims]
	clear(g)
	tp := f.nd.scratch.Get().(*[]float64)
	v := f.nd.rev.fwd(x, *tp)
	if f.nd.rev.back != nil {
		f.nd.rev.back(x, *tp, g, 1)
	}
	f.nd.scratch.Put(tp)
	return v
}

// NumericGradN returns f(x) and stores the central-difference gradient in
// grad[:Dims()], coordinate by coordinate as the textbook's
// numerical_gradient: (f(x + h e_i) - f(x - h e_i)) / 2h, computed as
// NumericGrad computes it (for Dims() <= 2 it is NumericGrad). x is not
// modified; the call does not allocate.
func (f *Func) NumericGradN(x []float64, h float64, grad []float64) float64 {
	switch f.dims {
	case 1:
		v, gx, _ := f.NumericGrad(x[0], 0, h)
		grad[0] = gx
		return v
	case 2:
		v, gx, gy := f.NumericGrad(x[0], x[1], h)
		grad[0], grad[1] = gx, gy
		return v
	}
	n := f.dims
	tp := f.nd.scratch.Get().(*[]float64)
	xc := (*tp)[:n]
	copy(xc, x[:n])
	v := f.nd.value(xc)
	for i := range n {
		xi := xc[i]
		xc[i] = xi + h
		fp := f.nd.value(xc)
		xc[i] = xi - h
		fm := f.nd.value(xc)
		xc[i] = xi
		grad[i] = (0.5*fp - 0.5*fm) / h
	}
	f.nd.scratch.Put(tp)
	return v
}

// HessianN stores the exact Hessian of f at x in h[:Dims()*Dims()], row
// by row: h[i*Dims()+j] is ∂²f/∂x[i]∂x[j] (symmetric). For Dims() <= 2 it
// is Hessian. For more variables it is computed by second-order forward
// mode along each pair of coordinates (Dims()*(Dims()-1)/2 passes): meant
// for analysis, not for every step of a run. It does not allocate.
func (f *Func) HessianN(x []float64, h []float64) {
	n := f.dims
	if n <= 2 {
		var y float64
		if n == 2 {
			y = x[1]
		}
		m := f.Hessian(x[0], y)
		if n == 1 {
			h[0] = m[0][0]
			return
		}
		h[0], h[1], h[2], h[3] = m[0][0], m[0][1], m[1][0], m[1][1]
		return
	}
	_, _ = x[n-1], h[n*n-1]
	for j := 0; j < n; j++ {
		for k := j + 1; k < n; k++ {
			p := f.nd.hess(x, j, k)
			h[j*n+k], h[k*n+j] = p.xy, p.xy
			h[j*n+j], h[k*n+k] = p.xx, p.yy
		}
	}
}
