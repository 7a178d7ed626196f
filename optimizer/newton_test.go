package optimizer

import (
	"context"
	"math"
	"strings"
	"testing"
)

// newtonConfig is a newton run of steps from start with η = lr.
func newtonConfig(start [2]float64, lr float64, steps int) Config {
	c := DefaultConfig()
	c.Method, c.Start, c.LR, c.Steps = Newton, start, lr, steps
	return c
}

// cubic is x³ + y²: H = [[6x, 0], [0, 2]] is singular on the line x = 0.
var cubic = testFunc{dims: 2,
	f: func(x, y float64) float64 { return x*x*x + y*y },
	g: func(x, y float64) (float64, float64) { return 3 * x * x, 2 * y },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{6 * x, 0}, {0, 2}} },
}

// TestNewtonBoothInOneStep: Booth's function is a quadratic, so one full
// Newton step (η = 1) lands on its minimum (1, 3) from anywhere.
func TestNewtonBoothInOneStep(t *testing.T) {
	for _, start := range [][2]float64{{0, 0}, {-7, 4}, {10, -10}} {
		r := Run(context.Background(), Problem{F: booth}, newtonConfig(start, 1, 1), nil)
		x := r.Points[1].X
		if r.Steps != 1 || math.Abs(x[0]-1) > 1e-12 || math.Abs(x[1]-3) > 1e-12 {
			t.Errorf("from %v: %s, step 1 at %v, want (1, 3)", start, r.Status, x)
		}
	}
}

// TestNewtonQuadraticOnRosenbrock: from (−1.2, 1) with η = 1 the error
// ‖x − (1, 1)‖ squares from step to step once it is small, and reaches
// 1e-12 within 10 steps.
func TestNewtonQuadraticOnRosenbrock(t *testing.T) {
	r := Run(context.Background(), Problem{F: rosenbrock}, newtonConfig([2]float64{-1.2, 1}, 1, 10), nil)
	const c = 10.0
	reached := -1
	prev := math.Inf(1)
	for _, p := range r.Points {
		e := dist(p.X[:], []float64{1, 1})
		t.Logf("step %d: x = %v, error %.3g", p.K, p.X, e)
		if prev < 1e-2 && e > c*prev*prev && e > 1e-15 {
			t.Errorf("step %d: error %g > %g·%g²: not quadratic", p.K, e, c, prev)
		}
		if e <= 1e-12 && reached < 0 {
			reached = p.K
		}
		prev = e
	}
	if reached < 0 {
		t.Errorf("the error never reached 1e-12 in 10 steps (%s, end %v)", r.Status, r.Final.X)
	}
}

// TestNewtonJumpsToTheSaddle: on x² − y² from (1, 0.1), H⁻¹∇f = (1, 0.1):
// one step to (0, 0) exactly, where Newton stays; the verdict is saddle,
// with the reason that Newton heads for any stationary point.
func TestNewtonJumpsToTheSaddle(t *testing.T) {
	r := Run(context.Background(), Problem{F: saddle}, newtonConfig([2]float64{1, 0.1}, 1, 10), nil)
	if r.Points[1].X != [2]float64{0, 0} || r.Final.X != [2]float64{0, 0} {
		t.Errorf("step 1 at %v, end %v; want (0, 0)", r.Points[1].X, r.Final.X)
	}
	if r.Verdict != VerdictSaddle || !strings.Contains(r.Reason.String(), "whatever its kind") {
		t.Errorf("verdict %s, reason %q", r.Verdict, r.Reason.String())
	}
	// The critical-rate sentence is Newton's: 2, not gd's 2/λmax = 1.
	if r.Analysis.CriticalLR == nil || *r.Analysis.CriticalLR != 2 ||
		!strings.Contains(r.Analysis.Summary.String(), "shrink: lr 1.0 is below the critical 2.0") {
		t.Errorf("analysis: %v, %q", r.Analysis.CriticalLR, r.Analysis.Summary.String())
	}
}

// TestNewtonSingular: x³ + y² from (0, 1) has a singular Hessian at the
// start: the run stops as singular before step 1, with a reason naming the
// step and the point. A damping λ = 1 makes H + λI = [[1, 0], [0, 3]]
// invertible: the same run proceeds.
func TestNewtonSingular(t *testing.T) {
	c := newtonConfig([2]float64{0, 1}, 1, 5)
	r := Run(context.Background(), Problem{F: cubic}, c, nil)
	reason := r.Reason.String()
	if r.Status != Singular || r.Steps != 0 || r.Verdict == VerdictDiverged ||
		!strings.Contains(reason, "step 1 ") || !strings.Contains(reason, "(0, 1)") || !strings.Contains(reason, "singular") {
		t.Errorf("%s after %d steps, verdict %s, reason %q", r.Status, r.Steps, r.Verdict, reason)
	}
	if w := r.Status.Word().String(); w != "singular" {
		t.Errorf("status word %q", w)
	}
	d := Run(context.Background(), Problem{F: cubic}, c.With("damping", 1), nil)
	// Step 1: ∇f = (0, 2), Δ = (0, 2/3): x₁ = (0, 1/3).
	if d.Status != MaxSteps || d.Steps != 5 || math.Abs(d.Points[1].X[1]-1.0/3) > 1e-15 || d.Points[1].X[0] != 0 {
		t.Errorf("damped: %s after %d steps, step 1 at %v", d.Status, d.Steps, d.Points[1].X)
	}
}

