package expr

import (
	"math"
	"slices"
)

// rev is a node compiled for reverse-mode automatic differentiation. fwd
// returns the node's value at x and keeps in the scratch t, at the node's
// own slots, the local derivatives that back needs; back then adds adj
// times the node's gradient into g. back is nil for a constant.
type rev struct {
	fwd  func(x, t []float64) float64
	back func(x, t, g []float64, adj float64)
}

// compiler hands out the slots of the scratch.
type compiler struct{ slots int }

func (c *compiler) slot(n int) int { s := c.slots; c.slots += n; return s }

// radj is adj times the local derivative d, 0 when d is 0 (an operand
// whose own derivative is infinite contributes nothing where the factor
// that carries it is 0: see zmul).
func radj(adj, d float64) float64 {
	if d == 0 {
		return 0
	}
	return adj * d
}

// compileRev compiles n into the two passes of reverse mode.
func (c *compiler) compileRev(n *node) rev {
	switch n.k {
	case kConst:
		v := n.c
		return rev{fwd: func(x, t []float64) float64 { return v }}
	case kX, kY, kVar:
		i := varIndex(n)
		return rev{
			fwd:  func(x, t []float64) float64 { return x[i] },
			back: func(x, t, g []float64, adj float64) { g[i] += adj },
		}
	case kNeg:
		a := c.compileRev(n.a)
		return rev{
			fwd:  func(x, t []float64) float64 { return -a.fwd(x, t) },
			back: func(x, t, g []float64, adj float64) { a.back(x, t, g, -adj) },
		}
	case kAdd, kSub:
		return c.compileRevSum(n)
	case kMul:
		return c.compileRevMul(n)
	case kDiv:
		return c.compileRevDiv(n)
	case kPowInt:
		return c.compileRevPowInt(n)
	case kPowConst, kCall:
		return c.compileRevChain(n)
	}
	return c.compileRevBinary(n)
}

// compileRevSum compiles a chain of sums and differences, ((a ± b) ± c) ±
// ..., into one node that adds its terms in the same order (so the value
// is the tree's to the bit).
func (c *compiler) compileRevSum(n *node) rev {
	var terms []*node
	var signs []float64
	for m := n; ; m = m.a {
		terms = append(terms, m.b)
		signs = append(signs, 1-2*float64(m.k-kAdd))
		if m.a.k != kAdd && m.a.k != kSub {
			terms, signs = append(terms, m.a), append(signs, 1)
			break
		}
	}
	if len(terms) == 2 {
		return c.compileRevAddSub(n)
	}
	slices.Reverse(terms)
	slices.Reverse(signs)
	rs := make([]rev, len(terms))
	for i, m := range terms {
		rs[i] = c.compileRev(m)
	}
	var backs []func(x, t, g []float64, adj float64)
	var bsigns []float64
	for i, r := range rs {
		if r.back != nil {
			backs, bsigns = append(backs, r.back), append(bsigns, signs[i])
		}
	}
	first, rest, rsigns := rs[0].fwd, rs[1:], signs[1:]
	return rev{
		fwd: func(x, t []float64) float64 {
			s := first(x, t)
			for i, r := range rest {
				s += rsigns[i] * r.fwd(x, t)
			}
			return s
		},
		back: func(x, t, g []float64, adj float64) {
			for i, b := range backs {
				b(x, t, g, bsigns[i]*adj)
			}
		},
	}
}

func (c *compiler) compileRevMul(n *node) rev {
	if n.a.k == kConst || n.b.k == kConst {
		k, other := n.a.c, n.b
		if n.b.k == kConst {
			k, other = n.b.c, n.a
		}
		if other.k == kPowInt && other.n == 2 { // k*u^2
			u, s := c.compileRev(other.a), c.slot(1)
			return rev{
				fwd: func(x, t []float64) float64 {
					v := u.fwd(x, t)
					t[s] = v
					return k * (v * v)
				},
				back: func(x, t, g []float64, adj float64) { u.back(x, t, g, 2*t[s]*(k*adj)) },
			}
		}
		a := c.compileRev(other)
		return rev{
			fwd:  func(x, t []float64) float64 { return k * a.fwd(x, t) },
			back: func(x, t, g []float64, adj float64) { a.back(x, t, g, k*adj) },
		}
	}
	a, b, s := c.compileRev(n.a), c.compileRev(n.b), c.slot(2)
	return rev{
		fwd: func(x, t []float64) float64 {
			u, w := a.fwd(x, t), b.fwd(x, t)
			t[s], t[s+1] = u, w
			return u * w
		},
		back: func(x, t, g []float64, adj float64) {
			a.back(x, t, g, adj*t[s+1])
			b.back(x, t, g, adj*t[s])
		},
	}
}

