package plotting

import (
	"errors"
	"fmt"
	"image"

	vgdraw "gonum.org/v1/plot/vg/draw"
)

// cacheSize is the number of backgrounds a Renderer keeps.
const cacheSize = 12

// Renderer draws scenes into images. It caches the expensive background of
// the contour and curve views (heat map, contour lines, axes) per function
// key, view, box, pixel size, DPI and scale, and draws only the runs over a
// copy of it per frame. A Renderer is safe for concurrent use.
type Renderer struct {
	backgrounds onceCache[background]
	loss        onceCache[lossFrame]
	surfaces    onceCache[surfaceFrame] // surface panels per camera (surface.go)
	meshes      onceCache[surfaceMesh]  // surface meshes per function and box
	rates       onceCache[rateFrame]    // rate panels without their curves (rate.go)
}

// background is a rendered contour or curve panel without runs.
type background struct {
	img *image.RGBA
	pn  panel
	// With the gradient field (Options.Field) img has its arrows, plain is
	// the same background without them and field their grid (see
	// clearField); both nil otherwise.
	plain *image.RGBA
	field *fieldGrid
}

// NewRenderer returns a Renderer with an empty cache.
func NewRenderer() *Renderer {
	return &Renderer{
		backgrounds: onceCache[background]{size: cacheSize},
		loss:        onceCache[lossFrame]{size: lossCacheSize},
		surfaces:    onceCache[surfaceFrame]{size: surfaceCacheSize},
		meshes:      onceCache[surfaceMesh]{size: surfaceCacheSize},
		rates:       onceCache[rateFrame]{size: lossCacheSize},
	}
}

// Render draws the scene into dst and returns it. dst's size must be
// o.Width × o.Height (an error otherwise); if dst is nil a new image is
// allocated. Every pixel of dst is overwritten. Runs are drawn up to the
// scene's current step. Safe for concurrent use.
func (r *Renderer) Render(dst *image.RGBA, s *Scene, o Options) (*image.RGBA, error) {
	if s == nil {
		return nil, errors.New("plotting: nil scene")
	}
	o = o.normalized()
	if err := checkView(o.View); err != nil {
		return nil, err
	}
	if err := checkScene(s, o); err != nil {
		return nil, err
	}
	o = surfaceFallback(o, s)
	if dst == nil {
		dst = image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	} else if sz := dst.Bounds().Size(); sz.X != o.Width || sz.Y != o.Height {
		return nil, fmt.Errorf("plotting: destination is %dx%d, options ask for %dx%d", sz.X, sz.Y, o.Width, o.Height)
	}
	if o.View == ViewHError {
		renderHError(subRGBA(dst, image.Rect(0, 0, o.Width, o.Height)), s, o)
		return dst, nil
	}
	if isCoords(o.View) {
		r.renderCoords(dst, s, o)
		return dst, nil
	}
	if isData(o.View) {
		r.renderData(dst, s, o)
		return dst, nil
	}
	mainR, lossR := layout(o, s.dims())
	if !mainR.Empty() && isSurface(o.View) {
		r.renderSurface(subRGBA(dst, mainR), s, o, true)
	} else if !mainR.Empty() {
		r.renderMain(subRGBA(dst, mainR), s, o, true)
	}
	lossR, rateR := splitRate(lossR, s, o)
	if !lossR.Empty() {
		pn := r.renderLoss(subRGBA(dst, lossR), s, o, mainR.Empty())
		if !rateR.Empty() {
			r.renderRate(subRGBA(dst, rateR), s, o, pn.rect.Min.X, pn.rect.Max.X)
		}
	}
	return dst, nil
}

// checkView rejects unknown views.
func checkView(v View) error {
	switch v {
	case ViewContour, ViewLoss, ViewBoth, ViewCurve, ViewHError, ViewSurface, ViewSurfaceLoss, ViewCoords, ViewCoordsLoss,
		ViewData, ViewDataBoth:
		return nil
	}
	return fmt.Errorf("unknown view %q: use contour, loss, both, curve, h-error, surface, surface+loss, coords, coords+loss, data or data+both", string(v))
}

