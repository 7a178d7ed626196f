package expr

import (
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// ndimErrorCases are the errors of x[i] and sum (part of errorCases).
func ndimErrorCases() []errorCase {
	big := "sum(sum(sum(x[i]+x[j]+x[k], k, 0, 63), j, 0, 63), i, 0, 63)"
	return []errorCase{
		{"index too large", "x[64]", 3, "found x[64]: expected a whole number from 0 to 63 as the index"},
		{"negative index", "x[-1] + y", 3, "found x[-1]: expected a whole number from 0 to 63 as the index"},
		{"fractional index", "x[0.5]", 3, "found x[0.5]: expected a whole number from 0 to 63 as the index"},
		{"index past the end in a sum", "sum(x[i+1], i, 0, 63)", 7, "found x[i+1], which is x[64] here: expected a whole number from 0 to 63 as the index"},
		{"negative index in a sum", "sum(x[i-1], i, 0, 3)", 7, "found x[i-1], which is x[-1] here: expected a whole number from 0 to 63 as the index"},
		{"fractional index in a sum", "sum(x[i/2], i, 0, 3)", 7, "found x[i/2], which is x[0.5] here: expected a whole number from 0 to 63 as the index"},
		{"index of a variable", "x[x]", 3, "the index of x[x] depends on a variable: expected a whole number, or an expression of the index of a sum such as x[i+1]"},
		{"empty index", "x[] + 1", 3, `found "]" right after "x[": expected an index, e.g. x[0]`},
		{"unclosed index expression", "x[0 + 1", 8, `found the end of the input after "x[0 + 1": expected "]"`},
		{"index outside its sum", "sum(x[i], i, 0, 3) + i", 22, "i is the index of the sum at column 1: it can be used only inside that sum"},
		{"index before its sum", "x[k] + sum(x[k], k, 0, 3)", 3, "k is the index of the sum at column 8: it can be used only inside that sum"},
		{"index in its own bound", "sum(x[i], i, 0, i)", 17, "i is the index of the sum at column 1: it can be used only inside that sum"},
		{"sum in reverse", "sum(x[i], i, 3, 0)", 17, "sum from 3 to 0: expected the last bound to be at least the first"},
		{"sum too long", "sum(x[i], i, 0, 64)", 14, "sum from 0 to 64 has 65 terms: expected at most 64"},
		{"sums too large", big, 9, "the sums written out are more than 32768 symbols long: expected fewer or shorter sums"},
		{"fractional bound", "sum(x[i], i, 0.5, 3)", 14, "the bound 0.5 of sum is not a whole number: expected an integer constant such as 0 or 9"},
		{"variable bound", "sum(x[i], i, 0, x)", 17, "the bound x of sum is not a whole number: expected an integer constant such as 0 or 9"},
		{"index named x", "sum(x[i], x, 0, 3)", 11, "x cannot be the index of sum: it is already the name of a variable"},
		{"index named y", "sum(x[i], y, 0, 3)", 11, "y cannot be the index of sum: it is already the name of a variable"},
		{"index named pi", "sum(x, pi, 0, 3)", 8, "pi cannot be the index of sum: it is already the name of a constant"},
		{"index named sin", "sum(x, sin, 0, 3)", 8, "sin cannot be the index of sum: it is already the name of a function"},
		{"index named sum", "sum(x, sum, 0, 3)", 8, "sum cannot be the index of sum: it is already the name of a function"},
		{"index of an enclosing sum", "sum(sum(x[i], i, 0, 2), i, 0, 3)", 15, "i cannot be the index of sum: it is already the name of the index of an enclosing sum"},
		{"index not a name", "sum(x, 2, 0, 3)", 8, "found number 2 where sum expects the name of its index: write sum(EXPR, i, FIRST, LAST), e.g. sum(x[i]^2, i, 0, 9)"},
		{"junk after the index", "sum(x[i], i j, 0, 3)", 13, `found "j" after the index i of sum: expected ","`},
		{"sum with three arguments", "sum(x[i], i, 3)", 15, "sum takes 4 arguments, found 3"},
		{"sum with five arguments", "sum(x[i], i, 0, 3, 4)", 18, "sum takes 4 arguments, found 5"},
		{"sum without arguments", "sum()", 5, "sum takes 4 arguments, found none"},
		{"sum never closed", "sum(x[i], i, 0, 3", 18, `missing ")": the "(" at column 4 is never closed`},
		{"sum without parenthesis", "sum x", 5, `found "x" after sum: expected "(" (functions are called like sum(x))`},
		{"junk in the body", "sum(x[i] y, i, 0, 3)", 10, `found "y" after "]": expected an operator, "," or ")" to close sum(`},
		{"junk in a bound", "sum(x[i], i, 0 1, 3)", 16, `found number 1 after number 0: expected an operator, "," or ")" to close sum(`},
		{"error in the body", "sum(x[i] +, i, 0, 3)", 11, `found "," after "+": expected a number, x, y, a function or "("`},
		{"near miss of sum", "sun(x)", 1, `unknown name "sun": did you mean sin?`},
	}
}

// TestParseN checks the dimension and values of functions of x[i] and sum.
func TestParseN(t *testing.T) {
	x := []float64{0.5, -1, 2, 3, -0.25, 1.5, 0, 2.5, -2, 1}
	sq := func(v float64) float64 { return v * v }
	rosen := 0.0
	for i := range 9 {
		rosen += 100*sq(x[i+1]-sq(x[i])) + sq(1-x[i])
	}
	for _, tc := range []struct {
		src  string
		dims int
		want float64
	}{
		{"x[0]**2 + x[1]**2 + x[2]**2", 3, 0.25 + 1 + 4},
		{"x[2]", 3, 2},
		{"x + y + x[2]", 3, 1.5},
		{"x[9] - x[0]", 10, 0.5},
		{"x[63]", 64, 7},
		{"x[2*3-4]", 3, 2},
		{"sum(x[i]^2, i, 0, 2)", 3, 5.25},
		{"sum((x[i] - i)^2, i, 0, 9)", 10, sq(0.5) + sq(-2) + 0 + 0 + sq(-4.25) + sq(-3.5) + 36 + sq(-4.5) + 100 + 64},
		{rosen10, 10, rosen},
		{"sum(x[2*i], i, 0, 4)", 9, 0.5 + 2 - 0.25 + 0 - 2},
		{"sum(x[i], i, 1, 1)", 2, -1},
		{"sum(x[i+1]*i, i, -1, 1) + x[3]", 4, -0.5 + 2 + 3},
		{"sum(sum(x[i]*x[j], j, 0, i), i, 0, 2)", 3, 0.25 - 0.5 + 1 + 1 - 2 + 4},
		{"sum(sum(x[i+j], j, 0, 1), i, 0, 1)", 3, 0.5 - 1 - 1 + 2},
		{"2sum(x[i], i, 0, 2)", 3, 3},
		{"sum(x, k, 1, 3)", 1, 1.5},
	} {
		f, err := Parse(tc.src)
		if err != nil {
			t.Errorf("Parse(%q): %v", tc.src, err)
			continue
		}
		if f.Dims() != tc.dims {
			t.Errorf("%q: Dims = %d, want %d", tc.src, f.Dims(), tc.dims)
		}
		xs := make([]float64, 64)
		copy(xs, x)
		xs[63] = 7
		if got := f.ValueN(xs); !near(got, tc.want, 1e-12) {
			t.Errorf("%q: ValueN = %v, want %v", tc.src, got, tc.want)
		}
	}
}

// sumRosenGrad is the gradient of the n-D Rosenbrock function, by hand.
func sumRosenGrad(x []float64) []float64 {
	n := len(x)
	g := make([]float64, n)
	for i := 0; i < n-1; i++ {
		d := x[i+1] - x[i]*x[i]
		g[i] += -400*x[i]*d - 2*(1-x[i])
		g[i+1] += 200 * d
	}
	return g
}

// ndimFuncs are functions of n variables with their gradients by hand.
var ndimFuncs = []struct {
	name, src string
	grad      func(x []float64) []float64
}{
	{"sphere3", "x[0]**2 + x[1]**2 + x[2]**2", func(x []float64) []float64 { return []float64{2 * x[0], 2 * x[1], 2 * x[2]} }},
	{"rosenbrock10", rosen10, sumRosenGrad},
	{"rosenbrock64", "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 62)", sumRosenGrad},
	{"shifted5", "sum((x[i] - i)^2, i, 0, 4)", func(x []float64) []float64 {
		g := make([]float64, 5)
		for i := range g {
			g[i] = 2 * (x[i] - float64(i))
		}
		return g
	}},
	{"product3", "x*y*x[2] + sin(x[2])/y", func(x []float64) []float64 {
		return []float64{x[1] * x[2], x[0]*x[2] - math.Sin(x[2])/(x[1]*x[1]), x[0]*x[1] + math.Cos(x[2])/x[1]}
	}},
	{"mixed5", "exp(x[0]*x[4]) + log(1 + x[1]^2) + sqrt(x[2]^2 + 1)*atan2(x[3], 2) + max(x[0], x[3])^3 - x[4]^-2", func(x []float64) []float64 {
		e := math.Exp(x[0] * x[4])
		s := math.Sqrt(x[2]*x[2] + 1)
		a := math.Atan2(x[3], 2)
		m := math.Max(x[0], x[3])
		g := []float64{x[4] * e, 2 * x[1] / (1 + x[1]*x[1]), x[2] / s * a, s * 2 / (x[3]*x[3] + 4), x[0]*e + 2/(x[4]*x[4]*x[4])}
		if x[0] > x[3] {
			g[0] += 3 * m * m
		} else {
			g[3] += 3 * m * m
		}
		return g
	}},
	{"pow3", "x[0]^x[1] + tanh(x[2]) - cos(x[1]*x[2])", func(x []float64) []float64 {
		p := math.Pow(x[0], x[1])
		th := math.Tanh(x[2])
		s := math.Sin(x[1] * x[2])
		return []float64{x[1] * math.Pow(x[0], x[1]-1), p*math.Log(x[0]) + x[2]*s, 1 - th*th + x[1]*s}
	}},
}

// randomPoint is a point with coordinates in [lo, hi).
func randomPoint(r *rand.Rand, n int, lo, hi float64) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = lo + (hi-lo)*r.Float64()
	}
	return x
}

