package optimizer

import (
	"context"
	"strconv"
	"strings"
	"testing"

	"gdlab/optimizer/expr"
)

// TestReplayInNDimensions: the replayer's rule, fed the recorded (and, with
// noise, redrawn) gradients, reproduces every recorded update of a 3-D and
// a 5-D run bit for bit, for every method with a rule of its own, in both
// conventions, with the exact and the numeric gradient, with a schedule and
// with noise; and every step can be written out with vectors of n entries.
func TestReplayInNDimensions(t *testing.T) {
	for _, fn := range []struct {
		src   string
		start []float64
	}{
		{"x[0]^2 + 2*x[1]^2 + 3*x[2]^2 + x[0]*x[2] + sin(x[1])", []float64{3, 2, 1}},
		{"sum((i+1)*(x[i] - i)^2, i, 0, 3) + x[4]^4 + 0.1*x[0]*x[4]", []float64{3, 2, 1, 0, -1}},
	} {
		f, err := expr.Parse(fn.src)
		if err != nil {
			t.Fatal(err)
		}
		p := Problem{F: f}
		for _, m := range MethodNames() {
			if usesGonum(Method(m)) {
				continue
			}
			for _, conv := range Conventions() {
				for _, extra := range []ExtrasText{{}, {Schedule: "exp:0.9", Noise: 0.3, Seed: 4}} {
					for _, grad := range []Gradient{Exact, Numeric} {
						c := replayConfig(Method(m), conv, fn.start)
						c.Gradient = grad
						if _, err := c.SetExtras(extra); err != nil {
							if spec, _ := Method(m).Spec(); spec.NoLearningRate {
								continue
							}
							t.Fatalf("%s: %v", m, err)
						}
						checkReplay(t, p, c)
					}
				}
			}
		}
		// The line search (gd's), with and without noise and a schedule.
		for _, extra := range []ExtrasText{{LineSearch: "armijo"}, {LineSearch: "armijo", Schedule: "step:5:0.5", Noise: 0.2, Seed: 2}} {
			c := replayConfig(GD, ConventionTorch, fn.start)
			c.LR = 1
			if _, err := c.SetExtras(extra); err != nil {
				t.Fatal(err)
			}
			checkReplay(t, p, c)
		}
	}
}

// replayConfig is the config of a 25-step run of method m in convention
// conv from start, with a rate every method survives on the test's
// functions.
func replayConfig(m Method, conv Convention, start []float64) Config {
	c := DefaultConfig().ForMethod(m)
	c.Steps, c.Convention, c.LR = 25, conv, 0.02
	switch m {
	case Newton:
		c.LR = 0.5
	case Ascent:
		c.LR = 1e-4
	}
	c.SetStart(start)
	return c
}

// checkReplay replays the run of c on p and compares every update.
func checkReplay(t *testing.T, p Problem, c Config) {
	t.Helper()
	r := Run(context.Background(), p, c, nil)
	if r.Err != nil {
		t.Fatalf("%s: %v", c.Method, r.Err)
	}
	rp := NewReplayer(p, r.Config, r.Points)
	rp.restart()
	for k := 1; k < len(r.Points); k++ {
		rp.setRate(k)
		got, want := stepVec(rp.r, rp.grad(k-1)), r.Points[k].UpdateVec(p.dims())
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%d-D %s/%s/%s σ=%g %s step %d: replayed update %v, recorded %v", p.dims(), c.Method, c.Convention, c.Gradient, c.Noise, c.LineSearch, k, got, want)
			}
		}
	}
	w, ok := NewReplayer(p, r.Config, r.Points).Explain(len(r.Points) - 1)
	last := w.Lines[len(w.Lines)-1]
	if !ok || strings.Count(last, ", ") < 3*(p.dims()-1) {
		t.Errorf("%s: worked step %v", c.Method, w.Lines)
	}
}

// TestWorkedStepInNDimensionsIsTheRuns: at every step of a 3-D and a 5-D
// run of every method of the registry (cg, bfgs and lbfgs included), the
// worked step starts from the recorded point and gradient and ends in the
// recorded point, written with all n coordinates.
func TestWorkedStepInNDimensionsIsTheRuns(t *testing.T) {
	for _, start := range [][]float64{{3, 2, 1}, {3, 2, 1, 0, -1}} {
		src := "sum((i+1)*(x[i] - i)^2, i, 0, " + strconv.Itoa(len(start)-1) + ") + 0.1*x[0]^4"
		f, err := expr.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		p := Problem{F: f}
		n := len(start)
		for _, m := range MethodNames() {
			c := replayConfig(Method(m), ConventionTorch, start)
			c.Steps = 8
			r := Run(context.Background(), p, c, nil)
			if r.Err != nil {
				t.Fatalf("%s: %v", m, r.Err)
			}
			rp := NewReplayer(p, r.Config, r.Points)
			for k := 1; k < len(r.Points); k++ {
				w, ok := rp.Explain(k)
				if !ok {
					t.Fatalf("%d-D %s: step %d not explained", n, m, k)
				}
				e := &explainer{dims: n}
				prev, at := r.Points[k-1], r.Points[k]
				head := "∇f(x" + sub(k-1) + ") = ∇f" + e.vec(prev.Pos(n)) + " = " + e.vec(prev.GradVec(n))
				last := w.Lines[len(w.Lines)-1]
				if w.Lines[0] != head || !strings.HasSuffix(last, " = "+e.vec(at.Pos(n))) {
					t.Errorf("%d-D %s step %d:\n%s\nwant the first line %q and the end %q", n, m, k, strings.Join(w.Lines, "\n"), head, e.vec(at.Pos(n)))
				}
				if usesGonum(Method(m)) && !strings.Contains(last, " + "+e.vec(at.UpdateVec(n))+" = ") {
					t.Errorf("%d-D %s step %d: the update is not the recorded one: %s", n, m, k, last)
				}
			}
		}
	}
}
