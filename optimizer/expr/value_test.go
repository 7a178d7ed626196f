package expr

import (
	"math"
	"sync"
	"testing"
)

// near reports whether got is within tol of want, relative to max(1, |want|);
// infinities must match exactly and NaN matches only NaN.
func near(got, want, tol float64) bool {
	if math.IsNaN(want) {
		return math.IsNaN(got)
	}
	if math.IsInf(want, 0) {
		return got == want
	}
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func mustParse(t testing.TB, src string) *Func {
	t.Helper()
	f, err := Parse(src)
	if err != nil {
		t.Fatalf("Parse(%q): %v", src, err)
	}
	return f
}

// TestValueGrad checks values and exact gradients against hand-derived ones.
func TestValueGrad(t *testing.T) {
	const tol = 1e-13
	for _, tc := range []struct {
		src       string
		dims      int
		x, y      float64
		v, gx, gy float64
	}{
		// numbers, variables, aliases, constants
		{"x + 3", 1, 2, 0, 5, 1, 0},
		{"2.5x + .5y", 2, 2, 4, 7, 2.5, 0.5},
		{"1e-3x + 1.5E+2y", 2, 1000, 1, 151, 1e-3, 150},
		{"x[0]**2 + x[1]**2", 2, 3, 2, 13, 6, 4},
		{"pi*x + e", 1, 2, 0, 2*math.Pi + math.E, math.Pi, 0},
		{"2e*x", 1, 1, 0, 2 * math.E, 2 * math.E, 0},
		{"2pi*x", 1, 1, 0, 2 * math.Pi, 2 * math.Pi, 0},
		{"2exp(x)", 1, 0, 0, 2, 2, 0},
		{"2e3exp(x)", 1, 0, 0, 2000, 2000, 0},
		{"2e-x", 1, 1, 0, 2*math.E - 1, -1, 0},
		// precedence and associativity
		{"-x^2", 1, 3, 0, -9, -6, 0},
		{"2^3^2*x", 1, 1, 0, 512, 512, 0},
		{"x - y - 1", 2, 5, 2, 2, 1, -1},
		{"x / y / 2", 2, 8, 2, 2, 0.25, -1},
		{"x**-2", 1, 2, 0, 0.25, -0.25, 0},
		{"x^-1", 1, 4, 0, 0.25, -1.0 / 16, 0},
		{"2*-3*x", 1, 1, 0, -6, -6, 0},
		{"--x", 1, 7, 0, 7, 1, 0},
		{"-(-x)^3", 1, 2, 0, 8, 12, 0},
		{"+x", 1, 2, 0, 2, 1, 0},
		// implicit multiplication
		{"2x", 1, 3, 0, 6, 2, 0},
		{"3(x+1)", 1, 2, 0, 9, 3, 0},
		{"(x+1)(x-1)", 1, 3, 0, 8, 6, 0},
		{"2sin(x)", 1, 0, 0, 0, 2, 0},
		{"2x^2", 1, 3, 0, 18, 12, 0},
		{"2x*y", 2, 3, 4, 24, 8, 6},
		// whitespace anywhere
		{" \tx\n*\r y ", 2, 2, 3, 6, 3, 2},
		// powers
		{"x^3", 1, -2, 0, -8, 12, 0},
		{"x^4 + y^5", 2, -2, -1, 15, -32, 5},
		{"x^-3", 1, -2, 0, -0.125, -3.0 / 16, 0},
		{"x^(1/3)", 1, -8, 0, -2, 1.0 / 12, 0},
		{"x^(2/3)", 1, -8, 0, 4, -1.0 / 3, 0},
		{"x^0.5", 1, 4, 0, 2, 0.25, 0},
		{"x^1.5", 1, 4, 0, 8, 3, 0},
		{"2^x", 1, 3, 0, 8, 8 * math.Ln2, 0},
		{"x^y", 2, 2, 3, 8, 12, 8 * math.Ln2},
		{"pow(x, 2) + pow(2, y)", 2, 3, 1, 11, 6, 2 * math.Ln2},
		{"x^0 + y^1", 2, 5, 7, 8, 0, 1},
		// functions of one argument
		{"sin(x) + cos(y)", 2, 0.5, 0.25, math.Sin(0.5) + math.Cos(0.25), math.Cos(0.5), -math.Sin(0.25)},
		{"tan(x)", 1, 0.3, 0, math.Tan(0.3), 1 / (math.Cos(0.3) * math.Cos(0.3)), 0},
		{"asin(x) + acos(y)", 2, 0.6, 0.8, math.Asin(0.6) + math.Acos(0.8), 1 / 0.8, -1 / 0.6},
		{"atan(x)", 1, 2, 0, math.Atan(2), 0.2, 0},
		{"sinh(x) + cosh(y)", 2, 1, 2, math.Sinh(1) + math.Cosh(2), math.Cosh(1), math.Sinh(2)},
		{"tanh(x)", 1, 0.5, 0, math.Tanh(0.5), 1 - math.Tanh(0.5)*math.Tanh(0.5), 0},
		{"exp(2x)", 1, 0.5, 0, math.E, 2 * math.E, 0},
		{"log(x) + ln(y)", 2, 2, 4, math.Log(8), 0.5, 0.25},
		{"log2(x) + log10(y)", 2, 8, 100, 5, 1 / (8 * math.Ln2), 1 / (100 * math.Ln10)},
		{"sqrt(x^2 + y^2)", 2, 3, 4, 5, 0.6, 0.8},
		{"sigmoid(x)", 1, 0, 0, 0.5, 0.25, 0},
		{"softplus(x)", 1, 0, 0, math.Ln2, 0.5, 0},
		{"softplus(x)", 1, 800, 0, 800, 1, 0},
		{"sigmoid(x)", 1, -800, 0, 0, 0, 0},
		// kinks: documented one-sided conventions
		{"abs(x)", 1, -2, 0, 2, -1, 0},
		{"abs(x)", 1, 0, 0, 0, 0, 0},
		{"relu(x)", 1, 2, 0, 2, 1, 0},
		{"relu(x)", 1, 0, 0, 0, 0, 0},
		{"relu(x)", 1, -1, 0, 0, 0, 0},
		{"sign(x)*y", 2, -3, 2, -2, 0, -1},
		{"sign(x)", 1, 0, 0, 0, 0, 0},
		{"min(x, y)", 2, 1, 2, 1, 1, 0},
		{"min(x, y)", 2, 2, 1, 1, 0, 1},
		{"min(x, y)", 2, 1, 1, 1, 0.5, 0.5},
		{"max(x, y)", 2, 1, 2, 2, 0, 1},
		{"max(x, y)", 2, 3, 3, 3, 0.5, 0.5},
		{"atan2(y, x)", 2, 1, 1, math.Pi / 4, -0.5, 0.5},
		// reference functions of DESIGN.md at their minima and elsewhere
		{"(x+2y-7)^2+(2x+y-5)^2", 2, 1, 3, 0, 0, 0},
		{"(x+2y-7)^2+(2x+y-5)^2", 2, 0, 0, 74, -34, -38},
		{"0.26(x^2+y^2)-0.48x*y", 2, 1, 2, 0.26*5 - 0.96, 0.52 - 0.96, 1.04 - 0.48},
		{"(x^2+y-11)^2+(x+y^2-7)^2", 2, 3, 2, 0, 0, 0},
		{"2x^2-1.05x^4+x^6/6+x*y+y^2", 2, 1, 1, 2 - 1.05 + 1.0/6 + 2, 4 - 4.2 + 1 + 1, 3},
		{"x^2 - y^2", 2, 1, 2, -3, 2, -4},
	} {
		f := mustParse(t, tc.src)
		if f.Dims() != tc.dims {
			t.Errorf("%q: Dims = %d, want %d", tc.src, f.Dims(), tc.dims)
		}
		if v := f.Value(tc.x, tc.y); !near(v, tc.v, tol) {
			t.Errorf("%q: Value(%v, %v) = %v, want %v", tc.src, tc.x, tc.y, v, tc.v)
		}
		v, gx, gy := f.ValueGrad(tc.x, tc.y)
		if !near(v, tc.v, tol) || !near(gx, tc.gx, tol) || !near(gy, tc.gy, tol) {
			t.Errorf("%q: ValueGrad(%v, %v) = %v, %v, %v, want %v, %v, %v",
				tc.src, tc.x, tc.y, v, gx, gy, tc.v, tc.gx, tc.gy)
		}
	}
}

// TestDomain checks that leaving a function's domain gives NaN or Inf.
func TestDomain(t *testing.T) {
	inf := math.Inf(1)
	nan := math.NaN()
	for _, tc := range []struct {
		src  string
		x, y float64
		v    float64
	}{
		{"log(x)", -1, 0, nan},
		{"log(x)", 0, 0, -inf},
		{"1/x", 0, 0, inf},
		{"x/0", -1, 0, -inf},
		{"sqrt(x)", -4, 0, nan},
		{"asin(x)", 2, 0, nan},
		{"x^0.5", -4, 0, nan},
		{"x^-1", 0, 0, inf},
		{"x^y", -2, 0.5, nan},
		{"exp(x)", 1000, 0, inf},
	} {
		f := mustParse(t, tc.src)
		if v := f.Value(tc.x, tc.y); !near(v, tc.v, 0) {
			t.Errorf("%q: Value(%v, %v) = %v, want %v", tc.src, tc.x, tc.y, v, tc.v)
		}
		if v, _, _ := f.ValueGrad(tc.x, tc.y); !near(v, tc.v, 0) {
			t.Errorf("%q: ValueGrad(%v, %v) value = %v, want %v", tc.src, tc.x, tc.y, v, tc.v)
		}
	}
}

// TestZeroDerivativeTimesInfinity checks that an operand that does not
// vary in y contributes 0 to gy even where its x-derivative is infinite.
func TestZeroDerivativeTimesInfinity(t *testing.T) {
	for _, src := range []string{"sqrt(x) + y", "x^(1/3) + y", "1/x + y", "x^-2 + y", "2^x*0 + y"} {
		f := mustParse(t, src)
		_, _, gy := f.ValueGrad(0, 1)
		if gy != 1 {
			t.Errorf("%q: gy at (0, 1) = %v, want 1", src, gy)
		}
	}
}

// TestConstantFolding checks that constant subexpressions are folded and
// constant integer powers become multiplications.
func TestConstantFolding(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want kind
	}{
		{"2^3^2 + x", kAdd},
		{"x^2", kPowInt},
		{"x^-2", kPowInt},
		{"x^(4/2)", kPowInt},
		{"x^(1/3)", kPowConst},
		{"x^y", kPow},
		{"x^1", kX},
		{"--y", kY},
		{"x*(2*3)", kMul},
	} {
		n, _, err := parse(tc.src)
		if err != nil {
			t.Fatalf("parse(%q): %v", tc.src, err)
		}
		if n.k != tc.want {
			t.Errorf("%q: root kind = %d, want %d", tc.src, n.k, tc.want)
		}
	}
	n, _, _ := parse("x + 2^3^2")
	if n.b.k != kConst || n.b.c != 512 {
		t.Errorf("2^3^2 folded to %+v, want the constant 512", n.b)
	}
	n, _, _ = parse("x*(2*3)")
	if n.b.k != kConst || n.b.c != 6 {
		t.Errorf("(2*3) folded to %+v, want the constant 6", n.b)
	}
}

