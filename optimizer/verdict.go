package optimizer

import (
	"math"

	"gdlab/message"
)

// Verdict is a one-word reading of a run that a teacher can read out. The
// rules are tried in this order and the first that fits wins; "loss" is f,
// or −f for ascent (which climbs); the window is the last 20 steps.
//
//  1. diverged: the run stopped as diverged (x or f not finite, or |x_i|
//     beyond the bound), or it is running away: the step in the end is more
//     than twice the step half-way, and the point is more than twice as far
//     from the start as it was half-way (needs at least 4 steps).
//     stalled: the run used the numeric gradient, which at the end is at
//     most 1/1000 of the exact gradient there, and the exact gradient did
//     not shrink to 1/1000 of its size at the start: the run froze because
//     the central difference vanished (x + h == x, or h so small that
//     rounding wins), not because it reached a minimum. Result.Reason says
//     which, with h, the size of x and the exact gradient.
//  2. converged: the exact gradient shrank to at most 1/1000 of its size at
//     the start (or to Config.Tol when set) and the loss curves upward at
//     the end point (largest Hessian eigenvalue of the loss > 0) without
//     curving downward in any direction. (The exact gradient, whatever
//     gradient the run used: a numeric gradient that vanished by rounding
//     says nothing of the function.)
//     saddle: the same, but the loss curves downward in some direction
//     (a Hessian eigenvalue < 0): the run came to rest on a saddle point,
//     or for a 1-D function on a maximum, not on a minimum.
//     escaping: in the window the loss fell, |x| grew and the exact
//     gradient shrank in at least 3 of 4 steps each, |x| ended more than
//     twice max(1, |x| at the start), and no minimum is in reach: Newton's
//     method from the end point does not find one nearby (see
//     minimumInReach) — the run heads off to infinity without a minimum,
//     as on 1/x or σ(x) + σ(y) (Result.Reason says so).
//  3. plateau: the gradient is so small that nothing moves, far from any
//     minimum: at the start and at the end ‖∇f‖ ≤ 0.001·max(1, |f|); the
//     point moved less than 0.001·max(1, ‖start‖); and it is not at a
//     minimum: the surface does not curve upward in every direction there
//     (Hessian not positive definite), or it does but the bottom of that
//     bowl (one Newton step, H⁻¹∇f, away) is farther than that tiny move.
//  4. noisy: the run has gradient noise (Config.Noise > 0) and rule 5's
//     oscillating or rule 7's unsettled fits: its steps are shaken by the
//     noise, not by the learning rate (Result.Reason says σ and how far the
//     window's points stay from their mean).
//  5. oscillating: in the window either at least 3 of 4 steps point the
//     opposite way to the step before (zig-zag across a valley, bouncing
//     between two walls), or the loss went up in at least 1 of 4 steps and
//     some step turned back (swinging to and fro around a minimum, as
//     momentum does).
//  6. slow: in the window the loss fell in at least 3 of 4 steps and is
//     lower at the end than at the window's start: still descending steadily
//     when the steps ran out.
//  7. unsettled: none of these: too few steps to tell, or a loss that
//     neither settles nor falls steadily (e.g. hopping between wells).
//
// Examples on x² + y² from (3, 2), 100 gd steps: lr 0.1 converged, 1
// oscillating, 1.1 diverged, 1e-6 slow; with the numeric gradient and
// h = 1e-50, stalled.
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
	VerdictStalled     Verdict = "stalled"
	VerdictEscaping    Verdict = "escaping"
	VerdictNoisy       Verdict = "noisy"
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
	stallFactor    = 1e-3 // stalled: ‖g_used‖ ≤ stallFactor·‖g_exact‖
	escapeGrowth   = 2.0  // escaping: ‖x_end‖ > escapeGrowth·max(1, ‖x_start‖)
)

// judge applies the verdict rules to a finished run of fn; tail holds its
// last consecutive steps. It returns the verdict and, for stalled and
// escaping and noisy, the reason.
func judge(fn Objective, r Result, tail []Point) (Verdict, message.Message) {
	c := r.Config
	first, last := r.Points[0], r.Final

	// 1. diverged, stalled
	if r.Status == Diverged || runningAway(r) {
		return VerdictDiverged, message.Message{}
	}
	g0, gN := exactNorm(fn, first.X), exactNorm(fn, last.X)
	shrunk := gN <= shrinkFactor*g0 || (c.Tol > 0 && gN <= c.Tol)
	if c.Gradient == Numeric && !shrunk && norm(last.Grad) <= stallFactor*gN {
		return VerdictStalled, stallReason(c.H, last, gN)
	}
	lo, hi, known := lossEigen(r.Analysis.End, c.Method)
	negTol := negCurvRelTol * math.Max(1, math.Max(math.Abs(lo), math.Abs(hi)))

	// 2. converged or saddle
	if shrunk {
		switch {
		case !known:
			return VerdictConverged, message.Message{}
		case lo < -negTol:
			return VerdictSaddle, message.Message{}
		case hi > 0:
			return VerdictConverged, message.Message{}
		}
		// A flat stationary region: let the plateau rule decide.
	}
	w := window(tail)
	if escaping(fn, r, w) {
		return VerdictEscaping, msgEscaping.New(message.Approx(norm(first.X)), message.Approx(norm(last.X)))
	}

	// 3. plateau
	scale := math.Max(1, norm(first.X))
	moved := dist(first.X, last.X)
	if norm(first.Grad) <= flatGrad*math.Max(1, math.Abs(first.F)) && norm(last.Grad) <= flatGrad*math.Max(1, math.Abs(last.F)) &&
		moved <= stillMove*scale && !nearMinimum(r.Analysis.End, c.Method, last.Grad, stillMove*scale) {
		return VerdictPlateau, message.Message{}
	}
	v := swinging(c, w)
	if c.Noise > 0 && (v == VerdictOscillating || v == VerdictUnsettled) && len(w) > 1 {
		return VerdictNoisy, msgNoisy.New(message.Value(c.Noise), message.Int(len(w)-1), message.Approx(spread(w)))
	}
	return v, message.Message{}
}

