package plotting

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/spatial/r3"
)

// The surface lives in world coordinates: the view box maps to
// X, Y ∈ [−½, ½] and the height scale of f to Z ∈ [−zHalf, zHalf] (the box
// aspect 4:4:3 of Matplotlib's 3-D axes).
const zHalf = 0.375

// logHeightMedian: heights use the heat map's log1p scale when the median
// of f over the box lies below this fraction of the way from the lowest to
// the highest value, i.e. when a linear height would press nearly the whole
// surface flat onto the floor.
const logHeightMedian = 0.02

// surfaceMesh is f sampled on an n×n lattice over the box, with the height
// and colour of every node: everything of the surface that depends only on
// the function and the box.
type surfaceMesh struct {
	n    int
	box  Box
	g    *grid     // samples and colour scale (the heat map's)
	logZ bool      // heights on the log1p scale of the colours
	z    []float64 // world height per node, NaN = hole (f not finite)
	u    []float64 // colour unit per node (grid.unit), NaN = hole
	nrm  []r3.Vec  // unit normal per node, pointing up
}

// newSurfaceMesh samples s over box on an n×n lattice.
func newSurfaceMesh(s *Scene, box Box, n int) *surfaceMesh {
	n = s.samples(n)
	g := sampleGrid(s, box, n)
	m := &surfaceMesh{n: n, box: box, g: g, z: make([]float64, n*n), u: make([]float64, n*n)}
	m.logZ = useLogHeights(g)
	for i, v := range g.v {
		if !finite(v) {
			m.z[i], m.u[i] = nan, nan
			continue
		}
		m.z[i] = clamp(m.height(v), -zHalf, zHalf)
		m.u[i] = g.unit(v)
	}
	m.normals()
	return m
}

// useLogHeights reports whether the finite samples of g are so skewed that
// heights should be compressed (see logHeightMedian).
func useLogHeights(g *grid) bool {
	if !g.ok || g.tmax == 0 {
		return false
	}
	fin := make([]float64, 0, len(g.v))
	for _, v := range g.v {
		if finite(v) {
			fin = append(fin, v)
		}
	}
	slices.Sort(fin)
	med := fin[len(fin)/2]
	return (med-g.lo)/(g.hi-g.lo) < logHeightMedian
}

// unit returns the position of f on the height scale, 0 at the lowest and 1
// at the highest value of the colour range; values outside the range map
// outside [0, 1] (a run leaving the box), NaN stays NaN.
func (m *surfaceMesh) unit(f float64) float64 {
	g := m.g
	switch {
	case math.IsNaN(f):
		return nan
	case g.tmax == 0:
		return 0.5
	case !m.logZ:
		return (f - g.lo) / (g.hi - g.lo)
	case f >= g.lo && f <= g.hi:
		return g.unit(f)
	case f > g.hi:
		return math.Log1p((f-g.lo)/g.s) / g.tmax
	}
	return -math.Log1p((g.lo-f)/g.s) / g.tmax
}

// height returns the world Z of the value f (unclamped).
func (m *surfaceMesh) height(f float64) float64 { return (m.unit(f) - 0.5) * 2 * zHalf }

// fAt returns the value of f drawn at height unit t (the inverse of unit).
func (m *surfaceMesh) fAt(t float64) float64 {
	g := m.g
	if g.tmax == 0 {
		return g.lo
	}
	if !m.logZ {
		return g.lo + t*(g.hi-g.lo)
	}
	return g.lo + g.s*math.Expm1(t*g.tmax)
}

// world returns the world point of (x, y, f); far-away points are bounded
// so that clipping stays finite.
func (m *surfaceMesh) world(x, y, f float64) r3.Vec {
	b := m.box
	return r3.Vec{
		X: clamp((x-b.XMin)/(b.XMax-b.XMin)-0.5, -1e6, 1e6),
		Y: clamp((y-b.YMin)/(b.YMax-b.YMin)-0.5, -1e6, 1e6),
		Z: clamp(m.height(f), -1e6, 1e6),
	}
}

// data returns the data x, y of the world point v.
func (m *surfaceMesh) data(v r3.Vec) (float64, float64) {
	b := m.box
	return b.XMin + (v.X+0.5)*(b.XMax-b.XMin), b.YMin + (v.Y+0.5)*(b.YMax-b.YMin)
}

// node returns the world point of lattice node (i, j).
func (m *surfaceMesh) node(i, j int) r3.Vec {
	d := 1 / float64(m.n-1)
	return r3.Vec{X: float64(i)*d - 0.5, Y: float64(j)*d - 0.5, Z: m.z[j*m.n+i]}
}

