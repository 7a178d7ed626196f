package plotting

import (
	"image"
	"image/draw"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// contourLevels is the number of contour lines.
const contourLevels = 14

// curveSamples is the number of samples of f(x) drawn by the curve view.
const curveSamples = 600

// mainFig is the expensive part of the contour or curve view: everything
// that depends only on the function, the box and the size.
type mainFig struct {
	dims   int
	box    Box
	minima [][2]float64
	g      *grid       // 2-D: the sampled heat map
	segs   [][]segment // 2-D: contour segments per level
	xs, ys []float64   // 1-D: samples of the curve
	y0, y1 float64     // 1-D: y range
	// field, when set, is drawn between the contour lines and the minimum
	// markers (the gradient field of a vector output; the raster
	// background draws it separately, see background.addField).
	field plot.Plotter
	names [2]string // the axes' names (Scene.AxisNames)
}

// newMainFig samples the scene's function over box.
func newMainFig(s *Scene, box Box) *mainFig { return newMainFrame(s, box, true) }

// newMainFrame is newMainFig; without withGrid the 2-D heat map and contour
// lines are left out (enough to lay out the axes: see mainPanel).
func newMainFrame(s *Scene, box Box, withGrid bool) *mainFig {
	mf := &mainFig{dims: s.dims(), box: box, minima: s.Minima, names: s.axisNames()}
	if mf.dims == 2 {
		if !withGrid {
			return mf
		}
		mf.g = sampleGrid(s, box, gridN)
		mf.segs = mf.g.contourSegments(mf.g.levels(contourLevels))
		return mf
	}
	mf.xs = make([]float64, curveSamples)
	mf.ys = make([]float64, curveSamples)
	for i := range mf.xs {
		x := box.XMin + (box.XMax-box.XMin)*float64(i)/float64(curveSamples-1)
		mf.xs[i], mf.ys[i] = x, s.eval(x, 0)
	}
	mf.y0, mf.y1 = robustRange(mf.ys)
	for _, m := range mf.minima {
		if m[0] >= box.XMin && m[0] <= box.XMax {
			v := s.eval(m[0], 0)
			if finite(v) && v < mf.y0 {
				mf.y0 = v - 0.05*(mf.y1-v)
			}
		}
	}
	return mf
}

// robustRange returns a padded y range of the finite values, ignoring far
// outliers (poles), and a unit range around a constant.
func robustRange(vs []float64) (float64, float64) {
	fin := make([]float64, 0, len(vs))
	for _, v := range vs {
		if finite(v) && math.Abs(v) < 1e300 {
			fin = append(fin, v)
		}
	}
	if len(fin) == 0 {
		return -1, 1
	}
	slices.Sort(fin)
	lo, hi := fin[0], fin[len(fin)-1]
	qlo, qhi := fin[len(fin)/50], fin[len(fin)-1-len(fin)/50]
	if w := qhi - qlo; w > 0 {
		if hi-qhi > 10*w {
			hi = qhi + w
		}
		if qlo-lo > 10*w {
			lo = qlo - w
		}
	}
	span := hi - lo
	if !(span > 1e-9*math.Max(1, math.Abs(lo))) {
		half := math.Max(1, 0.1*math.Abs(lo))
		return lo - half, lo + half
	}
	return lo - 0.06*span, hi + 0.06*span
}

// plot builds the gonum plot. When vector is set the heat map is added as
// an image plotter; raster backgrounds blit it directly (see drawRaster).
func (mf *mainFig) plot(th *theme, vector bool) *plot.Plot {
	if mf.dims == 1 {
		p := newPlot("x", "f(x)", th)
		p.X.Min, p.X.Max = mf.box.XMin, mf.box.XMax
		p.Y.Min, p.Y.Max = mf.y0, mf.y1
		p.Add(gridLines(th), curveLine{mf: mf, th: th}, minimaMarks{mf: mf, th: th})
		return p
	}
	p := newPlot(mf.names[0], mf.names[1], th)
	p.X.Min, p.X.Max = mf.box.XMin, mf.box.XMax
	p.Y.Min, p.Y.Max = mf.box.YMin, mf.box.YMax
	if vector {
		p.Add(heatPlotter{g: mf.g})
	}
	p.Add(contourLines{segs: mf.segs, style: vgdraw.LineStyle{Color: th.contour, Width: vg.Length(th.contourW * th.scale)}})
	if mf.field != nil {
		p.Add(mf.field)
	}
	p.Add(minimaMarks{mf: mf, th: th})
	return p
}

// drawRaster paints the figure on img (the theme's background first)
// through c, the raster canvas over img, and returns the panel of its data
// area. The plot is laid out by mainPlotCanvas, as the hit testing does.
func (mf *mainFig) drawRaster(img *image.RGBA, c vgdraw.Canvas, o Options, th *theme) panel {
	draw.Draw(img, img.Bounds(), image.NewUniform(th.bg), image.Point{}, draw.Src)
	p := mf.plot(th, false)
	fit := mf.plotCanvas(p, img.Bounds().Dx(), img.Bounds().Dy(), o)
	pc := c
	pc.Rectangle = fit.Rectangle
	pn := panelOf(p, fit)
	dpi := o.DPI
	if mf.g != nil {
		r := pn.pixelRect(img.Bounds().Dy(), dpi).Intersect(img.Bounds())
		heat := mf.g.heatImage(r.Dx(), r.Dy())
		draw.Draw(img, r, heat, image.Point{}, draw.Over)
	}
	p.Draw(pc)
	return pn
}

// plotCanvas returns the canvas, in points, on which the main plot p is
// drawn in a w×h pixel panel: the panel without its margin, letterboxed to
// equal scales when they apply (see aspectCanvas). The drawing code and the
// hit testing (DataAt) both lay the panel out with it.
func (mf *mainFig) plotCanvas(p *plot.Plot, w, h int, o Options) vgdraw.Canvas {
	cw, ch := canvasSize(w, h, o.DPI)
	c := vgdraw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: cw, Y: ch}}}
	return aspectCanvas(p, cropMargin(c, o.Scale), mf.dims, mf.box, o)
}

