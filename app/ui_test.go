package app

import (
	"image"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// mainLoops stand in for the app's event loop: each UI's hand-offs from
// goroutines queue on its loop and run on the test's goroutine while it
// waits, so that widgets are only ever touched from one goroutine, as in the
// real app.
var mainLoops = map[*UI]chan func(){}

func newPump() (chan func(), func(func())) {
	loop := make(chan func())
	return loop, func(f func()) {
		done := make(chan struct{})
		loop <- func() { f(); close(done) }
		<-done
	}
}

func newTestUI(t *testing.T) *UI {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	loop, do := newPump()
	u := newUI(w, do)
	mainLoops[u] = loop
	w.SetContent(u.Content())
	w.Resize(fyne.NewSize(1000, 640))
	t.Cleanup(func() { u.Close(); w.Close() })
	return u
}

// wait runs hand-offs until the newest run or preview has been shown.
func wait(t *testing.T, u *UI) {
	t.Helper()
	done := u.Done()
	timeout := time.After(30 * time.Second)
	for {
		select {
		case f := <-mainLoops[u]:
			f()
		case <-done:
			return
		case <-timeout:
			t.Fatal("the run did not finish within 30 s")
		}
	}
}

// retype replaces an entry's text by typing, as a person would.
func retype(e interface {
	fyne.Focusable
	SetText(string)
}, text string) {
	e.SetText("")
	test.Type(e, text)
}

func TestTextbookRunUpdatesStatusAndFigure(t *testing.T) {
	u := newTestUI(t)
	u.Preview()
	wait(t, u)
	before := snapshot(u.Figure.Image())
	if before == nil {
		t.Fatal("no figure after the preview")
	}

	retype(u.Func, "x[0]**2 + x[1]**2")
	if u.RunButton.Disabled() {
		t.Fatalf("Run is disabled for a valid function: %q", u.FuncError.Text)
	}
	test.Tap(u.RunButton)
	wait(t, u)

	if !strings.Contains(u.Status.Text, "step 100") || !strings.Contains(u.Status.Text, "max-steps") {
		t.Errorf("status = %q, want step 100 and max-steps", u.Status.Text)
	}
	after := snapshot(u.Figure.Image())
	if n := diff(before, after); n < 500 {
		t.Errorf("only %d pixels of the figure changed after the run", n)
	}
	if u.RunButton.Disabled() || !u.StopButton.Disabled() {
		t.Error("after the run, Run should be enabled and Stop disabled")
	}
}

func TestDivergingRunIsAResult(t *testing.T) {
	u := newTestUI(t)
	retype(u.LR, "1.1")
	test.Tap(u.RunButton)
	wait(t, u)
	if !strings.Contains(u.Status.Text, "diverged at step 70") {
		t.Errorf("status = %q, want diverged at step 70", u.Status.Text)
	}
}

func TestBadInputShowsMessageAtFieldAndDisablesRun(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "x + * y")
	if !u.RunButton.Disabled() {
		t.Error("Run is enabled with an unparsable function")
	}
	if !u.FuncError.Visible() || !strings.Contains(u.FuncError.Text, "column 5") || !strings.Contains(u.FuncError.Text, "^") {
		t.Errorf("function error = %q (visible %v), want the column and a caret", u.FuncError.Text, u.FuncError.Visible())
	}
	retype(u.Func, "x^2 + y^2")
	if u.FuncError.Visible() || u.RunButton.Disabled() {
		t.Error("fixing the function should clear its message and enable Run")
	}

	for _, c := range []struct {
		field *entryField
		text  string
		want  string
	}{
		{&entryField{u.LR}, "abc", "not a number"},
		{&entryField{u.LR}, "-1", "positive"},
		{&entryField{u.Steps}, "2.5", "whole number"},
		{&entryField{u.StartX}, "", "enter a number"},
		{&entryField{u.StartY}, "1e", "not a number"},
	} {
		old := c.field.Text
		retype(c.field, c.text)
		msg := u.fieldErrors[c.field.Entry]
		if !u.RunButton.Disabled() {
			t.Errorf("%q: Run is enabled", c.text)
		}
		if !msg.Visible() || !strings.Contains(msg.Text, c.want) {
			t.Errorf("%q: message %q (visible %v), want %q", c.text, msg.Text, msg.Visible(), c.want)
		}
		retype(c.field, old)
		if msg.Visible() || u.RunButton.Disabled() {
			t.Errorf("%q: restoring %q should clear the message", c.text, old)
		}
	}
}

func TestStopCancelsALongRun(t *testing.T) {
	u := newTestUI(t)
	retype(u.Steps, "10000000")
	retype(u.LR, "1e-9")
	test.Tap(u.RunButton)
	if u.StopButton.Disabled() {
		t.Fatal("Stop is disabled during a run")
	}
	test.Tap(u.StopButton)
	wait(t, u)
	if !strings.Contains(u.Status.Text, "cancelled") {
		t.Errorf("status = %q, want cancelled", u.Status.Text)
	}
}

func TestFunctionOfXAlone(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "(x-1)^2")
	if !u.StartY.Disabled() {
		t.Error("start y should be disabled for f(x)")
	}
	test.Tap(u.RunButton)
	wait(t, u)
	if !strings.Contains(u.Status.Text, "step 100") {
		t.Errorf("status = %q", u.Status.Text)
	}
}

// entryField lets the table above hold any entry.
type entryField struct{ *widget.Entry }

func snapshot(img image.Image) *image.RGBA {
	rgba, ok := img.(*image.RGBA)
	if !ok {
		return nil
	}
	c := image.NewRGBA(rgba.Bounds())
	copy(c.Pix, rgba.Pix)
	return c
}

func diff(a, b *image.RGBA) int {
	if a == nil || b == nil || a.Bounds() != b.Bounds() {
		return 1 << 30
	}
	n := 0
	for i := 0; i < len(a.Pix); i += 4 {
		if a.Pix[i] != b.Pix[i] || a.Pix[i+1] != b.Pix[i+1] || a.Pix[i+2] != b.Pix[i+2] {
			n++
		}
	}
	return n
}
