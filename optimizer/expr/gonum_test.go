package expr

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/diff/fd"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/optimize/functions"
)

// gonumFunc is a 2-D test function of gonum's optimize/functions.
type gonumFunc interface {
	Func(x []float64) float64
	Grad(grad, x []float64)
}

// gonumHess is implemented by the gonum functions with an exact Hessian.
type gonumHess interface {
	Hess(dst *mat.SymDense, x []float64)
}

// gonumOracles pairs gonum's functions with the same function typed in the
// expression language.
var gonumOracles = []struct {
	name string
	src  string
	f    gonumFunc
	// badHess marks a gonum Hessian that is wrong: Beale.Hess in gonum
	// v0.17.0 computes f1, f2, f3 from x[1] where x[0] belongs (its Func and
	// Grad are right). Such Hessians are checked against the central
	// difference of gonum's gradient only.
	badHess bool
}{
	{"ExtendedRosenbrock", "(1-x)^2 + 100(y-x^2)^2", functions.ExtendedRosenbrock{}, false},
	{"Beale", "(1.5-x+x*y)^2+(2.25-x+x*y^2)^2+(2.625-x+x*y^3)^2", functions.Beale{}, true},
	{"BrownBadlyScaled", "(x-1e6)^2 + (y-2e-6)^2 + (x*y-2)^2", functions.BrownBadlyScaled{}, false},
	{"PowellBadlyScaled", "(1e4*x*y-1)^2 + (exp(-x)+exp(-y)-1.0001)^2", functions.PowellBadlyScaled{}, false},
	{"Sphere", "x^2 + y^2", functions.Sphere{}, false},
}

// gonumPoints are where the oracles are compared.
var gonumPoints = [][2]float64{
	{-1.2, 1}, {1, 1}, {3, 0.5}, {0.5, -0.25}, {-2, 2.5}, {1e-5, 9.1}, {2.3, -1.7},
}

// TestGonumOracles compares values, gradients and (where gonum has them)
// Hessians with gonum's hand-coded test functions.
func TestGonumOracles(t *testing.T) {
	const tol = 1e-12
	for _, o := range gonumOracles {
		f := mustParse(t, o.src)
		for _, p := range gonumPoints {
			x := p[:]
			want := o.f.Func(x)
			grad := make([]float64, 2)
			o.f.Grad(grad, x)
			v, gx, gy := f.ValueGrad(p[0], p[1])
			if !near(f.Value(p[0], p[1]), want, tol) || !near(v, want, tol) {
				t.Errorf("%s at %v: value %v (grad path %v), gonum %v", o.name, p, f.Value(p[0], p[1]), v, want)
			}
			if !near(gx, grad[0], tol) || !near(gy, grad[1], tol) {
				t.Errorf("%s at %v: gradient (%v, %v), gonum %v", o.name, p, gx, gy, grad)
			}
			h := f.Hessian(p[0], p[1])
			for j := 0; j < 2; j++ {
				// Column j of the Hessian by central difference of gonum's gradient.
				const step = 1e-6
				xp, xm := []float64{p[0], p[1]}, []float64{p[0], p[1]}
				xp[j] += step
				xm[j] -= step
				gp, gm := make([]float64, 2), make([]float64, 2)
				o.f.Grad(gp, xp)
				o.f.Grad(gm, xm)
				for i := 0; i < 2; i++ {
					want := (gp[i] - gm[i]) / (2 * step)
					scale := math.Max(math.Abs(gp[i]), math.Abs(gm[i]))
					if math.Abs(h[i][j]-want) > 1e-6*math.Max(1, math.Abs(want))+1e-9*scale/step {
						t.Errorf("%s at %v: Hessian[%d][%d] = %v, difference of gonum's gradient %v", o.name, p, i, j, h[i][j], want)
					}
				}
			}
			gh, ok := o.f.(gonumHess)
			if !ok || o.badHess {
				continue
			}
			var hw mat.SymDense
			hw.ReuseAsSym(2)
			gh.Hess(&hw, x)
			for i := 0; i < 2; i++ {
				for j := 0; j < 2; j++ {
					if !near(h[i][j], hw.At(i, j), tol) {
						t.Errorf("%s at %v: Hessian[%d][%d] = %v, gonum %v", o.name, p, i, j, h[i][j], hw.At(i, j))
					}
				}
			}
		}
	}
}

// TestNumericGradMatchesFD checks that NumericGrad is gonum's fd.Gradient
// with the central formula and step h, bit for bit.
func TestNumericGradMatchesFD(t *testing.T) {
	for _, src := range []string{"(1-x)^2 + 100(y-x^2)^2", "sin(x)*cos(y)", "exp(x/3) + log(1+y^2)", "x^3 - 2x"} {
		f := mustParse(t, src)
		for _, h := range []float64{1e-4, 1e-2, 1e-7} {
			for _, p := range gonumPoints {
				v, gx, gy := f.NumericGrad(p[0], p[1], h)
				want := fd.Gradient(nil, func(x []float64) float64 { return f.Value(x[0], x[1]) },
					[]float64{p[0], p[1]}, &fd.Settings{Formula: fd.Central, Step: h})
				if f.Dims() == 1 {
					want[1] = 0
				}
				if v != f.Value(p[0], p[1]) || gx != want[0] || gy != want[1] {
					t.Errorf("%q h=%v at %v: NumericGrad = %v, %v, %v; fd.Gradient %v", src, h, p, v, gx, gy, want)
				}
			}
		}
	}
}

