package optimizer

import (
	"context"
	"encoding/json"
	"math"
	"strings"
	"testing"
)

func TestTextbookSummary(t *testing.T) {
	for _, test := range []struct {
		lr      float64
		summary string
	}{
		{0.1, "here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0"},
		{1, "here, steps along the steepest direction neither grow nor shrink: lr 1.0 is the critical rate"},
		{1 + 1e-9, "here, steps along the steepest direction neither grow nor shrink: lr 1.0 is the critical rate"},
		{1.1, "here, steps along the steepest direction grow: lr 1.1 is above the critical 1.0"},
		{1e-6, "here, steps along the steepest direction shrink: lr 1e-06 is below the critical 1.0"},
	} {
		r := Run(context.Background(), Problem{F: sphere}, textbook(test.lr, 100), nil)
		if r.Analysis.Summary.String() != test.summary {
			t.Errorf("lr %v: %q, want %q", test.lr, r.Analysis.Summary.String(), test.summary)
		}
		if cl := r.Analysis.CriticalLR; cl == nil || *cl != 1 {
			t.Errorf("lr %v: critical lr %v, want 1", test.lr, cl)
		}
		wantAt := "end"
		if r.Status == Diverged {
			wantAt = "start"
		}
		if r.Analysis.At != wantAt {
			t.Errorf("lr %v (%s): analysed at %q, want %q", test.lr, r.Status, r.Analysis.At, wantAt)
		}
	}
}

// TestCriticalLR checks 2/λmax from the analysis and confirms it by runs 1%
// below it (which hold: they end nearer the minimum than they started) and
// 1% above it (which diverge).
func TestCriticalLR(t *testing.T) {
	for _, test := range []struct {
		name   string
		f      testFunc
		method Method
		start  [2]float64
		eigen  [2]float64
		want   float64 // critical lr
	}{
		{"sphere gd", sphere, GD, [2]float64{3, 2}, [2]float64{2, 2}, 1},
		{"booth gd", booth, GD, [2]float64{-8, -6}, [2]float64{2, 18}, 1.0 / 9},
		// Heavy ball is stable for η λ < 2(1 + μ); torch's Nesterov for
		// η λ < 2(1 + μ)/(1 + 2μ) (μ = 0.9: 3.8 and 3.8/2.8).
		{"sphere momentum", sphere, Momentum, [2]float64{3, 2}, [2]float64{2, 2}, 3.8 / 2},
		{"booth momentum", booth, Momentum, [2]float64{-8, -6}, [2]float64{2, 18}, 3.8 / 18},
		{"sphere nesterov", sphere, Nesterov, [2]float64{3, 2}, [2]float64{2, 2}, 3.8 / 2.8 / 2},
		{"booth nesterov", booth, Nesterov, [2]float64{-8, -6}, [2]float64{2, 18}, 3.8 / 2.8 / 18},
		{"negated sphere ascent", negSphere, Ascent, [2]float64{3, 2}, [2]float64{-2, -2}, 1},
	} {
		c := DefaultConfig()
		c.Method, c.Start, c.Steps = test.method, test.start, 1
		r := Run(context.Background(), Problem{F: test.f}, c, nil)
		ev := r.Analysis.Start.Eigenvalues
		if len(ev) != 2 || !near(ev[0], test.eigen[0], 1e-12) || !near(ev[1], test.eigen[1], 1e-12) {
			t.Errorf("%s: eigenvalues %v, want %v", test.name, ev, test.eigen)
		}
		cl := r.Analysis.CriticalLR
		if cl == nil || !near(*cl, test.want, 1e-12) {
			t.Errorf("%s: critical lr %v, want %v", test.name, cl, test.want)
			continue
		}
		c.Steps = 5000
		c.LR = *cl * 0.99
		below := Run(context.Background(), Problem{F: test.f}, c, nil)
		d0 := dist(below.Points[0].X[:], below.Final.X[:])
		if below.Status != MaxSteps || norm(below.Final.Grad[:]) > 1e-6*norm(below.Points[0].Grad[:]) || d0 == 0 {
			t.Errorf("%s: lr %v (just below): %s, ‖g‖ %g → %g", test.name, c.LR, below.Status, norm(below.Points[0].Grad[:]), norm(below.Final.Grad[:]))
		}
		if !strings.Contains(below.Analysis.Summary.String(), "below the critical") {
			t.Errorf("%s: just below: %q", test.name, below.Analysis.Summary.String())
		}
		c.LR = *cl * 1.01
		above := Run(context.Background(), Problem{F: test.f}, c, nil)
		if above.Status != Diverged || above.Verdict != VerdictDiverged || !strings.Contains(above.Analysis.Summary.String(), "grow: lr") {
			t.Errorf("%s: lr %v (just above): %s, verdict %s, %q", test.name, c.LR, above.Status, above.Verdict, above.Analysis.Summary.String())
		}
	}
}

