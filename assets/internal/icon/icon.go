// Package icon draws the Gradient Descent Lab application icon: filled level
// curves of a curved valley with a path of gradient-descent dots converging
// to its minimum. It uses only the standard library and is deterministic.
package icon

import (
	"fmt"
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"
)

// Size limits accepted by Draw.
const (
	MinSize = 16
	MaxSize = 4096
)

// supersample is the number of samples per pixel along each axis; the
// samples of a pixel are averaged (a box filter), which anti-aliases edges.
const supersample = 4

// Design constants, in design units (see designSize).
const (
	margin       = 16.0 // transparent border around the rounded square
	cornerRadius = 96.0
	contourHalfW = 1.3 // half width of a level curve
	pathHalfW    = 3.2 // half width of the white path line
	pathEdgeW    = 2.5 // dark edge around the path line and dots
	dotRadius0   = 13.0
	dotShrink    = 0.6 // each dot is this much smaller than the previous one
	dotRing      = 3.5 // white ring around each dot
	minRadius    = 9.0 // the minimum's marker
)

var (
	contourColor = rgba{1, 1, 1, 0.30}
	edgeColor    = rgba{0.07, 0.10, 0.22, 0.85}
	pathColor    = rgba{1, 1, 1, 1}
	dotColor     = rgba{1.0, 0.42, 0.33, 1}  // coral
	minColor     = rgba{0.80, 0.13, 0.25, 1} // crimson
)

// rgba is a non-premultiplied colour with components in [0, 1].
type rgba struct{ r, g, b, a float64 }

// over composites c over dst (both non-premultiplied; dst opaque).
func over(dst rgba, c rgba) rgba {
	return rgba{
		dst.r*(1-c.a) + c.r*c.a,
		dst.g*(1-c.a) + c.g*c.a,
		dst.b*(1-c.a) + c.b*c.a,
		1,
	}
}

func fromNRGBA(c color.NRGBA) rgba {
	return rgba{float64(c.R) / 255, float64(c.G) / 255, float64(c.B) / 255, float64(c.A) / 255}
}

// scene holds what every sample needs, precomputed once per Draw.
type scene struct {
	levels []float64
	bands  []rgba
	dots   []vec
	radii  []float64
	min    vec
	// pathBox bounds everything the path draws, to skip it elsewhere.
	pathLo, pathHi vec
}

func newScene() *scene {
	s := &scene{levels: levels()}
	for _, c := range palette {
		s.bands = append(s.bands, fromNRGBA(c))
	}
	for k, p := range Path() {
		s.dots = append(s.dots, toDesign(p[0], p[1]))
		s.radii = append(s.radii, math.Max(dotRadius0-dotShrink*float64(k), 6))
	}
	m := Minimum()
	s.min = toDesign(m[0], m[1])
	reach := math.Max(dotRadius0, minRadius) + dotRing + pathEdgeW + 1
	s.pathLo, s.pathHi = vec{s.min.x - reach, s.min.y - reach}, vec{s.min.x + reach, s.min.y + reach}
	for _, d := range s.dots {
		s.pathLo = vec{math.Min(s.pathLo.x, d.x-reach), math.Min(s.pathLo.y, d.y-reach)}
		s.pathHi = vec{math.Max(s.pathHi.x, d.x+reach), math.Max(s.pathHi.y, d.y+reach)}
	}
	return s
}

// shade returns the colour of the icon at design point p.
func (s *scene) shade(p vec) rgba {
	if !insideRoundedSquare(p, margin, cornerRadius) {
		return rgba{}
	}
	wx, wy := toWorld(p)
	v := value(wx, wy)
	b := band(v, s.levels)
	c := s.bands[b]

	// Level curves bordering this band: distance ≈ |f − L| / |∇f|.
	gx, gy := grad(wx, wy)
	gn := math.Hypot(gx, gy)
	for _, i := range [2]int{b - 1, b} {
		if i < 0 || i >= len(s.levels) || gn == 0 {
			continue
		}
		if worldToDesignLen(math.Abs(v-s.levels[i])/gn) <= contourHalfW {
			c = over(c, contourColor)
		}
	}

	if p.x < s.pathLo.x || p.x > s.pathHi.x || p.y < s.pathLo.y || p.y > s.pathHi.y {
		return c
	}
	return s.shadePath(p, c)
}

// shadePath draws the path over c at design point p: a white line with a
// dark edge joining the dots and the minimum, the minimum's marker, the dots.
func (s *scene) shadePath(p vec, c rgba) rgba {
	line := math.Inf(1)
	for i := 0; i+1 < len(s.dots); i++ {
		line = math.Min(line, segDist(p, s.dots[i], s.dots[i+1]))
	}
	if n := len(s.dots); n > 0 {
		line = math.Min(line, segDist(p, s.dots[n-1], s.min))
	}
	if line <= pathHalfW+pathEdgeW {
		c = over(c, edgeColor)
	}
	if line <= pathHalfW {
		c = over(c, pathColor)
	}

	// The minimum: a crimson disc in a white ring.
	if d := dist(p, s.min); d <= minRadius+dotRing+pathEdgeW {
		c = over(c, edgeColor)
		if d <= minRadius+dotRing {
			c = over(c, pathColor)
		}
		if d <= minRadius {
			c = over(c, minColor)
		}
	}

	// The dots, later (smaller) ones on top.
	for k, q := range s.dots {
		d := dist(p, q)
		r := s.radii[k]
		if d > r+dotRing+pathEdgeW {
			continue
		}
		c = over(c, edgeColor)
		if d <= r+dotRing {
			c = over(c, pathColor)
		}
		if d <= r {
			c = over(c, dotColor)
		}
	}
	return c
}

// Draw renders the icon at size × size pixels. Sizes outside
// [MinSize, MaxSize] are an error.
func Draw(size int) (*image.NRGBA, error) {
	if size < MinSize || size > MaxSize {
		return nil, fmt.Errorf("icon size %d out of range [%d, %d]", size, MinSize, MaxSize)
	}
	s := newScene()
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	// Rows are independent: share them out between the CPUs.
	workers := min(runtime.GOMAXPROCS(0), size)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < size; j += workers {
				s.drawRow(img, j)
			}
		}()
	}
	wg.Wait()
	return img, nil
}

// drawRow renders row j of img.
func (s *scene) drawRow(img *image.NRGBA, j int) {
	size := img.Bounds().Dx()
	scale := designSize / float64(size)
	const n = supersample * supersample
	for i := 0; i < size; i++ {
		// Accumulate premultiplied colour over the samples.
		var pr, pg, pb, pa float64
		for sj := 0; sj < supersample; sj++ {
			for si := 0; si < supersample; si++ {
				p := vec{
					(float64(i) + (float64(si)+0.5)/supersample) * scale,
					(float64(j) + (float64(sj)+0.5)/supersample) * scale,
				}
				c := s.shade(p)
				pr += c.r * c.a
				pg += c.g * c.a
				pb += c.b * c.a
				pa += c.a
			}
		}
		if pa == 0 {
			continue
		}
		img.SetNRGBA(i, j, color.NRGBA{
			R: to8(pr / pa),
			G: to8(pg / pa),
			B: to8(pb / pa),
			A: to8(pa / n),
		})
	}
}

// to8 converts a component in [0, 1] to 0..255, rounding and clamping.
func to8(v float64) uint8 {
	return uint8(math.Max(0, math.Min(255, math.Round(v*255))))
}
