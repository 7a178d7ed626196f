//go:build e2e

package e2e

import (
	"encoding/json"
	"fmt"
	"image"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// rowsLesson is a lesson that holds its data: 40 points near y = 2x + 1,
// fitted by gd in mini-batches of 8.
func rowsLesson() string {
	var rows []string
	for i := range 40 {
		x := float64(i) / 8
		rows = append(rows, fmt.Sprintf("[%g, %g]", x, 2*x+1+0.3*float64(i%5-2)))
	}
	return `{"format": "gdlab-lesson/1", "title": "A line from the lesson's rows",
  "data": {"columns": ["x", "y"], "model": "linear", "batch": 8, "rows": [` + strings.Join(rows, ", ") + `]},
  "steps": 200, "speed": 100, "runs": [{"method": "gd", "lr": 0.05, "start": [0, 0]}]}`
}

// TestLearningFromTheLessonsRows opens a lesson that holds its rows, plays
// it (the fitted line and the path move), and exports the NumPy script,
// which reproduces the run's end with the same mini-batches.
func TestLearningFromTheLessonsRows(t *testing.T) {
	if *binary == "" {
		t.Fatal("-binary is required")
	}
	x := startX(t, shotDir(t))
	file := filepath.Join(t.TempDir(), "line.json")
	if err := os.WriteFile(file, []byte(rowsLesson()), 0o644); err != nil {
		t.Fatal(err)
	}
	x.launch(*binary, file)
	figureArea := image.Rect(1280*2/5, 60, 1280, 600)
	launch := x.waitStable("data-launch")
	if _, ok := largestBlob(launch, figureArea, orange, 40); !ok {
		t.Fatal("no run drawn in the figure: see data-launch.png")
	}
	x.key("space")
	time.Sleep(1500 * time.Millisecond)
	x.key("space")
	mid := x.waitStable("data-playing")
	if d := differing(launch, mid, figureArea); d < 1000 {
		t.Errorf("playing changed only %d pixels of the figure: see data-playing.png", d)
	}
	x.key("End")
	x.waitStable("data-end")
	x.key("ctrl+y")
	time.Sleep(1500 * time.Millisecond)
	x.key("Return")
	script := x.waitFile(filepath.Join(x.home, "gradient-descent.py"))
	out, err := exec.Command(python(), script).CombinedOutput()
	if err != nil {
		t.Fatalf("the exported script: %v\n%s", err, out)
	}
	var final []float64
	if err := json.Unmarshal([]byte(strings.TrimSpace(string(out))), &final); err != nil || len(final) != 2 || final[0] < 1.5 || final[0] > 2.5 {
		t.Errorf("the script's end %s (%v): want w near 2", out, err)
	}
	if err := x.closeWindow(); err != nil {
		t.Fatalf("closing the window: %v\n%s", err, x.appErr.String())
	}
	if out := x.appErr.String(); containsAny(out, "panic", "goroutine ", "*** Error") {
		t.Errorf("the program wrote an error:\n%s", out)
	}
}
