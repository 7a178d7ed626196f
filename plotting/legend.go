package plotting

import (
	"image/color"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// legendEntry is one line of a legend.
type legendEntry struct {
	label string
	color color.RGBA
}

// legendEntries returns one entry per visible run (at most maxRuns).
// Unlabelled runs and divergence notes use the words of lb.
func legendEntries(s *Scene, th *theme, lb Labels) []legendEntry {
	var out []legendEntry
	for i := range s.Runs {
		if i >= maxRuns {
			break
		}
		r := &s.Runs[i]
		if r.Hidden {
			continue
		}
		label := r.Label
		if label == "" {
			label = withNumber(lb.Run, i+1)
		}
		if r.DivergedAt >= 0 {
			label += " (" + withNumber(lb.DivergedAt, r.DivergedAt) + ")"
		}
		out = append(out, legendEntry{label: label, color: th.runColor(i)})
	}
	return out
}

// drawLegend draws the legend inside the data area c where it covers no
// marker (a start, a current point, a minimum, a note) and the fewest of
// the occupied points (the drawn paths): it tries the four corners (top
// right first), then the middles of the edges, at full size, then smaller
// (0.8, 0.65); only when every place at every size covers a marker does it
// take the place and size that cover the fewest (a marker counting as
// markWeight points).
func drawLegend(c vgdraw.Canvas, entries []legendEntry, occupied, marks []vg.Point, th *theme) {
	if len(entries) == 0 {
		return
	}
	placeLegend(c.Rectangle, entries, occupied, marks, th).draw(c, entries, th)
}

// placeLegend is where drawLegend draws the legend in the data area r.
func placeLegend(r vg.Rectangle, entries []legendEntry, occupied, marks []vg.Point, th *theme) legendBox {
	var best, fallback legendBox
	found, bestCost, fallbackCost := false, 0, -1
	for _, scale := range []float64{1, 0.8, 0.65} {
		for _, lb := range legendPlaces(r, entries, th, scale) {
			m, o := lb.covers(marks), lb.covers(occupied)
			switch {
			case m == 0 && (!found || o < bestCost):
				best, bestCost, found = lb, o, true
			case m > 0 && (fallbackCost < 0 || m*markWeight+o < fallbackCost):
				fallback, fallbackCost = lb, m*markWeight+o
			}
		}
		if found {
			break // a free place at this size: no need to shrink
		}
	}
	if !found {
		best = fallback
	}
	return best
}

// legendBox is a legend laid out at one place and size.
type legendBox struct {
	frame        vg.Rectangle
	pad, rowH    vg.Length
	swatch, gap  vg.Length
	scale        float64
	sty          text.Style
	markW, lineW vg.Length
}

// legendPlaces are the places the legend of entries may take in the data
// area r at size scale (of the theme's), in order of preference.
func legendPlaces(r vg.Rectangle, entries []legendEntry, th *theme, scale float64) []legendBox {
	sc := vg.Length(th.scale * scale)
	sty := text.Style{Font: fontOf(th.textPt*scale, th.scale), Color: th.fg, Handler: plot.DefaultTextHandler,
		XAlign: vgdraw.XLeft, YAlign: vgdraw.YCenter}
	b := legendBox{pad: 5 * sc, swatch: 16 * sc, gap: 5 * sc, scale: scale, sty: sty, rowH: sty.Height("Mg") * 1.3,
		markW: vg.Length(3*th.mark) * sc, lineW: vg.Length(2.2*th.mark) * sc}
	var textW vg.Length
	for _, e := range entries {
		textW = max(textW, sty.Width(e.label))
	}
	w := b.pad + b.swatch + b.gap + textW + b.pad
	h := 2*b.pad + vg.Length(len(entries))*b.rowH
	inset := 6 * sc
	left, right, midX := r.Min.X+inset, r.Max.X-inset-w, (r.Min.X+r.Max.X-w)/2
	top, bottom, midY := r.Max.Y-inset-h, r.Min.Y+inset, (r.Min.Y+r.Max.Y-h)/2
	var out []legendBox
	for _, p := range []vg.Point{{X: right, Y: top}, {X: left, Y: top}, {X: right, Y: bottom}, {X: left, Y: bottom},
		{X: midX, Y: top}, {X: midX, Y: bottom}, {X: left, Y: midY}, {X: right, Y: midY}} {
		lb := b
		lb.frame = vg.Rectangle{Min: p, Max: vg.Point{X: p.X + w, Y: p.Y + h}}
		out = append(out, lb)
	}
	return out
}

// covers counts the points of pts within the legend (with its padding).
func (b legendBox) covers(pts []vg.Point) int {
	box := vg.Rectangle{Min: vg.Point{X: b.frame.Min.X - b.pad, Y: b.frame.Min.Y - b.pad},
		Max: vg.Point{X: b.frame.Max.X + b.pad, Y: b.frame.Max.Y + b.pad}}
	n := 0
	for _, o := range pts {
		if o.X >= box.Min.X && o.X <= box.Max.X && o.Y >= box.Min.Y && o.Y <= box.Max.Y {
			n++
		}
	}
	return n
}

// draw draws the legend of entries in its frame.
func (b legendBox) draw(c vgdraw.Canvas, entries []legendEntry, th *theme) {
	c.SetColor(th.legendBg)
	c.Fill(b.frame.Path())
	c.SetLineStyle(vgdraw.LineStyle{Color: th.legendEdge, Width: vg.Length(0.8 * th.scale * b.scale)})
	c.Stroke(b.frame.Path())
	for i, e := range entries {
		y := b.frame.Max.Y - b.pad - (vg.Length(i)+0.5)*b.rowH
		x := b.frame.Min.X + b.pad
		c.StrokeLine2(vgdraw.LineStyle{Color: e.color, Width: b.lineW}, x, y, x+b.swatch, y)
		c.SetColor(e.color)
		c.Fill(circlePath(vg.Point{X: x + b.swatch/2, Y: y}, b.markW))
		c.FillText(b.sty, vg.Point{X: x + b.swatch + b.gap, Y: y}, e.label)
	}
}

// markWeight is how many path points a marker counts for when placing the
// legend: covering a start or current point is worse than covering a path.
const markWeight = 25

// circlePath returns a closed circle.
func circlePath(c vg.Point, r vg.Length) vg.Path {
	var p vg.Path
	p.Move(vg.Point{X: c.X + r, Y: c.Y})
	p.Arc(c, r, 0, 2*3.141592653589793)
	p.Close()
	return p
}
