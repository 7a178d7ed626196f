package plotting

import (
	"bytes"
	"image"
	"math"
	"strings"
	"testing"
)

// TestDataViews: both data views render in raster and SVG; a regression's
// fit is drawn through the points (the pixel at the line's middle has the
// run's colour), a classification's boundary in the run's colour, and odd
// data draws without a panic.
func TestDataViews(t *testing.T) {
	reg := &Scene{Dims: 2, F: func(w, b float64) float64 { return w*w + b*b }, Current: -1,
		Runs: []Run{{Label: "gd lr=0.1", DivergedAt: -1, K: []int{0, 1}, X: []float64{0, 2}, Y: []float64{0, 1}, F: []float64{5, 0.1}}},
		Data: &DataPanel{Inputs: 1, X: []float64{0, 1, 2, 3}, Y: []float64{1, 3, 5, 7}, Names: []string{"hours", "score"},
			Fit: func(r, k int, x, _ float64) float64 { return 2*x + 1 }}}
	for _, v := range []View{ViewData, ViewDataBoth} {
		img, err := NewRenderer().Render(nil, reg, Options{View: v, Width: 900, Height: 400})
		if err != nil {
			t.Fatalf("%s: %v", v, err)
		}
		if ok, why := nonBlank(img); !ok {
			t.Errorf("%s: %s", v, why)
		}
		var b bytes.Buffer
		if err := Write(&b, ".svg", reg, Options{View: v, Width: 900, Height: 400}, Animation{}); err != nil || !strings.Contains(b.String(), "hours") || !strings.Contains(b.String(), "score") {
			t.Errorf("%s svg: %v, names missing", v, err)
		}
	}
	cls := &Scene{Dims: 2, Current: -1, Runs: reg.Runs, Data: &DataPanel{Inputs: 2, Classification: true,
		X: []float64{-1, -1, 1, 1, -1, 1}, Y: []float64{0, 1, 0}, Names: []string{"x1", "x2", "label"},
		Fit: func(r, k int, x1, x2 float64) float64 { return 1 / (1 + math.Exp(-4*x1)) }}}
	img, err := NewRenderer().Render(nil, cls, Options{View: ViewData, Width: 600, Height: 600})
	if err != nil {
		t.Fatal(err)
	}
	th := themeOf(Options{})
	if _, ok := colourBox(img, th.runColor(0)); !ok {
		t.Error("no decision boundary in the run's colour")
	}
	for name, d := range map[string]*DataPanel{"nil": nil, "empty": {}, "short X": {Inputs: 2, X: []float64{1}, Y: []float64{0, 1}},
		"nan": {Inputs: 1, X: []float64{math.NaN(), 1}, Y: []float64{1, math.Inf(1)}, Fit: func(int, int, float64, float64) float64 { return math.NaN() }}} {
		s := &Scene{Dims: 2, Current: -1, Runs: reg.Runs, Data: d}
		if _, err := NewRenderer().Render(nil, s, Options{View: ViewDataBoth, Width: 300, Height: 200}); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
}

// colourBox is the bounding box of the pixels of colour c.
func colourBox(img *image.RGBA, c interface{ RGBA() (r, g, b, a uint32) }) (image.Rectangle, bool) {
	cr, cg, cb, _ := c.RGBA()
	var box image.Rectangle
	n := 0
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 == cr>>8 && g>>8 == cg>>8 && b>>8 == cb>>8 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
				n++
			}
		}
	}
	return box, n > 50
}

// TestMiniBatchLossIsDrawn: a run's mini-batch losses add a thin line to
// the loss panel; NaN entries (the start) leave it alone.
func TestMiniBatchLossIsDrawn(t *testing.T) {
	mk := func(batch bool) *Scene {
		r := Run{Label: "sgd", DivergedAt: -1}
		for k := 0; k <= 200; k++ {
			f := 10 * math.Exp(-float64(k)/30)
			r.K, r.X, r.Y, r.F = append(r.K, k), append(r.X, 0), append(r.Y, 0), append(r.F, f)
			if batch {
				b := math.NaN()
				if k > 0 {
					b = f + 2*math.Sin(float64(k))
				}
				r.Batch = append(r.Batch, b)
			}
		}
		return &Scene{Dims: 2, Current: -1, Runs: []Run{r}}
	}
	o := Options{View: ViewLoss, Width: 600, Height: 400}
	a, _ := NewRenderer().Render(nil, mk(false), o)
	b, _ := NewRenderer().Render(nil, mk(true), o)
	n := 0
	for i := range a.Pix {
		if a.Pix[i] != b.Pix[i] {
			n++
		}
	}
	if n < 2000 {
		t.Errorf("the mini-batch losses changed %d bytes of the loss panel", n)
	}
}

// TestDataPointAt: the pointer on a data point finds its row; between
// points nothing; the middle panel of data+both maps to the parameters.
func TestDataPointAt(t *testing.T) {
	s := &Scene{Dims: 2, Current: -1, F: func(w, b float64) float64 { return w*w + b*b }, Box: &Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1},
		Data: &DataPanel{Inputs: 1, X: []float64{0, 1, 2, 3}, Y: []float64{1, 3, 5, 7}, Names: []string{"x", "y"}}}
	o := Options{View: ViewDataBoth, Width: 900, Height: 300}
	r := NewRenderer()
	no := o.normalized()
	p := dataPlot(s, no, themeOf(no))
	dataR, mainR, _ := dataLayout(no)
	pn := plotPanel(p, dataR.Dx(), dataR.Dy(), 96, 1)
	x, y := toPixel(pn.pt(2, 5), dataR.Dy(), 96)
	if row, ok := r.DataPointAt(s, o, image.Pt(int(x), int(y))); !ok || row != 2 {
		t.Errorf("on the point (2, 5): row %d %v", row, ok)
	}
	x, y = toPixel(pn.pt(1.5, 4.5), dataR.Dy(), 96)
	if _, ok := r.DataPointAt(s, o, image.Pt(int(x), int(y))); ok {
		t.Error("between points a point was found")
	}
	c := mainR.Min.Add(mainR.Size().Div(2))
	if w, b, ok := r.DataAt(s, o, c); !ok || math.Abs(w) > 0.4 || math.Abs(b) > 0.4 { // the middle, up to the axes' margins
		t.Errorf("the middle of the landscape: (%v, %v) %v", w, b, ok)
	}
}
