package plotting

import (
	"image/color"
	"math"
)

// okabeIto is the colour-blind-safe palette of Okabe and Ito (2008), in the
// order runs are coloured.
var okabeIto = [maxRuns]color.RGBA{
	{0xE6, 0x9F, 0x00, 0xFF}, // orange
	{0x56, 0xB4, 0xE9, 0xFF}, // sky blue
	{0x00, 0x9E, 0x73, 0xFF}, // bluish green
	{0xF0, 0xE4, 0x42, 0xFF}, // yellow
	{0x00, 0x72, 0xB2, 0xFF}, // blue
	{0xD5, 0x5E, 0x00, 0xFF}, // vermillion
	{0xCC, 0x79, 0xA7, 0xFF}, // reddish purple
	{0x00, 0x00, 0x00, 0xFF}, // black
}

// runColor returns the colour of the i-th run.
func runColor(i int) color.RGBA { return okabeIto[((i%maxRuns)+maxRuns)%maxRuns] }

// viridisAnchors are matplotlib's viridis sampled at 0, 0.1, ..., 1; the
// colour map interpolates linearly between them (indistinguishable from the
// full 256-entry table at the sizes drawn here).
var viridisAnchors = [11][3]float64{
	{0x44, 0x01, 0x54}, {0x48, 0x24, 0x75}, {0x41, 0x44, 0x87}, {0x35, 0x5f, 0x8d},
	{0x2a, 0x78, 0x8e}, {0x21, 0x91, 0x8c}, {0x22, 0xa8, 0x84}, {0x44, 0xbf, 0x70},
	{0x7a, 0xd1, 0x51}, {0xbd, 0xdf, 0x26}, {0xfd, 0xe7, 0x25},
}

// viridisLUT is viridis at lutSize evenly spaced points, precomputed so the
// heat map costs one table look-up per pixel.
const lutSize = 1024

var viridisLUT = func() (lut [lutSize]color.RGBA) {
	for i := range lut {
		lut[i] = viridisAt(float64(i) / (lutSize - 1))
	}
	return lut
}()

// viridisAt interpolates the viridis anchors at t in [0, 1].
func viridisAt(t float64) color.RGBA {
	if !(t > 0) {
		t = 0
	}
	if t > 1 {
		t = 1
	}
	u := t * float64(len(viridisAnchors)-1)
	i := int(math.Floor(u))
	if i >= len(viridisAnchors)-1 {
		i = len(viridisAnchors) - 2
	}
	w := u - float64(i)
	a, b := viridisAnchors[i], viridisAnchors[i+1]
	c := func(k int) uint8 { return uint8(math.Round(a[k]*(1-w) + b[k]*w)) }
	return color.RGBA{c(0), c(1), c(2), 0xFF}
}

// viridis returns the colour of t in [0, 1] from the look-up table.
func viridis(t float64) color.RGBA {
	if !(t > 0) {
		return viridisLUT[0]
	}
	if t >= 1 {
		return viridisLUT[lutSize-1]
	}
	return viridisLUT[int(t*(lutSize-1)+0.5)]
}

// Fixed colours of the figures.
var (
	white      = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
	black      = color.RGBA{0x00, 0x00, 0x00, 0xFF}
	darkGrey   = color.RGBA{0x33, 0x33, 0x33, 0xFF}
	midGrey    = color.RGBA{0x88, 0x88, 0x88, 0xFF}
	lightGrey  = color.RGBA{0xDD, 0xDD, 0xDD, 0xFF}
	contourClr = color.NRGBA{0xFF, 0xFF, 0xFF, 0x80} // white at 50%
	halo       = color.RGBA{0xFF, 0xFF, 0xFF, 0xFF}
)
