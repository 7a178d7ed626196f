package plotting

import (
	"bytes"
	"fmt"
	"math"
	"strings"
	"testing"
)

// coordsTestScene is a run of a 12-variable function with 8 coordinates
// drawn: x[i] = i·0.97ᵏ over n steps.
func coordsTestScene(n int) *Scene {
	c := &Coords{Run: 0, K: make([]int, n), Omitted: 4}
	for i := range 8 {
		c.Names = append(c.Names, fmt.Sprintf("x[%d]", i+4))
		c.V = append(c.V, make([]float64, n))
	}
	r := Run{Label: "gd lr=0.1", DivergedAt: -1, K: c.K, X: make([]float64, n), Y: make([]float64, n), F: make([]float64, n)}
	for k := range n {
		c.K[k] = k
		for i := range c.V {
			c.V[i][k] = float64(i+4) * math.Pow(0.97, float64(k))
		}
		r.X[k], r.Y[k], r.F[k] = c.V[0][k], c.V[1][k], math.Pow(0.97, 2*float64(k))
	}
	return &Scene{F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2, Runs: []Run{r}, Coords: c, Current: -1,
		AxisNames: [2]string{"x[4]", "x[5]"}, Projection: &Projection{Kind: ProjectionSlice, Held: HeldAtEnd}}
}

// TestCoordsViews: both coordinates views render a figure, in raster and
// as SVG, whose words name the coordinates, say how many are left out and
// name the run; the contour of the same scene names its axes and says it
// is a slice.
func TestCoordsViews(t *testing.T) {
	s := coordsTestScene(300)
	for _, v := range []View{ViewCoords, ViewCoordsLoss} {
		img, err := NewRenderer().Render(nil, s, Options{View: v, Width: 900, Height: 500})
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if ok, why := nonBlank(img); !ok {
			t.Errorf("%s: blank (%s)", v, why)
		}
		var b bytes.Buffer
		if err := Write(&b, ".svg", s, Options{View: v, Width: 900, Height: 500}, Animation{}); err != nil {
			t.Fatalf("%s svg: %v", v, err)
		}
		svg := b.String()
		for _, want := range []string{"x[4]", "x[11]", "coordinate · gd lr=0.1 (the 8 of 12 that move most)"} {
			if !strings.Contains(svg, want) {
				t.Errorf("%s svg: no %q", v, want)
			}
		}
		if v == ViewCoordsLoss && strings.Count(svg, ">step<") != 2 {
			t.Errorf("%s svg: %d step axes, want the coordinates' and the loss'", v, strings.Count(svg, ">step<"))
		}
	}
	var b bytes.Buffer
	if err := Write(&b, ".svg", s, Options{View: ViewContour, Width: 800, Height: 600}, Animation{}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"x[4]", "x[5]", "slice through the end point, the path projected onto it"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("contour svg: no %q", want)
		}
	}
	s.Projection = &Projection{Kind: ProjectionPlane, Share: 0.9734}
	b.Reset()
	if err := Write(&b, ".svg", s, Options{View: ViewSurface, Width: 800, Height: 600}, Animation{}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "97.3 % of its variance") {
		t.Error("surface svg: no share of the variance")
	}
}

// TestCoordsNasty: odd coordinates data draws without a panic.
func TestCoordsNasty(t *testing.T) {
	nan := math.NaN()
	for name, c := range map[string]*Coords{
		"nil":        nil,
		"empty":      {},
		"mismatched": {Names: []string{"x[0]", "x[1]"}, K: []int{0, 1, 2}, V: [][]float64{{1, 2}}},
		"not finite": {Names: []string{"x[0]"}, K: []int{0, 1, 2}, V: [][]float64{{1, nan, math.Inf(1)}}},
		"bad run":    {Run: 7, Names: []string{"x[0]"}, K: []int{0}, V: [][]float64{{1}}},
	} {
		s := &Scene{Dims: 2, Coords: c, Current: -1}
		for _, v := range []View{ViewCoords, ViewCoordsLoss} {
			if _, err := NewRenderer().Render(nil, s, Options{View: v, Width: 300, Height: 200}); err != nil {
				t.Errorf("%s %s: %v", name, v, err)
			}
			var b bytes.Buffer
			if err := Write(&b, ".gif", s, Options{View: v, Width: 120, Height: 90}, Animation{FPS: 2}); err != nil {
				t.Errorf("%s %s gif: %v", name, v, err)
			}
		}
	}
}

// BenchmarkCoords draws a frame of the coordinates view of a
// 100,000-point run with 8 coordinates at 1280×800 (the frame is cached
// after the first: this is what playback costs).
func BenchmarkCoords(b *testing.B) {
	s := coordsTestScene(100_000)
	s.Key = "bench"
	r := NewRenderer()
	o := Options{View: ViewCoordsLoss, Width: 1280, Height: 800}
	for b.Loop() {
		s.Current = 50_000
		if _, err := r.Render(nil, s, o); err != nil {
			b.Fatal(err)
		}
	}
}
