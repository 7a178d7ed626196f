package figure

import (
	"math"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// problem parses src into a problem.
func problem(t *testing.T, src string) optimizer.Problem {
	t.Helper()
	f, err := expr.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return optimizer.Problem{F: f, Source: src}
}

// errorAt returns the errors at the step h of HSteps.
func errorAt(t *testing.T, hs, fwd, cen []float64, h float64) (float64, float64) {
	t.Helper()
	for i, s := range hs {
		if s == h {
			return fwd[i], cen[i]
		}
	}
	t.Fatalf("step %g not among the steps", h)
	return 0, 0
}

func TestHSteps(t *testing.T) {
	hs := HSteps()
	if len(hs) != 201 || hs[0] != 1e-20 || hs[len(hs)-1] != 1 || hs[160] != 1e-4 || hs[40] != 1e-16 {
		t.Fatalf("%d steps from %g to %g", len(hs), hs[0], hs[len(hs)-1])
	}
	for i := 1; i < len(hs); i++ {
		if !(hs[i] > hs[i-1]) {
			t.Fatalf("steps not increasing at %d: %g, %g", i, hs[i-1], hs[i])
		}
	}
}

// The book's case, x² + y² at (3, 2): the central difference is accurate
// at h = 1e-4, useless at 1e-16, and below that (x + h == x) both errors
// are |∇f| = √52 exactly: the numeric gradient is 0.
func TestHErrorTextbook(t *testing.T) {
	p := problem(t, "x^2 + y^2")
	d := HError(p, []float64{3, 2}, 1e-4)
	if d.H != 1e-4 || d.Point != [2]float64{3, 2} || d.Grad != [2]float64{6, 4} {
		t.Fatalf("header %+v", d)
	}
	if _, c := errorAt(t, d.Hs, d.Forward, d.Central, 1e-4); !(c < 1e-6) {
		t.Errorf("central error at h = 1e-4 is %g, want < 1e-6", c)
	}
	if _, c := errorAt(t, d.Hs, d.Forward, d.Central, 1e-16); !(c > 1e-3) {
		t.Errorf("central error at h = 1e-16 is %g, want > 1e-3", c)
	}
	if f, _ := errorAt(t, d.Hs, d.Forward, d.Central, 1e-4); math.Abs(f-1e-4*math.Sqrt2) > 1e-8 {
		t.Errorf("forward error at h = 1e-4 is %g, want h·√2 (the truncation error)", f)
	}
	norm := math.Hypot(6, 4) // |∇f| = √52, as the figure draws it
	if math.Abs(norm-math.Sqrt(52)) > 1e-14 {
		t.Fatalf("|∇f| = %g", norm)
	}
	for i, h := range d.Hs {
		if h >= 1e-16 {
			break
		}
		if d.Forward[i] != norm || d.Central[i] != norm {
			t.Errorf("h = %g: errors %g, %g, want √52 = %g (x + h == x)", h, d.Forward[i], d.Central[i], norm)
		}
	}
	// The central difference is the runs' numeric gradient.
	_, gx, gy := p.F.NumericGrad(3, 2, 1e-4)
	if _, c := errorAt(t, d.Hs, d.Forward, d.Central, 1e-4); c != math.Hypot(gx-6, gy-4) {
		t.Errorf("central error %g is not that of NumericGrad (%g)", c, math.Hypot(gx-6, gy-4))
	}
}

// For a smooth function that is not a quadratic the central error is
// smallest for h between 1e-6 and 1e-4 (rounding below, truncation above):
// why the book takes 1e-4.
func TestHErrorSmoothMinimum(t *testing.T) {
	d := HError(problem(t, "sin(x) * cos(y) + exp(x/3)"), []float64{1, 0.5}, 1e-4)
	best := 0
	for i, e := range d.Central {
		if e < d.Central[best] {
			best = i
		}
	}
	if h := d.Hs[best]; h < 1e-6 || h > 1e-4 {
		t.Errorf("central error smallest at h = %g (%g), want 1e-6..1e-4", h, d.Central[best])
	}
	fbest := 0
	for i, e := range d.Forward {
		if e < d.Forward[fbest] {
			fbest = i
		}
	}
	if h := d.Hs[fbest]; h < 1e-10 || h > 1e-6 {
		t.Errorf("forward error smallest at h = %g, want 1e-10..1e-6", h)
	}
}

// A function of x alone has one coordinate: y is ignored.
func TestHErrorOneDimension(t *testing.T) {
	d := HError(problem(t, "x^3"), []float64{2, 99}, 1e-4)
	if d.Point != [2]float64{2, 0} || d.Grad != [2]float64{12, 0} {
		t.Fatalf("header %+v", d)
	}
	f, c := errorAt(t, d.Hs, d.Forward, d.Central, 1e-4)
	// Truncation: forward ≈ 3·x·h = 6e-4, central = h² exactly in reals.
	if math.Abs(f-6e-4) > 1e-6 || math.Abs(c-1e-8) > 1e-9 {
		t.Errorf("errors at h = 1e-4: forward %g (want 6e-4), central %g (want 1e-8)", f, c)
	}
	if HError(optimizer.Problem{}, nil, 1e-4) != nil {
		t.Error("no function: want nil")
	}
}

// The scene's gradient is the objective's exact one.
func TestSceneGrad(t *testing.T) {
	s := Scene(problem(t, "x^2 + 3*y^2"), nil, -1)
	if gx, gy := s.Grad(1, 2); gx != 2 || gy != 12 {
		t.Errorf("grad (1, 2) = (%g, %g), want (2, 12)", gx, gy)
	}
}

// TestHErrorInNDimensions: for a function of three variables the errors are
// norms over all three coordinates: for the quadratic x[0]² + 2x[1]² +
// 3x[2]² the forward difference along x[i] errs by (i+1)·h exactly (in
// exact arithmetic), so at h = 1e-3 the norm is √14·1e-3; the central
// difference is exact up to rounding.
func TestHErrorInNDimensions(t *testing.T) {
	d := HError(problem(t, "x[0]^2 + 2*x[1]^2 + 3*x[2]^2"), []float64{3, 2, 1}, 1e-4)
	if len(d.Coords) != 3 || d.Coords[2] != 1 || len(d.GradCoords) != 3 || d.GradCoords[2] != 6 {
		t.Fatalf("coords %v, gradient %v", d.Coords, d.GradCoords)
	}
	// ∇f(3, 2, 1) = (6, 8, 6): the flat line where x + h == x is at |∇f| = √136.
	if g := d.GradNorm(); g != math.Sqrt(136) || d.Central[0] != g {
		t.Errorf("|∇f| = %v, central error at h = 1e-20 %v, want √136 = %v", g, d.Central[0], math.Sqrt(136))
	}
	for i, h := range d.Hs {
		if math.Abs(h-1e-3) < 1e-18 {
			if want := math.Sqrt(14) * 1e-3; math.Abs(d.Forward[i]-want) > 1e-9 {
				t.Errorf("forward error at h = 1e-3: %v, want √14·1e-3 = %v", d.Forward[i], want)
			}
			if d.Central[i] > 1e-9 {
				t.Errorf("central error at h = 1e-3: %v, want ≈ 0", d.Central[i])
			}
		}
	}
}
