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

// TestPresetsFormulas checks each preset's source against the formula of
// DESIGN.md written in Go, at a few points.
func TestPresetsFormulas(t *testing.T) {
	sq := func(v float64) float64 { return v * v }
	formulas := map[string]func(x, y float64) float64{
		"textbook":   func(x, y float64) float64 { return x*x + y*y },
		"sphere":     func(x, y float64) float64 { return x*x + y*y },
		"booth":      func(x, y float64) float64 { return sq(x+2*y-7) + sq(2*x+y-5) },
		"matyas":     func(x, y float64) float64 { return 0.26*(x*x+y*y) - 0.48*x*y },
		"rosenbrock": func(x, y float64) float64 { return sq(1-x) + 100*sq(y-x*x) },
		"himmelblau": func(x, y float64) float64 { return sq(x*x+y-11) + sq(x+y*y-7) },
		"beale": func(x, y float64) float64 {
			return sq(1.5-x+x*y) + sq(2.25-x+x*y*y) + sq(2.625-x+x*y*y*y)
		},
		"three-hump-camel": func(x, y float64) float64 {
			return 2*x*x - 1.05*math.Pow(x, 4) + math.Pow(x, 6)/6 + x*y + y*y
		},
		"mccormick": func(x, y float64) float64 { return math.Sin(x+y) + sq(x-y) - 1.5*x + 2.5*y + 1 },
		"rastrigin": func(x, y float64) float64 {
			return 20 + x*x - 10*math.Cos(2*math.Pi*x) + y*y - 10*math.Cos(2*math.Pi*y)
		},
		"ackley": func(x, y float64) float64 {
			return -20*math.Exp(-0.2*math.Sqrt(0.5*(x*x+y*y))) -
				math.Exp(0.5*(math.Cos(2*math.Pi*x)+math.Cos(2*math.Pi*y))) + math.E + 20
		},
		"saddle": func(x, y float64) float64 { return x*x - y*y },
		"styblinski-tang": func(x, y float64) float64 {
			return 0.5 * (math.Pow(x, 4) - 16*x*x + 5*x + math.Pow(y, 4) - 16*y*y + 5*y)
		},
	}
	for _, p := range optimizer.Presets() {
		want, ok := formulas[p.Name]
		if !ok {
			t.Errorf("%s: no formula to check", p.Name)
			continue
		}
		f, err := expr.Parse(p.Func)
		if err != nil {
			t.Errorf("%s: %v", p.Name, err)
			continue
		}
		for _, x := range [][2]float64{{0.3, -1.7}, {-2.2, 1.1}, {1.5, 2.5}, p.Start} {
			if got, w := f.Value(x[0], x[1]), want(x[0], x[1]); math.Abs(got-w) > 1e-12*math.Max(1, math.Abs(w)) {
				t.Errorf("%s: f%v = %v, want %v", p.Name, x, got, w)
			}
		}
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
		{0.1, optimizer.VerdictConverged, "here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0"},
		{1, optimizer.VerdictOscillating, "here, steps along the steepest direction neither grow nor shrink: lr 1.0 is the critical rate"},
		{1.1, optimizer.VerdictDiverged, "here, steps along the steepest direction grow: lr 1.1 is above the critical 1.0"},
		{1e-6, optimizer.VerdictSlow, "here, steps along the steepest direction shrink: lr 1e-06 is below the critical 1.0"},
	} {
		c := optimizer.DefaultConfig()
		c.LR, c.Start = test.lr, tb.Start
		r := optimizer.Run(context.Background(), prob, c, nil)
		if r.Verdict != test.verdict || r.Analysis.Summary.String() != test.summary {
			t.Errorf("lr %v: %s, %q; want %s, %q", test.lr, r.Verdict, r.Analysis.Summary.String(), test.verdict, test.summary)
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
