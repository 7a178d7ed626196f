package plotting

import "math"

var nan = math.NaN()

// clamp limits v to [lo, hi]; NaN stays NaN.
func clamp(v, lo, hi float64) float64 {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
