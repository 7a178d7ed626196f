package plotting

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/gif"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/recorder"
)

// ridge is a wall of height 10 along the y axis (x = 0) on a flat floor.
func ridge(x, _ float64) float64 { return 10 * math.Exp(-x*x/0.08) }

// lineRun is a straight run of n points from (x0, y0) to (x1, y1) on f.
func lineRun(label string, f func(x, y float64) float64, x0, y0, x1, y1 float64, n int) Run {
	r := Run{Label: label, DivergedAt: -1}
	for i := range n {
		t := float64(i) / float64(n-1)
		x, y := x0+(x1-x0)*t, y0+(y1-y0)*t
		r.X, r.Y, r.F = append(r.X, x), append(r.Y, y), append(r.F, f(x, y))
	}
	return r
}

// ridgeScene has one run in front of the ridge and one behind it, as seen
// from the +x side.
func ridgeScene() *Scene {
	return &Scene{
		Key: "ridge", F: ridge, Dims: 2, Box: &Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2},
		Runs: []Run{
			lineRun("front", ridge, 1.5, -1.2, 1.5, 1.2, 50),
			lineRun("behind", ridge, -1.5, -1.2, -1.5, 1.2, 50),
		},
		Current: -1,
	}
}

// projected returns the pixel of data point (x, y, f) in the surface panel
// of s drawn with o (the panel at the origin of the image).
func projected(t *testing.T, r *Renderer, s *Scene, o Options, x, y, f float64) (float64, float64, float64) {
	t.Helper()
	o = o.normalized()
	fr := r.surface(s, viewBox(s), o.Width, o.Height, o)
	return fr.pr.project(fr.mesh.world(x, y, f))
}

// A path in front of the ridge is drawn, the same path behind it is hidden
// (from the +x side, low), and both show when seen from above.
func TestSurfaceDepth(t *testing.T) {
	for _, tc := range []struct {
		name              string
		cam               Camera
		frontOK, behindOK bool
	}{
		{"from +x, low", Camera{Azimuth: 0, Elevation: 12, Zoom: 1}, true, false},
		{"from -x, low", Camera{Azimuth: 180, Elevation: 12, Zoom: 1}, false, true},
		{"from above", Camera{Azimuth: 0, Elevation: 89, Zoom: 1}, true, true},
	} {
		r := NewRenderer()
		s := ridgeScene()
		o := Options{View: ViewSurface, Width: 480, Height: 400, Camera: tc.cam}
		img, err := r.Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		th := themeOf(o.normalized())
		for i, want := range []bool{tc.frontOK, tc.behindOK} {
			run := s.Runs[i]
			col := th.runColor(i)
			// Points a quarter and three quarters along the run (clear of
			// the start ring and the ball).
			for _, k := range []int{12, 37} {
				x, y, _ := projected(t, r, s, o, run.X[k], run.Y[k], run.F[k])
				got := nearColor(img, x, y, 1, 40, col)
				if got != want {
					t.Errorf("%s: run %q point %d at pixel (%.0f, %.0f): drawn %v, want %v", tc.name, run.Label, k, x, y, got, want)
				}
			}
		}
	}
}

