package app

import (
	"fmt"
	"image"
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
	"gdlab/session"
)

// UI is the main window's content, made of parts with one job each: the
// form, the run list, the player and the readout. Their widgets are
// exported (through the embedded parts) so that tests type into them and
// tap them, as a person would. The runs themselves belong to the session;
// the UI keeps only which one is selected and the newest state shown.
type UI struct {
	*form
	*runList
	*player
	*readout
	*lessonView
	Menu         *widget.Button // presets and lessons
	RunButton    *widget.Button
	StopButton   *widget.Button
	LogLoss      *widget.Check  // the loss on a log scale
	ShowGradient *widget.Check  // the gradient arrow at the current point
	ShowVelocity *widget.Check  // the update (velocity) arrow at the current point
	ShowField    *widget.Check  // the field of −∇f over the contour
	ShowRate     *widget.Check  // the learning rate of each step under the loss
	ShowArrows   *widget.Check  // the optimizer state's arrow: momentum's velocity, Adam's −η·m̂, Newton's step
	ShowSteps    *widget.Check  // the per-coordinate effective steps of AdaGrad, RMSProp and Adam
	ShowAxes     *widget.Check  // the Hessian's principal directions (Newton)
	ShowMenu     *widget.Button // opens the figure's layers (the check boxes above but log loss)
	ShowResults  *widget.Check  // tell the runs' outcomes before playback reaches them
	ViewChoice   *widget.Select // the figure: contour and loss, the numeric gradient's error against h, or the surface
	planes       *planeBar      // the slice or plane of a function of more than two variables
	viewsFor     [2]int         // the variables and the learning (0/1) the view choice's options are for
	presenter    *presenter     // presentation mode's layout
	toolbarBox   fyne.CanvasObject
	writer       *lessonWriter // the dialog that writes a lesson
	cost         gradCost      // the numeric gradient's measured cost
	Tabs         *container.AppTabs
	Split        *container.Split
	figureSplit  *container.Split // the figure over the readout and the worked step
	body         *fyne.Container  // the split, or the figure alone in presentation mode
	Figure       *FigureView

	win     fyne.Window
	do      func(func()) // the one hand-off to the main goroutine (fyne.DoAndWait in the app)
	session *session.Session
	paint   *painter
	content fyne.CanvasObject

	// Owned by the main goroutine.
	selected  int
	state     session.State // the newest state shown
	formOK    bool          // the form's fields are all valid
	prefs     *prefs
	version   string
	look      *labTheme      // the theme with the classroom options
	lessonBox *optimizer.Box // the view box of the open lesson, if any
	surf      surfaceControl // the surface view's camera
}

// NewUI builds the window content for w.
func NewUI(w fyne.Window) *UI { return newUI(w, fyne.DoAndWait) }

// newUI builds the UI with do as the hand-off to the main goroutine; tests
// pass a pump that they drain on their own goroutine, as the app's event
// loop does.
func newUI(w fyne.Window, do func(func())) *UI {
	u := &UI{win: w, do: do, look: &labTheme{scale: 1}, formOK: true}
	u.paint = newPainter(do, u.present)
	u.Figure = NewFigureView(u.paint.resize, u.tapped)
	u.paint.view = u.Figure
	u.installSurfaceGestures()
	u.Figure.gestures.hover = u.hoverText
	u.session = session.New(u.paint.draw, plotting.Options{View: plotting.ViewBoth, Labels: figureLabels()})
	u.form = newForm(u.settingsChanged)
	u.form.parsed = u.showGradientFormula
	u.runList = newRunList(u)
	u.player = newPlayer(u.session)
	u.readout = newReadout()
	u.lessonView = newLessonView()

	u.Menu = widget.NewButtonWithIcon("", theme.MenuIcon(), u.showMenu)
	u.RunButton = widget.NewButtonWithIcon(lang.L("Run"), theme.MediaPlayIcon(), u.Run)
	u.RunButton.Importance = widget.HighImportance
	u.StopButton = widget.NewButtonWithIcon(lang.L("Stop"), theme.MediaStopIcon(), u.Stop)
	u.presenter = newPresenter(u.toggleControls)
	u.writer = newLessonWriter(u)
	u.readout.cost = u.costSentence
	u.Browse.OnTapped = u.browseCSV
	u.content = u.layout()
	return u
}

// The figure's share of the height over the readout: room for the numbers,
// the stability sentence and the worked step, and more of the figure in
// presentation mode, where the class looks at it.
const (
	detailsOffset      = 0.66
	presentationOffset = 0.82
)

