package optimizer

import "math"

// Verdict is a one-word reading of a run that a teacher can read out. The
// rules are tried in this order and the first that fits wins; "loss" is f,
// or −f for ascent (which climbs); the window is the last 20 steps.
//
//  1. diverged: the run stopped as diverged (x or f not finite, or |x_i|
//     beyond the bound), or it is running away: the step in the end is more
//     than twice the step half-way, and the point is more than twice as far
//     from the start as it was half-way (needs at least 4 steps).
//  2. converged: the gradient shrank to at most 1/1000 of its size at the
//     start (or to Config.Tol when set) and the loss curves upward at the end
//     point (largest Hessian eigenvalue of the loss > 0) without curving
//     downward in any direction.
//     saddle: the same, but the loss curves downward in some direction
//     (a Hessian eigenvalue < 0): the run came to rest on a saddle point,
//     or for a 1-D function on a maximum, not on a minimum.
//  3. plateau: the gradient is so small that nothing moves, far from any
//     minimum: at the start and at the end ‖∇f‖ ≤ 0.001·max(1, |f|); the
//     point moved less than 0.001·max(1, ‖start‖); and it is not at a
//     minimum: the surface does not curve upward in every direction there
//     (Hessian not positive definite), or it does but the bottom of that
//     bowl (one Newton step, H⁻¹∇f, away) is farther than that tiny move.
//  4. oscillating: in the window either at least 3 of 4 steps point the
//     opposite way to the step before (zig-zag across a valley, bouncing
//     between two walls), or the loss went up in at least 1 of 4 steps and
//     some step turned back (swinging to and fro around a minimum, as
//     momentum does).
//  5. slow: in the window the loss fell in at least 3 of 4 steps and is
//     lower at the end than at the window's start: still descending steadily
//     when the steps ran out.
//  6. unsettled: none of these: too few steps to tell, or a loss that
//     neither settles nor falls steadily (e.g. hopping between wells).
//
// Examples on x² + y² from (3, 2), 100 gd steps: lr 0.1 converged, 1
// oscillating, 1.1 diverged, 1e-6 slow.
type Verdict string

// The verdicts.
const (
	VerdictConverged   Verdict = "converged"
	VerdictSaddle      Verdict = "saddle"
	VerdictOscillating Verdict = "oscillating"
	VerdictDiverged    Verdict = "diverged"
	VerdictSlow        Verdict = "slow"
	VerdictPlateau     Verdict = "plateau"
	VerdictUnsettled   Verdict = "unsettled"
	VerdictInvalid     Verdict = "invalid" // nothing was run (Status Invalid)
)

// Thresholds of the verdict rules.
const (
	verdictWindow  = 20
	shrinkFactor   = 1e-3 // converged: ‖g_end‖ ≤ shrinkFactor·‖g_start‖
	flatGrad       = 1e-3 // plateau: ‖g‖ ≤ flatGrad·max(1, |f|)
	stillMove      = 1e-3 // plateau: moved ≤ stillMove·max(1, ‖start‖)
	majority       = 0.75 // oscillating and slow: share of steps in the window
	negCurvRelTol  = 1e-9 // an eigenvalue < −negCurvRelTol·max(1, max|λ|) curves downward
	growthFactor   = 2.0  // diverged: growth of step and distance over the second half
	minGrowthSteps = 4
)

