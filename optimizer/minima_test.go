package optimizer

import (
	"context"
	"math"
	"testing"
)

// TestKnownMinima runs methods from standard starts to the known minima.
func TestKnownMinima(t *testing.T) {
	for _, test := range []struct {
		name   string
		f      testFunc
		method Method
		lr     float64
		start  [2]float64
		steps  int
		want   [2]float64
		tol    float64 // on each coordinate
	}{
		{"rosenbrock gd", rosenbrock, GD, 1e-3, [2]float64{-1.2, 1}, 50000, [2]float64{1, 1}, 1e-6},
		{"rosenbrock momentum", rosenbrock, Momentum, 1e-3, [2]float64{-1.2, 1}, 10000, [2]float64{1, 1}, 1e-9},
		{"rosenbrock nesterov", rosenbrock, Nesterov, 1e-3, [2]float64{-1.2, 1}, 10000, [2]float64{1, 1}, 1e-9},
		{"rosenbrock adam", rosenbrock, Adam, 1e-3, [2]float64{-1.2, 1}, 20000, [2]float64{1, 1}, 1e-9},
		{"himmelblau 1", himmelblau, GD, 0.01, [2]float64{1, 1}, 1000, [2]float64{3, 2}, 1e-9},
		{"himmelblau 2", himmelblau, GD, 0.01, [2]float64{-1, 2}, 1000, [2]float64{-2.805118086952745, 3.131312518250573}, 1e-9},
		{"himmelblau 3", himmelblau, GD, 0.01, [2]float64{-2, -2}, 1000, [2]float64{-3.779310253377747, -3.283185991286169}, 1e-9},
		{"himmelblau 4", himmelblau, GD, 0.01, [2]float64{2, -1}, 1000, [2]float64{3.5844283403304917, -1.8481265269644034}, 1e-9},
		{"booth", booth, GD, 0.05, [2]float64{-8, -6}, 1000, [2]float64{1, 3}, 1e-9},
		{"beale gd", beale, GD, 0.01, [2]float64{1, 1}, 20000, [2]float64{3, 0.5}, 1e-9},
		{"beale adam", beale, Adam, 0.01, [2]float64{1, 1}, 5000, [2]float64{3, 0.5}, 1e-9},
		{"matyas", matyas, GD, 1, [2]float64{-8, 6}, 1000, [2]float64{0, 0}, 1e-9},
	} {
		c := DefaultConfig()
		c.Method, c.LR, c.Start, c.Steps = test.method, test.lr, test.start, test.steps
		r := Run(context.Background(), Problem{F: test.f}, c, nil)
		x := r.Final.X
		if r.Status != MaxSteps || !near(x[0], test.want[0], test.tol) || !near(x[1], test.want[1], test.tol) {
			t.Errorf("%s: %s at %v after %d steps, want %v", test.name, r.Status, x, r.Steps, test.want)
		}
		if r.Verdict != VerdictConverged {
			t.Errorf("%s: verdict %s, want converged", test.name, r.Verdict)
		}
	}
}

// TestSaddle: from (1, 0) gd never leaves y = 0 and comes to rest on the
// saddle point; from (1, 1e-6) the y-coordinate grows by 1.2 each step and
// the run escapes downhill past the bound.
func TestSaddle(t *testing.T) {
	c := DefaultConfig()
	c.Start, c.Steps = [2]float64{1, 0}, 200
	r := Run(context.Background(), Problem{F: saddle}, c, nil)
	for _, p := range r.Points {
		if p.X[1] != 0 {
			t.Fatalf("from (1, 0): step %d left y = 0: %v", p.K, p.X)
		}
	}
	if r.Status != MaxSteps || norm(r.Final.X[:]) > 1e-15 || r.Verdict != VerdictSaddle {
		t.Errorf("from (1, 0): %s at %v, verdict %s; want the saddle (0, 0)", r.Status, r.Final.X, r.Verdict)
	}
	if r.Analysis.End.Eigenvalues[0] != -2 || r.Analysis.End.Eigenvalues[1] != 2 {
		t.Errorf("saddle eigenvalues %v, want -2 and 2", r.Analysis.End.Eigenvalues)
	}

	c.Start = [2]float64{1, 1e-6}
	r = Run(context.Background(), Problem{F: saddle}, c, nil)
	// y_k = 1.2^k·1e-6 first exceeds 1e6 at k = ⌈log(1e12)/log(1.2)⌉ = 152.
	wantK := int(math.Ceil(math.Log(1e12) / math.Log(1.2)))
	if r.Status != Diverged || r.DivergedAt != wantK || r.Verdict != VerdictDiverged {
		t.Errorf("from (1, 1e-6): %s at %d, verdict %s; want diverged at %d", r.Status, r.DivergedAt, r.Verdict, wantK)
	}
	if x := r.Final.X[0]; x < 0 || x > 1e-14 {
		t.Errorf("from (1, 1e-6): x ended at %v, want near 0 (x still converges)", x)
	}
}