// heatPlotter draws the heat map as an image (vector outputs).
type heatPlotter struct{ g *grid }

// Plot implements plot.Plotter.
func (h heatPlotter) Plot(c vgdraw.Canvas, _ *plot.Plot) {
	c.DrawImage(c.Rectangle, h.g.heatImage(2*gridN, 2*gridN))
}

// curveLine draws f(x) (1-D), broken where f is not finite.
type curveLine struct {
	mf *mainFig
	th *theme
}

// Plot implements plot.Plotter.
func (cl curveLine) Plot(c vgdraw.Canvas, p *plot.Plot) {
	pn := panel{rect: c.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max}
	sty := vgdraw.LineStyle{Color: cl.th.fg, Width: vg.Length(cl.th.curveW * cl.th.scale)}
	var line []vg.Point
	flush := func() {
		for _, l := range c.ClipLinesXY(line) {
			if len(l) > 1 {
				strokeLines(c, sty, l)
			}
		}
		line = line[:0]
	}
	for i, x := range cl.mf.xs {
		y := cl.mf.ys[i]
		if math.IsNaN(y) {
			flush()
			continue
		}
		line = append(line, pn.pt(x, y))
	}
	flush()
}

// minimaMarks marks the known minimisers with a small diamond.
type minimaMarks struct {
	mf *mainFig
	th *theme
}

// Plot implements plot.Plotter.
func (mm minimaMarks) Plot(c vgdraw.Canvas, p *plot.Plot) {
	mm.draw(c, panel{rect: c.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max})
}

// draw draws the markers in the data area pn of canvas c.
func (mm minimaMarks) draw(c vgdraw.Canvas, pn panel) {
	r := vg.Length(3.5 * mm.th.mark * mm.th.scale)
	for _, m := range mm.mf.minima {
		x, y := m[0], m[1]
		if mm.mf.dims == 1 {
			continue // the curve itself shows its minima
		}
		if !finite(x) || !finite(y) {
			continue
		}
		pt := pn.pt(x, y)
		if !c.Contains(pt) {
			continue
		}
		diamond(c, pt, r, mm.th)
	}
}

// gridLines returns faint grid lines for the views without a heat map.
func gridLines(th *theme) plot.Plotter {
	return gridPlotter{th: th}
}

// gridPlotter draws faint horizontal and vertical lines at the major ticks.
type gridPlotter struct{ th *theme }

// Plot implements plot.Plotter.
func (g gridPlotter) Plot(c vgdraw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	sty := vgdraw.LineStyle{Color: g.th.grid, Width: vg.Length(0.6 * g.th.scale)}
	for _, t := range p.X.Tick.Marker.Ticks(p.X.Min, p.X.Max) {
		if t.IsMinor() || t.Value < p.X.Min || t.Value > p.X.Max {
			continue
		}
		x := trX(t.Value)
		c.StrokeLine2(sty, x, c.Min.Y, x, c.Max.Y)
	}
	for _, t := range p.Y.Tick.Marker.Ticks(p.Y.Min, p.Y.Max) {
		if t.IsMinor() || t.Value < p.Y.Min || t.Value > p.Y.Max {
			continue
		}
		y := trY(t.Value)
		c.StrokeLine2(sty, c.Min.X, y, c.Max.X, y)
	}
}