// DataAt at the pixel where a known surface point is drawn gives back its
// (x, y) within a mesh cell, from several cameras; off the surface it is
// not ok.
func TestSurfaceDataAtRoundTrip(t *testing.T) {
	s := himmelScene()
	box := *s.Box
	cell := (box.XMax - box.XMin) / float64(surfaceMeshN-1)
	for _, cam := range []Camera{{}, {Azimuth: 30, Elevation: 60, Zoom: 1}, {Azimuth: -135, Elevation: 20, Zoom: 1.5}} {
		for _, view := range []View{ViewSurface, ViewSurfaceLoss} {
			r := NewRenderer()
			o := Options{View: view, Width: 800, Height: 400, Camera: cam}
			mainR, _ := layout(o.normalized(), 2)
			po := o
			po.Width, po.Height = mainR.Dx(), mainR.Dy()
			checked := 0
			var pts [][2]float64
			for _, x := range []float64{-3.7, -2.1, -0.3, 1.3, 2.9} {
				for _, y := range []float64{-3.3, -1.1, 0.6, 2.4, 3.9} {
					pts = append(pts, [2]float64{x, y})
				}
			}
			for _, p := range pts {
				x, y, z := projected(t, r, s, po, p[0], p[1], himmel(p[0], p[1]))
				px := image.Pt(int(math.Floor(x)), int(math.Floor(y)))
				fr := r.surface(s, box, po.Width, po.Height, po.normalized())
				if !px.In(image.Rect(0, 0, po.Width, po.Height)) || math.Abs(float64(fr.zi.z[px.Y*po.Width+px.X])-z) > 0.01 {
					continue // hidden behind another part of the surface
				}
				checked++
				gx, gy, ok := r.DataAt(s, o, px)
				// A pixel spans up to about one data unit / scale; steep
				// faces stretch it, hence the extra cell.
				tol := 2*cell + 2*(box.XMax-box.XMin)/fr.pr.scale
				if !ok || math.Abs(gx-p[0]) > tol || math.Abs(gy-p[1]) > tol {
					t.Errorf("camera %v %s: DataAt(%v) = %g, %g, %v; want %g, %g ± %g", cam, view, px, gx, gy, ok, p[0], p[1], tol)
				}
			}
			if checked < 8 {
				t.Errorf("camera %v %s: only %d points visible", cam, view, checked)
			}
			for _, px := range []image.Point{{2, 2}, {mainR.Max.X - 3, 3}} {
				if x, y, ok := r.DataAt(s, o, px); ok {
					t.Errorf("camera %v %s: DataAt(%v) off the surface = %g, %g, ok", cam, view, px, x, y)
				}
			}
			if view == ViewSurfaceLoss {
				if _, _, ok := r.DataAt(s, o, image.Pt(mainR.Max.X+50, 200)); ok {
					t.Errorf("camera %v: DataAt on the loss panel is ok", cam)
				}
			}
		}
	}
}

// Where f is not finite the surface has a hole: nothing is drawn there (the
// floor shows through), DataAt is not ok, and the rest is drawn.
func TestSurfaceHoles(t *testing.T) {
	f := func(x, y float64) float64 {
		switch {
		case x*x+y*y < 1:
			return math.NaN()
		case x > 1.5 && y > 1.5:
			return math.Inf(1)
		}
		return x*x + y*y
	}
	s := &Scene{Key: "holes", F: f, Dims: 2, Box: &Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, Current: -1}
	r := NewRenderer()
	o := Options{View: ViewSurface, Width: 400, Height: 400, Camera: Camera{Azimuth: -90, Elevation: 90, Zoom: 1}}
	img, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	pane := paneColor(themeOf(o.normalized()))
	for _, p := range [][3]float64{{0.3, -0.45, 1}, {0.55, 0.3, 1}, {1.8, 1.7, 1}, {-1.6, 0, 0}, {0, -1.6, 0}} {
		x, y, _ := projected(t, r, s, o, p[0], p[1], 0)
		hole := p[2] == 1
		_, _, ok := r.DataAt(s, o, image.Pt(int(x), int(y)))
		if ok == hole {
			t.Errorf("(%g, %g): DataAt ok = %v, want %v", p[0], p[1], ok, !hole)
		}
		if c := img.RGBAAt(int(x), int(y)); hole && colorDist(c, pane) > 12 {
			t.Errorf("(%g, %g): hole drawn as %v, want the floor %v", p[0], p[1], c, pane)
		}
	}
}

