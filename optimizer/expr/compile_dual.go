package expr

import "math"

// dual is a value with its partial derivatives in x and y (a dual number
// with two infinitesimal parts). It is passed by value: no allocation.
type dual struct{ v, dx, dy float64 }

// dualFn evaluates a compiled expression and its gradient.
type dualFn func(x, y float64) dual

// compileDual compiles n into a closure computing its value and exact
// gradient by forward-mode automatic differentiation.
func compileDual(n *node) dualFn {
	switch n.k {
	case kConst:
		c := dual{v: n.c}
		return func(x, y float64) dual { return c }
	case kX:
		return func(x, y float64) dual { return dual{x, 1, 0} }
	case kY:
		return func(x, y float64) dual { return dual{y, 0, 1} }
	case kVar: // the 2-D methods take the coordinates past x and y as 0
		return func(x, y float64) dual { return dual{} }
	case kNeg:
		a := compileDual(n.a)
		return func(x, y float64) dual { u := a(x, y); return dual{-u.v, -u.dx, -u.dy} }
	case kAdd, kSub:
		return compileDualAddSub(n)
	case kMul:
		return compileDualMul(n)
	case kDiv:
		return compileDualDiv(n)
	case kPowInt:
		return compileDualPowInt(n)
	case kPowConst:
		a, c, s := compileDual(n.a), n.c, n.sgn
		return func(x, y float64) dual {
			u := a(x, y)
			d := c * realPow(u.v, c-1, -s)
			return dual{realPow(u.v, c, s), zmul(d, u.dx), zmul(d, u.dy)}
		}
	case kPow:
		a, b := compileDual(n.a), compileDual(n.b)
		return func(x, y float64) dual { return dualPow(a(x, y), b(x, y)) }
	case kCall:
		return compileDualCall(n)
	case kMin:
		a, b := compileDual(n.a), compileDual(n.b)
		return func(x, y float64) dual { return dualMin(a(x, y), b(x, y)) }
	case kMax:
		a, b := compileDual(n.a), compileDual(n.b)
		return func(x, y float64) dual {
			u, w := a(x, y), b(x, y)
			m := dualMin(dual{-u.v, -u.dx, -u.dy}, dual{-w.v, -w.dx, -w.dy})
			return dual{-m.v, -m.dx, -m.dy}
		}
	case kAtan2:
		a, b := compileDual(n.a), compileDual(n.b)
		return func(x, y float64) dual {
			u, w := a(x, y), b(x, y)
			r := u.v*u.v + w.v*w.v
			fa, fb := w.v/r, -u.v/r
			return dual{math.Atan2(u.v, w.v), fa*u.dx + fb*w.dx, fa*u.dy + fb*w.dy}
		}
	}
	return func(x, y float64) dual { return dual{math.NaN(), math.NaN(), math.NaN()} } // unreachable
}

func compileDualAddSub(n *node) dualFn {
	sub := n.k == kSub
	if n.a.k == kConst {
		c, b := n.a.c, compileDual(n.b)
		if sub {
			if n.b.k == kX {
				return func(x, y float64) dual { return dual{c - x, -1, 0} }
			}
			return func(x, y float64) dual { w := b(x, y); return dual{c - w.v, -w.dx, -w.dy} }
		}
		return func(x, y float64) dual { w := b(x, y); return dual{c + w.v, w.dx, w.dy} }
	}
	if n.b.k == kConst {
		a, c := compileDual(n.a), n.b.c
		if sub {
			c = -c
		}
		return func(x, y float64) dual { u := a(x, y); return dual{u.v + c, u.dx, u.dy} }
	}
	a, b := compileDual(n.a), compileDual(n.b)
	if sub {
		if n.a.k == kY {
			return func(x, y float64) dual { w := b(x, y); return dual{y - w.v, -w.dx, 1 - w.dy} }
		}
		return func(x, y float64) dual {
			u, w := a(x, y), b(x, y)
			return dual{u.v - w.v, u.dx - w.dx, u.dy - w.dy}
		}
	}
	return func(x, y float64) dual {
		u, w := a(x, y), b(x, y)
		return dual{u.v + w.v, u.dx + w.dx, u.dy + w.dy}
	}
}

func compileDualMul(n *node) dualFn {
	if n.a.k == kConst || n.b.k == kConst {
		c, other := n.a, n.b
		if n.b.k == kConst {
			c, other = n.b, n.a
		}
		k, a := c.c, compileDual(other)
		return func(x, y float64) dual { u := a(x, y); return dual{k * u.v, k * u.dx, k * u.dy} }
	}
	a, b := compileDual(n.a), compileDual(n.b)
	return func(x, y float64) dual {
		u, w := a(x, y), b(x, y)
		return dual{u.v * w.v, u.dx*w.v + u.v*w.dx, u.dy*w.v + u.v*w.dy}
	}
}