// negSphere is −x² − y², a hill for ascent.
var negSphere = testFunc{dims: 2,
	f: func(x, y float64) float64 { return -x*x - y*y },
	g: func(x, y float64) (float64, float64) { return -2 * x, -2 * y },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{-2, 0}, {0, -2}} },
}

func TestAnalysisCases(t *testing.T) {
	run := func(f testFunc, m Method, start [2]float64, steps int) Result {
		c := DefaultConfig()
		c.Method, c.Start, c.Steps = m, start, steps
		return Run(context.Background(), Problem{F: f}, c, nil)
	}
	// Adaptive methods have no fixed critical rate.
	for _, m := range []Method{Adagrad, RMSProp, Adam} {
		r := run(sphere, m, [2]float64{3, 2}, 10)
		if r.Analysis.CriticalLR != nil || !strings.Contains(r.Analysis.Summary.String(), "gd's would be 1.0") {
			t.Errorf("%s: critical %v, %q", m, r.Analysis.CriticalLR, r.Analysis.Summary.String())
		}
	}
	// λmax ≤ 0: no critical rate.
	r := run(sigmoids, GD, [2]float64{20, 20}, 10)
	if r.Analysis.CriticalLR != nil || !strings.HasPrefix(r.Analysis.Summary.String(), "no critical lr") {
		t.Errorf("sigmoid plateau: %v %q", r.Analysis.CriticalLR, r.Analysis.Summary.String())
	}
	r = run(cosine1D, GD, [2]float64{0, 0}, 10)
	if r.Analysis.CriticalLR != nil || r.Analysis.End.Hessian[0][0] != -1 || !strings.Contains(r.Analysis.Summary.String(), "f'' -1.0") {
		t.Errorf("cos at its maximum: %v %+v %q", r.Analysis.CriticalLR, r.Analysis.End, r.Analysis.Summary.String())
	}
	r = run(sphere, Ascent, [2]float64{3, 2}, 10)
	if r.Analysis.CriticalLR != nil || !strings.Contains(r.Analysis.Summary.String(), "no hill") {
		t.Errorf("ascent on a bowl: %v %q", r.Analysis.CriticalLR, r.Analysis.Summary.String())
	}
	// The saddle is named.
	r = run(saddle, GD, [2]float64{1, 0}, 10)
	if !strings.Contains(r.Analysis.Summary.String(), "saddle") {
		t.Errorf("saddle: %q", r.Analysis.Summary.String())
	}
	// Rosenbrock at (1, 1): H = [[802, −400], [−400, 200]].
	r = run(rosenbrock, GD, [2]float64{1, 1}, 1)
	wantH := [][]float64{{802, -400}, {-400, 200}}
	tr, det := 1002.0, 802.0*200-400*400
	lo, hi := (tr-math.Sqrt(tr*tr-4*det))/2, (tr+math.Sqrt(tr*tr-4*det))/2
	ev := r.Analysis.End.Eigenvalues
	if h := r.Analysis.End.Hessian; h[0][0] != wantH[0][0] || h[0][1] != wantH[0][1] || h[1][0] != wantH[1][0] || h[1][1] != wantH[1][1] ||
		!near(ev[0], lo, 1e-9) || !near(ev[1], hi, 1e-9) || !near(*r.Analysis.CriticalLR, 2/hi, 1e-9) {
		t.Errorf("rosenbrock at (1, 1): %+v critical %v, want eigenvalues %v %v", r.Analysis.End, *r.Analysis.CriticalLR, lo, hi)
	}
	// A non-finite Hessian (log x after it went negative) gives no curvature,
	// and every analysis can be written as JSON.
	logf := testFunc{dims: 1,
		f: func(x, _ float64) float64 { return math.Log(x) },
		g: func(x, _ float64) (float64, float64) { return 1 / x, 0 },
		h: func(x, _ float64) [2][2]float64 { return [2][2]float64{{-1 / (x * x), 0}, {0, 0}} },
	}
	r = run(logf, Ascent, [2]float64{0, 0}, 10)
	if r.Analysis.Start.Hessian != nil || r.Analysis.CriticalLR != nil || !strings.Contains(r.Analysis.Summary.String(), "not defined") {
		t.Errorf("log at 0: %+v", r.Analysis)
	}
	for _, r := range []Result{r, run(sphere, GD, [2]float64{3, 2}, 10), run(sigmoids, Adam, [2]float64{1, 2}, 10)} {
		if _, err := json.Marshal(r.Analysis); err != nil {
			t.Errorf("analysis %+v: %v", r.Analysis, err)
		}
	}
}

