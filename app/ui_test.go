package app

import (
	"bytes"
	"encoding/csv"
	"image"
	"image/color"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/lesson"
	"gdlab/optimizer"
	"gdlab/plotting"
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

// newTestUI opens the window headless and launches it like the app does.
func newTestUI(t *testing.T) *UI {
	t.Helper()
	a := test.NewTempApp(t)
	w := test.NewWindow(nil)
	loop, do := newPump()
	u := newUI(w, do)
	mainLoops[u] = loop
	u.prefs = newPrefs(a.Preferences())
	w.SetContent(u.Content())
	u.installKeys(w)
	w.Resize(fyne.NewSize(1200, 760))
	t.Cleanup(func() { u.Close(); w.Close(); delete(mainLoops, u) })
	u.Launch(nil)
	u.Speed.SetValue(3) // 1,000 steps per second: runs play to their end quickly
	idle(t, u)
	return u
}

// idle runs hand-offs until the window shows a state of the session as new
// as now, in which nothing is computing or playing.
func idle(t *testing.T, u *UI) {
	t.Helper()
	want := u.session.State().Version
	timeout := time.After(60 * time.Second)
	for u.state.Version < want || u.state.Computing || u.state.Playing {
		select {
		case f := <-mainLoops[u]:
			f()
		case <-timeout:
			t.Fatal("the window did not settle within 60 s")
		}
	}
}

// frames runs hand-offs for a while (for playback).
func frames(u *UI, d time.Duration) {
	end := time.After(d)
	for {
		select {
		case f := <-mainLoops[u]:
			f()
		case <-end:
			return
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

func TestLaunchShowsTheTextbookExampleAtStepZero(t *testing.T) {
	u := newTestUI(t)
	st := u.state
	if st.Step != 0 || st.Playing || st.MaxStep != 100 || len(st.Runs) != 1 {
		t.Fatalf("launch state: step %d playing %v max %d runs %d", st.Step, st.Playing, st.MaxStep, len(st.Runs))
	}
	if u.Func.Text != "x^2 + y^2" || u.StartX.Text != "3" || u.StartY.Text != "2" || u.LR.Text != "0.1" {
		t.Errorf("form: %q start (%s, %s) lr %s", u.Func.Text, u.StartX.Text, u.StartY.Text, u.LR.Text)
	}
	// Nothing announces the future: at step 0 the status line speaks of
	// step 0, the outcome comes at the end (TestNothingAnnouncesTheFuture).
	if u.Status.Text != "step 0 of 100" {
		t.Errorf("status %q", u.Status.Text)
	}
	if !strings.Contains(u.Readout.Text, "k=0") || !strings.Contains(u.StepLabel.Text, "step 0 of 100") {
		t.Errorf("readout %q, step %q", u.Readout.Text, u.StepLabel.Text)
	}
	if !strings.Contains(u.Stability.Text, "below the critical 1.0") {
		t.Errorf("stability %q", u.Stability.Text)
	}
	if img, ok := u.Figure.Image().(*image.RGBA); !ok || img.Bounds().Dx() < 100 {
		t.Errorf("no figure on screen: %T", u.Figure.Image())
	}
	final := st.Runs[0].Result.Final.X
	if d := final[0]*final[0] + final[1]*final[1]; d > 1e-16 {
		t.Errorf("lr 0.1 ends at %v, not within 1e-8 of the origin", final)
	}
}

func TestPlaybackStepsScrubsAndPlays(t *testing.T) {
	u := newTestUI(t)
	before := snapshot(u.Figure.Image())
	for i := 0; i < 3; i++ {
		test.Tap(u.ForwardButton)
	}
	idle(t, u)
	if u.state.Step != 3 || !strings.Contains(u.Readout.Text, "k=3") {
		t.Fatalf("after 3 steps forward: step %d, readout %q", u.state.Step, u.Readout.Text)
	}
	if diff(before, snapshot(u.Figure.Image())) < 50 {
		t.Error("stepping forward did not change the figure")
	}
	test.Tap(u.BackButton)
	idle(t, u)
	if u.state.Step != 2 {
		t.Errorf("back: step %d, want 2", u.state.Step)
	}
	u.Scrubber.SetValue(50)
	idle(t, u)
	if u.state.Step != 50 || !strings.Contains(u.StepLabel.Text, "step 50 of 100") {
		t.Errorf("scrubber: step %d, label %q", u.state.Step, u.StepLabel.Text)
	}
	test.Tap(u.RestartButton)
	if u.Speed.SetValue(3); u.SpeedLabel.Text != "1000 steps/s" {
		t.Errorf("speed label %q", u.SpeedLabel.Text)
	}
	frames(u, 30*time.Millisecond)
	if !u.state.Playing {
		t.Error("restart should play")
	}
	idle(t, u) // plays to the end and stops there
	if u.state.Step != 100 || u.state.Playing || u.PlayButton.Text != "Play" {
		t.Errorf("after playing: step %d playing %v button %q", u.state.Step, u.state.Playing, u.PlayButton.Text)
	}
}

func TestKeyboardWhenNoFieldHasFocus(t *testing.T) {
	u := newTestUI(t)
	c := u.win.Canvas()
	key := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}); idle(t, u) }
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	if u.state.Step != 2 {
		t.Errorf("Right Right: step %d", u.state.Step)
	}
	key(fyne.KeyLeft)
	if u.state.Step != 1 {
		t.Errorf("Left: step %d", u.state.Step)
	}
	key(fyne.KeyEnd)
	if u.state.Step != 100 {
		t.Errorf("End: step %d", u.state.Step)
	}
	key(fyne.KeyHome)
	if u.state.Step != 0 {
		t.Errorf("Home: step %d", u.state.Step)
	}
	u.Speed.SetValue(3)
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace})
	frames(u, 50*time.Millisecond)
	if !u.state.Playing {
		t.Error("Space should play")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeySpace})
	idle(t, u)
	if u.state.Playing {
		t.Error("Space again should pause")
	}
	// Ctrl+R recomputes with the typed settings.
	retype(u.LR, "1")
	u.win.Canvas().Focus(nil)
	c.(fyne.Shortcutable).TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault})
	idle(t, u)
	if v := u.state.Runs[0].Result.Verdict; v != optimizer.VerdictOscillating {
		t.Errorf("after Ctrl+R with lr 1: verdict %s, want oscillating", v)
	}
	// In a field Ctrl+R reaches the field (Fyne gives a focused widget
	// every shortcut), which hands it on to the window.
	retype(u.LR, "0.1")
	u.win.Canvas().Focus(u.LR)
	u.LR.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyR, Modifier: fyne.KeyModifierShortcutDefault})
	idle(t, u)
	if r := u.state.Runs[0]; r.Config.LR != 0.1 || r.Result.Verdict != optimizer.VerdictConverged {
		t.Errorf("after Ctrl+R in the field with lr 0.1: lr %v, verdict %s, want converged", r.Config.LR, r.Result.Verdict)
	}
}

