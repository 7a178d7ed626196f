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

// drawLegend draws the legend inside the data area c, in the corner that
// covers the fewest of the occupied points (the drawn paths; a marker, such
// as a start, current point or minimum, counts as markWeight points), preferring
// top right, top left, bottom right, bottom left in that order.
func drawLegend(c vgdraw.Canvas, entries []legendEntry, occupied, marks []vg.Point, th *theme) {
	if len(entries) == 0 {
		return
	}
	scale := th.scale
	sty := text.Style{Font: fontOf(th.textPt, scale), Color: th.fg, Handler: plot.DefaultTextHandler,
		XAlign: vgdraw.XLeft, YAlign: vgdraw.YCenter}
	sc := vg.Length(scale)
	pad, swatch, gap, inset := 5*sc, 16*sc, 5*sc, 6*sc
	rowH := sty.Height("Mg") * 1.3
	var textW vg.Length
	for _, e := range entries {
		textW = max(textW, sty.Width(e.label))
	}
	w := pad + swatch + gap + textW + pad
	h := 2*pad + vg.Length(len(entries))*rowH
	r := c.Rectangle
	corners := []vg.Point{
		{X: r.Max.X - inset - w, Y: r.Max.Y - inset - h}, // top right
		{X: r.Min.X + inset, Y: r.Max.Y - inset - h},     // top left
		{X: r.Max.X - inset - w, Y: r.Min.Y + inset},     // bottom right
		{X: r.Min.X + inset, Y: r.Min.Y + inset},         // bottom left
	}
	best, bestN := corners[0], -1
	for _, p := range corners {
		box := vg.Rectangle{Min: vg.Point{X: p.X - pad, Y: p.Y - pad}, Max: vg.Point{X: p.X + w + pad, Y: p.Y + h + pad}}
		n := 0
		for _, o := range occupied {
			if o.X >= box.Min.X && o.X <= box.Max.X && o.Y >= box.Min.Y && o.Y <= box.Max.Y {
				n++
			}
		}
		for _, o := range marks {
			if o.X >= box.Min.X && o.X <= box.Max.X && o.Y >= box.Min.Y && o.Y <= box.Max.Y {
				n += markWeight
			}
		}
		if bestN < 0 || n < bestN {
			best, bestN = p, n
		}
	}
	frame := vg.Rectangle{Min: best, Max: vg.Point{X: best.X + w, Y: best.Y + h}}
	c.SetColor(th.legendBg)
	c.Fill(frame.Path())
	c.SetLineStyle(vgdraw.LineStyle{Color: th.legendEdge, Width: 0.8 * sc})
	c.Stroke(frame.Path())
	for i, e := range entries {
		y := frame.Max.Y - pad - (vg.Length(i)+0.5)*rowH
		x := frame.Min.X + pad
		c.StrokeLine2(vgdraw.LineStyle{Color: e.color, Width: vg.Length(2.2*th.mark) * sc}, x, y, x+swatch, y)
		c.SetColor(e.color)
		c.Fill(circlePath(vg.Point{X: x + swatch/2, Y: y}, vg.Length(3*th.mark)*sc))
		c.FillText(sty, vg.Point{X: x + swatch + gap, Y: y}, e.label)
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
