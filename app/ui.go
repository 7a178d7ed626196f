package app

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/figure"
	"gdlab/optimizer"
)

// UI is the main window's content. Its widgets are exported so that tests can
// type into them and tap them, as a person would.
type UI struct {
	Func       *widget.Entry
	FuncError  *widget.Label // the parse error with a caret under the column
	StartX     *widget.Entry
	StartY     *widget.Entry
	LR         *widget.Entry
	Steps      *widget.Entry
	RunButton  *widget.Button
	StopButton *widget.Button
	Status     *widget.Label
	Figure     *FigureView

	fieldErrors map[*widget.Entry]*widget.Label
	content     fyne.CanvasObject

	// Run state, owned by the main goroutine.
	gen    uint64 // generation of the newest run or preview; older frames are stale
	cancel context.CancelFunc
	done   chan struct{} // closed when the newest run's final frame is shown
}

// NewUI builds the window content for w.
func NewUI(w fyne.Window) *UI { return newUI(w, fyne.DoAndWait) }

// newUI builds the UI with do as the hand-off to the main goroutine; tests
// pass a pump that they drain on their own goroutine, as the app's event
// loop does.
func newUI(w fyne.Window, do func(func())) *UI {
	u := &UI{fieldErrors: map[*widget.Entry]*widget.Label{}}
	d := optimizer.DefaultConfig()
	u.Func = u.entry("x^2 + y^2")
	u.FuncError = widget.NewLabel("")
	u.FuncError.TextStyle.Monospace = true
	u.FuncError.Importance = widget.DangerImportance
	u.FuncError.Wrapping = fyne.TextWrapOff
	u.FuncError.Hide()
	u.StartX = u.entry(formatNum(d.Start[0]))
	u.StartY = u.entry(formatNum(d.Start[1]))
	u.LR = u.entry(formatNum(d.LR))
	u.Steps = u.entry(strconv.Itoa(d.Steps))
	u.RunButton = widget.NewButtonWithIcon("Run", theme.MediaPlayIcon(), u.Run)
	u.RunButton.Importance = widget.HighImportance
	u.StopButton = widget.NewButtonWithIcon("Stop", theme.MediaStopIcon(), u.Stop)
	u.StopButton.Disable()
	u.Status = widget.NewLabel("Ready: press Run.")
	u.Status.Wrapping = fyne.TextWrapWord
	u.Figure = NewFigureView(u.present, do)

	form := container.NewVBox(
		widget.NewLabelWithStyle("Function f(x, y)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		u.Func, u.FuncError,
		container.NewGridWithColumns(2,
			u.labelled("start x", u.StartX), u.labelled("start y", u.StartY)),
		container.NewGridWithColumns(2,
			u.labelled("learning rate", u.LR), u.labelled("steps", u.Steps)),
		container.NewGridWithColumns(2, u.RunButton, u.StopButton),
		widget.NewSeparator(),
		u.Status,
	)
	left := container.NewVScroll(container.NewPadded(form))
	split := container.NewHSplit(left, u.Figure)
	split.Offset = 0.27
	u.content = split
	u.validate()
	return u
}

// Content is the window's content.
func (u *UI) Content() fyne.CanvasObject { return u.content }

func (u *UI) entry(text string) *widget.Entry {
	e := widget.NewEntry()
	e.SetText(text)
	e.OnChanged = func(string) { u.validate() }
	e.OnSubmitted = func(string) {
		if !u.RunButton.Disabled() {
			u.Run()
		}
	}
	return e
}

// labelled stacks a caption, the entry and its error message.
func (u *UI) labelled(caption string, e *widget.Entry) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	u.fieldErrors[e] = msg
	return container.NewVBox(widget.NewLabel(caption), e, msg)
}

// setError shows err at field e (or hides the message when err is nil).
func (u *UI) setError(e *widget.Entry, msg *widget.Label, err error) {
	if err == nil {
		msg.Hide()
		e.SetValidationError(nil)
		return
	}
	msg.SetText(err.Error())
	msg.Show()
	e.SetValidationError(err)
}

// settings is the form read into the engine's terms.
type settings struct {
	problem optimizer.Problem
	config  optimizer.Config
}

