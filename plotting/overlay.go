package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// maxDots is the number of drawn points above which the small dots on a
// path are thinned out (they would merge into a thick line anyway).
const maxDots = 400

// drawMainOverlay draws the runs over the contour or curve panel: paths,
// points, start/end/current markers, arrows or tangents, and the legend.
// c is the canvas restricted to the panel's data area (used for clipping).
func drawMainOverlay(c vgdraw.Canvas, pn panel, s *Scene, o Options, legend bool) {
	th := mainTheme(o, s.dims())
	small := *th // the small dots on a path: no outer edge
	small.edgeW = 0
	sc := vg.Length(o.Scale)
	mk := vg.Length(th.mark) * sc // marker sizes
	var occupied, marks []vg.Point
	for _, m := range s.Minima {
		if s.dims() == 2 && finite(m[0]) && finite(m[1]) {
			marks = append(marks, pn.pt(m[0], m[1]))
		}
	}
	runs := positionRuns(s)
	for _, v := range runs {
		col := th.runColor(v.index)
		cur := v.upTo(s.Current)
		if cur < 0 {
			continue
		}
		pts, idx := v.canvasPoints(pn, s.dims(), cur)
		occupied = append(occupied, pts...)
		if s.dims() == 1 {
			drawTangent(c, pn, s, v, cur, col, th)
		}
		strokePath(c, pts, idx, col, th)
		if len(pts) <= maxDots {
			for _, p := range pts {
				dot(c, &small, p, 1.9*mk, col, 0.8*sc)
			}
		}
		// Start (ring), current (large disk), end (cross).
		if p, ok := v.canvasPoint(pn, s.dims(), 0); ok && c.Contains(p) {
			ring(c, th, p, 4.5*mk, col)
			marks = append(marks, p)
		}
		pc, okc := v.canvasPoint(pn, s.dims(), cur)
		if okc && c.Contains(pc) {
			marks = append(marks, pc)
			if s.dims() == 2 {
				if o.Velocity && cur < len(v.r.VX) && cur < len(v.r.VY) {
					velocityArrow(c, pn, pc, v.r.VX[cur], v.r.VY[cur], col, th)
				}
				if o.Gradient && cur < len(v.r.GX) && cur < len(v.r.GY) {
					gradientArrow(c, pn, pc, v.r.GX[cur], v.r.GY[cur], th)
				}
				if stateOn(o) {
					drawState(c, pn, pc, v.r.State, o, col, th)
				}
			}
			dot(c, th, pc, 5.5*mk, col, 1.6*sc)
			if cur == v.n-1 && cur > 0 {
				cross(c, pc, 4*mk, white, 1.6*mk)
			}
		}
	}
	marks = append(marks, drawNote(c, projectionNote(s, o.labels()), th)...)
	if legend {
		drawLegend(c, legendEntries(s, th, o.labels()), occupied, marks, th)
	}
}

// canvasPoint returns the canvas point of point i (x, y for 2-D; x, f for
// 1-D) and whether it is drawable (finite).
func (v runView) canvasPoint(pn panel, dims, i int) (vg.Point, bool) {
	x := v.r.X[i]
	y := v.y(i)
	if dims == 1 {
		y = v.f(i)
	}
	if math.IsNaN(x) || math.IsNaN(y) {
		return vg.Point{}, false
	}
	return pn.pt(x, y), true
}

// canvasPoints returns the drawable points 0..cur in canvas coordinates,
// dropping points closer than a quarter point to the previous one (so a
// million-step run costs what its picture costs), and for each kept point
// its index. A NaN point breaks the path: its index is recorded as -1 with a
// zero point.
func (v runView) canvasPoints(pn panel, dims, cur int) ([]vg.Point, []int) {
	pts := make([]vg.Point, 0, min(cur+1, 4096))
	idx := make([]int, 0, cap(pts))
	const minStep = 0.25
	var last vg.Point
	have := false
	for i := 0; i <= cur; i++ {
		p, ok := v.canvasPoint(pn, dims, i)
		if !ok {
			if have {
				pts, idx = append(pts, vg.Point{}), append(idx, -1)
				have = false
			}
			continue
		}
		if have && i != cur && math.Abs(float64(p.X-last.X)) < minStep && math.Abs(float64(p.Y-last.Y)) < minStep {
			continue
		}
		pts, idx = append(pts, p), append(idx, i)
		last, have = p, true
	}
	// Remove the break markers from the returned points but keep the breaks
	// for stroking: strokePath splits at idx == -1.
	return pts, idx
}