// A run that diverges is cut at the edge of the box, with a marker there;
// the box and the f axis do not change.
func TestSurfaceDiverging(t *testing.T) {
	s := himmelScene()
	s.Runs = []Run{lineRun("exploding", himmel, 0, 0, 400, 300, 60)}
	s.Runs[0].DivergedAt = 59
	calm := himmelScene()
	calm.Runs = calm.Runs[:1]
	r := NewRenderer()
	o := Options{View: ViewSurface, Width: 480, Height: 400}.normalized()
	img, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	fr := r.surface(s, *s.Box, o.Width, o.Height, o)
	calmFr := NewRenderer().surface(calm, *calm.Box, o.Width, o.Height, o)
	if calmFr.pr.scale != fr.pr.scale || calmFr.mesh.g.hi != fr.mesh.g.hi || calmFr.mesh.g.lo != fr.mesh.g.lo {
		t.Errorf("the box or the f range depends on the runs: scale %g vs %g, f up to %g vs %g",
			calmFr.pr.scale, fr.pr.scale, calmFr.mesh.g.hi, fr.mesh.g.hi)
	}
	sp := newSurfPath(fr, s, positionRuns(s)[0], s.Runs[0].DivergedAt)
	if len(sp.exits) != 1 {
		t.Fatalf("%d exits, want 1", len(sp.exits))
	}
	if sp.cur != nil {
		t.Errorf("current point outside the box drawn at %+v", *sp.cur)
	}
	// Every drawn point is inside the projected box.
	for _, pc := range sp.pieces {
		for _, p := range pc {
			w := fr.pr.unproject(p.x, p.y, p.z)
			if math.Abs(w.X) > 0.5+1e-3 || math.Abs(w.Y) > 0.5+1e-3 || math.Abs(w.Z) > zHalf+1e-3 {
				t.Errorf("path point %+v (world %+v) outside the box", p, w)
			}
		}
	}
	e := sp.exits[0]
	col := themeOf(o).runColor(0)
	if !nearColor(img, e.x, e.y, 2, 40, col) {
		t.Errorf("no exit marker at (%.0f, %.0f)", e.x, e.y)
	}
}

// The surface, surface+loss, dark and high-contrast renders work at several
// sizes and DPIs; a one-dimensional scene falls back to the curve views.
func TestSurfaceViews(t *testing.T) {
	r := NewRenderer()
	for _, tc := range []struct {
		s *Scene
		o Options
	}{
		{himmelScene(), Options{View: ViewSurface, Width: 640, Height: 480}},
		{himmelScene(), Options{View: ViewSurfaceLoss, Width: 1280, Height: 800, Dark: true, Gradient: true, Velocity: true}},
		{rosenScene(), Options{View: ViewSurfaceLoss, Width: 500, Height: 900, DPI: 192, HighContrast: true}},
		{rosenScene(), Options{View: ViewSurface, Width: 401, Height: 301, Dark: true, HighContrast: true, Scale: 2, Camera: Camera{Azimuth: 45, Elevation: -30, Zoom: 3}}},
		{sphereScene(Box{XMin: -1, XMax: 3, YMin: -2, YMax: 2}), Options{View: ViewSurface, Width: 64, Height: 48}},
		{&Scene{Dims: 2}, Options{View: ViewSurface, Width: 300, Height: 200}},
		{&Scene{F: func(x, y float64) float64 { return 3 }, Dims: 2, Box: &Box{XMin: 0, XMax: 1, YMin: 0, YMax: 1}}, Options{View: ViewSurface, Width: 300, Height: 200}},
	} {
		img, err := r.Render(nil, tc.s, tc.o)
		if err != nil {
			t.Fatalf("%s %+v: %v", tc.o.View, tc.o.Camera, err)
		}
		if img.Bounds().Dx() != tc.o.Width || img.Bounds().Dy() != tc.o.Height {
			t.Errorf("%s: size %v", tc.o.View, img.Bounds())
		}
	}
	for _, v := range [][2]View{{ViewSurface, ViewCurve}, {ViewSurfaceLoss, ViewBoth}} {
		o := Options{View: v[0], Width: 480, Height: 320}
		got, err := NewRenderer().Render(nil, curveScene(), o)
		if err != nil {
			t.Fatal(err)
		}
		o.View = v[1]
		want, _ := NewRenderer().Render(nil, curveScene(), o)
		if !bytes.Equal(got.Pix, want.Pix) {
			t.Errorf("1-D %s differs from %s", v[0], v[1])
		}
	}
}

