package app

import (
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gdlab/lesson"
	"gdlab/optimizer"
)

// TestScheduleNoiseAndLineSearchInTheWindow types a schedule, noise and
// the line search into the form as a person would: the run uses them, the
// readout and the table show each step's rate, bad values get a message at
// their field, and the preferences remember them.
func TestScheduleNoiseAndLineSearchInTheWindow(t *testing.T) {
	u := newTestUI(t)
	retype(u.Steps, "3")
	retype(u.Schedule, "exp:0.5")
	test.Tap(u.RunButton)
	idle(t, u)
	pts := u.state.Runs[0].Result.Points
	if len(pts) != 4 || pts[1].LR != 0.1 || pts[3].LR != 0.025 {
		t.Fatalf("scheduled run: %+v", pts)
	}
	for i := 0; i < 3; i++ {
		test.Tap(u.ForwardButton)
	}
	idle(t, u)
	if !strings.Contains(u.Readout.Text, "η=0.025") {
		t.Errorf("readout %q, want the step's η", u.Readout.Text)
	}

	before := snapshot(u.Figure.Image())
	u.ShowRate.SetChecked(true)
	frames(u, 300*time.Millisecond)
	idle(t, u)
	if diff(before, snapshot(u.Figure.Image())) < 200 || !u.prefs.p.Bool("ratePanel") {
		t.Error("the learning-rate panel did not appear or is not remembered")
	}

	retype(u.Schedule, "step:10")
	if msg := u.errs[u.Schedule]; !u.RunButton.Disabled() || !msg.Visible() || !strings.Contains(msg.Text, "write step:S:G") {
		t.Errorf("bad schedule: Run disabled %v, message %q", u.RunButton.Disabled(), msg.Text)
	}
	retype(u.Schedule, "cosine:3")
	if u.RunButton.Disabled() {
		t.Error("a valid schedule leaves Run disabled")
	}
	for field, text := range map[*textField]string{u.Noise: "-1", u.Warmup: "2.5"} {
		old := field.Text
		retype(field, text)
		if msg := u.errs[field]; !u.RunButton.Disabled() || !msg.Visible() ||
			!strings.Contains(msg.Text, map[*textField]string{u.Noise: "noise -1: σ must be 0 (none) or a positive finite number", u.Warmup: `warmup steps: "2.5" is not a whole number ≥ 0`}[field]) {
			t.Errorf("%q: Run disabled %v, message %q", text, u.RunButton.Disabled(), msg.Text)
		}
		retype(field, old)
	}

	if u.rows[u.Seed].Visible() {
		t.Error("the seed shows without noise")
	}
	retype(u.Noise, "0.5")
	retype(u.Seed, "x")
	if msg := u.errs[u.Seed]; !u.rows[u.Seed].Visible() || !msg.Visible() || !u.RunButton.Disabled() {
		t.Errorf("bad seed: message %q", msg.Text)
	}
	retype(u.Seed, "7")
	u.LineSearch.SetChecked(true)
	test.Tap(u.RunButton)
	idle(t, u)
	c := u.state.Runs[0].Config
	if c.Noise != 0.5 || c.Seed != 7 || c.LineSearch != optimizer.Armijo || c.Schedule.Kind != optimizer.Cosine {
		t.Errorf("run config %+v", c)
	}
	if _, saved, ok := u.prefs.settings(); !ok || saved.Noise != 0.5 || saved.Seed != 7 || saved.LineSearch != optimizer.Armijo || saved.Schedule != c.Schedule {
		t.Errorf("preferences: %+v (ok %v)", saved, ok)
	}

	u.Method.SetSelected("adam")
	if u.LineSearch.Visible() {
		t.Error("adam offers a line search")
	}
}

