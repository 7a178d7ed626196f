package plotting

import (
	"testing"

	"gonum.org/v1/plot/vg"
)

// TestLegendCoversNoMarker: with a start or current point in every corner
// of the data area the legend moves to the middle of an edge; with markers
// everywhere along the top and bottom it shrinks or moves to the side; it
// never covers one while a free place exists.
func TestLegendCoversNoMarker(t *testing.T) {
	th := themeOf(Options{})
	r := vg.Rectangle{Max: vg.Point{X: 400, Y: 300}}
	entries := []legendEntry{{label: "momentum lr=0.001 τ=0.5"}, {label: "adam lr=0.05"}, {label: "gd lr=0.1 (diverged at step 12)"}}
	corners := []vg.Point{{X: 390, Y: 290}, {X: 10, Y: 290}, {X: 390, Y: 10}, {X: 10, Y: 10}}
	row := func(y vg.Length) []vg.Point {
		var pts []vg.Point
		for x := vg.Length(5); x < 400; x += 20 {
			pts = append(pts, vg.Point{X: x, Y: y})
		}
		return pts
	}
	for name, marks := range map[string][]vg.Point{
		"corners":        corners,
		"top and bottom": append(row(285), row(15)...),
		"corners and middles": append(corners, vg.Point{X: 200, Y: 290}, vg.Point{X: 200, Y: 10},
			vg.Point{X: 10, Y: 150}),
	} {
		lb := placeLegend(r, entries, nil, marks, th)
		if n := lb.covers(marks); n != 0 {
			t.Errorf("%s: the legend at %v covers %d markers", name, lb.frame, n)
		}
	}
	// Markers everywhere: it takes the place and size that cover fewest.
	var all []vg.Point
	for y := vg.Length(5); y < 300; y += 20 {
		all = append(all, row(y)...)
	}
	lb := placeLegend(r, entries, nil, all, th)
	for _, scale := range []float64{1, 0.8, 0.65} {
		for _, other := range legendPlaces(r, entries, th, scale) {
			if other.covers(all) < lb.covers(all) {
				t.Errorf("covered everywhere: %v covers %d, %v only %d", lb.frame, lb.covers(all), other.frame, other.covers(all))
			}
		}
	}
}
