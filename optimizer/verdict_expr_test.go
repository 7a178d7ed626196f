package optimizer_test

import (
	"context"
	"math"
	"strings"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// TestVerdictsNeverLie runs the cases where a verdict read off the numbers
// the run used would be false: a numeric gradient that vanished by rounding
// is stalled, not converged; a run off to infinity is escaping.
func TestVerdictsNeverLie(t *testing.T) {
	for _, tc := range []struct {
		name, src string
		start     [2]float64
		lr        float64
		steps     int
		numeric   bool
		h, bound  float64
		want      optimizer.Verdict
		reason    string // a part of the reason, "" for none
		final     [2]float64
		finalTol  float64
	}{
		// x + 1e-50 == x: the central difference is 0 from the start.
		{"h 1e-50", "x^2+y^2", [2]float64{3, 2}, 0.1, 100, true, 1e-50, 0, optimizer.VerdictStalled,
			"x + h rounds to x", [2]float64{3, 2}, 0},
		// The book's lr 10 (chapter 4): the run blows up to ~1e13, where
		// x + 1e-4 == x, and freezes there; the book prints -2.58983747e+13,
		// -1.29524862e+12.
		{"book lr 10", "x[0]**2 + x[1]**2", [2]float64{-3, 4}, 10, 100, true, 1e-4, math.Inf(1), optimizer.VerdictStalled,
			"x + h rounds to x", [2]float64{-2.58983747e+13, -1.29524862e+12}, 1e-8},
		// 1/x falls towards 0 without reaching it: x grows forever.
		{"1/x", "1/x", [2]float64{3, 0}, 0.5, 1000, false, 0, 0, optimizer.VerdictEscaping,
			"heads off to infinity", [2]float64{}, -1},
		{"exp(-x) + y^2", "exp(-x) + y^2", [2]float64{0, 1}, 0.5, 200, false, 0, 0, optimizer.VerdictEscaping,
			"heads off to infinity", [2]float64{}, -1},
		// A far minimum reached slowly is not escaping.
		{"far bowl", "(x-50)^2 + (y-50)^2", [2]float64{1, 1}, 0.001, 200, false, 0, 0, optimizer.VerdictSlow,
			"", [2]float64{}, -1},
		// Stopped short of a minimum that Newton's method finds: not escaping.
		{"himmelblau short", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", [2]float64{0, 0}, 0.001, 20, false, 0, 0, optimizer.VerdictSlow,
			"", [2]float64{}, -1},
		{"numeric converges", "x^2+y^2", [2]float64{3, 2}, 0.1, 100, true, 1e-4, 0, optimizer.VerdictConverged,
			"", [2]float64{}, -1},
	} {
		f, err := expr.Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		c := optimizer.DefaultConfig()
		c.LR, c.Start, c.Steps, c.Bound = tc.lr, tc.start, tc.steps, tc.bound
		if tc.numeric {
			c.Gradient, c.H = optimizer.Numeric, tc.h
		}
		r := optimizer.Run(context.Background(), optimizer.Problem{F: f, Source: tc.src}, c, nil)
		if r.Verdict != tc.want || !strings.Contains(r.Reason.String(), tc.reason) {
			t.Errorf("%s: verdict %s (%q), want %s (%q); end %v", tc.name, r.Verdict, r.Reason, tc.want, tc.reason, r.Final.X)
		}
		if tc.reason == "" && !r.Reason.IsZero() {
			t.Errorf("%s: reason %q for %s", tc.name, r.Reason, r.Verdict)
		}
		for i, w := range tc.final {
			if tc.finalTol >= 0 && math.Abs(r.Final.X[i]-w) > tc.finalTol*math.Max(1, math.Abs(w)) {
				t.Errorf("%s: ends at %v, want %v", tc.name, r.Final.X, tc.final)
			}
		}
	}
}

// TestNoEscapeNearAMinimum runs the presets where an earlier rule called
// runs that stopped short of a minimum escaping.
func TestNoEscapeNearAMinimum(t *testing.T) {
	for _, tc := range []struct {
		preset string
		m      optimizer.Method
		lr     float64
		steps  int
	}{{"himmelblau", optimizer.Momentum, 1e-4, 100}, {"beale", optimizer.Adam, 0.01, 1000}, {"himmelblau", optimizer.GD, 1e-3, 50}} {
		p, _ := optimizer.PresetByName(tc.preset)
		f, _ := expr.Parse(p.Func)
		c := optimizer.DefaultConfig()
		c.Method, c.LR, c.Steps, c.Start = tc.m, tc.lr, tc.steps, p.Start
		if r := optimizer.Run(context.Background(), p.Problem(f), c, nil); r.Verdict == optimizer.VerdictEscaping {
			t.Errorf("%s %s lr %g: escaping, at %v", tc.preset, tc.m, tc.lr, r.Final.X)
		}
	}
}