// figureLabels are the words the figures draw, in the window's language.
func figureLabels() *plotting.Labels {
	return &plotting.Labels{
		Step:         lang.L("step"),
		Shifted:      lang.L("shifted to stay positive"),
		Clipped:      lang.L("clipped"),
		Run:          lang.L("run %d"),
		DivergedAt:   lang.L("diverged at step %d"),
		StepH:        lang.L("step h"),
		Error:        lang.L("error"),
		Forward:      lang.L("forward difference"),
		Central:      lang.L("central difference"),
		ChosenH:      lang.L("chosen h"),
		ZeroAtBottom: lang.L("0 drawn at the bottom"),
		Rate:         lang.L("learning rate η"),
		LogScale:     lang.L("log scale"),

		Coordinate:    lang.L("coordinate"),
		CoordsOmitted: lang.L("the %d of %d that move most"),
		SliceNote:     lang.L("slice through %s, the path projected onto it"),
		AtStart:       lang.L("the start"),
		AtCurrent:     lang.L("the current point"),
		AtEnd:         lang.L("the end point"),
		PlaneNote:     lang.L("plane of the path's two main directions: %s of its variance"),
		TestNote:      lang.L("dashed: on the test rows"),
		RowsShown:     lang.L("%d of %d rows drawn"),
		Accuracy:      lang.L("accuracy"),
	}
}

func (u *UI) layout() fyne.CanvasObject {
	// Run and Stop stay in view under the form and the run list, however
	// long the form grows.
	left := container.NewBorder(nil, container.NewPadded(container.NewGridWithColumns(2, u.RunButton, u.StopButton)), nil, nil,
		container.NewVScroll(container.NewPadded(container.NewVBox(
			u.lesson, u.form.layout(u.Menu), widget.NewSeparator(), u.runList.layout()))))
	u.figureSplit = container.NewVSplit(u.Figure, container.NewVScroll(u.details))
	u.figureSplit.Offset = detailsOffset
	figureAndDetails := u.figureSplit
	figure := container.NewBorder(nil, u.player.layout(u.figureSwitches()), nil, nil,
		container.NewStack(figureAndDetails, container.NewVBox(u.stopCard)))
	u.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Figure"), theme.VisibilityIcon(), figure),
		container.NewTabItemWithIcon(lang.L("Iterates"), theme.ListIcon(), u.readout.tableLayout(u.exportCSVDialog)),
	)
	u.Split = container.NewHSplit(left, u.Tabs)
	u.Split.Offset = 0.3
	u.body = container.NewStack(u.Split)
	u.toolbarBox = u.toolbar()
	return container.NewBorder(u.toolbarBox, u.Status, nil, nil, u.body)
}

// figureSwitches are the check boxes of the figure's options.
func (u *UI) figureSwitches() fyne.CanvasObject {
	check := func(label string, set func(*plotting.Options, bool)) *widget.Check {
		return widget.NewCheck(label, func(on bool) {
			u.session.SetOptions(func(o *plotting.Options) { set(o, on) })
			u.prefs.saveFigure(u)
		})
	}
	u.LogLoss = check(lang.L("log loss"), func(o *plotting.Options, on bool) { o.LogLoss = on })
	u.ShowGradient = check(lang.L("gradient arrow"), func(o *plotting.Options, on bool) { o.Gradient = on })
	u.ShowVelocity = check(lang.L("update arrow"), func(o *plotting.Options, on bool) { o.Velocity = on })
	u.ShowField = check(lang.L("gradient field"), func(o *plotting.Options, on bool) { o.Field = on })
	u.ShowRate = check(lang.L("learning rate panel"), func(o *plotting.Options, on bool) { o.Rate = on })
	u.ShowArrows = check(lang.L("state: velocity, m̂, Newton step"), func(o *plotting.Options, on bool) { o.StateArrows = on })
	u.ShowSteps = check(lang.L("state: per-coordinate steps"), func(o *plotting.Options, on bool) { o.StateSteps = on })
	u.ShowAxes = check(lang.L("state: Hessian axes"), func(o *plotting.Options, on bool) { o.StateAxes = on })
	u.ShowResults = widget.NewCheck(lang.L("results before the end"), func(bool) {
		u.showState()
		u.prefs.saveFigure(u)
	})
	views := viewNames(allViewChoices)
	u.ViewChoice = widget.NewSelect(views, func(v string) {
		view := plotting.ViewBoth
		for _, c := range allViewChoices {
			if v == lang.L(c.name) {
				view = c.view
			}
		}
		u.session.SetOptions(func(o *plotting.Options) { o.View = view })
	})
	u.ViewChoice.SetSelectedIndex(0)
	layers := container.NewVBox(u.ShowGradient, u.ShowVelocity, u.ShowField, u.ShowRate, widget.NewSeparator(),
		u.ShowArrows, u.ShowSteps, u.ShowAxes, widget.NewSeparator(), u.ShowResults)
	u.ShowMenu = widget.NewButtonWithIcon(lang.L("Show…"), theme.VisibilityIcon(), nil)
	u.ShowMenu.OnTapped = func() {
		pop := widget.NewPopUp(layers, u.win.Canvas())
		at := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.ShowMenu)
		pop.ShowAtPosition(at.Add(fyne.NewPos(0, u.ShowMenu.Size().Height)))
	}
	u.planes = newPlaneBar(u.session.SetProjection)
	return container.NewVBox(container.NewHBox(container.New(widestOption{views}, u.ViewChoice), u.LogLoss, u.ShowMenu), u.planes.box)
}

