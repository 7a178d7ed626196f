package plotting

import (
	"bytes"
	"image"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
)

// fieldSphere is x² + y² over a box with the gradient, and no runs unless
// withRun (then the run of sphereScene, shown at step 12).
func fieldSphere(withRun bool) *Scene {
	s := sphereScene(Box{XMin: -4, XMax: 4, YMin: -3, YMax: 3})
	s.Grad = sphereGrad
	if !withRun {
		s.Runs = nil
	}
	return s
}

// renderField renders s with the field on and off (fresh renderers) and
// returns both images and the field's grid.
func renderField(t *testing.T, s *Scene, o Options) (on, off *image.RGBA, fg fieldGrid, pn panel) {
	t.Helper()
	r := NewRenderer()
	o.Field = true
	on, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	n := o.normalized()
	mainR, _ := layout(n, s.dims()) // starts at 0,0: pixels of the panel are pixels of the image
	bg := r.cachedBackground(s, viewBox(s), mainR.Dx(), mainR.Dy(), n)
	if bg == nil || bg.field == nil {
		t.Fatal("no cached background with a field")
	}
	o.Field = false
	if off, err = NewRenderer().Render(nil, s, o); err != nil {
		t.Fatal(err)
	}
	return on, off, *bg.field, bg.pn
}

