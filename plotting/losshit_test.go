package plotting

import (
	"image"
	"math"
	"testing"
)

// TestLossAt: the pointer over the loss panel finds the run drawn nearest
// it at its step, with that point's step and f; off the panel nothing.
func TestLossAt(t *testing.T) {
	mk := func(label string, f func(k int) float64) Run {
		r := Run{Label: label, DivergedAt: -1}
		for k := 0; k <= 100; k++ {
			r.K, r.X, r.Y, r.F = append(r.K, k), append(r.X, 0), append(r.Y, 0), append(r.F, f(k))
		}
		return r
	}
	s := &Scene{F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2, Current: -1, Box: &Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1},
		Runs: []Run{mk("high", func(k int) float64 { return 100 - float64(k)/2 }), mk("low", func(k int) float64 { return 10 * math.Exp(-float64(k)/10) })}}
	o := Options{View: ViewBoth, Width: 1000, Height: 500}
	r := NewRenderer()
	if _, err := r.Render(nil, s, o); err != nil {
		t.Fatal(err)
	}
	lf := newLossFig(s, o.normalized(), false)
	rect := image.Rect(500, 0, 1000, 500)
	pn := plotPanel(lf.framePlot(), rect.Dx(), rect.Dy(), 96, 1)
	for _, tc := range []struct {
		k     int
		f     float64
		label string
	}{{40, 80, "high"}, {40, 3, "low"}, {90, 60, "high"}} {
		q := pn.pt(float64(tc.k), lf.ax.value(tc.f))
		x, y := toPixel(q, rect.Dy(), 96)
		hit, ok := r.LossAt(s, o, image.Pt(rect.Min.X+int(x), rect.Min.Y+int(y)))
		if !ok || hit.Label != tc.label || math.Abs(float64(hit.K-tc.k)) > 1 {
			t.Errorf("at step %d, f %g: %+v %v, want %s at step %d", tc.k, tc.f, hit, ok, tc.label, tc.k)
		}
	}
	if _, ok := r.LossAt(s, o, image.Pt(100, 250)); ok {
		t.Error("a point on the contour panel hit the loss panel")
	}
}
