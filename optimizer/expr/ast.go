package expr

import "math"

// kind is the kind of an expression node.
type kind int

const (
	kConst    kind = iota // c
	kX                    // x
	kY                    // y
	kNeg                  // -a
	kAdd                  // a + b
	kSub                  // a - b
	kMul                  // a * b
	kDiv                  // a / b
	kPowInt               // a^n, n a small integer constant (n != 0, 1)
	kPowConst             // a^c, c a non-integer (or huge) constant
	kPow                  // a^b, b not constant
	kCall                 // fn(a)
	kMin                  // min(a, b)
	kMax                  // max(a, b)
	kAtan2                // atan2(a, b)
	kVar                  // x[n] for n >= 2 (x[0] is kX, x[1] is kY)
)

// varIndex is the index of the variable n (0 for x, 1 for y, n.n for
// x[n]), or -1 if n is not a variable.
func varIndex(n *node) int {
	switch n.k {
	case kX:
		return 0
	case kY:
		return 1
	case kVar:
		return n.n
	}
	return -1
}

// varNode is the variable x[i].
func varNode(i int) *node {
	switch i {
	case 0:
		return &node{k: kX}
	case 1:
		return &node{k: kY}
	}
	return &node{k: kVar, n: i}
}

// maxVar is the highest index of a variable in the tree n, -1 if none.
func maxVar(n *node) int {
	if n == nil {
		return -1
	}
	return max(varIndex(n), maxVar(n.a), maxVar(n.b))
}

// maxIntPow bounds the integer exponents compiled into multiplications;
// larger ones go through math.Pow, which handles them exactly as well.
const maxIntPow = 1 << 20

// node is one node of the parsed, simplified expression tree.
type node struct {
	k    kind
	c    float64    // kConst: the value; kPowConst: the exponent
	sgn  float64    // kPowConst: the sign of a^c for a < 0 when c = p/q with q odd, else 0
	n    int        // kPowInt: the exponent; kVar: the index
	fn   *unaryFunc // kCall
	a, b *node
}

func constNode(c float64) *node { return &node{k: kConst, c: c} }

// fold replaces a node whose operands are all constant by its value,
// computed by the same compiled code that evaluates it at run time.
func fold(n *node) *node {
	if n.a != nil && n.a.k != kConst || n.b != nil && n.b.k != kConst {
		return n
	}
	return constNode(compileValue(n)(0, 0))
}

func negNode(a *node) *node {
	if a.k == kNeg {
		return a.a // -(-a) == a exactly in IEEE arithmetic
	}
	return fold(&node{k: kNeg, a: a})
}

func binNode(k kind, a, b *node) *node {
	return fold(&node{k: k, a: a, b: b})
}

func callNode(fn *unaryFunc, a *node) *node {
	return fold(&node{k: kCall, fn: fn, a: a})
}

// powNode builds a^b. A constant integer exponent becomes repeated
// multiplication (kPowInt); another constant exponent c is compiled with the
// real-root rule of realPow, so x^(1/3) is defined for negative x.
func powNode(a, b *node) *node {
	if b.k != kConst {
		return fold(&node{k: kPow, a: a, b: b})
	}
	c := b.c
	if c == math.Trunc(c) && math.Abs(c) <= maxIntPow {
		switch c {
		case 0:
			return constNode(1) // a^0 = 1 for every a, as math.Pow
		case 1:
			return a
		}
		return fold(&node{k: kPowInt, n: int(c), a: a})
	}
	return fold(&node{k: kPowConst, c: c, sgn: rootSign(c), a: a})
}

// rootSign returns the sign of u^c for negative u when the exponent c is
// (to 1e-12 relative) a fraction p/q with q odd and at most 99, so that u^c
// is the real q-th root of u^p: -1 if p is odd, +1 if p is even. It returns
// 0 for other exponents (and for integers, which math.Pow handles), meaning
// u^c is NaN for u < 0.
func rootSign(c float64) float64 {
	if math.IsNaN(c) || math.IsInf(c, 0) || c == math.Trunc(c) || math.Abs(c) > 1e6 {
		return 0
	}
	for q := 3.0; q <= 99; q += 2 {
		p := math.Round(c * q)
		if math.Abs(c*q-p) <= 1e-12*math.Abs(c*q) {
			if math.Mod(p, 2) == 0 {
				return 1
			}
			return -1
		}
	}
	return 0
}

// realPow returns u^c, taking the real root for negative u when sgn != 0 (see
// rootSign); otherwise it is math.Pow.
func realPow(u, c, sgn float64) float64 {
	if u < 0 && sgn != 0 {
		return sgn * math.Pow(-u, c)
	}
	return math.Pow(u, c)
}

// powi returns u^n by repeated squaring; negative n takes the reciprocal.
func powi(u float64, n int) float64 {
	if n < 0 {
		return 1 / powi(u, -n)
	}
	r := 1.0
	for n > 0 {
		if n&1 == 1 {
			r *= u
		}
		u *= u
		n >>= 1
	}
	return r
}
