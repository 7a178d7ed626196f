package app

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/lesson"
	"gdlab/optimizer"
	"gdlab/session"
)

// lessonView is the open lesson's title and text above the form.
type lessonView struct {
	LessonTitle *widget.Label
	LessonText  *widget.Label
	StopNote    *widget.Label     // a stop's question, in large type over the figure while playback waits at it
	lesson      fyne.CanvasObject // the panel, hidden when no lesson is open
	stopCard    fyne.CanvasObject // StopNote's card, hidden but at a stop
	stops       map[int]string    // the open lesson's stops: step → text in the window's language
	stopList    []lesson.Stop     // the same stops, in order, as the lesson writer starts from them
}

func newLessonView() *lessonView {
	v := &lessonView{}
	v.LessonTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.LessonText = widget.NewLabel("")
	v.LessonText.Wrapping = fyne.TextWrapWord
	v.lesson = container.NewVBox(v.LessonTitle, v.LessonText, widget.NewSeparator())
	v.lesson.Hide()
	v.StopNote = widget.NewLabel("")
	v.StopNote.Wrapping = fyne.TextWrapWord
	v.StopNote.TextStyle.Bold = true
	v.StopNote.SizeName = theme.SizeNameHeadingText
	v.StopNote.Alignment = fyne.TextAlignCenter
	hint := widget.NewLabel(lang.L("Space or Play continues"))
	hint.Alignment = fyne.TextAlignCenter
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	bg.CornerRadius = 8
	v.stopCard = container.NewPadded(container.NewStack(bg, container.NewPadded(container.NewVBox(v.StopNote, hint))))
	v.stopCard.Hide()
	return v
}

// setStops keeps the lesson's stops, their texts in the window's language.
func (v *lessonView) setStops(stops []lesson.Stop) {
	v.stops, v.stopList = map[int]string{}, nil
	for _, st := range stops {
		v.stops[st.Step] = translateLessonString(st.Text)
		v.stopList = append(v.stopList, lesson.Stop{Step: st.Step, Text: v.stops[st.Step]})
	}
}

// showStop shows the question of the stop playback waits at (step, 0 for
// none) over the figure, or hides it.
func (v *lessonView) showStop(step int) {
	text, ok := v.stops[step]
	if step == 0 || !ok {
		v.stopCard.Hide()
		return
	}
	v.StopNote.SetText(text)
	v.stopCard.Show()
}

// OpenLesson puts a lesson's function and runs in the window, shows its
// explanation, and computes it (paused at step 0).
func (u *UI) OpenLesson(l lesson.Lesson) error {
	p, err := l.Problem()
	if err != nil {
		return err
	}
	cs, err := l.Configs()
	if err != nil {
		return err
	}
	items := make([]session.Item, len(cs))
	for i, c := range cs {
		items[i] = session.Item{Config: c}
	}
	u.setSource(l.Data)
	u.learnKey = "" // the lesson's starts, not the model's default
	if l.Data != nil {
		u.learnKey = l.Data.Set + "|" + l.Data.Model
	}
	u.showLesson(translateLessonString(l.Title), translateLessonString(l.Text), l.Stops)
	if l.Speed > 0 {
		u.Speed.SetValue(log10(l.Speed))
	}
	u.lessonBox = nil
	if l.Box != nil {
		u.lessonBox = &optimizer.Box{XMin: l.Box[0], XMax: l.Box[1], YMin: l.Box[2], YMax: l.Box[3]}
	}
	u.start(p, items)
	return nil
}

// OpenLessonFile loads a lesson file; a file that does not load changes nothing.
func (u *UI) OpenLessonFile(path string) error {
	l, err := lesson.LoadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrPermission):
		return errors.New(errText(err)) // the message names the file
	case err != nil:
		return fmt.Errorf(lang.L("%s: %v"), filepath.Base(path), errText(err))
	}
	return u.OpenLesson(l)
}

// lessonToSave is the window's function, runs and lesson text as a lesson;
// a lesson without a title is named after the file.
func (u *UI) lessonToSave(path string) (lesson.Lesson, error) {
	_, _, ok := u.form.read()
	if !ok {
		return lesson.Lesson{}, errors.New(lang.L("fix the settings first"))
	}
	p, err := u.currentProblem()
	if err != nil {
		return lesson.Lesson{}, err
	}
	title := strings.TrimSpace(u.LessonTitle.Text)
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	var cs []optimizer.Config
	for _, it := range u.session.Items() {
		cs = append(cs, it.Config)
	}
	l := lesson.FromSettings(title, u.LessonText.Text, p, cs, u.session.State().Speed)
	l.Box, l.Stops = u.lessonBoxField(), u.stopList
	if u.dataMode() {
		src := u.source(cs[0].Seed)
		if u.csvMode() {
			var err error
			if src, err = u.inlined(src); err != nil {
				return l, err
			}
		}
		l = lesson.FromData(title, u.LessonText.Text, src, p, cs, u.session.State().Speed)
		l.Stops = u.stopList
	}
	return l, nil
}

// lessonBoxField is the open lesson's view box as a lesson file holds it,
// nil for none.
func (u *UI) lessonBoxField() *[4]float64 {
	if b := u.lessonBox; b != nil {
		return &[4]float64{b.XMin, b.XMax, b.YMin, b.YMax}
	}
	return nil
}

// showLesson shows a lesson's title and text and pauses playback at its
// stops.
func (u *UI) showLesson(title, text string, stops []lesson.Stop) {
	u.LessonTitle.SetText(title)
	u.LessonText.SetText(text)
	u.lesson.Show()
	u.setStops(stops)
	steps := make([]int, len(stops))
	for i, st := range stops {
		steps[i] = st.Step
	}
	u.session.SetStops(steps)
}

func (u *UI) hideLesson() {
	u.LessonTitle.SetText("")
	u.LessonText.SetText("")
	u.lesson.Hide()
	u.lessonBox = nil
	u.setStops(nil)
	u.session.SetStops(nil)
	u.showStop(0)
}

func (u *UI) openLessonDialog() {
	u.openDialog([]string{".json"}, func(path string) {
		if err := u.OpenLessonFile(path); err != nil {
			dialog.ShowError(err, u.win)
		}
	})
}

// openDialog asks for a file with one of the extensions exts and hands its
// path to open.
func (u *UI) openDialog(exts []string, open func(path string)) {
	if u.win == nil {
		return
	}
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if rc == nil {
			return
		}
		path := rc.URI().Path()
		rc.Close()
		open(path)
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Show()
}

func (u *UI) saveLessonDialog() {
	u.saveDialog("lesson.json", []string{".json"}, func(path string) error {
		var l lesson.Lesson
		var err error
		u.do(func() { l, err = u.lessonToSave(path) }) // the widgets are read on the main goroutine
		if err != nil {
			return err
		}
		return lesson.Save(path, l) // the file is written off it
	})
}
