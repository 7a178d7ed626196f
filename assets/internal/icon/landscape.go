package icon

import (
	"image/color"
	"math"
)

// The landscape is a gently curved valley (a "banana" like Rosenbrock's, but
// mild): in coordinates (p, q) rotated by theta about the minimum,
//
//	f = a p² + b (q − c p²)²,
//
// whose only minimum, f = 0, is at (MinX, MinY). World coordinates span
// [-worldHalf, worldHalf]² across the icon, y pointing up.
const (
	worldHalf = 3.0
	minX      = 0.9
	minY      = -0.75
	theta     = 0.12 // radians, about 7°
	coefA     = 0.3
	coefB     = 1.5
	coefC     = 0.3
)

var cosT, sinT = math.Cos(theta), math.Sin(theta)

// rotated returns (p, q), the valley coordinates of the world point (x, y).
func rotated(x, y float64) (p, q float64) {
	dx, dy := x-minX, y-minY
	return cosT*dx + sinT*dy, -sinT*dx + cosT*dy
}

// fromValley returns the world point with valley coordinates (p, q).
func fromValley(p, q float64) (x, y float64) {
	return minX + cosT*p - sinT*q, minY + sinT*p + cosT*q
}

// value returns f(x, y).
func value(x, y float64) float64 {
	p, q := rotated(x, y)
	r := q - coefC*p*p
	return coefA*p*p + coefB*r*r
}

// grad returns ∇f(x, y) in world coordinates.
func grad(x, y float64) (gx, gy float64) {
	p, q := rotated(x, y)
	r := q - coefC*p*p
	gp := 2*coefA*p - 4*coefB*coefC*p*r
	gq := 2 * coefB * r
	// (p, q) = R (dx, dy) with R orthogonal, so ∇_(x,y) f = Rᵀ ∇_(p,q) f.
	return cosT*gp - sinT*gq, sinT*gp + cosT*gq
}

// Level curves: levels[k] = level0 * levelRatio^k. The region f < levels[0]
// is the innermost band; f >= levels[len-1] is the outermost.
const (
	level0     = 0.12
	levelRatio = 1.85
)

// palette holds the band colours from the innermost (at the minimum) to the
// outermost: warm yellow through green and teal to deep navy.
var palette = []color.NRGBA{
	{0xf9, 0xe7, 0x7e, 0xff},
	{0xd4, 0xe0, 0x6b, 0xff},
	{0x9c, 0xd0, 0x72, 0xff},
	{0x5e, 0xba, 0x80, 0xff},
	{0x35, 0x9e, 0x8d, 0xff},
	{0x23, 0x80, 0x94, 0xff},
	{0x24, 0x62, 0x8c, 0xff},
	{0x26, 0x46, 0x77, 0xff},
	{0x22, 0x2e, 0x5c, 0xff},
}

// levels returns the level values that separate the palette bands.
func levels() []float64 {
	ls := make([]float64, len(palette)-1)
	v := level0
	for i := range ls {
		ls[i] = v
		v *= levelRatio
	}
	return ls
}

// band returns the index into palette of the band containing value v.
func band(v float64, ls []float64) int {
	for i, l := range ls {
		if v < l {
			return i
		}
	}
	return len(ls)
}
