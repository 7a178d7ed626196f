package optimizer

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/optimize"

	"gdlab/optimizer/expr"
)

// qnConfig is a run of method m from start for at most steps iterations.
func qnConfig(m Method, start [2]float64, steps int) Config {
	c := DefaultConfig()
	c.Method, c.Start, c.Steps = m, start, steps
	return c
}

// gonumMinimize is optimize.Minimize on fn from the config's start with the
// settings the engine uses (serial, no converger, Steps major iterations
// after the start), run by the test on its own.
func gonumMinimize(t *testing.T, fn Objective, c Config) *optimize.Result {
	t.Helper()
	dims := fn.Dims()
	p := optimize.Problem{
		Func: func(x []float64) float64 {
			if dims == 1 {
				return fn.Value(x[0], 0)
			}
			return fn.Value(x[0], x[1])
		},
		Grad: func(g, x []float64) {
			if dims == 1 {
				_, g[0], _ = fn.ValueGrad(x[0], 0)
				return
			}
			_, g[0], g[1] = fn.ValueGrad(x[0], x[1])
		},
	}
	methods := map[Method]optimize.Method{CG: &optimize.CG{}, BFGS: &optimize.BFGS{}, LBFGS: &optimize.LBFGS{}}
	s := &optimize.Settings{MajorIterations: c.Steps + 1, Converger: optimize.NeverTerminate{}}
	res, err := optimize.Minimize(p, c.Start[:dims], s, methods[c.Method])
	if err != nil {
		t.Fatalf("%s: optimize.Minimize: %v", c.Method, err)
	}
	return res
}

// TestQuasiNewtonRosenbrock: from (−1.2, 1) BFGS and L-BFGS reach (1, 1)
// within 1e-6 and CG within 1e-4 (its Moré–Thuente steps stop when the
// gradient is 1e-12 in ∞-norm, or after 1000 iterations); the verdict is
// converged; no step has a learning rate, and every step cost at least one
// evaluation of f.
func TestQuasiNewtonRosenbrock(t *testing.T) {
	for _, tc := range []struct {
		m   Method
		tol float64
	}{{BFGS, 1e-6}, {LBFGS, 1e-6}, {CG, 1e-4}} {
		r := Run(context.Background(), Problem{F: rosenbrock}, qnConfig(tc.m, [2]float64{-1.2, 1}, 1000), nil)
		t.Logf("%s: %s after %d steps at %v, verdict %s", tc.m, r.Status, r.Steps, r.Final.X, r.Verdict)
		if d := dist(r.Final.X[:], []float64{1, 1}); d > tc.tol || r.Verdict != VerdictConverged || r.Status == Failed {
			t.Errorf("%s: %s, end %v (%.3g from (1, 1)), verdict %s, reason %q", tc.m, r.Status, r.Final.X, d, r.Verdict, r.Reason.String())
		}
		for _, p := range r.Points[1:] {
			if p.LR != 0 || p.Evals[0] < 1 || p.Update != [2]float64{p.X[0] - r.Points[p.K-1].X[0], p.X[1] - r.Points[p.K-1].X[1]} {
				t.Fatalf("%s step %d: lr %g, evals %v, update %v", tc.m, p.K, p.LR, p.Evals, p.Update)
			}
		}
	}
}

