package optimizer

import (
	"context"
	"errors"
	"math"
	"sync/atomic"
	"time"
)

// Status says why a run stopped.
type Status string

const (
	// MaxSteps: all Config.Steps updates were made.
	MaxSteps Status = "max-steps"
	// Converged: ‖∇f‖ ≤ Config.Tol (only when Tol > 0).
	Converged Status = "converged"
	// Diverged: x or f stopped being finite, or some |x_i| exceeded Config.Bound.
	Diverged Status = "diverged"
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
	Config     Config  // the config run, with defaults filled in
	Status     Status  // why the run stopped
	Steps      int     // updates performed
	DivergedAt int     // step at which it diverged, -1 if not
	Points     []Point // trajectory; decimated for runs longer than FullRecordSteps (first, last and divergence point always kept)
	Final      Point   // last point
	Verdict    Verdict // one-word reading of the run for a teacher
	Analysis   Analysis
	Err        error // why the run is Invalid, nil otherwise
}

// Run runs one config on p and returns its result. report (may be nil) is
// called from the running goroutine at most every ReportEvery (the clock is
// read every 64 steps, never once per step) and once at the end. Run notices
// ctx's cancellation at the next step (an atomic flag set by
// context.AfterFunc), well within a millisecond. An invalid problem or
// config gives Status Invalid with Err set and no report; Run never panics
// on bad input.
func Run(ctx context.Context, p Problem, c Config, report func(Progress)) Result {
	if ctx == nil {
		ctx = context.Background()
	}
	res := Result{Config: c, DivergedAt: -1}
	if p.F == nil {
		return invalid(res, errors.New("no function: the problem has no objective"))
	}
	dims := p.dims()
	if err := c.Validate(dims); err != nil {
		return invalid(res, err)
	}
	c = c.withDefaults(dims)
	res.Config = c

	t := trace(ctx, p.F, dims, c, report)
	res.Points, res.Status, res.Steps = t.points, t.status, t.steps
	res.Final = t.points[len(t.points)-1]
	if t.status == Diverged {
		res.DivergedAt = res.Final.K
	}
	res.Analysis = analyse(p.F, dims, res)
	res.Verdict = judge(res, t.tail)
	return res
}

func invalid(res Result, err error) Result {
	res.Status, res.Err, res.Verdict = Invalid, err, VerdictInvalid
	res.Analysis.Summary = "nothing was run: " + err.Error()
	return res
}

// traced is what the engine loop produces.
type traced struct {
	points []Point
	status Status
	steps  int
	tail   []Point // the last steps in order, consecutive (up to tailLen)
}

// trace is the engine's hot loop. c is valid and has its defaults filled.
func trace(ctx context.Context, fn Objective, dims int, c Config, report func(Progress)) traced {
	var stop atomic.Bool
	if ctx.Err() != nil {
		stop.Store(true)
	}
	defer context.AfterFunc(ctx, func() { stop.Store(true) })()

	n, s := c.Steps, stride(c.Steps)
	pts := make([]Point, 0, capacity(n, s))
	var ring [tailLen]Point
	numeric, h, bound := c.Gradient == Numeric, c.H, c.Bound
	if math.IsInf(bound, 1) {
		bound = math.MaxFloat64 // still catches ±Inf and NaN
	}
	oneD := dims == 1

	x0, x1 := c.Start[0], c.Start[1]
	var f, g0, g1 float64
	if numeric {
		f, g0, g1 = fn.NumericGrad(x0, x1, h)
	} else {
		f, g0, g1 = fn.ValueGrad(x0, x1)
	}
	if oneD {
		g1 = 0
	}
	p := Point{K: 0, X: [2]float64{x0, x1}, F: f, Grad: [2]float64{g0, g1}}
	pts = append(pts, p)
	ring[0] = p
	useTol, tol2 := c.Tol > 0, c.Tol*c.Tol
	status, steps := MaxSteps, 0
	last := time.Now()
	switch {
	case !(math.Abs(x0) <= bound && math.Abs(x1) <= bound && f-f == 0):
		status = Diverged
	case useTol && g0*g0+g1*g1 <= tol2:
		status = Converged
	default:
		st := newStepper(c)
		gd, lr := c.Method == GD, c.LR
		next := s // next step to keep when decimating
		for k := 1; k <= n; k++ {
			if stop.Load() {
				status = Cancelled
				break
			}
			if report != nil && k&63 == 0 {
				if now := time.Now(); now.Sub(last) >= ReportEvery {
					last = now
					report(Progress{Step: pts[len(pts)-1].K, Points: pts[:len(pts):len(pts)]})
				}
			}
			var u0, u1 float64
			if gd {
				u0, u1 = -lr*g0, -lr*g1 // the common case, inline
			} else {
				u0, u1 = st.step(g0, g1)
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
			p = Point{K: k, X: [2]float64{x0, x1}, F: f, Grad: [2]float64{g0, g1}, Update: [2]float64{u0, u1}}
			steps = k
			if s == 1 {
				pts = append(pts, p)
			} else {
				ring[k&(tailLen-1)] = p
				if k == next {
					pts = append(pts, p)
					next += s
				}
			}
			// NaN fails every comparison; f-f is 0 only for finite f.
			if !(math.Abs(x0) <= bound && math.Abs(x1) <= bound && f-f == 0) {
				status = Diverged
				break
			}
			if useTol && g0*g0+g1*g1 <= tol2 {
				status = Converged
				break
			}
		}
	}
	if pts[len(pts)-1].K != steps {
		pts = append(pts, p) // the decimated run's last point
	}
	if report != nil {
		report(Progress{Step: steps, Points: pts[:len(pts):len(pts)]})
	}
	return traced{points: pts, status: status, steps: steps, tail: tail(pts, &ring, s, steps)}
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
