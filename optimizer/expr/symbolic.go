package expr

import (
	"slices"
	"strconv"
	"sync"
)

// Gradient returns the gradient of f as formulas in the function language,
// one per variable: ∂f/∂x, and ∂f/∂y when Dims() == 2, and ∂f/∂x[i] for
// i from 0 to Dims()-1 when Dims() > 2, written with the variables x[0],
// x[1], x[2] ... (x[0]^2 + x[1]^2 + x[2]^2 has ["2*x[0]", "2*x[1]",
// "2*x[2]"]). For x^2 + y^2 it is
// ["2*x", "2*y"]; for (1-x)^2 + 100(y-x^2)^2 it is
// ["-2*(1 - x) - 400*x*(y - x^2)", "200*(y - x^2)"]; for sin(x)*cos(y) it is
// ["cos(x)*cos(y)", "-sin(x)*sin(y)"].
//
// The formulas are the symbolic derivatives of the parsed tree (sum,
// product, quotient and power rules, the chain rule through every function
// of the language), lightly simplified: constants folded, zero terms and
// factors of 1 dropped, like terms collected (2*x + 3*x is 5*x), equal
// factors merged into a power (x*x is x^2), a constant coefficient first
// and a simple fractional one split across the fraction bar (x/2), numbers
// in the shortest form (and pi, e, 2*pi, 1/3 where they are those numbers
// exactly). Sums keep their parentheses rather than being expanded.
//
// Each formula that uses a variable parses back (Parse) to a function whose
// value is the exact derivative ValueGrad computes, up to rounding, with the
// same conventions at kinks: abs' is sign(u) (0 at 0), relu' is
// sign(relu(u)) (0 at 0), sign' is 0, and min/max weight their operands'
// derivatives by (1 + sign(w - u))/2 and (1 + sign(u - w))/2, the average on
// a tie. Two differences remain, at points where some factor is infinite or
// undefined: where a term is 0 times such a factor the formula is NaN and
// the dual numbers take 0 (their 0·∞ = 0), and a factor cancelled by the
// simplification (x*y/y is x) makes the formula finite where f itself is
// infinite or undefined (y = 0 here). A constant component ("2" for
// ∂/∂x of 2x + y, "0" for ∂/∂y of x + 0*y) is a number in the language
// (2, 0, 2*pi), which Parse rejects for using no variable.
//
// The formulas are computed on the first call and kept: later calls cost a
// lookup and the copy of the slice, which the caller may modify.
func (f *Func) Gradient() []string {
	f.forms.once.Do(func() { f.forms.exprs = gradientOf(f.src, f.dims) })
	return slices.Clone(f.forms.exprs)
}

// gradientEntry holds the formulas of one Func, computed on first use so
// that Parse stays as fast as it was.
type gradientEntry struct {
	once  sync.Once
	exprs []string
}

// gradientOf differentiates the function src of dims variables.
func gradientOf(src string, dims int) []string {
	n, _, err := parse(src)
	if err != nil {
		return nil // not the source of a Func
	}
	out := make([]string, dims)
	for i := range out {
		out[i] = symString(polyNode(diff(n, i)), dims > 2)
	}
	return out
}

// GradientLines is the gradient as a person reads it, one line per
// variable: "∂f/∂x = 2*x", "∂f/∂y = 2*y"; for more than two variables
// "∂f/∂x[0] = 2*x[0]", "∂f/∂x[1] = 2*x[1]", "∂f/∂x[2] = 2*x[2]".
func (f *Func) GradientLines() []string {
	g := f.Gradient()
	for i := range g {
		name := "x[" + strconv.Itoa(i) + "]"
		if f.dims <= 2 {
			name = "xy"[i : i+1]
		}
		g[i] = "∂f/∂" + name + " = " + g[i]
	}
	return g
}
