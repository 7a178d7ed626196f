package plotting

import (
	"image"
	"image/color"
	"image/draw"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// DataPanel is what the data views draw: the data a model learns from and
// each run's model at its current step.
type DataPanel struct {
	Inputs         int       // input columns: 1 or 2
	X              []float64 // the inputs, Inputs per row
	Y              []float64 // the targets, or the labels 0 and 1
	Classification bool
	Names          []string // the inputs' and the target's names
	// Fit is run r's model with the parameters of its step k (the
	// current point's): ŷ at input x1 (regression), or the probability of
	// label 1 at (x1, x2) (x2 unused for one input); nil draws the data
	// alone.
	Fit func(r, k int, x1, x2 float64) float64
	// Shown is the rows drawn when there are too many to draw them all
	// (nil: every row); a note on the panel says how many of how many.
	Shown []int
}

// rows calls f with each row drawn.
func (d *DataPanel) rows(f func(i int)) {
	if d.Shown == nil {
		for i := range d.Y {
			f(i)
		}
		return
	}
	for _, i := range d.Shown {
		if i >= 0 && i < len(d.Y) {
			f(i)
		}
	}
}

// isData reports whether v is a data view.
func isData(v View) bool { return v == ViewData || v == ViewDataBoth }

// dataLayout splits the image for a data view: the data panel, and for
// ViewDataBoth the contour (or curve, or slice) and the loss beside it, in
// three columns (rows when taller than wide).
func dataLayout(o Options) (dataR, mainR, lossR image.Rectangle) {
	all := image.Rect(0, 0, o.Width, o.Height)
	if o.View == ViewData {
		return all, image.Rectangle{}, image.Rectangle{}
	}
	if o.Width >= o.Height {
		a, b := o.Width/3, 2*o.Width/3
		return image.Rect(0, 0, a, o.Height), image.Rect(a, 0, b, o.Height), image.Rect(b, 0, o.Width, o.Height)
	}
	a, b := o.Height/3, 2*o.Height/3
	return image.Rect(0, 0, o.Width, a), image.Rect(0, a, o.Width, b), image.Rect(0, b, o.Width, o.Height)
}

// renderData draws a data view into dst. The loss over the parameters
// fills its panel (FreeAspect): a weight and a bias have different units.
func (r *Renderer) renderData(dst *image.RGBA, s *Scene, o Options) {
	dataR, mainR, lossR := dataLayout(o)
	o.FreeAspect = true
	img := subRGBA(dst, dataR)
	th := themeOf(o)
	draw.Draw(img, img.Rect, image.NewUniform(th.bg), image.Point{}, draw.Src)
	dataPlot(s, o, th).Draw(cropMargin(vgdraw.New(newRasterCanvas(img, o.DPI)), o.Scale))
	if !mainR.Empty() {
		if isSurface(o.View) {
			r.renderSurface(subRGBA(dst, mainR), s, o, false)
		} else {
			r.renderMain(subRGBA(dst, mainR), s, o, false)
		}
	}
	lossR, accR := splitAccuracy(lossR, s)
	if !lossR.Empty() {
		r.renderLoss(subRGBA(dst, lossR), s, o, false)
	}
	if !accR.Empty() {
		r.renderLoss(subRGBA(dst, accR), accuracyScene(s, o.labels()), coordsOptions(o), false)
	}
}

// accuracyShare is the share of the loss column the accuracy panel takes.
const accuracyShare = 0.4

// splitAccuracy splits the loss column r of a data view between the loss
// and, when s has accuracies, the accuracy panel under it.
func splitAccuracy(r image.Rectangle, s *Scene) (loss, acc image.Rectangle) {
	if len(s.Accuracy) == 0 || r.Empty() {
		return r, image.Rectangle{}
	}
	cut := r.Max.Y - int(math.Round(float64(r.Dy())*accuracyShare))
	return image.Rect(r.Min.X, r.Min.Y, r.Max.X, cut), image.Rect(r.Min.X, cut, r.Max.X, r.Max.Y)
}

// accuracyScene is the scene of the accuracy panel: the runs' accuracies
// as a loss panel draws losses, in the runs' colours.
func accuracyScene(s *Scene, lb Labels) *Scene {
	a := &Scene{Current: s.Current, valueLabel: lb.Accuracy, Runs: s.Accuracy, noTestNote: true}
	if s.Key != "" {
		a.Key = s.Key + "\x00accuracy"
	}
	return a
}

// writeDataVector draws a data view with a vector back end.
func writeDataVector(dc vgdraw.Canvas, s *Scene, o Options) {
	dataR, mainR, lossR := dataLayout(o)
	o.FreeAspect = true
	th := themeOf(o)
	pc := pointsCanvas(dc, dataR, o)
	fillColor(pc, th.bg)
	dataPlot(s, o, th).Draw(cropMargin(pc, o.Scale))
	if !mainR.Empty() {
		pc := pointsCanvas(dc, mainR, o)
		fillColor(pc, th.bg)
		mf := newMainFig(s, viewBox(s))
		p := mf.plot(mainTheme(o, s.dims()), true)
		p.Add(overlayPlotter{s: s, o: o, legend: false})
		p.Draw(aspectCanvas(p, cropMargin(pc, o.Scale), mf.dims, mf.box, o))
	}
	lossR, accR := splitAccuracy(lossR, s)
	if !lossR.Empty() {
		pc := pointsCanvas(dc, lossR, o)
		fillColor(pc, th.bg)
		newLossFig(s, o, false).plot().Draw(cropMargin(pc, o.Scale))
	}
	if !accR.Empty() {
		pc := pointsCanvas(dc, accR, o)
		fillColor(pc, th.bg)
		newLossFig(accuracyScene(s, o.labels()), coordsOptions(o), false).plot().Draw(cropMargin(pc, o.Scale))
	}
}

// dataPlot is the data panel's plot: its axes over the data's range, the
// points, and each visible run's model at the current step.
func dataPlot(s *Scene, o Options, th *theme) *plot.Plot {
	d := s.Data
	if d == nil || d.Inputs < 1 || len(d.X) < d.Inputs*len(d.Y) {
		return newPlot("x", "y", th)
	}
	names := append(append([]string(nil), d.Names...), "x", "y", "label")
	xl, yl := names[0], names[1]
	p := newPlot(xl, yl, th)
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = dataBox(d)
	p.Add(gridLines(th), dataPlotter{s: s, o: o, th: th})
	return p
}

// dataBox is the range of the data panel's axes: the inputs (and for one
// input the targets) with a margin; for a one-input classification the
// labels 0 and 1.
func dataBox(d *DataPanel) (x0, x1, y0, y1 float64) {
	x0, x1, y0, y1 = math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for i := range d.Y {
		a := d.X[i*d.Inputs]
		b := d.Y[i]
		if d.Inputs == 2 {
			b = d.X[i*2+1]
		}
		if finite(a) && finite(b) {
			x0, x1, y0, y1 = math.Min(x0, a), math.Max(x1, a), math.Min(y0, b), math.Max(y1, b)
		}
	}
	if d.Inputs == 1 && d.Classification {
		y0, y1 = 0, 1
	}
	if !(x1 > x0) {
		x0, x1 = x0-1, x0+1
	}
	if !(y1 > y0) {
		y0, y1 = y0-1, y0+1
	}
	mx, my := 0.08*(x1-x0), 0.08*(y1-y0)
	if d.Shown != nil {
		return x0 - mx, x1 + mx, y0 - 2.5*my, y1 + my // room for the note on the rows drawn
	}
	return x0 - mx, x1 + mx, y0 - my, y1 + my
}

// dataPlotter draws the data panel's contents.
type dataPlotter struct {
	s  *Scene
	o  Options
	th *theme
}

// Plot implements plot.Plotter.
func (dp dataPlotter) Plot(c vgdraw.Canvas, p *plot.Plot) {
	d, th := dp.s.Data, dp.th
	trX, trY := p.Transforms(&c)
	runs := positionRuns(dp.s)
	if d.Classification && d.Inputs == 2 && d.Fit != nil && len(runs) > 0 {
		dp.shade(c, p, runs[0])
	}
	sc := vg.Length(dp.o.Scale)
	d.rows(func(i int) {
		x, y := d.X[i*d.Inputs], d.Y[i]
		if d.Inputs == 2 {
			x, y = d.X[i*2], d.X[i*2+1]
		}
		col := th.fg
		if d.Classification {
			col = classColor(d.Y[i])
		}
		pt := vg.Point{X: trX(x), Y: trY(y)}
		if c.Contains(pt) {
			dot(c, th, pt, 3.2*sc, col, 0.6*sc)
		}
	})
	var marks []vg.Point
	if d.Shown != nil {
		marks = drawNote(c, withNumber(withNumber(dp.o.labels().RowsShown, len(d.Shown)), len(d.Y)), th)
	}
	if d.Fit == nil {
		return
	}
	for _, v := range runs {
		cur := v.upTo(dp.s.Current)
		if cur < 0 {
			continue
		}
		col := th.runColor(v.index)
		if d.Classification && d.Inputs == 2 {
			marks = append(marks, dp.boundary(c, p, v, cur, col)...)
		} else {
			marks = append(marks, dp.curve(c, p, v, cur, col)...)
		}
	}
	drawLegend(c, legendEntries(dp.s, th, dp.o.labels()), marks, nil, th)
}

// classColor is the colour of a point of label y: 0 blue, 1 vermillion
// (Okabe–Ito).
func classColor(y float64) color.RGBA {
	if y == 1 {
		return color.RGBA{0xD5, 0x5E, 0x00, 0xFF}
	}
	return color.RGBA{0x00, 0x72, 0xB2, 0xFF}
}

// curve draws run v's model at point cur as a curve over the x axis and
// returns its points.
func (dp dataPlotter) curve(c vgdraw.Canvas, p *plot.Plot, v runView, cur int, col color.RGBA) []vg.Point {
	trX, trY := p.Transforms(&c)
	const n = 200
	var pts []vg.Point
	for j := range n + 1 {
		x := p.X.Min + (p.X.Max-p.X.Min)*float64(j)/n
		y := dp.s.Data.Fit(v.index, v.k(cur), x, 0)
		if finite(y) {
			pts = append(pts, vg.Point{X: trX(x), Y: trY(math.Max(p.Y.Min-(p.Y.Max-p.Y.Min), math.Min(y, p.Y.Max+(p.Y.Max-p.Y.Min))))})
		}
	}
	if len(pts) > 1 {
		c.StrokeLines(vgdraw.LineStyle{Color: col, Width: vg.Length(2.5 * dp.o.Scale)}, c.ClipLinesXY(pts)...)
	}
	return pts
}

// dataGrid is the side of the lattice of the boundary and the shading.
const dataGrid = 64

// boundary draws run v's decision boundary p = 0.5 at point cur and
// returns points along it.
func (dp dataPlotter) boundary(c vgdraw.Canvas, p *plot.Plot, v runView, cur int, col color.RGBA) []vg.Point {
	g := dp.probGrid(p, v, cur)
	segs := g.contourSegments([]float64{0.5})
	contourLines{segs: segs, style: vgdraw.LineStyle{Color: col, Width: vg.Length(2.5 * dp.o.Scale)}}.Plot(c, p)
	trX, trY := p.Transforms(&c)
	var pts []vg.Point
	for _, s := range segs[0] {
		pts = append(pts, vg.Point{X: trX(s.x0), Y: trY(s.y0)})
	}
	return pts
}

// probGrid samples run v's probability at point cur over the panel.
func (dp dataPlotter) probGrid(p *plot.Plot, v runView, cur int) *grid {
	fit := dp.s.Data.Fit
	k := v.k(cur)
	sc := &Scene{F: func(x, y float64) float64 { return fit(v.index, k, x, y) }, Dims: 2}
	return sampleGrid(sc, Box{XMin: p.X.Min, XMax: p.X.Max, YMin: p.Y.Min, YMax: p.Y.Max}, dataGrid)
}

// shade fills the panel lightly with the class colours in proportion to
// the probability of run v's model at its current step.
func (dp dataPlotter) shade(c vgdraw.Canvas, p *plot.Plot, v runView) {
	cur := v.upTo(dp.s.Current)
	if cur < 0 {
		return
	}
	g := dp.probGrid(p, v, cur)
	trX, trY := p.Transforms(&c)
	dx, dy := (p.X.Max-p.X.Min)/dataGrid, (p.Y.Max-p.Y.Min)/dataGrid
	a, b := classColor(0), classColor(1)
	for j := range dataGrid {
		for i := range dataGrid {
			x, y := p.X.Min+(float64(i)+0.5)*dx, p.Y.Min+(float64(j)+0.5)*dy
			q := g.at(x, y)
			if !finite(q) {
				continue
			}
			mix := func(u, w uint8) uint8 { return uint8(float64(u)*(1-q) + float64(w)*q) }
			c.SetColor(color.NRGBA{R: mix(a.R, b.R), G: mix(a.G, b.G), B: mix(a.B, b.B), A: 0x38})
			r := vg.Rectangle{Min: vg.Point{X: trX(x - dx/2), Y: trY(y - dy/2)}, Max: vg.Point{X: trX(x+dx/2) + 0.3, Y: trY(y+dy/2) + 0.3}}
			c.Fill(r.Path())
		}
	}
}

// at is the grid's value nearest (x, y).
func (g *grid) at(x, y float64) float64 {
	i := int(math.Round((x - g.box.XMin) / (g.box.XMax - g.box.XMin) * float64(g.nx-1)))
	j := int(math.Round((y - g.box.YMin) / (g.box.YMax - g.box.YMin) * float64(g.ny-1)))
	if i < 0 || j < 0 || i >= g.nx || j >= g.ny {
		return math.NaN()
	}
	return g.v[j*g.nx+i]
}

// DataPointAt is the row of the data point drawn nearest the pixel px (as
// DataAt takes it) on the data panel of a data view, within about the
// size of its dot; ok is false elsewhere.
func (r *Renderer) DataPointAt(s *Scene, o Options, px image.Point) (row int, ok bool) {
	o = o.normalized()
	d := s.Data
	if !isData(o.View) || d == nil || d.Inputs < 1 || len(d.X) < d.Inputs*len(d.Y) {
		return 0, false
	}
	dataR, _, _ := dataLayout(o)
	if !px.In(dataR) {
		return 0, false
	}
	p := dataPlot(s, o, themeOf(o))
	pn := plotPanel(p, dataR.Dx(), dataR.Dy(), o.DPI, o.Scale)
	at := fromPixel(float64(px.X-dataR.Min.X)+0.5, float64(px.Y-dataR.Min.Y)+0.5, dataR.Dy(), o.DPI)
	best, bestD := -1, float64(6*o.Scale)
	d.rows(func(i int) {
		x, y := d.X[i*d.Inputs], d.Y[i]
		if d.Inputs == 2 {
			x, y = d.X[i*2], d.X[i*2+1]
		}
		q := pn.pt(x, y)
		if dist := math.Hypot(float64(q.X-at.X), float64(q.Y-at.Y)); dist < bestD {
			best, bestD = i, dist
		}
	})
	return best, best >= 0
}
