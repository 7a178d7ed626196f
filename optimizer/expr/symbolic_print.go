package expr

import (
	"math"
	"slices"
	"strconv"
	"strings"
)

// polyNode is the tree of p as a reader writes it: terms in the order they
// came, except that a sum with a positive term does not start with a minus
// (y - 1, not -1 + y), and each term a monoNode.
func polyNode(p poly) *node {
	if len(p) == 0 {
		return constNode(0)
	}
	terms := p
	if i := slices.IndexFunc(p, func(m mono) bool { return m.coef > 0 }); i > 0 {
		terms = slices.Concat(p[i:i+1], p[:i], p[i+1:])
	}
	n := monoNode(terms[0])
	for _, t := range terms[1:] {
		if t.coef < 0 {
			n = &node{k: kSub, a: n, b: monoNode(mono{coef: -t.coef, fs: t.fs})}
		} else {
			n = &node{k: kAdd, a: n, b: monoNode(t)}
		}
	}
	return n
}

// monoNode is the tree of the term m: coefficient first, then the factors
// (x before y before calls before sums in parentheses), negative powers
// below the fraction bar, a coefficient that is a simple fraction split
// across it (x/2, 1/(3*x^(2/3))), and a minus sign on the first factor
// (-x*y is (-x)*y, which is -(x*y) exactly).
func monoNode(m mono) *node {
	if len(m.fs) == 0 {
		return constNode(m.coef)
	}
	var num, den []factor
	for _, f := range m.fs {
		if f.exp > 0 {
			num = append(num, f)
		} else {
			den = append(den, factor{f.base, -f.exp})
		}
	}
	slices.SortStableFunc(num, func(a, b factor) int { return rank(a.base) - rank(b.base) })
	slices.SortStableFunc(den, func(a, b factor) int { return rank(a.base) - rank(b.base) })
	c := m.coef
	neg := c < 0
	if neg {
		c = -c
	}
	top, bottom := c, 1.0
	if p, q, ok := fraction(c); ok && (p == 1 || len(strconv.FormatFloat(c, 'g', -1, 64)) > 6) {
		top, bottom = float64(p), float64(q)
	}
	n := product(top, num, neg)
	if len(den) == 0 && bottom == 1 {
		return n
	}
	return &node{k: kDiv, a: n, b: product(bottom, den, false)}
}

// product is c*f1*f2*... (c left out when 1 and there are factors), with
// the first operand negated when neg.
func product(c float64, fs []factor, neg bool) *node {
	var n *node
	if c != 1 || len(fs) == 0 {
		if neg {
			c = -c
		}
		n, neg = constNode(c), false
	}
	for _, f := range fs {
		t := f.base
		if f.exp != 1 {
			t = powNode(f.base, constNode(float64(f.exp)))
		}
		if neg {
			t, neg = &node{k: kNeg, a: t}, false
		}
		if n == nil {
			n = t
		} else {
			n = &node{k: kMul, a: n, b: t}
		}
	}
	return n
}

// rank orders the factors of a term: powers of x[0] (x), x[1] (y), x[2]
// ... in the order of the index, then other factors, then sums.
func rank(n *node) int {
	switch n.k {
	case kPowInt, kPowConst:
		return rank(n.a)
	case kX, kY, kVar:
		return varIndex(n)
	case kAdd, kSub:
		return MaxDims + 1
	}
	return MaxDims
}

// fraction reports whether c is exactly p/q for an integer p and a q from
// 2 to 99 (the smallest such q), with |p| < 10000.
func fraction(c float64) (p, q int, ok bool) {
	if math.IsNaN(c) || math.IsInf(c, 0) || c == math.Trunc(c) || math.Abs(c) > 100 {
		return 0, 0, false
	}
	for q := 2; q <= 99; q++ {
		p := math.Round(c * float64(q))
		if math.Abs(p) < 10000 && p/float64(q) == c {
			return int(p), q, true
		}
	}
	return 0, 0, false
}

// symString prints the tree n in the language: the key's grammar (see
// writeKey) with spaces around the + and - of sums and after commas, and
// numbers as a reader writes them (numberText), the variables as writeVar
// names them.
func symString(n *node, ix bool) string {
	var b strings.Builder
	writeSym(&b, n, precSum, ix)
	return b.String()
}

// writeSym writes n where the grammar expects the level prec, in
// parentheses if n is of a lower level.
func writeSym(b *strings.Builder, n *node, prec int, ix bool) {
	text, level := "", keyLevel(n)
	if n.k == kConst {
		text, level = numberText(n.c)
	}
	if level < prec {
		b.WriteByte('(')
		defer b.WriteByte(')')
	}
	switch n.k {
	case kConst:
		b.WriteString(text)
	case kX, kY, kVar:
		writeVar(b, n, ix)
	case kNeg:
		b.WriteByte('-')
		writeSym(b, n.a, precSigned, ix)
	case kAdd, kSub:
		writeSym(b, n.a, precSum, ix)
		b.WriteString([]string{" + ", " - "}[n.k-kAdd])
		writeSym(b, n.b, precProduct, ix)
	case kMul, kDiv:
		writeSym(b, n.a, precProduct, ix)
		b.WriteByte("*/"[n.k-kMul])
		writeSym(b, n.b, precSigned, ix)
	case kPowInt, kPowConst, kPow:
		writeSym(b, n.a, precAtom, ix)
		b.WriteByte('^')
		switch n.k {
		case kPowInt:
			writeSym(b, constNode(float64(n.n)), precSigned, ix)
		case kPowConst:
			writeSym(b, constNode(n.c), precSigned, ix)
		default:
			writeSym(b, n.b, precSigned, ix)
		}
	default:
		writeSymCall(b, n, ix)
	}
}

// writeSymCall writes a call of one or two arguments.
func writeSymCall(b *strings.Builder, n *node, ix bool) {
	if n.k == kCall {
		b.WriteString(n.fn.name)
	} else {
		b.WriteString(binaryName[n.k])
	}
	b.WriteByte('(')
	writeSym(b, n.a, precSum, ix)
	if n.b != nil {
		b.WriteString(", ")
		writeSym(b, n.b, precSum, ix)
	}
	b.WriteByte(')')
}

// numberText is c as a reader writes it, with the level of the grammar it
// reads at; every form parses back to c bit for bit: pi, e, 2*pi, 1/3 (a
// fraction whose decimal is long), (1/0) for infinity, (0/0) for NaN, else
// the shortest 'g' form (0.5, 1e+06).
func numberText(c float64) (string, int) {
	switch {
	case math.IsNaN(c):
		return "(0/0)", precAtom
	case math.IsInf(c, 1):
		return "(1/0)", precAtom
	case math.IsInf(c, -1):
		return "(-1/0)", precAtom
	}
	level := precAtom
	if math.Signbit(c) {
		level = precSigned
	}
	switch math.Abs(c) {
	case math.Pi:
		return strings.Replace(strconv.FormatFloat(c, 'g', -1, 64), "3.141592653589793", "pi", 1), level
	case math.E:
		return strings.Replace(strconv.FormatFloat(c, 'g', -1, 64), "2.718281828459045", "e", 1), level
	}
	if k := math.Round(c / math.Pi); k != 0 && math.Abs(k) <= 1000 && k*math.Pi == c {
		return strconv.FormatFloat(k, 'g', -1, 64) + "*pi", precProduct
	}
	s := strconv.FormatFloat(c, 'g', -1, 64)
	if p, q, ok := fraction(c); ok && len(s) > 6 {
		return strconv.Itoa(p) + "/" + strconv.Itoa(q), precProduct
	}
	return s, level
}