// TestQuasiNewtonFaithful: the last recorded point of every run is exactly
// optimize.Minimize's result for the same problem, start and settings, every
// recorded point is where gonum's run was at that step, and the
// evaluations of the steps (the start's included) add up to gonum's totals.
func TestQuasiNewtonFaithful(t *testing.T) {
	for _, tc := range []struct {
		name  string
		fn    Objective
		start [2]float64
	}{
		{"rosenbrock", rosenbrock, [2]float64{-1.2, 1}},
		{"himmelblau", himmelblau, [2]float64{0.5, -4}},
		{"booth", booth, [2]float64{-7, 4}},
		{"parabola (1-D)", parabola, [2]float64{2, 0}},
	} {
		for _, m := range []Method{CG, BFGS, LBFGS} {
			for _, steps := range []int{1, 3, 10, 200} {
				c := qnConfig(m, tc.start, steps)
				r := Run(context.Background(), Problem{F: tc.fn}, c, nil)
				want := gonumMinimize(t, tc.fn, c)
				var x [2]float64
				copy(x[:], want.Location.X)
				var evals [2]int32
				for _, p := range r.Points {
					evals[0] += p.Evals[0]
					evals[1] += p.Evals[1]
				}
				total := [2]int32{int32(want.Stats.FuncEvaluations), int32(want.Stats.GradEvaluations)}
				if r.Final.X != x || r.Steps != want.Stats.MajorIterations-1 || evals != total {
					t.Errorf("%s %s %d steps: %s after %d, end %v, evals %v; gonum %v after %d, %v, evals %v",
						tc.name, m, steps, r.Status, r.Steps, r.Final.X, evals, want.Status, want.Stats.MajorIterations-1, x, total)
				}
				if r.Status == Failed || r.Status == Diverged {
					t.Errorf("%s %s: %s: %s", tc.name, m, r.Status, r.Reason.String())
				}
			}
		}
	}
}

// linear is x + y: unbounded below, so every line search runs off.
var linear = testFunc{dims: 2,
	f: func(x, y float64) float64 { return x + y },
	g: func(x, y float64) (float64, float64) { return 1, 1 },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{} },
}

// logBowl is −log(x) + x² + y²: not finite for x ≤ 0, where a long line
// search step lands.
var logBowl = testFunc{dims: 2,
	f: func(x, y float64) float64 { return -math.Log(x) + x*x + y*y },
	g: func(x, y float64) (float64, float64) { return -1/x + 2*x, 2 * y },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{1/(x*x) + 2, 0}, {0, 2}} },
}

// sqrtCone is √(x² + y²) + x: its gradient at the origin is not finite.
var sqrtCone = testFunc{dims: 2,
	f: func(x, y float64) float64 { return math.Sqrt(x*x+y*y) + 0*x },
	g: func(x, y float64) (float64, float64) {
		r := math.Sqrt(x*x + y*y)
		return x / r, y / r
	},
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{} },
}

// TestQuasiNewtonFailures: runs that gonum cannot continue end with a
// status and a reason that names the step, the method and the point —
// never a panic, never Invalid. On x + y the line search runs past the
// bound (or, without one, fails to converge); at a point where the gradient
// is NaN gonum refuses to start.
func TestQuasiNewtonFailures(t *testing.T) {
	for _, tc := range []struct {
		name   string
		fn     Objective
		start  [2]float64
		bound  float64
		status Status
		want   []string
	}{
		{"x + y", linear, [2]float64{0, 0}, 0, Failed, []string{"step 1 ", "from (0, 0)", "divergence bound"}},
		{"x + y, no bound", linear, [2]float64{0, 0}, math.Inf(1), Failed, []string{"step 1 ", "from (0, 0)"}},
		{"√(x² + y²) at 0", sqrtCone, [2]float64{0, 0}, 0, Failed, []string{"step 1 ", "not finite"}},
	} {
		for _, m := range []Method{CG, BFGS, LBFGS} {
			c := qnConfig(m, tc.start, 50)
			c.Bound = tc.bound
			r := Run(context.Background(), Problem{F: tc.fn}, c, nil)
			reason := r.Reason.String()
			t.Logf("%s %s: %s after %d steps: %s", tc.name, m, r.Status, r.Steps, reason)
			if r.Status != tc.status || r.Steps != 0 || !strings.Contains(reason, string(m)) {
				t.Errorf("%s %s: %s after %d steps, reason %q", tc.name, m, r.Status, r.Steps, reason)
			}
			for _, w := range tc.want {
				if !strings.Contains(reason, w) {
					t.Errorf("%s %s: reason %q lacks %q", tc.name, m, reason, w)
				}
			}
			if w := r.Outcome().String(); !strings.HasPrefix(w, "failed after 0 steps") {
				t.Errorf("%s %s: outcome %q", tc.name, m, w)
			}
		}
	}
	// A NaN region: the line search may land in it and must come back, or
	// fail with a reason; the run never ends Invalid or with a NaN point.
	for _, m := range []Method{CG, BFGS, LBFGS} {
		r := Run(context.Background(), Problem{F: logBowl}, qnConfig(m, [2]float64{3, 1}, 100), nil)
		t.Logf("−log(x) + x² + y² %s: %s after %d steps at %v: %s", m, r.Status, r.Steps, r.Final.X, r.Reason.String())
		if r.Status == Invalid || !finite(r.Final.F) || (r.Status == Failed && r.Reason.IsZero()) {
			t.Errorf("%s: %s at %v, reason %q", m, r.Status, r.Final.X, r.Reason.String())
		}
	}
}

