package plotting

import (
	"image"

	vgdraw "gonum.org/v1/plot/vg/draw"
)

// The coordinates views draw the coordinates of one run (Scene.Coords) as
// the loss panel draws the runs' losses: one line per coordinate against
// the step, in the palette's colours, decimated per pixel column, with a
// legend of the coordinates' names and the current step marked. They are
// the loss panel's code on a scene whose "runs" are the coordinates: what
// it does for long, diverging or growing runs it does for them too.

// isCoords reports whether v is a coordinates view.
func isCoords(v View) bool { return v == ViewCoords || v == ViewCoordsLoss }

// coordsScene is the scene of the coordinates panel of s: one run per
// coordinate line, its value axis labelled with the words of lb.
func coordsScene(s *Scene, lb Labels) *Scene {
	cs := &Scene{Current: s.Current, valueLabel: lb.Coordinate}
	if s.Key != "" {
		cs.Key = s.Key + "\x00coords"
	}
	c := s.Coords
	if c == nil {
		return cs
	}
	diverged := -1
	if c.Run >= 0 && c.Run < len(s.Runs) {
		diverged = s.Runs[c.Run].DivergedAt
		if l := s.Runs[c.Run].Label; l != "" {
			cs.valueLabel += " · " + l
		}
	}
	if c.Omitted > 0 {
		cs.valueLabel += " (" + withNumber(withNumber(lb.CoordsOmitted, len(c.Names)), len(c.Names)+c.Omitted) + ")"
	}
	for i, name := range c.Names {
		if i < len(c.V) && len(c.V[i]) == len(c.K) {
			cs.Runs = append(cs.Runs, Run{Label: name, K: c.K, F: c.V[i], DivergedAt: diverged})
		}
	}
	return cs
}

// coordsLayout splits the image between the coordinates panel and the loss
// panel (none for ViewCoords): side by side when wider than tall, stacked
// otherwise.
func coordsLayout(o Options) (coordsR, lossR image.Rectangle) {
	if o.View == ViewCoords {
		return image.Rect(0, 0, o.Width, o.Height), image.Rectangle{}
	}
	b := o
	b.View = ViewBoth
	return layout(b, 2)
}

// coordsOptions are the options of the coordinates panel: a linear axis
// (a coordinate may be negative) and no rate panel.
func coordsOptions(o Options) Options {
	o.LogLoss, o.Rate = false, false
	return o
}

// renderCoords draws a coordinates view into dst.
func (r *Renderer) renderCoords(dst *image.RGBA, s *Scene, o Options) {
	coordsR, lossR := coordsLayout(o)
	r.renderLoss(subRGBA(dst, coordsR), coordsScene(s, o.labels()), coordsOptions(o), true)
	lossR, rateR := splitRate(lossR, s, o)
	if !lossR.Empty() {
		pn := r.renderLoss(subRGBA(dst, lossR), s, o, true)
		if !rateR.Empty() {
			r.renderRate(subRGBA(dst, rateR), s, o, pn.rect.Min.X, pn.rect.Max.X)
		}
	}
}

// writeCoordsVector draws a coordinates view with a vector back end.
func writeCoordsVector(dc vgdraw.Canvas, s *Scene, o Options) {
	coordsR, lossR := coordsLayout(o)
	bg := themeOf(o).bg
	pc := pointsCanvas(dc, coordsR, o)
	fillColor(pc, bg)
	newLossFig(coordsScene(s, o.labels()), coordsOptions(o), true).plot().Draw(cropMargin(pc, o.Scale))
	lossR, rateR := splitRate(lossR, s, o)
	if lossR.Empty() {
		return
	}
	pc = pointsCanvas(dc, lossR, o)
	fillColor(pc, bg)
	lp, lc := newLossFig(s, o, true).plot(), cropMargin(pc, o.Scale)
	lp.Draw(lc)
	if !rateR.Empty() {
		writeRateVector(dc, rateR, s, o, lp.DataCanvas(lc).Rectangle)
	}
}