// A playback frame over the cached surface is the same picture as a full
// render, and playing does not add surfaces to the cache.
func TestSurfaceCachedFrame(t *testing.T) {
	r := NewRenderer()
	s := himmelScene()
	o := Options{View: ViewSurface, Width: 480, Height: 400, Gradient: true, Velocity: true}
	dst := image.NewRGBA(image.Rect(0, 0, 480, 400))
	for k := range 30 {
		s.Current = k
		if _, err := r.Render(dst, s, o); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.surfaces.len(); n != 1 {
		t.Errorf("%d cached surfaces after playing, want 1", n)
	}
	if n := r.meshes.len(); n != 1 {
		t.Errorf("%d cached meshes, want 1", n)
	}
	fresh, _ := NewRenderer().Render(nil, s, o)
	if !bytes.Equal(fresh.Pix, dst.Pix) {
		t.Error("cached frame differs from a fresh render")
	}
	// A new camera reuses the mesh.
	o.Camera = Camera{Azimuth: 10, Elevation: 40, Zoom: 1}
	r.Render(dst, s, o)
	if r.meshes.len() != 1 || r.surfaces.len() != 2 {
		t.Errorf("after turning: %d meshes, %d surfaces; want 1, 2", r.meshes.len(), r.surfaces.len())
	}
}

func TestCamera(t *testing.T) {
	for _, tc := range []struct{ in, want Camera }{
		{Camera{}, Camera{-60, 30, 1}},
		{Camera{Azimuth: 0, Elevation: 0, Zoom: 1}, Camera{0, 0, 1}},
		{Camera{Azimuth: 190, Elevation: 100, Zoom: 100}, Camera{-170, 90, maxZoom}},
		{Camera{Azimuth: -540, Elevation: -95, Zoom: -1}, Camera{-180, -90, 1}},
		{Camera{Azimuth: math.NaN(), Elevation: math.Inf(1), Zoom: 0.01}, Camera{-60, 30, minZoom}},
	} {
		if got := tc.in.normalized(); math.Abs(got.Azimuth-tc.want.Azimuth) > 1e-9 || got.Elevation != tc.want.Elevation || got.Zoom != tc.want.Zoom {
			t.Errorf("%+v normalized = %+v, want %+v", tc.in, got, tc.want)
		}
	}
	c := Camera{}.Turned(-90, 70)
	if c.Azimuth != -150 || c.Elevation != 90 || c.Zoom != 1 {
		t.Errorf("Turned: %+v", c)
	}
	if z := (Camera{}).Zoomed(2).Zoomed(0).Zoomed(math.NaN()); z.Zoom != 2 {
		t.Errorf("Zoomed: %+v", z)
	}
}

// A function spanning many orders of magnitude gets compressed heights,
// and the f axis says so (in the words of Labels).
func TestSurfaceLogHeights(t *testing.T) {
	ex := func(x, y float64) float64 { return math.Exp(x*x + y*y) }
	s := &Scene{Key: "exp", F: ex, Dims: 2, Box: &Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}}
	m := newSurfaceMesh(s, *s.Box, 60)
	if !m.logZ {
		t.Fatal("exp(x²+y²) over [-3,3]²: linear heights")
	}
	if ax := newSurfaceAxes(m, Options{Labels: &Labels{LogScale: "log. Skala"}}.labels()); ax.fLabel != "f (log. Skala)" || len(ax.ft) < 3 {
		t.Errorf("f axis %q, ticks %+v", ax.fLabel, ax.ft)
	}
	if m := newSurfaceMesh(himmelScene(), Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}, 60); m.logZ {
		t.Error("Himmelblau: compressed heights")
	}
	for _, f := range []float64{1, 10, 1e3, 1e6} {
		if got := m.fAt(m.unit(f)); math.Abs(got-f) > 1e-9*f {
			t.Errorf("fAt(unit(%g)) = %g", f, got)
		}
	}
}