// TestValueGradN checks the exact gradient against the formulas by hand
// (to 1e-12 relative to the gradient's size) and against central
// differences (to 1e-6), and the value against ValueN, at random points.
func TestValueGradN(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 14))
	for _, tc := range ndimFuncs {
		f := mustParse(t, tc.src)
		n := f.Dims()
		for range 20 {
			x := randomPoint(r, n, 0.2, 1.8) // positive: x^y, log and the pow are defined
			g, num := make([]float64, n), make([]float64, n)
			v := f.ValueGradN(x, g)
			if w := f.ValueN(x); !sameValue(v, w) {
				t.Fatalf("%s at %v: ValueGradN value %v, ValueN %v", tc.name, x, v, w)
			}
			want := tc.grad(x)
			scale := 1 + math.Sqrt(dot(want, want))
			f.NumericGradN(x, 1e-5, num)
			for i := range n {
				if math.Abs(g[i]-want[i]) > 1e-12*scale {
					t.Fatalf("%s at %v: ∂%d = %v, by hand %v", tc.name, x, i, g[i], want[i])
				}
				if math.Abs(num[i]-want[i]) > 1e-6*scale {
					t.Fatalf("%s at %v: numeric ∂%d = %v, by hand %v", tc.name, x, i, num[i], want[i])
				}
			}
		}
	}
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// TestHessianN checks the exact Hessian against central differences of the
// exact gradient at random points, and its symmetry, for n = 3, 5, 10, 64.
func TestHessianN(t *testing.T) {
	r := rand.New(rand.NewPCG(2, 14))
	const h = 1e-5
	for _, tc := range ndimFuncs {
		f := mustParse(t, tc.src)
		n := f.Dims()
		for range 3 {
			x := randomPoint(r, n, 0.2, 1.8)
			hess := make([]float64, n*n)
			f.HessianN(x, hess)
			gp, gm, xs := make([]float64, n), make([]float64, n), slices.Clone(x)
			scale := 1 + maxAbs(hess)
			for j := range n {
				xs[j] = x[j] + h
				f.ValueGradN(xs, gp)
				xs[j] = x[j] - h
				f.ValueGradN(xs, gm)
				xs[j] = x[j]
				for i := range n {
					fd := (gp[i] - gm[i]) / (2 * h)
					if math.Abs(hess[i*n+j]-fd) > 1e-5*scale || hess[i*n+j] != hess[j*n+i] {
						t.Fatalf("%s at %v: H[%d][%d] = %v (H[%d][%d] = %v), central difference %v",
							tc.name, x, i, j, hess[i*n+j], j, i, hess[j*n+i], fd)
					}
				}
			}
		}
	}
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, a := range v {
		m = math.Max(m, math.Abs(a))
	}
	return m
}