func TestRunListSweepCompareRemoveAndHide(t *testing.T) {
	u := newTestUI(t)
	test.Tap(u.AddButton)
	idle(t, u)
	if n := len(u.session.Items()); n != 2 || u.selected != 1 || len(u.RunList.Objects) != 2 {
		t.Fatalf("add: %d runs, selected %d, %d rows", n, u.selected, len(u.RunList.Objects))
	}
	retype(u.SweepLRs, "0.1, 1, 1.1, 1e-6")
	test.Tap(u.SweepButton)
	idle(t, u)
	want := []optimizer.Verdict{optimizer.VerdictConverged, optimizer.VerdictOscillating, optimizer.VerdictDiverged, optimizer.VerdictSlow}
	if len(u.state.Runs) != len(want) {
		t.Fatalf("sweep: %d runs", len(u.state.Runs))
	}
	for i, w := range want {
		if got := u.state.Runs[i].Result.Verdict; got != w {
			t.Errorf("sweep run %d (lr %g): %s, want %s", i+1, u.state.Runs[i].Config.LR, got, w)
		}
		if row := rowText(u, i); !strings.Contains(row, string(w)) {
			t.Errorf("run list row %d %q lacks %q", i+1, row, w)
		}
	}
	if !strings.Contains(u.Status.Text, "3: diverged at step 70") {
		t.Errorf("status %q", u.Status.Text)
	}
	if got := u.state.Runs[1].Result.Final.X; got != [2]float64{3, 2} {
		t.Errorf("lr 1 after 100 steps ends at %v, not back at the start", got)
	}

	u.SetRunVisible(2, false)
	idle(t, u)
	if !u.state.Runs[2].Hidden || strings.Count(u.Readout.Text, "\n") != 2 {
		t.Errorf("hiding run 3: hidden %v, readout %q", u.state.Runs[2].Hidden, u.Readout.Text)
	}
	u.RemoveRun(0)
	idle(t, u)
	if len(u.state.Runs) != 3 || u.state.Runs[0].Config.LR != 1 {
		t.Errorf("remove: %d runs, first lr %g", len(u.state.Runs), u.state.Runs[0].Config.LR)
	}

	u.CompareWith.SetSelected([]string{"gd", "momentum", "adam"})
	retype(u.LR, "0.05")
	test.Tap(u.CompareButton)
	idle(t, u)
	var methods []string
	for _, r := range u.state.Runs {
		methods = append(methods, string(r.Config.Method))
	}
	if strings.Join(methods, ",") != "gd,momentum,adam" {
		t.Errorf("compare: %v", methods)
	}
	u.SelectRun(2)
	if u.Method.Selected != "adam" || !u.rows[u.Params["beta1"]].Visible() || u.rows[u.Params["momentum"]].Visible() {
		t.Errorf("selecting adam: form shows %q, β1 visible %v, μ visible %v", u.Method.Selected, u.rows[u.Params["beta1"]].Visible(), u.rows[u.Params["momentum"]].Visible())
	}
}

