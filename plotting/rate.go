package plotting

import (
	"fmt"
	"image"
	"image/draw"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// The rate panel (Options.Rate) is the learning rate of each step under the
// loss panel: a schedule's curve, or the steps a line search took. It has
// the loss panel's step axis, so a step reads straight down from the loss
// to its rate.

// rateShare is the part of the loss panel's height the rate panel takes.
const rateShare = 0.34

// rateRuns are the visible runs of s that have rates.
func rateRuns(s *Scene) []runView {
	var out []runView
	for _, v := range lossRuns(s) {
		if len(v.r.Eta) > 0 {
			out = append(out, v)
		}
	}
	return out
}

// splitRate splits the loss panel's rectangle r into the loss panel and the
// rate panel under it, when o.Rate is on and some visible run has rates;
// rate is empty otherwise.
func splitRate(r image.Rectangle, s *Scene, o Options) (loss, rate image.Rectangle) {
	if !o.Rate || r.Empty() || len(rateRuns(s)) == 0 {
		return r, image.Rectangle{}
	}
	cut := r.Max.Y - int(math.Round(float64(r.Dy())*rateShare))
	return image.Rect(r.Min.X, r.Min.Y, r.Max.X, cut), image.Rect(r.Min.X, cut, r.Max.X, r.Max.Y)
}

// rateFrame is the rate panel without its curves, cached per scene, size
// and runs (refs keeps the slices named in the key alive, as lossFrame's).
type rateFrame struct {
	img  *image.RGBA
	pn   panel
	refs []any
}

// renderRate draws the rate panel into img: its frame (cached for scenes
// with a Key), then every run's rates up to the current step. x0 and x1
// are the loss panel's data area from left to right (the panels share
// their step axis, so they are drawn one above the other with the same
// horizontal extent).
func (r *Renderer) renderRate(img *image.RGBA, s *Scene, o Options, x0, x1 vg.Length) {
	runs := rateRuns(s)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	build := func() *rateFrame {
		fimg := image.NewRGBA(image.Rect(0, 0, w, h))
		return &rateFrame{img: fimg, pn: drawRateFrame(fimg, s, o, runs, x0, x1), refs: rateRefs(runs)}
	}
	var fr *rateFrame
	if s.Key == "" {
		fr = build()
	} else {
		key, _ := lossKey(s, o, runs)
		fr = r.rates.get(fmt.Sprintf("%s|rate|%dx%d|%g,%g|%s", key, w, h, x0, x1, rateIdentity(runs)), build)
	}
	rowW := 4 * w
	for y := range h {
		copy(img.Pix[y*img.Stride:y*img.Stride+rowW], fr.img.Pix[y*fr.img.Stride:y*fr.img.Stride+rowW])
	}
	c := vgdraw.Canvas{Canvas: newRasterCanvas(img, o.DPI), Rectangle: fr.pn.rect}
	drawRates(c, fr.pn, s, o, runs)
}

// rateRefs are the rate slices a cached frame names by address.
func rateRefs(runs []runView) []any {
	refs := make([]any, len(runs))
	for i, v := range runs {
		refs[i] = v.r.Eta
	}
	return refs
}

// rateIdentity names the rate slices of runs (address, length, last value).
func rateIdentity(runs []runView) string {
	s := ""
	for _, v := range runs {
		e := v.r.Eta
		s += fmt.Sprintf("%d:%p:%d:%x,", v.index, e, len(e), math.Float64bits(e[len(e)-1]))
	}
	return s
}

// drawRateFrame paints the panel's background, axes and grid on img, its
// data area from x0 to x1, and returns the data area.
func drawRateFrame(img *image.RGBA, s *Scene, o Options, runs []runView, x0, x1 vg.Length) panel {
	th := themeOf(o).plain()
	draw.Draw(img, img.Rect, image.NewUniform(th.bg), image.Point{}, draw.Src)
	p := ratePlot(s, o, runs)
	c := alignX(p, cropMargin(vgdraw.New(newRasterCanvas(img, o.DPI)), o.Scale), x0, x1)
	p.Draw(c)
	return panelOf(p, c)
}

// ratePlot is the rate panel without its curves: the step axis of the
// loss panel, the rate axis and the grid.
func ratePlot(s *Scene, o Options, runs []runView) *plot.Plot {
	th := themeOf(o).plain()
	lb := o.labels()
	p := newPlot(lb.Step, lb.Rate, th)
	p.X.Min, p.X.Max = stepRange(lossRuns(s))
	lo, hi := rateRange(runs)
	p.Y.Min, p.Y.Max = lo, hi
	if lo > 0 {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	p.Add(gridLines(th))
	return p
}

// alignX narrows c so that p's data area spans x0 to x1 (where that is
// inside c), as the loss panel's above it does.
func alignX(p *plot.Plot, c vgdraw.Canvas, x0, x1 vg.Length) vgdraw.Canvas {
	da := p.DataCanvas(c).Rectangle
	if x0 > da.Min.X && x0 < da.Max.X {
		c.Rectangle.Min.X += x0 - da.Min.X
	}
	if x1 < da.Max.X && x1 > da.Min.X {
		c.Rectangle.Max.X -= da.Max.X - x1
	}
	return c
}

// rateCurves draws the rates over ratePlot, for vector outputs (the raster
// path draws them over a cached frame instead).
type rateCurves struct {
	s    *Scene
	o    Options
	runs []runView
}

// Plot implements plot.Plotter.
func (rc rateCurves) Plot(c vgdraw.Canvas, p *plot.Plot) {
	_, logY := p.Y.Scale.(plot.LogScale)
	pn := panel{rect: c.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max, logY: logY}
	drawRates(c, pn, rc.s, rc.o, rc.runs)
}

// stepRange is the step axis of the loss panel: from the first to the last
// step of the visible runs.
func stepRange(runs []runView) (float64, float64) {
	k0, k1 := math.MaxInt, math.MinInt
	for _, v := range runs {
		if v.n > 0 {
			k0, k1 = min(k0, v.k(0)), max(k1, v.k(v.n-1))
		}
	}
	if k0 > k1 {
		k0, k1 = 0, 1
	}
	if k1 <= k0 {
		k1 = k0 + 1
	}
	return float64(k0), float64(k1)
}

// rateRange is the rate axis: from 0 to a little above the largest rate,
// or, when the rates span more than a factor of 1000 and are all positive,
// a log axis from the smallest to the largest (lo > 0 then).
func rateRange(runs []runView) (lo, hi float64) {
	lo, hi = math.Inf(1), 0
	for _, v := range runs {
		for _, e := range v.r.Eta[min(1, len(v.r.Eta)):] {
			if e > 0 && !math.IsInf(e, 0) {
				lo, hi = min(lo, e), max(hi, e)
			}
		}
	}
	switch {
	case hi == 0:
		return 0, 1
	case hi/lo > 1000:
		return lo / 1.5, hi * 1.5
	}
	return 0, hi * 1.08
}

// drawRates draws each run's rates from step 1 to the current step, at
// most two points per pixel column (the lowest and the highest rate in
// it), with a dot at the current step.
func drawRates(c vgdraw.Canvas, pn panel, s *Scene, o Options, runs []runView) {
	th := themeOf(o).plain()
	sc := vg.Length(th.scale)
	cols := max(1, int(pn.rect.Size().X))
	for _, v := range runs {
		cur := min(v.upTo(s.Current), len(v.r.Eta)-1)
		if cur < 1 {
			continue
		}
		col := th.runColor(v.index)
		pts := ratePoints(pn, v, cur, cols)
		strokeLines(c, vgdraw.LineStyle{Color: col, Width: vg.Length(th.lossW) * sc}, pts)
		if e := v.r.Eta[cur]; e > 0 {
			dot(c, th, pn.pt(float64(v.k(cur)), e), vg.Length(3*th.mark)*sc, col, 1.2*sc)
		}
	}
}

// ratePoints are the canvas points of run v's rates 1..cur, decimated to
// the lowest and the highest value of each of cols columns.
func ratePoints(pn panel, v runView, cur, cols int) []vg.Point {
	var pts []vg.Point
	if cur <= 4*cols {
		for i := 1; i <= cur; i++ {
			pts = append(pts, pn.pt(float64(v.k(i)), v.r.Eta[i]))
		}
		return pts
	}
	per := float64(cur) / float64(cols)
	for b := 0; b < cols; b++ {
		from, to := 1+int(float64(b)*per), min(cur, int(float64(b+1)*per))
		lo, hi := from, from
		for i := from; i <= to; i++ {
			if v.r.Eta[i] < v.r.Eta[lo] {
				lo = i
			}
			if v.r.Eta[i] > v.r.Eta[hi] {
				hi = i
			}
		}
		first, second := min(lo, hi), max(lo, hi)
		pts = append(pts, pn.pt(float64(v.k(first)), v.r.Eta[first]), pn.pt(float64(v.k(second)), v.r.Eta[second]))
	}
	return pts
}

// writeRateVector draws the rate panel into the pixel rectangle r of the
// vector canvas dc, its data area under the loss panel's da.
func writeRateVector(dc vgdraw.Canvas, r image.Rectangle, s *Scene, o Options, da vg.Rectangle) {
	pc := pointsCanvas(dc, r, o)
	fillColor(pc, themeOf(o).plain().bg)
	runs := rateRuns(s)
	p := ratePlot(s, o, runs)
	p.Add(rateCurves{s: s, o: o, runs: runs})
	p.Draw(alignX(p, cropMargin(pc, o.Scale), da.Min.X, da.Max.X))
}
