package optimizer

import (
	"context"
	"strings"
	"testing"

	"gdlab/optimizer/expr"
)

// TestReplayInNDimensions: the replayer's rule, fed the recorded (and, with
// noise, redrawn) gradients, reproduces every recorded update of a 5-D run
// bit for bit, for every method with a rule of its own, in both
// conventions, with a schedule and with noise; and every step can be
// written out with vectors of five entries.
func TestReplayInNDimensions(t *testing.T) {
	f, err := expr.Parse("sum((i+1)*(x[i] - i)^2, i, 0, 3) + x[4]^4 + 0.1*x[0]*x[4]")
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
				c := DefaultConfig().ForMethod(Method(m))
				c.Steps, c.Convention, c.LR = 25, conv, 0.02
				if Method(m) == Newton {
					c.LR = 0.5
				}
				c.SetStart([]float64{3, 2, 1, 0, -1})
				if Method(m) == Ascent {
					c.LR = 1e-4
				}
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
		got, want := stepVec(rp.r, rp.grad(k-1)), r.Points[k].UpdateVec(5)
		for i := range want {
			if got[i] != want[i] {
				t.Fatalf("%s/%s σ=%g step %d: replayed update %v, recorded %v", c.Method, c.Convention, c.Noise, k, got, want)
			}
		}
	}
	w, ok := NewReplayer(p, r.Config, r.Points).Explain(len(r.Points) - 1)
	last := w.Lines[len(w.Lines)-1]
	if !ok || strings.Count(last, ", ") < 3*4 {
		t.Errorf("%s: worked step %v", c.Method, w.Lines)
	}
}
