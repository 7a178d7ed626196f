package plotting

import "math"

// defaultBox is the view when nothing else is known.
var defaultBox = Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}

// minSide is the smallest side of an auto view relative to its other side
// before the margins: well inside the 1/maxAspect the contour panel needs
// for equal scales.
const minSide = 1.0 / 3

// sane bounds a coordinate considered by the auto view: points beyond it
// belong to an exploding run even when not (yet) flagged diverged.
const sane = 1e12

// AutoBox returns a view box holding the start of every visible run, the
// known minima, and the non-diverged part of every trajectory, with a 10%
// margin, its edges rounded outwards to round numbers. It never zooms out to a
// diverged point: the points a diverged run visits before its divergence are
// included only while they stay within three times the extent of everything
// else (so the start of an explosion shows, and the rest leaves the view).
// It is never degenerate: a single point gets a box
// around it, a scene without any point gets [-5, 5]², and a two-dimensional
// box is never more elongated than the contour panel's equal-aspect rule
// allows (height/width between 1/4 and 4; see Options.FreeAspect): a path
// along a line gets a strip about a third as high as wide around it.
func AutoBox(s *Scene) Box {
	if s == nil {
		return defaultBox
	}
	dims := s.dims()
	xmin, xmax := math.Inf(1), math.Inf(-1)
	ymin, ymax := math.Inf(1), math.Inf(-1)
	add := func(x, y float64) {
		if !finite(x) || math.Abs(x) > sane {
			return
		}
		if dims == 2 && (!finite(y) || math.Abs(y) > sane) {
			return
		}
		xmin, xmax = math.Min(xmin, x), math.Max(xmax, x)
		if dims == 2 {
			ymin, ymax = math.Min(ymin, y), math.Max(ymax, y)
		}
	}
	for _, m := range s.Minima {
		add(m[0], m[1])
	}
	// First the starts, the minima and the runs that did not diverge; then
	// the runs that diverged, only as far as they stay within three spans of
	// that: an exploding run leaves the view instead of shrinking it.
	runs := positionRuns(s)
	for _, v := range runs {
		for i := 0; i < v.n; i++ {
			if i > 0 && (v.r.DivergedAt >= 0 || v.diverged(i)) {
				break
			}
			add(v.r.X[i], v.y(i))
		}
	}
	if xmin <= xmax {
		wx := math.Max(xmax-xmin, 1)
		wy := math.Max(ymax-ymin, 1)
		lx0, lx1, ly0, ly1 := xmin-3*wx, xmax+3*wx, ymin-3*wy, ymax+3*wy
		for _, v := range runs {
			if v.r.DivergedAt < 0 {
				continue
			}
			for i := 1; i < v.n && !v.diverged(i); i++ {
				x, y := v.r.X[i], v.y(i)
				if !(x >= lx0 && x <= lx1) || dims == 2 && !(y >= ly0 && y <= ly1) {
					break
				}
				add(x, y)
			}
		}
	}
	if xmin > xmax {
		if dims == 1 {
			return Box{XMin: defaultBox.XMin, XMax: defaultBox.XMax, YMin: -1, YMax: 1}
		}
		return defaultBox
	}
	if dims == 1 {
		x0, x1 := padRange(xmin, xmax, 0)
		return Box{XMin: x0, XMax: x1, YMin: -1, YMax: 1}
	}
	// A path along a line must not give a sliver: each side is at least
	// minSide of the other, so that even after the margins and rounding the
	// box keeps the contour panel's equal scales (see Options.FreeAspect).
	x0, x1 := padRange(xmin, xmax, (ymax-ymin)*minSide)
	y0, y1 := padRange(ymin, ymax, (xmax-xmin)*minSide)
	// A (near) single point far from 0 gets a margin in proportion to its
	// distance along one axis and not the other: widen the short side again.
	if w, h := x1-x0, y1-y0; h < w*minSide {
		y0, y1 = padRange(ymin, ymax, w*minSide)
	} else if w < h*minSide {
		x0, x1 = padRange(xmin, xmax, h*minSide)
	}
	return Box{XMin: x0, XMax: x1, YMin: y0, YMax: y1}
}

// padRange widens [lo, hi] to at least minSpan (and to a sensible width
// around a single value), adds a 10% margin each side and rounds the ends
// outwards to a multiple of a round step.
func padRange(lo, hi, minSpan float64) (float64, float64) {
	span := hi - lo
	if span < minSpan {
		c := (lo + hi) / 2
		lo, hi, span = c-minSpan/2, c+minSpan/2, minSpan
	}
	if !(span > 1e-9*math.Max(1, math.Max(math.Abs(lo), math.Abs(hi)))) {
		c := (lo + hi) / 2
		half := math.Max(1, 0.1*math.Abs(c))
		lo, hi, span = c-half, c+half, 2*half
	}
	lo -= 0.1 * span
	hi += 0.1 * span
	step := niceStep((hi - lo) / 20)
	return math.Floor(lo/step) * step, math.Ceil(hi/step) * step
}

// niceStep returns 1, 2 or 5 times a power of ten, not below d.
func niceStep(d float64) float64 {
	if !(d > 0) || !finite(d) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(d)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= d {
			return m * p
		}
	}
	return 10 * p
}
