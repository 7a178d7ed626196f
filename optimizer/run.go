package optimizer

import (
	"context"
	"math"
	"math/rand/v2"
	"strings"
	"sync/atomic"
	"time"

	"gdlab/message"
)

// Status says why a run stopped.
type Status string

const (
	// MaxSteps: all Config.Steps updates were made.
	MaxSteps Status = "max-steps"
	// Converged: ‖∇f‖ ≤ Config.Tol (only when Tol > 0); for cg, bfgs and
	// lbfgs also when gonum's method stops by itself at ‖∇f‖∞ < 1e-12.
	Converged Status = "converged"
	// Diverged: x or f stopped being finite, or some |x_i| exceeded Config.Bound.
	Diverged Status = "diverged"
	// Singular: the method needs H + λI to be invertible (newton) and it
	// was singular or not finite at the last point: no step could be taken
	// from there. Result.Reason names the step and the point.
	Singular Status = "singular"
	// Failed: the method's line search (or, for cg, bfgs and lbfgs,
	// gonum's optimize) could take no further step; Result.Reason says
	// where and why.
	Failed Status = "failed"
	// Cancelled: the context was cancelled before the run finished.
	Cancelled Status = "cancelled"
	// Invalid: the problem or the config was rejected; Result.Err says why
	// and nothing was run.
	Invalid Status = "invalid"
)

// ReportEvery is the shortest interval between two progress reports.
const ReportEvery = 5 * time.Millisecond

// Result is the outcome of one run.
type Result struct {
	Config     Config          // the config run, with defaults filled in
	Status     Status          // why the run stopped
	Steps      int             // updates performed
	DivergedAt int             // step at which it diverged, -1 if not
	Points     []Point         // trajectory; decimated for runs longer than FullRecordSteps (first, last and divergence point always kept)
	Final      Point           // last point
	Verdict    Verdict         // one-word reading of the run for a teacher
	Reason     message.Message // why, for the verdicts that need a reason (stalled, escaping), a Singular or Failed stop, or a newton run that ended on a saddle or a maximum; zero otherwise
	Analysis   Analysis
	Err        error // why the run is Invalid (a message.Message), nil otherwise
}

// Run runs one config on p and returns its result. report (may be nil) is
// called from the running goroutine at most every ReportEvery (the clock is
// read every 64 steps, never once per step) and once at the end. Run notices
// ctx's cancellation at the next step (an atomic flag set by
// context.AfterFunc), well within a millisecond. An invalid problem or
// config gives Status Invalid with Err set and no report; Run never panics
// on bad input.
func Run(ctx context.Context, p Problem, c Config, report func(Progress)) Result {
	return run(ctx, p, c, TrajectoryBytes, report)
}

// run is Run with a trajectory of at most budget bytes.
func run(ctx context.Context, p Problem, c Config, budget int, report func(Progress)) Result {
	if ctx == nil {
		ctx = context.Background()
	}
	res := Result{Config: c, DivergedAt: -1}
	if p.F == nil {
		return invalid(res, msgNoFunction.New())
	}
	dims := p.dims()
	if err := c.Validate(dims); err != nil {
		return invalid(res, err)
	}
	c = c.withDefaults(dims)
	res.Config = c

	if _, ok := p.F.(ObjectiveN); dims > 2 && !ok {
		return invalid(res, msgDims.New(message.Int(dims), message.Int(2)))
	}
	if err := CheckSampled(p, c); err != nil {
		return invalid(res, err)
	}
	t := trace(ctx, p.F, dims, c, budget, report)
	res.Points, res.Status, res.Steps = t.points, t.status, t.steps
	res.Final = t.points[len(t.points)-1]
	if t.status == Diverged {
		res.DivergedAt = res.Final.K
	}
	res.Analysis = analyse(p.F, dims, res)
	res.Verdict, res.Reason = judge(p.F, res, t.tail)
	switch {
	case !t.reason.IsZero():
		res.Reason = t.reason
	case t.status == Singular:
		res.Reason = msgSingular.New(message.Int(res.Steps+1), message.Text(pointText(res.Final.Pos(dims))))
	case t.status == Failed && c.LineSearch == Armijo:
		res.Reason = msgArmijoFailed.New(message.Int(res.Steps+1), message.Text(pointText(res.Final.Pos(dims))), message.Int(ArmijoHalvings))
	case c.Method == Newton && res.Verdict == VerdictSaddle && res.Reason.IsZero():
		res.Reason = msgNewtonSaddle.New()
	}
	return res
}

// CheckSampled reports a config whose method cannot learn from the
// mini-batches of p (the methods of gonum's optimize take their steps on
// the whole objective); nil otherwise.
func CheckSampled(p Problem, c Config) error {
	if usesGonum(c.Method) && sampled(p.F, c) {
		return msgSampledGonum.New(message.Text(string(c.Method)))
	}
	return nil
}

