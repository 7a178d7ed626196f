package lesson

import (
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"gdlab/message"
	"gdlab/model"
	"gdlab/optimizer"
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
	MaxStops    = 50         // stops of a lesson
	MaxStopText = 500        // characters of a stop's question or remark
)

// Lesson is one lesson: a function, the runs to make on it and a paragraph
// for the class. The JSON form is described in the package documentation.
type Lesson struct {
	Format   string      `json:"format"`          // always FormatV1
	Title    string      `json:"title"`           // short name for the lessons menu
	Text     string      `json:"text,omitempty"`  // one paragraph for the class
	Function string      `json:"function"`        // source in the function language; empty when the lesson learns from Data
	Data     *DataSource `json:"data,omitempty"`  // what the lesson learns from instead of minimising Function
	Box      *[4]float64 `json:"box,omitempty"`   // view XMIN, XMAX, YMIN, YMAX; nil = none given
	Steps    int         `json:"steps"`           // updates of every run, 0..MaxSteps
	Speed    float64     `json:"speed,omitempty"` // playback steps per second, MinSpeed..MaxSpeed; 0 = the window's choice
	Runs     []Run       `json:"runs"`            // 1..MaxRuns runs
	// Stops are where playback pauses to ask the class something: at each
	// stop's step (1..Steps, strictly increasing) the window pauses and
	// shows its text in large type until Space continues.
	Stops []Stop `json:"stops,omitempty"`
}

// DataSource is what a lesson learns from: a built-in data set made from
// a seed, or the data itself (its columns and rows), with the model, the
// rows per mini-batch and the share of rows held out as a test set.
type DataSource struct {
	Set          string      `json:"set,omitempty"`     // a built-in data set's name
	Columns      []string    `json:"columns,omitempty"` // the columns of Rows: the inputs, then the target
	Rows         [][]float64 `json:"rows,omitempty"`    // the data inline, a value per column in each row
	Seed         uint64      `json:"seed,omitempty"`
	Model        string      `json:"model,omitempty"`
	Batch        int         `json:"batch,omitempty"` // rows per mini-batch of the runs without a batch of their own; 0 = all
	TestFraction float64     `json:"test_fraction,omitempty"`
}

// rowsName names a lesson's inline rows in messages and figures.
const rowsName = "rows"

// Spec is the data source as model.Learn takes it; the error is that of
// rows that are not a data set (model.NewData).
func (d DataSource) Spec() (model.Spec, error) {
	seed := d.Seed
	if seed == 0 {
		seed = model.DefaultSeed
	}
	s := model.Spec{Data: d.Set, Model: d.Model, TestFraction: d.TestFraction, Seed: seed}
	if d.Rows != nil {
		rows, err := model.NewData(rowsName, d.Columns, d.Rows)
		if err != nil {
			return s, err
		}
		s.Rows = rows
	}
	return s, nil
}

// Stop is a pause of a lesson's playback: at step Step the window shows
// Text, a question or a remark for the class.
type Stop struct {
	Step int    `json:"step"`
	Text string `json:"text"`
}

// Run is one run of a lesson. Zero values of the optional fields mean the
// defaults of optimizer.DefaultConfig; a hyperparameter not in Params means
// the method's default.
type Run struct {
	Method     string    `json:"method"`               // as optimizer.ParseMethod reads it
	LR         float64   `json:"lr"`                   // learning rate > 0
	Start      []float64 `json:"start"`                // [x, y], or [x] for a 1-D function
	Gradient   string    `json:"gradient,omitempty"`   // "exact" (or "") or "numeric"
	Convention string    `json:"convention,omitempty"` // "torch" (or "") or "book": whose update rules

	H     float64 `json:"h,omitempty"`     // numeric-gradient step; 0 = 1e-4
	Bound float64 `json:"bound,omitempty"` // divergence bound; 0 = 1e6
	Tol   float64 `json:"tol,omitempty"`   // convergence tolerance; 0 = off

	Schedule   string  `json:"schedule,omitempty"`    // learning-rate schedule as optimizer.ParseSchedule reads it; "" = none
	Warmup     int     `json:"warmup,omitempty"`      // linear warmup steps; 0 = none
	Noise      float64 `json:"noise,omitempty"`       // gradient noise σ; 0 = none
	Seed       uint64  `json:"seed,omitempty"`        // the noise's seed; 0 = optimizer.DefaultSeed
	LineSearch string  `json:"line_search,omitempty"` // "armijo" (gd), or "" for none
	Batch      int     `json:"batch,omitempty"`       // rows of the run's mini-batches (a lesson with data); 0 = the data's
	// Params holds the hyperparameters given, by their registry names
	// (optimizer.Params): in the file they are fields of the run object
	// like the others ("momentum": 0.5), written after them in registry
	// order. nil when none is given.
	Params map[string]float64 `json:"-"`
}

// Validate checks every field of l, as Parse does after decoding a file.
// The error says which field is wrong and what is allowed.
func (l Lesson) Validate() error {
	_, _, err := l.compile()
	return err
}

