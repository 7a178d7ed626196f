package plotting

import (
	"image"
	"image/color"
	"math"
	"runtime"
	"sync"
)

// The surface rasteriser: triangles with per-vertex colour and a z-buffer,
// and anti-aliased thick lines and balls tested against that z-buffer. Depths
// are world units towards the camera (larger is nearer); -Inf is empty.

// zimage is an image with its depth buffer.
type zimage struct {
	img  *image.RGBA
	z    []float32
	w, h int
}

// newZImage returns a w×h image filled with bg and an empty depth buffer.
func newZImage(w, h int, bg color.RGBA) *zimage {
	zi := &zimage{img: image.NewRGBA(image.Rect(0, 0, w, h)), z: make([]float32, w*h), w: w, h: h}
	for i := 0; i < len(zi.img.Pix); i += 4 {
		zi.img.Pix[i], zi.img.Pix[i+1], zi.img.Pix[i+2], zi.img.Pix[i+3] = bg.R, bg.G, bg.B, bg.A
	}
	ninf := float32(math.Inf(-1))
	for i := range zi.z {
		zi.z[i] = ninf
	}
	return zi
}

// svert is a projected mesh node: pixel position, depth, lit colour (0–255
// per channel) and contour coordinate (contour lines at its integers).
type svert struct{ x, y, z, r, g, b, c float32 }

// contourStyle is how the contour lines on the surface are drawn.
type contourStyle struct {
	half    float32 // half width in pixels
	alpha   float32
	r, g, b float32
}

// contourStyleOf returns the theme's contour lines at dpi.
func contourStyleOf(th *theme, dpi float64) contourStyle {
	c := th.contour
	return contourStyle{
		half:  float32(th.contourW * th.scale * dpi / 72 / 2),
		alpha: float32(c.A) / 255, r: float32(c.R), g: float32(c.G), b: float32(c.B),
	}
}

// drawMesh fills the triangles of the n×n mesh of vertices, splitting the
// image into bands of rows drawn in parallel.
func (zi *zimage) drawMesh(vs []svert, n int, cs contourStyle) {
	bands := min(runtime.GOMAXPROCS(0), 8, max(1, zi.h/64))
	var wg sync.WaitGroup
	for b := range bands {
		y0, y1 := zi.h*b/bands, zi.h*(b+1)/bands
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j+1 < n; j++ {
				for i := 0; i+1 < n; i++ {
					a, bb, c, d := &vs[j*n+i], &vs[j*n+i+1], &vs[(j+1)*n+i], &vs[(j+1)*n+i+1]
					zi.triangle(a, bb, d, y0, y1, &cs)
					zi.triangle(a, d, c, y0, y1, &cs)
				}
			}
		}()
	}
	wg.Wait()
}

