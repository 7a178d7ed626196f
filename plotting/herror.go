package plotting

import (
	"errors"
	"image"
	"image/color"
	"image/draw"
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// HErrorData is what the h-error view (ViewHError) shows: how far the
// numeric gradient is from the exact one at one point, for many steps h.
// figure.HError computes it from an objective.
//
// Errors are the Euclidean norm, over the coordinates, of the difference
// between the numeric and the exact gradient (one coordinate for a
// function of x alone). On the log–log axes an error of exactly 0 (the two
// agree to the last bit) is drawn on the bottom edge and the y-axis label
// says so (Labels.ZeroAtBottom); a non-finite error (f not defined at
// x ± h, or overflowing) and a step that is not positive and finite leave a
// gap in the line. Where h is so small that x + h == x the numeric
// gradient is 0 and the error is |∇f| exactly: the flat line at the left,
// drawn over a dashed reference line at |∇f|.
type HErrorData struct {
	Point [2]float64 // where the gradients are compared (Point[1] unused for f(x))
	Grad  [2]float64 // the exact gradient there (Grad[1] = 0 for f(x))
	// Coords and GradCoords are the whole point and the whole exact
	// gradient for a function of more than two variables (Point and Grad
	// hold their first two); nil otherwise.
	Coords, GradCoords []float64
	// H is the chosen step, marked by a vertical line; when it is outside
	// the steps Hs it is marked by an arrow at that edge of the axis. Not
	// positive or not finite: not marked.
	H float64
	// Hs are the steps, increasing; Forward and Central (as long as Hs)
	// are the errors of the forward difference (f(x+h) − f(x))/h and of the
	// central difference (f(x+h) − f(x−h))/2h at each step.
	Hs               []float64
	Forward, Central []float64
}

// errNoHError is returned for the h-error view of a scene without data.
var errNoHError = errors.New("plotting: the h-error view needs Scene.HError")

// checkScene rejects a scene that the view cannot draw.
func checkScene(s *Scene, o Options) error {
	if o.View == ViewHError && (s.HError == nil || len(s.HError.Hs) == 0) {
		return errNoHError
	}
	return nil
}

// renderHError draws the h-error view over the whole of img (its bounds
// starting at 0,0).
func renderHError(img *image.RGBA, s *Scene, o Options) {
	th := themeOf(o).plain()
	draw.Draw(img, img.Bounds(), image.NewUniform(th.bg), image.Point{}, draw.Src)
	w, h := canvasSize(img.Rect.Dx(), img.Rect.Dy(), o.DPI)
	c := vgdraw.Canvas{Canvas: newRasterCanvas(img, o.DPI), Rectangle: vg.Rectangle{Max: vg.Point{X: w, Y: h}}}
	hErrorPlot(s, o, th).Draw(cropMargin(c, o.Scale))
}

// hErrorFrame is the range of the h-error view's axes.
type hErrorFrame struct {
	x0, x1, y0, y1 float64
	below          bool // some error is drawn on the bottom edge (0)
}

// newHErrorFrame spans the positive finite steps and errors of d, with two
// decades of room above the largest error for the labels and the legend.
func newHErrorFrame(d *HErrorData) hErrorFrame {
	fr := hErrorFrame{x0: math.Inf(1), x1: math.Inf(-1), y0: math.Inf(1), y1: math.Inf(-1)}
	for i, h := range d.Hs {
		if !(h > 0) || !finite(h) {
			continue
		}
		fr.x0, fr.x1 = math.Min(fr.x0, h), math.Max(fr.x1, h)
		for _, e := range [2]float64{at(d.Forward, i), at(d.Central, i)} {
			switch {
			case e == 0:
				fr.below = true
			case e > 0 && finite(e):
				fr.y0, fr.y1 = math.Min(fr.y0, e), math.Max(fr.y1, e)
			}
		}
	}
	if !(fr.x1 > fr.x0) {
		h := 1e-4
		if fr.x0 == fr.x1 {
			h = fr.x0
		}
		fr.x0, fr.x1 = h/10, h*10
	}
	if !(fr.y1 >= fr.y0) {
		fr.y0, fr.y1 = 1e-20, 1e-2
	}
	fr.y0, fr.y1 = fr.y0/3, fr.y1*100
	return fr
}

// at returns v[i], or NaN past the end of v.
func at(v []float64, i int) float64 {
	if i < len(v) {
		return v[i]
	}
	return nan
}

// hErrorPlot builds the gonum plot of the h-error view of s.
func hErrorPlot(s *Scene, o Options, th *theme) *plot.Plot {
	lb := o.labels()
	d := s.HError
	fr := newHErrorFrame(d)
	ylabel := lb.Error
	if fr.below {
		ylabel += "  (" + lb.ZeroAtBottom + ")"
	}
	p := newPlot(lb.StepH, ylabel, th)
	// Linear axes of log10 h and log10 error, ticked as powers of ten:
	// gonum's LogScale places a long axis label by the arithmetic mean of
	// the range (near the top on a log axis), which squeezes the plot.
	p.X.Tick.Marker, p.Y.Tick.Marker = exponentTicks{}, exponentTicks{}
	p.X.Min, p.X.Max = math.Log10(fr.x0), math.Log10(fr.x1)
	p.Y.Min, p.Y.Max = math.Log10(fr.y0), math.Log10(fr.y1)
	p.Title.Text = "x = " + formatPoint(d.Point, s.dims())
	if len(d.Coords) > 2 {
		p.Title.Text = "x = " + formatCoords(d.Coords)
	}
	p.Title.TextStyle.Font = fontOf(11, th.scale)
	p.Title.TextStyle.Color = th.fg
	p.Title.Padding = vg.Length(4 * th.scale)
	p.Add(gridLines(th), hErrorCurves{d: d, lb: lb, th: th})
	return p
}

// formatPoint writes x, or (x, y) for two dimensions, in short form.
func formatPoint(p [2]float64, dims int) string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	if dims == 1 {
		return f(p[0])
	}
	return "(" + f(p[0]) + ", " + f(p[1]) + ")"
}

