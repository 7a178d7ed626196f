package optimizer

import (
	"math"
	"time"
)

// vectors is the working space of a run in n > 2 dimensions: the point,
// its gradient, the gradient the update uses, the update and a trial point
// of the line search, and the arena the recorded points' Point.More come
// from.
type vectors struct {
	fn            ObjectiveN
	n             int
	x, g, gu, u   []float64
	trial         []float64
	arena         []float64 // the unused rest of the current chunk
	chunk         int       // the size of the next chunk
	ringMore      [tailLen][]float64
	f             float64
	numeric       bool
	h             float64
	recordedSteps int // points the run may record, for the first chunk
}

// arenaChunk is the most numbers one allocation of Point.More takes.
const arenaChunk = 1 << 16

// newVectors is the working space of a run of fn from the start x (n > 2).
func newVectors(fn ObjectiveN, x []float64, c Config, points int) *vectors {
	n := len(x)
	v := &vectors{fn: fn, n: n, x: x, g: make([]float64, n), gu: make([]float64, n),
		u: make([]float64, n), trial: make([]float64, n), numeric: c.Gradient == Numeric, h: c.H}
	v.chunk = min(arenaChunk, max(1, points)*3*max(1, n-2))
	return v
}

// eval sets f and g at x.
func (v *vectors) eval() {
	if v.numeric {
		v.f = v.fn.NumericGradN(v.x, v.h, v.g)
	} else {
		v.f = v.fn.ValueGradN(v.x, v.g)
	}
}

// point is the point of step k at the current x, f and g, reached by the
// update u; its Point.More is the slot of the ring of the last steps when
// ring is set (a step a decimated run does not keep), else new.
func (v *vectors) point(k int, ring bool) Point {
	m := v.n - 2
	if m <= 0 { // one or two variables (a sampled run): no More
		p := Point{K: k, F: v.f}
		copy(p.X[:], v.x)
		copy(p.Grad[:], v.g)
		copy(p.Update[:], v.u)
		return p
	}
	var more []float64
	if ring {
		slot := &v.ringMore[k&(tailLen-1)]
		if *slot == nil {
			*slot = make([]float64, 3*m)
		}
		more = *slot
	} else {
		if len(v.arena) < 3*m {
			v.arena = make([]float64, max(v.chunk, 3*m))
			v.chunk = arenaChunk
		}
		more, v.arena = v.arena[:3*m:3*m], v.arena[3*m:]
	}
	copy(more, v.x[2:])
	copy(more[m:], v.g[2:])
	copy(more[2*m:], v.u[2:])
	return Point{K: k, X: [2]float64{v.x[0], v.x[1]}, F: v.f, Grad: [2]float64{v.g[0], v.g[1]},
		Update: [2]float64{v.u[0], v.u[1]}, More: more}
}

// unknown sets f and g to NaN: a step of a sampled run that did not
// evaluate the whole objective.
func (v *vectors) unknown() {
	v.f = math.NaN()
	for i := range v.g {
		v.g[i] = math.NaN()
	}
}

// gradNorm2 is ‖g‖².
func (v *vectors) gradNorm2() float64 { return dot(v.g, v.g) }

// dot is a·b.
func dot(a, b []float64) float64 {
	s := 0.0
	for i, ai := range a {
		s += ai * b[i]
	}
	return s
}

// startN is the start point of a run in n > 2 dimensions.
func (t *tracer) startN() Point {
	v := t.vec
	v.eval()
	p := v.point(0, false)
	p.Evals = t.evals
	return p
}

