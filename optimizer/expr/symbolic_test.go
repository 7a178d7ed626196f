package expr

import (
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
)

// formula parses a component of a gradient. A constant component (which
// Parse rejects for using no variable) is read as that constant plus 0*x.
func formula(s string) (*Func, error) {
	f, err := Parse(s)
	var e *Error
	if errors.As(err, &e) && e.Msg.Kind == msgNoVariable {
		return Parse("0*x + (" + s + ")")
	}
	return f, err
}

// closeRel reports whether a and b agree to rel relative to the larger.
func closeRel(a, b, rel float64) bool {
	return a == b || math.Abs(a-b) <= rel*math.Max(math.Abs(a), math.Abs(b))
}

// TestGradientClassic checks the formulas of the classic functions against
// the ones written by hand, that they parse back to the exact gradient and
// that they stay short.
func TestGradientClassic(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		want      []string
	}{
		{"sphere", "x^2 + y^2", []string{"2*x", "2*y"}},
		{"textbook", "x[0]**2 + x[1]**2", []string{"2*x", "2*y"}},
		{"booth", "(x + 2y - 7)^2 + (2x + y - 5)^2",
			[]string{"2*(x + 2*y - 7) + 4*(2*x + y - 5)", "4*(x + 2*y - 7) + 2*(2*x + y - 5)"}},
		{"rosenbrock", "(1 - x)^2 + 100(y - x^2)^2", []string{"-2*(1 - x) - 400*x*(y - x^2)", "200*(y - x^2)"}},
		{"himmelblau", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2",
			[]string{"4*x*(x^2 + y - 11) + 2*(x + y^2 - 7)", "2*(x^2 + y - 11) + 4*y*(x + y^2 - 7)"}},
		{"beale", "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", []string{
			"2*(1.5 - x + x*y)*(y - 1) + 2*(2.25 - x + x*y^2)*(y^2 - 1) + 2*(2.625 - x + x*y^3)*(y^3 - 1)",
			"2*x*(1.5 - x + x*y) + 4*x*y*(2.25 - x + x*y^2) + 6*x*y^2*(2.625 - x + x*y^3)"}},
		{"matyas", "0.26(x^2 + y^2) - 0.48*x*y", []string{"0.52*x - 0.48*y", "0.52*y - 0.48*x"}},
		{"camel", "2x^2 - 1.05x^4 + x^6/6 + x*y + y^2", []string{"4*x - 4.2*x^3 + x^5 + y", "x + 2*y"}},
		{"rastrigin", "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)",
			[]string{"2*x + 20*pi*sin(2*pi*x)", "2*y + 20*pi*sin(2*pi*y)"}},
		{"sin cos", "sin(x)*cos(y)", []string{"cos(x)*cos(y)", "-sin(x)*sin(y)"}},
		{"exp", "exp(-x^2 - y^2)", []string{"-2*x*exp(-x^2 - y^2)", "-2*y*exp(-x^2 - y^2)"}},
		{"log", "log(x^2 + y^2)", []string{"2*x/(x^2 + y^2)", "2*y/(x^2 + y^2)"}},
		{"sqrt", "sqrt(x)", []string{"1/(2*sqrt(x))"}},
		{"norm", "sqrt(x^2 + y^2)", []string{"x/sqrt(x^2 + y^2)", "y/sqrt(x^2 + y^2)"}},
		{"reciprocal", "1/x", []string{"-1/x^2"}},
		{"power", "x^y", []string{"y*x^(y - 1)", "x^y*log(x)"}},
		{"exponential", "2^x + e^y", []string{"2^x*log(2)", "e^y"}},
		{"cube root", "x^(1/3)", []string{"1/(3*x^(2/3))"}},
		{"sigmoid", "sigmoid(x)", []string{"sigmoid(x)*(1 - sigmoid(x))"}},
		{"abs", "abs(x) + abs(y)", []string{"sign(x)", "sign(y)"}},
		{"relu", "relu(x - 1)", []string{"sign(relu(x - 1))"}},
		{"min", "min(x, y)", []string{"(1 + sign(y - x))/2", "(1 + sign(x - y))/2"}},
		{"tan", "tan(2x)", []string{"2*(1 + tan(2*x)^2)"}},
		{"atan2", "atan2(y, x)", []string{"-y/(x^2 + y^2)", "x/(x^2 + y^2)"}},
		{"quotient", "x/(x + y)", []string{"y/(x + y)^2", "-x/(x + y)^2"}},
		{"1-D", "x^3 - 3x", []string{"3*x^2 - 3"}},
		{"linear", "2x + y", []string{"2", "1"}},
	} {
		f := mustParse(t, tc.src)
		got := f.Gradient()
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s: Gradient(%q) = %q, want %q", tc.name, tc.src, got, tc.want)
			continue
		}
		for i, s := range got {
			if len(s) > 10*len(tc.src) {
				t.Errorf("%s: %q is more than 10 times as long as %q", tc.name, s, tc.src)
			}
			g, err := formula(s)
			if err != nil {
				t.Errorf("%s: %q does not parse: %v", tc.name, s, err)
				continue
			}
			for _, p := range [][2]float64{{0.7, 1.3}, {1.9, 0.4}, {2.5, 3.5}} {
				_, gx, gy := f.ValueGrad(p[0], p[1])
				if want, v := []float64{gx, gy}[i], g.Value(p[0], p[1]); !closeRel(v, want, 1e-12) {
					t.Errorf("%s: %q at %v = %v, ValueGrad gives %v", tc.name, s, p, v, want)
				}
			}
		}
	}
}

