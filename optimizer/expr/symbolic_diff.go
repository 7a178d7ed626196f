package expr

import "math"

// diff returns the derivative of the tree n with respect to the variable
// x[v] by the rules of calculus, with the conventions of the dual
// numbers at kinks (see compileDual): an operand that does not depend on v
// contributes nothing, abs' = sign, relu' = step, sign' = 0, and min and
// max average their operands' derivatives on a tie.
func diff(n *node, v int) poly {
	switch n.k {
	case kConst:
		return nil
	case kX, kY, kVar:
		if varIndex(n) == v {
			return pconst(1)
		}
		return nil
	case kNeg:
		return pneg(diff(n.a, v))
	case kAdd:
		return padd(diff(n.a, v), diff(n.b, v))
	case kSub:
		return padd(diff(n.a, v), pneg(diff(n.b, v)))
	case kMul:
		return padd(pmul(diff(n.a, v), pnode(n.b)), pmul(pnode(n.a), diff(n.b, v)))
	case kDiv:
		return diffDiv(n, v)
	case kPowInt, kPowConst:
		du := diff(n.a, v)
		if du == nil {
			return nil
		}
		return pmul(powDeriv(n), du)
	case kPow:
		return diffPow(n, v)
	case kCall:
		du := diff(n.a, v)
		if du == nil {
			return nil
		}
		fp := callDeriv(n)
		if len(fp) > 1 && !(len(du) == 1 && len(du[0].fs) == 0 && du[0].coef == 1) {
			fp = poly{asMono(fp)} // 2*(1 + tan(2*x)^2), not 2 + 2*tan(2*x)^2
		}
		return pmul(fp, du)
	case kMin, kMax:
		return diffMinMax(n, v)
	case kAtan2:
		// d atan2(u, w) = (w du - u dw)/(w^2 + u^2)
		num := padd(pmul(pnode(n.b), diff(n.a, v)), pneg(pmul(pnode(n.a), diff(n.b, v))))
		r := binNode(kAdd, powNode(n.b, constNode(2)), powNode(n.a, constNode(2)))
		return pdiv(num, mono{coef: 1, fs: []factor{{r, 1}}})
	}
	return pconst(math.NaN()) // unreachable
}

// diffDiv is the quotient rule, (u'w - uw')/w^2, or u'/w and -uw'/w^2 when
// one side does not depend on v.
func diffDiv(n *node, v int) poly {
	du, dw := diff(n.a, v), diff(n.b, v)
	w := monoOf(n.b)
	if dw == nil {
		return pdiv(du, w)
	}
	w2, ok := powMono(w, 2)
	if !ok {
		w2 = mono{coef: 1, fs: []factor{{n.b, 2}}}
	}
	num := pneg(pmul(pnode(n.a), dw))
	if du != nil {
		num = padd(pmul(du, pnode(n.b)), num)
	}
	return pdiv(num, w2)
}

// powDeriv is the derivative of u^c with respect to u, c u^(c-1), for a
// constant exponent c (n of kind kPowInt or kPowConst). A negative power
// goes below the fraction bar: -2/x^3, 1/(3*x^(2/3)).
func powDeriv(n *node) poly {
	if n.k == kPowInt {
		c := float64(n.n)
		if m, ok := powMono(monoOf(n.a), n.n-1); ok {
			return addTerm(nil, mono{coef: c * m.coef, fs: m.fs})
		}
		return pfactor(c, n.a, n.n-1)
	}
	c := n.c
	e := minusOne(c)
	if e < 0 {
		return pfactor(c, powNode(n.a, constNode(-e)), -1)
	}
	return pfactor(c, powNode(n.a, constNode(e)), 1)
}

// minusOne is c - 1, exactly (p-q)/q when c is a simple fraction p/q, so
// that the exponent of x^(1/3)' prints as 2/3.
func minusOne(c float64) float64 {
	if p, q, ok := fraction(c); ok {
		return float64(p-q) / float64(q)
	}
	return c - 1
}

// diffPow is the rule for u^w with a variable exponent:
// d(u^w) = w u^(w-1) du + u^w log(u) dw.
func diffPow(n *node, v int) poly {
	du, dw := diff(n.a, v), diff(n.b, v)
	var out poly
	if du != nil {
		e := polyNode(padd(pnode(n.b), pconst(-1)))
		out = pmul(pmul(pnode(n.b), pnode(powNode(n.a, e))), du)
	}
	if dw != nil {
		out = padd(out, pmul(pmul(pnode(n), logOf(n.a)), dw))
	}
	return out
}

// logOf is log(u). Of a constant it stays a call, log(2), for the reader
// (and vanishes for e, whose logarithm is 1).
func logOf(u *node) poly {
	lg := unaryFuncs["log"]
	if u.k != kConst {
		return pnode(callNode(lg, u))
	}
	switch l := math.Log(u.c); l {
	case 0, 1:
		return pconst(l)
	}
	return pfactor(1, &node{k: kCall, fn: lg, a: u}, 1)
}

// diffMinMax is the derivative of min(u, w) or max(u, w): du where u is
// chosen, dw where w is, their average on a tie, written with the weights
// (1 + sign(w - u))/2 and (1 + sign(u - w))/2 (swapped for max), which are
// 1, 0 or 1/2.
func diffMinMax(n *node, v int) poly {
	du, dw := diff(n.a, v), diff(n.b, v)
	wu, ww := difference(n.b, n.a), difference(n.a, n.b)
	if n.k == kMax {
		wu, ww = ww, wu
	}
	return padd(pmul(weight(wu), du), pmul(weight(ww), dw))
}

// weight is (1 + sign(d))/2.
func weight(d *node) poly {
	return pfactor(0.5, binNode(kAdd, constNode(1), callNode(unaryFuncs["sign"], d)), 1)
}

// difference is a - b with the same sign as the comparison of a and b: no
// algebra beyond dropping a zero operand.
func difference(a, b *node) *node {
	switch {
	case b.k == kConst && b.c == 0:
		return a
	case a.k == kConst && a.c == 0:
		return negNode(b)
	}
	return binNode(kSub, a, b)
}