func compileDualDiv(n *node) dualFn {
	if n.b.k == kConst {
		a, c := compileDual(n.a), n.b.c
		return func(x, y float64) dual { u := a(x, y); return dual{u.v / c, u.dx / c, u.dy / c} }
	}
	b := compileDual(n.b)
	if n.a.k == kConst {
		c := n.a.c
		return func(x, y float64) dual {
			w := b(x, y)
			q := c / w.v
			d := -q / w.v // infinite at w = 0, hence zmul
			return dual{q, zmul(d, w.dx), zmul(d, w.dy)}
		}
	}
	a := compileDual(n.a)
	return func(x, y float64) dual {
		u, w := a(x, y), b(x, y)
		q := u.v / w.v
		return dual{q, zdiv(u.dx-zmul(q, w.dx), w.v), zdiv(u.dy-zmul(q, w.dy), w.v)}
	}
}

// zdiv is n/d with 0/anything = 0, the companion of zmul for quotients.
func zdiv(n, d float64) float64 {
	if n == 0 {
		return 0
	}
	return n / d
}

func compileDualPowInt(n *node) dualFn {
	if n.n == 2 {
		switch n.a.k {
		case kX:
			return func(x, y float64) dual { return dual{x * x, 2 * x, 0} }
		case kY:
			return func(x, y float64) dual { return dual{y * y, 0, 2 * y} }
		}
		a := compileDual(n.a)
		return func(x, y float64) dual {
			u := a(x, y)
			t := 2 * u.v
			return dual{u.v * u.v, t * u.dx, t * u.dy}
		}
	}
	a, k := compileDual(n.a), n.n
	fk := float64(k)
	if k == 3 {
		return func(x, y float64) dual {
			u := a(x, y)
			s := u.v * u.v
			d := 3 * s
			return dual{s * u.v, d * u.dx, d * u.dy}
		}
	}
	return func(x, y float64) dual {
		u := a(x, y)
		d := fk * powi(u.v, k-1) // infinite at 0 for k < 0, hence zmul
		return dual{powi(u.v, k), zmul(d, u.dx), zmul(d, u.dy)}
	}
}

// compileDualCall compiles fn(a) by the chain rule.
func compileDualCall(n *node) dualFn {
	a, d1 := compileDual(n.a), n.fn.d1
	switch n.fn.name {
	case "sin":
		return func(x, y float64) dual {
			u := a(x, y)
			s, c := math.Sincos(u.v)
			return dual{s, c * u.dx, c * u.dy}
		}
	case "cos":
		return func(x, y float64) dual {
			u := a(x, y)
			s, c := math.Sincos(u.v)
			return dual{c, -s * u.dx, -s * u.dy}
		}
	case "exp":
		return func(x, y float64) dual {
			u := a(x, y)
			e := math.Exp(u.v)
			return dual{e, e * u.dx, e * u.dy}
		}
	}
	return func(x, y float64) dual {
		u := a(x, y)
		f, d := d1(u.v)
		return dual{f, zmul(d, u.dx), zmul(d, u.dy)}
	}
}

// zmul is p*d with the convention 0*anything = 0 when the derivative d is 0,
// so an operand that does not vary contributes nothing even where the
// partial derivative p is infinite or NaN (log(a) in a^b for a <= 0).
func zmul(p, d float64) float64 {
	if d == 0 {
		return 0
	}
	return p * d
}

// dualPow is a^b for a non-constant exponent:
// d(a^b) = b a^(b-1) da + a^b log(a) db.
func dualPow(u, w dual) dual {
	v := math.Pow(u.v, w.v)
	fa := w.v * math.Pow(u.v, w.v-1)
	fb := v * math.Log(u.v)
	return dual{v, zmul(fa, u.dx) + zmul(fb, w.dx), zmul(fa, u.dy) + zmul(fb, w.dy)}
}

// dualMin is min(a, b). On a tie the derivative is the average of the two
// (the symmetric subgradient, as PyTorch's torch.minimum); NaN propagates.
func dualMin(u, w dual) dual {
	switch {
	case u.v < w.v:
		return u
	case w.v < u.v:
		return w
	case u.v == w.v:
		return dual{math.Min(u.v, w.v), 0.5 * (u.dx + w.dx), 0.5 * (u.dy + w.dy)}
	}
	nan := math.NaN()
	return dual{math.Min(u.v, w.v), nan, nan} // NaN, or -Inf as math.Min(-Inf, NaN)
}