// TestHessianNRosenbrock checks the 10-D Rosenbrock Hessian at the
// standard start against the matrix by hand: tridiagonal, with
// 2 + 1200x[i]² − 400x[i+1] (+ 200 but for i = 0) on the diagonal and
// −400x[i] beside it.
func TestHessianNRosenbrock(t *testing.T) {
	f := mustParse(t, rosen10)
	x := rosenStart(10)
	h := make([]float64, 100)
	f.HessianN(x, h)
	for i := range 10 {
		for j := range 10 {
			want := 0.0
			switch {
			case i == j:
				if i < 9 {
					want += 2 + 1200*x[i]*x[i] - 400*x[i+1]
				}
				if i > 0 {
					want += 200
				}
			case j == i+1:
				want = -400 * x[i]
			case i == j+1:
				want = -400 * x[j]
			}
			if !near(h[i*10+j], want, 1e-12) {
				t.Errorf("H[%d][%d] = %v, want %v", i, j, h[i*10+j], want)
			}
		}
	}
}

// TestNDimLowDims checks that the n-D methods are the 2-D ones for
// functions of one and two variables, bit for bit.
func TestNDimLowDims(t *testing.T) {
	for _, src := range []string{"(1-x)^2 + 100(y-x^2)^2", "sin(x)*cos(y)", "-x^3 + 2sin(x)", "sum(x[i]^2, i, 0, 1)"} {
		f := mustParse(t, src)
		x, y := 0.7, -1.3
		pt := []float64{x, y}[:f.Dims()]
		g, ng, h := make([]float64, 2), make([]float64, 2), make([]float64, 4)
		v, gx, gy := f.ValueGrad(x, y)
		if f.Dims() == 1 {
			v, gx, gy = f.ValueGrad(x, 0)
		}
		if got := f.ValueGradN(pt, g); got != v || g[0] != gx || f.Dims() == 2 && g[1] != gy {
			t.Errorf("%q: ValueGradN = %v %v, ValueGrad = %v %v %v", src, got, g, v, gx, gy)
		}
		nv, nx, ny := f.NumericGrad(pt[0], pt[len(pt)-1], 1e-4)
		if f.Dims() == 1 {
			nv, nx, ny = f.NumericGrad(x, 0, 1e-4)
		}
		if got := f.NumericGradN(pt, 1e-4, ng); got != nv || ng[0] != nx || f.Dims() == 2 && ng[1] != ny {
			t.Errorf("%q: NumericGradN = %v %v, NumericGrad = %v %v %v", src, got, ng, nv, nx, ny)
		}
		f.HessianN(pt, h)
		m := f.Hessian(pt[0], pt[len(pt)-1])
		if f.Dims() == 2 && (h[0] != m[0][0] || h[1] != m[0][1] || h[2] != m[1][0] || h[3] != m[1][1]) || h[0] != m[0][0] {
			t.Errorf("%q: HessianN = %v, Hessian = %v", src, h, m)
		}
		if f.ValueN(pt) != f.Value(pt[0], pt[len(pt)-1]) {
			t.Errorf("%q: ValueN differs from Value", src)
		}
	}
}