// countingFunc is fn that calls hook at its n-th evaluation of f.
type countingFunc struct {
	testFunc
	n, calls int
	hook     func()
}

func (c *countingFunc) Value(x, y float64) float64 {
	if c.calls++; c.calls == c.n {
		c.hook()
	}
	return c.testFunc.Value(x, y)
}

// TestQuasiNewtonCancelAndEdges: a cancel in the middle of a run (here
// from inside an evaluation of f, as a line search makes it) stops it as
// Cancelled at the next evaluation; a run cancelled before the start keeps
// only the start; Steps = 0 runs nothing; Tol stops as converged; the
// bound stops as diverged; long runs are decimated like any other.
func TestQuasiNewtonCancelAndEdges(t *testing.T) {
	for _, m := range []Method{CG, BFGS, LBFGS} {
		ctx, cancel := context.WithCancel(context.Background())
		// cancel sets the run's flag from another goroutine
		// (context.AfterFunc): the hook gives it time to run.
		fn := &countingFunc{testFunc: rosenbrock, n: 15, hook: func() { cancel(); time.Sleep(20 * time.Millisecond) }}
		r := Run(ctx, Problem{F: fn}, qnConfig(m, [2]float64{-1.2, 1}, 1000), nil)
		if r.Status != Cancelled || r.Steps >= 15 || fn.calls > 16 || r.Final.K != r.Steps {
			t.Errorf("%s: cancelled at evaluation 15: %s after %d steps, %d evaluations", m, r.Status, r.Steps, fn.calls)
		}
		if r := Run(ctx, Problem{F: rosenbrock}, qnConfig(m, [2]float64{-1.2, 1}, 10), nil); r.Status != Cancelled || len(r.Points) != 1 {
			t.Errorf("%s: cancelled before the start: %s, %d points", m, r.Status, len(r.Points))
		}
		if r := Run(context.Background(), Problem{F: rosenbrock}, qnConfig(m, [2]float64{-1.2, 1}, 0), nil); r.Status != MaxSteps || len(r.Points) != 1 || r.Steps != 0 {
			t.Errorf("%s: 0 steps: %s, %d points", m, r.Status, len(r.Points))
		}
		c := qnConfig(m, [2]float64{-1.2, 1}, 1000)
		c.Tol = 1e-3
		r = Run(context.Background(), Problem{F: rosenbrock}, c, nil)
		if g := norm(r.Final.Grad[:]); r.Status != Converged || g > 1e-3 || norm(r.Points[len(r.Points)-2].Grad[:]) <= 1e-3 {
			t.Errorf("%s: tol 1e-3: %s after %d steps, ‖∇f‖ = %g", m, r.Status, r.Steps, g)
		}
		c = qnConfig(m, [2]float64{-1.2, 1}, 1000)
		c.Bound = 1.1
		if r := Run(context.Background(), Problem{F: rosenbrock}, c, nil); r.Status != Diverged && r.Status != Failed {
			t.Errorf("%s: bound 1.1: %s after %d steps at %v", m, r.Status, r.Steps, r.Final.X)
		}
	}
	withLimits(4, 2, func() {
		r := Run(context.Background(), Problem{F: rosenbrock}, qnConfig(BFGS, [2]float64{-1.2, 1}, 10), nil)
		if r.Steps < 10 || r.Points[len(r.Points)-1].K != r.Steps || len(r.Points) > 8 {
			t.Errorf("decimated: %s after %d steps, %d points", r.Status, r.Steps, len(r.Points))
		}
	})
}

