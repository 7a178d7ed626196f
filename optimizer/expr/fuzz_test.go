package expr

import (
	"errors"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzPoints are where FuzzParse evaluates every function it compiles,
// including the kinks and poles of the built-in functions.
var fuzzPoints = [][2]float64{
	{0, 0}, {1, -1}, {-2.5, 3}, {1e-300, -1e-300}, {1e300, 1e300},
	{math.Inf(1), 0}, {math.NaN(), 1}, {-1, 0.5},
}

// FuzzParse checks that no input makes Parse or a compiled function panic,
// that every error is an *Error pointing inside the input (or just after
// it) with a two-line caret rendering, and that the value computed with the
// gradient is the plain value, and that the key of a function parses back to
// its tree.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"x^2 + y^2", "(1-x)^2 + 100(y-x^2)^2", "sni(x)", "1.2.3", "x + * y", "min(x)",
		"x[0]**2 + x[1]**2 + x[2]**2", rosen10, "sum((x[i] - i)^2, i, 0, 9)", "sum(sum(x[i]*x[j], j, 0, i), i, 0, 3)",
		"sum(x[i+1], i, 0, 63)", "sum(x[i], i, 3, 0)", "x[64]", "sum(x[i], i, 0, 3) + i"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fn, err := Parse(src)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || err != error(e) {
				t.Fatalf("Parse(%q): error %T is not an *Error", src, err)
			}
			n := utf8.RuneCountInString(src)
			if e.Col < 1 || e.Col > n+1 {
				t.Fatalf("Parse(%q): Col = %d, want 1..%d", src, e.Col, n+1)
			}
			if e.Msg.IsZero() || e.Input != src || len(e.Msg.Args) != e.Msg.Kind.Arity() {
				t.Fatalf("Parse(%q): bad error %+v", src, e)
			}
			if text := e.Error(); e.Message().String() != text || strings.Contains(text, "%!") && !strings.Contains(src, "%") {
				t.Fatalf("Parse(%q): error %q, its message %q", src, text, e.Message())
			}
			if got := strings.Count(e.Caret(), "\n"); got != 1 {
				t.Fatalf("Parse(%q): Caret has %d line breaks, want 1", src, got)
			}
			return
		}
		if d := fn.Dims(); d < 1 || d > MaxDims {
			t.Fatalf("Parse(%q): Dims = %d", src, d)
		}
		if fn.Source() != src {
			t.Fatalf("Source() = %q, want %q", fn.Source(), src)
		}
		checkKeyRoundTrip(t, src)
		checkN(t, src, fn)
		for _, p := range fuzzPoints {
			v := fn.Value(p[0], p[1])
			gv, _, gy := fn.ValueGrad(p[0], p[1])
			fn.NumericGrad(p[0], p[1], 1e-4)
			h := fn.Hessian(p[0], p[1])
			if !sameValue(v, gv) {
				t.Fatalf("%q at %v: Value = %v, ValueGrad value = %v", src, p, v, gv)
			}
			if fn.Dims() == 1 && (gy != 0 || h[0][1] != 0 || h[1][1] != 0) {
				t.Fatalf("%q at %v: 1-D function has gy = %v, Hessian %v", src, p, gy, h)
			}
		}
	})
}

// sameValue reports whether a and b are both NaN or equal to a relative
// 1e-12 (the dual path may use math.Sincos where the value path uses
// math.Sin).
func sameValue(a, b float64) bool {
	if math.IsNaN(a) || math.IsNaN(b) {
		return math.IsNaN(a) && math.IsNaN(b)
	}
	if a == b {
		return true
	}
	return math.Abs(a-b) <= 1e-12*math.Max(math.Abs(a), math.Abs(b))
}

// checkN checks the n-dimensional methods of fn at the points of FuzzParse
// (every coordinate past the first two set to the second): no panic, and
// the value of ValueGradN is that of ValueN.
func checkN(t *testing.T, src string, fn *Func) {
	n := fn.Dims()
	x, g, h := make([]float64, n), make([]float64, n), make([]float64, n*n)
	for _, p := range fuzzPoints {
		for i := range x {
			x[i] = p[min(i, 1)]
		}
		v := fn.ValueN(x)
		if gv := fn.ValueGradN(x, g); !sameValue(v, gv) {
			t.Fatalf("%q at %v: ValueN = %v, ValueGradN value = %v", src, x, v, gv)
		}
		fn.NumericGradN(x, 1e-4, g)
		if n <= 10 {
			fn.HessianN(x, h)
		}
	}
}
