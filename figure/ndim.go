package figure

import (
	"math"
	"sort"
	"strconv"
	"sync"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"

	"gdlab/optimizer"
	"gdlab/plotting"
)

// Projection chooses how the contour and surface views show a function of
// n > 2 variables: a slice through two coordinates, or the plane of the
// selected run's path.
type Projection struct {
	Kind plotting.ProjectionKind // plotting.ProjectionSlice (the zero value) or plotting.ProjectionPlane
	I, J int                     // a slice's coordinates on the axes; equal ones mean 0 and 1
	Held plotting.HeldAt         // where a slice holds the other coordinates: the selected run's start, current or end point
}

// MaxCoordLines is the most coordinates the coordinates view draws: for
// more variables it draws those that move most.
const MaxCoordLines = 8

// plane is an affine plane of ℝⁿ, origin + a·u + b·v with u, v
// orthonormal: a point's coordinates on it are (x − origin)·u and
// (x − origin)·v.
type plane struct {
	origin, u, v []float64
	share        float64 // the share of the path's variance it explains (the plane of the path)
	names        [2]string
}

// coords is x's coordinates on the plane.
func (pl *plane) coords(x []float64) (a, b float64) {
	for i, xi := range x {
		d := xi - pl.origin[i]
		a += d * pl.u[i]
		b += d * pl.v[i]
	}
	return a, b
}

// sampler is f over the plane; it is safe for concurrent use.
func (pl *plane) sampler(fn optimizer.ObjectiveN) func(a, b float64) float64 {
	n := len(pl.origin)
	pool := sync.Pool{New: func() any { s := make([]float64, n); return &s }}
	return func(a, b float64) float64 {
		sp := pool.Get().(*[]float64)
		x := *sp
		for i := range x {
			x[i] = pl.origin[i] + a*pl.u[i] + b*pl.v[i]
		}
		f := fn.ValueN(x)
		pool.Put(sp)
		return f
	}
}

// slicePlane is the plane of coordinates i and j through x: its
// coordinates are x[i] and x[j] themselves.
func slicePlane(x []float64, i, j int) *plane {
	n := len(x)
	pl := &plane{origin: append([]float64(nil), x...), u: make([]float64, n), v: make([]float64, n),
		names: [2]string{varName(i), varName(j)}}
	pl.origin[i], pl.origin[j] = 0, 0
	pl.u[i], pl.v[j] = 1, 1
	return pl
}

// varName is the function language's name of coordinate i.
func varName(i int) string { return "x[" + strconv.Itoa(i) + "]" }

// pathPlane is the plane of the path pts of a function of n variables
// (Li et al., Visualizing the Loss Landscape of Neural Nets, 2018): through
// the end point, spanned by the two principal directions of the
// displacements x_k − x_end, with the share of their variance the two
// explain. The directions are the top eigenvectors of the displacements'
// covariance (gonum's stat.CovarianceMatrix and mat.EigenSym: one pass over
// the path and an n×n problem, where stat.PC's SVD of the whole path
// matrix costs as much as the rest of the figure). ok is false for a path
// that does not span a plane (fewer than three distinct points).
func pathPlane(pts []optimizer.Point, n int) (*plane, bool) {
	end := pts[len(pts)-1].Pos(n)
	rows := make([]float64, 0, len(pts)*n)
	for _, p := range pts {
		for i := range n {
			d := p.Coord(i) - end[i]
			if math.IsNaN(d) || math.IsInf(d, 0) {
				return nil, false
			}
			rows = append(rows, d)
		}
	}
	if len(pts) < 3 {
		return nil, false
	}
	var cov mat.SymDense
	stat.CovarianceMatrix(&cov, mat.NewDense(len(pts), n, rows), nil)
	var es mat.EigenSym
	if !es.Factorize(&cov, true) {
		return nil, false
	}
	vars := es.Values(nil) // ascending
	total := floats.Sum(vars)
	if !(vars[n-2] > 1e-12*vars[n-1]) || !(total > 0) { // a path along a line spans no plane
		return nil, false
	}
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	return &plane{origin: end, u: mat.Col(nil, n-1, &vecs), v: mat.Col(nil, n-2, &vecs),
		share: (vars[n-1] + vars[n-2]) / total, names: [2]string{"d₁", "d₂"}}, true
}

// SceneN is the scene of a problem of n > 2 variables and its traces at
// step current (< 0: the last), seen through proj: the contour and
// surface over a slice or the plane of the path of the selected trace sel
// (with the paths projected onto it), and the coordinates of that trace
// over the steps. A plane that cannot be made (a path of fewer than three
// distinct points) falls back to the slice through coordinates 0 and 1.
func SceneN(p optimizer.Problem, traces []Trace, current, sel int, proj Projection) *plotting.Scene {
	fn := p.F.(optimizer.ObjectiveN)
	n := p.F.Dims()
	sel = max(0, min(sel, len(traces)-1))
	pl, pj := planeOf(traces, sel, n, current, proj)
	if pj.Kind == plotting.ProjectionSlice && len(p.Vars) == n {
		pl.names = [2]string{p.Vars[pj0(proj, n)[0]], p.Vars[pj0(proj, n)[1]]}
	}
	s := &plotting.Scene{
		F: pl.sampler(fn), Dims: 2, Key: p.Source + "|" + pl.key(), FMin: p.FMin, Current: current,
		Runs: make([]plotting.Run, len(traces)), AxisNames: pl.names, Projection: &pj, Samples: samplesFor(p.F),
	}
	if p.Box != nil {
		b := plotting.Box(*p.Box) // a --box is in the plane's coordinates
		s.Box = &b
	}
	for i, t := range traces {
		s.Runs[i] = projectedRun(t, pl, n)
	}
	if len(traces) > 0 {
		s.Coords = coordsOf(traces[sel], sel, n)
	}
	return s
}

