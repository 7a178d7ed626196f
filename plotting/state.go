package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// stateOn reports whether any part of the optimizer state is drawn.
func stateOn(o Options) bool { return o.StateArrows || o.StateSteps || o.StateAxes }

// drawState draws run v's optimizer state at its current point pc, in the
// run's colour: the step ellipse under the arrow, the principal directions
// as lines through the point (dashed where the function curves down).
func drawState(c vgdraw.Canvas, pn panel, pc vg.Point, st *RunState, o Options, col color.RGBA, th *theme) {
	if st == nil {
		return
	}
	if o.StateSteps && st.Steps != ([2]float64{}) {
		stepEllipse(c, pn, pc, st.Steps, col, th)
	}
	if o.StateAxes && st.Axes != ([2][2]float64{}) {
		principalAxes(c, pc, st, col, th)
	}
	if o.StateArrows && st.Arrow != ([2]float64{}) {
		stateArrow(c, pn, pc, st.Arrow, col, th)
	}
}

// stepEllipse is the axis-aligned ellipse with the per-coordinate steps as
// half-widths (in data units), a translucent fill under a solid outline;
// one far larger than the panel is drawn at the panel's size.
func stepEllipse(c vgdraw.Canvas, pn panel, pc vg.Point, half [2]float64, col color.RGBA, th *theme) {
	sx, sy := pn.scaleXY()
	sz := pn.rect.Size()
	rx := clamp(math.Abs(half[0]*sx), 0, float64(sz.X))
	ry := clamp(math.Abs(half[1]*sy), 0, float64(sz.Y))
	if !(rx > 0) && !(ry > 0) {
		return
	}
	var p vg.Path
	const n = 64
	for i := 0; i <= n; i++ {
		a := 2 * math.Pi * float64(i) / n
		q := vg.Point{X: pc.X + vg.Length(rx*math.Cos(a)), Y: pc.Y + vg.Length(ry*math.Sin(a))}
		if i == 0 {
			p.Move(q)
		} else {
			p.Line(q)
		}
	}
	p.Close()
	c.SetColor(withAlpha(col, 0.18))
	c.Fill(p)
	sc := vg.Length(th.scale)
	c.SetLineStyle(vgdraw.LineStyle{Color: withAlpha(th.halo, 0.85), Width: vg.Length(th.pathW) * 2 * sc})
	c.Stroke(p)
	c.SetLineStyle(vgdraw.LineStyle{Color: col, Width: vg.Length(th.pathW) * sc, Dashes: []vg.Length{5 * sc, 3 * sc}})
	c.Stroke(p)
}

// principalAxes draws the two principal directions through pc, each 60
// points long (times the scale): solid where the eigenvalue is positive,
// dashed where it is not.
func principalAxes(c vgdraw.Canvas, pc vg.Point, st *RunState, col color.RGBA, th *theme) {
	sc := vg.Length(th.scale)
	l := 30 * th.scale * th.mark
	for i, d := range st.Axes {
		n := math.Hypot(d[0], d[1])
		if !(n > 0) {
			continue
		}
		dx, dy := vg.Length(d[0]/n*l), vg.Length(d[1]/n*l)
		line := []vg.Point{{X: pc.X - dx, Y: pc.Y - dy}, {X: pc.X + dx, Y: pc.Y + dy}}
		sty := vgdraw.LineStyle{Color: col, Width: vg.Length(th.pathW) * 1.2 * sc}
		if !(st.Eigen[i] > 0) {
			sty.Dashes = []vg.Length{4 * sc, 3 * sc}
		}
		for _, seg := range c.ClipLinesXY(line) {
			c.StrokeLines(vgdraw.LineStyle{Color: withAlpha(th.halo, 0.85), Width: sty.Width + 2*sc}, seg)
			c.StrokeLines(sty, seg)
		}
	}
}

// stateArrow draws the state's vector at its length in data units, kept
// between a visible minimum and a third of the panel, as the update arrow
// is.
func stateArrow(c vgdraw.Canvas, pn panel, pc vg.Point, v [2]float64, col color.RGBA, th *theme) {
	velocityArrow(c, pn, pc, v[0], v[1], col, th)
}