// TestQuasiNewtonOneD: on the 1-D parabola 3x² − x every method reaches
// the minimum 1/6, y stays 0, and the worked step writes the update and the
// line search's evaluations.
func TestQuasiNewtonOneD(t *testing.T) {
	for _, m := range []Method{CG, BFGS, LBFGS} {
		p := Problem{F: parabola}
		r := Run(context.Background(), p, qnConfig(m, [2]float64{2, 5}, 20), nil)
		if math.Abs(r.Final.X[0]-1.0/6) > 1e-9 || r.Final.X[1] != 0 || r.Final.Grad[1] != 0 || r.Status == Failed {
			t.Errorf("%s: %s at %v", m, r.Status, r.Final.X)
		}
		w, ok := NewReplayer(p, r.Config, r.Points).Explain(1)
		all := strings.Join(w.Lines, "\n")
		if !ok || !strings.Contains(all, "line search: ") || !strings.HasSuffix(all, "= "+num(r.Points[1].X[0])) {
			t.Errorf("%s: worked step:\n%s", m, all)
		}
	}
}

// TestQuasiNewtonRegistry: the three methods have no learning rate, docs
// in both conventions, no Python rule (the export says so), a line-search
// sentence instead of a critical rate, and refuse a schedule and noise.
func TestQuasiNewtonRegistry(t *testing.T) {
	for _, m := range []Method{CG, BFGS, LBFGS} {
		s, ok := m.Spec()
		if !ok || !s.NoLearningRate || s.Doc.Key() == "" || s.BookDoc.Key() == "" || s.Rule == "" || len(s.Params) != 0 {
			t.Errorf("%s: %+v", m, s)
		}
		c := qnConfig(m, [2]float64{3, 2}, 10)
		if err := PythonSupported(c); err == nil || !strings.Contains(err.Error(), string(m)) {
			t.Errorf("%s: PythonSupported = %v", m, err)
		}
		if _, step := PythonRule(c); len(step) != 1 || !strings.Contains(step[0], "NotImplementedError") {
			t.Errorf("%s: python step %q", m, step)
		}
		r := Run(context.Background(), Problem{F: sphere}, c, nil)
		if !strings.Contains(r.Analysis.Summary.String(), "line search") || r.Analysis.CriticalLR != nil {
			t.Errorf("%s: analysis %q", m, r.Analysis.Summary.String())
		}
		if err := c.Validate(2); err != nil {
			t.Errorf("%s: %v", m, err)
		}
		c.Noise = 0.1
		if err := c.Validate(2); err == nil {
			t.Errorf("%s: noise accepted", m)
		}
	}
	if err := PythonSupported(DefaultConfig()); err != nil {
		t.Errorf("gd: %v", err)
	}
}

// BenchmarkBFGS is one BFGS iteration on a typed Rosenbrock, its line
// search and the engine's recording included: runs of at most 30 iterations from
// (−1.2, 1) (before gonum's own stop), reported per iteration.
func BenchmarkBFGS(b *testing.B) {
	f, err := expr.Parse("(1-x)^2 + 100*(y-x^2)^2")
	if err != nil {
		b.Fatal(err)
	}
	for _, m := range []Method{BFGS, LBFGS, CG} {
		b.Run(string(m), func(b *testing.B) {
			c := qnConfig(m, [2]float64{-1.2, 1}, 30)
			steps, evals := 0, 0
			for b.Loop() {
				r := Run(context.Background(), Problem{F: f}, c, nil)
				steps += r.Steps
				for _, p := range r.Points[1:] {
					evals += int(p.Evals[0])
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(steps), "ns/iteration")
			b.ReportMetric(float64(evals)/float64(steps), "f-evals/iteration")
		})
	}
}
