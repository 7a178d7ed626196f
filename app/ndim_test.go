//go:build ci

package app

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gdlab/plotting"
)

// TestThreeVariablesInTheWindow: typing the textbook's function of three
// variables swaps the two start fields for one of three numbers, runs from
// it, shows every coordinate in the iterate table and the readout, offers
// the slice/plane bar and the coordinates views, and a tap on the slice
// moves x[0] and x[1] of the start only.
func TestThreeVariablesInTheWindow(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "x[0]**2 + x[1]**2 + x[2]**2")
	if !u.startN.Visible() || u.startXY.Visible() || u.StartN.Text != "3, 2, 3" {
		t.Fatalf("start fields: n %v %q, x %v", u.startN.Visible(), u.StartN.Text, u.startXY.Visible())
	}
	retype(u.StartN, "3, 2")
	if msg := u.errs[u.StartN]; !u.RunButton.Disabled() || !msg.Visible() || !strings.Contains(msg.Text, "the function has 3 variables: give 3 numbers") {
		t.Errorf("two numbers: Run disabled %v, message %q", u.RunButton.Disabled(), msg.Text)
	}
	retype(u.StartN, "3, 2, 1")
	test.Tap(u.RunButton)
	idle(t, u)
	r := u.state.Runs[0]
	if r.Result == nil {
		t.Fatalf("no result: run disabled %v, status %q, start error %q", u.RunButton.Disabled(), u.Status.Text, u.errs[u.StartN].Text)
	}
	if got := r.Config.StartVec(3); got[2] != 1 || len(r.Result.Final.Pos(3)) != 3 {
		t.Fatalf("run from %v", got)
	}
	if _, c, ok := u.prefs.settings(); !ok || len(c.StartMore) != 1 || c.StartMore[0] != 1 {
		t.Errorf("remembered start %v %v", c.Start, c.StartMore)
	}
	if !regexp.MustCompile(`x=\([^,()]+, [^,()]+, [^,()]+\)`).MatchString(u.Readout.Text) {
		t.Errorf("readout %q, want x of three coordinates", u.Readout.Text)
	}
	if cols := tableColumns(3); len(cols) != 1+3+1+3+3+2 || cols[3].header != "x[2]" {
		t.Errorf("table columns %d, the fourth %q", len(cols), cols[3].header)
	}
	frames(u, 100*time.Millisecond)
	if !u.planes.box.Visible() || len(u.ViewChoice.Options) != 6 {
		t.Errorf("plane bar shown %v, %d views", u.planes.box.Visible(), len(u.ViewChoice.Options))
	}
	u.planes.Kind.SetSelectedIndex(1)
	if p := u.session.Projection(); p.Kind != plotting.ProjectionPlane {
		t.Errorf("projection %+v, want the plane", p)
	}
	u.planes.Kind.SetSelectedIndex(0)
	size := u.Figure.Size()
	test.TapAt(u.Figure, fyne.NewPos(size.Width/4, size.Height/2))
	idle(t, u)
	if x := u.state.Runs[0].Config.StartVec(3); x[2] != 1 || (x[0] == 3 && x[1] == 2) {
		t.Errorf("a tap on the slice started at %v, want x[0], x[1] moved and x[2] = 1", x)
	}
	retype(u.Func, "x^2 + y^2")
	frames(u, 100*time.Millisecond)
	test.Tap(u.RunButton)
	idle(t, u)
	if !u.startXY.Visible() || u.startN.Visible() {
		t.Error("a function of x and y did not bring back the two start fields")
	}
}

// TestLessonOfThreeVariables: a lesson's start of three numbers reaches the
// form's field as it is.
func TestLessonOfThreeVariables(t *testing.T) {
	u := newTestUI(t)
	c := u.session.Items()[0].Config
	c.SetStart([]float64{3, 2, 1})
	retype(u.Func, "x[0]^2 + x[1]^2 + x[2]^2")
	u.form.show(u.Func.Text, c)
	if u.StartN.Text != "3, 2, 1" {
		t.Errorf("start field %q, want 3, 2, 1", u.StartN.Text)
	}
}
