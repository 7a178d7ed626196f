//go:build e2e

package e2e

import (
	"flag"
	"image"
	"image/color"
	"os"
	"strings"
	"testing"
	"time"
)

var (
	binary = flag.String("binary", "", "path of the gdlab binary to test")
	shots  = flag.String("shots", "", "folder for the screenshots (default: a temporary one)")
)

// runBlue is Fyne's default primary colour, which fills the Run button.
var runBlue = color.RGBA{0x29, 0x6f, 0xf6, 0xff}

// orange is the first run's colour (Okabe–Ito).
var orange = color.RGBA{0xe6, 0x9f, 0x00, 0xff}

func shotDir(t *testing.T) string {
	if *shots == "" {
		return t.TempDir()
	}
	if err := os.MkdirAll(*shots, 0o755); err != nil {
		t.Fatal(err)
	}
	return *shots
}

// TestWindowRunsATypedFunction types a function, clicks Run, checks that the
// figure shows the trajectory, and closes the window as a user would.
func TestWindowRunsATypedFunction(t *testing.T) {
	if *binary == "" {
		t.Fatal("-binary is required")
	}
	x := startX(t, shotDir(t))
	x.launch(*binary)
	launch := x.waitStable("launch")
	screen := launch.Bounds()
	left := image.Rect(0, 0, screen.Dx()*2/5, screen.Dy())
	run, ok := largestBlob(launch, left, runBlue, 40)
	if !ok {
		t.Fatal("no Run button (Fyne's primary blue) on the left of the window: see launch.png")
	}

	// The function field is the first focusable widget: Tab reaches it.
	x.key("Tab")
	x.key("ctrl+a")
	x.typeText("x^2 + 3y^2 + x*y")
	time.Sleep(300 * time.Millisecond)
	x.click(center(run))
	after := x.waitStable("after-run")

	figureArea := image.Rect(screen.Dx()*2/5, 0, screen.Dx(), screen.Dy())
	if d := differing(launch, after, figureArea); d < 2000 {
		t.Errorf("the figure barely changed after Run (%d pixels differ): see after-run.png", d)
	}
	// The trajectory is drawn in the first colour of the Okabe–Ito palette
	// (orange): after the run it spans far more than the start marker.
	if box, ok := findColour(after, figureArea, orange, 40); !ok || box.Dx() < 60 {
		t.Errorf("no trajectory (Okabe–Ito orange, found %v) in the figure: see after-run.png", box)
	}
	if err := x.closeWindow(); err != nil {
		t.Fatalf("closing the window: %v\n%s", err, x.appErr.String())
	}
	if out := x.appErr.String(); containsAny(out, "panic", "goroutine ", "*** Error") {
		t.Errorf("the program wrote an error:\n%s", out)
	}
}

// waitStable takes screenshots until two in a row are the same (the window
// has finished drawing), then saves the last one under name.
func (x *xsession) waitStable(name string) image.Image {
	x.t.Helper()
	prev := x.screenshot(name)
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		time.Sleep(700 * time.Millisecond)
		cur := x.screenshot(name)
		if differing(prev, cur, cur.Bounds()) == 0 && !blank(cur) {
			return cur
		}
		prev = cur
	}
	x.t.Fatalf("the screen did not settle within 30 s: see %s.png", name)
	return nil
}

// findColour returns the bounding box of the pixels within tol of c in area.
func findColour(img image.Image, area image.Rectangle, c color.RGBA, tol int) (image.Rectangle, bool) {
	var box image.Rectangle
	n := 0
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if near(img.At(x, y), c, tol) {
				p := image.Rect(x, y, x+1, y+1)
				if n == 0 {
					box = p
				} else {
					box = box.Union(p)
				}
				n++
			}
		}
	}
	return box, n >= 20
}

// largestBlob returns the bounding box of the largest 4-connected region of
// pixels within tol of c in area: the Run button, not a blue check box.
func largestBlob(img image.Image, area image.Rectangle, c color.RGBA, tol int) (image.Rectangle, bool) {
	w, h := area.Dx(), area.Dy()
	seen := make([]bool, w*h)
	var best image.Rectangle
	bestN := 0
	for y0 := 0; y0 < h; y0++ {
		for x0 := 0; x0 < w; x0++ {
			if seen[y0*w+x0] || !near(img.At(area.Min.X+x0, area.Min.Y+y0), c, tol) {
				continue
			}
			n, box := 0, image.Rect(x0, y0, x0+1, y0+1)
			stack := []image.Point{{x0, y0}}
			seen[y0*w+x0] = true
			for len(stack) > 0 {
				p := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				n++
				box = box.Union(image.Rect(p.X, p.Y, p.X+1, p.Y+1))
				for _, d := range []image.Point{{1, 0}, {-1, 0}, {0, 1}, {0, -1}} {
					q := p.Add(d)
					if q.X < 0 || q.Y < 0 || q.X >= w || q.Y >= h || seen[q.Y*w+q.X] {
						continue
					}
					if near(img.At(area.Min.X+q.X, area.Min.Y+q.Y), c, tol) {
						seen[q.Y*w+q.X] = true
						stack = append(stack, q)
					}
				}
			}
			if n > bestN {
				bestN, best = n, box
			}
		}
	}
	return best.Add(area.Min), bestN >= 400
}

func near(a color.Color, b color.RGBA, tol int) bool {
	r, g, bl, _ := a.RGBA()
	d := abs(int(r>>8)-int(b.R)) + abs(int(g>>8)-int(b.G)) + abs(int(bl>>8)-int(b.B))
	return d <= tol
}

func differing(a, b image.Image, area image.Rectangle) int {
	n := 0
	for y := area.Min.Y; y < area.Max.Y; y++ {
		for x := area.Min.X; x < area.Max.X; x++ {
			if !near(a.At(x, y), toRGBA(b.At(x, y)), 0) {
				n++
			}
		}
	}
	return n
}

func blank(img image.Image) bool {
	b := img.Bounds()
	first := toRGBA(img.At(b.Min.X, b.Min.Y))
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			if !near(img.At(x, y), first, 0) {
				return false
			}
		}
	}
	return true
}

func toRGBA(c color.Color) color.RGBA {
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

func center(r image.Rectangle) image.Point {
	return image.Pt((r.Min.X+r.Max.X)/2, (r.Min.Y+r.Max.Y)/2)
}

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

func containsAny(s string, subs ...string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