// TestNumericGradTextbook checks the textbook's case: at (3, 2) the central
// difference of x0^2 + x1^2 with h = 1e-4 is the exact gradient (6, 4) up to
// rounding, and it vanishes where x + h == x.
func TestNumericGradTextbook(t *testing.T) {
	f := mustParse(t, "x[0]**2 + x[1]**2")
	v, gx, gy := f.NumericGrad(3, 2, 1e-4)
	if v != 13 || !near(gx, 6, 1e-9) || !near(gy, 4, 1e-9) {
		t.Errorf("NumericGrad(3, 2, 1e-4) = %v, %v, %v, want 13, 6, 4", v, gx, gy)
	}
	if _, gx, _ := f.NumericGrad(1e20, 0, 1e-4); gx != 0 {
		t.Errorf("NumericGrad where x+h == x: gx = %v, want 0", gx)
	}
	g := mustParse(t, "x^3")
	if _, _, gy := g.NumericGrad(1, 5, 1e-4); gy != 0 {
		t.Errorf("1-D NumericGrad: gy = %v, want 0", gy)
	}
}

// TestHessian checks exact Hessians against hand-derived ones.
func TestHessian(t *testing.T) {
	const tol = 1e-12
	for _, tc := range []struct {
		src  string
		x, y float64
		want [2][2]float64
	}{
		{"x^2 + y^2", 3, 2, [2][2]float64{{2, 0}, {0, 2}}},
		{"(x+2y-7)^2+(2x+y-5)^2", 0, 0, [2][2]float64{{10, 8}, {8, 10}}},
		{"0.26(x^2+y^2)-0.48x*y", 5, -1, [2][2]float64{{0.52, -0.48}, {-0.48, 0.52}}},
		{"x^2 - y^2", 1, 1, [2][2]float64{{2, 0}, {0, -2}}},
		{"(1-x)^2 + 100(y-x^2)^2", 1, 1, [2][2]float64{{802, -400}, {-400, 200}}},
		{"x*y", 2, 3, [2][2]float64{{0, 1}, {1, 0}}},
		{"x^3", 2, 0, [2][2]float64{{12, 0}, {0, 0}}},
		{"sin(x)*cos(y)", 0.5, 0.25, [2][2]float64{
			{-math.Sin(0.5) * math.Cos(0.25), -math.Cos(0.5) * math.Sin(0.25)},
			{-math.Cos(0.5) * math.Sin(0.25), -math.Sin(0.5) * math.Cos(0.25)}}},
		{"x/y", 2, 4, [2][2]float64{{0, -1.0 / 16}, {-1.0 / 16, 2 * 2.0 / 64}}},
		{"exp(x*y)", 1, 2, [2][2]float64{
			{4 * math.Exp(2), (1 + 2) * math.Exp(2)}, {(1 + 2) * math.Exp(2), math.Exp(2)}}},
		{"x^y", 2, 3, [2][2]float64{
			{3 * 2 * 2, 4 * (1 + 3*math.Ln2)}, {4 * (1 + 3*math.Ln2), 8 * math.Ln2 * math.Ln2}}},
		{"atan2(y, x)", 1, 1, [2][2]float64{{0.5, 0}, {0, -0.5}}},
		{"atan2(y, x)", 1, 2, [2][2]float64{{4.0 / 25, 3.0 / 25}, {3.0 / 25, -4.0 / 25}}},
		{"sqrt(x)", 4, 0, [2][2]float64{{-1.0 / 32, 0}, {0, 0}}},
		{"x^(1/3)", -8, 0, [2][2]float64{{2.0 / 9 / 32, 0}, {0, 0}}},
		{"log(x) + 1/y", 2, 2, [2][2]float64{{-0.25, 0}, {0, 0.25}}},
		{"relu(x)*y + abs(y)", 1, -2, [2][2]float64{{0, 1}, {1, 0}}},
		{"max(x^2, y)", 2, 1, [2][2]float64{{2, 0}, {0, 0}}},
		{"min(x^2, y)", 2, 1, [2][2]float64{{0, 0}, {0, 0}}},
		{"sigmoid(x)", 0, 0, [2][2]float64{{0, 0}, {0, 0}}},
		{"tanh(x) + softplus(y)", 0, 0, [2][2]float64{{0, 0}, {0, 0.25}}},
	} {
		f := mustParse(t, tc.src)
		h := f.Hessian(tc.x, tc.y)
		for i := 0; i < 2; i++ {
			for j := 0; j < 2; j++ {
				if !near(h[i][j], tc.want[i][j], tol) {
					t.Errorf("%q at (%v, %v): Hessian = %v, want %v", tc.src, tc.x, tc.y, h, tc.want)
					i, j = 2, 2
				}
			}
		}
	}
}

// TestBoothEigenvalues checks DESIGN.md's fact: the Hessian of Booth has
// eigenvalues 2 and 18 (so the GD critical learning rate is 1/9).
func TestBoothEigenvalues(t *testing.T) {
	f := mustParse(t, "(x+2y-7)^2+(2x+y-5)^2")
	for _, p := range [][2]float64{{1, 3}, {-10, 10}, {0.3, -4}} {
		h := f.Hessian(p[0], p[1])
		s := mat.NewSymDense(2, []float64{h[0][0], h[0][1], h[1][0], h[1][1]})
		var eig mat.EigenSym
		if !eig.Factorize(s, false) {
			t.Fatal("eigendecomposition failed")
		}
		ev := eig.Values(nil)
		if !near(ev[0], 2, 1e-12) || !near(ev[1], 18, 1e-12) {
			t.Errorf("Booth at %v: eigenvalues %v, want [2 18]", p, ev)
		}
	}
}
