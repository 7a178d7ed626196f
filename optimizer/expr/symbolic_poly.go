package expr

import "math"

// The algebra of symbolic differentiation: a derivative is built as a sum
// (poly) of terms (mono), each a coefficient times a product of powers of
// subtrees (factor). The constructors keep a sum in a light normal form:
// constants folded, zero terms dropped, like terms collected (2*x + 3*x is
// 5*x), equal bases merged into one power (x*x is x^2, x^3/x is x^2). The
// values of a poly and of the derivative the dual numbers compute differ by
// rounding only, except where a cancelled factor is 0 or infinite (x/x is
// 1), where the dual number is NaN anyway. Nothing here mutates a value
// once built, so subtrees and factor lists are shared freely.

// factor is base^exp for a nonzero integer exp.
type factor struct {
	base *node
	exp  int
}

// mono is coef times the product of its factors, whose bases all differ.
type mono struct {
	coef float64
	fs   []factor
}

// poly is a sum of monos with nonzero coefficients and different factors;
// nil is 0.
type poly []mono

// pconst is the constant c.
func pconst(c float64) poly {
	if c == 0 {
		return nil
	}
	return poly{{coef: c}}
}

// pnode is the subtree n as a sum of one term.
func pnode(n *node) poly { return addTerm(nil, monoOf(n)) }

// pfactor is base^exp times coef, one term.
func pfactor(coef float64, base *node, exp int) poly {
	return addTerm(nil, mono{coef: coef, fs: []factor{{base, exp}}})
}

// monoOf reads n as a term: a product, quotient, negation or integer power
// of terms is split into its coefficient and factors; any other subtree is
// one factor.
func monoOf(n *node) mono {
	switch n.k {
	case kConst:
		return mono{coef: n.c}
	case kNeg:
		m := monoOf(n.a)
		return mono{coef: -m.coef, fs: m.fs}
	case kMul:
		return mulMono(monoOf(n.a), monoOf(n.b), 1)
	case kDiv:
		return mulMono(monoOf(n.a), monoOf(n.b), -1)
	case kPowInt:
		if m, ok := powMono(monoOf(n.a), n.n); ok {
			return m
		}
	}
	return mono{coef: 1, fs: []factor{{n, 1}}}
}

// mulMono is a*b for dir = 1 and a/b for dir = -1, merging equal bases.
func mulMono(a, b mono, dir int) mono {
	coef := a.coef * b.coef
	if dir < 0 {
		coef = a.coef / b.coef
	}
	fs := make([]factor, len(a.fs), len(a.fs)+len(b.fs))
	copy(fs, a.fs)
	for _, f := range b.fs {
		fs = mergeFactor(fs, factor{f.base, dir * f.exp})
	}
	return mono{coef: coef, fs: fs}
}

// mergeFactor multiplies the factor list fs (owned by the caller) by f. A
// power too large to print as one (above maxIntPow) stays two factors.
func mergeFactor(fs []factor, f factor) []factor {
	for i, g := range fs {
		if !symEqual(g.base, f.base) {
			continue
		}
		switch e := g.exp + f.exp; {
		case e == 0:
			return append(fs[:i], fs[i+1:]...)
		case iabs(e) <= maxIntPow:
			fs[i] = factor{g.base, e}
			return fs
		}
	}
	return append(fs, f)
}

// powMono is m^n; ok is false when an exponent would exceed maxIntPow.
func powMono(m mono, n int) (mono, bool) {
	fs := make([]factor, len(m.fs))
	for i, f := range m.fs {
		if iabs(f.exp*n) > maxIntPow {
			return mono{}, false
		}
		fs[i] = factor{f.base, f.exp * n}
	}
	return mono{coef: powi(m.coef, n), fs: fs}, true
}

func iabs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// addTerm returns p + m (p is not modified). A term that is a sum in
// parentheses, ±(a + b), is added term by term, so that like terms inside
// it are collected too.
func addTerm(p poly, m mono) poly {
	if m.coef == 0 {
		return p
	}
	if len(m.fs) == 1 && m.fs[0].exp == 1 && math.Abs(m.coef) == 1 && isSum(m.fs[0].base) {
		for _, t := range sumTerms(m.fs[0].base, m.coef, nil) {
			p = addTerm(p, t)
		}
		return p
	}
	for i, t := range p {
		if !sameFactors(t.fs, m.fs) {
			continue
		}
		out := append(poly(nil), p[:i]...)
		if c := t.coef + m.coef; c != 0 {
			out = append(out, mono{coef: c, fs: t.fs})
		}
		return append(out, p[i+1:]...)
	}
	return append(p[:len(p):len(p)], m)
}

func isSum(n *node) bool { return n.k == kAdd || n.k == kSub }

// sumTerms appends the terms of the sum n, each times sign, to out.
func sumTerms(n *node, sign float64, out []mono) []mono {
	switch n.k {
	case kAdd:
		return sumTerms(n.b, sign, sumTerms(n.a, sign, out))
	case kSub:
		return sumTerms(n.b, -sign, sumTerms(n.a, sign, out))
	}
	m := monoOf(n)
	return append(out, mono{coef: sign * m.coef, fs: m.fs})
}

// sameFactors reports whether a and b are the same product of powers, in
// any order.
func sameFactors(a, b []factor) bool {
	if len(a) != len(b) {
		return false
	}
next:
	for _, f := range a {
		for _, g := range b {
			if f.exp == g.exp && symEqual(f.base, g.base) {
				continue next
			}
		}
		return false
	}
	return true
}

// symEqual reports whether a and b are the same tree, constants bit for bit.
func symEqual(a, b *node) bool {
	if a == b {
		return true
	}
	if a == nil || b == nil || a.k != b.k || a.n != b.n || a.fn != b.fn ||
		math.Float64bits(a.c) != math.Float64bits(b.c) || math.Float64bits(a.sgn) != math.Float64bits(b.sgn) {
		return false
	}
	return symEqual(a.a, b.a) && symEqual(a.b, b.b)
}

// padd is p + q.
func padd(p, q poly) poly {
	for _, m := range q {
		p = addTerm(p, m)
	}
	return p
}

// pscale is c*p.
func pscale(p poly, c float64) poly {
	var out poly
	for _, m := range p {
		out = addTerm(out, mono{coef: c * m.coef, fs: m.fs})
	}
	return out
}

// pneg is -p.
func pneg(p poly) poly { return pscale(p, -1) }

// pmul is p*q. A constant distributes over a sum; otherwise a sum of
// several terms stays a factor in parentheses (2*(1 - x)*(y - 1), not
// expanded).
func pmul(p, q poly) poly {
	switch {
	case len(p) == 0 || len(q) == 0:
		return nil
	case len(p) == 1 && len(p[0].fs) == 0:
		return pscale(q, p[0].coef)
	case len(q) == 1 && len(q[0].fs) == 0:
		return pscale(p, q[0].coef)
	}
	return addTerm(nil, mulMono(asMono(p), asMono(q), 1))
}

// pdiv is p/m.
func pdiv(p poly, m mono) poly {
	if len(p) == 0 {
		return nil
	}
	if len(m.fs) == 0 {
		var out poly
		for _, t := range p {
			out = addTerm(out, mono{coef: t.coef / m.coef, fs: t.fs})
		}
		return out
	}
	return addTerm(nil, mulMono(asMono(p), m, -1))
}

// asMono is p as one term: itself if it has one, else the sum as a factor.
func asMono(p poly) mono {
	if len(p) == 1 {
		return p[0]
	}
	return mono{coef: 1, fs: []factor{{polyNode(p), 1}}}
}
