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
// steps). A run records what its method uses: μ for momentum and nesterov,
// α and ε for rmsprop, β1, β2 and ε for adam, ε for adagrad; h only for a
// numeric gradient; bound and tol when they differ from the defaults (an
// infinite bound is written as the largest float64, which means the same:
// only non-finite values diverge). A zero ε (the method's default) is not
// written.
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
	r := Run{Method: string(c.Method), LR: c.LR, Start: []float64{c.Start[0], c.Start[1]}}
	if dims == 1 {
		r.Start = r.Start[:1]
	}
	if c.Gradient == optimizer.Numeric {
		r.Gradient = string(optimizer.Numeric)
		r.H = c.H
		if r.H == 0 {
			r.H = optimizer.DefaultH
		}
	}
	if c.Bound != 0 && c.Bound != optimizer.DefaultBound {
		r.Bound = math.Min(c.Bound, math.MaxFloat64)
	}
	if c.Tol > 0 {
		r.Tol = c.Tol
	}
	ptr := func(v float64) *float64 { return &v }
	switch c.Method {
	case optimizer.Momentum, optimizer.Nesterov:
		r.Momentum = ptr(c.Momentum)
	case optimizer.RMSProp:
		r.Alpha = ptr(c.Alpha)
	case optimizer.Adam:
		r.Beta1, r.Beta2 = ptr(c.Beta1), ptr(c.Beta2)
	}
	switch c.Method {
	case optimizer.Adagrad, optimizer.RMSProp, optimizer.Adam:
		if c.Eps != 0 {
			r.Eps = ptr(c.Eps)
		}
	}
	return r
}