// spread is the mean distance of the points of w from their mean point.
func spread(w []Point) float64 {
	var m [2]float64
	for _, p := range w {
		m[0] += p.X[0] / float64(len(w))
		m[1] += p.X[1] / float64(len(w))
	}
	d := 0.0
	for _, p := range w {
		d += dist(p.X, m) / float64(len(w))
	}
	return d
}

// window is the last verdictWindow steps of tail.
func window(tail []Point) []Point {
	if len(tail) > verdictWindow+1 {
		return tail[len(tail)-verdictWindow-1:]
	}
	return tail
}

// swinging applies rules 5 to 7 (oscillating, slow, unsettled) to the
// window w.
func swinging(c Config, w []Point) Verdict {
	sign := 1.0
	if c.Method.maximizes() {
		sign = -1
	}
	loss := func(p Point) float64 { return sign * p.F }
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

// exactNorm is the length of fn's exact gradient at x (0 when not finite:
// such a point says nothing).
func exactNorm(fn Objective, x [2]float64) float64 {
	_, gx, gy := fn.ValueGrad(x[0], x[1])
	if fn.Dims() == 1 {
		gy = 0
	}
	if n := math.Hypot(gx, gy); finite(n) {
		return n
	}
	return 0
}

// stallReason says why a numeric gradient vanished at p where the exact
// one is gN: x + h rounds to x, or h is so small that rounding wins.
func stallReason(h float64, p Point, gN float64) message.Message {
	big := math.Max(math.Abs(p.X[0]), math.Abs(p.X[1]))
	args := []message.Arg{message.Approx(norm(p.Grad)), message.Approx(gN), message.Value(h), message.Approx(big)}
	if big+h == big {
		return msgStallRounds.New(args...)
	}
	return msgStallTiny.New(args...)
}

// escaping reports whether the run heads off to infinity with no minimum
// in reach (rule "escaping" above); w is the window of the last steps.
func escaping(fn Objective, r Result, w []Point) bool {
	if len(w) < 4 || !(norm(r.Final.X) > escapeGrowth*math.Max(1, norm(r.Points[0].X))) {
		return false
	}
	sign := 1.0
	if r.Config.Method.maximizes() {
		sign = -1
	}
	falls, grows, flattens := 0, 0, 0
	for i := 1; i < len(w); i++ {
		if sign*w[i].F < sign*w[i-1].F {
			falls++
		}
		if norm(w[i].X) > norm(w[i-1].X) {
			grows++
		}
		if exactNorm(fn, w[i].X) < exactNorm(fn, w[i-1].X) {
			flattens++
		}
	}
	n := float64(len(w) - 1)
	if float64(falls) < majority*n || float64(grows) < majority*n || float64(flattens) < majority*n {
		return false
	}
	return !minimumInReach(fn, r)
}

// minimumInReach reports whether Newton's method, started at the end of r,
// reaches a point where the exact gradient is at most 1e-6 of its size
// there, within 2·max(1, |x|) of the end and curving upward all the way: the
// bottom of a bowl is near. Off to infinity (1/x, σ(x), e^−x) Newton's
// steps walk away as well, and the gradient only fades.
func minimumInReach(fn Objective, r Result) bool {
	end := r.Final.X
	dims := 1
	if fn.Dims() == 2 {
		dims = 2
	}
	g0, x := exactNorm(fn, end), end
	reach := 2 * math.Max(1, norm(end))
	for range 30 {
		cv := curvature(fn, dims, x)
		if lo, _, ok := lossEigen(cv, r.Config.Method); !ok || lo <= 0 {
			return false
		}
		_, gx, gy := fn.ValueGrad(x[0], x[1])
		s, ok := newtonStep(cv.Hessian, [2]float64{gx, gy})
		if !ok {
			return false
		}
		x = [2]float64{x[0] - s[0], x[1] - s[1]}
		if !(dist(x, end) <= reach) {
			return false
		}
		if exactNorm(fn, x) <= 1e-6*g0 {
			return true
		}
	}
	return false
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
	s, ok := newtonStep(c.Hessian, g)
	return ok && norm(s) <= d
}

// newtonStep solves H s = g for a 1×1 or 2×2 Hessian (symmetrised); ok is
// false when H is singular.
func newtonStep(h [][]float64, g [2]float64) (s [2]float64, ok bool) {
	if len(h) == 1 {
		if h[0][0] == 0 {
			return s, false
		}
		return [2]float64{g[0] / h[0][0], 0}, true
	}
	a, b, e := h[0][0], (h[0][1]+h[1][0])/2, h[1][1]
	det := a*e - b*b
	if det == 0 {
		return s, false
	}
	return [2]float64{(e*g[0] - b*g[1]) / det, (-b*g[0] + a*g[1]) / det}, true
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