// The SVG and PDF of the surface are vector: the faces are paths, drawn
// from the farthest to the nearest.
func TestSurfaceVector(t *testing.T) {
	s := himmelScene()
	o := Options{View: ViewSurface, Width: 480, Height: 400}.normalized()
	mesh := newSurfaceMesh(s, *s.Box, surfaceVectorN)
	pr := newProjector(o.Camera, o.Width, o.Height, o)
	prims := surfaceFaces(mesh, pr, themeOf(o))
	faces := 0
	for _, p := range prims {
		if p.face {
			faces++
		}
	}
	if want := 2 * (surfaceVectorN - 1) * (surfaceVectorN - 1); faces != want {
		t.Fatalf("%d faces, want %d", faces, want)
	}
	sortPrims(prims)
	for i := 1; i < len(prims); i++ {
		if prims[i].depth < prims[i-1].depth {
			t.Fatalf("face %d (depth %g) drawn after a nearer one (%g)", i, prims[i].depth, prims[i-1].depth)
		}
	}
	for _, view := range []View{ViewSurface, ViewSurfaceLoss} {
		o.View = view
		var svg bytes.Buffer
		if err := Write(&svg, ".svg", s, o, Animation{}); err != nil {
			t.Fatal(err)
		}
		if n := strings.Count(svg.String(), "<path"); n < faces {
			t.Errorf("%s: SVG has %d paths, want at least the %d faces", view, n, faces)
		}
		if strings.Contains(svg.String(), "<image") {
			t.Errorf("%s: SVG embeds an image", view)
		}
		var pdf bytes.Buffer
		if err := Write(&pdf, ".pdf", s, o, Animation{}); err != nil || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) {
			t.Errorf("%s: PDF: %v", view, err)
		}
	}
}

// The nearest face of the SVG is painted last: in a view from +x of the
// ridge, the front slope's faces come after the floor behind the ridge.
func TestSurfaceVectorOrder(t *testing.T) {
	s := ridgeScene()
	o := Options{View: ViewSurface, Width: 400, Height: 300, Camera: Camera{Azimuth: 0, Elevation: 12, Zoom: 1}}.normalized()
	mesh := newSurfaceMesh(s, *s.Box, surfaceVectorN)
	pr := newProjector(o.Camera, o.Width, o.Height, o)
	var prims []vprim
	for _, p := range surfaceFaces(mesh, pr, themeOf(o)) {
		if p.face {
			prims = append(prims, p)
		}
	}
	sortPrims(prims)
	first, last := prims[0].depth, prims[len(prims)-1].depth
	// World x = -0.5 is the far edge, +0.5 the near one.
	if first > -0.4 || last < 0.4 {
		t.Errorf("depths run from %g to %g, want the far edge first and the near edge last", first, last)
	}
}

func TestSurfaceGIF(t *testing.T) {
	var buf bytes.Buffer
	o := Options{View: ViewSurfaceLoss, Width: 320, Height: 200}
	if err := Write(&buf, ".gif", himmelScene(), o, Animation{FPS: 5, Duration: 1e9}); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil || len(g.Image) < 4 {
		t.Fatalf("GIF: %v, %d frames", err, len(g.Image))
	}
}

// Golden images of the surface from three cameras (see TestGolden; go test
// -update rewrites them).
func TestSurfaceGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *Scene
		o    Options
	}{
		{"surface_default", himmelScene(), Options{View: ViewSurface, Width: 480, Height: 400, Gradient: true, Velocity: true}},
		{"surface_above", himmelScene(), Options{View: ViewSurface, Width: 480, Height: 400, Camera: Camera{Azimuth: 30, Elevation: 65, Zoom: 1}}},
		{"surface_low_dark", rosenScene(), Options{View: ViewSurface, Width: 480, Height: 400, Dark: true, HighContrast: true, Camera: Camera{Azimuth: -135, Elevation: 15, Zoom: 1}}},
	} {
		got, err := NewRenderer().Render(nil, tc.s, tc.o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		compareGolden(t, tc.name, got)
	}
}