// validate checks every field, shows each problem at its field, and enables
// Run only when all are valid. It returns the settings when they are.
func (u *UI) validate() (settings, bool) {
	var s settings
	ok := true
	f, err := parseFunc(u.Func.Text)
	if err != nil {
		ok = false
		u.FuncError.SetText(err.Error())
		u.FuncError.Show()
		u.Func.SetValidationError(err)
	} else {
		u.FuncError.Hide()
		u.Func.SetValidationError(nil)
	}
	dims := 2
	if f != nil {
		dims = f.Dims()
		s.problem = optimizer.Problem{F: f, Source: strings.TrimSpace(u.Func.Text)}
	}
	if dims == 1 {
		u.StartY.Disable()
	} else {
		u.StartY.Enable()
	}
	c := optimizer.DefaultConfig()
	number := func(e *widget.Entry, name string, check func(float64) error) float64 {
		v, err := parseNumber(name, e.Text)
		if err == nil && check != nil {
			err = check(v)
		}
		if dims == 1 && e == u.StartY {
			err = nil
		}
		u.setError(e, u.fieldErrors[e], err)
		if err != nil {
			ok = false
		}
		return v
	}
	c.Start[0] = number(u.StartX, "start x", nil)
	c.Start[1] = number(u.StartY, "start y", nil)
	if dims == 1 {
		c.Start[1] = 0
	}
	c.LR = number(u.LR, "learning rate", func(v float64) error {
		if v <= 0 {
			return fmt.Errorf("the learning rate must be positive")
		}
		return nil
	})
	steps := number(u.Steps, "steps", func(v float64) error {
		if v != math.Trunc(v) || v < 0 {
			return fmt.Errorf("steps must be a whole number ≥ 0")
		}
		if v > maxWindowSteps {
			return fmt.Errorf("at most %d steps in the window", maxWindowSteps)
		}
		return nil
	})
	c.Steps = int(steps)
	if ok {
		if err := c.Validate(dims); err != nil {
			ok = false
			u.Status.SetText(err.Error())
		}
	}
	if ok {
		u.RunButton.Enable()
	} else {
		u.RunButton.Disable()
	}
	s.config = c
	return s, ok
}

// maxWindowSteps caps a run typed into the window.
const maxWindowSteps = 10_000_000

// Run starts the optimizer on the form's settings, cancelling any run in progress.
func (u *UI) Run() {
	s, ok := u.validate()
	if !ok {
		return
	}
	u.cancelRun()
	ctx, cancel := context.WithCancel(context.Background())
	u.gen++
	gen := u.gen
	done := make(chan struct{})
	u.cancel, u.done = cancel, done
	u.RunButton.Disable()
	u.StopButton.Enable()
	u.Status.SetText("Running…")
	go u.work(ctx, gen, s, done)
}

// Stop cancels the run in progress; its last frame stays on screen.
func (u *UI) Stop() { u.cancelRun() }

// Close cancels everything; called when the window closes.
func (u *UI) Close() {
	u.cancelRun()
	u.Figure.Close()
}

// Done is closed when the newest run has ended and its final frame is shown.
func (u *UI) Done() <-chan struct{} { return u.done }

func (u *UI) cancelRun() {
	if u.cancel != nil {
		u.cancel()
		u.cancel = nil
	}
}

// Preview draws the function with the start point, without running.
func (u *UI) Preview() {
	s, ok := u.validate()
	if !ok {
		return
	}
	u.gen++
	done := make(chan struct{})
	u.done = done
	start := optimizer.Point{X: s.config.Start}
	start.F = s.problem.F.Value(start.X[0], start.X[1])
	tr := figure.Trace{Config: s.config, Points: []optimizer.Point{start}, DivergedAt: -1}
	u.Figure.Draw(Frame{Gen: u.gen, Scene: figure.Scene(s.problem, []figure.Trace{tr}, -1),
		Status: "Ready: press Run.", Done: done})
}

// work runs in its own goroutine: it computes the run and requests frames;
// the figure view renders them off the main goroutine and hands each one to
// present.
func (u *UI) work(ctx context.Context, gen uint64, s settings, done chan struct{}) {
	frame := func(points []optimizer.Point, divergedAt int, status string) Frame {
		tr := figure.Trace{Config: s.config, Points: points, DivergedAt: divergedAt}
		return Frame{Gen: gen, Scene: figure.Scene(s.problem, []figure.Trace{tr}, -1), Status: status}
	}
	res := optimizer.Run(ctx, s.problem, s.config, func(p optimizer.Progress) {
		if len(p.Points) == 0 {
			return
		}
		u.Figure.Draw(frame(p.Points, -1, progressText(p.Points[len(p.Points)-1], "running")))
	})
	f := frame(res.Points, res.DivergedAt, resultText(res))
	f.Final, f.Done = true, done
	u.Figure.Draw(f)
}

// present runs on the main goroutine with a rendered frame: the one place
// where the outcome of background work reaches the widgets.
func (u *UI) present(f Frame, show func()) {
	if f.Gen == u.gen {
		show()
		u.Status.SetText(f.Status)
		if f.Final {
			u.cancelRun()
			u.StopButton.Disable()
			u.validate()
		}
	}
}

func progressText(p optimizer.Point, state string) string {
	return fmt.Sprintf("step %d · f = %s · ‖∇f‖ = %s · %s", p.K, formatNum(p.F),
		formatNum(math.Hypot(p.Grad[0], p.Grad[1])), state)
}

func resultText(r optimizer.Result) string {
	state := string(r.Status)
	if r.Status == optimizer.Diverged {
		state = fmt.Sprintf("diverged at step %d", r.DivergedAt)
	}
	if r.Verdict != "" && string(r.Verdict) != string(r.Status) {
		state += " (" + string(r.Verdict) + ")"
	}
	return progressText(r.Final, state)
}

// formatNum prints a number compactly for the form and the status line.
func formatNum(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