// diffWeight is how much two pixels differ (sum of channel differences).
func diffWeight(a, b *image.RGBA, x, y int) float64 {
	i := a.PixOffset(x, y)
	d := 0
	for c := range 3 {
		d += abs(int(a.Pix[i+c]) - int(b.Pix[i+c]))
	}
	return float64(d)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// On x² + y² the arrows of −∇f point to the origin: in every cell the
// arrow's pixels (where the field changes the image) are weighted towards
// its head, so their centroid lies from the cell centre towards the origin.
// Arrows exist in all four quadrants, and nothing changes outside the data
// area.
func TestFieldPointsDownhill(t *testing.T) {
	o := Options{View: ViewContour, Width: 600, Height: 480}
	on, off, fg, pn := renderField(t, fieldSphere(false), o)
	dpi := o.normalized().DPI
	if fg.nx < fieldMinCols || fg.nx > fieldMaxCols {
		t.Errorf("%d columns, want %d..%d", fg.nx, fieldMinCols, fieldMaxCols)
	}
	quadrants := map[[2]bool]int{}
	good, checked := 0, 0
	for j := range fg.ny {
		for i := range fg.nx {
			node := fg.node(i, j)
			x, y := pn.data(node)
			if math.Hypot(x, y) < 1 { // short arrows near the minimum
				continue
			}
			nx, ny := toPixel(node, on.Rect.Dy(), dpi)
			r := cellPixels(fg.cell(i, j), on.Rect.Dy(), dpi).Inset(1)
			var sw, sx, sy float64
			for py := r.Min.Y; py < r.Max.Y; py++ {
				for px := r.Min.X; px < r.Max.X; px++ {
					w := diffWeight(on, off, px, py)
					sw, sx, sy = sw+w, sx+w*(float64(px)+0.5), sy+w*(float64(py)+0.5)
				}
			}
			if sw == 0 {
				t.Errorf("cell (%d, %d) at (%.2f, %.2f): no arrow", i, j, x, y)
				continue
			}
			checked++
			dx, dy := sx/sw-nx, -(sy/sw - ny) // y up, as the data
			if dx*(-x)+dy*(-y) > 0 {
				good++
			}
			quadrants[[2]bool{x > 0, y > 0}]++
		}
	}
	if checked == 0 || good < checked*95/100 {
		t.Errorf("%d of %d arrows point to the origin", good, checked)
	}
	if len(quadrants) != 4 {
		t.Errorf("arrows in quadrants %v, want all four", quadrants)
	}
	area := pn.pixelRect(on.Rect.Dy(), dpi)
	for py := 0; py < on.Rect.Dy(); py++ {
		for px := 0; px < on.Rect.Dx(); px++ {
			if !image.Pt(px, py).In(area) && diffWeight(on, off, px, py) != 0 {
				t.Fatalf("the field changes pixel (%d, %d) outside the data area %v", px, py, area)
			}
		}
	}
}

// No arrow is drawn over the current point of a visible run: around it
// (the cell holding it) the image is the same with and without the field,
// while the field is drawn elsewhere. The same holds in the vector output
// (the arrows near it are left out).
func TestFieldNotAtCurrentPoint(t *testing.T) {
	s := fieldSphere(true)
	for _, o := range []Options{
		{View: ViewContour, Width: 600, Height: 480},
		{View: ViewBoth, Width: 900, Height: 400, Dark: true, HighContrast: true},
	} {
		on, off, fg, pn := renderField(t, s, o)
		mainR, _ := layout(o.normalized(), 2)
		h := mainR.Dy()
		cur := currentPoints(pn, s)
		if len(cur) != 1 {
			t.Fatalf("%d current points, want 1", len(cur))
		}
		p := cur[0]
		half := max(fg.cw, fg.ch) / 2
		around := cellPixels(vg.Rectangle{Min: vg.Point{X: p.X - half, Y: p.Y - half}, Max: vg.Point{X: p.X + half, Y: p.Y + half}},
			h, o.normalized().DPI)
		if _, diff := firstDiff(subRGBA(on, around), subRGBA(off, around)); diff {
			t.Errorf("%s: the field draws within a cell of the current point", o.View)
		}
		if _, diff := firstDiff(on, off); !diff {
			t.Errorf("%s: the field draws nothing", o.View)
		}
		skipped := 0
		for j := range fg.ny {
			for i := range fg.nx {
				if fg.skipped(i, j, cur) {
					skipped++
				}
			}
		}
		if skipped < 1 || skipped > 6 {
			t.Errorf("%s: %d arrows left out around the current point, want 1..6", o.View, skipped)
		}
	}
}

// Field off, a scene without Grad, and a one-dimensional scene draw exactly
// what they drew before (the golden images hold the former).
func TestFieldOffUnchanged(t *testing.T) {
	render := func(s *Scene, o Options) *image.RGBA {
		t.Helper()
		img, err := NewRenderer().Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	o := Options{View: ViewContour, Width: 480, Height: 400, Gradient: true}
	on := o
	on.Field = true
	plain := himmelScene()
	withGrad := himmelScene()
	withGrad.Grad = himmelGrad
	if _, diff := firstDiff(render(plain, o), render(withGrad, o)); diff {
		t.Error("a Scene.Grad with the field off changes the figure")
	}
	if _, diff := firstDiff(render(plain, o), render(plain, on)); diff {
		t.Error("the field without Scene.Grad changes the figure")
	}
	curve := curveScene()
	curve.Grad = func(x, _ float64) (float64, float64) { return 2 * x, 0 }
	co := Options{View: ViewCurve, Width: 480, Height: 320}
	cf := co
	cf.Field = true
	if _, diff := firstDiff(render(curve, co), render(curve, cf)); diff {
		t.Error("the field changes the curve view")
	}
}

// The background cache tells the field apart, and a warm Renderer (the
// background built at another current step, with the field on and off in
// turn) draws every frame exactly as a fresh one does.
func TestFieldCache(t *testing.T) {
	s := fieldSphere(true)
	r := NewRenderer()
	for i, tc := range []struct {
		field   bool
		current int
	}{{true, 30}, {true, 3}, {false, 3}, {true, 0}, {true, -1}, {false, 12}, {true, 12}} {
		o := Options{View: ViewBoth, Width: 700, Height: 360, Field: tc.field}
		s.Current = tc.current
		got, err := r.Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := NewRenderer().Render(nil, s, o)
		if p, diff := firstDiff(got, want); diff {
			t.Errorf("frame %d (field %v, step %d): a warm Renderer differs from a fresh one at %v", i, tc.field, tc.current, p)
		}
	}
	o := Options{Width: 700, Height: 360}.normalized()
	f := o
	f.Field = true
	if bgKey(s, viewBox(s), 350, 360, o) == bgKey(s, viewBox(s), 350, 360, f) {
		t.Error("the background key ignores the field")
	}
}

// SVG and PDF draw the field as vector paths.
func TestFieldVector(t *testing.T) {
	s := fieldSphere(true)
	for _, ext := range []string{".svg", ".pdf"} {
		var on, off bytes.Buffer
		o := Options{View: ViewContour, Width: 600, Height: 480}
		if err := Write(&off, ext, s, o, Animation{}); err != nil {
			t.Fatal(err)
		}
		o.Field = true
		if err := Write(&on, ext, s, o, Animation{}); err != nil {
			t.Fatal(err)
		}
		if on.Len() <= off.Len() {
			t.Errorf("%s: %d bytes with the field, %d without", ext, on.Len(), off.Len())
		}
		if ext == ".svg" {
			n := strings.Count(on.String(), "<path") - strings.Count(off.String(), "<path")
			if n < 4 { // shafts and heads, casing and core, per batch of arrows
				t.Errorf("svg: %d more paths with the field", n)
			}
		}
	}
}

// The length rule: no arrow is longer than fieldLen of a cell, lengths
// grow with |∇f|, and huge or non-finite gradients neither break the
// field nor cover the figure.
func TestFieldLengths(t *testing.T) {
	pn := panel{rect: vg.Rectangle{Max: vg.Point{X: 400, Y: 300}}, x0: -4, x1: 4, y0: -3, y1: 3}
	fg := newFieldGrid(pn.rect, 1)
	for _, tc := range []struct {
		name string
		g    func(x, y float64) (float64, float64)
	}{
		{"sphere", sphereGrad},
		{"steep", func(x, y float64) (float64, float64) { return 1e150 * x * math.Abs(x), 1e150 * y }},
		{"holes", func(x, y float64) (float64, float64) {
			if x > 0 {
				return math.NaN(), math.Inf(1)
			}
			return 2 * x, 2 * y
		}},
	} {
		arrows := fg.arrows(pn, &Scene{Dims: 2, Grad: tc.g})
		if len(arrows) == 0 {
			t.Fatalf("%s: no arrows", tc.name)
		}
		lmax := fieldLen * float64(min(fg.cw, fg.ch))
		for _, a := range arrows {
			if l := math.Hypot(float64(a.tip.X-a.tail.X), float64(a.tip.Y-a.tail.Y)); l > lmax*(1+1e-9) || !finite(l) {
				t.Errorf("%s: arrow of length %g, at most %g", tc.name, l, lmax)
			}
		}
	}
	arrows := fg.arrows(pn, &Scene{Dims: 2, Grad: sphereGrad})
	length := func(a fieldArrow) float64 { return math.Hypot(float64(a.tip.X-a.tail.X), float64(a.tip.Y-a.tail.Y)) }
	near, far := 0.0, math.Inf(1) // longest within 1 of the minimum, shortest beyond 3
	for _, a := range arrows {
		x, y := pn.data(fg.node(a.i, a.j))
		switch r := math.Hypot(x, y); {
		case r < 1:
			near = math.Max(near, length(a))
		case r > 3:
			far = math.Min(far, length(a))
		}
	}
	if !(near > 0 && near < far) {
		t.Errorf("the longest arrow near the minimum (%g) is not shorter than the shortest far from it (%g)", near, far)
	}
}
