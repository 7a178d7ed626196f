//go:build ci && migrated_fynedo

package app

import (
	"bytes"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"gdlab/lesson"
	"gdlab/plotting"
)

// Indices of the views in the view choice.
const (
	surfaceLossChoice = 2
	surfaceChoice     = 3
)

// figureCentre is the absolute canvas position of the figure's centre.
func figureCentre(u *UI) fyne.Position {
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Figure)
	s := u.Figure.Size()
	return at.Add(fyne.NewPos(s.Width/2, s.Height/2))
}

func TestSurfaceViewTurnsZoomsAndResets(t *testing.T) {
	u := newTestUI(t)
	contour := snapshot(u.Figure.Image())
	u.ViewChoice.SetSelectedIndex(surfaceLossChoice)
	idle(t, u)
	if u.session.Options().View != plotting.ViewSurfaceLoss || u.ViewChoice.Selected != "surface and loss" {
		t.Fatalf("view %q, choice %q", u.session.Options().View, u.ViewChoice.Selected)
	}
	surface := snapshot(u.Figure.Image())
	if diff(contour, surface) < 10000 {
		t.Fatal("switching to the surface did not change the figure")
	}
	c := u.win.Canvas()
	test.Drag(c, figureCentre(u), 60, -30)
	idle(t, u)
	cam := u.session.Options().Camera
	// As in Matplotlib: a drag to the right turns the azimuth down, a drag
	// up lowers the eye.
	if d := plotting.DefaultCamera(); cam.Azimuth >= d.Azimuth || cam.Elevation >= d.Elevation || cam.Zoom != 1 {
		t.Errorf("a drag right and up gave camera %+v, want the azimuth and the elevation below %+v", cam, d)
	}
	turned := snapshot(u.Figure.Image())
	if diff(surface, turned) < 5000 {
		t.Error("dragging did not turn the surface")
	}
	test.Scroll(c, figureCentre(u), 0, scrollNotch)
	idle(t, u)
	if z := u.session.Options().Camera.Zoom; z < 1.09 || z > 1.11 {
		t.Errorf("one notch away zooms to %g, want 1.1", z)
	}
	if diff(turned, snapshot(u.Figure.Image())) < 1000 {
		t.Error("scrolling did not zoom the figure")
	}
	test.DoubleTap(u.Figure)
	idle(t, u)
	if cam := u.session.Options().Camera; cam != (plotting.Camera{}) {
		t.Errorf("a double tap left camera %+v", cam)
	}
	if n := diff(surface, snapshot(u.Figure.Image())); n != 0 {
		t.Errorf("after the reset %d pixels differ from the default view", n)
	}
	// Playback draws the runs on the surface.
	test.Tap(u.ForwardButton)
	idle(t, u)
	if u.state.Step != 1 || diff(surface, snapshot(u.Figure.Image())) < 20 {
		t.Errorf("step %d: stepping did not change the surface figure", u.state.Step)
	}
	// In the contour view, a drag leaves the camera alone.
	u.ViewChoice.SetSelectedIndex(0)
	idle(t, u)
	test.Drag(c, figureCentre(u), 60, -30)
	idle(t, u)
	if cam := u.session.Options().Camera; cam != (plotting.Camera{}) {
		t.Errorf("a drag on the contour turned the camera to %+v", cam)
	}
}