func (c *compiler) compileRevDiv(n *node) rev {
	if n.b.k == kConst {
		a, k := c.compileRev(n.a), n.b.c
		return rev{
			fwd:  func(x, t []float64) float64 { return a.fwd(x, t) / k },
			back: func(x, t, g []float64, adj float64) { a.back(x, t, g, adj/k) },
		}
	}
	b, s := c.compileRev(n.b), c.slot(2)
	if n.a.k == kConst {
		k := n.a.c
		return rev{
			fwd: func(x, t []float64) float64 {
				w := b.fwd(x, t)
				q := k / w
				t[s] = -q / w
				return q
			},
			back: func(x, t, g []float64, adj float64) { b.back(x, t, g, radj(adj, t[s])) },
		}
	}
	a := c.compileRev(n.a)
	return rev{
		fwd: func(x, t []float64) float64 {
			u, w := a.fwd(x, t), b.fwd(x, t)
			q := u / w
			t[s], t[s+1] = 1/w, -q/w
			return q
		},
		back: func(x, t, g []float64, adj float64) {
			a.back(x, t, g, radj(adj, t[s]))
			b.back(x, t, g, radj(adj, t[s+1]))
		},
	}
}

func (c *compiler) compileRevPowInt(n *node) rev {
	if i := varIndex(n.a); i >= 0 && n.n == 2 {
		return rev{
			fwd:  func(x, t []float64) float64 { v := x[i]; return v * v },
			back: func(x, t, g []float64, adj float64) { g[i] += 2 * x[i] * adj },
		}
	}
	a, k, s := c.compileRev(n.a), n.n, c.slot(1)
	if k == 2 {
		return rev{
			fwd: func(x, t []float64) float64 {
				u := a.fwd(x, t)
				t[s] = u
				return u * u
			},
			back: func(x, t, g []float64, adj float64) { a.back(x, t, g, adj*(2*t[s])) },
		}
	}
	fk := float64(k)
	return rev{
		fwd: func(x, t []float64) float64 {
			u := a.fwd(x, t)
			t[s] = fk * powi(u, k-1)
			return powi(u, k)
		},
		back: func(x, t, g []float64, adj float64) { a.back(x, t, g, radj(adj, t[s])) },
	}
}

// compileRevChain compiles a function of one operand: a constant power or
// a call.
func (c *compiler) compileRevChain(n *node) rev {
	a, s := c.compileRev(n.a), c.slot(1)
	back := func(x, t, g []float64, adj float64) { a.back(x, t, g, radj(adj, t[s])) }
	if n.k == kPowConst {
		p, sg := n.c, n.sgn
		return rev{fwd: func(x, t []float64) float64 {
			u := a.fwd(x, t)
			t[s] = p * realPow(u, p-1, -sg)
			return realPow(u, p, sg)
		}, back: back}
	}
	switch d1 := n.fn.d1; n.fn.name {
	case "sin":
		return rev{fwd: func(x, t []float64) float64 {
			sn, cs := math.Sincos(a.fwd(x, t))
			t[s] = cs
			return sn
		}, back: back}
	case "exp":
		return rev{fwd: func(x, t []float64) float64 {
			e := math.Exp(a.fwd(x, t))
			t[s] = e
			return e
		}, back: back}
	default:
		return rev{fwd: func(x, t []float64) float64 {
			f, d := d1(a.fwd(x, t))
			t[s] = d
			return f
		}, back: back}
	}
}

