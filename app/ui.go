package app

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
	"gdlab/plotting"
)

// UI is the main window's content. Its widgets are exported so that tests can
// type into them and tap them, as a person would.
type UI struct {
	*controls
	Menu          *widget.Button // presets and lessons
	RunButton     *widget.Button
	StopButton    *widget.Button
	AddButton     *widget.Button
	SweepButton   *widget.Button
	SweepLRs      *widget.Entry
	CompareButton *widget.Button
	CompareWith   *widget.CheckGroup
	RunList       *fyne.Container

	PlayButton    *widget.Button
	BackButton    *widget.Button
	ForwardButton *widget.Button
	RestartButton *widget.Button
	Scrubber      *widget.Slider
	Speed         *widget.Slider // log10 of steps per second, 0 … 3
	SpeedLabel    *widget.Label
	StepLabel     *widget.Label
	LogLoss       *widget.Check // the loss on a log scale
	ShowGradient  *widget.Check // the gradient arrow at the current point
	ShowVelocity  *widget.Check // the update (velocity) arrow at the current point
	Readout       *widget.Label
	Stability     *widget.Label
	LessonTitle   *widget.Label
	LessonText    *widget.Label
	Status        *widget.Label
	Table         *widget.Table
	Tabs          *container.AppTabs
	Split         *container.Split
	body          *fyne.Container // the split, or the figure alone in presentation mode
	details       *fyne.Container // the readout and the stability sentence
	Figure        *FigureView

	win     fyne.Window
	lab     *lab
	content fyne.CanvasObject
	lesson  fyne.CanvasObject

	// Owned by the main goroutine.
	runs      []runItem
	selected  int
	source    string   // the function of the runs
	state     labState // the newest state shown
	table     []optimizer.Point
	idle      []idleWaiter
	seeking   bool // set while the scrubber is moved from code
	stale     bool // the settings changed since the last computation
	prefs     *prefs
	version   string
	look      *labTheme      // the theme with the classroom options
	lessonBox *optimizer.Box // the view box of the open lesson, if any
}

// runItem is one run in the run list.
type runItem struct {
	Config optimizer.Config
	Hidden bool
}

// maxRuns is how many runs the list holds (each gets its own colour).
const maxRuns = plotting.MaxRuns

// NewUI builds the window content for w.
func NewUI(w fyne.Window) *UI { return newUI(w, fyne.DoAndWait) }

