package plotting

import (
	"image"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// gridN is the number of samples of f per axis behind the heat map and the
// contour lines.
const gridN = 200

// grid holds f sampled on a regular lattice over a box, with the statistics
// of the colour scale.
//
// Values are shown through t(f) = log1p((f - lo)/s), a log-like scale that
// is linear near the minimum and logarithmic far from it, so both a narrow
// valley (Rosenbrock) and wide basins (Himmelblau) get colour resolution.
type grid struct {
	nx, ny int
	box    Box
	v      []float64 // f at (x_i, y_j), index j*nx+i, x_0 = XMin, x_{nx-1} = XMax
	ok     bool      // at least one finite value
	lo, hi float64   // colour range of f (robust: far outliers are clipped)
	s      float64   // scale of the log-like transform
	tmax   float64   // t(hi)
}

// sampleGrid samples s.F over box on an n×n lattice (fewer when
// Scene.Samples caps it), its rows shared out among the cores.
func sampleGrid(s *Scene, box Box, n int) *grid {
	n = s.samples(n)
	g := &grid{nx: n, ny: n, box: box, v: make([]float64, n*n)}
	dx := (box.XMax - box.XMin) / float64(n-1)
	dy := (box.YMax - box.YMin) / float64(n-1)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for j := int(next.Add(1)) - 1; j < n; j = int(next.Add(1)) - 1 {
				y := box.YMin + float64(j)*dy
				row := g.v[j*n : (j+1)*n]
				for i := range row {
					row[i] = s.eval(box.XMin+float64(i)*dx, y)
				}
			}
		})
	}
	wg.Wait()
	g.stats()
	return g
}

// samples is n, or Samples when that is smaller (but never below 8).
func (s *Scene) samples(n int) int {
	if s.Samples > 0 && s.Samples < n {
		return max(s.Samples, 8)
	}
	return n
}

// stats computes the colour range and the transform scale.
func (g *grid) stats() {
	fin := make([]float64, 0, len(g.v))
	for _, v := range g.v {
		if finite(v) {
			fin = append(fin, v)
		}
	}
	if len(fin) == 0 {
		g.lo, g.hi, g.s, g.tmax = 0, 1, 1, 1
		return
	}
	g.ok = true
	slices.Sort(fin)
	lo, hi := fin[0], fin[len(fin)-1]
	qlo, qhi := fin[len(fin)/200], fin[len(fin)-1-len(fin)/200]
	// Far outliers (poles such as 1/x) would squeeze every other value into
	// one colour: clip them.
	if w := qhi - qlo; w > 0 {
		if hi-qhi > 100*w {
			hi = qhi
		}
		if qlo-lo > 10*w {
			lo = qlo
		}
	}
	g.lo, g.hi = lo, hi
	span := hi - lo
	if !(span > 1e-12*math.Max(1, math.Abs(lo))) || !finite(span) {
		// Constant (or all but constant) function: a single mid colour.
		g.s, g.tmax = 1, 0
		return
	}
	g.s = span * 1e-3
	g.tmax = math.Log1p(span / g.s)
}

// unit maps f to [0, 1] on the colour scale; NaN stays NaN, ±Inf clip.
func (g *grid) unit(v float64) float64 {
	if math.IsNaN(v) {
		return nan
	}
	if g.tmax == 0 {
		return 0.5
	}
	d := v - g.lo
	if !(d > 0) {
		return 0
	}
	t := math.Log1p(d/g.s) / g.tmax
	if t > 1 {
		return 1
	}
	return t
}

// levels returns n contour levels of f, evenly spaced on the colour scale,
// that is log-spaced in f - lo.
func (g *grid) levels(n int) []float64 {
	if !g.ok || g.tmax == 0 {
		return nil
	}
	out := make([]float64, 0, n)
	for l := range n {
		t := g.tmax * (float64(l) + 0.5) / float64(n)
		out = append(out, g.lo+g.s*math.Expm1(t))
	}
	return out
}

// heatImage renders the heat map as a w×h image whose pixel centres sample
// the box (row 0 at the top), interpolating the unit values bilinearly
// between lattice nodes. Non-finite nodes are skipped (the nearest finite
// corner is used); cells without any finite corner are transparent.
func (g *grid) heatImage(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	if w <= 0 || h <= 0 {
		return img
	}
	u := make([]float64, len(g.v))
	for i, v := range g.v {
		u[i] = g.unit(v)
	}
	ix := make([]int, w)
	fx := make([]float64, w)
	for p := range w {
		gx := (float64(p) + 0.5) / float64(w) * float64(g.nx-1)
		ix[p], fx[p] = cellOf(gx, g.nx)
	}
	for q := range h {
		gy := (1 - (float64(q)+0.5)/float64(h)) * float64(g.ny-1)
		j, wy := cellOf(gy, g.ny)
		r0 := u[j*g.nx : (j+1)*g.nx]
		r1 := u[(j+1)*g.nx : (j+2)*g.nx]
		row := img.Pix[q*img.Stride : q*img.Stride+4*w]
		for p := range w {
			i, wx := ix[p], fx[p]
			a, b, c, d := r0[i], r0[i+1], r1[i], r1[i+1]
			var t float64
			if a == a && b == b && c == c && d == d { // all non-NaN: the fast path
				t = (a*(1-wx)+b*wx)*(1-wy) + (c*(1-wx)+d*wx)*wy
			} else {
				t = nearestFinite(a, b, c, d, wx, wy)
				if math.IsNaN(t) {
					continue // transparent
				}
			}
			col := viridis(t)
			row[4*p], row[4*p+1], row[4*p+2], row[4*p+3] = col.R, col.G, col.B, 0xFF
		}
	}
	return img
}

// cellOf splits a lattice coordinate into a cell index in [0, n-2] and a
// weight in [0, 1].
func cellOf(g float64, n int) (int, float64) {
	i := int(math.Floor(g))
	if i < 0 {
		return 0, 0
	}
	if i > n-2 {
		return n - 2, 1
	}
	return i, g - float64(i)
}

// nearestFinite returns the corner value nearest to (wx, wy) that is not NaN.
func nearestFinite(a, b, c, d, wx, wy float64) float64 {
	type corner struct{ v, x, y float64 }
	best, bestD := nan, math.Inf(1)
	for _, k := range [4]corner{{a, 0, 0}, {b, 1, 0}, {c, 0, 1}, {d, 1, 1}} {
		if math.IsNaN(k.v) {
			continue
		}
		if dd := (k.x-wx)*(k.x-wx) + (k.y-wy)*(k.y-wy); dd < bestD {
			best, bestD = k.v, dd
		}
	}
	return best
}
