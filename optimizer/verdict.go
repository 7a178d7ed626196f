package optimizer

import (
	"math"

	"gonum.org/v1/gonum/mat"

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
	c, f := r.Config, fieldOf(fn)
	d := f.dims
	first, last := r.Points[0], r.Final
	x0, xN := first.Pos(d), last.Pos(d)

	// 1. diverged, stalled
	if r.Status == Diverged || runningAway(r, d) {
		return VerdictDiverged, message.Message{}
	}
	g0, gN := f.exactNorm(x0), f.exactNorm(xN)
	shrunk := gN <= shrinkFactor*g0 || (c.Tol > 0 && gN <= c.Tol)
	if c.Gradient == Numeric && !shrunk && norm(last.GradVec(d)) <= stallFactor*gN {
		return VerdictStalled, stallReason(c.H, last, d, gN)
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
	if escaping(f, r, w) {
		return VerdictEscaping, msgEscaping.New(message.Approx(norm(x0)), message.Approx(norm(xN)))
	}

	// 3. plateau
	scale := math.Max(1, norm(x0))
	moved := dist(x0, xN)
	if norm(first.GradVec(d)) <= flatGrad*math.Max(1, math.Abs(first.F)) && norm(last.GradVec(d)) <= flatGrad*math.Max(1, math.Abs(last.F)) &&
		moved <= stillMove*scale && !nearMinimum(r.Analysis.End, c.Method, last.GradVec(d), stillMove*scale) {
		return VerdictPlateau, message.Message{}
	}
	v := swinging(c, w, d)
	if (v == VerdictOscillating || v == VerdictUnsettled) && len(w) > 1 {
		switch {
		case c.Noise > 0:
			return VerdictNoisy, msgNoisy.New(message.Value(c.Noise), message.Int(len(w)-1), message.Approx(spread(w, d)))
		case sampled(fn, c):
			return VerdictNoisy, msgNoisyBatches.New(message.Int(len(w)-1), message.Approx(spread(w, d)))
		}
	}
	return v, message.Message{}
}

// sampled reports whether the runs of c on fn learn from mini-batches.
func sampled(fn Objective, c Config) bool {
	return SamplerOf(fn, c) != nil
}

// spread is the mean distance of the points of w from their mean point.
func spread(w []Point, dims int) float64 {
	m := make([]float64, dims)
	for _, p := range w {
		for i, xi := range p.Pos(dims) {
			m[i] += xi / float64(len(w))
		}
	}
	d := 0.0
	for _, p := range w {
		d += dist(p.Pos(dims), m) / float64(len(w))
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
func swinging(c Config, w []Point, dims int) Verdict {
	sign := 1.0
	if c.Method.maximizes() {
		sign = -1
	}
	loss := func(p Point) float64 { return sign * p.F }
	if len(w) >= 3 {
		reversals, rises := 0, 0
		for i := 2; i < len(w); i++ {
			if dot(w[i].UpdateVec(dims), w[i-1].UpdateVec(dims)) < 0 {
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

// stallReason says why a numeric gradient vanished at p where the exact
// one is gN: x + h rounds to x, or h is so small that rounding wins.
func stallReason(h float64, p Point, dims int, gN float64) message.Message {
	big := 0.0
	for _, xi := range p.Pos(dims) {
		big = math.Max(big, math.Abs(xi))
	}
	args := []message.Arg{message.Approx(norm(p.GradVec(dims))), message.Approx(gN), message.Value(h), message.Approx(big)}
	if big+h == big {
		return msgStallRounds.New(args...)
	}
	return msgStallTiny.New(args...)
}

// escaping reports whether the run heads off to infinity with no minimum
// in reach (rule "escaping" above); w is the window of the last steps.
func escaping(f field, r Result, w []Point) bool {
	d := f.dims
	if len(w) < 4 || !(norm(r.Final.Pos(d)) > escapeGrowth*math.Max(1, norm(r.Points[0].Pos(d)))) {
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
		if norm(w[i].Pos(d)) > norm(w[i-1].Pos(d)) {
			grows++
		}
	}
	n := float64(len(w) - 1)
	if float64(falls) < majority*n || float64(grows) < majority*n {
		return false // before the gradients, which may cost a pass over a data set each
	}
	slope := f.exactNorm(w[0].Pos(d))
	for i := 1; i < len(w); i++ {
		next := f.exactNorm(w[i].Pos(d))
		if next < slope {
			flattens++
		}
		slope = next
	}
	if float64(flattens) < majority*n {
		return false
	}
	return !minimumInReach(f, r)
}

// minimumInReach reports whether Newton's method, started at the end of r,
// reaches a point where the exact gradient is at most 1e-6 of its size
// there, within 2·max(1, |x|) of the end and curving upward all the way: the
// bottom of a bowl is near. Off to infinity (1/x, σ(x), e^−x) Newton's
// steps walk away as well, and the gradient only fades.
func minimumInReach(f field, r Result) bool {
	end := r.Final.Pos(f.dims)
	g0, x := f.exactNorm(end), end
	reach := 2 * math.Max(1, norm(end))
	for range 30 {
		cv := curvature(f.fn, x)
		if lo, _, ok := lossEigen(cv, r.Config.Method); !ok || lo <= 0 {
			return false
		}
		s, ok := newtonStep(cv.Hessian, f.grad(x))
		if !ok {
			return false
		}
		next := make([]float64, len(x))
		for i := range x {
			next[i] = x[i] - s[i]
		}
		x = next
		if !(dist(x, end) <= reach) {
			return false
		}
		if f.exactNorm(x) <= 1e-6*g0 {
			return true
		}
	}
	return false
}

// runningAway reports whether the run's steps and distance from the start
// more than doubled over its second half.
func runningAway(r Result, dims int) bool {
	n := r.Steps
	if n < minGrowthSteps {
		return false
	}
	mid := pointNear(r.Points, n/2)
	if mid.K == 0 {
		return false
	}
	start, end := r.Points[0].Pos(dims), r.Final.Pos(dims)
	um := norm(mid.UpdateVec(dims))
	return um > 0 && norm(r.Final.UpdateVec(dims)) > growthFactor*um &&
		dist(start, end) > growthFactor*dist(start, mid.Pos(dims))
}

// nearMinimum reports whether the end curvature c says the point is in a
// bowl whose bottom is within d (one Newton step).
func nearMinimum(c Curvature, m Method, g []float64, d float64) bool {
	lo, _, ok := lossEigen(c, m)
	if !ok || lo <= 0 {
		return false
	}
	s, ok := newtonStep(c.Hessian, g)
	return ok && norm(s) <= d
}

// newtonStep solves H s = g for the Hessian h (symmetrised; by hand for
// 1×1 and 2×2, by gonum's mat.LU beyond); ok is false when H is singular.
func newtonStep(h [][]float64, g []float64) (s []float64, ok bool) {
	switch n := len(h); n {
	case 1:
		if h[0][0] == 0 {
			return nil, false
		}
		return []float64{g[0] / h[0][0]}, true
	case 2:
		a, b, e := h[0][0], (h[0][1]+h[1][0])/2, h[1][1]
		det := a*e - b*b
		if det == 0 {
			return nil, false
		}
		return []float64{(e*g[0] - b*g[1]) / det, (-b*g[0] + a*g[1]) / det}, true
	default:
		m := mat.NewDense(n, n, nil)
		for i := range n {
			for j := range n {
				m.Set(i, j, (h[i][j]+h[j][i])/2)
			}
		}
		var lu mat.LU
		lu.Factorize(m)
		sv := mat.NewVecDense(n, nil)
		if lu.Cond() > 1/epsilon || lu.SolveVecTo(sv, false, mat.NewVecDense(n, g)) != nil {
			return nil, false
		}
		return sv.RawVector().Data, true
	}
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