// compareGolden compares img with testdata/name.png with TestGolden's
// tolerances, or rewrites it with -update.
func compareGolden(t *testing.T, name string, got *image.RGBA) {
	t.Helper()
	path := filepath.Join("testdata", name+".png")
	if *update {
		var buf bytes.Buffer
		if err := png.Encode(&buf, got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("%s: %v (run go test -update to create it)", name, err)
	}
	wantImg, err := png.Decode(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewRGBA(wantImg.Bounds())
	draw.Draw(want, want.Bounds(), wantImg, image.Point{}, draw.Src)
	if want.Bounds() != got.Bounds() {
		t.Fatalf("%s: size %v, golden %v", name, got.Bounds(), want.Bounds())
	}
	diff := 0
	for i := 0; i < len(got.Pix); i += 4 {
		for c := range 4 {
			if d := int(got.Pix[i+c]) - int(want.Pix[i+c]); d > pixelTol || -d > pixelTol {
				diff++
				break
			}
		}
	}
	if frac := float64(diff) / float64(len(got.Pix)/4); frac > maxDiffFrac {
		t.Errorf("%s: %d pixels (%.3f%%) differ from %s", name, diff, 100*frac, path)
		if out := os.Getenv("GOLDEN_OUT"); out != "" {
			var buf bytes.Buffer
			png.Encode(&buf, got)
			os.WriteFile(filepath.Join(out, name+".png"), buf.Bytes(), 0o644)
		}
	}
}

// The faces reach the vector canvas (what the SVG and PDF writers draw)
// from the farthest to the nearest: every filled triangle is matched to its
// mesh face by its corners, and their depths never decrease.
func TestSurfaceVectorCanvasOrder(t *testing.T) {
	for _, cam := range []Camera{{}, {Azimuth: 0, Elevation: 12, Zoom: 1}, {Azimuth: 135, Elevation: -20, Zoom: 1}} {
		s := ridgeScene()
		o := Options{View: ViewSurface, Width: 400, Height: 300, Camera: cam}.normalized()
		rec := &recorder.Canvas{}
		w, h := canvasSize(o.Width, o.Height, o.DPI)
		c := vgdraw.Canvas{Canvas: rec, Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
		writeSurfaceVector(c, image.Rect(0, 0, o.Width, o.Height), s, o)
		mesh := newSurfaceMesh(s, *s.Box, surfaceVectorN)
		pr := newProjector(o.Camera, o.Width, o.Height, o)
		sc := surfCanvas{c: c, hpx: o.Height, dpi: o.DPI}
		key := func(ps ...vg.Point) string {
			return fmt.Sprintf("%.3f", ps)
		}
		vs := mesh.screenVertices(pr)
		depth := map[string]float64{}
		n := mesh.n
		for j := 0; j+1 < n; j++ {
			for i := 0; i+1 < n; i++ {
				for _, tri := range [2][3]int{{j*n + i, j*n + i + 1, (j+1)*n + i + 1}, {j*n + i, (j+1)*n + i + 1, (j+1)*n + i}} {
					var ps []vg.Point
					var d float64
					for _, k := range tri {
						ps = append(ps, sc.pt(float64(vs[k].x), float64(vs[k].y)))
						d += float64(vs[k].z) / 3
					}
					depth[key(ps...)] = d
				}
			}
		}
		matched, last := 0, math.Inf(-1)
		for _, a := range rec.Actions {
			f, ok := a.(*recorder.Fill)
			if !ok || len(f.Path) != 4 {
				continue
			}
			d, ok := depth[key(f.Path[0].Pos, f.Path[1].Pos, f.Path[2].Pos)]
			if !ok {
				continue
			}
			matched++
			if d < last-1e-6 {
				t.Fatalf("camera %v: face at depth %g filled after one at %g", cam, d, last)
			}
			last = d
		}
		if matched < len(depth)*99/100 {
			t.Errorf("camera %v: %d of %d faces found on the canvas", cam, matched, len(depth))
		}
	}
}