// TestNewtonDamping works one damped step by hand: λ = 1 on x² + y² from
// (3, 2): H + λI = 3I, Δ = (6, 4)/3 = (2, 4/3), x₁ = (3, 2) − (2, 4/3) =
// (1, 2/3); the critical lr is 2(2 + 1)/2 = 3.
func TestNewtonDamping(t *testing.T) {
	c := newtonConfig([2]float64{3, 2}, 1, 1).With("damping", 1)
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	x := r.Points[1].X
	if math.Abs(x[0]-1) > 1e-12 || math.Abs(x[1]-2.0/3) > 1e-12 {
		t.Errorf("x₁ = %v, want (1, 2/3)", x)
	}
	if r.Analysis.CriticalLR == nil || math.Abs(*r.Analysis.CriticalLR-3) > 1e-12 {
		t.Errorf("critical lr %v, want 3", r.Analysis.CriticalLR)
	}
	if err := c.With("damping", -1).Validate(2); err == nil {
		t.Error("damping −1 is valid")
	}
	if err := c.With("damping", math.Inf(1)).Validate(2); err == nil {
		t.Error("damping +Inf is valid")
	}
}

// TestNewtonOneD: on the 1-D parabola 3x² − x the Hessian is f″ = 6
// (1×1) and one step of η = 1 reaches the minimum 1/6; in the book's
// convention the rule is the same. On cos x from 0.1, x ← x − tan x heads
// for the maximum at 0: the verdict is saddle.
func TestNewtonOneD(t *testing.T) {
	for _, conv := range []Convention{ConventionTorch, ConventionBook} {
		c := newtonConfig([2]float64{2, 0}, 1, 3)
		c.Convention = conv
		r := Run(context.Background(), Problem{F: parabola}, c, nil)
		if r.Status != MaxSteps || math.Abs(r.Points[1].X[0]-1.0/6) > 1e-12 || r.Points[1].X[1] != 0 {
			t.Errorf("%s: %s, step 1 at %v", conv, r.Status, r.Points[1].X)
		}
	}
	r := Run(context.Background(), Problem{F: cosine1D}, newtonConfig([2]float64{0.1, 0}, 1, 10), nil)
	if math.Abs(r.Final.X[0]) > 1e-12 || r.Verdict != VerdictSaddle || r.Reason.IsZero() {
		t.Errorf("cos x: end %v, verdict %s, reason %q", r.Final.X, r.Verdict, r.Reason.String())
	}
}

// TestNewtonExplainAndPython: the worked step shows the Hessian and the
// solve and ends in the recorded point; the Python step solves the damped
// system with np.linalg.solve.
func TestNewtonExplainAndPython(t *testing.T) {
	c := newtonConfig([2]float64{3, 2}, 1, 2).With("damping", 1)
	p := Problem{F: sphere}
	r := Run(context.Background(), p, c, nil)
	w, ok := NewReplayer(p, r.Config, r.Points).Explain(1)
	if !ok {
		t.Fatal("no explanation")
	}
	all := strings.Join(w.Lines, "\n")
	last := w.Lines[len(w.Lines)-1]
	if !strings.Contains(all, "H(x₀) = [[2, 0], [0, 2]]") || !strings.Contains(all, "H + λI = [[3, 0], [0, 3]]") ||
		!strings.HasSuffix(last, "= (1, 0.666667)") || !strings.HasPrefix(last, "x₁ = x₀ − η·Δ") {
		t.Errorf("lines:\n%s", all)
	}
	if w2, ok := NewReplayer(p, r.Config, r.Points).Explain(2); !ok || !strings.HasSuffix(w2.Lines[len(w2.Lines)-1], "= "+"("+num(r.Points[2].X[0])+", "+num(r.Points[2].X[1])+")") {
		t.Errorf("step 2: %v", w2.Lines)
	}
	_, step := PythonRule(c)
	if code := strings.Join(step, "\n"); !strings.Contains(code, "np.linalg.solve") || !strings.Contains(code, "hessian(x)") {
		t.Errorf("python: %q", code)
	}
}
