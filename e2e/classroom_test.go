//go:build e2e

package e2e

import (
	"encoding/csv"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// compareLesson is a lesson file a teacher might keep: three methods on
// Rosenbrock's valley, played at 400 steps per second.
const compareLesson = `{
  "format": "gdlab-lesson/1",
  "title": "Three methods in a curved valley",
  "text": "gd crawls along the valley floor; momentum builds up speed; Adam adapts its steps.",
  "function": "(1-x)^2 + 100(y-x^2)^2",
  "box": [-2, 2, -1, 3],
  "steps": 2000,
  "speed": 400,
  "runs": [
    {"method": "gd", "lr": 0.001, "start": [-1.2, 1]},
    {"method": "momentum", "lr": 0.001, "start": [-1.2, 1]},
    {"method": "adam", "lr": 0.05, "start": [-1.2, 1]}
  ]
}`

// TestClassroomLesson opens a lesson file given as the argument, plays it,
// pauses, steps, exports the figure and the iterate table through the save
// dialogs, switches presentation mode, shows a typing error, and closes the
// window: each main state is saved as a screenshot.
func TestClassroomLesson(t *testing.T) {
	if *binary == "" {
		t.Fatal("-binary is required")
	}
	x := startX(t, shotDir(t))
	file := filepath.Join(t.TempDir(), "valley.json")
	if err := os.WriteFile(file, []byte(compareLesson), 0o644); err != nil {
		t.Fatal(err)
	}
	x.launch(*binary, file)
	screen := image.Rect(0, 0, 1280, 800)
	figureArea := image.Rect(screen.Dx()*2/5, 60, screen.Dx(), 600)
	launch := x.waitStable("lesson-launch")
	if _, ok := largestBlob(launch, image.Rect(0, 0, 500, 800), runBlue, 40); !ok {
		t.Fatal("no Run button after opening the lesson: see lesson-launch.png")
	}

	x.key("space") // play
	time.Sleep(1500 * time.Millisecond)
	x.key("space") // pause
	mid := x.waitStable("mid-playback")
	if d := differing(launch, mid, figureArea); d < 2000 {
		t.Errorf("playing changed only %d pixels of the figure: see mid-playback.png", d)
	}
	x.key("Right", "Right", "Right")
	stepped := x.waitStable("stepped")
	if d := differing(mid, stepped, figureArea); d == 0 {
		t.Error("stepping forward did not change the figure: see stepped.png")
	}

	x.key("ctrl+s")
	time.Sleep(1500 * time.Millisecond)
	x.screenshot("save-dialog")
	x.key("Return")
	png := x.waitFile(filepath.Join(x.home, "gradient-descent.png"))
	checkPNG(t, png)

	x.key("ctrl+e")
	time.Sleep(1500 * time.Millisecond)
	x.key("Return")
	checkCSV(t, x.waitFile(filepath.Join(x.home, "iterates.csv")), 2001)

	x.key("ctrl+p")
	x.waitStable("presentation")
	x.key("ctrl+p")
	x.waitStable("after-presentation")

	x.key("Tab")
	x.key("ctrl+a")
	x.typeText("x + * y")
	bad := x.waitStable("error")
	if _, ok := largestBlob(bad, image.Rect(0, 0, 500, 800), runBlue, 40); ok {
		t.Error("Run still looks enabled with an unparsable function: see error.png")
	}
	if err := x.closeWindow(); err != nil {
		t.Fatalf("closing the window: %v\n%s", err, x.appErr.String())
	}
	if out := x.appErr.String(); containsAny(out, "panic", "goroutine ", "*** Error") {
		t.Errorf("the program wrote an error:\n%s", out)
	}
}

// waitFile waits for a file to appear with its final content.
func (x *xsession) waitFile(path string) string {
	x.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	last := int64(-1)
	for time.Now().Before(deadline) {
		if st, err := os.Stat(path); err == nil && st.Size() > 0 {
			if st.Size() == last {
				return path
			}
			last = st.Size()
		}
		time.Sleep(500 * time.Millisecond)
	}
	x.screenshot("missing-" + filepath.Base(path))
	x.t.Fatalf("%s was not written within 30 s", path)
	return ""
}

func checkPNG(t *testing.T, path string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if b := img.Bounds(); b.Dx() < 1600 || b.Dy() < 1000 {
		t.Errorf("%s is %v, want at least 1600×1000", path, b.Size())
	}
	if _, ok := findColour(img, img.Bounds(), orange, 40); !ok {
		t.Errorf("%s has no trajectory", path)
	}
}

func checkCSV(t *testing.T, path string, rows int) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if len(recs) != rows+1 || len(recs[0]) != 11 || recs[0][0] != "k" || recs[1][1] != "-1.2" || recs[1][2] != "1" {
		t.Errorf("%s: %d rows, header %v, first %v", path, len(recs), recs[0], recs[1])
	}
}
