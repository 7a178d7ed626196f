package plotting

import (
	"image"
	"image/color"
	"math"
	"strings"
	"sync"
	"testing"

	vgdraw "gonum.org/v1/plot/vg/draw"
)

// colorDist is the largest channel difference between two colours.
func colorDist(a, b color.RGBA) int {
	d := func(x, y uint8) int { return int(math.Abs(float64(x) - float64(y))) }
	return max(d(a.R, b.R), d(a.G, b.G), d(a.B, b.B), d(a.A, b.A))
}

// nearColor reports whether some pixel within radius px of (x, y) is within
// tol of want.
func nearColor(img *image.RGBA, x, y float64, radius, tol int, want color.RGBA) bool {
	cx, cy := int(math.Floor(x)), int(math.Floor(y))
	for dy := -radius; dy <= radius; dy++ {
		for dx := -radius; dx <= radius; dx++ {
			p := image.Pt(cx+dx, cy+dy)
			if !p.In(img.Bounds()) {
				continue
			}
			if colorDist(img.RGBAAt(p.X, p.Y), want) <= tol {
				return true
			}
		}
	}
	return false
}

func TestRenderSizesAndViews(t *testing.T) {
	r := NewRenderer()
	for _, tc := range []struct {
		scene *Scene
		view  View
		w, h  int
		dpi   float64
	}{
		{rosenScene(), ViewContour, 640, 480, 0},
		{rosenScene(), ViewLoss, 333, 217, 0},
		{rosenScene(), ViewBoth, 1280, 800, 96},
		{rosenScene(), ViewBoth, 500, 900, 192},
		{curveScene(), ViewCurve, 401, 301, 72},
		{curveScene(), ViewBoth, 800, 600, 110.5},
		{himmelScene(), "", 0, 0, 0}, // defaults: both, 800x600
	} {
		img, err := r.Render(nil, tc.scene, Options{View: tc.view, Width: tc.w, Height: tc.h, DPI: tc.dpi})
		if err != nil {
			t.Fatalf("%s %dx%d: %v", tc.view, tc.w, tc.h, err)
		}
		w, h := tc.w, tc.h
		if w == 0 {
			w, h = 800, 600
		}
		if got := img.Bounds().Size(); got != image.Pt(w, h) {
			t.Errorf("%s: size %v, want %dx%d", tc.view, got, w, h)
		}
	}
}

func TestRenderErrors(t *testing.T) {
	r := NewRenderer()
	if _, err := r.Render(image.NewRGBA(image.Rect(0, 0, 10, 10)), rosenScene(), Options{Width: 20, Height: 10}); err == nil {
		t.Error("wrong destination size: no error")
	}
	_, err := r.Render(nil, rosenScene(), Options{View: "pie"})
	if err == nil || !strings.Contains(err.Error(), `unknown view "pie"`) {
		t.Errorf("unknown view: got %v", err)
	}
	if _, err := r.Render(nil, nil, Options{}); err == nil {
		t.Error("nil scene: no error")
	}
}

// Render must overwrite every pixel of dst (the caller double-buffers).
func TestRenderOverwritesDst(t *testing.T) {
	magenta := color.RGBA{0xFF, 0x00, 0xFF, 0xFF}
	r := NewRenderer()
	for _, v := range []View{ViewContour, ViewLoss, ViewBoth} {
		dst := image.NewRGBA(image.Rect(0, 0, 300, 200))
		for i := 0; i < len(dst.Pix); i += 4 {
			dst.Pix[i], dst.Pix[i+1], dst.Pix[i+2], dst.Pix[i+3] = 0xFF, 0, 0xFF, 0xFF
		}
		if _, err := r.Render(dst, himmelScene(), Options{View: v, Width: 300, Height: 200}); err != nil {
			t.Fatal(err)
		}
		n := 0
		for y := 0; y < 200; y++ {
			for x := 0; x < 300; x++ {
				if dst.RGBAAt(x, y) == magenta {
					n++
				}
			}
		}
		if n != 0 {
			t.Errorf("%s: %d pixels not overwritten", v, n)
		}
	}
}

// Rendering into a sub-image must land in the right place.
func TestRenderIntoOffsetImage(t *testing.T) {
	big := image.NewRGBA(image.Rect(0, 0, 400, 300))
	sub := big.SubImage(image.Rect(100, 50, 400, 250)).(*image.RGBA)
	r := NewRenderer()
	if _, err := r.Render(sub, himmelScene(), Options{View: ViewContour, Width: 300, Height: 200}); err != nil {
		t.Fatal(err)
	}
	want, _ := r.Render(nil, himmelScene(), Options{View: ViewContour, Width: 300, Height: 200})
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			if got, w := big.RGBAAt(100+x, 50+y), want.RGBAAt(x, y); got != w {
				t.Fatalf("pixel (%d,%d) of the sub-image is %v, want %v", x, y, got, w)
			}
		}
	}
	if big.RGBAAt(50, 20) != (color.RGBA{}) {
		t.Error("drawn outside the sub-image")
	}
}

