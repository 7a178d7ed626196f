package plotting

import "math"

// defaultBox is the view when nothing else is known.
var defaultBox = Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}

// sane bounds a coordinate considered by the auto view: points beyond it
// belong to an exploding run even when not (yet) flagged diverged.
const sane = 1e12

// AutoBox returns a view box holding the start of every visible run, the
// known minima, and the non-diverged part of every trajectory, with a 10%
// margin, its edges rounded outwards to round numbers. It never zooms out to a
// diverged point, and it is never degenerate: a single point gets a box
// around it, and a scene without any point gets [-5, 5]².
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
	for _, v := range positionRuns(s) {
		for i := 0; i < v.n; i++ {
			if i > 0 && v.diverged(i) {
				break
			}
			add(v.r.X[i], v.y(i))
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
	// A path along a line must not give a sliver: each side is at least a
	// fifth of the other.
	x0, x1 := padRange(xmin, xmax, (ymax-ymin)/5)
	y0, y1 := padRange(ymin, ymax, (xmax-xmin)/5)
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