// triangle fills the triangle abc within rows [y0, y1), interpolating depth,
// colour and the contour coordinate linearly in screen space. A vertex with
// a NaN depth (a hole) drops the triangle.
func (zi *zimage) triangle(a, b, c *svert, y0, y1 int, cs *contourStyle) {
	if a.z != a.z || b.z != b.z || c.z != c.z {
		return
	}
	minY := max(y0, int(floor32(min(a.y, b.y, c.y))))
	maxY := min(y1-1, int(floor32(max(a.y, b.y, c.y))))
	if minY > maxY {
		return
	}
	minX := max(0, int(floor32(min(a.x, b.x, c.x))))
	maxX := min(zi.w-1, int(floor32(max(a.x, b.x, c.x))))
	if minX > maxX {
		return
	}
	area := (b.x-a.x)*(c.y-a.y) - (b.y-a.y)*(c.x-a.x)
	if area == 0 || area != area {
		return
	}
	inv := 1 / area
	// Barycentric weights of b and c as planes in x and y.
	wbx, wby := (c.y-a.y)*inv, -(c.x-a.x)*inv
	wcx, wcy := -(b.y-a.y)*inv, (b.x-a.x)*inv
	grad := func(va, vb, vc float32) (float32, float32) {
		return (vb-va)*wbx + (vc-va)*wcx, (vb-va)*wby + (vc-va)*wcy
	}
	zx, zy := grad(a.z, b.z, c.z)
	rx, ry := grad(a.r, b.r, c.r)
	gx, gy := grad(a.g, b.g, c.g)
	bx, by := grad(a.b, b.b, c.b)
	cx, cy := grad(a.c, b.c, c.c)
	cg := float32(math.Hypot(float64(cx), float64(cy)))
	const eps = -1e-4
	for y := minY; y <= maxY; y++ {
		py := float32(y) + 0.5 - a.y
		row := zi.img.Pix[y*zi.img.Stride:]
		zrow := zi.z[y*zi.w:]
		for x := minX; x <= maxX; x++ {
			px := float32(x) + 0.5 - a.x
			wb := wbx*px + wby*py
			wc := wcx*px + wcy*py
			if wb < eps || wc < eps || wb+wc > 1-eps {
				continue
			}
			z := a.z + zx*px + zy*py
			if z <= zrow[x] {
				continue
			}
			zrow[x] = z
			r, g, bl := a.r+rx*px+ry*py, a.g+gx*px+gy*py, a.b+bx*px+by*py
			if cg > 1e-6 {
				cv := a.c + cx*px + cy*py
				d := float32(math.Abs(float64(cv-float32(math.Round(float64(cv)))))) / cg
				if cov := cs.half + 0.5 - d; cov > 0 {
					al := min(cov, 1) * cs.alpha
					r, g, bl = r+(cs.r-r)*al, g+(cs.g-g)*al, bl+(cs.b-bl)*al
				}
			}
			o := 4 * x
			row[o], row[o+1], row[o+2], row[o+3] = clamp8(r), clamp8(g), clamp8(bl), 0xFF
		}
	}
}

func floor32(v float32) float32 { return float32(math.Floor(float64(v))) }

// clamp8 rounds a channel value to a byte.
func clamp8(v float32) uint8 {
	if !(v > 0) {
		return 0
	}
	if v >= 255 {
		return 255
	}
	return uint8(v + 0.5)
}

// depthAt returns the depth buffer at pixel position (x, y), -Inf outside
// the image or where there is no surface.
func (zi *zimage) depthAt(x, y float64) float32 {
	ix, iy := int(math.Floor(x)), int(math.Floor(y))
	if ix < 0 || iy < 0 || ix >= zi.w || iy >= zi.h {
		return float32(math.Inf(-1))
	}
	return zi.z[iy*zi.w+ix]
}

// visible reports whether a point at pixel (x, y) and depth z is in front
// of the surface, within bias.
func (zi *zimage) visible(x, y, z, bias float64) bool {
	return z+bias >= float64(zi.depthAt(x, y))
}

// blend paints col over pixel (x, y) with coverage a (0–1).
func (zi *zimage) blend(x, y int, col color.RGBA, a float32) {
	if a <= 0 || x < 0 || y < 0 || x >= zi.w || y >= zi.h {
		return
	}
	a *= float32(col.A) / 255
	o := y*zi.img.Stride + 4*x
	p := zi.img.Pix[o : o+4 : o+4]
	p[0] = uint8(float32(p[0]) + (float32(col.R)-float32(p[0]))*a + 0.5)
	p[1] = uint8(float32(p[1]) + (float32(col.G)-float32(p[1]))*a + 0.5)
	p[2] = uint8(float32(p[2]) + (float32(col.B)-float32(p[2]))*a + 0.5)
	p[3] = 0xFF
}

// zpoint is a projected point of a path: pixel position and depth.
type zpoint struct{ x, y, z float64 }

// lineSeg is how long, in pixels, the pieces are that a segment is cut
// into: each piece is scanned over its bounding box.
const lineSeg = 6

