package plotting

import (
	"image"
	"math"
	"testing"

	"gonum.org/v1/plot/vg"
)

// DataAt must invert the transform Render draws with, in every layout: the
// pixel of a data point (computed with the cached background's transform,
// and checked against the drawn current marker) maps back to the point
// within a pixel, and pixels off the data area give ok = false.
func TestDataAtInvertsRender(t *testing.T) {
	curve := func() *Scene { return curveScene() }
	himmel := func() *Scene { s := himmelScene(); s.Current = 20; return s }
	long := func() *Scene { return sphereScene(Box{XMin: -10, XMax: 10, YMin: -1, YMax: 1}) } // 1:10, fills
	tall := func() *Scene { return sphereScene(Box{XMin: -2, XMax: 2, YMin: -3, YMax: 5}) }   // 2:1, equal scales
	wide := func() *Scene { return sphereScene(Box{XMin: -4, XMax: 4, YMin: -1, YMax: 3}) }   // 1:2, equal scales
	for _, tc := range []struct {
		name  string
		scene func() *Scene
		o     Options
	}{
		{"contour", himmel, Options{View: ViewContour, Width: 640, Height: 480}},
		{"contour dpi scale", himmel, Options{View: ViewContour, Width: 500, Height: 500, DPI: 144, Scale: 1.5}},
		{"both wide", himmel, Options{View: ViewBoth, Width: 1280, Height: 800}},
		{"both tall", himmel, Options{View: ViewBoth, Width: 600, Height: 1000, Scale: 2}},
		{"both square", himmel, Options{View: ViewBoth, Width: 601, Height: 601, DPI: 110.5}},
		{"both high contrast dark", himmel, Options{View: ViewBoth, Width: 900, Height: 500, HighContrast: true, Dark: true, Scale: 1.5}},
		{"elongated box contour", long, Options{View: ViewContour, Width: 640, Height: 480}},
		{"elongated box both tall", long, Options{View: ViewBoth, Width: 500, Height: 900}},
		{"tall box wide panel", tall, Options{View: ViewContour, Width: 900, Height: 500}},
		{"tall box tall panel", tall, Options{View: ViewContour, Width: 400, Height: 900, Scale: 1.5}},
		{"tall box both wide", tall, Options{View: ViewBoth, Width: 1280, Height: 800}},
		{"wide box wide panel", wide, Options{View: ViewContour, Width: 900, Height: 400, DPI: 144}},
		{"wide box tall panel", wide, Options{View: ViewContour, Width: 500, Height: 800}},
		{"wide box both tall", wide, Options{View: ViewBoth, Width: 700, Height: 1100, HighContrast: true}},
		{"wide box free aspect", wide, Options{View: ViewContour, Width: 500, Height: 800, FreeAspect: true}},
		{"curve", curve, Options{View: ViewCurve, Width: 480, Height: 320}},
		{"curve both wide", curve, Options{View: ViewBoth, Width: 1000, Height: 400, Scale: 1.5}},
		{"curve both tall", curve, Options{View: ViewBoth, Width: 400, Height: 900}},
	} {
		s := tc.scene()
		r := NewRenderer()
		img, err := r.Render(nil, s, tc.o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		o := tc.o.normalized()
		mainR, lossR := layout(o, s.dims())
		box := viewBox(s)
		bg := r.cachedBackground(s, box, mainR.Dx(), mainR.Dy(), o)
		if bg == nil {
			t.Fatalf("%s: background not cached after Render", tc.name)
		}
		pn := bg.pn
		da := pn.pixelRect(mainR.Dy(), o.DPI)
		checkAspect(t, tc.name, r, s, box, mainR, o, pn)
		tolX := (pn.x1 - pn.x0) / float64(da.Dx()) // one pixel in data units
		tolY := (pn.y1 - pn.y0) / float64(da.Dy())
		pixelOf := func(x, y float64) image.Point {
			fx, fy := toPixel(pn.pt(x, y), mainR.Dy(), o.DPI)
			return image.Pt(int(math.Floor(fx)), int(math.Floor(fy))).Add(mainR.Min)
		}
		// The transform is the one the image was drawn with: the current
		// marker of the first run is at its pixel.
		v := positionRuns(s)[0]
		cur := v.upTo(s.Current)
		cx, cy := v.r.X[cur], v.y(cur)
		if s.dims() == 1 {
			cy = v.f(cur)
		}
		if p := pixelOf(cx, cy); !nearColor(img, float64(p.X), float64(p.Y), 1, 4, runColor(0)) {
			t.Errorf("%s: current marker not at pixel %v (found %v)", tc.name, p, img.RGBAAt(p.X, p.Y))
		}
		// A fresh renderer and a scene without a key (no cache) must agree
		// exactly with the cached transform.
		nokey := *s
		nokey.Key = ""
		fresh := NewRenderer()
		pts := [][2]float64{{cx, cy}}
		for _, u := range []float64{0.01, 0.25, 0.5, 0.77, 0.99} {
			for _, w := range []float64{0.02, 0.5, 0.98} {
				pts = append(pts, [2]float64{pn.x0 + u*(pn.x1-pn.x0), pn.y0 + w*(pn.y1-pn.y0)})
			}
		}
		for _, pt := range pts {
			px := pixelOf(pt[0], pt[1])
			x, y, ok := r.DataAt(s, tc.o, px)
			if !ok {
				t.Errorf("%s: DataAt(%v) for %v: not ok", tc.name, px, pt)
				continue
			}
			if math.Abs(x-pt[0]) > tolX {
				t.Errorf("%s: DataAt(%v).x = %g, want %g ± %g", tc.name, px, x, pt[0], tolX)
			}
			if s.dims() == 2 && math.Abs(y-pt[1]) > tolY {
				t.Errorf("%s: DataAt(%v).y = %g, want %g ± %g", tc.name, px, y, pt[1], tolY)
			}
			if s.dims() == 1 && y != s.F(x, 0) {
				t.Errorf("%s: DataAt(%v).y = %g, want f(%g) = %g", tc.name, px, y, x, s.F(x, 0))
			}
			x2, y2, ok2 := fresh.DataAt(&nokey, tc.o, px)
			if x2 != x || y2 != y || ok2 != ok {
				t.Errorf("%s: uncached DataAt(%v) = %g, %g, %v; cached %g, %g, %v", tc.name, px, x2, y2, ok2, x, y, ok)
			}
		}
		// Off the data area.
		outside := []image.Point{
			mainR.Min, // corner margin
			{mainR.Min.X + da.Min.X - 3, mainR.Min.Y + da.Max.Y/2}, // y axis labels
			{mainR.Min.X + da.Max.X/2, mainR.Min.Y + da.Max.Y + 3}, // x axis labels
			{mainR.Min.X + da.Max.X + 3, mainR.Min.Y + da.Max.Y/2}, // right margin
			{mainR.Min.X + da.Max.X/2, mainR.Min.Y + da.Min.Y - 3}, // top margin
			{-1, 5}, {o.Width, o.Height}, {5, o.Height + 10},
		}
		if !lossR.Empty() {
			outside = append(outside, lossR.Min.Add(lossR.Size().Div(2)), lossR.Max.Sub(image.Pt(1, 1)))
		}
		for _, px := range outside {
			if x, y, ok := r.DataAt(s, tc.o, px); ok {
				t.Errorf("%s: DataAt(%v) = %g, %g, ok; want not ok", tc.name, px, x, y)
			}
		}
		// The edge pixels of the data area are inside.
		for _, px := range []image.Point{da.Min.Add(image.Pt(1, 1)), da.Max.Sub(image.Pt(2, 2))} {
			if _, _, ok := r.DataAt(s, tc.o, px.Add(mainR.Min)); !ok {
				t.Errorf("%s: DataAt(%v) at the edge of the data area: not ok", tc.name, px.Add(mainR.Min))
			}
		}
	}
}

// Views without a main panel, bad options and nil scenes give ok = false.
func TestDataAtNoPanel(t *testing.T) {
	r := NewRenderer()
	s := himmelScene()
	for _, tc := range []struct {
		name string
		s    *Scene
		o    Options
	}{
		{"loss view", s, Options{View: ViewLoss, Width: 400, Height: 300}},
		{"unknown view", s, Options{View: "pie", Width: 400, Height: 300}},
		{"nil scene", nil, Options{View: ViewContour, Width: 400, Height: 300}},
	} {
		for _, px := range []image.Point{{200, 150}, {100, 100}, {350, 50}} {
			if x, y, ok := r.DataAt(tc.s, tc.o, px); ok {
				t.Errorf("%s: DataAt(%v) = %g, %g, ok", tc.name, px, x, y)
			}
		}
	}
	// Nasty scenes: no panic, and a finite answer when ok.
	for _, sc := range []*Scene{
		{Dims: 2},
		{Dims: 1, Box: &Box{XMin: 2, XMax: -2}},
		{F: func(x, y float64) float64 { panic("boom") }, Dims: 1},
		{F: func(x, y float64) float64 { return math.NaN() }, Dims: 2, Box: &Box{XMin: 0, XMax: 1e-300, YMin: 0, YMax: 1}},
	} {
		x, _, ok := r.DataAt(sc, Options{View: ViewContour, Width: 300, Height: 300}, image.Pt(150, 150))
		if ok && !finite(x) {
			t.Errorf("scene %+v: x = %g", sc, x)
		}
	}
}

// checkAspect checks the main panel pn of s in mainR drawn with o: with
// equal scales, one data unit is as long along x as along y, and the data
// area is the free (filled) data area shrunk in one direction about its
// centre, its pixels outside pn not hit by DataAt; otherwise it is the
// free data area.
func checkAspect(t *testing.T, name string, r *Renderer, s *Scene, box Box, mainR image.Rectangle, o Options, pn panel) {
	t.Helper()
	fo := o
	fo.FreeAspect = true
	free := r.mainPanel(s, box, mainR.Dx(), mainR.Dy(), fo)
	const tol = 1e-6 // points
	near := func(a, b vg.Length) bool { return math.Abs(float64(a-b)) < tol }
	if !equalAspect(s.dims(), box, o) {
		if pn.rect != free.rect {
			t.Errorf("%s: data area %v, want the filled %v", name, pn.rect, free.rect)
		}
		return
	}
	sx, sy := pn.scaleXY()
	if math.Abs(sx-sy) > 1e-9*sx {
		t.Errorf("%s: %g points per x unit, %g per y unit", name, sx, sy)
	}
	fc, pc := free.rect.Min.Add(free.rect.Max).Scale(0.5), pn.rect.Min.Add(pn.rect.Max).Scale(0.5)
	if !near(fc.X, pc.X) || !near(fc.Y, pc.Y) {
		t.Errorf("%s: data area centred at %v, the panel's at %v", name, pc, fc)
	}
	fw, fh, w, h := free.rect.Size().X, free.rect.Size().Y, pn.rect.Size().X, pn.rect.Size().Y
	if !(near(w, fw) && h <= fh+tol || near(h, fh) && w <= fw+tol) {
		t.Errorf("%s: data area %gx%g does not fill %gx%g in one direction", name, w, h, fw, fh)
	}
	// The letterbox bands, in the free data area but off pn, are not data.
	fr := free.pixelRect(mainR.Dy(), o.DPI).Add(mainR.Min)
	pr := pn.pixelRect(mainR.Dy(), o.DPI).Add(mainR.Min)
	mid := fr.Min.Add(fr.Max).Div(2)
	var band []image.Point
	if pr.Min.X-fr.Min.X > 4 {
		band = append(band, image.Pt(fr.Min.X+1, mid.Y), image.Pt(fr.Max.X-2, mid.Y))
	}
	if pr.Min.Y-fr.Min.Y > 4 {
		band = append(band, image.Pt(mid.X, fr.Min.Y+1), image.Pt(mid.X, fr.Max.Y-2))
	}
	if len(band) == 0 {
		t.Errorf("%s: no letterbox: data area %v in %v", name, pr, fr)
	}
	for _, px := range band {
		if x, y, ok := r.DataAt(s, o, px); ok {
			t.Errorf("%s: DataAt(%v) in the letterbox = %g, %g, ok", name, px, x, y)
		}
	}
}
