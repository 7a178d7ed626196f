package figure

import (
	"math"
	"strconv"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// Trace is one run as the figure sees it: its settings, the points recorded
// so far (a prefix while the run is live) and where it diverged (-1 if not).
type Trace struct {
	Config     optimizer.Config
	Points     []optimizer.Point
	DivergedAt int
	Hidden     bool
}

// TraceOf returns the trace of a finished run.
func TraceOf(r optimizer.Result) Trace {
	return Trace{Config: r.Config, Points: r.Points, DivergedAt: r.DivergedAt}
}

// Label names a run in a legend: the method, the learning rate (for a
// method that has one), the hyperparameters that differ from the method's
// defaults, and the schedule, line search, noise and a run's own
// mini-batch size where set ("momentum lr=0.001 τ=0.5", "gd lr=0.1
// cosine:100 warmup=5 σ=0.3", "gd lr=0.05 batch=8").
func Label(c optimizer.Config) string {
	spec, _ := c.Method.Spec()
	s := string(c.Method)
	if !spec.NoLearningRate {
		s += " lr=" + strconv.FormatFloat(c.LR, 'g', -1, 64)
	}
	for _, p := range spec.Params {
		if v := c.Param(p.Name); v != p.Default {
			s += " " + p.Symbol + "=" + strconv.FormatFloat(v, 'g', -1, 64)
		}
	}
	if sc := c.Schedule.String(); sc != "" {
		s += " " + sc
	}
	if c.Schedule.Warmup > 0 {
		s += " warmup=" + strconv.Itoa(c.Schedule.Warmup)
	}
	if c.LineSearch != optimizer.NoLineSearch {
		s += " " + string(c.LineSearch)
	}
	if c.Noise > 0 {
		s += " σ=" + strconv.FormatFloat(c.Noise, 'g', -1, 64)
	}
	if c.Batch > 0 {
		s += " batch=" + strconv.Itoa(c.Batch)
	}
	return s
}

// Scene builds the plotting scene of a problem and its traces; current is the
// step drawn as the current point (< 0: the last one).
// A problem of more than two variables is seen through the default
// Projection (see SceneN).
func Scene(p optimizer.Problem, traces []Trace, current int) *plotting.Scene {
	if p.F.Dims() > 2 {
		return SceneN(p, traces, current, 0, Projection{})
	}
	s := &plotting.Scene{
		F:       p.F.Value,
		Grad:    gradOf(p.F),
		Dims:    p.F.Dims(),
		Key:     p.Source,
		Minima:  p.Minima,
		FMin:    p.FMin,
		Current: current,
		Runs:    make([]plotting.Run, len(traces)),
		Samples: samplesFor(p.F),
	}
	if p.Box != nil {
		b := plotting.Box(*p.Box)
		s.Box = &b
	}
	if len(p.Vars) == 2 {
		s.AxisNames = [2]string{p.Vars[0], p.Vars[1]}
	}
	for i, t := range traces {
		s.Runs[i] = Run(t)
	}
	return s
}

// landscapeRows is the most rows the background of a model's loss reads
// in all (about 0.3 s on two cores): 200² samples of a loss over 1,000
// rows, 20² over 100,000.
const landscapeRows = 40_000_000

// samplesFor caps the samples per axis of the background of f when f is a
// model's loss that reads its rows at each evaluation (0: no cap).
func samplesFor(f optimizer.Objective) int {
	l := model.LossOf(f)
	if l == nil || l.RowsPerValue() == 0 {
		return 0
	}
	return max(16, int(math.Sqrt(landscapeRows/float64(l.RowsPerValue()))))
}

// gradOf returns the exact gradient of f, for the gradient field.
func gradOf(f optimizer.Objective) func(x, y float64) (float64, float64) {
	return func(x, y float64) (float64, float64) {
		_, gx, gy := f.ValueGrad(x, y)
		return gx, gy
	}
}

// Run converts one trace into the plotting package's plain point lists.
func Run(t Trace) plotting.Run {
	n := len(t.Points)
	r := plotting.Run{
		Label:      Label(t.Config),
		K:          make([]int, 0, n),
		X:          make([]float64, 0, n),
		Y:          make([]float64, 0, n),
		F:          make([]float64, 0, n),
		GX:         make([]float64, 0, n),
		GY:         make([]float64, 0, n),
		VX:         make([]float64, 0, n),
		VY:         make([]float64, 0, n),
		Eta:        Rates(t.Config, n),
		DivergedAt: t.DivergedAt,
		Hidden:     t.Hidden,
	}
	for _, pt := range t.Points {
		AppendPoint(&r, pt)
	}
	return r
}

// Rates is the start of the Eta list of a plotting run of config c, room
// for n points: empty but not nil when the step sizes of c vary (a
// schedule or a line search), so that AppendPoint records them; nil when
// every step uses the learning rate as given.
func Rates(c optimizer.Config, n int) []float64 {
	if !c.RateVaries() {
		return nil
	}
	return make([]float64, 0, n)
}

// AppendPoint adds one recorded step to a plotting run: its step, position,
// loss, gradient, the update that reached it, for a run with a Rates list
// the step's size, and for a run learning from mini-batches the batch's
// loss.
func AppendPoint(r *plotting.Run, p optimizer.Point) {
	if r.Eta != nil {
		r.Eta = append(r.Eta, p.LR)
	}
	if p.K > 0 && p.Batch != 0 && r.Batch == nil { // a run learning from mini-batches
		r.Batch = make([]float64, len(r.F), cap(r.F))
		for i := range r.Batch {
			r.Batch[i] = math.NaN()
		}
	}
	if r.Batch != nil {
		b := p.Batch
		if p.K == 0 {
			b = math.NaN()
		}
		r.Batch = append(r.Batch, b)
	}
	r.K = append(r.K, p.K)
	r.X, r.Y, r.F = append(r.X, p.X[0]), append(r.Y, p.X[1]), append(r.F, p.F)
	r.GX, r.GY = append(r.GX, p.Grad[0]), append(r.GY, p.Grad[1])
	r.VX, r.VY = append(r.VX, p.Update[0]), append(r.VY, p.Update[1])
}
