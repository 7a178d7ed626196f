package expr

import "math"

// valueFn evaluates a compiled expression.
type valueFn func(x, y float64) float64

// compileValue compiles n into a closure computing its value. Common shapes
// (a constant operand, a square) get their own closures so that no node
// dispatches on its kind at run time.
func compileValue(n *node) valueFn {
	switch n.k {
	case kConst:
		c := n.c
		return func(x, y float64) float64 { return c }
	case kX:
		return func(x, y float64) float64 { return x }
	case kY:
		return func(x, y float64) float64 { return y }
	case kVar: // the 2-D methods take the coordinates past x and y as 0
		return func(x, y float64) float64 { return 0 }
	case kNeg:
		a := compileValue(n.a)
		return func(x, y float64) float64 { return -a(x, y) }
	case kAdd, kSub, kMul, kDiv:
		return compileValueArith(n)
	case kPowInt:
		return compileValuePowInt(n)
	case kPowConst:
		a, c, s := compileValue(n.a), n.c, n.sgn
		return func(x, y float64) float64 { return realPow(a(x, y), c, s) }
	case kPow:
		a, b := compileValue(n.a), compileValue(n.b)
		return func(x, y float64) float64 { return math.Pow(a(x, y), b(x, y)) }
	case kCall:
		a, f := compileValue(n.a), n.fn.f
		return func(x, y float64) float64 { return f(a(x, y)) }
	case kMin:
		a, b := compileValue(n.a), compileValue(n.b)
		return func(x, y float64) float64 { return math.Min(a(x, y), b(x, y)) }
	case kMax:
		a, b := compileValue(n.a), compileValue(n.b)
		return func(x, y float64) float64 { return math.Max(a(x, y), b(x, y)) }
	case kAtan2:
		a, b := compileValue(n.a), compileValue(n.b)
		return func(x, y float64) float64 { return math.Atan2(a(x, y), b(x, y)) }
	}
	return func(x, y float64) float64 { return math.NaN() } // unreachable
}

// compileValueArith compiles + - * / with specialised constant operands.
func compileValueArith(n *node) valueFn {
	if n.a.k == kConst {
		c, b := n.a.c, compileValue(n.b)
		switch n.k {
		case kAdd:
			return func(x, y float64) float64 { return c + b(x, y) }
		case kSub:
			return func(x, y float64) float64 { return c - b(x, y) }
		case kMul:
			return func(x, y float64) float64 { return c * b(x, y) }
		default:
			return func(x, y float64) float64 { return c / b(x, y) }
		}
	}
	if n.b.k == kConst {
		a, c := compileValue(n.a), n.b.c
		switch n.k {
		case kAdd:
			return func(x, y float64) float64 { return a(x, y) + c }
		case kSub:
			return func(x, y float64) float64 { return a(x, y) - c }
		case kMul:
			return func(x, y float64) float64 { return a(x, y) * c }
		default:
			return func(x, y float64) float64 { return a(x, y) / c }
		}
	}
	a, b := compileValue(n.a), compileValue(n.b)
	switch n.k {
	case kAdd:
		return func(x, y float64) float64 { return a(x, y) + b(x, y) }
	case kSub:
		return func(x, y float64) float64 { return a(x, y) - b(x, y) }
	case kMul:
		return func(x, y float64) float64 { return a(x, y) * b(x, y) }
	default:
		return func(x, y float64) float64 { return a(x, y) / b(x, y) }
	}
}

// compileValuePowInt compiles a^n for an integer n as multiplications.
func compileValuePowInt(n *node) valueFn {
	if n.a.k == kX && n.n == 2 {
		return func(x, y float64) float64 { return x * x }
	}
	if n.a.k == kY && n.n == 2 {
		return func(x, y float64) float64 { return y * y }
	}
	a, k := compileValue(n.a), n.n
	switch k {
	case 2:
		return func(x, y float64) float64 { u := a(x, y); return u * u }
	case 3:
		return func(x, y float64) float64 { u := a(x, y); return u * u * u }
	case -1:
		return func(x, y float64) float64 { return 1 / a(x, y) }
	case -2:
		return func(x, y float64) float64 { u := a(x, y); return 1 / (u * u) }
	}
	return func(x, y float64) float64 { return powi(a(x, y), k) }
}
