package lesson

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode/utf8"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// FormatV1 is the value of the "format" field of the lesson files this
// package reads and writes.
const FormatV1 = "gdlab-lesson/1"

// Limits of a lesson.
const (
	MaxFileSize = 1 << 20    // bytes of a lesson file
	MaxRuns     = 8          // runs in one lesson (the plot's palette has 8 colours)
	MaxSteps    = 10_000_000 // steps of a lesson's runs
	MinSpeed    = 1          // playback speed, steps per second
	MaxSpeed    = 1000       // playback speed, steps per second
	MaxTitle    = 200        // characters of a title
	MaxText     = 20_000     // characters of a lesson's text
)

// Lesson is one lesson: a function, the runs to make on it and a paragraph
// for the class. The JSON form is described in the package documentation.
type Lesson struct {
	Format   string      `json:"format"`          // always FormatV1
	Title    string      `json:"title"`           // short name for the lessons menu
	Text     string      `json:"text,omitempty"`  // one paragraph for the class
	Function string      `json:"function"`        // source in the function language
	Box      *[4]float64 `json:"box,omitempty"`   // view XMIN, XMAX, YMIN, YMAX; nil = none given
	Steps    int         `json:"steps"`           // updates of every run, 0..MaxSteps
	Speed    float64     `json:"speed,omitempty"` // playback steps per second, MinSpeed..MaxSpeed; 0 = the window's choice
	Runs     []Run       `json:"runs"`            // 1..MaxRuns runs
}

// Run is one run of a lesson. Zero values of the optional fields mean the
// defaults of optimizer.DefaultConfig; nil hyperparameters likewise.
type Run struct {
	Method   string    `json:"method"`             // as optimizer.ParseMethod reads it
	LR       float64   `json:"lr"`                 // learning rate > 0
	Start    []float64 `json:"start"`              // [x, y], or [x] for a 1-D function
	Gradient string    `json:"gradient,omitempty"` // "exact" (or "") or "numeric"
	H        float64   `json:"h,omitempty"`        // numeric-gradient step; 0 = 1e-4
	Bound    float64   `json:"bound,omitempty"`    // divergence bound; 0 = 1e6
	Tol      float64   `json:"tol,omitempty"`      // convergence tolerance; 0 = off
	Momentum *float64  `json:"momentum,omitempty"` // μ (momentum, nesterov)
	Alpha    *float64  `json:"alpha,omitempty"`    // α (rmsprop)
	Beta1    *float64  `json:"beta1,omitempty"`    // β1 (adam)
	Beta2    *float64  `json:"beta2,omitempty"`    // β2 (adam)
	Eps      *float64  `json:"eps,omitempty"`      // ε; 0 = the method's default
}

// Validate checks every field of l, as Parse does after decoding a file.
// The error says which field is wrong and what is allowed.
func (l Lesson) Validate() error {
	_, _, err := l.compile()
	return err
}

// Problem returns the lesson's function as an optimizer problem. Its view
// box is the lesson's, else that of the preset with the same function text
// (spaces aside), whose known minima it also takes. The error is Validate's.
func (l Lesson) Problem() (optimizer.Problem, error) {
	p, _, err := l.compile()
	return p, err
}

// Configs returns one optimizer config per run: optimizer.DefaultConfig
// with the run's fields and the lesson's steps applied. The error is
// Validate's.
func (l Lesson) Configs() ([]optimizer.Config, error) {
	_, cs, err := l.compile()
	return cs, err
}

// compile validates l and builds its problem and configs.
func (l Lesson) compile() (optimizer.Problem, []optimizer.Config, error) {
	var p optimizer.Problem
	f, err := l.head()
	if err != nil {
		return p, nil, err
	}
	if err := checkSteps(l.Steps); err != nil {
		return p, nil, err
	}
	if l.Speed != 0 {
		if err := checkSpeed(l.Speed); err != nil {
			return p, nil, err
		}
	}
	if l.Box != nil {
		if err := checkBox(l.Box[:]); err != nil {
			return p, nil, err
		}
	}
	if n := len(l.Runs); n < 1 || n > MaxRuns {
		return p, nil, fmt.Errorf(`"runs": a lesson has 1 to %d runs, this one has %d`, MaxRuns, n)
	}
	cs := make([]optimizer.Config, len(l.Runs))
	for i, r := range l.Runs {
		c, err := r.config(f.Dims(), l.Steps)
		if err != nil {
			return p, nil, fmt.Errorf("run %d: %w", i+1, err)
		}
		cs[i] = c
	}
	p = optimizer.Problem{F: f, Source: l.Function}
	if pr, ok := presetFor(l.Function); ok {
		pp := pr.Problem(f)
		p.Box, p.Minima, p.FMin = pp.Box, pp.Minima, pp.FMin
	}
	if l.Box != nil {
		p.Box = &optimizer.Box{XMin: l.Box[0], XMax: l.Box[1], YMin: l.Box[2], YMax: l.Box[3]}
	}
	return p, cs, nil
}