// TestNDimTwoDMethods checks the documented behaviour of the 2-D methods
// on a function of more variables: x[2] ... are taken as 0.
func TestNDimTwoDMethods(t *testing.T) {
	f := mustParse(t, "x^2 + 3y + x[2]^2 + x[3]")
	if v := f.Value(2, 1); v != 7 {
		t.Errorf("Value(2, 1) = %v, want 7", v)
	}
	if v, gx, gy := f.ValueGrad(2, 1); v != 7 || gx != 4 || gy != 3 {
		t.Errorf("ValueGrad(2, 1) = %v %v %v, want 7 4 3", v, gx, gy)
	}
	if h := f.Hessian(2, 1); h != [2][2]float64{{2, 0}, {0, 0}} {
		t.Errorf("Hessian(2, 1) = %v", h)
	}
}

// TestValueGradNAllocs checks that the n-D methods do not allocate.
func TestValueGradNAllocs(t *testing.T) {
	f := mustParse(t, rosen10)
	x, g, h := rosenStart(10), make([]float64, 10), make([]float64, 100)
	for name, fn := range map[string]func(){
		"ValueN":       func() { f.ValueN(x) },
		"ValueGradN":   func() { f.ValueGradN(x, g) },
		"NumericGradN": func() { f.NumericGradN(x, 1e-4, g) },
		"HessianN":     func() { f.HessianN(x, h) },
	} {
		if n := testing.AllocsPerRun(100, fn); n != 0 {
			t.Errorf("%s allocates %v times", name, n)
		}
	}
}

