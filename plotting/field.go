package plotting

import (
	"image"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// The gradient field (Options.Field): arrows of −∇f, one centred in each
// cell of a regular grid over the contour panel's data area.
//
// The raster path draws every arrow into the cached background and keeps a
// copy of the background without them (background.plain); a frame copies
// the background as before and then restores, from that copy, the cells of
// the arrows that would lie under a current point (clearField), which costs
// a few small copies. An arrow stays inside its own cell (it is at most
// fieldLen of the cell long and centred on the cell's centre), so restoring
// a cell removes exactly its arrow. The vector path (SVG, PDF) leaves those
// arrows out instead (fieldPlotter); both use fieldGrid.skipped.
const (
	fieldMinCols = 15   // fewest columns of arrows
	fieldMaxCols = 25   // most columns of arrows
	fieldCellPt  = 27.0 // wanted cell width in points at scale 1
	fieldMaxRows = 100  // most rows (a very tall free-aspect panel)
	fieldLen     = 0.75 // longest arrow, as a fraction of the cell
	fieldQuant   = 0.95 // quantile of |∇f| drawn at full length (see Options.Field)
)

// fieldOn reports whether the contour panel of s is drawn with the gradient
// field under options o.
func fieldOn(s *Scene, o Options) bool { return o.Field && s.Grad != nil && s.dims() == 2 }

// fieldGrid is the lattice of the field over a data area rect (canvas
// points): nx × ny cells of cw × ch points, an arrow centred in each.
type fieldGrid struct {
	rect   vg.Rectangle
	nx, ny int
	cw, ch vg.Length
}

// newFieldGrid lays out the field over rect: between fieldMinCols and
// fieldMaxCols columns of cells about fieldCellPt × scale wide, and as many
// rows as make the cells about square.
func newFieldGrid(rect vg.Rectangle, scale float64) fieldGrid {
	w, h := float64(rect.Size().X), float64(rect.Size().Y)
	if !(w > 0) || !(h > 0) {
		return fieldGrid{rect: rect}
	}
	nx := int(clamp(math.Round(w/(fieldCellPt*scale)), fieldMinCols, fieldMaxCols))
	ny := int(clamp(math.Round(h/(w/float64(nx))), 1, fieldMaxRows))
	return fieldGrid{rect: rect, nx: nx, ny: ny, cw: vg.Length(w / float64(nx)), ch: vg.Length(h / float64(ny))}
}

// node returns the centre of cell (i, j), counted from the bottom left.
func (fg fieldGrid) node(i, j int) vg.Point {
	return vg.Point{
		X: fg.rect.Min.X + (vg.Length(i)+0.5)*fg.cw,
		Y: fg.rect.Min.Y + (vg.Length(j)+0.5)*fg.ch,
	}
}

// cell returns the rectangle of cell (i, j).
func (fg fieldGrid) cell(i, j int) vg.Rectangle {
	lo := vg.Point{X: fg.rect.Min.X + vg.Length(i)*fg.cw, Y: fg.rect.Min.Y + vg.Length(j)*fg.ch}
	return vg.Rectangle{Min: lo, Max: vg.Point{X: lo.X + fg.cw, Y: lo.Y + fg.ch}}
}

// skipped reports whether the arrow of cell (i, j) is left out because its
// centre is within one cell (the larger side) of one of the points cur.
func (fg fieldGrid) skipped(i, j int, cur []vg.Point) bool {
	r := float64(max(fg.cw, fg.ch))
	n := fg.node(i, j)
	for _, p := range cur {
		if math.Hypot(float64(p.X-n.X), float64(p.Y-n.Y)) < r {
			return true
		}
	}
	return false
}

// fieldArrow is one arrow of the field: cell (i, j), from tail to tip.
type fieldArrow struct {
	i, j      int
	tail, tip vg.Point
}

// arrows returns the arrows of −∇f of the scene over the panel, one per cell
// where the gradient is finite and not zero, with the lengths of the rule of
// Options.Field (the median and quantile are taken over every cell, so
// leaving some arrows out never changes the others). The direction is
// −∇f mapped to the canvas, as the gradient arrow at the current point.
func (fg fieldGrid) arrows(pn panel, s *Scene) []fieldArrow {
	type sample struct {
		i, j   int
		ux, uy float64 // unit direction on the canvas
		g      float64 // |∇f|
	}
	sx, sy := pn.scaleXY()
	var samples []sample
	var mags []float64
	for j := range fg.ny {
		for i := range fg.nx {
			gx, gy := s.grad(pn.data(fg.node(i, j)))
			g := math.Hypot(gx, gy)
			dx, dy := -gx*sx, -gy*sy
			d := math.Hypot(dx, dy)
			if !finite(g) || !(g > 0) || !finite(d) || !(d > 0) {
				continue
			}
			samples = append(samples, sample{i, j, dx / d, dy / d, g})
			mags = append(mags, g)
		}
	}
	if len(mags) == 0 {
		return nil
	}
	slices.Sort(mags)
	m := mags[len(mags)/2]
	q := mags[min(len(mags)-1, int(fieldQuant*float64(len(mags))))]
	den := math.Log1p(q / m) // ≥ log 2: q ≥ m > 0
	lmax := fieldLen * float64(min(fg.cw, fg.ch))
	out := make([]fieldArrow, 0, len(samples))
	for _, sm := range samples {
		half := 0.5 * lmax * math.Min(1, math.Log1p(sm.g/m)/den)
		c := fg.node(sm.i, sm.j)
		ox, oy := vg.Length(sm.ux*half), vg.Length(sm.uy*half)
		out = append(out, fieldArrow{i: sm.i, j: sm.j,
			tail: vg.Point{X: c.X - ox, Y: c.Y - oy}, tip: vg.Point{X: c.X + ox, Y: c.Y + oy}})
	}
	return out
}

// fieldMinLen is the shortest arrow drawn, in points; shorter ones (where
// the gradient nearly vanishes) would be specks.
const fieldMinLen = 0.8

// drawField strokes the arrows thin, in the theme's field colour over a
// darker casing so that they read on every colour of the heat map. Arrows
// are drawn in batches of strokeChunk (one path per batch and layer): all
// casings of a batch first, then the cores.
func drawField(c vgdraw.Canvas, arrows []fieldArrow, th *theme) {
	sc := th.scale
	core := vgdraw.LineStyle{Color: th.fieldClr, Width: vg.Length(th.fieldW * sc)}
	casing := vgdraw.LineStyle{Color: th.fieldEdge, Width: vg.Length((th.fieldW + 2*th.fieldEdgeW) * sc)}
	headEdge := vgdraw.LineStyle{Color: th.fieldEdge, Width: vg.Length(2 * th.fieldEdgeW * sc)}
	for len(arrows) > 0 {
		n := min(len(arrows), strokeChunk)
		var shafts, heads vg.Path
		for _, a := range arrows[:n] {
			appendArrow(&shafts, &heads, a, sc)
		}
		arrows = arrows[n:]
		if len(shafts) == 0 && len(heads) == 0 {
			continue
		}
		c.SetLineStyle(casing)
		c.Stroke(shafts)
		c.SetLineStyle(headEdge)
		c.Stroke(heads)
		c.SetLineStyle(core)
		c.Stroke(shafts)
		c.SetColor(th.fieldClr)
		c.Fill(heads)
	}
}

// appendArrow adds the shaft and the head (a closed triangle) of a to the
// paths; arrows shorter than fieldMinLen are left out. The head is at most
// 4.5 points (times the scale) long and never more than 45% of the arrow.
func appendArrow(shafts, heads *vg.Path, a fieldArrow, scale float64) {
	dx, dy := float64(a.tip.X-a.tail.X), float64(a.tip.Y-a.tail.Y)
	l := math.Hypot(dx, dy)
	if !(l >= fieldMinLen*scale) {
		return
	}
	ux, uy := dx/l, dy/l
	hl := math.Min(0.45*l, 4.5*scale)
	hw := 0.45 * hl
	base := vg.Point{X: a.tip.X - vg.Length(ux*hl), Y: a.tip.Y - vg.Length(uy*hl)}
	shafts.Move(a.tail)
	shafts.Line(base)
	heads.Move(a.tip)
	heads.Line(vg.Point{X: base.X - vg.Length(uy*hw), Y: base.Y + vg.Length(ux*hw)})
	heads.Line(vg.Point{X: base.X + vg.Length(uy*hw), Y: base.Y - vg.Length(ux*hw)})
	heads.Close()
}

// currentPoints returns the canvas points of the current points of the
// visible runs of a two-dimensional scene that lie in the panel.
func currentPoints(pn panel, s *Scene) []vg.Point {
	var out []vg.Point
	for _, v := range positionRuns(s) {
		cur := v.upTo(s.Current)
		if cur < 0 {
			continue
		}
		if p, ok := v.canvasPoint(pn, 2, cur); ok && pn.contains(p) {
			out = append(out, p)
		}
	}
	return out
}

// fieldPlotter draws the field as a gonum plotter (vector outputs), leaving
// out the arrows near the current points.
type fieldPlotter struct {
	s  *Scene
	th *theme
}

// Plot implements plot.Plotter.
func (fp fieldPlotter) Plot(c vgdraw.Canvas, p *plot.Plot) {
	pn := panel{rect: c.Rectangle, x0: p.X.Min, x1: p.X.Max, y0: p.Y.Min, y1: p.Y.Max}
	fg := newFieldGrid(pn.rect, fp.th.scale)
	cur := currentPoints(pn, fp.s)
	all := fg.arrows(pn, fp.s)
	kept := all[:0]
	for _, a := range all {
		if !fg.skipped(a.i, a.j, cur) {
			kept = append(kept, a)
		}
	}
	drawField(c, kept, fp.th)
}

// addField draws the field into the raster background bg of scene s (whose
// main figure is mf), keeping a copy of the background without it; the
// minimum markers are drawn again over the arrows.
func (bg *background) addField(s *Scene, mf *mainFig, o Options, th *theme) {
	bg.plain = image.NewRGBA(bg.img.Rect)
	copy(bg.plain.Pix, bg.img.Pix)
	fg := newFieldGrid(bg.pn.rect, th.scale)
	c := vgdraw.Canvas{Canvas: newRasterCanvas(bg.img, o.DPI), Rectangle: bg.pn.rect}
	drawField(c, fg.arrows(bg.pn, s), th)
	minimaMarks{mf: mf, th: th}.draw(c, bg.pn)
	bg.field = &fg
}

// clearField removes from img, a copy of the background bg, the arrows
// under the current points of s: it copies their cells back from the
// background without the field.
func (bg *background) clearField(img *image.RGBA, s *Scene, dpi float64) {
	fg := bg.field
	hpx := img.Rect.Dy()
	for _, p := range currentPoints(bg.pn, s) {
		for j := range fg.ny {
			for i := range fg.nx {
				if !fg.skipped(i, j, []vg.Point{p}) {
					continue
				}
				r := cellPixels(fg.cell(i, j), hpx, dpi).Intersect(img.Rect)
				w := 4 * r.Dx()
				for y := r.Min.Y; y < r.Max.Y; y++ {
					o := img.PixOffset(r.Min.X, y)
					copy(img.Pix[o:o+w], bg.plain.Pix[bg.plain.PixOffset(r.Min.X, y):])
				}
			}
		}
	}
}

// cellPixels returns the pixels covering the canvas rectangle r in an image
// of height hpx at dpi, rounded outwards.
func cellPixels(r vg.Rectangle, hpx int, dpi float64) image.Rectangle {
	return image.Rect(
		int(math.Floor(r.Min.X.Dots(dpi))), hpx-int(math.Ceil(r.Max.Y.Dots(dpi))),
		int(math.Ceil(r.Max.X.Dots(dpi))), hpx-int(math.Floor(r.Min.Y.Dots(dpi))))
}