func rowText(u *UI, i int) string {
	var texts []string
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			texts = append(texts, w.Text)
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(u.RunList.Objects[i])
	return strings.Join(texts, " ")
}

func TestTapOnTheContourSetsTheStart(t *testing.T) {
	u := newTestUI(t)
	size := u.Figure.Size()
	// The contour is the left half of a wide figure, the top half of a tall one.
	contour, loss := fyne.NewPos(size.Width/4, size.Height/2), fyne.NewPos(size.Width*0.8, size.Height/2)
	if size.Height > size.Width {
		contour, loss = fyne.NewPos(size.Width/2, size.Height/4), fyne.NewPos(size.Width/2, size.Height*0.8)
	}
	test.TapAt(u.Figure, contour)
	idle(t, u)
	start := u.state.Runs[0].Config.Start
	if start == [2]float64{3, 2} {
		t.Fatal("tapping the contour did not move the start")
	}
	if u.StartX.Text != formatNum(start[0]) || u.state.Runs[0].Points[0].X != start {
		t.Errorf("start %v, form %s, first point %v", start, u.StartX.Text, u.state.Runs[0].Points[0].X)
	}
	// Tapping the loss panel changes nothing.
	test.TapAt(u.Figure, loss)
	idle(t, u)
	if u.state.Runs[0].Config.Start != start {
		t.Error("tapping the loss curve moved the start")
	}
}

func TestIterateTableAndExports(t *testing.T) {
	u := newTestUI(t)
	if r, c := u.Table.Length(); r != 101 || c != 10 {
		t.Fatalf("table %d×%d, want 101×10", r, c)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "iterates.csv")
	if err := writeCSVFile(path, 2, u.table); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(path)
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil || len(rows) != 102 || strings.Join(rows[0], ",") != "k,x,y,f,gx,gy,dx,dy,eta,fevals,gevals" || rows[1][1] != "3" || rows[2][1] != "2.4" {
		t.Errorf("csv: %v rows, err %v, header %v, x0 %v, x1 %v", len(rows), err, rows[0], rows[1][1], rows[2][1])
	}
	for _, name := range []string{"fig.png", "fig.svg", "fig.pdf", "anim.gif"} {
		p := filepath.Join(dir, name)
		var err error
		if strings.HasSuffix(name, ".gif") {
			err = u.ExportGIF(p)
		} else {
			err = u.ExportFigure(p)
		}
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		data, _ := os.ReadFile(p)
		magic := map[string]string{".png": "\x89PNG", ".svg": "<?xml", ".pdf": "%PDF", ".gif": "GIF8"}[filepath.Ext(name)]
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s does not start with %q", name, magic)
		}
	}
	if err := u.ExportFigure(filepath.Join(dir, "fig.bmp")); err == nil || !strings.Contains(err.Error(), "unsupported file type") {
		t.Errorf("bmp: %v", err)
	}
}