// newUI builds the UI with do as the hand-off to the main goroutine; tests
// pass a pump that they drain on their own goroutine, as the app's event
// loop does.
func newUI(w fyne.Window, do func(func())) *UI {
	u := &UI{win: w, look: &labTheme{scale: 1}}
	u.controls = newControls(u.settingsChanged)
	u.Figure = NewFigureView(u.present, do, u.tapStart)
	u.lab = newLab(u.Figure.Draw)

	u.Menu = widget.NewButtonWithIcon("", theme.MenuIcon(), u.showMenu)
	u.RunButton = widget.NewButtonWithIcon(lang.L("Run"), theme.MediaPlayIcon(), u.Run)
	u.RunButton.Importance = widget.HighImportance
	u.StopButton = widget.NewButtonWithIcon(lang.L("Stop"), theme.MediaStopIcon(), u.Stop)
	u.AddButton = widget.NewButtonWithIcon(lang.L("Add run"), theme.ContentAddIcon(), u.AddRun)
	u.SweepLRs = widget.NewEntry()
	u.SweepLRs.SetText("0.01, 0.1, 0.5, 1, 1.1")
	u.SweepButton = widget.NewButton(lang.L("Sweep learning rates"), u.SweepLearningRates)
	names := make([]string, len(optimizer.Methods))
	for i, m := range optimizer.Methods {
		names[i] = string(m)
	}
	u.CompareWith = widget.NewCheckGroup(names, nil)
	u.CompareWith.SetSelected([]string{"gd", "momentum", "adam"})
	u.CompareButton = widget.NewButton(lang.L("Compare methods"), u.CompareMethods)
	u.RunList = container.NewVBox()

	u.PlayButton = widget.NewButtonWithIcon(lang.L("Play"), theme.MediaPlayIcon(), u.lab.togglePlay)
	u.BackButton = widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), func() { u.lab.stepBy(-1) })
	u.ForwardButton = widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), func() { u.lab.stepBy(1) })
	u.RestartButton = widget.NewButtonWithIcon("", theme.MediaReplayIcon(), u.lab.restart)
	u.Scrubber = widget.NewSlider(0, 100)
	u.Scrubber.OnChanged = func(v float64) {
		if !u.seeking {
			u.lab.seek(int(v))
		}
	}
	u.Speed = widget.NewSlider(0, 3)
	u.Speed.Step = 0.05
	u.SpeedLabel = widget.NewLabel("")
	u.Speed.OnChanged = func(v float64) {
		sp := roundSig(pow10(v), 2)
		u.SpeedLabel.SetText(fmt.Sprintf(lang.L("%g steps/s"), sp))
		u.lab.setSpeed(sp)
	}
	u.Speed.SetValue(1)
	u.StepLabel = widget.NewLabel("")
	u.LogLoss = widget.NewCheck(lang.L("log loss"), func(on bool) {
		u.lab.setOptions(func(o *plotting.Options) { o.LogLoss = on })
		u.prefs.saveFigure(u)
	})
	u.ShowGradient = widget.NewCheck(lang.L("gradient arrow"), func(on bool) {
		u.lab.setOptions(func(o *plotting.Options) { o.Gradient = on })
		u.prefs.saveFigure(u)
	})
	u.ShowVelocity = widget.NewCheck(lang.L("update arrow"), func(on bool) {
		u.lab.setOptions(func(o *plotting.Options) { o.Velocity = on })
		u.prefs.saveFigure(u)
	})
	u.Readout = widget.NewLabel("")
	u.Readout.TextStyle.Monospace = true
	u.Readout.Truncation = fyne.TextTruncateClip
	u.Stability = widget.NewLabel("")
	u.Stability.Wrapping = fyne.TextWrapWord
	u.LessonTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	u.LessonText = widget.NewLabel("")
	u.LessonText.Wrapping = fyne.TextWrapWord
	u.Status = widget.NewLabel(lang.L("Ready"))
	u.Status.Truncation = fyne.TextTruncateEllipsis
	u.Table = u.newTable()

	u.content = u.layout()
	return u
}

func (u *UI) layout() fyne.CanvasObject {
	u.lesson = container.NewVBox(u.LessonTitle, u.LessonText, widget.NewSeparator())
	u.lesson.Hide()
	actions := container.NewVBox(
		container.NewGridWithColumns(2, u.RunButton, u.StopButton),
		u.AddButton,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Runs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		u.RunList,
		widget.NewAccordion(
			widget.NewAccordionItem(lang.L("Sweep learning rates"), container.NewVBox(u.SweepLRs, u.SweepButton)),
			widget.NewAccordionItem(lang.L("Compare methods"), container.NewVBox(u.CompareWith, u.CompareButton)),
		),
	)
	left := container.NewVScroll(container.NewPadded(container.NewVBox(
		u.lesson, u.controls.layout(u.Menu), widget.NewSeparator(), actions)))

	player := container.NewBorder(nil, nil,
		container.NewHBox(u.RestartButton, u.BackButton, u.PlayButton, u.ForwardButton), u.StepLabel, u.Scrubber)
	speed := container.NewBorder(nil, nil, widget.NewLabel(lang.L("speed")),
		container.NewHBox(u.SpeedLabel, u.LogLoss, u.ShowGradient, u.ShowVelocity), u.Speed)
	u.details = container.NewVBox(u.Readout, u.Stability)
	details := container.NewVScroll(u.details)
	figureAndDetails := container.NewVSplit(u.Figure, details)
	figureAndDetails.Offset = 0.8
	figure := container.NewBorder(nil, container.NewVBox(player, speed), nil, nil, figureAndDetails)
	exportCSV := widget.NewButtonWithIcon(lang.L("Export CSV…"), theme.DocumentSaveIcon(), u.exportCSVDialog)
	table := container.NewBorder(container.NewHBox(exportCSV), nil, nil, nil, u.Table)
	u.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Figure"), theme.VisibilityIcon(), figure),
		container.NewTabItemWithIcon(lang.L("Iterates"), theme.ListIcon(), table),
	)
	u.Split = container.NewHSplit(left, u.Tabs)
	u.Split.Offset = 0.3
	u.body = container.NewStack(u.Split)
	return container.NewBorder(u.toolbar(), u.Status, nil, nil, u.body)
}