func TestAnalyseAt(t *testing.T) {
	for _, tc := range []struct {
		method Method
		lr     float64
		x      [2]float64
		crit   float64 // 0: none
		want   string
	}{
		{GD, 0.1, [2]float64{3, 2}, 1, "here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0"},
		{GD, 1, [2]float64{0.5, -1}, 1, "here, steps along the steepest direction neither grow nor shrink: lr 1.0 is the critical rate"},
		{GD, 1.1, [2]float64{0, 0}, 1, "here, steps along the steepest direction grow: lr 1.1 is above the critical 1.0"},
		{Adam, 0.1, [2]float64{1, 1}, 0, "adam adapts its step size to the gradients, so it has no fixed critical lr; gd's would be 1.0 here"},
	} {
		c := DefaultConfig()
		c.Method, c.LR = tc.method, tc.lr
		a := AnalyseAt(sphere, c, tc.x[:])
		if a.Summary.String() != tc.want {
			t.Errorf("%s lr %g at %v: %q, want %q", tc.method, tc.lr, tc.x, a.Summary.String(), tc.want)
		}
		if len(a.Eigenvalues) != 2 || math.Abs(a.Eigenvalues[0]-2) > 1e-12 || math.Abs(a.Eigenvalues[1]-2) > 1e-12 {
			t.Errorf("eigenvalues %v, want 2 and 2", a.Eigenvalues)
		}
		if (a.CriticalLR == nil) != (tc.crit == 0) || (a.CriticalLR != nil && math.Abs(*a.CriticalLR-tc.crit) > 1e-12) {
			t.Errorf("%s lr %g: critical lr %v, want %g", tc.method, tc.lr, a.CriticalLR, tc.crit)
		}
	}
}

func TestAnalysisOutsideTheDomain(t *testing.T) {
	c := DefaultConfig()
	a := AnalyseAt(logNeg, c, []float64{0, 0})
	want := "no critical lr: f is not defined at the current point, which lies outside the function's domain"
	if a.Summary.String() != want || a.CriticalLR != nil {
		t.Errorf("AnalyseAt: %q %v, want %q", a.Summary.String(), a.CriticalLR, want)
	}
	r := Run(t.Context(), Problem{F: logNeg}, c, nil)
	if r.Status != Diverged || r.DivergedAt != 0 || r.Analysis.CriticalLR != nil ||
		r.Analysis.Summary.String() != "no critical lr: f is not defined at the start point, which lies outside the function's domain" {
		t.Errorf("run: %s at %d, %q", r.Status, r.DivergedAt, r.Analysis.Summary.String())
	}
}

// logNeg is log(-1 - x²) + y: finite derivatives, but f is NaN everywhere.
var logNeg = testFunc{dims: 2,
	f: func(x, y float64) float64 { return math.Log(-1-x*x) + y },
	g: func(x, y float64) (float64, float64) { return -2 * x / (-1 - x*x), 1 },
	h: func(x, y float64) [2][2]float64 {
		d := -1 - x*x
		return [2][2]float64{{(-2*d - 4*x*x) / (d * d), 0}, {0, 0}}
	},
}
