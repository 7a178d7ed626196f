package optimizer

import (
	"errors"
	"math"
	"strconv"
	"time"

	"gonum.org/v1/gonum/optimize"

	"gdlab/message"
)

// The methods of gonum's optimize that choose their steps by a line search.
const (
	CG    Method = "cg"
	BFGS  Method = "bfgs"
	LBFGS Method = "lbfgs"
)

// quasiNewtonMethods is the registry's entries of nonlinear conjugate
// gradient, BFGS and L-BFGS: gonum's optimize.CG, optimize.BFGS and
// optimize.LBFGS with their default line searches and settings. They have no
// learning rate and no hyperparameters; the book has none of them, so its
// convention runs the same method.
func quasiNewtonMethods() []MethodSpec {
	none := func(Config) rule { return lineSearchRule{} }
	return []MethodSpec{
		{Name: CG, NoLearningRate: true, newRule: none, newBookRule: none,
			Rule:      "d ← −g + βd (β Hestenes–Stiefel, restarts to −g), x ← x + αd; α by line search (Moré–Thuente)",
			BookRule:  "d ← −g + βd (β Hestenes–Stiefel, restarts to −g), x ← x + αd; α by line search (Moré–Thuente)",
			Doc:       message.Define("nonlinear conjugate gradient (gonum's optimize.CG; not in torch.optim)"),
			BookDoc:   message.Define("nonlinear conjugate gradient (gonum's optimize.CG; not in the book's common/optimizer.py)"),
			minimizer: func(Config) optimize.Method { return &optimize.CG{} }},
		{Name: BFGS, NoLearningRate: true, newRule: none, newBookRule: none,
			Rule:      "x ← x − αB⁻¹g, B⁻¹ updated by BFGS from the last step and change of g; α by line search (bisection, strong Wolfe)",
			BookRule:  "x ← x − αB⁻¹g, B⁻¹ updated by BFGS from the last step and change of g; α by line search (bisection, strong Wolfe)",
			Doc:       message.Define("BFGS quasi-Newton (gonum's optimize.BFGS; not in torch.optim)"),
			BookDoc:   message.Define("BFGS quasi-Newton (gonum's optimize.BFGS; not in the book's common/optimizer.py)"),
			minimizer: func(Config) optimize.Method { return &optimize.BFGS{} }},
		{Name: LBFGS, NoLearningRate: true, newRule: none, newBookRule: none,
			Rule:      "x ← x − αB⁻¹g, B⁻¹g from the last 15 steps and changes of g (L-BFGS); α by line search (bisection, strong Wolfe)",
			BookRule:  "x ← x − αB⁻¹g, B⁻¹g from the last 15 steps and changes of g (L-BFGS); α by line search (bisection, strong Wolfe)",
			Doc:       message.Define("limited-memory BFGS (gonum's optimize.LBFGS, memory 15; not torch.optim.LBFGS)"),
			BookDoc:   message.Define("limited-memory BFGS (gonum's optimize.LBFGS, memory 15; not in the book's common/optimizer.py)"),
			minimizer: func(Config) optimize.Method { return &optimize.LBFGS{} }},
	}
}

// The reasons of a failed run of cg, bfgs or lbfgs.
var (
	msgGonumFailed    = message.Define("step %s could not be taken: %s's line search from %s failed: %s")
	msgGonumLinesrch  = message.Define("it found no step that meets the strong Wolfe conditions (its last trial was %s, f = %s)")
	msgGonumNoProg    = message.Define("its step became too small to change x in floating point")
	msgGonumNonDesc   = message.Define("the search direction does not point downhill")
	msgGonumLSBound   = message.Define("its step left the range the line search allows (its last trial was %s, f = %s)")
	msgGonumGrad      = message.Define("the gradient is not finite there")
	msgGonumUnbounded = message.Define("it went past the divergence bound to %s (f = %s): f seems to fall without end along the search direction")
	msgGonumStatus    = message.Define("gonum's optimize stopped with status %s")
	msgNoPython       = message.Define("%s has no NumPy rule: gonum's line search cannot be written out step for step (scipy.optimize.minimize is a similar, not the same, method)")
)

// PythonSupported reports whether PythonRule can write config c's rule; for
// the methods of gonum's optimize (cg, bfgs, lbfgs) it cannot, and the
// error says so.
func PythonSupported(c Config) error {
	if s, ok := c.Method.Spec(); ok && s.minimizer != nil {
		return msgNoPython.New(message.Text(string(c.Method)))
	}
	return nil
}

// lineSearchRule stands in for the update rule of a method of gonum's
// optimize, which runs in its own loop (tracer.minimize): it makes no steps
// of its own; the worked step and the Python export read the recording.
type lineSearchRule struct{}

func (lineSearchRule) step(float64, float64) (float64, float64) { return 0, 0 }
func (lineSearchRule) setLR(float64)                            {}