// head checks the format, the title, the text and the function, and returns the
// parsed function.
func (l Lesson) head() (*expr.Func, error) {
	switch {
	case l.Format == "":
		return nil, fmt.Errorf(`"format" is missing: a lesson file says "format": %q`, FormatV1)
	case l.Format != FormatV1:
		return nil, fmt.Errorf(`format %q is not supported: this version of Gradient Descent Lab reads %q`, l.Format, FormatV1)
	case strings.TrimSpace(l.Title) == "":
		return nil, errors.New(`"title" is missing`)
	case utf8.RuneCountInString(l.Title) > MaxTitle:
		return nil, fmt.Errorf(`"title" is %d characters long: at most %d are allowed`, utf8.RuneCountInString(l.Title), MaxTitle)
	case utf8.RuneCountInString(l.Text) > MaxText:
		return nil, fmt.Errorf(`"text" is %d characters long: at most %d are allowed`, utf8.RuneCountInString(l.Text), MaxText)
	case strings.TrimSpace(l.Function) == "":
		return nil, errors.New(`"function" is missing`)
	}
	f, err := expr.Parse(l.Function)
	if err != nil {
		return nil, fmt.Errorf("function: %w", err)
	}
	return f, nil
}

// config validates r for a function of dims variables and returns its
// optimizer config.
func (r Run) config(dims, steps int) (optimizer.Config, error) {
	c := optimizer.DefaultConfig()
	if strings.TrimSpace(r.Method) == "" {
		return c, errors.New(`"method" is missing`)
	}
	m, err := optimizer.ParseMethod(r.Method)
	if err != nil {
		return c, err
	}
	if err := checkStart(r.Start, dims); err != nil {
		return c, err
	}
	switch r.Gradient {
	case "", string(optimizer.Exact):
		c.Gradient = optimizer.Exact
	case string(optimizer.Numeric):
		c.Gradient = optimizer.Numeric
	default:
		return c, fmt.Errorf("gradient %q: must be %q or %q", r.Gradient, optimizer.Exact, optimizer.Numeric)
	}
	c.Method, c.LR, c.Steps = m, r.LR, steps
	c.Start = [2]float64{}
	copy(c.Start[:], r.Start)
	if r.H != 0 {
		c.H = r.H
	}
	if r.Bound != 0 {
		c.Bound = r.Bound
	}
	c.Tol = r.Tol
	for _, hp := range []struct {
		dst *float64
		src *float64
	}{{&c.Momentum, r.Momentum}, {&c.Alpha, r.Alpha}, {&c.Beta1, r.Beta1}, {&c.Beta2, r.Beta2}, {&c.Eps, r.Eps}} {
		if hp.src != nil {
			*hp.dst = *hp.src
		}
	}
	if err := c.Validate(dims); err != nil {
		return c, err
	}
	return c, nil
}

// checkSteps reports whether n is an allowed number of steps.
func checkSteps(n int) error {
	if n < 0 || n > MaxSteps {
		return fmt.Errorf(`"steps" %d: must be a whole number from 0 to %d`, n, MaxSteps)
	}
	return nil
}

// checkSpeed reports whether v is an allowed playback speed.
func checkSpeed(v float64) error {
	if !(v >= MinSpeed && v <= MaxSpeed) {
		return fmt.Errorf(`"speed" %v: must be from %d to %d steps per second`, v, MinSpeed, MaxSpeed)
	}
	return nil
}

// checkBox reports whether b is a view box XMIN, XMAX, YMIN, YMAX.
func checkBox(b []float64) error {
	if len(b) != 4 {
		return fmt.Errorf(`"box" has %d numbers: it needs 4, [XMIN, XMAX, YMIN, YMAX]`, len(b))
	}
	for _, v := range b {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf(`"box" %v: the numbers must be finite`, b)
		}
	}
	switch {
	case !(b[0] < b[1]):
		return fmt.Errorf(`"box" %v: XMIN (%v) must be less than XMAX (%v)`, b, b[0], b[1])
	case !(b[2] < b[3]):
		return fmt.Errorf(`"box" %v: YMIN (%v) must be less than YMAX (%v)`, b, b[2], b[3])
	}
	return nil
}

// checkStart reports whether s is a start point for a function of dims
// variables.
func checkStart(s []float64, dims int) error {
	switch {
	case s == nil:
		return errors.New(`"start" is missing`)
	case len(s) == dims:
		return nil
	}
	has := fmt.Sprintf("%d numbers", len(s))
	if len(s) == 1 {
		has = "1 number"
	}
	if dims == 1 {
		return fmt.Errorf(`"start" has %s, but the function uses only x: give [x]`, has)
	}
	return fmt.Errorf(`"start" has %s, but the function uses x and y: give [x, y]`, has)
}

// presetFor returns the preset whose function text is src up to spaces.
func presetFor(src string) (optimizer.Preset, bool) {
	key := strings.Join(strings.Fields(src), "")
	for _, p := range optimizer.Presets() {
		if strings.Join(strings.Fields(p.Func), "") == key {
			return p, true
		}
	}
	return optimizer.Preset{}, false
}
