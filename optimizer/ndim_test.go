package optimizer_test

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/optimize/functions"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// ndProblem parses src, a function of any number of variables.
func ndProblem(t testing.TB, src string) optimizer.Problem {
	t.Helper()
	f, err := expr.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	return optimizer.Problem{F: f, Source: src}
}

// ndConfig is the default config of method m from start x.
func ndConfig(m optimizer.Method, lr float64, steps int, x ...float64) optimizer.Config {
	c := optimizer.DefaultConfig().ForMethod(m)
	c.LR, c.Steps = lr, steps
	c.SetStart(x)
	return c
}

// quadratic5 is ½Σ(i+1)x[i]² for i = 0…4: a diagonal Hessian with the
// eigenvalues 1, 2, 3, 4, 5.
const quadratic5 = "sum(0.5*(i+1)*x[i]^2, i, 0, 4)"

// TestQuadratic5D works gd on quadratic5 by hand: each coordinate is
// multiplied by 1 − η(i+1) per step, so after k steps from (1, …, 1) with
// η = 0.1, x[i] = (0.9 − 0.1i)ᵏ; the critical rate is 2/λmax = 2/5 = 0.4,
// along x[4].
func TestQuadratic5D(t *testing.T) {
	p := ndProblem(t, quadratic5)
	r := optimizer.Run(context.Background(), p, ndConfig(optimizer.GD, 0.1, 10, 1, 1, 1, 1, 1), nil)
	if r.Status != optimizer.MaxSteps || len(r.Points) != 11 {
		t.Fatalf("status %s, %d points", r.Status, len(r.Points))
	}
	x := r.Final.Pos(5)
	for i := range 5 {
		want := math.Pow(0.9-0.1*float64(i), 10)
		if math.Abs(x[i]-want) > 1e-12*math.Max(1e-12, want) && math.Abs(x[i]-want) > 1e-18 {
			t.Errorf("x₁₀[%d] = %v, want (%v)¹⁰ = %v", i, x[i], 0.9-0.1*float64(i), want)
		}
		if g := r.Final.GradCoord(i); math.Abs(g-float64(i+1)*x[i]) > 1e-15 {
			t.Errorf("∇f[%d] = %v, want %v", i, g, float64(i+1)*x[i])
		}
	}
	// Step 1 by hand: x₁ = x₀ − 0.1·(1, 2, 3, 4, 5) = (0.9, 0.8, 0.7, 0.6, 0.5).
	for i, want := range []float64{0.9, 0.8, 0.7, 0.6, 0.5} {
		if got := r.Points[1].Coord(i); math.Abs(got-want) > 1e-15 {
			t.Errorf("x₁[%d] = %v, want %v", i, got, want)
		}
		if got := r.Points[1].UpdateCoord(i); math.Abs(got-(want-1)) > 1e-15 {
			t.Errorf("Δx₁[%d] = %v, want %v", i, got, want-1)
		}
	}
	a := r.Analysis
	if a.CriticalLR == nil || math.Abs(*a.CriticalLR-0.4) > 1e-12 {
		t.Errorf("critical lr %v, want 0.4", a.CriticalLR)
	}
	for i, ev := range a.End.Eigenvalues {
		if math.Abs(ev-float64(i+1)) > 1e-12 {
			t.Errorf("eigenvalues %v, want 1 … 5", a.End.Eigenvalues)
		}
	}
	if s := a.End.Steepest; len(s) != 5 || math.Abs(math.Abs(s[4])-1) > 1e-12 {
		t.Errorf("steepest direction %v, want ±x[4]", s)
	}
	// Just above the critical rate, x[4] is multiplied by 1 − 0.41·5 =
	// −1.05 per step: it grows while the others shrink.
	r = optimizer.Run(context.Background(), p, ndConfig(optimizer.GD, 0.41, 200, 1, 1, 1, 1, 1), nil)
	if got, want := r.Final.Coord(4), math.Pow(-1.05, 200); math.Abs(got-want) > 1e-9*math.Abs(want) {
		t.Errorf("lr 0.41: x₂₀₀[4] = %v, want (−1.05)²⁰⁰ = %v", got, want)
	}
	if !strings.Contains(r.Analysis.Summary.String(), "above the critical 0.4") {
		t.Errorf("lr 0.41: %q", r.Analysis.Summary)
	}
}