// Content is the window's content.
func (u *UI) Content() fyne.CanvasObject { return u.content }

// Close cancels everything; called when the window closes.
func (u *UI) Close() {
	u.session.Close()
	u.paint.close()
}

// present runs on the main goroutine with each frame's image (nil when
// there was nothing to draw) and the state it shows.
func (u *UI) present(img image.Image, st session.State) {
	if img != nil {
		u.Figure.show(img)
	}
	u.state = st
	u.followFunction(st)
	u.followDims(st)
	u.player.apply(st)
	if st.Computing {
		u.StopButton.Enable()
	} else {
		u.StopButton.Disable()
	}
	u.showState()
}

// showState shows the newest state in the readout, the run list and the
// status line, with the outcomes that may be told at its step.
func (u *UI) showState() {
	oc := outcomes{st: u.state, all: u.ShowResults.Checked}
	u.showStop(u.state.Stop)
	u.readout.apply(u.state, u.selected, oc)
	u.runList.apply(u.state, u.selected, oc)
	u.readout.status(u.state, u.formOK, oc)
}

// start shows the runs of problem p computed, at step 0, paused, and puts
// the first in the form.
func (u *UI) start(p optimizer.Problem, items []session.Item) {
	u.selectRun(0)
	src := p.Source
	if u.dataMode() {
		src = u.Func.Text // the function field keeps its text while the runs learn from data
	}
	u.form.show(src, items[0].Config)
	u.session.Start(p, items, false)
}

// currentProblem is the form's problem: the model's loss over its
// parameters with a data set chosen, else the typed function.
func (u *UI) currentProblem() (optimizer.Problem, error) {
	if u.learning != nil {
		return u.learning.Problem, nil
	}
	return u.problem(u.Func.Text)
}

// problem is the function src with its view: the open lesson's box, else a
// preset's box and known minima when src is a preset's function.
func (u *UI) problem(src string) (optimizer.Problem, error) {
	return optimizer.NewProblem(src, u.lessonBox)
}

// settingsChanged validates the form; a valid form updates the selected run.
func (u *UI) settingsChanged() {
	dims, cfg, ok := u.form.read()
	u.formOK = ok
	if !ok {
		u.RunButton.Disable()
		u.readout.status(u.state, false, outcomes{st: u.state, all: u.ShowResults.Checked})
		return
	}
	u.RunButton.Enable()
	if p, err := u.currentProblem(); err == nil {
		u.session.SetProblem(p)
	}
	u.session.Edit(u.selected, cfg, dims)
	if !u.form.dataMode() { // a model's parameters are not a start for the function
		u.prefs.save(u.Func.Text, cfg)
	}
}

// Run computes every run in the list with the current settings and plays
// them from step 0. A computation in progress is cancelled at once.
func (u *UI) Run() { u.compute(true) }

// compute computes every run; play starts playback from step 0 as soon as
// the first steps are in, otherwise the runs wait at step 0 for Play.
func (u *UI) compute(play bool) {
	dims, _, ok := u.form.read()
	if !ok {
		return
	}
	for i, it := range u.session.Items() {
		if err := it.Config.Validate(dims); err != nil {
			u.Status.SetText(fmt.Sprintf(lang.L("Run %d: %v"), i+1, errText(err)))
			return
		}
	}
	u.Status.SetText(lang.L("Computing…"))
	u.StopButton.Enable()
	u.session.Compute(play)
}

// Stop cancels the computation and pauses playback.
func (u *UI) Stop() { u.session.Stop() }

// tapped sets every run's start where the contour (or the curve of f(x))
// was tapped and recomputes.
func (u *UI) tapped(px image.Point) {
	x, y, ok := u.paint.dataAt(px)
	if !ok {
		return
	}
	start := [2]float64{roundSig(x, 3), roundSig(y, 3)}
	if f := u.state.Problem.F; f != nil && f.Dims() == 1 {
		start[1] = 0 // a tap on the curve: y is f(x), not a coordinate
	}
	u.session.SetStarts(start)
	if it, ok := u.session.Item(u.selected); ok {
		u.form.show(u.Func.Text, it.Config)
	}
}

func pow10(v float64) float64 { return math.Pow(10, v) }

func log10(v float64) float64 { return math.Log10(v) }

// selectRun makes run i the selected one, here and in the session (whose
// state then writes out its steps).
func (u *UI) selectRun(i int) {
	u.selected = i
	u.session.SetSelected(i)
}

// showGradientFormula works out f's gradient as formulas off the main
// goroutine (long inputs take milliseconds) and shows them under the
// function field if the field still holds f.
func (u *UI) showGradientFormula(f *expr.Func) {
	go func() {
		text := strings.Join(f.GradientLines(), "\n")
		u.do(func() {
			if u.form.gradOf == f.Source() {
				u.FuncGradient.SetText(text)
			}
		})
	}()
}