func TestLessonsOpenSaveAndRejectHostileFiles(t *testing.T) {
	u := newTestUI(t)
	pack := lesson.BuiltIn()
	if len(pack) < 8 {
		t.Fatalf("%d built-in lessons", len(pack))
	}
	var large lesson.Lesson
	for _, l := range pack {
		if strings.Contains(strings.ToLower(l.Title), "large") {
			large = l
		}
	}
	if err := u.OpenLesson(large); err != nil {
		t.Fatal(err)
	}
	idle(t, u)
	if !u.lesson.Visible() || u.LessonTitle.Text != large.Title || len(u.state.Runs) != len(large.Runs) {
		t.Errorf("lesson panel %v %q, %d runs", u.lesson.Visible(), u.LessonTitle.Text, len(u.state.Runs))
	}
	dir := t.TempDir()
	saved := filepath.Join(dir, "mine.json")
	if l, err := u.lessonToSave(saved); err != nil {
		t.Fatal(err)
	} else if err := lesson.Save(saved, l); err != nil {
		t.Fatal(err)
	}
	back, err := lesson.LoadFile(saved)
	if err != nil || back.Title != large.Title || len(back.Runs) != len(large.Runs) || back.Function != large.Function {
		t.Errorf("round trip: %+v, %v", back, err)
	}

	runs := u.session.Items()
	for name, content := range map[string]string{
		"types.json":  `{"format": "gdlab-lesson/1", "title": 3}`,
		"nested.json": strings.Repeat("[", 100000),
		"func.json":   `{"format": "gdlab-lesson/1", "title": "t", "function": "x +* y", "steps": 10, "runs": [{"method": "gd", "lr": 0.1, "start": [1, 2]}]}`,
	} {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(content), 0o644)
		if err := u.OpenLessonFile(p); err == nil {
			t.Errorf("%s opened", name)
		} else if !strings.HasPrefix(err.Error(), name+": ") {
			t.Errorf("%s: message %q does not name the file", name, err)
		}
	}
	if now := u.session.Items(); len(now) != len(runs) || !reflect.DeepEqual(now[0], runs[0]) || u.LessonTitle.Text != large.Title {
		t.Error("a bad lesson file changed the window")
	}
}

func TestPresentationModeAndTheme(t *testing.T) {
	u := newTestUI(t)
	normal := u.look.Size(theme.SizeNameText)
	u.SetPresentation(true)
	idle(t, u)
	if got := u.look.Size(theme.SizeNameText); got != normal*presentationScale {
		t.Errorf("presentation text size %g, want %g", got, normal*presentationScale)
	}
	if u.session.Options().Scale <= 1 {
		t.Errorf("figure scale %g in presentation mode", u.session.Options().Scale)
	}
	u.SetThemeVariant("dark")
	u.SetHighContrast(true)
	if c := u.look.Color(theme.ColorNameBackground, theme.VariantLight); c != color.Black {
		t.Errorf("high-contrast dark background %v", c)
	}
	if !u.session.Options().Dark || !u.session.Options().HighContrast {
		t.Error("the figure does not follow the dark, high-contrast theme")
	}
	u.SetPresentation(false)
	if got := u.look.Size(theme.SizeNameText); got != normal*1 {
		t.Errorf("text size back to %g, want %g", got, normal)
	}
}

func TestPreferencesRememberTheSettings(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "(x-1)^2 + 2(y+1)^2")
	retype(u.LR, "0.05")
	u.SetPresentation(true)
	p := u.prefs
	src, c, ok := p.settings()
	if !ok || src != "(x-1)^2 + 2(y+1)^2" || c.LR != 0.05 {
		t.Errorf("remembered %q lr %g ok %v", src, c.LR, ok)
	}
	if !p.p.Bool("presentation") {
		t.Error("presentation mode not remembered")
	}
	// Learning from data, the start is a model's parameters: not
	// remembered as the function's.
	u.DataSet.SetSelected("line")
	retype(u.StartX, "7")
	if _, c, _ := p.settings(); c.Start[0] == 7 {
		t.Error("a model's start was remembered as the function's")
	}
}