// normals computes the unit normal of every node from the slopes to its
// neighbours (one-sided at the edges and next to holes).
func (m *surfaceMesh) normals() {
	n := m.n
	m.nrm = make([]r3.Vec, n*n)
	d := 1 / float64(n-1)
	slope := func(a, b float64, da float64) float64 {
		if math.IsNaN(a) || math.IsNaN(b) || da == 0 {
			return nan
		}
		return (b - a) / da
	}
	at := func(i, j int) float64 {
		if i < 0 || j < 0 || i >= n || j >= n {
			return nan
		}
		return m.z[j*n+i]
	}
	for j := range n {
		for i := range n {
			z := at(i, j)
			sx := slope(at(i-1, j), at(i+1, j), 2*d)
			if math.IsNaN(sx) {
				sx = firstFinite(slope(z, at(i+1, j), d), slope(at(i-1, j), z, d), 0)
			}
			sy := slope(at(i, j-1), at(i, j+1), 2*d)
			if math.IsNaN(sy) {
				sy = firstFinite(slope(z, at(i, j+1), d), slope(at(i, j-1), z, d), 0)
			}
			m.nrm[j*n+i] = r3.Unit(r3.Vec{X: -sx, Y: -sy, Z: 1})
		}
	}
}

// firstFinite returns the first of vs that is finite.
func firstFinite(vs ...float64) float64 {
	for _, v := range vs {
		if finite(v) {
			return v
		}
	}
	return 0
}

// Lighting of the surface: a light from the upper left of the camera, so
// the surface reads the same from every side, ambient plus diffuse.
var lightCam = r3.Unit(r3.Vec{X: -0.45, Y: 0.6, Z: 0.66})

const (
	ambient = 0.42
	diffuse = 0.58
)

// screenVertices projects every node and lights its colour (the heat map's
// colour of f): two-sided diffuse + ambient shading with the normal turned
// towards the camera. Holes get a NaN depth.
func (m *surfaceMesh) screenVertices(pr projector) []svert {
	out := make([]svert, len(m.z))
	light := pr.rot.MulVecTrans(lightCam)
	toViewer := pr.rot.VecRow(2)
	for j := range m.n {
		for i := range m.n {
			k := j*m.n + i
			if math.IsNaN(m.z[k]) {
				out[k] = svert{z: float32(nan)}
				continue
			}
			x, y, d := pr.project(m.node(i, j))
			nr := m.nrm[k]
			if r3.Dot(nr, toViewer) < 0 {
				nr = r3.Scale(-1, nr)
			}
			sh := ambient + diffuse*max(0, r3.Dot(nr, light))
			c := viridis(m.u[k])
			out[k] = svert{
				x: float32(x), y: float32(y), z: float32(d),
				r: float32(sh * float64(c.R)), g: float32(sh * float64(c.G)), b: float32(sh * float64(c.B)),
				c: float32(m.u[k]*contourLevels - 0.5),
			}
		}
	}
	return out
}

// projector is the orthographic camera of a surface panel: world points to
// pixel positions (y down) and depths (larger is nearer).
type projector struct {
	rot    *r3.Mat // rows: screen right, screen up, towards the viewer
	scale  float64 // pixels per world unit
	cx, cy float64 // pixel position of the box centre
}

// newProjector sets up the camera for a w×h pixel panel: the box centred
// in it and fitting inside the margin and the room for the tick labels
// from every azimuth (so that it keeps its size while turned about the f
// axis; only the elevation changes its height), times the zoom.
func newProjector(cam Camera, w, h int, o Options) projector {
	cam = cam.normalized()
	az, el := cam.Azimuth*math.Pi/180, cam.Elevation*math.Pi/180
	toViewer := r3.Vec{X: math.Cos(el) * math.Cos(az), Y: math.Cos(el) * math.Sin(az), Z: math.Sin(el)}
	right := r3.Vec{X: -math.Sin(az), Y: math.Cos(az)}
	up := r3.Cross(toViewer, right)
	rot := r3.NewMat([]float64{right.X, right.Y, right.Z, up.X, up.Y, up.Z, toViewer.X, toViewer.Y, toViewer.Z})
	room := (10 + 34) * o.Scale * o.DPI / 72 // margin and tick labels, in pixels
	// Whatever the azimuth, the box is at most √2 (its diagonal) wide and
	// √2·|sin el| + 2·zHalf·cos el high on screen.
	wide := math.Sqrt2
	high := math.Sqrt2*math.Abs(math.Sin(el)) + 2*zHalf*math.Cos(el)
	fit := math.Min((float64(w)-2*room)/wide, (float64(h)-2*room)/high)
	return projector{rot: rot, scale: cam.Zoom * math.Max(4, fit), cx: float64(w) / 2, cy: float64(h) / 2}
}

// project returns the pixel position and depth of the world point v.
func (p projector) project(v r3.Vec) (x, y, depth float64) {
	c := p.rot.MulVec(v)
	return p.cx + p.scale*c.X, p.cy - p.scale*c.Y, c.Z
}

// unproject returns the world point at pixel position (x, y) and depth.
func (p projector) unproject(x, y, depth float64) r3.Vec {
	return p.rot.MulVecTrans(r3.Vec{X: (x - p.cx) / p.scale, Y: (p.cy - y) / p.scale, Z: depth})
}

// toViewer returns the unit vector from the box towards the camera.
func (p projector) toViewer() r3.Vec { return p.rot.VecRow(2) }
