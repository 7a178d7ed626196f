package plotting

import (
	"image"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// panel maps data coordinates to canvas points for one plot, exactly as
// gonum/plot's own transforms do for the plot's data canvas.
type panel struct {
	rect   vg.Rectangle // data area, canvas points (origin bottom left)
	x0, x1 float64      // x axis range
	y0, y1 float64      // y axis range (positive when logY)
	logY   bool
}

// panelOf records the data area and axis ranges of p drawn in c. It must be
// called with the canvas the plot is (or will be) drawn on.
func panelOf(p *plot.Plot, c draw.Canvas) panel {
	da := p.DataCanvas(c)
	_, logY := p.Y.Scale.(plot.LogScale)
	return panel{rect: da.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max, logY: logY}
}

// nx returns the normalised x position of data x (0 left edge, 1 right),
// bounded so that far-away points stay finite.
func (pn panel) nx(x float64) float64 {
	return clamp((x-pn.x0)/(pn.x1-pn.x0), -20, 21)
}

// ny returns the normalised y position of data y; on a log axis values <= 0
// go to the bottom edge.
func (pn panel) ny(y float64) float64 {
	if pn.logY {
		if !(y > 0) {
			return 0
		}
		return clamp((math.Log(y)-math.Log(pn.y0))/(math.Log(pn.y1)-math.Log(pn.y0)), -20, 21)
	}
	return clamp((y-pn.y0)/(pn.y1-pn.y0), -20, 21)
}

// pt returns the canvas point of (x, y). Infinite coordinates go far off the
// area (clipping removes them); callers skip NaN.
func (pn panel) pt(x, y float64) vg.Point {
	w, h := pn.rect.Size().X, pn.rect.Size().Y
	return vg.Point{
		X: pn.rect.Min.X + vg.Length(pn.nx(x))*w,
		Y: pn.rect.Min.Y + vg.Length(pn.ny(y))*h,
	}
}

// scaleXY returns canvas points per data unit along x and y (linear axes).
func (pn panel) scaleXY() (sx, sy float64) {
	sz := pn.rect.Size()
	return float64(sz.X) / (pn.x1 - pn.x0), float64(sz.Y) / (pn.y1 - pn.y0)
}

// pixelRect returns the data area in pixels of an image of height hpx at dpi.
func (pn panel) pixelRect(hpx int, dpi float64) image.Rectangle {
	d := func(l vg.Length) int { return int(math.Round(l.Dots(dpi))) }
	return image.Rect(d(pn.rect.Min.X), hpx-d(pn.rect.Max.Y), d(pn.rect.Max.X), hpx-d(pn.rect.Min.Y))
}

// toPixel returns the pixel coordinates (x right, y down) of canvas point pt.
func toPixel(pt vg.Point, hpx int, dpi float64) (float64, float64) {
	return pt.X.Dots(dpi), float64(hpx) - pt.Y.Dots(dpi)
}

// canvasSize returns the size in points of a canvas of w×h pixels at dpi
// (the size newRasterCanvas gives its canvas).
func canvasSize(w, h int, dpi float64) (vg.Length, vg.Length) {
	return vg.Length(float64(w)/dpi) * vg.Inch, vg.Length(float64(h)/dpi) * vg.Inch
}

// plotPanel returns the panel of p drawn, within the usual margin, on a
// canvas of w×h pixels at dpi. It is how the raster loss panel is laid out
// (the main panel adds the equal-aspect letterbox: see mainFig.plotCanvas).
func plotPanel(p *plot.Plot, w, h int, dpi, scale float64) panel {
	cw, ch := canvasSize(w, h, dpi)
	c := draw.Canvas{Rectangle: vg.Rectangle{Max: vg.Point{X: cw, Y: ch}}}
	return panelOf(p, cropMargin(c, scale))
}

// fromPixel returns the canvas point of the pixel position (x right, y
// down) in an image of height hpx at dpi; the inverse of toPixel.
func fromPixel(x, y float64, hpx int, dpi float64) vg.Point {
	return vg.Point{X: vg.Length(x / dpi * vg.Inch.Points()), Y: vg.Length((float64(hpx) - y) / dpi * vg.Inch.Points())}
}

// data returns the data coordinates of canvas point p (the inverse of pt
// inside the data area).
func (pn panel) data(p vg.Point) (x, y float64) {
	sz := pn.rect.Size()
	u := float64(p.X-pn.rect.Min.X) / float64(sz.X)
	v := float64(p.Y-pn.rect.Min.Y) / float64(sz.Y)
	x = pn.x0 + u*(pn.x1-pn.x0)
	if pn.logY {
		return x, math.Exp(math.Log(pn.y0) + v*(math.Log(pn.y1)-math.Log(pn.y0)))
	}
	return x, pn.y0 + v*(pn.y1-pn.y0)
}

// contains reports whether canvas point p is in the data area (edges
// included).
func (pn panel) contains(p vg.Point) bool {
	r := pn.rect
	return p.X >= r.Min.X && p.X <= r.Max.X && p.Y >= r.Min.Y && p.Y <= r.Max.Y
}
