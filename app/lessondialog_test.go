//go:build ci

package app

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"gdlab/lesson"
)

// TestWritingALesson: the writer starts from the open lesson (title, text,
// stops), takes what is typed and added, refuses a stop past the last step
// with a message that says so, and what it saves loads back as exactly the
// lesson it wrote.
func TestWritingALesson(t *testing.T) {
	u := newTestUI(t)
	if err := u.OpenLesson(lesson.BuiltIn()[0]); err != nil {
		t.Fatal(err)
	}
	idle(t, u)
	u.WriteLesson()
	w := u.writer
	if w.Title.Text != u.LessonTitle.Text || len(w.Stops) != len(u.stopList) || len(w.Stops) == 0 {
		t.Fatalf("the writer starts with %q and %d stops, the lesson is %q with %d", w.Title.Text, len(w.Stops), u.LessonTitle.Text, len(u.stopList))
	}
	retype(w.Title, "Too large, step by step")
	retype(w.Text, "Watch the steps grow.")
	test.Tap(w.AddStop)
	last := w.Stops[len(w.Stops)-1]
	test.Type(last.Step, "100000")
	test.Type(last.Text, "Where is the point now?")
	if _, err := w.lesson(); err == nil || !strings.Contains(err.Error(), "100000") {
		t.Fatalf("a stop past the last step: %v", err)
	}
	retype(last.Step, "5")
	l, err := w.lesson()
	if err != nil {
		t.Fatal(err)
	}
	if l.Title != "Too large, step by step" || l.Text != "Watch the steps grow." || l.Stops[len(l.Stops)-1] != (lesson.Stop{Step: 5, Text: "Where is the point now?"}) {
		t.Errorf("written: %+v", l)
	}
	path := filepath.Join(t.TempDir(), "written.json")
	if err := lesson.Save(path, l); err != nil {
		t.Fatal(err)
	}
	back, err := lesson.LoadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	l.Format = lesson.FormatV1
	if !reflect.DeepEqual(back, l) {
		t.Errorf("round trip:\n%+v\n%+v", back, l)
	}
	data, _ := os.ReadFile(path)
	again, _ := lesson.Encode(back)
	if string(again) != string(data) {
		t.Errorf("the file does not round-trip exactly:\n%s\n%s", data, again)
	}
	test.Tap(last.Remove)
	if len(w.Stops) != len(l.Stops)-1 {
		t.Errorf("remove: %d stops left", len(w.Stops))
	}
	retype(w.Title, "")
	if _, err := w.lesson(); err == nil || !strings.Contains(err.Error(), "title") {
		t.Errorf("no title: %v", err)
	}
}