// Content is the window's content.
func (u *UI) Content() fyne.CanvasObject { return u.content }

// Close cancels everything; called when the window closes.
func (u *UI) Close() {
	u.lab.close()
	u.Figure.Close()
}

// Start shows the given runs of f computed, at step 0, paused.
func (u *UI) Start(src string, runs []runItem) {
	u.source = src
	u.runs = runs
	u.selected = 0
	u.controls.show(src, runs[0].Config)
	u.compute(false)
}

// settingsChanged validates the form; a valid form updates the selected run.
func (u *UI) settingsChanged() {
	f, cfg, ok := u.controls.read()
	if !ok {
		u.RunButton.Disable()
		u.Status.SetText(lang.L("Fix the field marked in red to run."))
		return
	}
	u.RunButton.Enable()
	if u.selected < len(u.runs) {
		u.runs[u.selected].Config = cfg
		for i := range u.runs {
			u.runs[i].Config.Steps = cfg.Steps
			if f.Dims() == 1 {
				u.runs[i].Config.Start[1] = 0
			}
		}
	}
	src := strings.TrimSpace(u.Func.Text)
	if src != u.source || u.stale || len(u.state.Runs) != len(u.runs) || !sameConfigs(u.state.Runs, u.runs) {
		u.source = src
		u.stale = true
		u.Status.SetText(lang.L("Settings changed: press Run (Ctrl+R) to compute."))
		u.refreshRunList()
	}
	u.prefs.save(u)
}

func sameConfigs(a []runState, b []runItem) bool {
	for i := range a {
		if a[i].Config != b[i].Config {
			return false
		}
	}
	return true
}

// Run computes every run in the list with the current settings and plays
// them from step 0. A computation in progress is cancelled at once.
func (u *UI) Run() { u.compute(true) }

// compute computes every run; play starts playback from step 0 as soon as
// the first steps are in, otherwise the runs wait at step 0 for Play.
func (u *UI) compute(play bool) {
	f, _, ok := u.controls.read()
	if !ok || len(u.runs) == 0 {
		return
	}
	p := u.problem(f)
	cs := u.configs()
	hidden := make([]bool, len(u.runs))
	for i, r := range u.runs {
		hidden[i] = r.Hidden
		if err := r.Config.Validate(f.Dims()); err != nil {
			u.Status.SetText(fmt.Sprintf(lang.L("Run %d: %v"), i+1, translateConfigError(err.Error())))
			return
		}
	}
	u.stale = false
	u.Status.SetText(lang.L("Computing…"))
	u.StopButton.Enable()
	u.lab.compute(p, cs, hidden, play)
}

// problem is the function of the runs with its view: a lesson's box, or a
// preset's box and known minima when the function is a preset's.
func (u *UI) problem(f *expr.Func) optimizer.Problem {
	p := optimizer.Problem{F: f, Source: u.source}
	if pr := presetFor(u.source); pr != nil {
		b := pr.Box
		p.Box, p.Minima, p.FMin = &b, pr.Minima, pr.FMin
	}
	if u.lessonBox != nil {
		p.Box = u.lessonBox
	}
	return p
}

// configs are the settings of every run in the list.
func (u *UI) configs() []optimizer.Config {
	cs := make([]optimizer.Config, len(u.runs))
	for i, r := range u.runs {
		cs[i] = r.Config
	}
	return cs
}

// Stop cancels the computation and pauses playback.
func (u *UI) Stop() { u.lab.stop() }

func presetFor(src string) *optimizer.Preset {
	for _, p := range optimizer.Presets() {
		if p.Func == src {
			return &p
		}
	}
	return nil
}

// AddRun adds the selected run's settings as a new run and selects it.
func (u *UI) AddRun() {
	if len(u.runs) >= maxRuns {
		u.Status.SetText(fmt.Sprintf(lang.L("At most %d runs: remove one first."), maxRuns))
		return
	}
	r := u.runs[u.selected]
	r.Hidden = false
	u.runs = append(u.runs, r)
	u.selected = len(u.runs) - 1
	u.Run()
}

