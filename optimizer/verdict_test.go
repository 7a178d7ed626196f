package optimizer

import (
	"context"
	"testing"
)

func TestVerdicts(t *testing.T) {
	for _, test := range []struct {
		name   string
		f      testFunc
		method Method
		lr     float64
		start  [2]float64
		steps  int
		tol    float64
		want   Verdict
	}{
		// The textbook: x² + y² from (3, 2), 100 steps.
		{"textbook lr 0.1", sphere, GD, 0.1, [2]float64{3, 2}, 100, 0, VerdictConverged},
		{"textbook lr 1", sphere, GD, 1, [2]float64{3, 2}, 100, 0, VerdictOscillating},
		{"textbook lr 1.1", sphere, GD, 1.1, [2]float64{3, 2}, 100, 0, VerdictDiverged},
		{"textbook lr 1e-6", sphere, GD, 1e-6, [2]float64{3, 2}, 100, 0, VerdictSlow},
		// Growing zig-zag that stays inside the bound: |x| grows 1.02× a step.
		{"lr 1.01", sphere, GD, 1.01, [2]float64{3, 2}, 100, 0, VerdictDiverged},
		// Shrinking zig-zag, not done yet: |x| shrinks 0.98× a step.
		{"lr 0.99", sphere, GD, 0.99, [2]float64{3, 2}, 100, 0, VerdictOscillating},
		// Momentum swings to and fro through the minimum (period ≈ 14 steps).
		{"momentum swing", sphere, Momentum, 0.1, [2]float64{3, 2}, 100, 0, VerdictOscillating},
		{"tolerance", sphere, GD, 0.01, [2]float64{3, 2}, 10000, 0.1, VerdictConverged},
		{"started at the minimum", sphere, GD, 0.1, [2]float64{0, 0}, 10, 0, VerdictConverged},
		// Crawling along Rosenbrock's valley.
		{"rosenbrock crawl", rosenbrock, GD, 1e-4, [2]float64{-1.2, 1}, 1000, 0, VerdictSlow},
		// Far out on σ(x) + σ(y) the gradient is ~1e-9 (and ~5e-4 at 8):
		// nothing moves, and the surface is not a bowl there.
		{"sigmoid plateau 20", sigmoids, GD, 0.1, [2]float64{20, 20}, 100, 0, VerdictPlateau},
		{"sigmoid plateau 8", sigmoids, GD, 0.1, [2]float64{8, 8}, 100, 0, VerdictPlateau},
		{"sigmoid plateau adagrad", sigmoids, Adagrad, 1e-6, [2]float64{20, -20}, 100, 0, VerdictPlateau},
		// On the slope of the sigmoid it is no plateau.
		{"sigmoid slope", sigmoids, GD, 0.1, [2]float64{0, 0}, 100, 0, VerdictEscaping}, // σ(x) + σ(y) has no minimum: the run heads for −∞
		{"saddle from the ridge", saddle, GD, 0.1, [2]float64{1, 0}, 200, 0, VerdictSaddle},
		{"saddle escape", saddle, GD, 0.1, [2]float64{1, 1e-6}, 100, 0, VerdictDiverged},
		{"1-D maximum", cosine1D, GD, 0.1, [2]float64{0, 0}, 10, 0, VerdictSaddle},
		{"1-D minimum", cosine1D, GD, 0.5, [2]float64{3, 0}, 100, 0, VerdictConverged},
		{"ascent to the top", negSphere, Ascent, 0.1, [2]float64{3, 2}, 100, 0, VerdictConverged},
		{"ascent off a bowl", sphere, Ascent, 0.1, [2]float64{3, 2}, 50, 0, VerdictDiverged},
		{"no steps", sphere, GD, 0.1, [2]float64{3, 2}, 0, 0, VerdictUnsettled},
	} {
		c := DefaultConfig()
		c.Method, c.LR, c.Start, c.Steps, c.Tol = test.method, test.lr, test.start, test.steps, test.tol
		r := Run(context.Background(), Problem{F: test.f}, c, nil)
		if r.Verdict != test.want {
			t.Errorf("%s: verdict %s (status %s, end %v, ‖g‖ %g), want %s", test.name, r.Verdict, r.Status, r.Final.X, norm(r.Final.Grad[:]), test.want)
		}
	}
}
