package icon

import "math"

// The descending path is plain gradient descent on the landscape,
// x ← x − lr ∇f(x), from a start in the upper left. The learning rate is
// large enough to zig-zag across the valley, as students see it do.
const (
	// The start, in valley coordinates (p along the valley, q across it).
	startP   = -2.2
	startQ   = 2.75
	lr       = 0.18
	maxSteps = 200
	// minGap is the smallest distance (world units) kept between two drawn
	// dots, so the tail near the minimum does not pile up.
	minGap = 0.5
	// maxDots caps the number of dots drawn (the minimum marker is extra).
	maxDots = 12
)

// Path returns the world coordinates of the dots drawn on the icon: the
// start, then gradient-descent iterates at least minGap apart. The values
// of f along it never increase.
func Path() [][2]float64 {
	x, y := fromValley(startP, startQ)
	pts := [][2]float64{{x, y}}
	for k := 0; k < maxSteps && len(pts) < maxDots; k++ {
		gx, gy := grad(x, y)
		x, y = x-lr*gx, y-lr*gy
		last := pts[len(pts)-1]
		if math.Hypot(x-last[0], y-last[1]) >= minGap && math.Hypot(x-minX, y-minY) >= minGap {
			pts = append(pts, [2]float64{x, y})
		}
	}
	return pts
}

// Minimum returns the world coordinates of the landscape's minimum.
func Minimum() [2]float64 { return [2]float64{minX, minY} }

// Value returns the landscape f at the world point (x, y).
func Value(x, y float64) float64 { return value(x, y) }