// stepsN is the loop of a function of n > 2 variables: the steps of every
// rule, with the schedule, the noise, the line search, the stops and the
// recording of steps and stepsWith, on vectors.
func (t *tracer) stepsN(p Point, st rule) (Status, int, Point) {
	c, v, next, last := t.c, t.vec, t.stride, time.Now()
	useTol, tol2 := c.Tol > 0, c.Tol*c.Tol
	pr, atPoint := st.(pointRuleN)
	var sc *scheduler
	if !c.Schedule.IsConstant() {
		sc = newScheduler(c.Schedule, c.LR)
	}
	every, full := t.fullEvery(), true // full: the point p has the whole objective's value and gradient
	for k := 1; k <= c.Steps; k++ {
		if t.stop.Load() {
			return Cancelled, k - 1, t.known(p, full)
		}
		last = t.progress(k, last)
		lr := c.LR
		if sc != nil {
			lr = sc.next()
			st.setLR(lr)
		}
		batch := 0.0
		if t.sampler != nil {
			batch = t.sampler.GradN(k, v.x, v.gu)
		} else {
			copy(v.gu, v.g)
		}
		if t.noise != nil {
			for i := range v.gu {
				v.gu[i] += c.Noise * t.noise.NormFloat64()
			}
		}
		ok, extra := true, int32(0)
		switch {
		case atPoint:
			ok = pr.stepAtN(v.x, v.gu, v.u)
		case c.LineSearch == Armijo:
			lr, extra, ok = t.armijoN(lr)
			st.setLR(lr)
			st.stepN(v.gu, v.u)
		default:
			st.stepN(v.gu, v.u)
		}
		if !ok {
			return t.cannotStep(atPoint), k - 1, p
		}
		for i, ui := range v.u {
			v.x[i] += ui
		}
		var kept bool
		full, kept = t.checkpoint(k, next, every)
		if full {
			v.eval()
		} else {
			v.unknown()
		}
		p = v.point(k, t.stride > 1 && !kept)
		p.LR, p.Evals, p.Batch = lr, t.evals, batch
		p.Evals[0] += extra
		if !full {
			p.Evals = [2]int32{}
		}
		next = t.keep(p, next, kept)
		if !withinBound(v.x, t.bound) || (full && v.f-v.f != 0) || batch-batch != 0 {
			return Diverged, k, t.known(p, full)
		}
		if useTol && full && v.gradNorm2() <= tol2 {
			return Converged, k, p
		}
	}
	return MaxSteps, c.Steps, p
}

// fullEvery is how often a run evaluates the whole objective: every step,
// but for a sampled run without a line search what its sampler says.
func (t *tracer) fullEvery() int {
	if t.sampler == nil || t.c.LineSearch == Armijo {
		return 1
	}
	return max(1, t.sampler.FullEvery())
}

// checkpoint reports whether step k of a run that evaluates the whole
// objective every every-th step evaluates it, and whether the point is
// kept (next being the next point a decimated run keeps): every every-th
// step and the last are evaluated and kept (every step for 1); a
// decimated run that keeps fewer points than that evaluates the points it
// keeps instead.
func (t *tracer) checkpoint(k, next, every int) (full, kept bool) {
	kept = k == next || t.stride == 1
	if every == 1 {
		return true, kept
	}
	if t.stride > 1 && every <= t.stride {
		return kept || k == t.c.Steps, kept || k == t.c.Steps
	}
	full = k%every == 0 || k == t.c.Steps
	return full, kept || full
}

// known is p with the whole objective's value and gradient, evaluated now
// when step p did not (a sampled run stopping between its evaluations),
// in place of the copy the run kept.
func (t *tracer) known(p Point, full bool) Point {
	if full {
		return p
	}
	v := t.vec
	v.eval()
	q := v.point(p.K, false)
	q.LR, q.Batch, q.Evals = p.LR, p.Batch, t.evals
	if last := len(t.pts) - 1; t.pts[last].K == q.K {
		t.pts[last] = q
	}
	t.ring[q.K&(tailLen-1)] = q
	return q
}

// armijoN is armijo in n dimensions, from the current point along −gu.
func (t *tracer) armijoN(eta float64) (alpha float64, evals int32, ok bool) {
	v := t.vec
	gg := dot(v.gu, v.gu)
	if gg == 0 {
		return eta, 0, true
	}
	alpha = eta
	for i := 0; i <= ArmijoHalvings; i++ {
		for j, xj := range v.x {
			v.trial[j] = xj - alpha*v.gu[j]
		}
		f := v.fn.ValueN(v.trial)
		evals++
		if f <= v.f-ArmijoC*alpha*gg {
			return alpha, evals, true
		}
		alpha /= 2
	}
	return math.NaN(), evals, false
}