// compileRevBinary compiles pow, min, max and atan2, each keeping the
// partial derivatives in its two operands.
func (c *compiler) compileRevBinary(n *node) rev {
	a, b, s := c.compileRev(n.a), c.compileRev(n.b), c.slot(2)
	back := func(x, t, g []float64, adj float64) {
		a.back(x, t, g, radj(adj, t[s]))
		b.back(x, t, g, radj(adj, t[s+1]))
	}
	switch {
	case a.back == nil:
		back = func(x, t, g []float64, adj float64) { b.back(x, t, g, radj(adj, t[s+1])) }
	case b.back == nil:
		back = func(x, t, g []float64, adj float64) { a.back(x, t, g, radj(adj, t[s])) }
	}
	var op func(u, w float64) (f, fa, fb float64)
	switch n.k {
	case kPow:
		op = func(u, w float64) (float64, float64, float64) {
			v := math.Pow(u, w)
			return v, w * math.Pow(u, w-1), v * math.Log(u)
		}
	case kMin, kMax:
		sgn := 1.0
		if n.k == kMax {
			sgn = -1
		}
		op = func(u, w float64) (float64, float64, float64) {
			wu := minWeight(sgn*u, sgn*w)
			if sgn > 0 {
				return math.Min(u, w), wu, 1 - wu
			}
			return math.Max(u, w), wu, 1 - wu
		}
	default: // kAtan2
		op = func(u, w float64) (float64, float64, float64) {
			r := u*u + w*w
			return math.Atan2(u, w), w / r, -u / r
		}
	}
	return rev{fwd: func(x, t []float64) float64 {
		f, fa, fb := op(a.fwd(x, t), b.fwd(x, t))
		t[s], t[s+1] = fa, fb
		return f
	}, back: back}
}

// minWeight is the share of the first operand in the derivative of
// min(u, w): 1, 0, or 1/2 on a tie (see dualMin); NaN when either is NaN.
func minWeight(u, w float64) float64 {
	switch {
	case u < w:
		return 1
	case w < u:
		return 0
	case u == w:
		return 0.5
	}
	return math.NaN()
}

// compileRevAddSub compiles a + b or a - b, with a variable or a constant
// operand read in place.
func (c *compiler) compileRevAddSub(n *node) rev {
	sg := 1.0
	if n.k == kSub {
		sg = -1
	}
	ia, ib := varIndex(n.a), varIndex(n.b)
	switch {
	case n.a.k == kConst && ib >= 0: // c ± x[ib]
		k := n.a.c
		return rev{
			fwd:  func(x, t []float64) float64 { return k + sg*x[ib] },
			back: func(x, t, g []float64, adj float64) { g[ib] += sg * adj },
		}
	case ia >= 0 && n.b.k != kConst: // x[ia] ± b
		b := c.compileRev(n.b)
		return rev{
			fwd: func(x, t []float64) float64 { return x[ia] + sg*b.fwd(x, t) },
			back: func(x, t, g []float64, adj float64) {
				g[ia] += adj
				b.back(x, t, g, sg*adj)
			},
		}
	case ib >= 0 && n.a.k != kConst: // a ± x[ib]
		a := c.compileRev(n.a)
		return rev{
			fwd: func(x, t []float64) float64 { return a.fwd(x, t) + sg*x[ib] },
			back: func(x, t, g []float64, adj float64) {
				a.back(x, t, g, adj)
				g[ib] += sg * adj
			},
		}
	}
	a, b := c.compileRev(n.a), c.compileRev(n.b)
	switch {
	case a.back == nil:
		return rev{
			fwd:  func(x, t []float64) float64 { return a.fwd(x, t) + sg*b.fwd(x, t) },
			back: func(x, t, g []float64, adj float64) { b.back(x, t, g, sg*adj) },
		}
	case b.back == nil:
		return rev{
			fwd:  func(x, t []float64) float64 { return a.fwd(x, t) + sg*b.fwd(x, t) },
			back: a.back,
		}
	}
	return rev{
		fwd: func(x, t []float64) float64 { return a.fwd(x, t) + sg*b.fwd(x, t) },
		back: func(x, t, g []float64, adj float64) {
			a.back(x, t, g, adj)
			b.back(x, t, g, sg*adj)
		},
	}
}
