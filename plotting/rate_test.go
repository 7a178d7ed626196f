package plotting

import (
	"bytes"
	"image"
	"math"
	"testing"
)

// rateScene is a run on the Rosenbrock function whose step sizes follow a
// cosine schedule from 0.002 to 0 over its 400 steps.
func rateScene(steps int) *Scene {
	r := descend("cosine", rosen, rosenGrad, -1.2, 1, 0.001, 0, steps)
	r.Eta = make([]float64, len(r.K))
	for i := 1; i < len(r.Eta); i++ {
		r.Eta[i] = 0.001 * (1 + math.Cos(math.Pi*float64(i-1)/float64(steps)))
	}
	return &Scene{Key: "rate", F: rosen, Dims: 2, Box: &Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3}, Runs: []Run{r}, Current: -1}
}

// TestRatePanelUnderTheLoss: with Options.Rate the loss panel's lower
// third shows the run's rates in its colour, falling from left to right;
// without the option, or for a run without rates, the panel is absent and
// the loss panel is what it was.
func TestRatePanelUnderTheLoss(t *testing.T) {
	s := rateScene(400)
	o := Options{View: ViewLoss, Width: 600, Height: 600}
	plain, err := NewRenderer().Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Rate = true
	with, err := NewRenderer().Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	col := runColor(0)
	top := image.Rect(0, 0, 600, 380)
	bottom := image.Rect(0, 410, 600, 600)
	if n := countNear(with.SubImage(bottom).(*image.RGBA), col, 40); n < 200 {
		t.Errorf("the rate panel has %d pixels of the run's colour, want a curve", n)
	}
	if n := countNear(plain.SubImage(bottom).(*image.RGBA), col, 40); n > 0 && countNear(with.SubImage(top).(*image.RGBA), col, 40) == 0 {
		t.Error("the loss curve is gone from the loss panel")
	}
	// The curve falls: its pixels on the left of the rate panel are higher up
	// than on the right.
	left, right := meanRow(with, image.Rect(80, 410, 200, 600)), meanRow(with, image.Rect(450, 410, 570, 600))
	if !(left < right) {
		t.Errorf("the cosine schedule's rate does not fall: mean row %g on the left, %g on the right", left, right)
	}
	s.Runs[0].Eta = nil
	without, _ := NewRenderer().Render(nil, s, o)
	if d := pixelsDiffer(plain, without); d != 0 {
		t.Errorf("a run without rates changed %d pixels with Rate on", d)
	}
}

// TestRatePanelDecimates: a run of 200,000 steps draws the same panel as
// often as it is asked without trouble, at most two points per column.
func TestRatePanelDecimates(t *testing.T) {
	s := rateScene(200_000)
	v := rateRuns(s)[0]
	pn := panel{x0: 0, x1: 200_000, y0: 0, y1: 0.002}
	pn.rect.Max.X, pn.rect.Max.Y = 300, 100
	if pts := ratePoints(pn, v, 200_000, 300); len(pts) != 600 {
		t.Errorf("%d points for 300 columns, want 600", len(pts))
	}
	o := Options{View: ViewBoth, Width: 800, Height: 500, Rate: true}
	if _, err := NewRenderer().Render(nil, s, o); err != nil {
		t.Fatal(err)
	}
}

// meanRow is the mean row of the pixels of the first run's colour in r.
func meanRow(img *image.RGBA, r image.Rectangle) float64 {
	var sum, n float64
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			if colorDist(img.RGBAAt(x, y), runColor(0)) <= 40 {
				sum += float64(y)
				n++
			}
		}
	}
	return sum / n
}

// pixelsDiffer counts the pixels of a's rectangle where a and b differ.
func pixelsDiffer(a, b *image.RGBA) int {
	n := 0
	for y := a.Rect.Min.Y; y < a.Rect.Max.Y; y++ {
		for x := a.Rect.Min.X; x < a.Rect.Max.X; x++ {
			if a.RGBAAt(x, y) != b.RGBAAt(x, y) {
				n++
			}
		}
	}
	return n
}

// TestRatePanelInVectorOutput: SVG and PDF draw the rate panel too, with
// its axis label.
func TestRatePanelInVectorOutput(t *testing.T) {
	s := rateScene(400)
	for _, rate := range []bool{false, true} {
		var b bytes.Buffer
		if err := Write(&b, ".svg", s, Options{View: ViewBoth, Width: 800, Height: 500, Rate: rate}, Animation{}); err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(b.Bytes(), []byte("learning rate η")); got != rate {
			t.Errorf("Rate %v: the SVG has the rate axis: %v", rate, got)
		}
	}
}