// TestGradientN checks the formulas of functions of more than two
// variables: one per variable, named x[i], parsing back to the exact
// gradient; and the lines and the Python form.
func TestGradientN(t *testing.T) {
	f := mustParse(t, "x[0]**2 + x[1]**2 + x[2]**2")
	if got := f.Gradient(); !slices.Equal(got, []string{"2*x[0]", "2*x[1]", "2*x[2]"}) {
		t.Errorf("Gradient = %q", got)
	}
	if got := f.GradientLines(); !slices.Equal(got, []string{"∂f/∂x[0] = 2*x[0]", "∂f/∂x[1] = 2*x[1]", "∂f/∂x[2] = 2*x[2]"}) {
		t.Errorf("GradientLines = %q", got)
	}
	if got := f.Python(); got != "x[0]**2+x[1]**2+x[2]**2" {
		t.Errorf("Python = %q", got)
	}
	if got := f.Key(); got != "x[0]^2+x[1]^2+x[2]^2" {
		t.Errorf("Key = %q", got)
	}
	r := mustParse(t, rosen10)
	g := r.Gradient()
	if len(g) != 10 || g[0] != "-400*x[0]*(x[1] - x[0]^2) - 2*(1 - x[0])" ||
		g[4] != "200*(x[4] - x[3]^2) - 400*x[4]*(x[5] - x[4]^2) - 2*(1 - x[4])" || g[9] != "200*(x[9] - x[8]^2)" {
		t.Errorf("Gradient of the 10-D Rosenbrock = %q", g)
	}
	rnd := rand.New(rand.NewPCG(3, 14))
	for _, tc := range ndimFuncs {
		fn := mustParse(t, tc.src)
		forms := fn.Gradient()
		if len(forms) != fn.Dims() {
			t.Fatalf("%s: %d formulas for %d variables", tc.name, len(forms), fn.Dims())
		}
		x := randomPoint(rnd, 64, 0.2, 1.8)
		g := make([]float64, fn.Dims())
		fn.ValueGradN(x, g)
		for i, s := range forms {
			d, err := formula(s)
			if err != nil {
				t.Fatalf("%s: formula %q: %v", tc.name, s, err)
			}
			if got := d.ValueN(x); !closeRel(got, g[i], 1e-12) && math.Abs(got-g[i]) > 1e-12 {
				t.Errorf("%s: %q = %v at x, the exact ∂%d is %v", tc.name, s, got, i, g[i])
			}
		}
	}
}

// TestKeyN checks the keys of functions of more than two variables,
// including one whose highest variable folded away.
func TestKeyN(t *testing.T) {
	for _, tc := range []struct{ src, key string }{
		{"x[0]**2 + x[1]**2 + x[2]**2", "x[0]^2+x[1]^2+x[2]^2"},
		{"x^2 + y^2 + x[2]^2", "x[0]^2+x[1]^2+x[2]^2"},
		{"sum(x[i]^2, i, 0, 2)", "x[0]^2+x[1]^2+x[2]^2"},
		{"x + 0*x[4]^0", "x[0]+0 [x[0..4]]"},
	} {
		if got := mustParse(t, tc.src).Key(); got != tc.key {
			t.Errorf("Key(%q) = %q, want %q", tc.src, got, tc.key)
		}
	}
	if got := mustParse(t, "x + 0*x[4]^0").Python(); got != "x[0]+0" {
		t.Errorf("Python = %q", got)
	}
	if !strings.Contains(mustParse(t, rosen10).Python(), "(x[9]-x[8]**2)**2") {
		t.Error("the Python form of the 10-D Rosenbrock lacks its last term")
	}
}