func TestTapOnTheSurfaceSetsTheStart(t *testing.T) {
	u := newTestUI(t)
	u.ViewChoice.SetSelectedIndex(surfaceChoice)
	idle(t, u)
	// Straight down, the surface fills the middle of the panel.
	u.setCamera(plotting.Camera{Azimuth: -90, Elevation: 90, Zoom: 1}, false)
	idle(t, u)
	s := u.Figure.Size()
	test.TapAt(u.Figure, fyne.NewPos(s.Width/2, s.Height/2))
	idle(t, u)
	start := u.state.Runs[0].Config.Start
	if start == [2]float64{3, 2} || abs(start[0]) > 1 || abs(start[1]) > 1 {
		t.Fatalf("tapping the middle of the surface seen from above gave start %v, want near (0, 0)", start)
	}
	if u.StartX.Text != formatNum(start[0]) || u.state.Runs[0].Points[0].X != start {
		t.Errorf("start %v, form %s, first point %v", start, u.StartX.Text, u.state.Runs[0].Points[0].X)
	}
	// A tap beside the surface changes nothing.
	test.TapAt(u.Figure, fyne.NewPos(3, 3))
	idle(t, u)
	if u.state.Runs[0].Config.Start != start {
		t.Errorf("a tap off the surface moved the start to %v", u.state.Runs[0].Config.Start)
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

func TestSurfaceCameraIsRememberedPerFunction(t *testing.T) {
	u := newTestUI(t)
	u.ViewChoice.SetSelectedIndex(surfaceChoice)
	idle(t, u)
	test.Drag(u.win.Canvas(), figureCentre(u), -80, 40)
	idle(t, u)
	sphere := u.session.Options().Camera
	if sphere == (plotting.Camera{}) {
		t.Fatal("the drag did not turn the camera")
	}
	retype(u.Func, "(1-x)^2 + 100(y-x^2)^2")
	test.Tap(u.RunButton)
	idle(t, u)
	if cam := u.session.Options().Camera; cam != (plotting.Camera{}) {
		t.Errorf("a new function is seen from %+v, want the default camera", cam)
	}
	test.Scroll(u.win.Canvas(), figureCentre(u), 0, -2*scrollNotch)
	idle(t, u)
	rosenbrock := u.session.Options().Camera
	retype(u.Func, "x^2 + y^2")
	test.Tap(u.RunButton)
	idle(t, u)
	if cam := u.session.Options().Camera; cam != sphere {
		t.Errorf("back to x^2 + y^2: camera %+v, want %+v", cam, sphere)
	}
	retype(u.Func, "(1-x)^2+100(y-x^2)^2") // the same function, spaced differently
	test.Tap(u.RunButton)
	idle(t, u)
	if cam := u.session.Options().Camera; cam != rosenbrock {
		t.Errorf("back to Rosenbrock: camera %+v, want %+v", cam, rosenbrock)
	}
	// The preferences stay small: the last few functions only.
	for i := 0; i < maxCameras+5; i++ {
		u.prefs.saveCamera(cameraKey(strings.Repeat("x+", i)+"y"), plotting.Camera{Azimuth: 10, Elevation: 10, Zoom: 1})
	}
	if n := len(u.prefs.cameras()); n != maxCameras {
		t.Errorf("%d cameras remembered, want %d", n, maxCameras)
	}
	if long := cameraKey(strings.Repeat("x + ", 500) + "y"); len(long) > maxCameraKey {
		t.Errorf("a long function's key has %d bytes", len(long))
	}
}

func TestSurfaceExportPNGAndSVG(t *testing.T) {
	u := newTestUI(t)
	u.ViewChoice.SetSelectedIndex(surfaceLossChoice)
	idle(t, u)
	dir := t.TempDir()
	def := filepath.Join(dir, "default.png")
	if err := u.ExportFigure(def); err != nil {
		t.Fatal(err)
	}
	test.Drag(u.win.Canvas(), figureCentre(u), 100, 0)
	idle(t, u)
	for _, name := range []string{"turned.png", "turned.svg", "turned.pdf", "turned.gif"} {
		p := filepath.Join(dir, name)
		var err error
		if strings.HasSuffix(name, ".gif") {
			err = u.ExportGIF(p)
		} else {
			err = u.ExportFigure(p)
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, _ := os.ReadFile(p)
		magic := map[string]string{".png": "\x89PNG", ".svg": "<?xml", ".pdf": "%PDF", ".gif": "GIF8"}[filepath.Ext(name)]
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s does not start with %q", name, magic)
		}
	}
	a, b := readPNG(t, def), readPNG(t, filepath.Join(dir, "turned.png"))
	if a.Bounds().Dx() < int(exportSize.Width) || diff(a, b) < 10000 {
		t.Errorf("export %v: the turned surface exports like the default one (%d pixels differ)", a.Bounds(), diff(a, b))
	}
}

// readPNG reads a PNG file as RGBA.
func readPNG(t *testing.T, path string) *image.RGBA {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	rgba := image.NewRGBA(img.Bounds())
	draw.Draw(rgba, rgba.Bounds(), img, img.Bounds().Min, draw.Src)
	return rgba
}

func TestHimmelblauLessonRollsIntoFourBasinsOnTheSurface(t *testing.T) {
	u := newTestUI(t)
	var l lesson.Lesson
	for _, b := range lesson.BuiltIn() {
		if strings.Contains(strings.ToLower(b.Title), "himmelblau") {
			l = b
		}
	}
	if err := u.OpenLesson(l); err != nil {
		t.Fatal(err)
	}
	idle(t, u)
	u.ViewChoice.SetSelectedIndex(surfaceLossChoice)
	idle(t, u)
	start := snapshot(u.Figure.Image())
	for i := 0; i < 4 && u.state.Step != u.state.MaxStep; i++ { // Play again at each of the lesson's stops
		test.Tap(u.PlayButton)
		frames(u, 50*time.Millisecond)
		idle(t, u)
	}
	if len(u.state.Runs) != 4 || u.state.Step != u.state.MaxStep {
		t.Fatalf("%d runs at step %d of %d", len(u.state.Runs), u.state.Step, u.state.MaxStep)
	}
	corners := map[[2]bool]bool{}
	for _, r := range u.state.Runs {
		x := r.Result.Final.X
		corners[[2]bool{x[0] > 0, x[1] > 0}] = true
	}
	if len(corners) != 4 {
		t.Errorf("the runs end in %d basins, want 4", len(corners))
	}
	if diff(start, snapshot(u.Figure.Image())) < 500 {
		t.Error("playing did not move the balls on the surface")
	}
}
