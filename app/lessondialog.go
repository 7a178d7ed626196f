package app

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/lesson"
)

// lessonWriter is the dialog that writes a lesson from the window: its
// title, its text for the class and its stops (a step and a question
// each), with the function, the runs, the view and the speed as the window
// has them. Its fields are exported so that tests type into them; what is
// typed stays when the dialog closes, so nothing is lost to a mistake.
type lessonWriter struct {
	Title   *widget.Entry
	Text    *widget.Entry
	Stops   []stopRow
	AddStop *widget.Button
	Error   *widget.Label // what is wrong with the lesson, shown when Save… finds it

	list *fyne.Container // the stops' rows
	ui   *UI
}

// stopRow is one stop in the writer: its step and its text.
type stopRow struct {
	Step, Text *widget.Entry
	Remove     *widget.Button
}

func newLessonWriter(u *UI) *lessonWriter {
	w := &lessonWriter{ui: u, Title: widget.NewEntry(), Text: widget.NewMultiLineEntry(), Error: widget.NewLabel("")}
	w.Text.Wrapping = fyne.TextWrapWord
	w.Text.SetMinRowsVisible(4)
	w.Error.Importance = widget.DangerImportance
	w.Error.Wrapping = fyne.TextWrapWord
	w.Error.Hide()
	w.list = container.NewVBox()
	w.AddStop = widget.NewButtonWithIcon(lang.L("Add a stop"), theme.ContentAddIcon(), func() { w.addStop(lesson.Stop{}) })
	return w
}

// start fills the writer from the open lesson, if any.
func (w *lessonWriter) start() {
	u := w.ui
	w.Title.SetText(u.LessonTitle.Text)
	w.Text.SetText(u.LessonText.Text)
	w.Stops = nil
	w.list.RemoveAll()
	for _, st := range u.stopList {
		w.addStop(st)
	}
	w.Error.Hide()
}

// addStop adds a row for st.
func (w *lessonWriter) addStop(st lesson.Stop) {
	row := stopRow{Step: widget.NewEntry(), Text: widget.NewEntry()}
	row.Step.SetPlaceHolder(lang.L("step"))
	row.Text.SetPlaceHolder(lang.L("What will the next step do?"))
	if st.Step > 0 {
		row.Step.SetText(strconv.Itoa(st.Step))
	}
	row.Text.SetText(st.Text)
	var line *fyne.Container
	row.Remove = widget.NewButtonWithIcon("", theme.ContentRemoveIcon(), func() {
		for i, r := range w.Stops {
			if r.Step == row.Step {
				w.Stops = append(w.Stops[:i], w.Stops[i+1:]...)
				break
			}
		}
		w.list.Remove(line)
	})
	step := container.NewGridWrap(fyne.NewSize(theme.TextSize()*6, row.Step.MinSize().Height), row.Step)
	line = container.NewBorder(nil, nil, step, row.Remove, row.Text)
	w.Stops = append(w.Stops, row)
	w.list.Add(line)
}

// lesson is the lesson the writer holds, checked as a lesson file is; the
// error says which field is wrong.
func (w *lessonWriter) lesson() (lesson.Lesson, error) {
	title := strings.TrimSpace(w.Title.Text)
	if title == "" {
		return lesson.Lesson{}, errors.New(lang.L("the lesson needs a title"))
	}
	l, err := w.ui.lessonToSave(title + ".json")
	if err != nil {
		return l, err
	}
	l.Title, l.Text, l.Stops = title, strings.TrimSpace(w.Text.Text), nil
	for i, r := range w.Stops {
		k, err := strconv.Atoi(strings.TrimSpace(r.Step.Text))
		if err != nil || k < 1 {
			return l, fmt.Errorf(lang.L("stop %d: the step %q is not a whole number ≥ 1"), i+1, r.Step.Text)
		}
		l.Stops = append(l.Stops, lesson.Stop{Step: k, Text: strings.TrimSpace(r.Text.Text)})
	}
	return l, l.Validate()
}

// content is the dialog's form.
func (w *lessonWriter) content() fyne.CanvasObject {
	return container.NewVBox(
		widget.NewLabel(lang.L("title")), w.Title,
		widget.NewLabel(lang.L("text for the class")), w.Text,
		widget.NewLabel(lang.L("stops: the playback pauses at the step and asks")), w.list, w.AddStop,
		w.Error)
}

// WriteLesson opens the lesson writer, from the open lesson or the
// window's settings; Save… checks the lesson and asks for a file.
func (u *UI) WriteLesson() {
	u.writer.start()
	u.showWriter()
}

// showWriter shows the writer as it is (with its error, after a failed
// Save…).
func (u *UI) showWriter() {
	if u.win == nil {
		return
	}
	d := dialog.NewCustomConfirm(lang.L("Write a lesson"), lang.L("Save…"), lang.L("Cancel"),
		container.NewVScroll(u.writer.content()), func(save bool) {
			if save {
				u.saveWritten()
			}
		}, u.win)
	d.Resize(fyne.NewSize(u.win.Canvas().Size().Width*0.6, u.win.Canvas().Size().Height*0.8))
	d.Show()
}

// saveWritten checks the writer's lesson and saves it where the person
// says, then opens it in the window; a wrong field brings the writer back
// with the message.
func (u *UI) saveWritten() {
	l, err := u.writer.lesson()
	if err != nil {
		u.writer.Error.SetText(errText(err))
		u.writer.Error.Show()
		u.showWriter()
		return
	}
	u.writer.Error.Hide()
	u.saveDialog(l.Title+".json", []string{".json"}, func(path string) error {
		if err := lesson.Save(path, l); err != nil {
			return err
		}
		u.do(func() { u.adoptLesson(l) })
		return nil
	})
}

// adoptLesson shows a lesson just written as the open lesson, without
// recomputing the runs it was written from.
func (u *UI) adoptLesson(l lesson.Lesson) { u.showLesson(l.Title, l.Text, l.Stops) }