// formatCoords writes a point of many coordinates: its first four and an
// ellipsis for more.
func formatCoords(x []float64) string {
	parts := make([]string, 0, 5)
	for i, v := range x {
		if i == 4 {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, strconv.FormatFloat(v, 'g', 6, 64))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// hErrorCurves draws the two error curves, the |∇f| reference line, the
// chosen step and the legend.
type hErrorCurves struct {
	d  *HErrorData
	lb Labels
	th *theme
}

// colors returns the colours of the forward and the central difference.
func (hc hErrorCurves) colors() (fwd, cen color.RGBA) {
	if hc.th.dark {
		return hc.th.runColor(5), hc.th.runColor(1) // vermillion, sky blue
	}
	return hc.th.runColor(5), hc.th.runColor(4) // vermillion, blue
}

// Plot implements plot.Plotter.
func (hc hErrorCurves) Plot(c vgdraw.Canvas, p *plot.Plot) {
	th := hc.th
	sc := vg.Length(th.scale)
	trX, trY := p.Transforms(&c)
	var marks []vg.Point
	marks = append(marks, hc.drawReference(c, p, trY)...)
	marks = append(marks, hc.drawChosen(c, p, trX)...)
	fwd, cen := hc.colors()
	var occupied []vg.Point
	for _, e := range []struct {
		v   []float64
		col color.RGBA
	}{{hc.d.Forward, fwd}, {hc.d.Central, cen}} {
		for _, l := range hErrorLines(c, p, trX, trY, hc.d.Hs, e.v) {
			occupied = append(occupied, l...)
			for _, cl := range c.ClipLinesXY(l) {
				if len(cl) > 1 {
					strokeLines(c, vgdraw.LineStyle{Color: e.col, Width: vg.Length(th.lossW) * sc}, cl)
				}
			}
		}
	}
	drawLegend(c, []legendEntry{{hc.lb.Forward, fwd}, {hc.lb.Central, cen}}, occupied, marks, th)
}

// hErrorLines returns the polylines of the errors vs over the steps hs,
// broken where a step or an error cannot be drawn; errors of 0 lie on the
// bottom edge.
func hErrorLines(c vgdraw.Canvas, p *plot.Plot, trX, trY func(float64) vg.Length, hs, vs []float64) [][]vg.Point {
	var lines [][]vg.Point
	var line []vg.Point
	for i, h := range hs {
		e := at(vs, i)
		if !(h > 0) || !finite(h) || !(e >= 0) || !finite(e) {
			if len(line) > 0 {
				lines, line = append(lines, line), nil
			}
			continue
		}
		y := c.Min.Y
		if le := math.Log10(e); le >= p.Y.Min {
			y = trY(le)
		}
		line = append(line, vg.Point{X: trX(math.Log10(h)), Y: y})
	}
	if len(line) > 0 {
		lines = append(lines, line)
	}
	return lines
}

// textStyle is the theme's style of notes drawn on the figure.
func (th *theme) textStyle(xa vgdraw.XAlignment, ya vgdraw.YAlignment) text.Style {
	return text.Style{Font: fontOf(th.textPt, th.scale), Color: th.fg, Handler: plot.DefaultTextHandler, XAlign: xa, YAlign: ya}
}

// GradNorm is |∇f| at the point, over all its coordinates: the error of a
// numeric gradient that is 0.
func (d *HErrorData) GradNorm() float64 {
	if len(d.GradCoords) > 2 {
		s := 0.0
		for _, g := range d.GradCoords {
			s += g * g
		}
		return math.Sqrt(s)
	}
	return math.Hypot(d.Grad[0], d.Grad[1])
}

// drawReference draws a dashed line at |∇f| (the error when the numeric
// gradient is 0, as it is where x + h == x), labelled at its left end
// "|grad f| = … (x + h = x)" (the font has no ∇), and returns the corners of the
// label (for the legend placement); nothing when |∇f| is off the frame.
func (hc hErrorCurves) drawReference(c vgdraw.Canvas, p *plot.Plot, trY func(float64) vg.Length) []vg.Point {
	g := hc.d.GradNorm()
	if lg := math.Log10(g); !(lg >= p.Y.Min && lg <= p.Y.Max) {
		return nil
	}
	sc := vg.Length(hc.th.scale)
	y := trY(math.Log10(g))
	c.StrokeLine2(vgdraw.LineStyle{Color: withAlpha(hc.th.fg, 0.55), Width: 0.8 * sc, Dashes: []vg.Length{3 * sc, 3 * sc}},
		c.Min.X, y, c.Max.X, y)
	sty := hc.th.textStyle(vgdraw.XLeft, vgdraw.YBottom)
	txt := "|grad f| = " + strconv.FormatFloat(g, 'g', 4, 64) + "   (x + h = x)"
	pos := vg.Point{X: c.Min.X + 4*sc, Y: y + 2*sc}
	c.FillText(sty, pos, txt)
	return textCorners(pos, sty.Width(txt), sty.Height(txt))
}

// drawChosen marks the chosen step: a dashed vertical line labelled
// "chosen h = …" near the top, or, when the step is off the axis, an arrow
// at that edge pointing outwards with the same label. It returns the
// corners of the label.
func (hc hErrorCurves) drawChosen(c vgdraw.Canvas, p *plot.Plot, trX func(float64) vg.Length) []vg.Point {
	h := hc.d.H
	if !(h > 0) || !finite(h) {
		return nil
	}
	th := hc.th
	sc := vg.Length(th.scale)
	txt := hc.lb.ChosenH + " = " + strconv.FormatFloat(h, 'g', 4, 64)
	sty := th.textStyle(vgdraw.XLeft, vgdraw.YTop)
	tw, tl := sty.Width(txt), sty.Height(txt)
	y := c.Max.Y - 5*sc
	sty2 := vgdraw.LineStyle{Color: th.fg, Width: 1.2 * sc}
	var pos vg.Point
	switch {
	case math.Log10(h) < p.X.Min, math.Log10(h) > p.X.Max:
		left := math.Log10(h) < p.X.Min
		edge, dir := c.Min.X+2*sc, vg.Length(1)
		if !left {
			edge, dir = c.Max.X-2*sc, -1
		}
		ay := y - tl/2
		arrowHead(c, vg.Point{X: edge + dir*18*sc, Y: ay}, vg.Point{X: edge, Y: ay}, th.fg, sty2)
		pos = vg.Point{X: edge + dir*22*sc, Y: y}
		if !left {
			pos.X -= tw
		}
	default:
		x := trX(math.Log10(h))
		c.StrokeLine2(vgdraw.LineStyle{Color: th.fg, Width: sc, Dashes: []vg.Length{4 * sc, 3 * sc}}, x, c.Min.Y, x, c.Max.Y)
		pos = vg.Point{X: x + 4*sc, Y: y}
		if pos.X+tw > c.Max.X {
			pos.X = x - 4*sc - tw
		}
	}
	c.FillText(sty, pos, txt)
	return textCorners(vg.Point{X: pos.X, Y: pos.Y - tl}, tw, tl)
}

// arrowHead strokes a plain arrow from a to b with a filled head.
func arrowHead(c vgdraw.Canvas, a, b vg.Point, col color.Color, sty vgdraw.LineStyle) {
	var shaft, head vg.Path
	appendArrow(&shaft, &head, fieldArrow{tail: a, tip: b}, float64(sty.Width)/1.2)
	c.SetLineStyle(sty)
	c.Stroke(shaft)
	c.SetColor(col)
	c.Fill(head)
}

// textCorners returns the corners and the centre of the box of a text of
// width w and height h whose bottom left corner is at.
func textCorners(at vg.Point, w, h vg.Length) []vg.Point {
	return []vg.Point{at, {X: at.X + w, Y: at.Y}, {X: at.X, Y: at.Y + h}, {X: at.X + w, Y: at.Y + h},
		{X: at.X + w/2, Y: at.Y + h/2}}
}

// exponentTicks ticks a linear axis of decimal exponents (log10 of the
// value) as logTicks ticks a log axis: powers of ten, at most about six
// labelled, minor ticks at 2…9 times a power over a short range.
type exponentTicks struct{}

// Ticks implements plot.Ticker.
func (exponentTicks) Ticks(lo, hi float64) []plot.Tick {
	ticks := logTicks{}.Ticks(math.Pow(10, lo), math.Pow(10, hi))
	for i := range ticks {
		e := math.Log10(ticks[i].Value)
		if r := math.Round(e); math.Abs(e-r) < 1e-9 {
			e = r // a power of ten, exactly
		}
		ticks[i].Value = e
	}
	return ticks
}
