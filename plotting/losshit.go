package plotting

import (
	"image"
	"math"
)

// LossHit is the point of a curve nearest the pointer on a loss panel (or
// on a coordinates panel, whose curves are coordinates).
type LossHit struct {
	Label      string  // the run's legend label
	Coordinate string  // on the coordinates panel the coordinate's name ("x[3]"), else ""
	Run        int     // the run's index in Scene.Runs
	K          int     // the step of the point
	F          float64 // its value: f, or the coordinate's
}

// LossAt is the point of the curves nearest the pixel px (as DataAt takes
// it) on the loss panel of the scene rendered with options o, or on its
// coordinates panel: of every visible run the recorded point nearest the
// pointer's step up to the current step, and of those the one drawn
// nearest the pointer. ok is false off these panels' data areas or where no
// run has a drawable point.
func (r *Renderer) LossAt(s *Scene, o Options, px image.Point) (LossHit, bool) {
	if s == nil {
		return LossHit{}, false
	}
	o = o.normalized()
	if checkView(o.View) != nil || o.View == ViewHError {
		return LossHit{}, false
	}
	o = surfaceFallback(o, s)
	for _, c := range lossPanels(s, o) {
		if !px.In(c.rect) {
			continue
		}
		hit, ok := nearestOnLoss(c.s, c.o, c.rect, px)
		if c.coords && s.Coords != nil {
			hit.Coordinate, hit.Run, hit.Label = hit.Label, s.Coords.Run, ""
			if hit.Run >= 0 && hit.Run < len(s.Runs) {
				hit.Label = s.Runs[hit.Run].Label
			}
		}
		return hit, ok
	}
	return LossHit{}, false
}

// lossPanel is a loss-like panel of a figure: its scene, options and
// place in the image.
type lossPanel struct {
	s      *Scene
	o      Options
	rect   image.Rectangle
	coords bool // the coordinates panel
}

// lossPanels are the loss-like panels of the figure of s with options o.
func lossPanels(s *Scene, o Options) []lossPanel {
	if isCoords(o.View) {
		coordsR, lossR := coordsLayout(o)
		out := []lossPanel{{coordsScene(s, o.labels()), coordsOptions(o), coordsR, true}}
		if lossR, _ = splitRate(lossR, s, o); !lossR.Empty() {
			out = append(out, lossPanel{s, o, lossR, false})
		}
		return out
	}
	_, lossR := layout(o, s.dims())
	if isData(o.View) {
		_, _, lossR = dataLayout(o)
		lossR, _ = splitAccuracy(lossR, s)
	}
	lossR, _ = splitRate(lossR, s, o)
	if lossR.Empty() {
		return nil
	}
	return []lossPanel{{s, o, lossR, false}}
}

// nearestOnLoss is LossAt within the panel of s at rect.
func nearestOnLoss(s *Scene, o Options, rect image.Rectangle, px image.Point) (LossHit, bool) {
	lf := newLossFig(s, o, false)
	pn := plotPanel(lf.framePlot(), rect.Dx(), rect.Dy(), o.DPI, o.Scale)
	p := fromPixel(float64(px.X-rect.Min.X)+0.5, float64(px.Y-rect.Min.Y)+0.5, rect.Dy(), o.DPI)
	if !pn.contains(p) {
		return LossHit{}, false
	}
	k, _ := pn.data(p)
	var best LossHit
	bestD := math.Inf(1)
	for _, v := range lf.runs {
		cur := v.upTo(s.Current)
		i := nearestStep(v, cur, k)
		if i < 0 || i >= len(v.r.F) {
			continue
		}
		y := lf.ax.value(v.r.F[i])
		if !lf.ax.usable(y) {
			continue
		}
		q := pn.pt(float64(v.k(i)), y)
		if d := math.Hypot(float64(q.X-p.X), float64(q.Y-p.Y)); d < bestD {
			bestD = d
			best = LossHit{Label: v.r.Label, Run: v.index, K: v.k(i), F: v.r.F[i]}
		}
	}
	return best, !math.IsInf(bestD, 1)
}

// nearestStep is the index of the point of v (up to index cur) whose step
// is nearest k, -1 for none.
func nearestStep(v runView, cur int, k float64) int {
	lo, hi := 0, cur
	if hi < 0 {
		return -1
	}
	for lo < hi {
		mid := (lo + hi) / 2
		if float64(v.k(mid)) < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo > 0 && k-float64(v.k(lo-1)) < float64(v.k(lo))-k {
		lo--
	}
	return lo
}