// TestGradientKinks checks the conventions at kinks, where the formulas
// must give what the dual numbers give exactly.
func TestGradientKinks(t *testing.T) {
	for _, tc := range []struct {
		src  string
		x, y float64
	}{
		{"abs(x)", 0, 0}, {"abs(x - y)", 1, 1}, {"relu(x)", 0, 0}, {"relu(x)", -1, 0}, {"relu(x)", 2, 0},
		{"sign(x)*y", 0, 3}, {"min(x, y)", 1, 1}, {"max(x, y)", 1, 1}, {"min(x^2, 2y)", 2, 2},
		{"max(3x, y^2)", 3, 3}, {"max(x, 0)", 0, 0}, {"min(x, -0.5)", -0.5, 0},
	} {
		f := mustParse(t, tc.src)
		_, gx, gy := f.ValueGrad(tc.x, tc.y)
		for i, s := range f.Gradient() {
			g, err := formula(s)
			if err != nil {
				t.Fatalf("%q: %q: %v", tc.src, s, err)
			}
			if v, want := g.Value(tc.x, tc.y), []float64{gx, gy}[i]; v != want {
				t.Errorf("%q at (%v, %v): %q = %v, ValueGrad gives %v", tc.src, tc.x, tc.y, s, v, want)
			}
		}
	}
}