// strokePath strokes the polyline (split at breaks, clipped to the data
// area) over a halo (white on the heat map) so it reads on any colour, and in
// high contrast an outer black edge around the halo.
func strokePath(c vgdraw.Canvas, pts []vg.Point, idx []int, col color.RGBA, th *theme) {
	sc := vg.Length(th.scale)
	var pieces [][]vg.Point
	start := 0
	for i := range pts {
		if idx[i] < 0 {
			if i-start > 1 {
				pieces = append(pieces, pts[start:i])
			}
			start = i + 1
		}
	}
	if len(pts)-start > 1 {
		pieces = append(pieces, pts[start:])
	}
	var clipped [][]vg.Point
	for _, p := range pieces {
		clipped = append(clipped, c.ClipLinesXY(p)...)
	}
	if th.edgeW > 0 {
		for _, l := range clipped {
			if len(l) > 1 {
				strokeLines(c, vgdraw.LineStyle{Color: th.edge, Width: vg.Length(th.haloW+2*th.edgeW) * sc}, l)
			}
		}
	}
	for _, l := range clipped {
		if len(l) > 1 {
			strokeLines(c, vgdraw.LineStyle{Color: th.halo, Width: vg.Length(th.haloW) * sc}, l)
		}
	}
	for _, l := range clipped {
		if len(l) > 1 {
			strokeLines(c, vgdraw.LineStyle{Color: col, Width: vg.Length(th.pathW) * sc}, l)
		}
	}
}

// dot draws a filled disk of radius r with a ring of width ringW in the
// theme's halo colour (and its edge, if any).
func dot(c vgdraw.Canvas, th *theme, p vg.Point, r vg.Length, col color.Color, ringW vg.Length) {
	if p == (vg.Point{}) || !c.Contains(p) {
		return
	}
	if th.edgeW > 0 {
		c.SetColor(th.edge)
		c.Fill(circlePath(p, r+ringW+vg.Length(th.edgeW*th.scale)))
	}
	c.SetColor(th.halo)
	c.Fill(circlePath(p, r+ringW))
	c.SetColor(col)
	c.Fill(circlePath(p, r))
}

// ring draws the start marker: an open circle on a disk of the halo colour.
func ring(c vgdraw.Canvas, th *theme, p vg.Point, r vg.Length, col color.Color) {
	sc := vg.Length(th.scale)
	if th.edgeW > 0 {
		c.SetColor(th.edge)
		c.Fill(circlePath(p, r+2*sc+vg.Length(th.edgeW)*sc))
	}
	c.SetColor(th.halo)
	c.Fill(circlePath(p, r+2*sc))
	c.SetLineStyle(vgdraw.LineStyle{Color: col, Width: vg.Length(2*th.mark) * sc})
	c.Stroke(circlePath(p, r))
}

// cross draws an × of half-size r.
func cross(c vgdraw.Canvas, p vg.Point, r vg.Length, col color.Color, w vg.Length) {
	sty := vgdraw.LineStyle{Color: col, Width: w}
	c.StrokeLine2(sty, p.X-r, p.Y-r, p.X+r, p.Y+r)
	c.StrokeLine2(sty, p.X-r, p.Y+r, p.X+r, p.Y-r)
}

// gradientArrow draws ∇f at p as a fixed-length dark arrow: its direction is
// what matters (its size varies over many orders of magnitude).
func gradientArrow(c vgdraw.Canvas, pn panel, p vg.Point, gx, gy float64, th *theme) {
	sx, sy := pn.scaleXY()
	dx, dy := gx*sx, gy*sy
	n := math.Hypot(dx, dy)
	if !(n > 0) || !finite(n) {
		return
	}
	l := 36 * th.scale * th.mark
	arrow(c, p, vg.Point{X: p.X + vg.Length(dx/n*l), Y: p.Y + vg.Length(dy/n*l)}, th.arrowClr, th)
}

