package figure

import (
	"strconv"

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

// Label names a run in a legend: the method and the learning rate.
func Label(c optimizer.Config) string {
	return string(c.Method) + " lr=" + strconv.FormatFloat(c.LR, 'g', -1, 64)
}

// Scene builds the plotting scene of a problem and its traces; current is the
// step drawn as the current point (< 0: the last one).
func Scene(p optimizer.Problem, traces []Trace, current int) *plotting.Scene {
	s := &plotting.Scene{
		F:       p.F.Value,
		Dims:    p.F.Dims(),
		Key:     p.Source,
		Minima:  p.Minima,
		FMin:    p.FMin,
		Current: current,
		Runs:    make([]plotting.Run, len(traces)),
	}
	if p.Box != nil {
		b := plotting.Box(*p.Box)
		s.Box = &b
	}
	for i, t := range traces {
		s.Runs[i] = Run(t)
	}
	return s
}

// Run converts one trace into the plotting package's plain point lists.
func Run(t Trace) plotting.Run {
	n := len(t.Points)
	r := plotting.Run{
		Label:      Label(t.Config),
		K:          make([]int, n),
		X:          make([]float64, n),
		Y:          make([]float64, n),
		F:          make([]float64, n),
		GX:         make([]float64, n),
		GY:         make([]float64, n),
		VX:         make([]float64, n),
		VY:         make([]float64, n),
		DivergedAt: t.DivergedAt,
		Hidden:     t.Hidden,
	}
	for i, pt := range t.Points {
		r.K[i] = pt.K
		r.X[i], r.Y[i] = pt.X[0], pt.X[1]
		r.F[i] = pt.F
		r.GX[i], r.GY[i] = pt.Grad[0], pt.Grad[1]
		r.VX[i], r.VY[i] = pt.Update[0], pt.Update[1]
	}
	return r
}