// explain writes the recorded update, which the line search chose, and
// what the line search cost: the direction and the step size α are gonum's
// internal state and are not recorded.
func (lineSearchRule) explain(e *explainer) []string {
	ev := e.evals
	search := "line search: " + evaluations(ev[0]) + " of f, " + strconv.Itoa(int(ev[1])) + " of ∇f"
	if e.c.Gradient == Numeric {
		search = "line search: " + evaluations(ev[0]) + " of f (with the central differences of ∇f)"
	}
	return []string{search, e.update(" + Δx", " + "+e.vec(e.upd))}
}

// evaluations is "1 evaluation", "n evaluations".
func evaluations(n int32) string {
	if n == 1 {
		return "1 evaluation"
	}
	return strconv.Itoa(int(n)) + " evaluations"
}

// python writes a line that stops the script with the reason rather than a
// wrong rule (see PythonSupported).
func (lineSearchRule) python(string) ([]string, []string) {
	return nil, []string{`raise NotImplementedError("gonum's line-search methods (cg, bfgs, lbfgs) have no NumPy rule")`}
}

// usesGonum reports whether m runs in gonum's optimize (tracer.minimize).
func usesGonum(m Method) bool {
	s, ok := m.Spec()
	return ok && s.minimizer != nil
}

// withinBound reports whether every coordinate of x is within bound (and
// not NaN).
func withinBound(x []float64, bound float64) bool {
	for _, xi := range x {
		if !(math.Abs(xi) <= bound) {
			return false
		}
	}
	return true
}

// errStopRun is what the recorder returns to end gonum's run on one of the
// engine's own stops (steps, bound, tol, cancel).
var errStopRun = errors.New("optimizer: stopped by the engine")

// gonumRecorder records each major iteration of gonum's run as a step of
// the trajectory, with the engine's stop rules.
type gonumRecorder struct {
	t        *tracer
	last     Point     // the last recorded step
	next     int       // the next step to keep when decimating
	seen     [2]int    // gonum's function and gradient evaluations up to the last step
	trial    []float64 // the line search's last trial point
	trialF   float64
	status   Status // the engine's own stop; "" while gonum runs
	reported time.Time
	dims     int
}

func (r *gonumRecorder) Init() error { return nil }

// Record is called by optimize.Minimize after every evaluation and major
// iteration (not for the one that ends gonum's run: see tracer.minimize).
func (r *gonumRecorder) Record(loc *optimize.Location, op optimize.Operation, s *optimize.Stats) error {
	if r.t.stop.Load() {
		r.status = Cancelled
		return errStopRun
	}
	if op == optimize.MajorIteration {
		if s.MajorIterations > 1 {
			return r.step(loc, s)
		}
		// The first is the start, recorded as step 0 with its evaluations.
		r.seen = [2]int{s.FuncEvaluations, s.GradEvaluations}
		return nil
	}
	if op&(optimize.FuncEvaluation|optimize.GradEvaluation) == 0 {
		return nil
	}
	r.trial, r.trialF = append(r.trial[:0], loc.X...), loc.F
	if !withinBound(r.trial, r.t.bound) {
		r.status = Failed
		return errStopRun
	}
	return nil
}

// step records the major iteration at loc and applies the engine's stops.
func (r *gonumRecorder) step(loc *optimize.Location, s *optimize.Stats) error {
	p := r.point(s.MajorIterations-1, loc, s)
	r.next = r.t.keep(p, r.next, false)
	r.last = p
	r.reported = r.t.progress(p.K, r.reported)
	c := r.t.c
	switch {
	case !r.t.inBound(p):
		r.status = Diverged
	case c.Tol > 0 && gradNorm2(p) <= c.Tol*c.Tol:
		r.status = Converged
	case p.K >= c.Steps:
		r.status = MaxSteps
	default:
		return nil
	}
	return errStopRun
}

// point is step k at gonum's location loc, with the evaluations made since
// the last step.
func (r *gonumRecorder) point(k int, loc *optimize.Location, s *optimize.Stats) Point {
	var p Point
	if v := r.t.vec; v != nil {
		for i, xi := range loc.X {
			v.u[i] = xi - v.x[i] // v.x is the last step's point
		}
		copy(v.x, loc.X)
		copy(v.g, loc.Gradient)
		v.f = loc.F
		p = v.point(k, r.t.stride > 1 && k != r.next)
	} else {
		p = Point{K: k, X: r.vec(loc.X), F: loc.F, Grad: r.vec(loc.Gradient)}
		p.Update = [2]float64{p.X[0] - r.last.X[0], p.X[1] - r.last.X[1]}
	}
	f, g := s.FuncEvaluations-r.seen[0], s.GradEvaluations-r.seen[1]
	r.seen = [2]int{s.FuncEvaluations, s.GradEvaluations}
	p.Evals = [2]int32{int32(f), int32(g)}
	if r.t.numeric {
		p.Evals = [2]int32{int32(f + 2*r.dims*g), 0}
	}
	return p
}