// TestNewton5D: on a quadratic Newton's first step (η = 1, λ = 0) lands on
// the minimum.
func TestNewton5D(t *testing.T) {
	p := ndProblem(t, "sum(0.5*(i+1)*(x[i] - i)^2, i, 0, 4) + 0.1*x[0]*x[4]")
	c := ndConfig(optimizer.Newton, 1, 1, 3, 2, 1, 0, -1)
	r := optimizer.Run(context.Background(), p, c, nil)
	if r.Status != optimizer.MaxSteps {
		t.Fatalf("status %s: %s", r.Status, r.Reason)
	}
	for i, g := range r.Final.GradVec(5) {
		if math.Abs(g) > 1e-12 {
			t.Errorf("∇f[%d] = %g after one Newton step, want 0", i, g)
		}
	}
}

// TestRosenbrock10D: the 10-D Rosenbrock typed with sum agrees with
// gonum's ExtendedRosenbrock, and Adam and BFGS reach its minimum (1, …, 1)
// from the standard start (−1.2, 1, −1.2, 1, …).
func TestRosenbrock10D(t *testing.T) {
	p := ndProblem(t, "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8)")
	fn := p.F.(optimizer.ObjectiveN)
	oracle := functions.ExtendedRosenbrock{}
	gen := rand.New(rand.NewPCG(1, 10))
	for range 20 {
		x, g, want := make([]float64, 10), make([]float64, 10), make([]float64, 10)
		for i := range x {
			x[i] = 4*gen.Float64() - 2
		}
		f := fn.ValueGradN(x, g)
		oracle.Grad(want, x)
		if wf := oracle.Func(x); math.Abs(f-wf) > 1e-12*math.Max(1, wf) {
			t.Fatalf("f%v = %v, gonum %v", x, f, wf)
		}
		for i := range g {
			if math.Abs(g[i]-want[i]) > 1e-12*math.Max(1, math.Abs(want[i])) {
				t.Fatalf("∇f%v[%d] = %v, gonum %v", x, i, g[i], want[i])
			}
		}
	}
	start := []float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1}
	for _, tc := range []struct {
		m     optimizer.Method
		lr    float64
		steps int
		tol   float64
	}{{optimizer.Adam, 0.01, 20000, 1e-3}, {optimizer.BFGS, 1, 500, 1e-9}} {
		r := optimizer.Run(context.Background(), p, ndConfig(tc.m, tc.lr, tc.steps, start...), nil)
		for i, xi := range r.Final.Pos(10) {
			if math.Abs(xi-1) > tc.tol {
				t.Errorf("%s: x[%d] = %v after %d steps (%s), want 1 ± %g", tc.m, i, xi, r.Steps, r.Status, tc.tol)
			}
		}
		if r.Verdict != optimizer.VerdictConverged {
			t.Errorf("%s: verdict %s", tc.m, r.Verdict)
		}
	}
}

// TestRulesInNDimensionsAreTheRulesIn2D: every elementwise rule of the
// registry, in both conventions, moves the first two coordinates of
// rosenbrock(x[0], x[1]) + x[2]² as it moves the 2-D Rosenbrock's (the n-D
// gradient is reverse mode, the 2-D one forward mode: equal up to
// rounding); x[2] follows the rule on x[2]² alone.
func TestRulesInNDimensionsAreTheRulesIn2D(t *testing.T) {
	p2 := ndProblem(t, "(1 - x)^2 + 100(y - x^2)^2")
	p3 := ndProblem(t, "(1 - x[0])^2 + 100(x[1] - x[0]^2)^2 + x[2]^2")
	for _, name := range optimizer.MethodNames() {
		m := optimizer.Method(name)
		if s, _ := m.Spec(); s.NoLearningRate {
			continue // cg, bfgs, lbfgs: gonum's line search couples the coordinates
		}
		for _, conv := range optimizer.Conventions() {
			lr := 1e-3
			if m == optimizer.Newton {
				lr = 0.5
			}
			c2 := ndConfig(m, lr, 30, -1.2, 1)
			c3 := ndConfig(m, lr, 30, -1.2, 1, 0.5)
			c2.Convention, c3.Convention = conv, conv
			r2 := optimizer.Run(context.Background(), p2, c2, nil)
			r3 := optimizer.Run(context.Background(), p3, c3, nil)
			if r2.Status != r3.Status || len(r2.Points) != len(r3.Points) {
				t.Fatalf("%s/%s: %s with %d points in 2-D, %s with %d in 3-D", m, conv, r2.Status, len(r2.Points), r3.Status, len(r3.Points))
			}
			for k, q := range r2.Points {
				for i := range 2 {
					if d := math.Abs(r3.Points[k].Coord(i) - q.X[i]); d > 1e-12*math.Max(1, math.Abs(q.X[i])) {
						t.Fatalf("%s/%s step %d: x[%d] = %v in 3-D, %v in 2-D", m, conv, k, i, r3.Points[k].Coord(i), q.X[i])
					}
				}
			}
		}
	}
}

