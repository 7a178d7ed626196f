package optimizer

import (
	"context"
	"slices"
	"strings"
	"testing"

	"gdlab/optimizer/expr"
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

// TestExplainInThreeDimensions: the worked steps of x[0]² + x[1]² + x[2]²
// from (3, 2, 1), η = 0.1, by hand: g₀ = (6, 4, 2); Adam's first step is
// η·sign(g); momentum's b₂ = 0.9·g₀ + g₁; Newton's H = 2I, Δ = x.
func TestExplainInThreeDimensions(t *testing.T) {
	f, err := expr.Parse("x[0]**2 + x[1]**2 + x[2]**2")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		method  Method
		numeric bool
		lr      float64
		k       int
		want    []string
	}{
		{GD, true, 0.1, 1, []string{
			"∂f/∂x[0] ≈ (f(3.0001, 2, 1) − f(2.9999, 2, 1)) / 2h = (14.0006 − 13.9994) / 0.0002 = 6",
			"∂f/∂x[1] ≈ (f(3, 2.0001, 1) − f(3, 1.9999, 1)) / 2h = (14.0004 − 13.9996) / 0.0002 = 4",
			"∂f/∂x[2] ≈ (f(3, 2, 1.0001) − f(3, 2, 0.9999)) / 2h = (14.0002 − 13.9998) / 0.0002 = 2",
			"∇f(x₀) = ∇f(3, 2, 1) ≈ (6, 4, 2)   (h = 0.0001)",
			"x₁ = x₀ − η·∇f = (3, 2, 1) − 0.1·(6, 4, 2) = (2.4, 1.6, 0.8)"}},
		{Adam, false, 0.1, 1, []string{
			"∇f(x₀) = ∇f(3, 2, 1) = (6, 4, 2)",
			"m₁ = β1·m₀ + (1 − β1)·∇f = 0.9·(0, 0, 0) + 0.1·(6, 4, 2) = (0.6, 0.4, 0.2)",
			"v₁ = β2·v₀ + (1 − β2)·∇f² = 0.999·(0, 0, 0) + 0.001·(36, 16, 4) = (0.036, 0.016, 0.004)",
			"m̂ = m₁ / (1 − β1^1) = (0.6, 0.4, 0.2) / 0.1 = (6, 4, 2)",
			"v̂ = v₁ / (1 − β2^1) = (0.036, 0.016, 0.004) / 0.001 = (36, 16, 4)",
			"x₁ = x₀ − η·m̂ / (√v̂ + ε) = (3, 2, 1) − 0.1·(6, 4, 2) / ((6, 4, 2) + 1e-08) = (2.9, 1.9, 0.9)"}},
		{Momentum, false, 0.1, 2, []string{
			"∇f(x₁) = ∇f(2.4, 1.6, 0.8) = (4.8, 3.2, 1.6)",
			"b₂ = μ·b₁ + (1 − τ)·∇f = 0.9·(6, 4, 2) + 1·(4.8, 3.2, 1.6) = (10.2, 6.8, 3.4)",
			"x₂ = x₁ − η·b₂ = (2.4, 1.6, 0.8) − 0.1·(10.2, 6.8, 3.4) = (1.38, 0.92, 0.46)"}},
		{Newton, false, 1, 1, []string{
			"∇f(x₀) = ∇f(3, 2, 1) = (6, 4, 2)",
			"H(x₀) = [[2, 0, 0], [0, 2, 0], [0, 0, 2]]",
			"Δ = (H + λI)⁻¹·∇f = (3, 2, 1)",
			"x₁ = x₀ − η·Δ = (3, 2, 1) − 1·(3, 2, 1) = (0, 0, 0)"}},
	} {
		c := DefaultConfig().ForMethod(tc.method)
		c.LR, c.Steps = tc.lr, 3
		c.SetStart([]float64{3, 2, 1})
		if tc.numeric {
			c.Gradient = Numeric
		}
		p := Problem{F: f}
		r := Run(context.Background(), p, c, nil)
		w, ok := NewReplayer(p, r.Config, r.Points).Explain(tc.k)
		if got := strings.Join(w.Lines, "\n"); !ok || got != strings.Join(tc.want, "\n") {
			t.Errorf("%s step %d:\n%s\nwant\n%s", tc.method, tc.k, got, strings.Join(tc.want, "\n"))
		}
		if !slices.Equal(w.Wrapped(), w.Lines) {
			t.Errorf("%s: vectors of three entries wrapped: %q", tc.method, w.Wrapped())
		}
	}
}

// TestWrappedKeepsEveryNumber: the worked steps of a 10-D Rosenbrock (Adam
// with noise, Newton's 10×10 Hessian, the numeric gradient) wrapped: no
// line holds more than WrapEntries entries of a vector, a continuation is
// indented, and the lines of each formula joined give the formula.
func TestWrappedKeepsEveryNumber(t *testing.T) {
	f, err := expr.Parse("sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8)")
	if err != nil {
		t.Fatal(err)
	}
	p := Problem{F: f}
	for _, m := range []Method{Adam, Newton, GD, BFGS} {
		c := DefaultConfig().ForMethod(m)
		c.LR, c.Steps = 0.001, 3
		c.SetStart([]float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1})
		switch m {
		case Adam:
			c.Noise, c.Seed = 0.1, 3
		case GD:
			c.Gradient = Numeric
		}
		r := Run(context.Background(), p, c, nil)
		w, ok := NewReplayer(p, r.Config, r.Points).Explain(2)
		if !ok {
			t.Fatalf("%s: not explained", m)
		}
		wrapped := w.Wrapped()
		if len(wrapped) <= len(w.Lines) {
			t.Errorf("%s: nothing wrapped: %q", m, wrapped)
		}
		for _, l := range wrapped {
			if strings.Count(l, ", ") >= WrapEntries {
				t.Errorf("%s: a line of more than %d entries: %q", m, WrapEntries, l)
			}
		}
		if strings.Join(strings.Fields(strings.Join(wrapped, " ")), " ") != strings.Join(strings.Fields(strings.Join(w.Lines, " ")), " ") {
			t.Errorf("%s: the wrapped lines lose text:\n%s", m, strings.Join(wrapped, "\n"))
		}
	}
}

// TestWrapFormulaLayout: where a wrapped formula breaks and how far its
// continuations are indented.
func TestWrapFormulaLayout(t *testing.T) {
	got := wrapFormula("x₂ = x₁ − η·b = (1, 2, 3, 4, 5, 6, 7) − 0.5·(1, 1, 1, 1, 1, 1, 1, 1) = (0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5)")
	want := []string{
		"x₂ = x₁ − η·b",
		"   = (1, 2, 3, 4, 5, 6,",
		"      7)",
		"     − 0.5·(1, 1, 1, 1, 1, 1,",
		"            1, 1)",
		"   = (0.5, 1.5, 2.5, 3.5, 4.5, 5.5,",
		"      6.5)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if l := "v = (1, 2, 3, 4, 5, 6, 7, 8"; !slices.Equal(wrapFormula(l), []string{l}) {
		t.Errorf("an unbalanced line changed: %q", wrapFormula(l))
	}
}
