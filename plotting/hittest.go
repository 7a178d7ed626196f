package plotting

import (
	"image"
	"math"
)

// DataAt maps the pixel px of an image rendered by Render with the same
// scene and options (origin top left, as in the image) to data coordinates
// in the contour panel, or in the curve panel of a one-dimensional scene,
// where x is the position under the pixel and y is f(x) (NaN where f is not
// defined). ok is false when the pixel is outside that panel's data area:
// on the loss panel, the axes, tick labels, margins or the empty bands beside
// an equal-aspect contour area (see Options.FreeAspect), or anywhere when the
// options have no such panel or are invalid.
//
// It uses the layout code of Render (the side-by-side or stacked split of
// ViewBoth, DPI and Scale) and, when the background of the scene is cached,
// that background's own transform; with an auto view (Scene.Box nil) the box
// depends on the runs, so pass the scene as last rendered. Pixel centres
// are mapped (px.X+0.5, px.Y+0.5). Safe for concurrent use with Render.
//
// In the surface views it returns the data point (x, y) of the surface
// drawn under the pixel (from the z-buffer of the surface panel, which it
// renders and caches when needed: pass the options rendered with, the
// Camera included); ok is false where no surface is drawn (the background,
// the panes, the axes, holes where f is not finite).
func (r *Renderer) DataAt(s *Scene, o Options, px image.Point) (x, y float64, ok bool) {
	if s == nil {
		return 0, 0, false
	}
	o = o.normalized()
	if checkView(o.View) != nil || isCoords(o.View) {
		return 0, 0, false
	}
	o = surfaceFallback(o, s)
	mainR, _ := layout(o, s.dims())
	if isData(o.View) { // the loss over the parameters, in the middle
		_, mainR, _ = dataLayout(o)
		o.FreeAspect = true
	}
	if !px.In(mainR) {
		return 0, 0, false
	}
	if isSurface(o.View) {
		return r.surfaceDataAt(s, o, mainR.Dx(), mainR.Dy(), px.X-mainR.Min.X, px.Y-mainR.Min.Y)
	}
	w, h := mainR.Dx(), mainR.Dy()
	pn := r.mainPanel(s, viewBox(s), w, h, o)
	p := fromPixel(float64(px.X-mainR.Min.X)+0.5, float64(px.Y-mainR.Min.Y)+0.5, h, o.DPI)
	if !pn.contains(p) {
		return 0, 0, false
	}
	x, y = pn.data(p)
	if s.dims() == 1 {
		y = s.eval(x, 0)
	}
	if math.IsNaN(x) {
		return 0, 0, false
	}
	return x, y, true
}

// mainPanel returns the data area of the main panel of size w×h: the cached
// background's when there is one (what Render drew with), otherwise laid out
// afresh exactly as buildBackground does, without sampling the heat map.
func (r *Renderer) mainPanel(s *Scene, box Box, w, h int, o Options) panel {
	if bg := r.cachedBackground(s, box, w, h, o); bg != nil {
		return bg.pn
	}
	mf := newMainFrame(s, box, false)
	p := mf.plot(mainTheme(o, s.dims()), false)
	return panelOf(p, mf.plotCanvas(p, w, h, o))
}