// velocityArrow draws the update (x_k − x_{k−1}) at p in data units, kept
// between a visible minimum and a third of the panel.
func velocityArrow(c vgdraw.Canvas, pn panel, p vg.Point, vx, vy float64, col color.RGBA, th *theme) {
	sx, sy := pn.scaleXY()
	dx, dy := vx*sx, vy*sy
	n := math.Hypot(dx, dy)
	if !(n > 0) || !finite(n) {
		return
	}
	sz := pn.rect.Size()
	l := clamp(n, 14*th.scale*th.mark*th.mark, float64(min(sz.X, sz.Y))/3) // longer than the marker is wide
	arrow(c, p, vg.Point{X: p.X + vg.Length(dx/n*l), Y: p.Y + vg.Length(dy/n*l)}, col, th)
}

// arrow draws a haloed arrow from a to b.
func arrow(c vgdraw.Canvas, a, b vg.Point, col color.Color, th *theme) {
	scale := th.scale
	sc := vg.Length(scale)
	w := vg.Length(th.pathW / 1.8) // 1 normally, thicker in high contrast
	dx, dy := float64(b.X-a.X), float64(b.Y-a.Y)
	n := math.Hypot(dx, dy)
	if n == 0 {
		return
	}
	ux, uy := dx/n, dy/n
	hl, hw := 7*scale*float64(w), 3.5*scale*float64(w)
	base := vg.Point{X: b.X - vg.Length(ux*hl), Y: b.Y - vg.Length(uy*hl)}
	var head vg.Path
	head.Move(b)
	head.Line(vg.Point{X: base.X - vg.Length(uy*hw), Y: base.Y + vg.Length(ux*hw)})
	head.Line(vg.Point{X: base.X + vg.Length(uy*hw), Y: base.Y - vg.Length(ux*hw)})
	head.Close()
	for _, l := range c.ClipLinesXY([]vg.Point{a, base}) {
		if th.edgeW > 0 {
			c.StrokeLines(vgdraw.LineStyle{Color: th.edge, Width: (4*w + 2*vg.Length(th.edgeW)) * sc}, l)
		}
		c.StrokeLines(vgdraw.LineStyle{Color: withAlpha(th.halo, 0.85), Width: 4 * w * sc}, l)
		c.StrokeLines(vgdraw.LineStyle{Color: col, Width: 2 * w * sc}, l)
	}
	if c.Contains(b) {
		c.SetLineStyle(vgdraw.LineStyle{Color: withAlpha(th.halo, 0.85), Width: 2 * w * sc})
		c.Stroke(head)
		c.SetColor(col)
		c.Fill(head)
	}
}

// drawTangent draws the tangent of f at the current point of a 1-D run:
// slope from the run's gradient if given, else a central difference of F.
func drawTangent(c vgdraw.Canvas, pn panel, s *Scene, v runView, cur int, col color.RGBA, th *theme) {
	x, fx := v.r.X[cur], v.f(cur)
	if !finite(x) || !finite(fx) {
		return
	}
	m := nan
	if cur < len(v.r.GX) {
		m = v.r.GX[cur]
	}
	if !finite(m) {
		h := 1e-4 * math.Max(1, math.Abs(x))
		m = (s.eval(x+h, 0) - s.eval(x-h, 0)) / (2 * h)
	}
	if !finite(m) {
		return
	}
	half := 0.18 * (pn.x1 - pn.x0)
	line := []vg.Point{pn.pt(x-half, fx-m*half), pn.pt(x+half, fx+m*half)}
	sc := vg.Length(th.scale)
	for _, l := range c.ClipLinesXY(line) {
		c.StrokeLines(vgdraw.LineStyle{Color: col, Width: vg.Length(1.4*th.mark) * sc, Dashes: []vg.Length{5 * sc, 3 * sc}}, l)
	}
}

// overlayPlotter draws the runs as a gonum plotter, for vector outputs (the
// raster path draws the same overlay over a cached background instead).
type overlayPlotter struct {
	s      *Scene
	o      Options
	legend bool
}

// Plot implements plot.Plotter.
func (op overlayPlotter) Plot(c vgdraw.Canvas, p *plot.Plot) {
	pn := panel{rect: c.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max}
	drawMainOverlay(c, pn, op.s, op.o, op.legend)
}