// planeOf is the plane proj asks for, and the note that says what it is.
func planeOf(traces []Trace, sel, n, current int, proj Projection) (*plane, plotting.Projection) {
	var pts []optimizer.Point
	if len(traces) > 0 {
		pts = traces[sel].Points
	}
	if proj.Kind == plotting.ProjectionPlane && len(pts) > 0 {
		if pl, ok := pathPlane(pts, n); ok {
			return pl, plotting.Projection{Kind: plotting.ProjectionPlane, Share: pl.share}
		}
	}
	ij := pj0(proj, n)
	i, j := ij[0], ij[1]
	var x []float64
	switch {
	case len(pts) == 0:
		x = make([]float64, n)
		if len(traces) > 0 {
			x = traces[sel].Config.StartVec(n)
		}
	case proj.Held == plotting.HeldAtEnd:
		x = pts[len(pts)-1].Pos(n)
	case proj.Held == plotting.HeldAtCurrent:
		x = pointAt(pts, current).Pos(n)
	default:
		x = pts[0].Pos(n)
	}
	return slicePlane(x, i, j), plotting.Projection{Kind: plotting.ProjectionSlice, Held: proj.Held}
}

// PlanePoint is the point of ℝⁿ at (a, b) on the plane SceneN draws for
// the same arguments: where a tap on its contour starts a run.
func PlanePoint(p optimizer.Problem, traces []Trace, current, sel int, proj Projection, a, b float64) []float64 {
	n := p.F.Dims()
	sel = max(0, min(sel, len(traces)-1))
	pl, _ := planeOf(traces, sel, n, current, proj)
	x := make([]float64, n)
	for i := range x {
		x[i] = pl.origin[i] + a*pl.u[i] + b*pl.v[i]
	}
	return x
}

// pj0 is the two coordinates of the slice proj asks for in n dimensions.
func pj0(proj Projection, n int) [2]int {
	if proj.I == proj.J || proj.I < 0 || proj.J < 0 || proj.I >= n || proj.J >= n {
		return [2]int{0, 1}
	}
	return [2]int{proj.I, proj.J}
}

// pointAt is the last point of pts at or before step k (k < 0: the last).
func pointAt(pts []optimizer.Point, k int) optimizer.Point {
	if k < 0 {
		return pts[len(pts)-1]
	}
	i := sort.Search(len(pts), func(j int) bool { return pts[j].K > k })
	return pts[max(0, i-1)]
}

// key identifies the plane for the background cache.
func (pl *plane) key() string {
	b := make([]byte, 0, 24*3*len(pl.origin))
	for _, v := range [][]float64{pl.origin, pl.u, pl.v} {
		for _, x := range v {
			b = strconv.AppendFloat(b, x, 'g', -1, 64)
			b = append(b, ',')
		}
		b = append(b, ';')
	}
	return string(b)
}

// projectedRun is trace t with its path projected onto pl.
func projectedRun(t Trace, pl *plane, n int) plotting.Run {
	r := Run(Trace{Config: t.Config, DivergedAt: t.DivergedAt, Hidden: t.Hidden})
	for _, p := range t.Points {
		q := p
		q.X, q.Grad, q.Update = [2]float64{}, [2]float64{}, [2]float64{}
		for i := range n {
			d := p.Coord(i) - pl.origin[i]
			q.X[0] += d * pl.u[i]
			q.X[1] += d * pl.v[i]
			g, u := p.GradCoord(i), p.UpdateCoord(i)
			q.Grad[0] += g * pl.u[i]
			q.Grad[1] += g * pl.v[i]
			q.Update[0] += u * pl.u[i]
			q.Update[1] += u * pl.v[i]
		}
		AppendPoint(&r, q)
	}
	return r
}

// coordsOf is the coordinates view of trace t (run index run): every
// coordinate for n ≤ MaxCoordLines, else the MaxCoordLines that move most
// (the widest range over the path), in index order.
func coordsOf(t Trace, run, n int) *plotting.Coords {
	idx := movers(t.Points, n)
	c := &plotting.Coords{Run: run, K: make([]int, len(t.Points)), V: make([][]float64, len(idx)),
		Names: make([]string, len(idx)), Omitted: n - len(idx)}
	for li, i := range idx {
		c.Names[li], c.V[li] = varName(i), make([]float64, len(t.Points))
	}
	for k, p := range t.Points {
		c.K[k] = p.K
		for li, i := range idx {
			c.V[li][k] = p.Coord(i)
		}
	}
	return c
}

// movers are the indices of the coordinates the coordinates view draws.
func movers(pts []optimizer.Point, n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	if n <= MaxCoordLines {
		return idx
	}
	lo, hi := make([]float64, n), make([]float64, n)
	for i := range n {
		lo[i], hi[i] = math.Inf(1), math.Inf(-1)
	}
	for _, p := range pts {
		for i := range n {
			if v := p.Coord(i); v-v == 0 { // finite
				lo[i], hi[i] = min(lo[i], v), max(hi[i], v)
			}
		}
	}
	span := make([]float64, n)
	for i := range n {
		if hi[i] >= lo[i] {
			span[i] = hi[i] - lo[i]
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return span[idx[a]] > span[idx[b]] })
	idx = idx[:MaxCoordLines]
	sort.Ints(idx)
	return idx
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }
