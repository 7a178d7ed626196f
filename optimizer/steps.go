package optimizer

import (
	"math"
	"math/rand/v2"
	"time"
)

// hot reports whether a rule that needs only the gradient runs in the hot
// loop (steps) under c: without a line search.
func (c Config) hot() bool { return c.LineSearch == NoLineSearch }

// plain reports whether every update of c uses the learning rate as given:
// no schedule and no line search.
func (c Config) plain() bool { return c.Schedule.IsConstant() && c.LineSearch == NoLineSearch }

// noiseStream is the second word of the PCG state of the noise generator;
// the first is Config.Seed. Fixed, so that a seed names one stream on every
// machine and in every version.
const noiseStream = 0x9e3779b97f4a7c15

// newNoise is the generator of a run's gradient noise: PCG from math/rand/v2
// (a fixed algorithm, never the global source), read only by the running
// goroutine.
func newNoise(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, noiseStream)) }

// noisy is the gradient a step from a point with gradient g uses under
// gradient noise σ: g + σ·ξ with ξ ~ N(0, I) from gen (ξ's y coordinate
// only for a function of two variables). A run draws it once per step, in
// order, and a replay draws the same.
func noisy(g [2]float64, sigma float64, gen *rand.Rand, oneD bool) [2]float64 {
	g[0] += sigma * gen.NormFloat64()
	if !oneD {
		g[1] += sigma * gen.NormFloat64()
	}
	return g
}

// stepsWith is steps for what the hot loop does not do: a rule that needs
// the point (newton) and the line search, with the same schedule, noise,
// stops and recording. It stops as Singular where a pointRule can take no
// step and as Failed where the line search finds none.
func (t *tracer) stepsWith(p Point, st rule) (Status, int, Point) {
	c, next, last := t.c, t.stride, time.Now()
	useTol, tol2 := c.Tol > 0, c.Tol*c.Tol
	pr, atPoint := st.(pointRule)
	var sc *scheduler
	if !c.Schedule.IsConstant() {
		sc = newScheduler(c.Schedule, c.LR)
	}
	for k := 1; k <= c.Steps; k++ {
		if t.stop.Load() {
			return Cancelled, k - 1, p
		}
		last = t.progress(k, last)
		lr := c.LR // the step's rate; the line search starts from it
		if sc != nil {
			lr = sc.next()
			st.setLR(lr)
		}
		g := p.Grad
		if t.noise != nil {
			g = noisy(g, c.Noise, t.noise, t.oneD)
		}
		var u0, u1 float64
		ok, extra := true, int32(0)
		switch {
		case atPoint:
			u0, u1, ok = pr.stepAt(p.X[0], p.X[1], g[0], g[1])
		case c.LineSearch == Armijo:
			lr, extra, ok = t.armijo(p, g, lr)
			st.setLR(lr)
			u0, u1 = st.step(g[0], g[1])
		default:
			u0, u1 = st.step(g[0], g[1])
		}
		if !ok {
			return t.cannotStep(atPoint), k - 1, p
		}
		if t.oneD {
			u1 = 0
		}
		p = t.at(k, [2]float64{p.X[0] + u0, p.X[1] + u1}, [2]float64{u0, u1})
		p.LR = lr
		p.Evals[0] += extra
		next = t.keep(p, next, false)
		if !t.inBound(p) {
			return Diverged, k, p
		}
		if useTol && p.Grad[0]*p.Grad[0]+p.Grad[1]*p.Grad[1] <= tol2 {
			return Converged, k, p
		}
	}
	return MaxSteps, c.Steps, p
}

// cannotStep is the status of a run whose rule could take no step: Singular
// for newton's H + λI, Failed for the line search.
func (t *tracer) cannotStep(atPoint bool) Status {
	if atPoint {
		return Singular
	}
	return Failed
}

// progress reports the trajectory so far at step k when ReportEvery has
// passed since last (the clock is read every 64 steps) and returns the time
// of the last report.
func (t *tracer) progress(k int, last time.Time) time.Time {
	if t.report == nil || k&63 != 0 {
		return last
	}
	now := time.Now()
	if now.Sub(last) < ReportEvery {
		return last
	}
	pts := t.pts
	t.report(Progress{Step: pts[len(pts)-1].K, Points: pts[:len(pts):len(pts)]})
	return now
}

// armijo is the backtracking line search from the point p along −g (g the
// gradient the step uses, noisy or not): the step size α starts at eta and
// is halved until
// f(x − αg) ≤ f(x) − c·α·‖g‖² (c = ArmijoC). It returns α, the evaluations
// of f it made and ok = false when ArmijoHalvings halvings found no such α
// (f is flat to rounding there, or not finite). A zero gradient takes α =
// eta at once (the step is zero).
func (t *tracer) armijo(p Point, g [2]float64, eta float64) (alpha float64, evals int32, ok bool) {
	g0, g1 := g[0], g[1]
	gg := g0*g0 + g1*g1
	if gg == 0 {
		return eta, 0, true
	}
	alpha = eta
	for i := 0; i <= ArmijoHalvings; i++ {
		f := t.fn.Value(p.X[0]-alpha*g0, p.X[1]-alpha*g1)
		evals++
		if f <= p.F-ArmijoC*alpha*gg {
			return alpha, evals, true
		}
		alpha /= 2
	}
	return math.NaN(), evals, false
}
