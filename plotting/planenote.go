package plotting

import (
	"image/color"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// axisNames are the names of the contour and surface panels' axes.
func (s *Scene) axisNames() [2]string {
	n := s.AxisNames
	if n[0] == "" {
		n[0] = "x"
	}
	if n[1] == "" {
		n[1] = "y"
	}
	return n
}

// projectionNote is the note that says through which plane a scene of a
// function of more than two variables is drawn, in the words of lb; "" for
// none.
func projectionNote(s *Scene, lb Labels) string {
	p := s.Projection
	if p == nil {
		return ""
	}
	if p.Kind == ProjectionPlane {
		share := strconv.FormatFloat(100*p.Share, 'f', 1, 64) + " %"
		return withText(lb.PlaneNote, share)
	}
	at := [...]string{HeldAtStart: lb.AtStart, HeldAtCurrent: lb.AtCurrent, HeldAtEnd: lb.AtEnd}
	held := lb.AtStart
	if int(p.Held) >= 0 && int(p.Held) < len(at) {
		held = at[p.Held]
	}
	return withText(lb.SliceNote, held)
}

// withText replaces the first "%s" of format by s (nothing else in format
// is special, as in withNumber).
func withText(format, s string) string {
	if i := strings.Index(format, "%s"); i >= 0 {
		return format[:i] + s + format[i+2:]
	}
	return format + " " + s
}

// drawNote writes note along the bottom of the data area c on a
// translucent band, in small type (smaller still if it would not fit), and
// returns points along the band for the legend to keep clear of.
func drawNote(c vgdraw.Canvas, note string, th *theme) []vg.Point {
	if note == "" {
		return nil
	}
	sc := vg.Length(th.scale)
	r := c.Rectangle
	pad := 4 * sc
	size := 0.85 * th.textPt
	sty := text.Style{Font: fontOf(size, th.scale), Color: th.fg, Handler: plot.DefaultTextHandler,
		XAlign: vgdraw.XLeft, YAlign: vgdraw.YBottom}
	for w := sty.Width(note); w > r.Size().X-2*pad && size > 0.5*th.textPt; w = sty.Width(note) {
		size *= 0.9
		sty.Font = fontOf(size, th.scale)
	}
	h := sty.Height(note) + 2*pad
	band := vg.Rectangle{Min: r.Min, Max: vg.Point{X: r.Max.X, Y: r.Min.Y + h}}
	bg := th.legendBg
	c.SetColor(color.NRGBA{R: bg.R, G: bg.G, B: bg.B, A: 0xC8})
	c.Fill(band.Path())
	c.FillText(sty, vg.Point{X: r.Min.X + pad, Y: r.Min.Y + pad}, note)
	var keep []vg.Point
	for i := range 9 {
		x := r.Min.X + vg.Length(i)*(r.Size().X/8)
		keep = append(keep, vg.Point{X: x, Y: r.Min.Y + h/2})
	}
	return keep
}