// Problem returns the lesson's function as an optimizer problem, by
// optimizer.NewProblem: its view box is the lesson's, else that of the
// preset with the same function (the same parsed form, so "x**2+y**2" is
// "x^2 + y^2"), whose known minima it also takes. The error is
// Validate's.
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

// compile validates l and builds its problem and configs; on error both
// are zero.
func (l Lesson) compile() (optimizer.Problem, []optimizer.Config, error) {
	p, err := l.head()
	if err == nil {
		err = l.checkBody()
	}
	if err != nil {
		return optimizer.Problem{}, nil, err
	}
	cs := make([]optimizer.Config, len(l.Runs))
	for i, r := range l.Runs {
		c, err := r.config(p.F.Dims(), l.Steps)
		switch {
		case err == nil && r.Batch != 0 && l.Data == nil:
			err = msgBatchNoData.New()
		case err == nil && r.Batch == 0 && l.Data != nil:
			c.Batch = l.Data.Batch // the data's batch is every run's that has none of its own
		}
		if err != nil {
			return optimizer.Problem{}, nil, wrap(msgRun, err, message.Int(i+1))
		}
		cs[i] = c
	}
	return p, cs, nil
}

// checkBody checks the steps, the speed, the box and the number of runs.
func (l Lesson) checkBody() error {
	if err := checkSteps(l.Steps); err != nil {
		return err
	}
	if l.Speed != 0 {
		if err := checkSpeed(l.Speed); err != nil {
			return err
		}
	}
	if l.Box != nil {
		if err := checkBox(l.Box[:]); err != nil {
			return err
		}
	}
	if err := checkStops(l.Stops, l.Steps); err != nil {
		return err
	}
	return checkRunCount(len(l.Runs))
}

// checkStops checks that the stops are at most MaxStops, each at a step
// from 1 to steps after the one before, with a text of 1 to MaxStopText
// characters.
func checkStops(stops []Stop, steps int) error {
	if len(stops) > MaxStops {
		return msgStopCount.New(message.Int(len(stops)), message.Int(MaxStops))
	}
	for i, st := range stops {
		n := utf8.RuneCountInString(st.Text)
		switch {
		case st.Step < 1 || st.Step > steps:
			return msgStopStep.New(message.Int(i+1), message.Int(st.Step), message.Int(steps))
		case i > 0 && st.Step <= stops[i-1].Step:
			return msgStopOrder.New(message.Int(i+1), message.Int(st.Step), message.Int(stops[i-1].Step))
		case strings.TrimSpace(st.Text) == "":
			return msgStopText.New(message.Int(i + 1))
		case n > MaxStopText:
			return msgStopLong.New(message.Int(i+1), message.Int(n), message.Int(MaxStopText))
		}
	}
	return nil
}

// head checks the format, the title, the text and the function, and returns
// the lesson's problem: optimizer.NewProblem of its function and its box
// (which head does not check).
func (l Lesson) head() (optimizer.Problem, error) {
	var p optimizer.Problem
	switch {
	case l.Format == "":
		return p, msgNoFormat.New(message.Quote(FormatV1))
	case l.Format != FormatV1:
		return p, msgOtherFormat.New(message.Quote(l.Format), message.Quote(FormatV1))
	case strings.TrimSpace(l.Title) == "":
		return p, missing("title")
	case utf8.RuneCountInString(l.Title) > MaxTitle:
		return p, msgTooLong.New(message.Quote("title"), message.Int(utf8.RuneCountInString(l.Title)), message.Int(MaxTitle))
	case utf8.RuneCountInString(l.Text) > MaxText:
		return p, msgTooLong.New(message.Quote("text"), message.Int(utf8.RuneCountInString(l.Text)), message.Int(MaxText))
	case l.Data != nil && strings.TrimSpace(l.Function) != "":
		return p, msgDataFunc.New()
	case l.Data != nil:
		return l.dataProblem()
	case strings.TrimSpace(l.Function) == "":
		return p, missing("function")
	}
	var box *optimizer.Box
	if l.Box != nil {
		box = &optimizer.Box{XMin: l.Box[0], XMax: l.Box[1], YMin: l.Box[2], YMax: l.Box[3]}
	}
	p, err := optimizer.NewProblem(l.Function, box)
	if err != nil {
		return p, wrap(msgFunction, err)
	}
	return p, nil
}

// dataProblem is the problem of a lesson that learns from data.
func (l Lesson) dataProblem() (optimizer.Problem, error) {
	d := l.Data
	switch {
	case d.Rows == nil && d.Columns != nil:
		return optimizer.Problem{}, wrap(msgData, msgColumnsNoRows.New())
	case optimizer.CheckBatch(d.Batch) != nil:
		return optimizer.Problem{}, wrap(msgData, optimizer.CheckBatch(d.Batch))
	case d.Rows == nil && d.Set == "":
		return optimizer.Problem{}, wrap(msgData, msgSetOrRows.New())
	case d.Rows != nil && d.Set != "":
		return optimizer.Problem{}, wrap(msgData, msgSetAndRows.New())
	case d.Rows == nil:
		if _, ok := model.BuiltIn(d.Set, 1); !ok {
			return optimizer.Problem{}, wrap(msgData, msgDataSet.New(message.Quote(d.Set), message.Text(strings.Join(model.DataNames(), ", "))))
		}
	}
	spec, err := d.Spec()
	if err != nil {
		return optimizer.Problem{}, wrap(msgData, err)
	}
	lr, err := spec.Learn()
	if err != nil {
		return optimizer.Problem{}, wrap(msgData, err) // the model package's message, nested
	}
	return lr.Problem, nil
}

