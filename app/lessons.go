package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"gdlab/lesson"
)

// builtInLessons is the lesson pack shipped in assets/lessons.
func builtInLessons() []lesson.Lesson { return lesson.BuiltIn() }

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
	runs := make([]runItem, len(cs))
	for i, c := range cs {
		runs[i] = runItem{Config: c}
	}
	u.LessonTitle.SetText(translateLessonString(l.Title))
	u.LessonText.SetText(translateLessonString(l.Text))
	u.lesson.Show()
	if l.Speed > 0 {
		u.Speed.SetValue(log10(l.Speed))
	}
	u.lessonBox = p.Box
	u.Start(p.Source, runs)
	return nil
}

// OpenLessonFile loads a lesson file; a file that does not load changes nothing.
func (u *UI) OpenLessonFile(path string) error {
	l, err := lesson.LoadFile(path)
	if err != nil {
		return fmt.Errorf(lang.L("%s: %v"), filepath.Base(path), err)
	}
	return u.OpenLesson(l)
}

// SaveLessonFile saves the function and runs as a lesson file (atomically).
func (u *UI) SaveLessonFile(path string) error {
	l, err := u.lessonToSave(path)
	if err != nil {
		return err
	}
	return lesson.Save(path, l)
}

// lessonToSave is the window's function, runs and lesson text as a lesson;
// a lesson without a title is named after the file.
func (u *UI) lessonToSave(path string) (lesson.Lesson, error) {
	f, _, ok := u.controls.read()
	if !ok {
		return lesson.Lesson{}, errors.New(lang.L("fix the settings first"))
	}
	title := strings.TrimSpace(u.LessonTitle.Text)
	if title == "" {
		title = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	}
	return lesson.FromSettings(title, u.LessonText.Text, u.problem(f), u.configs(), u.state.Speed), nil
}

func (u *UI) hideLesson() {
	u.LessonTitle.SetText("")
	u.LessonText.SetText("")
	u.lesson.Hide()
	u.lessonBox = nil
}

func (u *UI) openLessonDialog() {
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
		if err := u.OpenLessonFile(path); err != nil {
			dialog.ShowError(err, u.win)
		}
	}, u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".json"}))
	d.Show()
}

func (u *UI) saveLessonDialog() {
	u.saveDialog("lesson.json", []string{".json"}, func(path string) error {
		var l lesson.Lesson
		var err error
		u.Figure.do(func() { l, err = u.lessonToSave(path) }) // the widgets are read on the main goroutine
		if err != nil {
			return err
		}
		return lesson.Save(path, l) // the file is written off it
	})
}