// TestNames checks the function list offered for help texts.
func TestNames(t *testing.T) {
	names := Names()
	if len(names) != len(unaryFuncs)+len(binaryFuncs) {
		t.Fatalf("Names() has %d names, want %d", len(names), len(unaryFuncs)+len(binaryFuncs))
	}
	for _, name := range names {
		src := name + "(x)"
		if _, ok := binaryFuncs[name]; ok {
			src = name + "(x, 2)"
		}
		if _, err := Parse(src); err != nil {
			t.Errorf("Parse(%q): %v", src, err)
		}
	}
	names[0] = "changed"
	if Names()[0] == "changed" {
		t.Error("Names() returns a shared slice")
	}
}

// TestConcurrent evaluates one Func from many goroutines (run with -race).
func TestConcurrent(t *testing.T) {
	f := mustParse(t, "(1-x)^2 + 100(y-x^2)^2 + sin(x)*max(x, y)")
	want := make([]float64, 8)
	for i := range want {
		want[i], _, _ = f.ValueGrad(float64(i)/4, 1)
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for k := 0; k < 1000; k++ {
				i := (g + k) % len(want)
				v, _, _ := f.ValueGrad(float64(i)/4, 1)
				f.Hessian(float64(i)/4, 1)
				if v != want[i] {
					t.Errorf("goroutine %d: value %v, want %v", g, v, want[i])
					return
				}
			}
		}()
	}
	wg.Wait()
}

