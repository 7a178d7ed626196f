package icon

import "math"

// vec is a point in design units: the icon is designed on a designSize ×
// designSize canvas, x to the right and y down, whatever size is rendered.
type vec struct{ x, y float64 }

// designSize is the side of the design canvas.
const designSize = 512.0

// toDesign maps world coordinates (y up) to design units (y down).
func toDesign(wx, wy float64) vec {
	s := designSize / (2 * worldHalf)
	return vec{(wx + worldHalf) * s, (worldHalf - wy) * s}
}

// toWorld maps design units to world coordinates.
func toWorld(p vec) (wx, wy float64) {
	s := (2 * worldHalf) / designSize
	return p.x*s - worldHalf, worldHalf - p.y*s
}

// worldToDesignLen converts a length in world units to design units.
func worldToDesignLen(l float64) float64 { return l * designSize / (2 * worldHalf) }

// dist returns the distance between p and q.
func dist(p, q vec) float64 { return math.Hypot(p.x-q.x, p.y-q.y) }

// segDist returns the distance from p to the segment ab.
func segDist(p, a, b vec) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return dist(p, a)
	}
	t := ((p.x-a.x)*dx + (p.y-a.y)*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return dist(p, vec{a.x + t*dx, a.y + t*dy})
}

// insideRoundedSquare reports whether p lies in the square inset by margin
// from the design canvas's edges, with corners rounded to radius r.
func insideRoundedSquare(p vec, margin, r float64) bool {
	lo, hi := margin+r, designSize-margin-r
	cx := math.Max(lo, math.Min(hi, p.x))
	cy := math.Max(lo, math.Min(hi, p.y))
	if p.x < margin || p.x > designSize-margin || p.y < margin || p.y > designSize-margin {
		return false
	}
	return dist(p, vec{cx, cy}) <= r
}