func TestBadInputShowsMessageAtFieldAndDisablesRun(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "x + * y")
	if !u.RunButton.Disabled() {
		t.Error("Run is enabled with an unparsable function")
	}
	if !u.FuncError.Visible() || !strings.Contains(u.FuncError.Text, "column 5") || !u.caretBox.Visible() || u.FuncCaret.Text != "x + * y\n    ^" {
		t.Errorf("function error = %q (visible %v), caret %q, want the column and a caret under it", u.FuncError.Text, u.FuncError.Visible(), u.FuncCaret.Text)
	}
	retype(u.Func, "x^2 + y^2")
	if u.FuncError.Visible() || u.RunButton.Disabled() {
		t.Error("fixing the function should clear its message and enable Run")
	}
	for _, c := range []struct {
		field *textField
		text  string
		want  string
	}{
		{u.LR, "abc", "not a number"},
		{u.LR, "-1", "positive"},
		{u.Steps, "2.5", "whole number"},
		{u.StartX, "", "enter a number"},
		{u.StartY, "1e", "not a number"},
	} {
		old := c.field.Text
		retype(c.field, c.text)
		msg := u.errs[c.field]
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

func TestStopCancelsALongRunAtOnce(t *testing.T) {
	u := newTestUI(t)
	retype(u.Steps, "10000000")
	retype(u.LR, "1e-9")
	test.Tap(u.RunButton)
	test.Tap(u.StopButton)
	idle(t, u)
	if r := u.state.Runs[0].Result; r == nil || r.Status != optimizer.Cancelled {
		t.Fatalf("after Stop: %+v", r)
	}
	if !strings.Contains(u.Status.Text, "cancelled") {
		t.Errorf("status %q", u.Status.Text)
	}
}

func TestTextbookCasesInTheWindow(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "x[0]**2 + x[1]**2")
	u.Gradient.SetSelected("numeric")
	test.Tap(u.RunButton)
	idle(t, u)
	if x := u.state.Runs[0].Result.Final.X; x[0]*x[0]+x[1]*x[1] > 1e-12 {
		t.Errorf("numeric gradient ends at %v", x)
	}
	retype(u.LR, "1e-6")
	test.Tap(u.RunButton)
	idle(t, u)
	if x := u.state.Runs[0].Result.Final.X; x[0] < 2.999 || x[1] < 1.999 {
		t.Errorf("lr 1e-6 moved to %v", x)
	}
	retype(u.Func, "(x-1)^2")
	if !u.StartY.Disabled() {
		t.Error("start y should be disabled for f(x)")
	}
	test.Tap(u.RunButton)
	idle(t, u)
	if !strings.Contains(u.Status.Text, "after 100 steps") {
		t.Errorf("f(x) status %q", u.Status.Text)
	}
}

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

func TestLearningRateSliderPresetsAndHyperparameters(t *testing.T) {
	u := newTestUI(t)
	u.LRSlider.SetValue(-2)
	if it, _ := u.session.Item(0); u.LR.Text != "0.01" || it.Config.LR != 0.01 {
		t.Errorf("slider at 1e-2: entry %q, run lr %g", u.LR.Text, it.Config.LR)
	}
	retype(u.LR, "1")
	if u.LRSlider.Value != 0 {
		t.Errorf("lr 1 puts the slider at %g, want 0", u.LRSlider.Value)
	}
	if u.LRSlider.Min != -6 || u.LRSlider.Max != 1 {
		t.Errorf("slider range 1e%g…1e%g, want 1e-6…10", u.LRSlider.Min, u.LRSlider.Max)
	}

	u.Method.SetSelected("momentum")
	if !u.rows[u.Params["momentum"]].Visible() || u.rows[u.Params["beta1"]].Visible() || u.rows[u.Params["eps"]].Visible() {
		t.Error("momentum shows μ only")
	}
	mu := u.Params["momentum"]
	retype(mu, "1.5")
	if !u.RunButton.Disabled() || !strings.Contains(u.errs[mu].Text, "below 1") {
		t.Errorf("μ = 1.5: %q", u.errs[mu].Text)
	}
	retype(mu, "0.5")
	if it, _ := u.session.Item(0); it.Config.Param("momentum") != 0.5 || it.Config.Method != optimizer.Momentum {
		t.Errorf("run config %+v", it.Config)
	}
	u.Gradient.SetSelected("numeric")
	if !u.rows[u.H].Visible() {
		t.Error("the numeric gradient shows h")
	}
	retype(u.H, "1e-3")
	if it, _ := u.session.Item(0); it.Config.Gradient != optimizer.Numeric || it.Config.H != 1e-3 {
		t.Errorf("numeric h: %+v", it.Config)
	}

	u.LoadPreset("himmelblau")
	idle(t, u)
	p, _ := optimizer.PresetByName("himmelblau")
	if u.Func.Text != p.Func || u.state.Runs[0].Config.Start != p.Start || u.state.Problem.Box == nil || len(u.state.Problem.Minima) != 4 {
		t.Errorf("preset: %q start %v box %v minima %d", u.Func.Text, u.state.Runs[0].Config.Start, u.state.Problem.Box, len(u.state.Problem.Minima))
	}
	u.showMenu()                 // opens the pop-up menu of lessons and functions without trouble
	u.lookAction().OnActivated() // the appearance menu opens
	u.SetThemeVariant("light")
	if u.themeVariantName() != "light" || u.prefs.p.String("theme") != "light" {
		t.Errorf("theme: %s, remembered %q", u.themeVariantName(), u.prefs.p.String("theme"))
	}
	test.Tap(u.LogLoss)
	test.Tap(u.ShowGradient)
	idle(t, u)
	if o := u.session.Options(); !o.LogLoss || !o.Gradient || o.Velocity {
		t.Errorf("figure options %+v", o)
	}
}