// objective is optimizer.Objective, restated so that this package need not
// import the optimizer: *Func must satisfy it.
type objective interface {
	Dims() int
	Value(x, y float64) float64
	ValueGrad(x, y float64) (f, gx, gy float64)
	NumericGrad(x, y, h float64) (f, gx, gy float64)
	Hessian(x, y float64) [2][2]float64
}

var _ objective = (*Func)(nil)

// TestOneDimensional checks the 1-D contract: y is ignored, gy and the
// Hessian entries other than [0][0] are 0.
func TestOneDimensional(t *testing.T) {
	f := mustParse(t, "-x^3 + 2sin(x)")
	if f.Dims() != 1 {
		t.Fatalf("Dims = %d, want 1", f.Dims())
	}
	if f.Value(0.5, 1) != f.Value(0.5, -7) {
		t.Error("Value depends on y")
	}
	v, gx, gy := f.ValueGrad(0.5, 3)
	want := -0.125 + 2*math.Sin(0.5)
	if !near(v, want, 1e-15) || !near(gx, -0.75+2*math.Cos(0.5), 1e-15) || gy != 0 || math.Signbit(gy) {
		t.Errorf("ValueGrad = %v, %v, %v", v, gx, gy)
	}
	h := f.Hessian(0.5, 3)
	if !near(h[0][0], -3-2*math.Sin(0.5), 1e-15) || h[0][1] != 0 || h[1][0] != 0 || h[1][1] != 0 {
		t.Errorf("Hessian = %v", h)
	}
	if f.Source() != "-x^3 + 2sin(x)" {
		t.Errorf("Source = %q", f.Source())
	}
}