// TestPropertySymbolicGradient parses the gradient formulas of random
// expressions back, checks that each parses to the tree it was printed
// from, and compares its values with ValueGrad's exact gradient at random
// points where the function and both derivatives are finite. (Where f is
// infinite the formula may be finite, x/x having cancelled; where a factor
// is infinite or NaN and another 0 the formula is NaN and the dual numbers
// take 0; neither is compared.)
func TestPropertySymbolicGradient(t *testing.T) {
	g := exprGen{rand.New(rand.NewPCG(3, 11))}
	pts := rand.New(rand.NewPCG(5, 7))
	// rel is the relative tolerance; abs absorbs the rounding noise of a
	// derivative that is 0 exactly (3y - 3y), which the formula, collecting
	// like terms, often gets as 0 and the dual numbers as 1e-17.
	const exprs, points, rel, abs = 1500, 8, 1e-9, 1e-12
	var compared, skipped, long int
	for range exprs {
		src := g.expr(4)
		f, err := Parse(src)
		if err != nil {
			continue // no variable
		}
		fs, n := symbolicFormulas(t, src, f)
		long += n
		for range points {
			x, y := 4*pts.Float64()-2, 4*pts.Float64()-2
			fv, gx, gy := f.ValueGrad(x, y)
			for i, d := range fs {
				exact := []float64{gx, gy}[i]
				if d == nil {
					continue
				}
				v := d.Value(x, y)
				if !finite(fv) || !finite(v) || !finite(exact) {
					skipped++
					continue
				}
				compared++
				if !closeRel(v, exact, rel) && math.Abs(v-exact) > abs {
					t.Errorf("%q at (%v, %v): %q = %v, ValueGrad gives %v", src, x, y, fs[i].Source(), v, exact)
				}
			}
		}
	}
	if compared < 10000 {
		t.Errorf("only %d values compared (%d not finite, %d formulas too long to parse)", compared, skipped, long)
	}
	t.Logf("compared %d values; %d not finite; %d formulas too long to parse", compared, skipped, long)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// symbolicFormulas parses the gradient formulas of f (parsed from src),
// checking that each parses to the tree it was printed from (with the
// calls of constants, log(2), folded as Parse folds them). A formula too
// long or too deep for Parse is nil; long counts them.
func symbolicFormulas(t *testing.T, src string, f *Func) (fs []*Func, long int) {
	t.Helper()
	grad := f.Gradient()
	if len(grad) != f.Dims() {
		t.Fatalf("%q: %d formulas for %d variables", src, len(grad), f.Dims())
	}
	tree, _, _ := parse(src)
	fs = make([]*Func, len(grad))
	for i, s := range grad {
		d, err := formula(s)
		var e *Error
		switch {
		case errors.As(err, &e) && (e.Msg.Kind == msgTooLong || e.Msg.Kind == msgTooDeep):
			long++
			continue
		case err != nil:
			t.Fatalf("%q: formula %q does not parse: %v", src, s, err)
		}
		fs[i] = d
		if m, _, err := parse(s); err == nil && !sameTree(refold(m), refold(polyNode(diff(tree, i)))) {
			t.Errorf("%q: formula %q parses to another tree than the one printed", src, s)
		}
	}
	return fs, long
}

// refold folds the constant subtrees of n as Parse does, with every NaN
// the same NaN (asin(3) and 0/0 differ in their bits).
func refold(n *node) *node {
	if n == nil {
		return nil
	}
	m := *n
	if n.a != nil {
		m.a, m.b = refold(n.a), refold(n.b)
		m = *fold(&m)
	}
	if math.IsNaN(m.c) {
		m.c = math.NaN()
	}
	return &m
}

// TestGradientOnce checks that the formulas are computed once and shared
// safely: concurrent calls agree, and a caller's change to its slice does
// not reach the next caller.
func TestGradientOnce(t *testing.T) {
	f := mustParse(t, "(1-x)^2 + 100(y-x^2)^2")
	want := f.Gradient()
	want[0] = "changed"
	want = f.Gradient()
	if want[0] != "-2*(1 - x) - 400*x*(y - x^2)" {
		t.Fatalf("Gradient()[0] = %q after a caller changed its copy", want[0])
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			g := mustParse(t, "x*y + sin(x)")
			for range 100 {
				if got := f.Gradient(); !slices.Equal(got, want) {
					t.Errorf("Gradient() = %q, want %q", got, want)
				}
				if got := g.Gradient(); got[0] != "y + cos(x)" || got[1] != "x" {
					t.Errorf("Gradient() = %q", got)
				}
			}
		})
	}
	wg.Wait()
	if n := testing.AllocsPerRun(100, func() { f.Gradient() }); n > 1 {
		t.Errorf("a repeated Gradient() allocates %v times, want at most 1 (the copy)", n)
	}
}

func BenchmarkGradient(b *testing.B) {
	src := benchFuncs[0].src // Rosenbrock
	b.Run("Rosenbrock/parse", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			Parse(src)
		}
	})
	b.Run("Rosenbrock/parse+first", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f, _ := Parse(src)
			f.Gradient()
		}
	})
	f := mustParse(b, src)
	f.Gradient()
	b.Run("Rosenbrock/cached", func(b *testing.B) {
		b.ReportAllocs()
		for i := 0; i < b.N; i++ {
			f.Gradient()
		}
	})
}

// FuzzGradient checks on any input that Parse accepts that Gradient does
// not panic, gives a formula per variable, and that each formula parses back
// to the tree it was printed from (see symbolicFormulas) and evaluates
// without a panic, at the points of FuzzParse too.
func FuzzGradient(f *testing.F) {
	for _, s := range []string{"x^2 + y^2", "(1-x)^2 + 100(y-x^2)^2", "sin(x)*cos(y)", "min(x, y^2) + max(2, x)",
		"atan2(y, x)/sqrt(x^2+y^2)", "x^y + 2^x + x^(1/3) + x^-2", "relu(x - 1)*abs(y) + sign(x)", "log10(x*y)/x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fn, err := Parse(src)
		if err != nil {
			return
		}
		fs, _ := symbolicFormulas(t, src, fn)
		for _, d := range fs {
			for _, p := range fuzzPoints {
				if d != nil {
					d.Value(p[0], p[1])
				}
			}
		}
	})
}
