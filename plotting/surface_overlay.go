package plotting

import (
	"image/color"
	"math"

	"gonum.org/v1/gonum/spatial/r3"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// surfBias is how far (world units, the box being 1 wide) a path or marker
// may lie behind the surface and still be drawn: the points sit on f while
// the mesh between its nodes is linear.
const surfBias = 0.02

// surfPath is a run's path on the surface up to its current point, in
// pixels and depths: the pieces inside the box, the points where it leaves
// the box (marked), and the start and current points when inside.
type surfPath struct {
	pieces [][]zpoint
	exits  []zpoint
	start  *zpoint
	cur    *zpoint
	world  r3.Vec // world position of the current point
	curOK  bool
}

// runPoint returns the world point of point i of the run: (x, y) at its f
// (sampled from the scene when the run has none); ok is false for NaN.
func runPoint(m *surfaceMesh, s *Scene, v runView, i int) (r3.Vec, bool) {
	x, y := v.r.X[i], v.y(i)
	f := v.f(i)
	if math.IsNaN(f) && finite(x) && finite(y) {
		f = s.eval(x, y)
	}
	if math.IsNaN(x) || math.IsNaN(y) || math.IsNaN(f) {
		return r3.Vec{}, false
	}
	return m.world(x, y, f), true
}

// worldBox is the box of the surface in world coordinates, a hair larger
// so that points on its faces count as inside.
var worldLo, worldHi = r3.Vec{X: -0.5 - 1e-9, Y: -0.5 - 1e-9, Z: -zHalf - 1e-9}, r3.Vec{X: 0.5 + 1e-9, Y: 0.5 + 1e-9, Z: zHalf + 1e-9}

// clipSeg clips the segment ab to the world box (Liang–Barsky): the part
// inside is a + t(b − a) for t in [t0, t1].
func clipSeg(a, b r3.Vec) (t0, t1 float64, ok bool) {
	t0, t1 = 0, 1
	d := r3.Sub(b, a)
	for _, c := range [3][4]float64{
		{a.X, d.X, worldLo.X, worldHi.X}, {a.Y, d.Y, worldLo.Y, worldHi.Y}, {a.Z, d.Z, worldLo.Z, worldHi.Z},
	} {
		p, dp, lo, hi := c[0], c[1], c[2], c[3]
		if dp == 0 {
			if p < lo || p > hi {
				return 0, 0, false
			}
			continue
		}
		ta, tb := (lo-p)/dp, (hi-p)/dp
		if ta > tb {
			ta, tb = tb, ta
		}
		t0, t1 = max(t0, ta), min(t1, tb)
		if t0 > t1 {
			return 0, 0, false
		}
	}
	return t0, t1, true
}

// newSurfPath projects and clips the points 0..cur of the run.
func newSurfPath(fr *surfaceFrame, s *Scene, v runView, cur int) surfPath {
	var sp surfPath
	var piece []zpoint
	proj := func(w r3.Vec) zpoint {
		x, y, z := fr.pr.project(w)
		return zpoint{x, y, z}
	}
	end := func() {
		if len(piece) > 0 {
			sp.pieces = append(sp.pieces, decimate(piece))
		}
		piece = nil
	}
	var prev r3.Vec
	havePrev := false
	for i := 0; i <= cur; i++ {
		w, ok := runPoint(fr.mesh, s, v, i)
		if !ok {
			end()
			havePrev = false
			continue
		}
		in := inWorldBox(w)
		if i == 0 && in {
			p := proj(w)
			sp.start = &p
		}
		if i == cur {
			sp.world, sp.curOK = w, in
			if in {
				p := proj(w)
				sp.cur = &p
			}
		}
		if !havePrev {
			if in {
				piece = append(piece, proj(w))
			}
			prev, havePrev = w, true
			continue
		}
		t0, t1, ok := clipSeg(prev, w)
		if !ok {
			end()
			prev = w
			continue
		}
		d := r3.Sub(w, prev)
		if t0 > 0 || len(piece) == 0 {
			end()
			piece = append(piece, proj(r3.Add(prev, r3.Scale(t0, d))))
		}
		piece = append(piece, proj(r3.Add(prev, r3.Scale(t1, d))))
		if t1 < 1 {
			sp.exits = append(sp.exits, piece[len(piece)-1])
			end()
		}
		prev = w
	}
	end()
	return sp
}

// inWorldBox reports whether w is inside the (slightly enlarged) box.
func inWorldBox(w r3.Vec) bool {
	return w.X >= worldLo.X && w.X <= worldHi.X && w.Y >= worldLo.Y && w.Y <= worldHi.Y && w.Z >= worldLo.Z && w.Z <= worldHi.Z
}

// decimate drops points closer than half a pixel to the last kept one,
// keeping the first and the last.
func decimate(pts []zpoint) []zpoint {
	if len(pts) < 3 {
		return pts
	}
	out := pts[:1]
	for i := 1; i < len(pts)-1; i++ {
		l := out[len(out)-1]
		if math.Abs(pts[i].x-l.x) < 0.5 && math.Abs(pts[i].y-l.y) < 0.5 {
			continue
		}
		out = append(out, pts[i])
	}
	return append(out, pts[len(pts)-1])
}

// surfPx is the pixel size of things measured in points at scale 1.
type surfPx struct{ px, sc float64 }

// of returns l points times the scale, in pixels.
func (u surfPx) of(l float64) float64 { return l * u.sc * u.px }

// drawSurfaceRuns draws every visible run over the surface in zi (whose
// depth buffer is the surface's): paths, dots, start rings, arrows, balls at
// the current points, exit markers, and the legend.
func drawSurfaceRuns(zi *zimage, fr *surfaceFrame, s *Scene, o Options, legend bool) {
	th := mainTheme(o, 2)
	sc := surfCanvas{c: fullCanvas(zi.img, o.DPI), hpx: zi.h, dpi: o.DPI}
	u := surfPx{px: o.DPI / 72, sc: o.Scale}
	mk := th.mark
	var occupied, marks []vg.Point
	for _, v := range positionRuns(s) {
		cur := v.upTo(s.Current)
		if cur < 0 {
			continue
		}
		col := th.runColor(v.index)
		sp := newSurfPath(fr, s, v, cur)
		drawPathZ(zi, sp.pieces, col, th, u)
		n := 0
		for _, p := range sp.pieces {
			n += len(p)
			for _, q := range p {
				occupied = append(occupied, sc.pt(q.x, q.y))
			}
		}
		if n <= maxDots {
			pathDots(zi, sp.pieces, col, th, u)
		}
		for _, e := range sp.exits {
			exitMark(zi, sc, e, col, th, u)
		}
		if p := sp.start; p != nil && zi.visible(p.x, p.y, p.z, surfBias) {
			ring(sc.c, th, sc.pt(p.x, p.y), vg.Length(4.5*mk*o.Scale), col)
			marks = append(marks, sc.pt(p.x, p.y))
		}
		if p := sp.cur; p != nil && zi.visible(p.x, p.y, p.z, surfBias) {
			marks = append(marks, sc.pt(p.x, p.y))
			surfaceArrows(sc, fr, s, o, v, cur, *p, sp.world, col, th)
			ball(zi, *p, u.of(5.5*mk), col, th, u, fr.pr.scale)
			if cur == v.n-1 && cur > 0 {
				cross(sc.c, sc.pt(p.x, p.y), vg.Length(4*mk*o.Scale), white, vg.Length(1.6*mk*o.Scale))
			}
		}
	}
	marks = append(marks, drawNote(cropMargin(sc.c, o.Scale), projectionNote(s, o.labels()), th)...)
	if legend {
		drawLegend(cropMargin(sc.c, o.Scale), legendEntries(s, th, o.labels()), occupied, marks, th)
	}
}

// pathDots draws the small dots at the points of a path, leaving out those
// that would overlap the previous dot (their halos would cover it).
func pathDots(zi *zimage, pieces [][]zpoint, col color.RGBA, th *theme, u surfPx) {
	r, rh := u.of(1.9*th.mark), u.of(1.9*th.mark+0.8)
	var last zpoint
	have := false
	for _, p := range pieces {
		for _, q := range p {
			if have && math.Hypot(q.x-last.x, q.y-last.y) < 2*rh {
				continue
			}
			zi.disc(q, rh, th.halo, surfBias, false)
			zi.disc(q, r, col, surfBias, false)
			last, have = q, true
		}
	}
}

// drawPathZ strokes the pieces of a path (as strokePath does on the
// contour: an outer edge in high contrast, the halo, the colour), each pixel
// depth-tested against the surface.
func drawPathZ(zi *zimage, pieces [][]zpoint, col color.RGBA, th *theme, u surfPx) {
	pass := func(c color.RGBA, w float64) {
		for _, p := range pieces {
			for i := 1; i < len(p); i++ {
				zi.line(p[i-1], p[i], u.of(w)/2, c, surfBias)
			}
		}
	}
	if th.edgeW > 0 {
		pass(th.edge, th.haloW+2*th.edgeW)
	}
	pass(th.halo, th.haloW)
	pass(col, th.pathW)
}

// ball draws the current point as a lit ball on a ring of the halo colour
// (and the outer edge in high contrast), hidden where the surface is in
// front of it.
func ball(zi *zimage, p zpoint, r float64, col color.RGBA, th *theme, u surfPx, scale float64) {
	bias := surfBias + r/scale
	ringW := u.of(1.6)
	if th.edgeW > 0 {
		zi.disc(p, r+ringW+u.of(th.edgeW), th.edge, bias, false)
	}
	zi.disc(p, r+ringW, th.halo, bias, false)
	zi.disc(p, r, col, bias, true)
}

// exitMark marks where a path leaves the box: a cross in the run's colour
// on a disc of the halo colour.
func exitMark(zi *zimage, sc surfCanvas, p zpoint, col color.RGBA, th *theme, u surfPx) {
	if !zi.visible(p.x, p.y, p.z, surfBias) {
		return
	}
	r := u.of(4.5 * th.mark)
	zi.disc(p, r, th.halo, surfBias, false)
	l := vg.Length(3 * th.mark * th.scale)
	cross(sc.c, sc.pt(p.x, p.y), l, col, vg.Length(1.8*th.mark*th.scale))
}

// surfaceArrows draws the gradient and the update arrows of the contour
// view at the current point p (world w) of the run, along the surface.
func surfaceArrows(sc surfCanvas, fr *surfaceFrame, s *Scene, o Options, v runView, cur int, p zpoint, w r3.Vec, col color.RGBA, th *theme) {
	x, y := v.r.X[cur], v.y(cur)
	a := sc.pt(p.x, p.y)
	toward := func(dx, dy float64) (vg.Point, float64, bool) {
		e := fr.mesh.world(x+dx, y+dy, s.eval(x+dx, y+dy))
		ex, ey, _ := fr.pr.project(e)
		b := sc.pt(ex, ey)
		n := math.Hypot(float64(b.X-a.X), float64(b.Y-a.Y))
		if !(n > 1e-6) || !finite(n) {
			return vg.Point{}, 0, false
		}
		return vg.Point{X: (b.X - a.X) / vg.Length(n), Y: (b.Y - a.Y) / vg.Length(n)}, n, true
	}
	if o.Velocity && cur < len(v.r.VX) && cur < len(v.r.VY) && finite(v.r.VX[cur]) && finite(v.r.VY[cur]) {
		if d, n, ok := toward(v.r.VX[cur], v.r.VY[cur]); ok {
			sz := sc.c.Size()
			l := clamp(n, 14*th.scale*th.mark*th.mark, float64(min(sz.X, sz.Y))/3)
			arrow(sc.c, a, vg.Point{X: a.X + d.X*vg.Length(l), Y: a.Y + d.Y*vg.Length(l)}, col, th)
		}
	}
	if o.Gradient && cur < len(v.r.GX) && cur < len(v.r.GY) {
		gx, gy := v.r.GX[cur], v.r.GY[cur]
		b := fr.mesh.box
		g := math.Hypot(gx, gy)
		if !(g > 0) || !finite(g) {
			return
		}
		// A short step along ∇f, its direction on screen.
		h := 0.01 * math.Min(b.XMax-b.XMin, b.YMax-b.YMin) / g
		if d, _, ok := toward(gx*h, gy*h); ok {
			l := vg.Length(36 * th.scale * th.mark)
			arrow(sc.c, a, vg.Point{X: a.X + d.X*l, Y: a.Y + d.Y*l}, th.arrowClr, th)
		}
	}
}

// drawSurfaceMinima marks the known minimisers in the box on the surface
// with the contour view's diamonds, where the surface does not hide them.
func drawSurfaceMinima(sc surfCanvas, fr *surfaceFrame, s *Scene, th *theme) {
	b := fr.mesh.box
	r := vg.Length(3.5 * th.mark * th.scale)
	for _, m := range s.Minima {
		x, y := m[0], m[1]
		if !finite(x) || !finite(y) || x < b.XMin || x > b.XMax || y < b.YMin || y > b.YMax {
			continue
		}
		f := s.eval(x, y)
		if !finite(f) {
			continue
		}
		w := fr.mesh.world(x, y, f)
		if !inWorldBox(w) {
			continue
		}
		px, py, z := fr.pr.project(w)
		if !fr.zi.visible(px, py, z, surfBias) {
			continue
		}
		diamond(sc.c, sc.pt(px, py), r, th)
	}
}

// diamond draws a minimum marker: a white diamond with a dark edge.
func diamond(c vgdraw.Canvas, pt vg.Point, r vg.Length, th *theme) {
	var d vg.Path
	d.Move(vg.Point{X: pt.X, Y: pt.Y + r})
	d.Line(vg.Point{X: pt.X + r, Y: pt.Y})
	d.Line(vg.Point{X: pt.X, Y: pt.Y - r})
	d.Line(vg.Point{X: pt.X - r, Y: pt.Y})
	d.Close()
	c.SetColor(white)
	c.Fill(d)
	c.SetLineStyle(vgdraw.LineStyle{Color: th.minimaEdge, Width: vg.Length(0.8 * th.mark * th.scale)})
	c.Stroke(d)
}