// TestOptimizerStateOnScreen: the state check boxes are off by default;
// switched on, momentum's velocity is drawn and written in the readout.
func TestOptimizerStateOnScreen(t *testing.T) {
	u := newTestUI(t)
	if u.ShowArrows.Checked || u.ShowSteps.Checked || u.ShowAxes.Checked {
		t.Error("a state check box is on by default")
	}
	u.Method.SetSelected("momentum")
	test.Tap(u.RunButton)
	idle(t, u)
	u.Scrubber.SetValue(0)
	idle(t, u)
	for i := 0; i < 2; i++ {
		test.Tap(u.ForwardButton)
	}
	idle(t, u)
	before := snapshot(u.Figure.Image())
	u.ShowArrows.SetChecked(true)
	frames(u, 300*time.Millisecond)
	idle(t, u)
	// b₁ = (6, 4), b₂ = 0.9·(6, 4) + (4.8, 3.2) = (10.2, 6.8): −η·b = (−1.02, −0.68)
	if !strings.Contains(u.Readout.Text, "−η·b = (-1.02, -0.68)") {
		t.Errorf("readout %q, want the velocity", u.Readout.Text)
	}
	if diff(before, snapshot(u.Figure.Image())) < 50 {
		t.Error("the velocity arrow is not drawn")
	}
	test.Tap(u.ShowMenu)
	if !u.ShowAxes.Visible() {
		t.Error("the Show… menu does not show the layers")
	}
}

// TestCompareWithNewtonAndBFGS: comparing in one click gives Newton its
// η = 1 and BFGS no schedule, and all of them run.
func TestCompareWithNewtonAndBFGS(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "(1 - x)^2 + 100(y - x^2)^2")
	retype(u.LR, "0.002")
	retype(u.Schedule, "cosine:100")
	u.CompareWith.SetSelected([]string{"gd", "momentum", "adam", "newton", "bfgs"})
	test.Tap(u.CompareButton)
	idle(t, u)
	if len(u.state.Runs) != 5 {
		t.Fatalf("%d runs", len(u.state.Runs))
	}
	for _, rs := range u.state.Runs {
		if rs.Result == nil || rs.Result.Status == optimizer.Invalid {
			t.Fatalf("%s did not run: %+v", rs.Config.Method, rs.Result)
		}
	}
	if n, b := u.state.Runs[3].Config, u.state.Runs[4].Config; n.LR != 1 || !b.Schedule.IsConstant() {
		t.Errorf("newton lr %g, bfgs schedule %q", n.LR, b.Schedule.String())
	}
	if v := u.state.Runs[4].Result.Verdict; v != optimizer.VerdictConverged {
		t.Errorf("bfgs: %s", v)
	}
}

// TestThreeVariablesAreExplainedAtTheFunction: a function of three
// variables runs; an index beyond x[63] is refused at the function field
// and Run waits.
func TestThreeVariablesAreExplainedAtTheFunction(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "x[0]**2 + x[1]**2 + x[64]**2")
	if !u.RunButton.Disabled() || !u.FuncError.Visible() || !strings.Contains(u.FuncError.Text, "x[64]") {
		t.Errorf("Run disabled %v, function message %q", u.RunButton.Disabled(), u.FuncError.Text)
	}
	retype(u.Func, "x[0]**2 + x[1]**2 + x[2]**2")
	if u.RunButton.Disabled() || u.FuncError.Visible() {
		t.Errorf("three variables are refused: %q", u.FuncError.Text)
	}
}

// TestNothingAnnouncesTheFuture: during playback the status line, the run
// list and the verdict's reason speak of the current step; at a run's end
// its outcome appears; "results before the end" shows them at once, and is
// remembered.
func TestNothingAnnouncesTheFuture(t *testing.T) {
	u := newTestUI(t)
	retype(u.LR, "1.1") // diverges at step 70
	u.CompareWith.SetSelected([]string{"gd"})
	test.Tap(u.RunButton)
	idle(t, u)
	u.Scrubber.SetValue(3)
	idle(t, u)
	if u.Status.Text != "step 3 of 70" || strings.Contains(rowText(u, 0), "diverged") {
		t.Errorf("at step 3: status %q, row %q", u.Status.Text, rowText(u, 0))
	}
	u.Scrubber.SetValue(70)
	idle(t, u)
	if !strings.Contains(u.Status.Text, "diverged at step 70") || !strings.Contains(rowText(u, 0), "diverged") {
		t.Errorf("at step 70: status %q, row %q", u.Status.Text, rowText(u, 0))
	}
	u.Scrubber.SetValue(3)
	idle(t, u)
	u.ShowResults.SetChecked(true)
	if !strings.Contains(u.Status.Text, "diverged at step 70") || !u.prefs.p.Bool("showResults") {
		t.Errorf("with results before the end at step 3: status %q", u.Status.Text)
	}
}

