package expr

import "math"

// valueNFn evaluates a compiled expression at the point x of any dimension.
type valueNFn func(x []float64) float64

// compileValueN compiles n into a closure computing its value at x, the
// n-dimensional twin of compileValue (the same operations in the same
// order, so the same results).
func compileValueN(n *node) valueNFn {
	switch n.k {
	case kConst:
		c := n.c
		return func(x []float64) float64 { return c }
	case kX, kY, kVar:
		i := varIndex(n)
		return func(x []float64) float64 { return x[i] }
	case kNeg:
		a := compileValueN(n.a)
		return func(x []float64) float64 { return -a(x) }
	case kAdd, kSub, kMul, kDiv:
		return compileValueNArith(n)
	case kPowInt:
		a, k := compileValueN(n.a), n.n
		switch k {
		case 2:
			return func(x []float64) float64 { u := a(x); return u * u }
		case 3:
			return func(x []float64) float64 { u := a(x); return u * u * u }
		case -1:
			return func(x []float64) float64 { return 1 / a(x) }
		case -2:
			return func(x []float64) float64 { u := a(x); return 1 / (u * u) }
		}
		return func(x []float64) float64 { return powi(a(x), k) }
	case kPowConst:
		a, c, s := compileValueN(n.a), n.c, n.sgn
		return func(x []float64) float64 { return realPow(a(x), c, s) }
	case kCall:
		a, f := compileValueN(n.a), n.fn.f
		return func(x []float64) float64 { return f(a(x)) }
	}
	a, b := compileValueN(n.a), compileValueN(n.b)
	switch n.k {
	case kPow:
		return func(x []float64) float64 { return math.Pow(a(x), b(x)) }
	case kMin:
		return func(x []float64) float64 { return math.Min(a(x), b(x)) }
	case kMax:
		return func(x []float64) float64 { return math.Max(a(x), b(x)) }
	}
	return func(x []float64) float64 { return math.Atan2(a(x), b(x)) }
}

// compileValueNArith compiles + - * / with specialised constant operands.
func compileValueNArith(n *node) valueNFn {
	if n.a.k == kConst {
		c, b := n.a.c, compileValueN(n.b)
		switch n.k {
		case kAdd:
			return func(x []float64) float64 { return c + b(x) }
		case kSub:
			return func(x []float64) float64 { return c - b(x) }
		case kMul:
			return func(x []float64) float64 { return c * b(x) }
		}
		return func(x []float64) float64 { return c / b(x) }
	}
	if n.b.k == kConst {
		a, c := compileValueN(n.a), n.b.c
		switch n.k {
		case kAdd:
			return func(x []float64) float64 { return a(x) + c }
		case kSub:
			return func(x []float64) float64 { return a(x) - c }
		case kMul:
			return func(x []float64) float64 { return a(x) * c }
		}
		return func(x []float64) float64 { return a(x) / c }
	}
	a, b := compileValueN(n.a), compileValueN(n.b)
	switch n.k {
	case kAdd:
		return func(x []float64) float64 { return a(x) + b(x) }
	case kSub:
		return func(x []float64) float64 { return a(x) - b(x) }
	case kMul:
		return func(x []float64) float64 { return a(x) * b(x) }
	}
	return func(x []float64) float64 { return a(x) / b(x) }
}

// hyperNFn evaluates a compiled expression with its first and second
// derivatives along two coordinates j and k of x: in the hyper it returns,
// x stands for x[j] and y for x[k] (so xy is ∂²f/∂x[j]∂x[k]).
type hyperNFn func(x []float64, j, k int) hyper

// compileHyperN compiles n for the n-dimensional Hessian, with the rules
// of compileHyper (add, mul, chain, chain2, hyperMin) and leaves seeded by
// the pair of coordinates asked for.
func compileHyperN(n *node) hyperNFn {
	switch n.k {
	case kConst:
		c := hyper{v: n.c}
		return func(x []float64, j, k int) hyper { return c }
	case kX, kY, kVar:
		i := varIndex(n)
		return func(x []float64, j, k int) hyper {
			h := hyper{v: x[i]}
			if i == j {
				h.x = 1
			}
			if i == k {
				h.y = 1
			}
			return h
		}
	case kNeg:
		a := compileHyperN(n.a)
		return func(x []float64, j, k int) hyper { return scale(a(x, j, k), -1) }
	case kPowInt, kPowConst, kCall:
		return compileHyperNChain(n)
	}
	return compileHyperNBinary(n)
}

// compileHyperNChain compiles the functions of one operand.
func compileHyperNChain(n *node) hyperNFn {
	a := compileHyperN(n.a)
	switch n.k {
	case kPowInt:
		p := n.n
		fp := float64(p)
		return func(x []float64, j, k int) hyper {
			u := a(x, j, k)
			return chain(u, powi(u.v, p), fp*powi(u.v, p-1), fp*(fp-1)*powi(u.v, p-2))
		}
	case kPowConst:
		c, s := n.c, n.sgn
		return func(x []float64, j, k int) hyper {
			u := a(x, j, k)
			return chain(u, realPow(u.v, c, s), c*realPow(u.v, c-1, -s), c*(c-1)*realPow(u.v, c-2, s))
		}
	}
	d2 := n.fn.d2
	return func(x []float64, j, k int) hyper {
		u := a(x, j, k)
		f, d, dd := d2(u.v)
		return chain(u, f, d, dd)
	}
}

// compileHyperNBinary compiles the operations of two operands.
func compileHyperNBinary(n *node) hyperNFn {
	a, b := compileHyperN(n.a), compileHyperN(n.b)
	switch n.k {
	case kAdd:
		return func(x []float64, j, k int) hyper { return add(a(x, j, k), b(x, j, k), 1) }
	case kSub:
		return func(x []float64, j, k int) hyper { return add(a(x, j, k), b(x, j, k), -1) }
	case kMul:
		return func(x []float64, j, k int) hyper { return mul(a(x, j, k), b(x, j, k)) }
	case kDiv:
		return func(x []float64, j, k int) hyper {
			w := b(x, j, k)
			r := 1 / w.v
			return mul(a(x, j, k), chain(w, r, -r*r, 2*r*r*r))
		}
	case kPow:
		return func(x []float64, j, k int) hyper {
			u, w := a(x, j, k), b(x, j, k)
			v := math.Pow(u.v, w.v)
			l := math.Log(u.v)
			p1 := math.Pow(u.v, w.v-1)
			return chain2(u, w, v, w.v*p1, v*l,
				w.v*(w.v-1)*math.Pow(u.v, w.v-2), p1*(1+w.v*l), v*l*l)
		}
	case kMin:
		return func(x []float64, j, k int) hyper { return hyperMin(a(x, j, k), b(x, j, k)) }
	case kMax:
		return func(x []float64, j, k int) hyper {
			return scale(hyperMin(scale(a(x, j, k), -1), scale(b(x, j, k), -1)), -1)
		}
	}
	return func(x []float64, j, k int) hyper { // kAtan2
		u, w := a(x, j, k), b(x, j, k)
		r := u.v*u.v + w.v*w.v
		r2 := r * r
		return chain2(u, w, math.Atan2(u.v, w.v), w.v/r, -u.v/r,
			-2*u.v*w.v/r2, (u.v*u.v-w.v*w.v)/r2, 2*u.v*w.v/r2)
	}
}