// line draws the segment ab, half width hw pixels, anti-aliased, where it
// is in front of the surface within bias: each pixel is tested at the
// point of the segment's centre line nearest to it, so a line and its halo
// hide and show together.
func (zi *zimage) line(a, b zpoint, hw float64, col color.RGBA, bias float64) {
	l := math.Hypot(b.x-a.x, b.y-a.y)
	if !(l < 1e5) {
		return
	}
	pieces := max(1, int(math.Ceil(l/lineSeg)))
	for k := range pieces {
		t0, t1 := float64(k)/float64(pieces), float64(k+1)/float64(pieces)
		zi.linePiece(lerpZ(a, b, t0), lerpZ(a, b, t1), hw, col, bias)
	}
}

func lerpZ(a, b zpoint, t float64) zpoint {
	return zpoint{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t, a.z + (b.z-a.z)*t}
}

// linePiece draws one short piece of a line (see line).
func (zi *zimage) linePiece(a, b zpoint, hw float64, col color.RGBA, bias float64) {
	ext := hw + 1
	x0 := max(0, int(math.Floor(min(a.x, b.x)-ext)))
	x1 := min(zi.w-1, int(math.Floor(max(a.x, b.x)+ext)))
	y0 := max(0, int(math.Floor(min(a.y, b.y)-ext)))
	y1 := min(zi.h-1, int(math.Floor(max(a.y, b.y)+ext)))
	dx, dy := b.x-a.x, b.y-a.y
	l2 := dx*dx + dy*dy
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			px, py := float64(x)+0.5-a.x, float64(y)+0.5-a.y
			t := 0.0
			if l2 > 0 {
				t = clamp((px*dx+py*dy)/l2, 0, 1)
			}
			ex, ey := px-t*dx, py-t*dy
			cov := hw + 0.5 - math.Sqrt(ex*ex+ey*ey)
			if cov <= 0 {
				continue
			}
			cxp, cyp := a.x+t*dx, a.y+t*dy
			if !zi.visible(cxp, cyp, a.z+t*(b.z-a.z), bias) {
				continue
			}
			zi.blend(x, y, col, float32(min(cov, 1)))
		}
	}
}

// disc draws a filled anti-aliased disc of radius r at p if its centre is in
// front of the surface within bias; with shade it is lit as a ball.
func (zi *zimage) disc(p zpoint, r float64, col color.RGBA, bias float64, shade bool) {
	if !zi.visible(p.x, p.y, p.z, bias) || !(r > 0) {
		return
	}
	x0, x1 := int(math.Floor(p.x-r-1)), int(math.Floor(p.x+r+1))
	y0, y1 := int(math.Floor(p.y-r-1)), int(math.Floor(p.y+r+1))
	for y := y0; y <= y1; y++ {
		for x := x0; x <= x1; x++ {
			dx, dy := float64(x)+0.5-p.x, float64(y)+0.5-p.y
			d := math.Sqrt(dx*dx + dy*dy)
			cov := r + 0.5 - d
			if cov <= 0 {
				continue
			}
			c := col
			if shade {
				c = ballShade(col, dx/r, dy/r)
			}
			zi.blend(x, y, c, float32(min(cov, 1)))
		}
	}
}

// ballShade lights col at the point (u, v) of a unit disc (v down) as a
// sphere under the surface's light, with a small highlight.
func ballShade(col color.RGBA, u, v float64) color.RGBA {
	n2 := u*u + v*v
	if n2 > 1 {
		u, v, n2 = u/math.Sqrt(n2), v/math.Sqrt(n2), 1
	}
	nz := math.Sqrt(1 - n2)
	d := max(0, u*lightCam.X-v*lightCam.Y+nz*lightCam.Z)
	sh := 0.5 + 0.55*d
	spec := math.Pow(d, 24) * 0.6
	ch := func(c uint8) uint8 { return uint8(clamp(float64(c)*sh+255*spec, 0, 255)) }
	return color.RGBA{ch(col.R), ch(col.G), ch(col.B), col.A}
}
