package lesson

import (
	"math"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// FromSettings returns the lesson that reproduces the window's current
// settings: function p (p.Source, and p.Box as the view), one run per
// config in cs, and the playback speed (0 = none recorded). The lesson's
// steps are the largest of the configs' steps (a lesson has one number of
// steps). A run records what its method uses: each hyperparameter of the
// method in the registry (MethodSpec.Params) with the value the method
// uses (Config.Param); h only for a numeric gradient; bound and tol when
// they differ from the defaults (an infinite bound is written as the
// largest float64, which means the same: only non-finite values diverge).
// A hyperparameter whose 0 means the method's default (ε) is not written
// when it is not set or 0.
//
// FromSettings does not validate: Save does, so a title must be given and
// cs must hold 1 to MaxRuns configs for the lesson to be saved.
func FromSettings(title, text string, p optimizer.Problem, cs []optimizer.Config, speed float64) Lesson {
	l := Lesson{Format: FormatV1, Title: title, Text: text, Function: p.Source, Speed: speed}
	if p.Box != nil {
		l.Box = &[4]float64{p.Box.XMin, p.Box.XMax, p.Box.YMin, p.Box.YMax}
	}
	dims := 2
	if p.F != nil {
		dims = p.F.Dims()
	} else if f, err := expr.Parse(p.Source); err == nil {
		dims = f.Dims()
	}
	for _, c := range cs {
		l.Steps = max(l.Steps, c.Steps)
		l.Runs = append(l.Runs, runFromConfig(c, dims))
	}
	return l
}

// runFromConfig returns the run of config c on a function of dims variables.
func runFromConfig(c optimizer.Config, dims int) Run {
	r := Run{Method: string(c.Method), LR: c.LR, Start: c.StartVec(max(1, dims))}
	if c.Gradient == optimizer.Numeric {
		r.Gradient = string(optimizer.Numeric)
		r.H = c.H
		if r.H == 0 {
			r.H = optimizer.DefaultH
		}
	}
	if c.Convention != "" && c.Convention != optimizer.ConventionTorch {
		r.Convention = string(c.Convention)
	}
	if c.Bound != 0 && c.Bound != optimizer.DefaultBound {
		r.Bound = math.Min(c.Bound, math.MaxFloat64)
	}
	if c.Tol > 0 {
		r.Tol = c.Tol
	}
	r.Schedule, r.Warmup = c.Schedule.String(), c.Schedule.Warmup
	r.LineSearch = string(c.LineSearch)
	r.Batch = c.Batch
	if c.Noise > 0 {
		r.Noise = c.Noise
	}
	if c.Seed != 0 && c.Seed != optimizer.DefaultSeed { // the noise's and the mini-batches' seed
		r.Seed = c.Seed
	}
	spec, _ := c.Method.Spec()
	for _, p := range spec.Params {
		if v, set := c.Hyper.Get(p.Name); p.ZeroIsDefault && (!set || v == 0) {
			continue
		}
		if r.Params == nil {
			r.Params = map[string]float64{}
		}
		r.Params[p.Name] = c.Param(p.Name)
	}
	return r
}

// FromData is FromSettings for a lesson that learns from the data source
// d: the runs cs on its model's parameters.
func FromData(title, text string, d DataSource, p optimizer.Problem, cs []optimizer.Config, speed float64) Lesson {
	l := FromSettings(title, text, p, cs, speed)
	l.Function, l.Data, l.Box = "", &d, nil
	return l
}
