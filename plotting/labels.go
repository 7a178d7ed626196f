package plotting

import (
	"strconv"
	"strings"
)

// Labels are the words a figure draws, so that a caller can translate them.
// Mathematical symbols (x, y, f, f(x), |f − f*|, f*) are not words and stay
// as they are. An empty field means the English default of DefaultLabels.
type Labels struct {
	// Step is the x-axis label of the loss view ("step").
	Step string
	// Shifted explains the log-loss axis when f* is unknown and the loss
	// reaches zero or below, so f − c is plotted instead of f; it is drawn in
	// parentheses after "f − (c)" ("shifted to stay positive").
	Shifted string
	// Clipped is appended in parentheses to the loss axis label when an
	// exploding run is cut off at the top of the frame ("clipped").
	Clipped string
	// Run names an unlabelled run in the legend; "%d" is replaced by its
	// number, counting from 1 ("run %d").
	Run string
	// DivergedAt is appended in parentheses to a diverged run's legend entry;
	// "%d" is replaced by the step of the divergence ("diverged at step %d").
	DivergedAt string
	// StepH is the x-axis label of the h-error view ("step h").
	StepH string
	// Error is the y-axis label of the h-error view ("error").
	Error string
	// Forward names the forward difference (f(x+h) − f(x))/h in the h-error
	// view's legend ("forward difference").
	Forward string
	// Central names the central difference (f(x+h) − f(x−h))/2h in the
	// h-error view's legend ("central difference").
	Central string
	// ChosenH labels the vertical line at the chosen step in the h-error
	// view; " = " and the value follow it ("chosen h").
	ChosenH string
	// ZeroAtBottom is appended in parentheses to the h-error view's y-axis
	// label when some error is 0 (the numeric and the exact gradient agree
	// exactly), which a log axis cannot show: such points are drawn on the
	// bottom edge ("0 drawn at the bottom").
	ZeroAtBottom string
	// LogScale is drawn in parentheses after "f" on the f axis of the
	// surface view when its heights are compressed (the log1p scale of the
	// heat map's colours) because f spans a huge range ("log scale").
	LogScale string
	// Rate is the y-axis label of the learning-rate panel under the loss
	// (Options.Rate): "learning rate η".
	Rate string
	// Coordinate is the value axis label of the coordinates views
	// ("coordinate"); the run's legend label follows it.
	Coordinate string
	// CoordsOmitted follows it in parentheses when the run has more
	// coordinates than are drawn; the first %d is the number drawn, the
	// second the number of coordinates ("the %d of %d that move most").
	CoordsOmitted string
	// SliceNote is the note on the contour and surface panels of a slice
	// through a function of more than two variables; %s is one of AtStart,
	// AtCurrent and AtEnd ("slice through %s, the path projected onto it").
	SliceNote string
	// AtStart, AtCurrent and AtEnd name the point a slice goes through:
	// "the start", "the current point", "the end point".
	AtStart, AtCurrent, AtEnd string
	// Accuracy is the axis label of the accuracy panel ("accuracy").
	Accuracy string
	// TestNote follows the loss panel's axis label in parentheses when a run
	// has a test set ("dashed: on the test rows").
	TestNote string
	// PlaneNote is the note of the plane of the path; %s is the share of
	// the path's variance it explains, e.g. "97.3 %" ("plane of the path's
	// two main directions: %s of its variance").
	PlaneNote string
	// RowsShown is the data panel's note when it draws a sample of the
	// rows; the first %d is the rows drawn, the second all of them ("%d of
	// %d rows drawn").
	RowsShown string
}

// DefaultLabels returns the English labels figures use when Options.Labels
// is nil.
func DefaultLabels() Labels {
	return Labels{
		Step:       "step",
		Shifted:    "shifted to stay positive",
		Clipped:    "clipped",
		Run:        "run %d",
		DivergedAt: "diverged at step %d",

		StepH:        "step h",
		Error:        "error",
		Forward:      "forward difference",
		Central:      "central difference",
		ChosenH:      "chosen h",
		ZeroAtBottom: "0 drawn at the bottom",
		LogScale:     "log scale",
		Rate:         "learning rate η",

		Coordinate:    "coordinate",
		CoordsOmitted: "the %d of %d that move most",
		SliceNote:     "slice through %s, the path projected onto it",
		AtStart:       "the start",
		AtCurrent:     "the current point",
		AtEnd:         "the end point",
		PlaneNote:     "plane of the path's two main directions: %s of its variance",
		TestNote:      "dashed: on the test rows",
		RowsShown:     "%d of %d rows drawn",
		Accuracy:      "accuracy",
	}
}

// labels returns the labels of the options with every empty field filled
// from DefaultLabels.
func (o Options) labels() Labels {
	d := DefaultLabels()
	if o.Labels == nil {
		return d
	}
	l := *o.Labels
	for _, f := range []struct{ got, def *string }{
		{&l.Step, &d.Step}, {&l.Shifted, &d.Shifted}, {&l.Clipped, &d.Clipped},
		{&l.Run, &d.Run}, {&l.DivergedAt, &d.DivergedAt},
		{&l.StepH, &d.StepH}, {&l.Error, &d.Error}, {&l.Forward, &d.Forward},
		{&l.Central, &d.Central}, {&l.ChosenH, &d.ChosenH}, {&l.ZeroAtBottom, &d.ZeroAtBottom},
		{&l.LogScale, &d.LogScale}, {&l.Rate, &d.Rate},
		{&l.Coordinate, &d.Coordinate}, {&l.CoordsOmitted, &d.CoordsOmitted}, {&l.SliceNote, &d.SliceNote},
		{&l.AtStart, &d.AtStart}, {&l.AtCurrent, &d.AtCurrent}, {&l.AtEnd, &d.AtEnd}, {&l.PlaneNote, &d.PlaneNote}, {&l.TestNote, &d.TestNote}, {&l.Accuracy, &d.Accuracy},
		{&l.RowsShown, &d.RowsShown},
	} {
		if *f.got == "" {
			*f.got = *f.def
		}
	}
	return l
}

// key is the part of the labels that the loss frame draws, for its cache
// key (the legend words are drawn per frame).
func (l Labels) key() string {
	return strconv.Quote(l.Step) + "," + strconv.Quote(l.Shifted) + "," + strconv.Quote(l.Clipped)
}

// withNumber replaces the first "%d" of format by n; a format without one
// gets n appended after a space. Nothing else in format is special, so a
// translated text can never produce fmt's error markers.
func withNumber(format string, n int) string {
	s := strconv.Itoa(n)
	if i := strings.Index(format, "%d"); i >= 0 {
		return format[:i] + s + format[i+2:]
	}
	return format + " " + s
}