// pointText writes x as its dimension reads it: "3", "(3, 2)", "(3, 2, 1)".
func pointText(x []float64) string {
	if len(x) == 1 {
		return message.Short(x[0])
	}
	parts := make([]string, len(x))
	for i, v := range x {
		parts[i] = message.Short(v)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func invalid(res Result, err error) Result {
	res.Status, res.Err, res.Verdict = Invalid, err, VerdictInvalid
	m, ok := message.As(err)
	if !ok {
		m = msgVerbatim.New(message.Text(err.Error()))
	}
	res.Analysis.Summary = msgNothingRun.New(message.Nested(m))
	return res
}

// traced is what the engine loop produces.
type traced struct {
	points []Point
	status Status
	steps  int
	tail   []Point         // the last steps in order, consecutive (up to tailLen)
	reason message.Message // why a run of gonum's optimize failed (tracer.minimize), zero otherwise
}

// tracer is a run being recorded: its settings and its trajectory so far.
type tracer struct {
	fn      Objective
	c       Config
	oneD    bool
	dims    int
	vec     *vectors // the working space in n > 2 dimensions (and of a sampled run), nil otherwise
	sampler Sampler  // the mini-batches of a Sampled objective, nil for the whole objective
	numeric bool
	bound   float64  // the divergence bound (MaxFloat64 for +Inf: still catches ±Inf and NaN)
	evals   [2]int32 // the evaluations of f and ∇f one point costs (Point.Evals)
	stride  int
	pts     []Point
	ring    [tailLen]Point // the last steps, for the verdicts of a decimated run
	report  func(Progress)
	stop    *atomic.Bool
	noise   *rand.Rand      // the gradient noise's generator, nil without noise
	reason  message.Message // why a run of gonum's optimize failed (tracer.minimize)
}

// trace records a run: the start point, then the steps. c is valid and has
// its defaults filled.
func trace(ctx context.Context, fn Objective, dims int, c Config, budget int, report func(Progress)) traced {
	var stop atomic.Bool
	if ctx.Err() != nil {
		stop.Store(true)
	}
	defer context.AfterFunc(ctx, func() { stop.Store(true) })()

	t := &tracer{fn: fn, c: c, oneD: dims == 1, dims: dims, numeric: c.Gradient == Numeric, bound: c.Bound,
		stride: stride(c.Steps, dims, budget), report: report, stop: &stop, evals: [2]int32{1, 1}}
	if t.numeric {
		t.evals = [2]int32{int32(1 + 2*dims), 0}
	}
	if math.IsInf(t.bound, 1) {
		t.bound = math.MaxFloat64
	}
	if c.Noise > 0 {
		t.noise = newNoise(c.Seed)
	}
	t.pts = make([]Point, 0, capacity(c.Steps, t.stride))
	p := t.start(c)
	t.pts = append(t.pts, p)
	t.ring[0] = p
	status, steps := MaxSteps, 0
	switch {
	case !t.inBound(p):
		status = Diverged
	case c.Tol > 0 && gradNorm2(p) <= c.Tol*c.Tol:
		status = Converged
	case usesGonum(c.Method):
		status, steps, p = t.minimize(p) // cg, bfgs, lbfgs: gonum's loop (quasinewton.go)
	case t.vec != nil:
		status, steps, p = t.stepsN(p, newRule(c, fn)) // more than 2 variables (steps_n.go)
	default:
		// A rule that needs the point and a line search have a loop of
		// their own, chosen here once, so that the hot loop stays lean.
		st := newRule(c, fn)
		if _, ok := st.(pointRule); ok || !c.hot() {
			status, steps, p = t.stepsWith(p, st)
		} else {
			status, steps, p = t.steps(p, st)
		}
	}
	if t.pts[len(t.pts)-1].K != steps {
		t.pts = append(t.pts, p) // the decimated run's last point
	}
	if report != nil {
		report(Progress{Step: steps, Points: t.pts[:len(t.pts):len(t.pts)]})
	}
	return traced{points: t.pts, status: status, steps: steps, tail: tail(t.pts, &t.ring, t.stride, steps), reason: t.reason}
}

// start is the start point of c, in any dimension.
func (t *tracer) start(c Config) Point {
	t.sampler = SamplerOf(t.fn, c)
	if t.dims <= 2 && t.sampler == nil {
		return t.at(0, c.Start, [2]float64{})
	}
	t.vec = newVectors(t.fn.(ObjectiveN), c.StartVec(t.dims), c, capacity(c.Steps, t.stride))
	return t.startN()
}

// gradNorm2 is ‖∇f‖² at p, in any dimension.
func gradNorm2(p Point) float64 {
	s := p.Grad[0]*p.Grad[0] + p.Grad[1]*p.Grad[1]
	if m := len(p.More) / 3; m > 0 {
		g := p.More[m : 2*m]
		s += dot(g, g)
	}
	return s
}

// at is the point of step k at x, reached by update u.
func (t *tracer) at(k int, x, u [2]float64) Point {
	var f, g0, g1 float64
	if t.numeric {
		f, g0, g1 = t.fn.NumericGrad(x[0], x[1], t.c.H)
	} else {
		f, g0, g1 = t.fn.ValueGrad(x[0], x[1])
	}
	if t.oneD {
		g1 = 0
	}
	return Point{K: k, X: x, F: f, Grad: [2]float64{g0, g1}, Update: u, Evals: t.evals}
}

// inBound reports whether p is finite and within the divergence bound (NaN
// fails every comparison; f-f is 0 only for finite f).
func (t *tracer) inBound(p Point) bool {
	if m := len(p.More) / 3; m > 0 {
		for _, xi := range p.More[:m] {
			if !(math.Abs(xi) <= t.bound) {
				return false
			}
		}
	}
	return math.Abs(p.X[0]) <= t.bound && math.Abs(p.X[1]) <= t.bound && p.F-p.F == 0
}

// steps is the engine's hot loop: it makes the steps of rule st (any rule
// but a pointRule, without a line search; see stepsWith) from p, with the
// schedule's rates and the gradient noise, and returns why it stopped, the
// steps made and the last point. It keeps its state in locals and calls
// nothing per step but the objective, the rule, the scheduler and the
// noise (BenchmarkStep, BenchmarkScheduledStep, BenchmarkNoisyStep,
// BenchmarkRun1M).
func (t *tracer) steps(p Point, st rule) (Status, int, Point) {
	c, pts, s, report, stop := t.c, t.pts, t.stride, t.report, t.stop
	numeric, h, bound, oneD, fn, evals := t.numeric, c.H, t.bound, t.oneD, t.fn, t.evals
	noise, sigma := t.noise, c.Noise
	useTol, tol2 := c.Tol > 0, c.Tol*c.Tol
	x0, x1, g0, g1 := p.X[0], p.X[1], p.Grad[0], p.Grad[1]
	var f float64
	plain, isGD := st.(*gdRule) // plain gd is inlined below: the common case
	gd, lr := isGD && !plain.maximize, c.LR
	var sc *scheduler
	if !c.Schedule.IsConstant() {
		sc = newScheduler(c.Schedule, c.LR)
	}
	steps, next := 0, s // next: the next step to keep when decimating
	last := time.Now()
	defer func() { t.pts = pts }()
	for k := 1; k <= c.Steps; k++ {
		if stop.Load() {
			return Cancelled, steps, p
		}
		if report != nil && k&63 == 0 {
			if now := time.Now(); now.Sub(last) >= ReportEvery {
				last = now
				report(Progress{Step: pts[len(pts)-1].K, Points: pts[:len(pts):len(pts)]})
			}
		}
		if sc != nil {
			lr = sc.next()
			if !gd {
				st.setLR(lr)
			}
		}
		gu0, gu1 := g0, g1 // the gradient the update uses: noisy with Config.Noise
		if noise != nil {
			gu0 += sigma * noise.NormFloat64()
			if !oneD {
				gu1 += sigma * noise.NormFloat64()
			}
		}
		var u0, u1 float64
		if gd {
			u0, u1 = -lr*gu0, -lr*gu1
		} else {
			u0, u1 = st.step(gu0, gu1)
		}
		if oneD {
			u1 = 0
		}
		x0 += u0
		x1 += u1
		if numeric {
			f, g0, g1 = fn.NumericGrad(x0, x1, h)
		} else {
			f, g0, g1 = fn.ValueGrad(x0, x1)
		}
		if oneD {
			g1 = 0
		}
		p = Point{K: k, X: [2]float64{x0, x1}, F: f, Grad: [2]float64{g0, g1}, Update: [2]float64{u0, u1}, LR: lr, Evals: evals}
		steps = k
		if s == 1 {
			pts = append(pts, p)
		} else {
			t.ring[k&(tailLen-1)] = p
			if k == next {
				pts = append(pts, p)
				next += s
			}
		}
		// NaN fails every comparison; f-f is 0 only for finite f.
		if !(math.Abs(x0) <= bound && math.Abs(x1) <= bound && f-f == 0) {
			return Diverged, steps, p
		}
		if useTol && g0*g0+g1*g1 <= tol2 {
			return Converged, steps, p
		}
	}
	return MaxSteps, steps, p
}

// keep records p as steps does: every point, or when decimating the ring
// of the last steps and every stride-th point (and p when also is set);
// next is the next step to keep, and keep returns the one after p.
func (t *tracer) keep(p Point, next int, also bool) int {
	if t.stride == 1 {
		t.pts = append(t.pts, p)
		return next
	}
	t.ring[p.K&(tailLen-1)] = p
	if p.K == next || also {
		t.pts = append(t.pts, p)
	}
	if p.K == next {
		next += t.stride
	}
	return next
}

// tail returns the last (up to tailLen) consecutive steps of a run.
func tail(pts []Point, ring *[tailLen]Point, s, steps int) []Point {
	if s == 1 {
		return pts[max(0, len(pts)-tailLen):]
	}
	from := max(0, steps-tailLen+1)
	out := make([]Point, 0, steps-from+1)
	for k := from; k <= steps; k++ {
		out = append(out, ring[k&(tailLen-1)])
	}
	return out
}
