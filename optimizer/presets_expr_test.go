package optimizer_test

import (
	"context"
	"math"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// TestPresetsParse parses every preset with the function language and checks
// that f at each known minimiser is f* and that the gradient vanishes there.
func TestPresetsParse(t *testing.T) {
	const (
		fTol = 1e-12 // |f − f*| ≤ fTol·max(1, |f*|)
		gTol = 1e-9  // ‖∇f‖ at a minimiser (their digits are exact to ~1e-15)
	)
	for _, p := range optimizer.Presets() {
		f, err := expr.Parse(p.Func)
		if err != nil {
			t.Errorf("%s: %q: %v", p.Name, p.Func, err)
			continue
		}
		if f.Dims() != 2 {
			t.Errorf("%s: %d dims", p.Name, f.Dims())
		}
		for _, m := range p.Minima {
			v, gx, gy := f.ValueGrad(m[0], m[1])
			if math.Abs(v-*p.FMin) > fTol*math.Max(1, math.Abs(*p.FMin)) {
				t.Errorf("%s: f%v = %v, want %v", p.Name, m, v, *p.FMin)
			}
			// Ackley's minimum is the tip of a cone: no gradient there.
			if p.Name != "ackley" && math.Hypot(gx, gy) > gTol {
				t.Errorf("%s: gradient at %v is (%g, %g)", p.Name, m, gx, gy)
			}
			if p.Name == "ackley" {
				continue
			}
			h := f.Hessian(m[0], m[1])
			if tr, det := h[0][0]+h[1][1], h[0][0]*h[1][1]-h[0][1]*h[1][0]; tr <= 0 || det < 0 {
				t.Errorf("%s: Hessian %v at %v is no minimum's", p.Name, h, m)
			}
		}
		if v := f.Value(p.Start[0], p.Start[1]); math.IsNaN(v) || math.IsInf(v, 0) {
			t.Errorf("%s: f(start) = %v", p.Name, v)
		}
	}
	// The saddle's stationary point.
	s, _ := optimizer.PresetByName("saddle")
	f, _ := expr.Parse(s.Func)
	if v, gx, gy := f.ValueGrad(0, 0); v != 0 || gx != 0 || gy != 0 {
		t.Errorf("saddle at (0, 0): %v (%v, %v)", v, gx, gy)
	}
}

// TestTextbookPreset runs the textbook preset, parsed by the function
// language, through the engine: the four textbook verdicts and summaries.
func TestTextbookPreset(t *testing.T) {
	tb, ok := optimizer.PresetByName("textbook")
	if !ok {
		t.Fatal("no textbook preset")
	}
	f, err := expr.Parse(tb.Func)
	if err != nil {
		t.Fatal(err)
	}
	prob := tb.Problem(f)
	for _, test := range []struct {
		lr      float64
		verdict optimizer.Verdict
		summary string
	}{
		{0.1, optimizer.VerdictConverged, "lr 0.1 is below the critical 1.0: converges"},
		{1, optimizer.VerdictOscillating, "lr 1.0 is the critical rate: it oscillates forever"},
		{1.1, optimizer.VerdictDiverged, "lr 1.1 is above the critical 1.0: diverges"},
		{1e-6, optimizer.VerdictSlow, "lr 1e-06 is below the critical 1.0: converges"},
	} {
		c := optimizer.DefaultConfig()
		c.LR, c.Start = test.lr, tb.Start
		r := optimizer.Run(context.Background(), prob, c, nil)
		if r.Verdict != test.verdict || r.Analysis.Summary != test.summary {
			t.Errorf("lr %v: %s, %q; want %s, %q", test.lr, r.Verdict, r.Analysis.Summary, test.verdict, test.summary)
		}
	}
	// Rosenbrock's preset from its classic start, with momentum.
	rp, _ := optimizer.PresetByName("rosenbrock")
	rf, err := expr.Parse(rp.Func)
	if err != nil {
		t.Fatal(err)
	}
	c := optimizer.DefaultConfig()
	c.Method, c.LR, c.Start, c.Steps = optimizer.Momentum, 1e-3, rp.Start, 10000
	r := optimizer.Run(context.Background(), rp.Problem(rf), c, nil)
	if d := math.Hypot(r.Final.X[0]-1, r.Final.X[1]-1); d > 1e-9 || r.Verdict != optimizer.VerdictConverged {
		t.Errorf("rosenbrock: ended %g from (1, 1), verdict %s", d, r.Verdict)
	}
}