// The panel transform must be the plot's own transform.
func TestPanelMatchesPlotTransforms(t *testing.T) {
	o := Options{Width: 640, Height: 480}.normalized()
	s := rosenScene()
	mf := newMainFig(s, *s.Box)
	p := mf.plot(themeOf(o), false)
	img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	c := cropMargin(vgdraw.New(newRasterCanvas(img, o.DPI)), 1)
	pn := panelOf(p, c)
	da := p.DataCanvas(c)
	trX, trY := p.Transforms(&da)
	for _, xy := range [][2]float64{{-2, -1}, {2, 3}, {0.3, 1.7}, {1, 1}} {
		got := pn.pt(xy[0], xy[1])
		if math.Abs(float64(got.X-trX(xy[0]))) > 1e-9 || math.Abs(float64(got.Y-trY(xy[1]))) > 1e-9 {
			t.Errorf("pt(%v) = %v, plot transform gives (%v, %v)", xy, got, trX(xy[0]), trY(xy[1]))
		}
	}
}

// Markers and paths must be where the plot's transform puts them.
func TestPixelsAtTrajectory(t *testing.T) {
	s := &Scene{
		Key: "sphere", F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2,
		Box: &Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5},
		Runs: []Run{{Label: "a", X: []float64{-4, -2, 0, 3}, Y: []float64{-3, 2, 1, 3}, F: []float64{25, 8, 1, 18}, DivergedAt: -1},
			{Label: "b", X: []float64{4, 4}, Y: []float64{-4, 0}, F: []float64{32, 16}, DivergedAt: -1}},
		Current: 2,
	}
	o := Options{View: ViewContour, Width: 600, Height: 500}.normalized()
	r := NewRenderer()
	img, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	pn := r.background(s, *s.Box, o.Width, o.Height, o).pn
	px := func(x, y float64) (float64, float64) { return toPixel(pn.pt(x, y), o.Height, o.DPI) }
	// Current point of run a (index 2): a filled disk in its colour.
	if x, y := px(0, 1); !nearColor(img, x, y, 1, 4, runColor(0)) {
		t.Errorf("current point of run a: pixel %v, want %v", img.RGBAAt(int(x), int(y)), runColor(0))
	}
	// Midpoint of its first segment: the path colour.
	if x, y := px(-3, -0.5); !nearColor(img, x, y, 1, 40, runColor(0)) {
		t.Errorf("path of run a missing at its first segment")
	}
	// Point 3 is after the current step: not drawn.
	if x, y := px(3, 3); nearColor(img, x, y, 4, 40, runColor(0)) {
		t.Errorf("point after the current step is drawn")
	}
	// Run b's end (its last point, also current): the disk with a white cross.
	if x, y := px(4, 0); !nearColor(img, x, y, 5, 4, runColor(1)) || !nearColor(img, x, y, 1, 10, white) {
		t.Errorf("end marker of run b missing")
	}
	// Run b's start: a ring (colour at its radius, white-ish halo outside).
	x0, y0 := px(4, -4)
	rpx := 4.5 * o.DPI / 72
	if !nearColor(img, x0+rpx, y0, 1, 40, runColor(1)) {
		t.Errorf("start ring of run b missing at radius %.1f px", rpx)
	}
}

// Pixels of the loss view: the current dot where lossPoint puts it.
func TestPixelsAtLoss(t *testing.T) {
	s := &Scene{F: func(x, y float64) float64 { return x }, Dims: 2,
		Runs:    []Run{{X: []float64{0, 0, 0, 0}, Y: []float64{0, 0, 0, 0}, F: []float64{10, 4, 2, 1}, DivergedAt: -1}},
		Current: 1}
	o := Options{View: ViewLoss, Width: 500, Height: 400}.normalized()
	img, err := NewRenderer().Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	lf := newLossFig(s, o, true)
	p := lf.plot()
	c := cropMargin(vgdraw.New(newRasterCanvas(image.NewRGBA(image.Rect(0, 0, o.Width, o.Height)), o.DPI)), 1)
	pn := panelOf(p, c)
	x, y := toPixel(lossPoint(pn, lf.ax, 1, 4), o.Height, o.DPI)
	if !nearColor(img, x, y, 1, 4, runColor(0)) {
		t.Errorf("current loss point: pixel %v", img.RGBAAt(int(x), int(y)))
	}
	// Step 3 is after the current step: the curve does not reach it.
	x, y = toPixel(lossPoint(pn, lf.ax, 3, 1), o.Height, o.DPI)
	if nearColor(img, x, y, 3, 40, runColor(0)) {
		t.Errorf("loss drawn after the current step")
	}
}

func TestConcurrentRender(t *testing.T) {
	r := NewRenderer()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s := himmelScene()
			s.Current = i * 5
			o := Options{View: []View{ViewContour, ViewBoth}[i%2], Width: 320, Height: 240}
			if _, err := r.Render(nil, s, o); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// The cache returns the same background for the same key and a different
// one when the size changes.
func TestBackgroundCache(t *testing.T) {
	r := NewRenderer()
	s := himmelScene()
	o := Options{Width: 300, Height: 200}.normalized()
	a := r.background(s, *s.Box, 300, 200, o)
	b := r.background(s, *s.Box, 300, 200, o)
	c := r.background(s, *s.Box, 301, 200, o)
	if a != b {
		t.Error("same key: background rebuilt")
	}
	if a == c {
		t.Error("different size: same background")
	}
	s.Key = ""
	if r.background(s, *s.Box, 300, 200, o) == a {
		t.Error("empty key: cached")
	}
}
