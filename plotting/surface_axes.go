package plotting

import (
	"image/color"
	"math"
	"slices"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/spatial/r3"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// axisTick is a labelled tick of a surface axis at world coordinate pos.
type axisTick struct {
	pos   float64
	label string
}

// surfaceAxes is the axes box of the surface view: the back panes with
// grid lines, and the x, y and f axes with ticks and labels along its
// front edges.
type surfaceAxes struct {
	xt, yt, ft []axisTick
	fLabel     string    // "f", or "f (log scale)" on compressed heights
	names      [2]string // the x and y axes' names (Scene.AxisNames)
}

// newSurfaceAxes chooses the ticks of the mesh's box and height scale.
func newSurfaceAxes(m *surfaceMesh, lb Labels) *surfaceAxes {
	ax := &surfaceAxes{fLabel: "f", names: [2]string{"x", "y"}}
	lin := func(lo, hi float64) []axisTick {
		var out []axisTick
		for _, t := range (linTicks{}).Ticks(lo, hi) {
			if t.Label != "" && t.Value >= lo && t.Value <= hi {
				out = append(out, axisTick{pos: (t.Value-lo)/(hi-lo) - 0.5, label: t.Label})
			}
		}
		return out
	}
	ax.xt = lin(m.box.XMin, m.box.XMax)
	ax.yt = lin(m.box.YMin, m.box.YMax)
	switch {
	case m.g.tmax == 0:
		ax.ft = []axisTick{{pos: 0, label: fTickLabel(m.g.lo)}}
	case m.logZ:
		ax.ft = logFTicks(m)
		ax.fLabel = "f (" + lb.LogScale + ")"
	default:
		for _, t := range lin(m.g.lo, m.g.hi) {
			ax.ft = append(ax.ft, axisTick{pos: t.pos * 2 * zHalf, label: t.label})
		}
	}
	return ax
}

// logFTicks labels a compressed f axis with 0 and powers of ten (and 2 and
// 5 times them when there are fewer than three), at least a tenth of the
// axis apart.
func logFTicks(m *surfaceMesh) []axisTick {
	lo, hi := m.g.lo, m.g.hi
	pick := func(mants []float64) []axisTick {
		var cand []float64
		if lo <= 0 && hi >= 0 {
			cand = append(cand, 0)
		}
		for e := -30; e <= 308; e++ {
			for _, mt := range mants {
				v := mt * math.Pow(10, float64(e))
				for _, c := range []float64{v, -v} {
					if c >= lo && c <= hi {
						cand = append(cand, c)
					}
				}
			}
		}
		slices.Sort(cand)
		var out []axisTick
		last := math.Inf(-1)
		for _, c := range cand {
			if t := m.unit(c); t-last >= 0.1 && t <= 1 {
				out = append(out, axisTick{pos: (t - 0.5) * 2 * zHalf, label: fTickLabel(c)})
				last = t
			}
		}
		return out
	}
	out := pick([]float64{1})
	if len(out) < 3 {
		out = pick([]float64{1, 2, 5})
	}
	return out
}

// fTickLabel formats a tick value of the f axis compactly.
func fTickLabel(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e5 {
		return strconv.Itoa(int(v))
	}
	s := strconv.FormatFloat(v, 'g', 3, 64)
	s = strings.Replace(s, "e+0", "e", 1)
	s = strings.Replace(s, "e+", "e", 1)
	return strings.Replace(s, "e-0", "e-", 1)
}

// sgn is the sign of v, with 0 counted positive.
func sgn(v float64) float64 {
	if v < 0 {
		return -1
	}
	return 1
}

// paneColor is the fill of the back panes: a tint of the grid colour.
func paneColor(th *theme) color.RGBA {
	mix := func(a, b uint8) uint8 { return uint8((2*int(a) + int(b)) / 3) }
	return color.RGBA{mix(th.bg.R, th.grid.R), mix(th.bg.G, th.grid.G), mix(th.bg.B, th.grid.B), 0xFF}
}

// drawPanes fills the three faces of the box away from the camera (they
// are behind everything in it) and draws grid lines at the ticks on them.
func (ax *surfaceAxes) drawPanes(sc surfCanvas, pr projector, th *theme) {
	tv := pr.toViewer()
	xb, yb, zb := -sgn(tv.X)*0.5, -sgn(tv.Y)*0.5, -sgn(tv.Z)*zHalf
	v := func(x, y, z float64) r3.Vec { return r3.Vec{X: x, Y: y, Z: z} }
	panes := [3][4]r3.Vec{
		{v(-0.5, -0.5, zb), v(0.5, -0.5, zb), v(0.5, 0.5, zb), v(-0.5, 0.5, zb)},
		{v(xb, -0.5, -zHalf), v(xb, 0.5, -zHalf), v(xb, 0.5, zHalf), v(xb, -0.5, zHalf)},
		{v(-0.5, yb, -zHalf), v(0.5, yb, -zHalf), v(0.5, yb, zHalf), v(-0.5, yb, zHalf)},
	}
	sty := vgdraw.LineStyle{Color: th.grid, Width: vg.Length(0.6 * th.scale)}
	edge := vgdraw.LineStyle{Color: th.grid, Width: vg.Length(0.9 * th.scale)}
	for _, p := range panes {
		var path vg.Path
		for i, c := range p {
			if i == 0 {
				path.Move(sc.ptOf(pr, c))
			} else {
				path.Line(sc.ptOf(pr, c))
			}
		}
		path.Close()
		sc.c.SetColor(paneColor(th))
		sc.c.Fill(path)
		sc.c.SetLineStyle(edge)
		sc.c.Stroke(path)
	}
	seg := func(a, b r3.Vec) { sc.c.StrokeLines(sty, []vg.Point{sc.ptOf(pr, a), sc.ptOf(pr, b)}) }
	for _, t := range ax.xt {
		seg(v(t.pos, -0.5, zb), v(t.pos, 0.5, zb))
		seg(v(t.pos, yb, -zHalf), v(t.pos, yb, zHalf))
	}
	for _, t := range ax.yt {
		seg(v(-0.5, t.pos, zb), v(0.5, t.pos, zb))
		seg(v(xb, t.pos, -zHalf), v(xb, t.pos, zHalf))
	}
	for _, t := range ax.ft {
		seg(v(xb, -0.5, t.pos), v(xb, 0.5, t.pos))
		seg(v(-0.5, yb, t.pos), v(0.5, yb, t.pos))
	}
}

// drawAxes draws the x and y axes along the front edges of the floor and
// the f axis along the vertical edge at the left of the picture, with
// ticks pointing out of the box and their labels beyond them.
func (ax *surfaceAxes) drawAxes(sc surfCanvas, pr projector, th *theme) {
	tv := pr.toViewer()
	xf, yf := sgn(tv.X)*0.5, sgn(tv.Y)*0.5
	zb := -zHalf
	v := func(x, y, z float64) r3.Vec { return r3.Vec{X: x, Y: y, Z: z} }
	ax.axis(sc, pr, th, v(-0.5, yf, zb), v(0.5, yf, zb), v(0, 2*yf, 0), ax.xt, ax.names[0])
	ax.axis(sc, pr, th, v(xf, -0.5, zb), v(xf, 0.5, zb), v(2*xf, 0, 0), ax.yt, ax.names[1])
	// The f axis: the vertical edge furthest left on screen.
	best, bestX := r3.Vec{}, math.Inf(1)
	for _, c := range [4]r3.Vec{v(-0.5, -0.5, 0), v(0.5, -0.5, 0), v(0.5, 0.5, 0), v(-0.5, 0.5, 0)} {
		if x, _, _ := pr.project(c); x < bestX {
			best, bestX = c, x
		}
	}
	out := r3.Unit(v(best.X, best.Y, 0))
	ax.axis(sc, pr, th, v(best.X, best.Y, -zHalf), v(best.X, best.Y, zHalf), out, ax.ft, "")
	top := sc.ptOf(pr, v(best.X, best.Y, zHalf))
	sty := textStyle(12, th, vgdraw.XCenter, vgdraw.YBottom)
	sc.c.FillText(sty, vg.Point{X: top.X, Y: top.Y + vg.Length(6*th.scale)}, ax.fLabel)
}

// textStyle is the sans style of the axes at size pt with the alignment.
func textStyle(pt float64, th *theme, xa vgdraw.XAlignment, ya vgdraw.YAlignment) text.Style {
	return text.Style{Font: fontOf(pt, th.scale), Color: th.fg, Handler: plot.DefaultTextHandler, XAlign: xa, YAlign: ya}
}

// axis draws the axis line from a to b (world), ticks at the world
// positions along it pointing along out (world), the tick labels and, if
// not empty, the axis name beyond them.
func (ax *surfaceAxes) axis(sc surfCanvas, pr projector, th *theme, a, b, out r3.Vec, ticks []axisTick, name string) {
	line := vgdraw.LineStyle{Color: th.fg, Width: vg.Length(th.axisW * th.scale)}
	pa, pb := sc.ptOf(pr, a), sc.ptOf(pr, b)
	sc.c.StrokeLines(line, []vg.Point{pa, pb})
	// The screen direction of out, in canvas points.
	o0, o1 := sc.ptOf(pr, r3.Vec{}), sc.ptOf(pr, out)
	dx, dy := float64(o1.X-o0.X), float64(o1.Y-o0.Y)
	n := math.Hypot(dx, dy)
	if n < 1e-9 {
		dx, dy, n = 0, -1, 1
	}
	dx, dy = dx/n, dy/n
	tl, gap := 4*th.scale, 3*th.scale
	sty := textStyle(10, th, vgdraw.XCenter, vgdraw.YCenter)
	reach := 0.0
	dir := r3.Sub(b, a)
	for _, t := range ticks {
		f := t.pos
		var p vg.Point
		switch {
		case dir.X != 0:
			p = sc.ptOf(pr, r3.Vec{X: f, Y: a.Y, Z: a.Z})
		case dir.Y != 0:
			p = sc.ptOf(pr, r3.Vec{X: a.X, Y: f, Z: a.Z})
		default:
			p = sc.ptOf(pr, r3.Vec{X: a.X, Y: a.Y, Z: f})
		}
		end := vg.Point{X: p.X + vg.Length(dx*tl), Y: p.Y + vg.Length(dy*tl)}
		sc.c.StrokeLines(line, []vg.Point{p, end})
		w, h := float64(sty.Width(t.label)), float64(sty.Height(t.label))
		off := tl + gap + math.Abs(dx)*w/2 + math.Abs(dy)*h/2
		reach = max(reach, off+math.Abs(dx)*w/2+math.Abs(dy)*h/2)
		sc.c.FillText(sty, vg.Point{X: p.X + vg.Length(dx*off), Y: p.Y + vg.Length(dy*off)}, t.label)
	}
	if name == "" {
		return
	}
	ls := textStyle(12, th, vgdraw.XCenter, vgdraw.YCenter)
	mid := vg.Point{X: (pa.X + pb.X) / 2, Y: (pa.Y + pb.Y) / 2}
	off := max(reach, tl+gap) + gap + float64(ls.Height(name))/2
	sc.c.FillText(ls, vg.Point{X: mid.X + vg.Length(dx*off), Y: mid.Y + vg.Length(dy*off)}, name)
}