// extras sets c's schedule, noise and line search from r.
func (r Run) extras(c *optimizer.Config) error {
	_, err := c.SetExtras(optimizer.ExtrasText{Schedule: r.Schedule, Warmup: r.Warmup, Noise: r.Noise, Seed: r.Seed, LineSearch: r.LineSearch})
	return err
}

// missing is the error for the required field called name.
func missing(name string) message.Message { return msgMissing.New(message.Quote(name)) }

// config validates r for a function of dims variables and returns its
// optimizer config: optimizer.DefaultConfig with r's fields and steps.
func (r Run) config(dims, steps int) (optimizer.Config, error) {
	c := optimizer.DefaultConfig()
	if strings.TrimSpace(r.Method) == "" {
		return c, missing("method")
	}
	m, err := optimizer.ParseMethod(r.Method)
	if err != nil {
		return c, err
	}
	if err := checkStart(r.Start, dims); err != nil {
		return c, err
	}
	conv, err := optimizer.ParseConvention(r.Convention)
	if err != nil {
		return c, err
	}
	c.Convention = conv
	c.Method, c.LR, c.Steps, c.Gradient = m, r.LR, steps, optimizer.Gradient(r.Gradient)
	if r.Gradient == "" {
		c.Gradient = optimizer.Exact
	}
	c.SetStart(r.Start)
	if r.H != 0 {
		c.H = r.H
	}
	if r.Bound != 0 {
		c.Bound = r.Bound
	}
	c.Tol, c.Batch = r.Tol, r.Batch
	if err := r.extras(&c); err != nil {
		return c, err
	}
	names := slices.Sorted(maps.Keys(r.Params))
	for _, name := range names {
		if !c.Hyper.Set(name, r.Params[name]) {
			return c, msgUnknownParam.New(message.Quote(name), message.Text(strings.Join(paramNames(), ", ")))
		}
	}
	if err := c.Validate(dims); err != nil {
		return c, err
	}
	return c, nil
}

// paramNames are the names of the registry's hyperparameters, in its order.
func paramNames() []string {
	var names []string
	for _, p := range optimizer.Params() {
		names = append(names, p.Name)
	}
	return names
}

// checkSteps reports whether n is an allowed number of steps.
func checkSteps(n int) error {
	if n < 0 || n > MaxSteps {
		return msgSteps.New(message.Int(n), message.Int(MaxSteps))
	}
	return nil
}

// checkSpeed reports whether v is an allowed playback speed.
func checkSpeed(v float64) error {
	if !(v >= MinSpeed && v <= MaxSpeed) {
		return msgSpeed.New(message.Value(v), message.Int(MinSpeed), message.Int(MaxSpeed))
	}
	return nil
}

// checkRunCount reports whether n is an allowed number of runs.
func checkRunCount(n int) error {
	if n < 1 || n > MaxRuns {
		return msgRunCount.New(message.Int(MaxRuns), message.Int(n))
	}
	return nil
}

// checkBox reports whether b is a view box XMIN, XMAX, YMIN, YMAX.
func checkBox(b []float64) error {
	if len(b) != 4 {
		return msgBoxCount.New(message.Int(len(b)))
	}
	list := message.Text(numberList(b))
	for _, v := range b {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return msgBoxNotFinite.New(list)
		}
	}
	switch {
	case !(b[0] < b[1]):
		return msgBoxX.New(list, message.Value(b[0]), message.Value(b[1]))
	case !(b[2] < b[3]):
		return msgBoxY.New(list, message.Value(b[2]), message.Value(b[3]))
	}
	return nil
}

// numberList renders vs as "[1 0 -2.5 NaN]", each number as message.Value
// shows it.
func numberList(vs []float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = strconv.FormatFloat(v, 'g', -1, 64)
	}
	return "[" + strings.Join(parts, " ") + "]"
}

// checkStart reports whether s is a start point for a function of dims
// variables.
func checkStart(s []float64, dims int) error {
	switch {
	case s == nil:
		return missing("start")
	case len(s) == dims:
		return nil
	}
	has := msgNumbers.New(message.Int(len(s)))
	if len(s) == 1 {
		has = wordOneNumber.New()
	}
	switch dims {
	case 1:
		return msgStart1D.New(message.Nested(has))
	case 2:
		return msgStart2D.New(message.Nested(has))
	}
	return msgStartND.New(message.Nested(has), message.Int(dims), message.Int(dims))
}
