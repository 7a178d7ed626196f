//go:build ci

package app

import (
	"image"
	"math"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"gdlab/lesson"
	"gdlab/model"
)

// TestLearningFromDataInTheWindow: choosing the data set line makes the
// runs fit w and b from (0, 0) and offers the data view, which is chosen;
// a batch size makes them learn from mini-batches; a model that does not
// fit says so at its field; a lesson written from it learns from the same
// data, and choosing no data set brings the function back.
func TestLearningFromDataInTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.DataSet.SetSelected("line")
	if !u.dataRow.Visible() || u.StartX.Text != "0" || u.StartY.Text != "0" || !u.Func.Disabled() {
		t.Fatalf("data row %v, start (%s, %s), function disabled %v", u.dataRow.Visible(), u.StartX.Text, u.StartY.Text, u.Func.Disabled())
	}
	retype(u.LR, "0.05")
	retype(u.Steps, "300")
	test.Tap(u.RunButton)
	idle(t, u)
	frames(u, 100*time.Millisecond)
	l := model.LossOf(u.state.Problem.F)
	if l == nil || l.D.Name != "line" {
		t.Fatalf("the computed problem is %q", u.state.Problem.Source)
	}
	if u.ViewChoice.Selected != "data, loss over the parameters and loss" {
		t.Errorf("view %q, want the data view", u.ViewChoice.Selected)
	}
	if w := u.state.Runs[0].Result.Final.X; w[0] < 1.8 || w[0] > 2.2 {
		t.Errorf("fitted w = %v, want about 2", w[0])
	}
	retype(u.Batch, "8")
	test.Tap(u.RunButton)
	idle(t, u)
	if r := u.state.Runs[0]; r.Config.Batch != 8 || r.Result.Points[3].Batch == 0 {
		t.Errorf("batches of 8: run batch %d, batch loss %v", r.Config.Batch, r.Result.Points[3].Batch)
	}
	l2, err := u.lessonToSave("fit.json")
	if err != nil || l2.Data == nil || l2.Data.Set != "line" || l2.Runs[0].Batch != 8 || l2.Function != "" {
		t.Errorf("lesson from the window: %+v %+v %v", l2.Data, l2.Runs, err)
	}
	if data, err := lesson.Encode(l2); err != nil || !strings.Contains(string(data), `"data": {"set": "line"`) {
		t.Errorf("encoded: %s %v", data, err)
	}
	u.ModelName.SetText("mlp:4")
	if msg := u.errs[&u.ModelName.Entry]; !u.RunButton.Disabled() || !msg.Visible() || !strings.Contains(msg.Text, "takes 2 input column(s)") {
		t.Errorf("mlp:4 on line: Run disabled %v, %q", u.RunButton.Disabled(), msg.Text)
	}
	u.DataSet.SetSelectedIndex(0)
	if u.dataRow.Visible() || u.Func.Disabled() || u.RunButton.Disabled() {
		t.Error("no data set: the function is not back")
	}
}

