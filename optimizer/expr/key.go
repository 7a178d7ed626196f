package expr

import (
	"math"
	"strconv"
	"strings"
)

// Precedence levels of the key's grammar, which is the grammar of the
// language (see parser) without implicit multiplication:
//
//	sum     = sum ("+" | "-") product | product
//	product = product ("*" | "/") signed | signed
//	signed  = "-" signed | power
//	power   = atom "^" signed | atom
//	atom    = number | x | y | name "(" sum ["," sum] ")" | "(" sum ")"
const (
	precSum = iota
	precProduct
	precSigned
	precPower
	precAtom
)

// key prints the tree n in the key's grammar with the fewest parentheses:
// operators as + - * / ^, numbers in the shortest 'g' form (a negative
// number printed like a sign applied to its magnitude, as a folded tree
// never holds the negation of a constant), functions by name. A function
// of x and y whose tree lost y to constant folding (x + 0*y^0) is marked
// with twoD after the tree, so that its key is not that of the function of
// x alone.
func key(n *node, dims int) string {
	var b strings.Builder
	b.Grow(64)
	writeKey(&b, n, precSum, dims > 2)
	switch {
	case dims == 2 && !hasY(n):
		b.WriteString(twoD)
	case dims > 2 && maxVar(n) < dims-1:
		b.WriteString(" [x[0.." + strconv.Itoa(dims-1) + "]]")
	}
	return b.String()
}

// twoD marks the key of a function of x and y whose tree has no y.
const twoD = " [x, y]"

// hasY reports whether the tree n uses y.
func hasY(n *node) bool {
	return n != nil && (n.k == kY || hasY(n.a) || hasY(n.b))
}

// writeVar writes the variable n: x and y, or x[0], x[1], x[2] ... when
// ix (the names of a function of more than two variables).
func writeVar(b *strings.Builder, n *node, ix bool) {
	if !ix && n.k != kVar {
		b.WriteByte("xy"[n.k-kX])
		return
	}
	b.WriteString("x[")
	b.WriteString(strconv.Itoa(varIndex(n)))
	b.WriteByte(']')
}

// writeKey writes n where the grammar expects the level prec, in
// parentheses if n is of a lower level, with the variables named as
// writeVar does.
func writeKey(b *strings.Builder, n *node, prec int, ix bool) {
	level := keyLevel(n)
	if level < prec {
		b.WriteByte('(')
		defer b.WriteByte(')')
	}
	switch n.k {
	case kConst:
		writeNumber(b, n.c)
	case kX, kY, kVar:
		writeVar(b, n, ix)
	case kNeg:
		b.WriteByte('-')
		writeKey(b, n.a, precSigned, ix)
	case kAdd, kSub:
		writeKey(b, n.a, precSum, ix)
		b.WriteByte("+-"[n.k-kAdd])
		writeKey(b, n.b, precProduct, ix)
	case kMul, kDiv:
		writeKey(b, n.a, precProduct, ix)
		b.WriteByte("*/"[n.k-kMul])
		writeKey(b, n.b, precSigned, ix)
	case kPowInt, kPowConst, kPow:
		writeKey(b, n.a, precAtom, ix)
		b.WriteByte('^')
		switch n.k {
		case kPowInt:
			writeNumber(b, float64(n.n))
		case kPowConst:
			writeNumber(b, n.c)
		default:
			writeKey(b, n.b, precSigned, ix)
		}
	case kCall:
		b.WriteString(n.fn.name)
		b.WriteByte('(')
		writeKey(b, n.a, precSum, ix)
		b.WriteByte(')')
	case kMin, kMax, kAtan2:
		b.WriteString(binaryName[n.k])
		b.WriteByte('(')
		writeKey(b, n.a, precSum, ix)
		b.WriteByte(',')
		writeKey(b, n.b, precSum, ix)
		b.WriteByte(')')
	}
}

// binaryName names the functions of two arguments other than pow (whose
// calls are powers).
var binaryName = map[kind]string{kMin: "min", kMax: "max", kAtan2: "atan2"}

// keyLevel is the level of the grammar that n is printed at.
func keyLevel(n *node) int {
	switch n.k {
	case kConst:
		if math.Signbit(n.c) && !math.IsNaN(n.c) { // printed with a "-"
			return precSigned
		}
		return precAtom
	case kNeg:
		return precSigned
	case kAdd, kSub:
		return precSum
	case kMul, kDiv:
		return precProduct
	case kPowInt, kPowConst, kPow:
		return precPower
	}
	return precAtom
}

// writeNumber writes c in the shortest 'g' form ("2", "0.1", "1e+06",
// "-0"), infinities as Inf and -Inf, NaN as NaN.
func writeNumber(b *strings.Builder, c float64) {
	var buf [32]byte
	s := strconv.AppendFloat(buf[:0], c, 'g', -1, 64)
	if s[0] == '+' { // +Inf
		s = s[1:]
	}
	b.Write(s)
}
