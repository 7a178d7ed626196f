package optimizer

import (
	"context"
	"math"
	"testing"

	"gdlab/optimizer/expr"
)

// countedSampled is a 3-D function learned from "samples": update k uses
// its gradient scaled by 1 + (k mod 3)/10, and the whole function is worth
// evaluating every `every` steps. It counts the whole function's gradients.
type countedSampled struct {
	*expr.Func
	every int
	full  *int
}

func (c countedSampled) ValueGradN(x, g []float64) float64 {
	*c.full++
	return c.Func.ValueGradN(x, g)
}

func (c countedSampled) NewSampler(uint64, int) Sampler { return c }

func (c countedSampled) GradN(k int, x, g []float64) float64 {
	f := c.Func.ValueGradN(x, g)
	s := 1 + float64(k%3)/10
	for i := range g {
		g[i] *= s
	}
	return f * s
}

func (c countedSampled) FullEvery() int { return c.every }

// TestSampledRunsEvaluateTheWholeFunctionAtCheckpoints: a sampled run
// evaluates the whole function at the start, every FullEvery-th step and
// the last; other points have NaN there and the path is the same as with
// an evaluation at every step. A decimated run keeps the evaluated points
// (FullEvery above its stride) or evaluates the points it keeps (below).
func TestSampledRunsEvaluateTheWholeFunctionAtCheckpoints(t *testing.T) {
	f, err := expr.Parse("x^2 + 2*y^2 + 3*x[2]^2 + x*y")
	if err != nil {
		t.Fatal(err)
	}
	c := DefaultConfig()
	c.Method, c.LR, c.Steps = Adam, 0.05, 103
	c.SetStart([]float64{1, -1, 0.5})
	runOf := func(every int) (Result, int) {
		n := 0
		r := Run(context.Background(), Problem{F: countedSampled{f, every, &n}}, c, nil)
		return r, n
	}
	each, evals1 := runOf(1)
	sparse, evals := runOf(10)
	// The analysis and the verdicts take the same gradients in both.
	if evals1-evals != 104-12 {
		t.Errorf("whole-function gradients: %d every step, %d every 10th: want 92 fewer", evals1, evals)
	}
	for k, p := range sparse.Points {
		q := each.Points[k]
		if !equalVec(p.Pos(3), q.Pos(3)) || p.Batch != q.Batch {
			t.Fatalf("step %d: %v, with every step evaluated %v", k, p.Pos(3), q.Pos(3))
		}
		evaluated := k%10 == 0 || k == c.Steps
		if evaluated && (p.F != q.F || !equalVec(p.GradVec(3), q.GradVec(3))) {
			t.Errorf("step %d: f %v ∇f %v, want %v %v", k, p.F, p.GradVec(3), q.F, q.GradVec(3))
		}
		if !evaluated && (!math.IsNaN(p.F) || !math.IsNaN(p.Grad[0]) || !math.IsNaN(p.More[1]) || p.Evals != [2]int32{}) {
			t.Errorf("step %d: f %v ∇f %v evals %v, want NaN and none", k, p.F, p.GradVec(3), p.Evals)
		}
	}
	if sparse.Final.F != each.Final.F || sparse.Verdict != each.Verdict {
		t.Errorf("final f %v (%s), want %v (%s)", sparse.Final.F, sparse.Verdict, each.Final.F, each.Verdict)
	}
	// A run that diverges between evaluations is evaluated where it stops.
	c.Method, c.LR = GD, 1.5
	if r, _ := runOf(10); r.Status != Diverged || r.Final.K%10 == 0 || r.Final.F != r.Final.F || r.Final.Evals == [2]int32{} {
		t.Errorf("diverging: %s at step %d, f %v, evals %v", r.Status, r.Final.K, r.Final.F, r.Final.Evals)
	}
	c.Method, c.LR = Adam, 0.05
	c.Steps = 1000
	withLimits(100, 50, func() {
		// Stride 20: the 51 points kept are evaluated (every 7th would be
		// more); evaluating every 50th adds 10 points to them.
		for _, tc := range []struct{ every, points, want int }{{7, 51, 51}, {50, 61, 21}} {
			r, _ := runOf(tc.every)
			finite := 0
			for _, p := range r.Points {
				if p.F == p.F {
					finite++
				}
			}
			if finite != tc.want || len(r.Points) != tc.points || r.Final.F != r.Final.F {
				t.Errorf("every %d, stride 20: %d of %d points evaluated (want %d of %d), final f %v",
					tc.every, finite, len(r.Points), tc.want, tc.points, r.Final.F)
			}
		}
	})
}

func equalVec(a, b []float64) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return len(a) == len(b)
}