// vec is gonum's vector as the engine's point (Y = 0 in 1-D).
func (r *gonumRecorder) vec(v []float64) [2]float64 {
	var x [2]float64
	copy(x[:], v)
	return x
}

// gonumProblem is the objective as gonum's optimize.Problem: f and the
// exact or numeric gradient, in any dimension.
func (t *tracer) gonumProblem() optimize.Problem {
	fn, h := t.fn, t.c.H
	if v := t.vec; v != nil {
		grad := func(g, x []float64) {
			if t.numeric {
				v.fn.NumericGradN(x, h, g)
			} else {
				v.fn.ValueGradN(x, g)
			}
		}
		return optimize.Problem{Func: v.fn.ValueN, Grad: grad}
	}
	at := func(x []float64) (float64, float64) {
		if len(x) == 1 {
			return x[0], 0
		}
		return x[0], x[1]
	}
	grad := func(g, x []float64) {
		x0, x1 := at(x)
		var g0, g1 float64
		if t.numeric {
			_, g0, g1 = fn.NumericGrad(x0, x1, h)
		} else {
			_, g0, g1 = fn.ValueGrad(x0, x1)
		}
		g[0] = g0
		if len(g) > 1 {
			g[1] = g1
		}
	}
	return optimize.Problem{Func: func(x []float64) float64 { return fn.Value(at(x)) }, Grad: grad}
}

// gonumSettings are the settings of a run of c in gonum: serial, no
// converger of gonum's (the engine's recorder applies Config.Steps,
// Config.Tol and the bound, as for every method) and at most c.Steps major
// iterations after the start, which gonum counts as the first.
func gonumSettings(c Config, rec optimize.Recorder) *optimize.Settings {
	return &optimize.Settings{Converger: optimize.NeverTerminate{}, MajorIterations: c.Steps + 1, Concurrent: 0, Recorder: rec}
}

// minimize runs a method of gonum's optimize from the start point p: each
// major iteration is one step, recorded with the evaluations it cost. It
// returns why the run stopped, the steps made and the last point; a run that
// gonum ends with an error is Failed, with t.reason naming the step, the
// point and the cause.
func (t *tracer) minimize(p Point) (Status, int, Point) {
	c := t.c
	if c.Steps == 0 {
		return MaxSteps, 0, p
	}
	spec, _ := c.Method.Spec()
	dims := t.dims
	r := &gonumRecorder{t: t, last: p, next: t.stride, dims: dims, reported: time.Now()}
	res, err := optimize.Minimize(t.gonumProblem(), p.Pos(dims), gonumSettings(c, r), spec.minimizer(c))
	if r.status == "" && res != nil && res.Stats.MajorIterations-1 > r.last.K {
		// gonum does not record the major iteration that ends its run (the
		// iteration limit, f = −∞): it is its result.
		loc := res.Location
		if loc.Gradient == nil {
			loc.Gradient = make([]float64, dims)
		}
		_ = r.step(&loc, &res.Stats)
	}
	switch {
	case r.status == Failed:
		t.reason = t.gonumFailure(r, msgGonumUnbounded.New(message.Text(pointText(r.trial)), message.Approx(r.trialF)))
	case r.status != "":
	case err != nil:
		r.status = Failed
		t.reason = t.gonumFailure(r, gonumCause(err, r, dims))
	case res.Status == optimize.GradientThreshold || res.Status == optimize.MethodConverge:
		r.status = Converged // the method's own stop at ‖∇f‖∞ < 1e-12
	default:
		r.status = Failed
		t.reason = t.gonumFailure(r, msgGonumStatus.New(message.Text(res.Status.String())))
	}
	return r.status, r.last.K, r.last
}

// gonumFailure is the reason of a failed run: the step that could not be
// taken, the method, the point it was taken from and the cause.
func (t *tracer) gonumFailure(r *gonumRecorder, cause message.Message) message.Message {
	return msgGonumFailed.New(message.Int(r.last.K+1), message.Text(string(t.c.Method)),
		message.Text(pointText(r.last.Pos(r.dims))), message.Nested(cause))
}

// gonumCause is gonum's error as a message: the known errors of its line
// searches by kind, any other verbatim.
func gonumCause(err error, r *gonumRecorder, dims int) message.Message {
	trial, f := message.Text(pointText(r.trial)), message.Approx(r.trialF)
	var grad optimize.ErrGrad
	switch {
	case errors.Is(err, optimize.ErrLinesearcherFailure):
		return msgGonumLinesrch.New(trial, f)
	case errors.Is(err, optimize.ErrNoProgress):
		return msgGonumNoProg.New()
	case errors.Is(err, optimize.ErrNonDescentDirection):
		return msgGonumNonDesc.New()
	case errors.Is(err, optimize.ErrLinesearcherBound):
		return msgGonumLSBound.New(trial, f)
	case errors.As(err, &grad):
		return msgGonumGrad.New()
	}
	return msgVerbatim.New(message.Text(err.Error()))
}