// SweepLearningRates replaces the runs by one per learning rate of the list,
// each with the selected run's other settings.
func (u *UI) SweepLearningRates() {
	lrs, err := parseLRList(u.SweepLRs.Text)
	if err != nil {
		u.Status.SetText(err.Error())
		return
	}
	u.replaceRuns(len(lrs), func(i int, c *optimizer.Config) { c.LR = lrs[i] })
}

// CompareMethods replaces the runs by one per checked method, each with the
// selected run's learning rate and start.
func (u *UI) CompareMethods() {
	if len(u.CompareWith.Selected) == 0 {
		u.Status.SetText(lang.L("Tick at least one method to compare."))
		return
	}
	var methods []optimizer.Method
	for _, name := range u.CompareWith.Selected {
		if m, err := optimizer.ParseMethod(name); err == nil {
			methods = append(methods, m)
		}
	}
	u.replaceRuns(len(methods), func(i int, c *optimizer.Config) { c.Method = methods[i] })
}

// replaceRuns replaces the run list by n copies of the selected run's
// settings, each changed by vary, and plays them.
func (u *UI) replaceRuns(n int, vary func(i int, c *optimizer.Config)) {
	if n == 0 {
		return
	}
	base := u.runs[u.selected].Config
	runs := make([]runItem, n)
	for i := range runs {
		c := base
		vary(i, &c)
		runs[i] = runItem{Config: c}
	}
	u.runs, u.selected = runs, 0
	u.controls.show(u.source, runs[0].Config)
	u.Run()
}

func parseLRList(s string) ([]float64, error) {
	var lrs []float64
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		v, err := parseNumber(lang.L("learning rates"), part)
		if err != nil {
			return nil, err
		}
		if v <= 0 {
			return nil, fmt.Errorf(lang.L("learning rates must be positive, not %s"), part)
		}
		lrs = append(lrs, v)
	}
	if len(lrs) == 0 {
		return nil, errors.New(lang.L("enter learning rates separated by commas, e.g. 0.01, 0.1, 1"))
	}
	if len(lrs) > maxRuns {
		return nil, fmt.Errorf(lang.L("at most %d learning rates"), maxRuns)
	}
	return lrs, nil
}

// RemoveRun removes run i (the last run cannot be removed).
func (u *UI) RemoveRun(i int) {
	if len(u.runs) <= 1 || i < 0 || i >= len(u.runs) {
		return
	}
	u.runs = append(u.runs[:i], u.runs[i+1:]...)
	if u.selected >= len(u.runs) {
		u.selected = len(u.runs) - 1
	}
	u.controls.show(u.source, u.runs[u.selected].Config)
	u.Run()
}

// SelectRun makes run i the one the form edits and the table shows.
func (u *UI) SelectRun(i int) {
	if i < 0 || i >= len(u.runs) {
		return
	}
	u.selected = i
	u.controls.show(u.source, u.runs[i].Config)
	u.refreshRunList()
	u.applyState(u.state)
}

// SetRunVisible shows or hides run i in the figure.
func (u *UI) SetRunVisible(i int, visible bool) {
	if i < 0 || i >= len(u.runs) {
		return
	}
	u.runs[i].Hidden = !visible
	u.lab.setHidden(i, !visible)
}

// tapStart sets every run's start where the contour (or the curve of f(x))
// was tapped and recomputes.
func (u *UI) tapStart(x, y float64) {
	start := [2]float64{roundSig(x, 3), roundSig(y, 3)}
	if f := u.state.Problem.F; f != nil && f.Dims() == 1 {
		start[1] = 0 // a tap on the curve: y is f(x), not a coordinate
	}
	for i := range u.runs {
		u.runs[i].Config.Start = start
	}
	u.controls.show(u.source, u.runs[u.selected].Config)
	u.Run()
}

// Idle returns a channel closed once a frame has been shown in which nothing
// is computing or playing.
func (u *UI) Idle() <-chan struct{} {
	ch := make(chan struct{})
	u.idle = append(u.idle, idleWaiter{u.lab.touch(), ch})
	return ch
}

// idleWaiter is a caller of Idle: it waits for an idle frame made at or
// after version.
type idleWaiter struct {
	version uint64
	ch      chan struct{}
}

func pow10(v float64) float64 { return math.Pow(10, v) }

func log10(v float64) float64 { return math.Log10(v) }
