package plotting

import (
	"fmt"
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// lossAxis is the y axis of the loss view: what is plotted and the frame.
type lossAxis struct {
	log     bool
	abs     bool    // plot |f - shift| (f* known)
	shift   float64 // subtracted from f before plotting
	lo, hi  float64 // frame
	clipped bool    // an exploding run leaves the frame
	label   string
}

// value maps a loss value to the plotted quantity.
func (a *lossAxis) value(f float64) float64 {
	if a.abs {
		return math.Abs(f - a.shift)
	}
	return f - a.shift
}

// bigLoss bounds the values used for the frame so spans stay finite.
const bigLoss = 1e300

// newLossAxis chooses the plotted quantity and a readable frame from the
// non-diverged part of every run. A run that explodes (by more than a
// factor 20 over its starting gap, linear; a million, log) is clipped at the
// frame instead of rescaling everything to its 1e300. The notes in the
// label use the words of lb.
func newLossAxis(s *Scene, runs []runView, logScale bool, lb Labels) *lossAxis {
	a := &lossAxis{log: logScale, label: "f"}
	if s.valueLabel != "" {
		a.label = s.valueLabel
	}
	spans, fmin, fmax := lossSpans(runs)
	if logScale {
		a.chooseShift(s, fmin, fmax, lb)
	}
	lo, hi, ref := a.extent(spans, fmin, fmax)
	if lo > hi { // nothing usable
		if logScale {
			a.lo, a.hi = 0.1, 10
		} else {
			a.lo, a.hi = -1, 1
		}
		return a
	}
	a.frame(lo, hi, ref)
	if a.clipped {
		a.label += "  (" + lb.Clipped + ")"
	}
	for _, v := range runs {
		if v.r.Test != nil && !s.noTestNote {
			a.label += "  (" + lb.TestNote + ")"
			break
		}
	}
	return a
}

// lossSpans are the losses of every run up to its divergence, with the raw
// extremes of the finite, not absurd ones: one tight pass per run.
func lossSpans(runs []runView) (spans [][]float64, fmin, fmax float64) {
	fmin, fmax = math.Inf(1), math.Inf(-1)
	for _, v := range runs {
		n := v.n
		if d := v.r.DivergedAt; d >= 0 {
			for i := 1; i < n; i++ {
				if v.k(i) >= d {
					n = i
					break
				}
			}
		}
		fs := v.r.F[:n]
		spans = append(spans, fs)
		for _, f := range fs {
			if f >= -bigLoss && f <= bigLoss { // finite and not absurd
				if f < fmin {
					fmin = f
				}
				if f > fmax {
					fmax = f
				}
			}
		}
	}
	return spans, fmin, fmax
}

// chooseShift picks what a log axis plots: |f − f*| when the minimum is
// known, else f shifted to stay positive when it is not.
func (a *lossAxis) chooseShift(s *Scene, fmin, fmax float64, lb Labels) {
	switch {
	case s.FMin != nil && finite(*s.FMin):
		a.abs, a.shift = true, *s.FMin
		a.label = "|f − f*|"
		if *s.FMin != 0 {
			a.label = fmt.Sprintf("|f − f*|  (f* = %.6g)", *s.FMin)
		}
	case fmin <= 0:
		d := (fmax - fmin) * 1e-3
		if !(d > 0) {
			d = 1
		}
		a.shift = fmin - d
		a.label = fmt.Sprintf("f − (%.4g)  (%s)", a.shift, lb.Shifted)
	}
}

// usable reports whether a plotted value y can be drawn on the axis.
func (a *lossAxis) usable(y float64) bool { return finite(y) && (!a.log || y > 0) }

// extent is the range of the plotted values and the largest starting value
// ref; lo > hi when nothing is usable.
func (a *lossAxis) extent(spans [][]float64, fmin, fmax float64) (lo, hi, ref float64) {
	lo, hi, ref = math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, fs := range spans {
		for _, f := range fs {
			if f >= -bigLoss && f <= bigLoss {
				if y := a.value(f); a.usable(y) {
					ref = math.Max(ref, y)
				}
				break
			}
		}
		if !a.abs {
			continue // f − shift is increasing: the extremes come from fmin, fmax
		}
		for _, f := range fs {
			if !(f >= -bigLoss && f <= bigLoss) {
				continue
			}
			y := a.value(f)
			if y < lo && a.usable(y) {
				lo = y
			}
			if y > hi {
				hi = y
			}
		}
	}
	if !a.abs && fmin <= fmax {
		if y := a.value(fmin); a.usable(y) {
			lo = y
		} else if a.log {
			lo = a.value(fmax) // only when fmin == shift exactly: cannot happen with d > 0
		}
		hi = a.value(fmax)
		if !a.usable(hi) || lo > hi {
			lo, hi = math.Inf(1), math.Inf(-1)
		}
	}
	return lo, hi, ref
}

// frame sets a readable frame around [lo, hi], clipping a run that
// explodes (by more than a factor 20 over its starting gap ref − lo,
// linear; a million, log).
func (a *lossAxis) frame(lo, hi, ref float64) {
	if a.log {
		if ref > 0 && hi > ref*1e6 {
			hi, a.clipped = ref*1e6, true
		}
		if hi/lo < 10 {
			g := math.Sqrt(hi * lo)
			lo, hi = g/math.Sqrt(10), g*math.Sqrt(10)
		}
		pad := math.Pow(hi/lo, 0.04)
		a.lo, a.hi = lo/pad, hi*pad
		return
	}
	if startGap := ref - lo; startGap > 0 && hi-lo > 20*startGap {
		hi, a.clipped = lo+3*startGap, true
	}
	span := hi - lo
	if !(span > 1e-9*math.Max(1, math.Abs(lo))) {
		half := math.Max(1, 0.1*math.Abs(lo))
		a.lo, a.hi = lo-half, lo+half
	} else {
		a.lo, a.hi = lo-0.05*span, hi+0.05*span
	}
}

// lossFig is the loss view of a scene.
type lossFig struct {
	s      *Scene
	o      Options
	runs   []runView
	ax     *lossAxis
	legend bool
	// groups, when set, are the decimated curves of the whole runs (by run
	// index) in the panel the curves are drawn in (cached frames).
	groups map[int][]lossGroup
	th     *theme // see theme
}

// theme returns the theme of the loss panel (a plain panel).
func (lf *lossFig) theme() *theme {
	if lf.th == nil {
		lf.th = themeOf(lf.o).plain()
	}
	return lf.th
}

// plot builds the gonum plot of the loss view.
func (lf *lossFig) plot() *plot.Plot {
	p := lf.framePlot()
	p.Add(lossCurves{lf})
	return p
}

// framePlot builds the loss view without its curves: axes, labels and grid,
// everything that stays the same while the current step moves.
func (lf *lossFig) framePlot() *plot.Plot {
	p := newPlot(lf.o.labels().Step, lf.ax.label, lf.theme())
	p.X.Min, p.X.Max = stepRange(lf.runs)
	p.Y.Min, p.Y.Max = lf.ax.lo, lf.ax.hi
	if lf.ax.log {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
	p.Add(gridLines(lf.theme()))
	return p
}

// lossCurves draws the loss curves, divergence marks, current markers and
// (optionally) the legend.
type lossCurves struct{ lf *lossFig }

// Plot implements plot.Plotter.
func (lc lossCurves) Plot(c vgdraw.Canvas, p *plot.Plot) {
	lc.lf.drawCurves(c, panel{rect: c.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max, logY: lc.lf.ax.log})
}

// drawCurves draws the curves up to the current step into the data area
// pn of canvas c.
func (lf *lossFig) drawCurves(c vgdraw.Canvas, pn panel) {
	th := lf.theme()
	sc := vg.Length(th.scale)
	var occupied, marks []vg.Point
	for _, v := range lf.runs {
		col := th.runColor(v.index)
		cur := v.upTo(lf.s.Current)
		if cur < 0 {
			continue
		}
		if d := v.r.DivergedAt; d >= 0 && v.k(cur) >= d {
			x := pn.rect.Min.X + vg.Length(clamp(pn.nx(float64(d)), 0, 1))*pn.rect.Size().X
			c.StrokeLine2(vgdraw.LineStyle{Color: col, Width: 1.2 * sc, Dashes: []vg.Length{4 * sc, 3 * sc}},
				x, pn.rect.Min.Y, x, pn.rect.Max.Y)
			cross(c, vg.Point{X: x, Y: pn.rect.Max.Y - 7*sc}, 4.5*sc, col, 2*sc)
		}
		lf.drawBatches(c, pn, v, cur, col)
		lf.drawTest(c, pn, v, cur, col)
		var lines [][]vg.Point
		if lf.groups != nil {
			lines = assembleLoss(pn, v, lf.ax, lf.groups[v.index], cur)
		} else {
			lines = decimateLoss(pn, v, lf.ax, cur)
		}
		for _, l := range lines {
			occupied = append(occupied, l...)
			if len(l) == 1 {
				c.SetColor(col)
				c.Fill(circlePath(l[0], vg.Length(th.lossW/1.2)*sc))
				continue
			}
			strokeLines(c, vgdraw.LineStyle{Color: col, Width: vg.Length(th.lossW) * sc}, l)
		}
		lf.drawEvaluated(c, pn, v, cur, col)
		if f := v.f(cur); !math.IsNaN(f) {
			p := lossPoint(pn, lf.ax, float64(v.k(cur)), f)
			marks = append(marks, p)
			dot(c, th, p, vg.Length(3.5*th.mark)*sc, col, 1.2*sc)
		}
	}
	if lf.legend {
		drawLegend(c, legendEntries(lf.s, th, lf.o.labels()), occupied, marks, th)
	}
}

// maxEvaluatedDots is the most points drawn as dots on a mini-batch run's
// loss line; with more, the line is dense enough to speak for itself.
const maxEvaluatedDots = 200

// drawEvaluated marks with dots the steps at which a mini-batch run that
// does not evaluate its loss on all the data at every step did (its F is
// NaN between): the line between two of them is drawn, not measured.
func (lf *lossFig) drawEvaluated(c vgdraw.Canvas, pn panel, v runView, cur int, col color.RGBA) {
	if v.r.Batch == nil {
		return
	}
	fs := v.r.F[:min(cur+1, len(v.r.F))]
	var at []int
	gaps := false
	for i, f := range fs {
		if f != f {
			gaps = true
			continue
		}
		if at = append(at, i); len(at) > maxEvaluatedDots {
			return
		}
	}
	if !gaps {
		return
	}
	r := vg.Length(lf.theme().lossW) * vg.Length(lf.o.Scale) * 1.4
	c.SetColor(col)
	for _, i := range at {
		if y := lf.ax.value(fs[i]); y == y {
			c.Fill(circlePath(lossPoint(pn, lf.ax, float64(v.k(i)), fs[i]), r))
		}
	}
}

// drawBatches draws run v's mini-batch losses up to index cur as a thin,
// light line under its loss.
func (lf *lossFig) drawBatches(c vgdraw.Canvas, pn panel, v runView, cur int, col color.RGBA) {
	if len(v.r.Batch) < v.n || len(v.r.Batch) == 0 {
		return
	}
	th := lf.theme()
	bv := runView{r: &Run{K: v.r.K, F: v.r.Batch[:v.n]}, index: v.index, n: v.n}
	light := color.NRGBA{R: col.R, G: col.G, B: col.B, A: 0x50}
	for _, l := range decimateLoss(pn, bv, lf.ax, cur) {
		if len(l) > 1 {
			strokeLines(c, vgdraw.LineStyle{Color: light, Width: vg.Length(0.4*th.lossW) * vg.Length(th.scale)}, l)
		}
	}
}

// drawTest draws run v's loss on the test rows up to index cur, dashed,
// through the points where it was computed.
func (lf *lossFig) drawTest(c vgdraw.Canvas, pn panel, v runView, cur int, col color.RGBA) {
	if len(v.r.Test) < v.n {
		return
	}
	var line []vg.Point
	for i := 0; i <= cur && i < v.n; i++ {
		if f := v.r.Test[i]; !math.IsNaN(f) && lf.ax.usable(lf.ax.value(f)) {
			line = append(line, lossPoint(pn, lf.ax, float64(v.k(i)), f))
		}
	}
	if len(line) > 1 {
		sc := vg.Length(lf.theme().scale)
		c.StrokeLines(vgdraw.LineStyle{Color: col, Width: vg.Length(0.8*lf.theme().lossW) * sc, Dashes: []vg.Length{5 * sc, 3 * sc}}, line)
	}
}

// lossPoint returns the canvas point of (k, f), kept inside the frame so an
// exploding value runs along the top edge instead of vanishing.
func lossPoint(pn panel, ax *lossAxis, k, f float64) vg.Point {
	return lossValuePoint(pn, k, ax.value(f))
}

// lossValuePoint is lossPoint for an already mapped value y.
func lossValuePoint(pn panel, k, y float64) vg.Point {
	var ny float64
	switch {
	case math.IsInf(y, 1):
		ny = 1
	case math.IsInf(y, -1):
		ny = 0
	default:
		ny = clamp(pn.ny(y), 0, 1)
	}
	sz := pn.rect.Size()
	return vg.Point{
		X: pn.rect.Min.X + vg.Length(clamp(pn.nx(k), 0, 1))*sz.X,
		Y: pn.rect.Min.Y + vg.Length(ny)*sz.Y,
	}
}

// decimateLoss returns the polylines of the run's loss up to index cur,
// keeping per half-point column only the extreme values (in the order they
// occur), so a million steps cost one tight pass plus what the column count
// costs to draw. The extremes are found on the plotted value, before the
// (monotone) axis transform, which is applied to two points per column only.
// A value off the axis breaks the line; a NaN (a value not evaluated) is
// passed over.
func decimateLoss(pn panel, v runView, ax *lossAxis, cur int) [][]vg.Point {
	return assembleLoss(pn, v, ax, lossGroups(pn, v, ax, 0, cur), cur)
}

// lossGroup is one column of a decimated loss curve: the points i0..i1
// (same column, all on the axis) drawn as one or two vertices.
type lossGroup struct {
	i0, i1 int
	brk    bool // a value off the axis precedes the group: the line breaks before it
	n      int  // vertices used
	pts    [2]vg.Point
}

// lossGroups decimates the points from..to of the run into column groups.
// A group depends only on its own points, so the groups of a prefix
// 0..cur are the groups of the whole run that end by cur, plus the group
// holding cur recomputed from its start (see assembleLoss): that is what
// lets a cached frame draw any current step in O(columns).
func lossGroups(pn panel, v runView, ax *lossAxis, from, to int) []lossGroup {
	const colW = 0.5 // column width in points
	w := float64(pn.rect.Size().X)
	perStep := w / (pn.x1 - pn.x0) / colW // columns per step
	var groups []lossGroup
	col := math.MinInt
	var g lossGroup
	var kLo, kHi int     // steps of the extremes of the current column
	var vLo, vHi float64 // extremes of the plotted value in the column
	loFirst, brk := true, false
	flushCol := func() {
		if col == math.MinInt {
			return
		}
		a := lossValuePoint(pn, float64(kLo), vLo)
		b := lossValuePoint(pn, float64(kHi), vHi)
		switch {
		case kLo == kHi:
			g.n, g.pts[0] = 1, a
		case loFirst:
			g.n, g.pts = 2, [2]vg.Point{a, b}
		default:
			g.n, g.pts = 2, [2]vg.Point{b, a}
		}
		groups = append(groups, g)
		col = math.MinInt
	}
	fs := v.r.F
	to = min(to, len(fs)-1)
	for i := max(from, 0); i <= to; i++ {
		if fs[i] != fs[i] {
			continue // not evaluated (a mini-batch run's step between evaluations): the line goes on
		}
		val := ax.value(fs[i])
		if val != val { // NaN: not on the axis (0 on a log axis)
			flushCol()
			brk = true
			continue
		}
		k := v.k(i)
		c := int(math.Floor((float64(k) - pn.x0) * perStep))
		if c != col {
			flushCol()
			col, kLo, kHi, vLo, vHi, loFirst = c, k, k, val, val, true
			g = lossGroup{i0: i, i1: i, brk: brk}
			brk = false
			continue
		}
		g.i1 = i
		if val < vLo {
			kLo, vLo, loFirst = k, val, false
		}
		if val > vHi {
			kHi, vHi, loFirst = k, val, true
		}
	}
	flushCol()
	return groups
}

// assembleLoss joins the groups (of the whole run or of the prefix) into
// the polylines up to index cur; the group holding cur is recomputed from
// its start.
func assembleLoss(pn panel, v runView, ax *lossAxis, groups []lossGroup, cur int) [][]vg.Point {
	var lines [][]vg.Point
	var line []vg.Point
	for _, g := range groups {
		if g.i0 > cur {
			break
		}
		if g.brk && len(line) > 0 {
			lines, line = append(lines, line), nil
		}
		if g.i1 > cur {
			if part := lossGroups(pn, v, ax, g.i0, cur); len(part) == 1 {
				g = part[0]
			}
		}
		line = append(line, g.pts[:g.n]...)
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}
