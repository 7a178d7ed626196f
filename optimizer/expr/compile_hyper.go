package expr

import "math"

// hyper is a value with its first and second partial derivatives in x and
// y (second-order forward mode), enough for the exact 2x2 Hessian.
type hyper struct{ v, x, y, xx, xy, yy float64 }

// hyperFn evaluates a compiled expression with its derivatives up to order 2.
type hyperFn func(x, y float64) hyper

// compileHyper compiles n into a closure computing its value, gradient and
// Hessian. It is used for analysis (curvature, critical learning rate), not
// per optimizer step, so it favours one general rule per node kind.
func compileHyper(n *node) hyperFn {
	switch n.k {
	case kConst, kVar: // the 2-D methods take the coordinates past x and y as 0
		c := hyper{v: n.c}
		return func(x, y float64) hyper { return c }
	case kX:
		return func(x, y float64) hyper { return hyper{v: x, x: 1} }
	case kY:
		return func(x, y float64) hyper { return hyper{v: y, y: 1} }
	case kNeg:
		a := compileHyper(n.a)
		return func(x, y float64) hyper { return scale(a(x, y), -1) }
	case kAdd:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper { return add(a(x, y), b(x, y), 1) }
	case kSub:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper { return add(a(x, y), b(x, y), -1) }
	case kMul:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper { return mul(a(x, y), b(x, y)) }
	case kDiv:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper {
			w := b(x, y)
			r := 1 / w.v
			return mul(a(x, y), chain(w, r, -r*r, 2*r*r*r))
		}
	case kPowInt:
		a, k := compileHyper(n.a), n.n
		fk := float64(k)
		return func(x, y float64) hyper {
			u := a(x, y)
			return chain(u, powi(u.v, k), fk*powi(u.v, k-1), fk*(fk-1)*powi(u.v, k-2))
		}
	case kPowConst:
		a, c, s := compileHyper(n.a), n.c, n.sgn
		return func(x, y float64) hyper {
			u := a(x, y)
			return chain(u, realPow(u.v, c, s), c*realPow(u.v, c-1, -s), c*(c-1)*realPow(u.v, c-2, s))
		}
	case kPow:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper {
			u, w := a(x, y), b(x, y)
			v := math.Pow(u.v, w.v)
			l := math.Log(u.v)
			p1 := math.Pow(u.v, w.v-1)
			return chain2(u, w, v, w.v*p1, v*l,
				w.v*(w.v-1)*math.Pow(u.v, w.v-2), p1*(1+w.v*l), v*l*l)
		}
	case kCall:
		a, d2 := compileHyper(n.a), n.fn.d2
		return func(x, y float64) hyper {
			u := a(x, y)
			f, d, dd := d2(u.v)
			return chain(u, f, d, dd)
		}
	case kMin:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper { return hyperMin(a(x, y), b(x, y)) }
	case kMax:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper {
			return scale(hyperMin(scale(a(x, y), -1), scale(b(x, y), -1)), -1)
		}
	case kAtan2:
		a, b := compileHyper(n.a), compileHyper(n.b)
		return func(x, y float64) hyper {
			u, w := a(x, y), b(x, y)
			r := u.v*u.v + w.v*w.v
			r2 := r * r
			return chain2(u, w, math.Atan2(u.v, w.v), w.v/r, -u.v/r,
				-2*u.v*w.v/r2, (u.v*u.v-w.v*w.v)/r2, 2*u.v*w.v/r2)
		}
	}
	nan := math.NaN()
	return func(x, y float64) hyper { return hyper{nan, nan, nan, nan, nan, nan} } // unreachable
}

func scale(u hyper, s float64) hyper {
	return hyper{s * u.v, s * u.x, s * u.y, s * u.xx, s * u.xy, s * u.yy}
}

// add returns u + s*w.
func add(u, w hyper, s float64) hyper {
	return hyper{u.v + s*w.v, u.x + s*w.x, u.y + s*w.y, u.xx + s*w.xx, u.xy + s*w.xy, u.yy + s*w.yy}
}

// mul is the product rule; a product with a zero factor is 0 even when the
// other factor is infinite (see zmul), so a constant numerator of 1/x does
// not turn the y-derivatives into NaN.
func mul(u, w hyper) hyper {
	return hyper{
		v:  u.v * w.v,
		x:  zm(u.x, w.v) + zm(u.v, w.x),
		y:  zm(u.y, w.v) + zm(u.v, w.y),
		xx: zm(u.xx, w.v) + 2*zm(u.x, w.x) + zm(u.v, w.xx),
		xy: zm(u.xy, w.v) + zm(u.x, w.y) + zm(u.y, w.x) + zm(u.v, w.xy),
		yy: zm(u.yy, w.v) + 2*zm(u.y, w.y) + zm(u.v, w.yy),
	}
}

// zm is a*b with 0 times anything = 0.
func zm(a, b float64) float64 {
	if a == 0 || b == 0 {
		return 0
	}
	return a * b
}

// chain applies a function with value f, derivative d and second derivative
// dd at u.v to u. Terms whose derivative factor is 0 are 0 (see zmul).
func chain(u hyper, f, d, dd float64) hyper {
	return hyper{
		v:  f,
		x:  zmul(d, u.x),
		y:  zmul(d, u.y),
		xx: zmul(d, u.xx) + zmul(dd, u.x*u.x),
		xy: zmul(d, u.xy) + zmul(dd, u.x*u.y),
		yy: zmul(d, u.yy) + zmul(dd, u.y*u.y),
	}
}

// chain2 applies a function g(a, b) with value f, partials fa, fb and second
// partials faa, fab, fbb at (u.v, w.v) to the pair (u, w).
func chain2(u, w hyper, f, fa, fb, faa, fab, fbb float64) hyper {
	return hyper{
		v:  f,
		x:  zmul(fa, u.x) + zmul(fb, w.x),
		y:  zmul(fa, u.y) + zmul(fb, w.y),
		xx: zmul(fa, u.xx) + zmul(fb, w.xx) + zmul(faa, u.x*u.x) + zmul(fab, 2*u.x*w.x) + zmul(fbb, w.x*w.x),
		xy: zmul(fa, u.xy) + zmul(fb, w.xy) + zmul(faa, u.x*u.y) + zmul(fab, u.x*w.y+u.y*w.x) + zmul(fbb, w.x*w.y),
		yy: zmul(fa, u.yy) + zmul(fb, w.yy) + zmul(faa, u.y*u.y) + zmul(fab, 2*u.y*w.y) + zmul(fbb, w.y*w.y),
	}
}

// hyperMin is min(a, b) with the tie convention of dualMin (the average).
func hyperMin(u, w hyper) hyper {
	switch {
	case u.v < w.v:
		return u
	case w.v < u.v:
		return w
	case u.v == w.v:
		m := scale(add(u, w, 1), 0.5)
		m.v = math.Min(u.v, w.v)
		return m
	}
	nan := math.NaN()
	return hyper{math.Min(u.v, w.v), nan, nan, nan, nan, nan}
}
