package plotting

import (
	"fmt"
	"image"
	"math"

	"gonum.org/v1/gonum/spatial/r3"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// Camera is the viewpoint of the surface view (ViewSurface): an orthographic
// view of the scene's box, looking at its centre. The zero Camera is
// DefaultCamera. An app turning the surface with the mouse keeps one Camera
// and replaces it with Turned and Zoomed per drag or scroll event.
type Camera struct {
	// Azimuth is the direction the camera looks from, in degrees, counter-
	// clockwise about the f axis from the x axis, as in Matplotlib (−60: the
	// x axis runs left to right along the front, the y axis into the
	// picture). It wraps to [−180, 180).
	Azimuth float64
	// Elevation is the camera's angle above the x–y plane in degrees
	// (90 looks straight down, negative values from below), clamped to
	// [−90, 90].
	Elevation float64
	// Zoom magnifies the picture: 1 (or 0) fits the whole box in the
	// panel; it is clamped to [0.25, 8].
	Zoom float64
}

// Limits and defaults of the camera.
const (
	defaultAzimuth   = -60
	defaultElevation = 30
	minZoom, maxZoom = 0.25, 8
)

// DefaultCamera is Matplotlib's default 3-D view: azimuth −60°, elevation
// 30°, zoom 1. It is what the zero Camera means.
func DefaultCamera() Camera {
	return Camera{Azimuth: defaultAzimuth, Elevation: defaultElevation, Zoom: 1}
}

// Turned returns the camera turned by dAzimuth and dElevation degrees
// (elevation clamped, azimuth wrapped). For a drag of dx, dy pixels (y
// down) over a panel w pixels wide, Turned(-180*dx/w, 180*dy/w) turns the
// surface with the pointer, as Matplotlib does.
func (c Camera) Turned(dAzimuth, dElevation float64) Camera {
	c = c.normalized()
	c.Azimuth += dAzimuth
	c.Elevation += dElevation
	return c.normalized()
}

// Zoomed returns the camera with its zoom multiplied by factor (clamped);
// e.g. Zoomed(math.Pow(1.1, wheelSteps)).
func (c Camera) Zoomed(factor float64) Camera {
	c = c.normalized()
	if factor > 0 && finite(factor) {
		c.Zoom *= factor
	}
	return c.normalized()
}

// normalized returns the camera with defaults and limits applied.
func (c Camera) normalized() Camera {
	if c == (Camera{}) {
		return DefaultCamera()
	}
	if !finite(c.Azimuth) {
		c.Azimuth = defaultAzimuth
	}
	if !finite(c.Elevation) {
		c.Elevation = defaultElevation
	}
	if !(c.Zoom > 0) || !finite(c.Zoom) {
		c.Zoom = 1
	}
	c.Azimuth = math.Mod(c.Azimuth+180, 360)
	if c.Azimuth < 0 {
		c.Azimuth += 360
	}
	c.Azimuth -= 180
	c.Elevation = clamp(c.Elevation, -90, 90)
	c.Zoom = clamp(c.Zoom, minZoom, maxZoom)
	return c
}

// isSurface reports whether v draws the surface panel.
func isSurface(v View) bool { return v == ViewSurface || v == ViewSurfaceLoss }

// surfaceFallback returns the options with the surface views of a
// one-dimensional scene replaced by the curve views: f(x) has no surface,
// and its curve is the figure that shows the same thing.
func surfaceFallback(o Options, s *Scene) Options {
	if s == nil || s.dims() != 1 {
		return o
	}
	switch o.View {
	case ViewSurface:
		o.View = ViewCurve
	case ViewSurfaceLoss:
		o.View = ViewBoth
	}
	return o
}

// surfaceCacheSize is the number of surface panels (and of meshes) a
// Renderer keeps: turning the camera makes a new panel per frame, so only
// the last few are worth keeping.
const surfaceCacheSize = 4

// surfaceMeshN is the number of mesh nodes per axis of the surface.
const surfaceMeshN = 120

// surfaceFrame is a rendered surface panel without runs: the image with its
// depth buffer, and the projection and mesh it was drawn with.
type surfaceFrame struct {
	zi   *zimage
	pr   projector
	mesh *surfaceMesh
}

// renderSurface draws the surface panel into img (bounds at 0,0): the cached
// surface, then the runs depth-tested against its z-buffer.
func (r *Renderer) renderSurface(img *image.RGBA, s *Scene, o Options, legend bool) {
	fr := r.surface(s, viewBox(s), img.Rect.Dx(), img.Rect.Dy(), o)
	w := 4 * img.Rect.Dx()
	src := fr.zi.img
	for y := 0; y < img.Rect.Dy(); y++ {
		copy(img.Pix[y*img.Stride:y*img.Stride+w], src.Pix[y*src.Stride:y*src.Stride+w])
	}
	zi := &zimage{img: img, z: fr.zi.z, w: fr.zi.w, h: fr.zi.h}
	drawSurfaceRuns(zi, fr, s, o, legend)
}

// surface returns the cached surface panel of the scene at w×h pixels,
// building it (and the mesh, cached separately per function and box, so
// turning the camera does not sample f again) when absent. Scenes without a
// Key are never cached.
func (r *Renderer) surface(s *Scene, box Box, w, h int, o Options) *surfaceFrame {
	if s.Key == "" {
		return buildSurface(s, newSurfaceMesh(s, box, surfaceMeshN), w, h, o)
	}
	return r.surfaces.get(surfaceKey(s, box, w, h, o), func() *surfaceFrame {
		mesh := r.meshes.get(fmt.Sprintf("%q|%v|%d", s.Key, box, surfaceMeshN), func() *surfaceMesh {
			return newSurfaceMesh(s, box, surfaceMeshN)
		})
		return buildSurface(s, mesh, w, h, o)
	})
}

// surfaceKey is the cache key of the surface panel.
func surfaceKey(s *Scene, box Box, w, h int, o Options) string {
	return fmt.Sprintf("%q|%v|%dx%d|%g|%g|%s|%v|%v|%q", s.Key, box, w, h, o.DPI, o.Scale,
		themeKey(o), o.Camera.normalized(), s.Minima, o.labels().LogScale)
}

// buildSurface renders the runs-free surface panel: background, the back
// panes of the axes box, the lit surface with its contour lines, the axes
// and the known minima.
func buildSurface(s *Scene, mesh *surfaceMesh, w, h int, o Options) *surfaceFrame {
	th := mainTheme(o, 2)
	zi := newZImage(w, h, th.bg)
	pr := newProjector(o.Camera, w, h, o)
	sc := surfCanvas{c: fullCanvas(zi.img, o.DPI), hpx: h, dpi: o.DPI}
	ax := newSurfaceAxes(mesh, o.labels())
	ax.names = s.axisNames()
	ax.drawPanes(sc, pr, th)
	zi.drawMesh(mesh.screenVertices(pr), mesh.n, contourStyleOf(th, o.DPI))
	ax.drawAxes(sc, pr, th)
	fr := &surfaceFrame{zi: zi, pr: pr, mesh: mesh}
	drawSurfaceMinima(sc, fr, s, th)
	return fr
}

// fullCanvas is a raster canvas over the whole of img.
func fullCanvas(img *image.RGBA, dpi float64) vgdraw.Canvas {
	w, h := canvasSize(img.Rect.Dx(), img.Rect.Dy(), dpi)
	return vgdraw.Canvas{Canvas: newRasterCanvas(img, dpi), Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
}

// surfCanvas is a vg canvas over a surface panel of hpx pixels height,
// addressed in the panel's pixel coordinates (y down), for the parts drawn
// with gonum/plot (axes, text, flat markers) on raster and vector outputs.
type surfCanvas struct {
	c   vgdraw.Canvas
	hpx int
	dpi float64
}

// pt returns the canvas point of pixel position (x, y).
func (sc surfCanvas) pt(x, y float64) vg.Point {
	p := fromPixel(x, y, sc.hpx, sc.dpi)
	return vg.Point{X: sc.c.Min.X + p.X, Y: sc.c.Min.Y + p.Y}
}

// ptOf returns the canvas point of the world point v.
func (sc surfCanvas) ptOf(pr projector, v r3.Vec) vg.Point {
	x, y, _ := pr.project(v)
	return sc.pt(x, y)
}

// surfaceDataAt is DataAt for the surface panel of size w×h: the data
// point (x, y) of the surface under the pixel (x, y) of the panel.
func (r *Renderer) surfaceDataAt(s *Scene, o Options, w, h int, x, y int) (float64, float64, bool) {
	box := viewBox(s)
	fr := r.surface(s, box, w, h, o)
	if x < 0 || y < 0 || x >= fr.zi.w || y >= fr.zi.h {
		return 0, 0, false
	}
	d := fr.zi.z[y*fr.zi.w+x]
	if math.IsInf(float64(d), -1) {
		return 0, 0, false
	}
	v := fr.pr.unproject(float64(x)+0.5, float64(y)+0.5, float64(d))
	dx, dy := fr.mesh.data(v)
	dx = clamp(dx, box.XMin, box.XMax)
	dy = clamp(dy, box.YMin, box.YMax)
	if !finite(dx) || !finite(dy) {
		return 0, 0, false
	}
	return dx, dy, true
}
