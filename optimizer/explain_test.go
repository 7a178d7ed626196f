package optimizer

import (
	"context"
	"strings"
	"testing"
)

// TestExplainWritesTheArithmetic checks the worked steps against the
// book's notation, on x² + y² from (3, 2), η = 0.1 (numbers as in
// stepper_test.go's hand-worked cases).
func TestExplainWritesTheArithmetic(t *testing.T) {
	for _, tc := range []struct {
		method  Method
		numeric bool
		k       int
		want    []string
	}{
		{GD, false, 1, []string{
			"∇f(x₀) = ∇f(3, 2) = (6, 4)",
			"x₁ = x₀ − η·∇f = (3, 2) − 0.1·(6, 4) = (2.4, 1.6)"}},
		{GD, true, 1, []string{
			"∂f/∂x ≈ (f(3.0001, 2) − f(2.9999, 2)) / 2h = (13.0006 − 12.9994) / 0.0002 = 6",
			"∂f/∂y ≈ (f(3, 2.0001) − f(3, 1.9999)) / 2h = (13.0004 − 12.9996) / 0.0002 = 4",
			"∇f(x₀) = ∇f(3, 2) ≈ (6, 4)   (h = 0.0001)",
			"x₁ = x₀ − η·∇f = (3, 2) − 0.1·(6, 4) = (2.4, 1.6)"}},
		{Momentum, false, 2, []string{
			"∇f(x₁) = ∇f(2.4, 1.6) = (4.8, 3.2)",
			// b₂ = 0.9·(6, 4) + (4.8, 3.2)
			"b₂ = μ·b₁ + (1 − τ)·∇f = 0.9·(6, 4) + 1·(4.8, 3.2) = (10.2, 6.8)",
			"x₂ = x₁ − η·b₂ = (2.4, 1.6) − 0.1·(10.2, 6.8) = (1.38, 0.92)"}},
		{Adagrad, false, 1, []string{
			"∇f(x₀) = ∇f(3, 2) = (6, 4)",
			"G₁ = G₀ + ∇f² = (0, 0) + (36, 16) = (36, 16)",
			"x₁ = x₀ − η·∇f / (√G₁ + ε) = (3, 2) − 0.1·(6, 4) / ((6, 4) + 1e-10) = (2.9, 1.9)"}},
		{Adam, false, 1, []string{
			"∇f(x₀) = ∇f(3, 2) = (6, 4)",
			// m₁ = 0.1·g, v₁ = 0.001·g², m̂ = g, v̂ = g²: the first step is η·sign(g)
			"m₁ = β1·m₀ + (1 − β1)·∇f = 0.9·(0, 0) + 0.1·(6, 4) = (0.6, 0.4)",
			"v₁ = β2·v₀ + (1 − β2)·∇f² = 0.999·(0, 0) + 0.001·(36, 16) = (0.036, 0.016)",
			"m̂ = m₁ / (1 − β1^1) = (0.6, 0.4) / 0.1 = (6, 4)",
			"v̂ = v₁ / (1 − β2^1) = (0.036, 0.016) / 0.001 = (36, 16)",
			"x₁ = x₀ − η·m̂ / (√v̂ + ε) = (3, 2) − 0.1·(6, 4) / ((6, 4) + 1e-08) = (2.9, 1.9)"}},
	} {
		c := DefaultConfig()
		c.Method, c.Steps = tc.method, 5
		if tc.numeric {
			c.Gradient = Numeric
		}
		p := Problem{F: sphere}
		r := Run(context.Background(), p, c, nil)
		w, ok := NewReplayer(p, r.Config, r.Points).Explain(tc.k)
		if !ok || strings.Join(w.Lines, "\n") != strings.Join(tc.want, "\n") {
			t.Errorf("%s step %d:\n%s\nwant\n%s", tc.method, tc.k, strings.Join(w.Lines, "\n"), strings.Join(tc.want, "\n"))
		}
	}
}

// TestReplayerGoesBackAndForth checks that explaining steps out of order
// gives what explaining them in order gives.
func TestReplayerGoesBackAndForth(t *testing.T) {
	c := DefaultConfig()
	c.Method, c.Steps = Adam, 50
	p := Problem{F: rosenbrock}
	r := Run(context.Background(), p, c, nil)
	in := NewReplayer(p, r.Config, r.Points)
	want := map[int]string{}
	for k := 1; k <= 50; k++ {
		w, _ := in.Explain(k)
		want[k] = strings.Join(w.Lines, "\n")
	}
	out := NewReplayer(p, r.Config, r.Points)
	for _, k := range []int{30, 3, 49, 49, 1, 50, 17} {
		if w, _ := out.Explain(k); strings.Join(w.Lines, "\n") != want[k] {
			t.Errorf("step %d out of order differs", k)
		}
	}
	if _, ok := out.Explain(0); ok {
		t.Error("step 0 explained")
	}
	if _, ok := out.Explain(51); ok {
		t.Error("a step not recorded explained")
	}
}