// judge applies the verdict rules to a finished run; tail holds its last
// consecutive steps.
func judge(r Result, tail []Point) Verdict {
	c := r.Config
	sign := 1.0
	if c.Method.maximizes() {
		sign = -1
	}
	loss := func(p Point) float64 { return sign * p.F }
	first, last := r.Points[0], r.Final

	// 1. diverged
	if r.Status == Diverged || runningAway(r) {
		return VerdictDiverged
	}

	g0, gN := norm(first.Grad), norm(last.Grad)
	lo, hi, known := lossEigen(r.Analysis.End, c.Method)
	negTol := negCurvRelTol * math.Max(1, math.Max(math.Abs(lo), math.Abs(hi)))

	// 2. converged or saddle
	if gN <= shrinkFactor*g0 || (c.Tol > 0 && gN <= c.Tol) {
		switch {
		case !known:
			return VerdictConverged
		case lo < -negTol:
			return VerdictSaddle
		case hi > 0:
			return VerdictConverged
		}
		// A flat stationary region: let the plateau rule decide.
	}

	// 3. plateau
	scale := math.Max(1, norm(first.X))
	moved := dist(first.X, last.X)
	if g0 <= flatGrad*math.Max(1, math.Abs(first.F)) && gN <= flatGrad*math.Max(1, math.Abs(last.F)) &&
		moved <= stillMove*scale && !nearMinimum(r.Analysis.End, c.Method, last.Grad, stillMove*scale) {
		return VerdictPlateau
	}

	// 4. oscillating, 5. slow
	w := tail
	if len(w) > verdictWindow+1 {
		w = w[len(w)-verdictWindow-1:]
	}
	if len(w) >= 3 {
		reversals, rises := 0, 0
		for i := 2; i < len(w); i++ {
			if dot(w[i].Update, w[i-1].Update) < 0 {
				reversals++
			}
		}
		for i := 1; i < len(w); i++ {
			if loss(w[i]) > loss(w[i-1]) {
				rises++
			}
		}
		if float64(reversals) >= majority*float64(len(w)-2) ||
			(reversals > 0 && float64(rises) >= (1-majority)*float64(len(w)-1)) {
			return VerdictOscillating
		}
	}
	if len(w) >= 2 {
		falls := 0
		for i := 1; i < len(w); i++ {
			if loss(w[i]) < loss(w[i-1]) {
				falls++
			}
		}
		if float64(falls) >= majority*float64(len(w)-1) && loss(w[len(w)-1]) < loss(w[0]) {
			return VerdictSlow
		}
	}
	return VerdictUnsettled
}

// runningAway reports whether the run's steps and distance from the start
// more than doubled over its second half.
func runningAway(r Result) bool {
	n := r.Steps
	if n < minGrowthSteps {
		return false
	}
	mid := pointNear(r.Points, n/2)
	if mid.K == 0 {
		return false
	}
	start, end := r.Points[0].X, r.Final.X
	um := norm(mid.Update)
	return um > 0 && norm(r.Final.Update) > growthFactor*um &&
		dist(start, end) > growthFactor*dist(start, mid.X)
}

// nearMinimum reports whether the end curvature c says the point is in a
// bowl whose bottom is within d (one Newton step).
func nearMinimum(c Curvature, m Method, g [2]float64, d float64) bool {
	lo, _, ok := lossEigen(c, m)
	if !ok || lo <= 0 {
		return false
	}
	h := c.Hessian
	if len(h) == 1 {
		return math.Abs(g[0]/h[0][0]) <= d
	}
	// Solve H s = g for the 2×2 (positive definite, so invertible) H.
	a, b, cc, e := h[0][0], (h[0][1]+h[1][0])/2, (h[0][1]+h[1][0])/2, h[1][1]
	det := a*e - b*cc
	if det == 0 {
		return false
	}
	s := [2]float64{(e*g[0] - b*g[1]) / det, (-cc*g[0] + a*g[1]) / det}
	return norm(s) <= d
}

// pointNear is the recorded point whose step is closest to k.
func pointNear(pts []Point, k int) Point {
	lo, hi := 0, len(pts)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if pts[mid].K < k {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	if lo > 0 && k-pts[lo-1].K < pts[lo].K-k {
		lo--
	}
	return pts[lo]
}

func norm(v [2]float64) float64    { return math.Hypot(v[0], v[1]) }
func dist(a, b [2]float64) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }
func dot(a, b [2]float64) float64  { return a[0]*b[0] + a[1]*b[1] }