func TestTapOnTheCurveOfAFunctionOfX(t *testing.T) {
	u := newTestUI(t)
	retype(u.Func, "(x-1)^2")
	test.Tap(u.RunButton)
	idle(t, u)
	size := u.Figure.Size()
	curve := fyne.NewPos(size.Width/4, size.Height/2)
	if size.Height > size.Width {
		curve = fyne.NewPos(size.Width/2, size.Height/4)
	}
	test.TapAt(u.Figure, curve)
	idle(t, u)
	start := u.state.Runs[0].Config.Start
	if start[0] == 3 || start[1] != 0 || u.state.Runs[0].Points[0].X != start {
		t.Errorf("tap on the curve: start %v, first point %v", start, u.state.Runs[0].Points[0].X)
	}
}

func TestGradientFieldAndTheNumericGradientsError(t *testing.T) {
	u := newTestUI(t)
	before := snapshot(u.Figure.Image())
	test.Tap(u.ShowField)
	idle(t, u)
	if !u.session.Options().Field || diff(before, snapshot(u.Figure.Image())) < 200 {
		t.Error("the gradient field is not drawn")
	}
	u.ViewChoice.SetSelectedIndex(1)
	idle(t, u)
	if u.session.Options().View != plotting.ViewHError || diff(before, snapshot(u.Figure.Image())) < 1000 {
		t.Error("the error of the numeric gradient is not shown")
	}
	u.ViewChoice.SetSelectedIndex(0)
	idle(t, u)
	if u.session.Options().View != plotting.ViewBoth {
		t.Error("back to contour and loss")
	}
}

func TestGradientFormulaConventionAndPythonExport(t *testing.T) {
	u := newTestUI(t)
	frames(u, 100*time.Millisecond)
	if u.FuncGradient.Text != "∂f/∂x = 2*x\n∂f/∂y = 2*y" {
		t.Errorf("gradient formula %q", u.FuncGradient.Text)
	}
	retype(u.Func, "sin(x)*cos(y)")
	frames(u, 100*time.Millisecond)
	if u.FuncGradient.Text != "∂f/∂x = cos(x)*cos(y)\n∂f/∂y = -sin(x)*sin(y)" {
		t.Errorf("gradient formula %q", u.FuncGradient.Text)
	}
	retype(u.Func, "x^2 + y^2")
	u.Method.SetSelected("adam")
	if !u.rows[u.Params["eps"]].Visible() {
		t.Error("torch's adam shows ε")
	}
	u.Convention.SetSelected("book")
	if u.rows[u.Params["eps"]].Visible() {
		t.Error("the book's adam has a fixed ε: no field")
	}
	test.Tap(u.RunButton)
	idle(t, u)
	if c := u.state.Runs[0].Config; c.Convention != optimizer.ConventionBook || c.Method != optimizer.Adam {
		t.Errorf("computed %+v", c)
	}
	path := filepath.Join(t.TempDir(), "run.py")
	if err := u.ExportPython(path); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "lr_t = 0.1 * np.sqrt(") {
		t.Errorf("the script does not use the book's Adam:\n%s", data)
	}
}

func TestNewtonSuggestsItsLearningRate(t *testing.T) {
	u := newTestUI(t)
	u.Method.SetSelected("newton")
	if it, _ := u.session.Item(0); u.LR.Text != "1" || it.Config.LR != 1 || !u.rows[u.Params["damping"]].Visible() {
		t.Errorf("newton: lr field %q, run lr %g", u.LR.Text, it.Config.LR)
	}
	u.Method.SetSelected("gd")
	if u.LR.Text != "0.1" {
		t.Errorf("back to gd: lr field %q, want the default again", u.LR.Text)
	}
}
