//go:build e2e

package e2e

import (
	"image"
	"image/color"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// stopLesson is "learning rate too large" as a teacher would write it: a
// slow playback that stops at step 3 to ask the class.
const stopLesson = `{
  "format": "gdlab-lesson/1",
  "title": "A learning rate too large",
  "text": "With lr 1.05 every step overshoots the bottom of the bowl.",
  "function": "x^2 + y^2",
  "steps": 20,
  "speed": 4,
  "runs": [{"method": "gd", "lr": 1.05, "start": [3, 2]}],
  "stops": [{"step": 3, "text": "What will the next step do?"}]
}`

// figureBg is the figure's background in the dark theme (plotting's
// darkBg): the margins around its panels, never the window's own colour.
var figureBg = color.RGBA{0x24, 0x25, 0x28, 0xff}

// TestPresentationAtProjectorSize is the teacher's story at 1920×1080:
// open a lesson, press F11: the figure takes at least 75 % of the screen
// over one compact row of controls (no toolbar, no form, no Run button);
// Space plays and the lesson stops at step 3 with its question; hovering
// the contour shows a read-out; Tab brings the form back and hides it
// again; Escape leaves presentation mode. Every state is a screenshot.
func TestPresentationAtProjectorSize(t *testing.T) {
	if *binary == "" {
		t.Fatal("-binary is required")
	}
	for _, size := range []image.Point{{1920, 1080}, {1280, 800}} {
		t.Run(strconv.Itoa(size.X), func(t *testing.T) { presentAt(t, size) })
	}
}

// presentAt is TestPresentationAtProjectorSize on a screen of size.
func presentAt(t *testing.T, size image.Point) {
	x := startXSize(t, shotDir(t), strconv.Itoa(size.X)+"x"+strconv.Itoa(size.Y))
	shot := func(name string) string { return "projector-" + strconv.Itoa(size.X) + "-" + name }
	file := filepath.Join(t.TempDir(), "too-large.json")
	if err := os.WriteFile(file, []byte(stopLesson), 0o644); err != nil {
		t.Fatal(err)
	}
	x.launch(*binary, file)
	screen := image.Rectangle{Max: size}
	x.waitStable(shot("launch"))

	x.key("F11")
	shown := x.waitStable(shot("presentation"))
	fig, ok := findColour(shown, screen, figureBg, 0)
	share := float64(fig.Dx()*fig.Dy()) / float64(screen.Dx()*screen.Dy())
	if !ok || share < 0.75 {
		t.Fatalf("the figure (%v) takes %.0f %% of the screen, want ≥ 75 %%: see projector-<width>-presentation.png", fig, 100*share)
	}
	t.Logf("the figure takes %.1f %% of the %d×%d screen (%v)", 100*share, size.X, size.Y, fig)
	row := image.Rect(0, fig.Max.Y, screen.Dx(), screen.Dy())
	if row.Dy() < 30 || row.Dy() > screen.Dy()/8 || distinct(shown, row) < 8 {
		t.Errorf("the controls under the figure (%v) are not one compact row: see projector-<width>-presentation.png", row)
	}
	if _, ok := largestBlob(shown, screen, runBlue, 40); ok {
		t.Error("the Run button is on screen in presentation mode: see projector-<width>-presentation.png")
	}

	x.key("space")
	time.Sleep(2500 * time.Millisecond) // 3 steps at 4 steps/s, and then some
	stop := x.waitStable(shot("stop"))
	time.Sleep(1500 * time.Millisecond)
	still := x.screenshot(shot("stop-still"))
	if d := differing(stop, still, fig); d != 0 {
		t.Errorf("playback did not pause at the lesson's stop (%d pixels changed): see projector-SIZE-stop*.png", d)
	}
	if d := differing(shown, stop, image.Rect(fig.Min.X, fig.Min.Y, fig.Max.X, fig.Min.Y+fig.Dy()/4)); d < 5000 {
		t.Errorf("no question over the figure at the stop (%d pixels changed at its top): see projector-<width>-stop.png", d)
	}

	x.key("space") // continue
	x.key("End")
	end := x.waitStable(shot("end"))
	at := image.Pt(fig.Min.X+fig.Dx()/4, fig.Min.Y+fig.Dy()*2/3)
	x.cmd("xdotool", "mousemove", "--sync", strconv.Itoa(at.X), strconv.Itoa(at.Y))
	hover := x.waitStable(shot("hover"))
	near := image.Rect(at.X-40, at.Y-120, at.X+320, at.Y+120).Intersect(screen)
	if d := differing(end, hover, near); d < 300 {
		t.Errorf("hovering the contour shows no read-out (%d pixels changed near the pointer): see projector-<width>-hover.png", d)
	}

	x.key("Tab")
	full := x.waitStable(shot("controls"))
	if _, ok := largestBlob(full, image.Rect(0, 0, screen.Dx()/3, screen.Dy()), runBlue, 40); !ok {
		t.Error("Tab did not bring the form and its Run button back: see projector-<width>-controls.png")
	}
	x.key("Tab")
	again := x.waitStable(shot("figure-again"))
	if _, ok := largestBlob(again, screen, runBlue, 40); ok {
		t.Error("a second Tab did not hide the form: see projector-<width>-figure-again.png")
	}
	x.key("Escape")
	x.waitStable(shot("after"))
	if err := x.closeWindow(); err != nil {
		t.Fatalf("closing the window: %v\n%s", err, x.appErr.String())
	}
	if out := x.appErr.String(); containsAny(out, "panic", "goroutine ", "*** Error") {
		t.Errorf("the program wrote an error:\n%s", out)
	}
}

// distinct counts the colours in area (up to 64).
func distinct(img image.Image, area image.Rectangle) int {
	seen := map[color.RGBA]bool{}
	for y := area.Min.Y; y < area.Max.Y && len(seen) < 64; y += 2 {
		for x := area.Min.X; x < area.Max.X && len(seen) < 64; x += 2 {
			seen[toRGBA(img.At(x, y))] = true
		}
	}
	return len(seen)
}
