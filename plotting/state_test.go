package plotting

import (
	"image"
	"testing"
)

// TestStateOverlays: each of the state's parts, switched on alone, adds the
// run's colour around its current point and nowhere when off; a run
// without a state draws nothing more.
func TestStateOverlays(t *testing.T) {
	s := &Scene{Key: "state", F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2,
		Box: &Box{XMin: -4, XMax: 4, YMin: -4, YMax: 4}, Current: -1,
		Runs: []Run{{Label: "r", K: []int{0, 1}, X: []float64{3, 0}, Y: []float64{2, 0}, F: []float64{13, 0}, DivergedAt: -1,
			State: &RunState{Arrow: [2]float64{-2, 1}, Steps: [2]float64{1, 0.5}, Axes: [2][2]float64{{0, 1}, {1, 0}}, Eigen: [2]float64{-2, 2}}}}}
	base := Options{View: ViewContour, Width: 500, Height: 500}
	plain, err := NewRenderer().Render(nil, s, base)
	if err != nil {
		t.Fatal(err)
	}
	around := image.Rect(100, 100, 400, 400) // the current point (0, 0) is at the centre
	for _, tc := range []struct {
		name string
		set  func(*Options)
	}{
		{"arrows", func(o *Options) { o.StateArrows = true }},
		{"steps", func(o *Options) { o.StateSteps = true }},
		{"axes", func(o *Options) { o.StateAxes = true }},
	} {
		o := base
		tc.set(&o)
		img, err := NewRenderer().Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		if d := pixelsDiffer(plain.SubImage(around).(*image.RGBA), img.SubImage(around).(*image.RGBA)); d < 100 {
			t.Errorf("%s: %d pixels changed near the current point", tc.name, d)
		}
		s.Runs[0].State = nil
		none, _ := NewRenderer().Render(nil, s, o)
		if d := pixelsDiffer(plain, none); d != 0 {
			t.Errorf("%s: a run without state changed %d pixels", tc.name, d)
		}
		s.Runs[0].State = &RunState{Arrow: [2]float64{-2, 1}, Steps: [2]float64{1, 0.5}, Axes: [2][2]float64{{0, 1}, {1, 0}}, Eigen: [2]float64{-2, 2}}
	}
}