// TestNumericGradientInNDimensions: the central difference costs 1 + 2n
// evaluations of f per point and agrees with the exact gradient on a
// quadratic to rounding.
func TestNumericGradientInNDimensions(t *testing.T) {
	p := ndProblem(t, quadratic5)
	c := ndConfig(optimizer.GD, 0.1, 5, 1, 1, 1, 1, 1)
	c.Gradient = optimizer.Numeric
	r := optimizer.Run(context.Background(), p, c, nil)
	if r.Final.Evals != [2]int32{11, 0} {
		t.Errorf("evaluations %v, want {11, 0}", r.Final.Evals)
	}
	for i := range 5 {
		want := math.Pow(0.9-0.1*float64(i), 5)
		if math.Abs(r.Final.Coord(i)-want) > 1e-9 {
			t.Errorf("x₅[%d] = %v, want %v", i, r.Final.Coord(i), want)
		}
	}
}

// TestTrajectoryBytesBound: a set of 8 long runs of a 64-D function keeps
// within TrajectoryBytes, each decimated to its share, with its start and
// last step.
func TestTrajectoryBytesBound(t *testing.T) {
	p := ndProblem(t, "sum(x[i]^2, i, 0, 63)")
	cs := make([]optimizer.Config, 8)
	for i := range cs {
		cs[i] = ndConfig(optimizer.GD, 1e-4, 40_000, optimizer.DefaultStartFor(64)...)
	}
	total := 0
	for i, r := range optimizer.RunSet(context.Background(), p, cs, nil) {
		total += len(r.Points) * optimizer.PointBytes(64)
		if len(r.Points) >= 40_001 || r.Points[0].K != 0 || r.Final.K != 40_000 || r.Points[len(r.Points)-1].K != 40_000 {
			t.Errorf("run %d: %d points, from %d to %d", i, len(r.Points), r.Points[0].K, r.Final.K)
		}
		if got := len(r.Final.Pos(64)); got != 64 {
			t.Errorf("run %d: the last point has %d coordinates", i, got)
		}
	}
	if total > optimizer.TrajectoryBytes {
		t.Errorf("the run set keeps %d bytes, more than %d", total, optimizer.TrajectoryBytes)
	}
}

// TestNDimensionalBadInput: a start of the wrong length or with a
// non-finite coordinate is refused with a message naming it; nothing runs.
func TestNDimensionalBadInput(t *testing.T) {
	p := ndProblem(t, quadratic5)
	for _, tc := range []struct {
		start []float64
		want  string
	}{
		{[]float64{1, 2, 3}, "the start has 3 coordinates, the function 5 variables"},
		{[]float64{1, 2, 3, math.NaN(), 5}, "start coordinate x[3] = NaN is not a finite number"},
	} {
		c := optimizer.DefaultConfig()
		c.SetStart(tc.start)
		r := optimizer.Run(context.Background(), p, c, nil)
		if r.Status != optimizer.Invalid || r.Err == nil || !strings.Contains(r.Err.Error(), tc.want) {
			t.Errorf("start %v: %s %v, want %q", tc.start, r.Status, r.Err, tc.want)
		}
	}
}

// TestNoiseInNDimensions: under noise the first step draws one deviate per
// coordinate, in order, from the run's seeded stream.
func TestNoiseInNDimensions(t *testing.T) {
	p := ndProblem(t, "x[0]^2 + x[1]^2 + x[2]^2")
	c := ndConfig(optimizer.GD, 0.1, 1, 3, 2, 1)
	c.Noise, c.Seed = 0.5, 7
	r := optimizer.Run(context.Background(), p, c, nil)
	gen := rand.New(rand.NewPCG(7, 0x9e3779b97f4a7c15))
	for i, g := range []float64{6, 4, 2} {
		want := []float64{3, 2, 1}[i] - 0.1*(g+0.5*gen.NormFloat64())
		if got := r.Final.Coord(i); got != want {
			t.Errorf("x₁[%d] = %v, want %v", i, got, want)
		}
	}
}