// TestFittingYourOwnCSV: a CSV file of two columns is fitted; a column not
// in its header is named at the field.
func TestFittingYourOwnCSV(t *testing.T) {
	u := newTestUI(t)
	path := t.TempDir() + "/hours.csv"
	if err := os.WriteFile(path, []byte("hours,score\n1,3\n2,5\n3,7\n4,9\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.DataSet.SetSelected("a CSV file")
	if !u.fileRow.Visible() {
		t.Fatal("no file fields")
	}
	retype(u.DataFile, path)
	retype(u.Columns, "hours,grade")
	if msg := u.errs[u.DataFile]; !u.RunButton.Disabled() || !strings.Contains(msg.Text, `no column "grade"`) {
		t.Errorf("a missing column: Run disabled %v, %q", u.RunButton.Disabled(), msg.Text)
	}
	retype(u.Columns, "hours,score")
	retype(u.LR, "0.02")
	retype(u.Steps, "20000")
	test.Tap(u.RunButton)
	idle(t, u)
	if w := u.state.Runs[0].Result.Final.X; math.Abs(w[0]-2) > 1e-4 || math.Abs(w[1]-1) > 1e-3 {
		t.Errorf("the CSV's line: %v, want w = 2, b = 1", w)
	}
	// A lesson written from it holds the rows, opens where the file is
	// not, and learns the same line.
	retype(u.TestShare, "0.25")
	l, err := u.lessonToSave("hours.json")
	if err != nil || l.Data == nil || l.Data.Set != "" || len(l.Data.Rows) != 4 || l.Data.Rows[3][1] != 9 ||
		strings.Join(l.Data.Columns, ",") != "hours,score" || l.Data.TestFraction != 0.25 {
		t.Fatalf("lesson from a CSV: %+v %v", l.Data, err)
	}
	os.Remove(path)
	data, _ := lesson.Encode(l)
	back, err := lesson.Parse(data)
	if err != nil {
		t.Fatalf("%v\n%s", err, data)
	}
	other := newTestUI(t)
	if err := other.OpenLesson(back); err != nil {
		t.Fatal(err)
	}
	idle(t, other)
	if other.DataSet.Selected != "the lesson's rows" || other.TestShare.Text != "0.25" || other.fileRow.Visible() {
		t.Errorf("opened: data set %q, test share %q, file fields %v", other.DataSet.Selected, other.TestShare.Text, other.fileRow.Visible())
	}
	if ls := model.LossOf(other.state.Problem.F); ls == nil || ls.D.Rows() != 3 || ls.Test == nil {
		t.Errorf("the opened lesson learns from %q", other.state.Problem.Source)
	}
	if again, err := other.lessonToSave("again.json"); err != nil || !reflect.DeepEqual(again.Data, l.Data) {
		t.Errorf("saved again: %+v %v, want %+v", again.Data, err, l.Data)
	}
}

// TestCSVErrorsInGerman: in German the window shows a bad CSV file's
// error in German, still naming the file, the line and the column, and a
// model's error at the model field.
func TestCSVErrorsInGerman(t *testing.T) {
	withLocale(t, "LANG=de_DE.UTF-8")
	u := newTestUI(t)
	path := t.TempDir() + "/hours.csv"
	if err := os.WriteFile(path, []byte("hours,score\n1,3\n2,oops\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	u.DataSet.SetSelected(csvData())
	retype(u.DataFile, path)
	retype(u.Columns, "hours,score")
	want := path + `:3: Spalte "score": "oops" ist keine endliche Zahl`
	if msg := u.errs[u.DataFile]; !u.RunButton.Disabled() || !msg.Visible() || msg.Text != want {
		t.Errorf("a bad number: Run disabled %v, %q, want %q", u.RunButton.Disabled(), msg.Text, want)
	}
	u.DataSet.SetSelected("line")
	retype(&u.ModelName.Entry, "mlp:4")
	want = "Modell mlp:4 nimmt 2 Eingabespalte(n); die Daten haben 1"
	if msg := u.errs[&u.ModelName.Entry]; !u.RunButton.Disabled() || msg.Text != want {
		t.Errorf("mlp:4 on line: Run disabled %v, %q, want %q", u.RunButton.Disabled(), msg.Text, want)
	}
}

// TestHoverOverTheData: over a data point the read-out gives its columns'
// values; a tap on the loss over (w, b) starts the runs there.
func TestHoverOverTheData(t *testing.T) {
	u := newTestUI(t)
	u.DataSet.SetSelected("line")
	retype(u.Steps, "20")
	test.Tap(u.RunButton)
	idle(t, u)
	frames(u, 200*time.Millisecond)
	s, o, ok := u.paint.shown()
	if !ok || s.Data == nil {
		t.Fatal("no data panel shown")
	}
	found := false
	for y := 0; y < o.Height && !found; y += 3 {
		for x := 0; x < o.Width/3 && !found; x += 3 {
			if text, ok := u.hoverText(image.Pt(x, y)); ok && strings.HasPrefix(text, "x = ") && strings.Contains(text, "\ny = ") {
				found = true
			}
		}
	}
	if !found {
		t.Error("no data point's read-out anywhere on the data panel")
	}
	u.tapped(image.Pt(o.Width/2, o.Height/2))
	idle(t, u)
	if st := u.state.Runs[0].Config.Start; st == [2]float64{0, 0} {
		t.Error("a tap on the loss over (w, b) did not move the start")
	}
}

// TestTestRowsInTheWindow: a share of test rows holds them out: the
// problem's loss has a test set, and the loss panel gets its dashed line.
func TestTestRowsInTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.DataSet.SetSelected("blobs")
	retype(u.TestShare, "2")
	if msg := u.errs[u.TestShare]; !u.RunButton.Disabled() || !strings.Contains(msg.Text, "fraction between 0 and 1") {
		t.Errorf("test share 2: %q", msg.Text)
	}
	retype(u.TestShare, "0.2")
	retype(u.Steps, "50")
	test.Tap(u.RunButton)
	idle(t, u)
	frames(u, 200*time.Millisecond)
	l := model.LossOf(u.state.Problem.F)
	if l == nil || l.Test == nil || l.D.Rows() != 80 || l.Test.D.Rows() != 20 {
		t.Fatalf("train/test: %v", l)
	}
	s, _, _ := u.paint.shown()
	if s == nil || len(s.Runs) == 0 || s.Runs[0].Test == nil {
		t.Error("no test loss in the figure")
	}
}

// TestNumericGradientCostInTheWindow: learning with the numeric gradient,
// the stability text says how much dearer it is than backpropagation,
// measured off the main goroutine.
func TestNumericGradientCostInTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.DataSet.SetSelected("xor")
	u.ModelName.SetText("mlp:2")
	u.Gradient.SetSelected("numeric")
	retype(u.Steps, "5")
	test.Tap(u.RunButton)
	idle(t, u)
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(u.Stability.Text, "times the exact gradient's") && time.Now().Before(deadline) {
		frames(u, 100*time.Millisecond)
	}
	if !strings.Contains(u.Stability.Text, "for 9 parameters") {
		t.Errorf("stability: %q", u.Stability.Text)
	}
}

// TestACSVFileIsReadOnceForManyKeystrokes: the form reads a CSV file again
// only when its path, its columns or the file change.
func TestACSVFileIsReadOnceForManyKeystrokes(t *testing.T) {
	u := newTestUI(t)
	path := t.TempDir() + "/p.csv"
	os.WriteFile(path, []byte("x,y\n1,2\n2,4\n"), 0o644)
	u.DataSet.SetSelected("a CSV file")
	retype(u.DataFile, path)
	first := u.csv.data
	retype(u.LR, "0.05")
	retype(u.Steps, "50")
	if first == nil || u.csv.data != first {
		t.Fatal("the file was read again for another field")
	}
	os.WriteFile(path, []byte("x,y\n1,2\n2,4\n3,6\n"), 0o644)
	retype(u.LR, "0.04")
	if u.csv.data == first || u.csv.data.Rows() != 3 {
		t.Errorf("the changed file was not read again (%d rows)", u.csv.data.Rows())
	}
}

// TestARunsOwnBatchInTheWindow: the rows per batch field is the selected
// run's: a second run added with batches of 1 learns from single rows
// while the first uses all of them; a lesson whose data has a batch gives
// it to its runs, and the field shows it.
func TestARunsOwnBatchInTheWindow(t *testing.T) {
	u := newTestUI(t)
	u.DataSet.SetSelected("line")
	retype(u.LR, "0.02")
	test.Tap(u.AddButton)
	idle(t, u)
	retype(u.Batch, "1")
	test.Tap(u.RunButton)
	idle(t, u)
	runs := u.state.Runs
	if len(runs) != 2 || runs[0].Config.Batch != 0 || runs[1].Config.Batch != 1 || runs[0].Result.Points[3].Batch != 0 || runs[1].Result.Points[3].Batch == 0 {
		t.Fatalf("runs: %d, batches %d and %d", len(runs), runs[0].Config.Batch, runs[1].Config.Batch)
	}
	mini, err := lesson.Parse([]byte(`{"format": "gdlab-lesson/1", "title": "Batches of five", "data": {"set": "line", "batch": 5},
	  "steps": 40, "runs": [{"method": "gd", "lr": 0.02, "start": [0, 0]}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if err := u.OpenLesson(mini); err != nil {
		t.Fatal(err)
	}
	idle(t, u)
	if r := u.state.Runs[0]; r.Config.Batch != mini.Data.Batch || u.Batch.Text != strconv.Itoa(mini.Data.Batch) || r.Result.Points[3].Batch == 0 {
		t.Errorf("%q: run batch %d, field %q, want %d", mini.Title, r.Config.Batch, u.Batch.Text, mini.Data.Batch)
	}
}