// TestHoverShowsTheReadOut: the pointer over the contour shows x, y and f
// there in a label beside it (f is x² + y² of the x and y shown); over the
// loss panel the run, a step and its f (the run's f at that step); away
// from the figure the label goes.
func TestHoverShowsTheReadOut(t *testing.T) {
	u := newTestUI(t)
	c := u.win.Canvas()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Figure)
	size := u.Figure.Size()
	test.MoveMouse(c, at.Add(fyne.NewPos(size.Width*0.25, size.Height*0.5)))
	text := u.Figure.Tip.Text
	var x, y, f float64
	if _, err := fmt.Sscanf(text, "x = %g\ny = %g\nf = %g", &x, &y, &f); err != nil || !u.Figure.tipBox.Visible() {
		t.Fatalf("read-out %q (visible %v): %v", text, u.Figure.tipBox.Visible(), err)
	}
	if math.Abs(f-(x*x+y*y)) > 1e-4*math.Max(1, f) {
		t.Errorf("read-out %q: f is not x² + y²", text)
	}
	test.MoveMouse(c, at.Add(fyne.NewPos(size.Width*0.8, size.Height*0.5)))
	var k int
	var label string
	if _, err := fmt.Sscanf(u.Figure.Tip.Text, "gd lr=%s\nstep %d\nf = %g", &label, &k, &f); err != nil || !u.Figure.tipBox.Visible() {
		t.Fatalf("over the loss panel: %q (visible %v): %v", u.Figure.Tip.Text, u.Figure.tipBox.Visible(), err)
	}
	if pts := u.state.Runs[0].Points; k < 0 || k >= len(pts) || math.Abs(pts[k].F-f) > 1e-5*math.Max(1, f) {
		t.Errorf("over the loss panel: %q, but the run's f at step %d is not that", u.Figure.Tip.Text, k)
	}
	test.MoveMouse(c, at.Add(fyne.NewPos(size.Width*0.25, size.Height*0.5)))
	test.MoveMouse(c, fyne.NewPos(2, 2))
	if u.Figure.tipBox.Visible() {
		t.Error("the read-out stays when the pointer leaves")
	}
}

// TestLessonStopsPauseAndAsk: "learning rate too large" pauses at step 3
// and asks its question in large type over the figure; Play goes on and
// the question goes.
func TestLessonStopsPauseAndAsk(t *testing.T) {
	u := newTestUI(t)
	var l lesson.Lesson
	for _, b := range lesson.BuiltIn() {
		if b.Title == "Learning rate too large" {
			l = b
		}
	}
	if len(l.Stops) == 0 || l.Stops[0].Step != 3 {
		t.Fatalf("the lesson's stops: %+v", l.Stops)
	}
	if err := u.OpenLesson(l); err != nil {
		t.Fatal(err)
	}
	idle(t, u)
	test.Tap(u.PlayButton)
	frames(u, 500*time.Millisecond)
	idle(t, u)
	if u.state.Step != 3 || !u.stopCard.Visible() || u.StopNote.Text != "What will the next step do?" {
		t.Fatalf("step %d, stop card visible %v, %q", u.state.Step, u.stopCard.Visible(), u.StopNote.Text)
	}
	test.Tap(u.PlayButton)
	frames(u, 300*time.Millisecond)
	if u.stopCard.Visible() {
		t.Error("the question stays while playing on")
	}
	for _, b := range lesson.BuiltIn() {
		if len(b.Stops) == 0 {
			t.Errorf("%q has no stop", b.Title)
		}
	}
}