// layout splits the image between the main (contour or curve) panel and the
// loss panel: side by side when wider than tall, stacked otherwise. An absent
// panel gets an empty rectangle (both, for the h-error view).
func layout(o Options, dims int) (mainR, lossR image.Rectangle) {
	all := image.Rect(0, 0, o.Width, o.Height)
	switch o.View {
	case ViewHError:
		return image.Rectangle{}, image.Rectangle{}
	case ViewLoss:
		return image.Rectangle{}, all
	case ViewContour, ViewCurve, ViewSurface:
		return all, image.Rectangle{}
	}
	if o.Width >= o.Height {
		m := o.Width / 2
		return image.Rect(0, 0, m, o.Height), image.Rect(m, 0, o.Width, o.Height)
	}
	m := o.Height / 2
	return image.Rect(0, 0, o.Width, m), image.Rect(0, m, o.Width, o.Height)
}

// subRGBA returns the part r of img as an image whose bounds start at 0,0,
// sharing img's pixels (the rasterizer expects a zero origin).
func subRGBA(img *image.RGBA, r image.Rectangle) *image.RGBA {
	r = r.Add(img.Rect.Min)
	return &image.RGBA{
		Pix:    img.Pix[img.PixOffset(r.Min.X, r.Min.Y):],
		Stride: img.Stride,
		Rect:   image.Rect(0, 0, r.Dx(), r.Dy()),
	}
}

// viewBox returns the box shown for s.
func viewBox(s *Scene) Box {
	if s.Box != nil && s.Box.valid(s.dims()) {
		b := *s.Box
		if s.dims() == 1 {
			b.YMin, b.YMax = -1, 1
		}
		return b
	}
	return AutoBox(s)
}

// renderMain draws the contour (or curve) panel into img: the background
// from the cache, then the runs.
func (r *Renderer) renderMain(img *image.RGBA, s *Scene, o Options, legend bool) {
	bg := r.background(s, viewBox(s), img.Rect.Dx(), img.Rect.Dy(), o)
	w := 4 * img.Rect.Dx()
	for y := 0; y < img.Rect.Dy(); y++ {
		copy(img.Pix[y*img.Stride:y*img.Stride+w], bg.img.Pix[y*bg.img.Stride:y*bg.img.Stride+w])
	}
	if bg.field != nil {
		bg.clearField(img, s, o.DPI)
	}
	rc := newRasterCanvas(img, o.DPI)
	c := vgdraw.Canvas{Canvas: rc, Rectangle: bg.pn.rect}
	drawMainOverlay(c, bg.pn, s, o, legend)
}

// background returns the cached background for the scene and size, building
// it when absent. Scenes without a Key are never cached.
func (r *Renderer) background(s *Scene, box Box, w, h int, o Options) *background {
	if s.Key == "" {
		return buildBackground(s, box, w, h, o)
	}
	return r.backgrounds.get(bgKey(s, box, w, h, o), func() *background {
		return buildBackground(s, box, w, h, o)
	})
}

// bgKey is the cache key of the background of s in box at w×h pixels.
func bgKey(s *Scene, box Box, w, h int, o Options) string {
	return fmt.Sprintf("%q|%d|%v|%dx%d|%g|%g|%s|%v|%t|field=%t", s.Key, s.dims(), box, w, h, o.DPI, o.Scale, themeKey(o), s.Minima, o.FreeAspect, fieldOn(s, o))
}

// cachedBackground returns the background of the scene and size if it is
// cached and built, nil otherwise; it never builds one.
func (r *Renderer) cachedBackground(s *Scene, box Box, w, h int, o Options) *background {
	if s.Key == "" {
		return nil
	}
	return r.backgrounds.peek(bgKey(s, box, w, h, o))
}

// buildBackground renders the runs-free main panel.
func buildBackground(s *Scene, box Box, w, h int, o Options) *background {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	rc := newRasterCanvas(img, o.DPI)
	mf := newMainFig(s, box)
	th := mainTheme(o, s.dims())
	bg := &background{img: img, pn: mf.drawRaster(img, vgdraw.New(rc), o, th)}
	if fieldOn(s, o) {
		bg.addField(s, mf, o, th)
	}
	return bg
}

// newLossFig prepares the loss view of s.
func newLossFig(s *Scene, o Options, legend bool) *lossFig {
	runs := lossRuns(s)
	return &lossFig{s: s, o: o, runs: runs, ax: newLossAxis(s, runs, o.LogLoss, o.labels()), legend: legend}
}
