package plotting

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/gif"
	"strings"
	"testing"
	"time"
)

// countNear counts the pixels within tol of want.
func countNear(img *image.RGBA, want color.RGBA, tol int) int {
	n := 0
	for y := img.Rect.Min.Y; y < img.Rect.Max.Y; y++ {
		for x := img.Rect.Min.X; x < img.Rect.Max.X; x++ {
			if colorDist(img.RGBAAt(x, y), want) <= tol {
				n++
			}
		}
	}
	return n
}

// Dark: dark grey figure and light text, the heat map unchanged.
func TestDarkTheme(t *testing.T) {
	s := himmelScene()
	o := Options{View: ViewBoth, Width: 800, Height: 400}
	r := NewRenderer()
	light, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Dark = true
	dark, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	if got := dark.RGBAAt(1, 1); got != darkBg {
		t.Errorf("corner of the dark figure is %v, want %v", got, darkBg)
	}
	if got := dark.RGBAAt(799, 399); got != darkBg {
		t.Errorf("corner of the dark loss panel is %v, want %v", got, darkBg)
	}
	// The loss panel (no heat map): mostly background, light text and axes.
	lp := dark.SubImage(image.Rect(400, 0, 800, 400)).(*image.RGBA)
	if n, all := countNear(lp, darkBg, 0), 400*400; n < all*7/10 {
		t.Errorf("dark loss panel: %d of %d pixels background", n, all)
	}
	bright := 0
	for i := 0; i < len(lp.Pix); i += 4 {
		if j := i % lp.Stride; j < 4*400 && min(lp.Pix[i], lp.Pix[i+1], lp.Pix[i+2]) >= 0xB0 {
			bright++
		}
	}
	if bright < 300 {
		t.Errorf("dark loss panel: %d light pixels (text, axes), want many", bright)
	}
	// The heat map under no run is the same: sample the data area away
	// from paths and labels.
	pn := r.background(s, *s.Box, 400, 400, Options{Width: 800, Height: 400, Dark: true}.normalized()).pn
	same, total := 0, 0
	for _, xy := range [][2]float64{{0, -4}, {4.5, -4.5}, {-4.5, 0.5}, {2, -3}, {-1, 1.5}} {
		x, y := toPixel(pn.pt(xy[0], xy[1]), 400, 96)
		total++
		if colorDist(light.RGBAAt(int(x), int(y)), dark.RGBAAt(int(x), int(y))) <= 2 {
			same++
		}
	}
	if same != total {
		t.Errorf("heat map differs between light and dark at %d of %d samples", total-same, total)
	}
}

// High contrast: thicker trajectories (more pixels of the run colours),
// black edges, bolder contour lines.
func TestHighContrastTheme(t *testing.T) {
	s := himmelScene()
	s.Current = 30
	o := Options{View: ViewContour, Width: 600, Height: 500}
	r := NewRenderer()
	plain, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	o.HighContrast = true
	hc, err := r.Render(nil, s, o)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		a, b := countNear(plain, runColor(i), 20), countNear(hc, runColor(i), 20)
		if float64(b) < 1.3*float64(a) {
			t.Errorf("run %d: %d pixels in its colour with high contrast, %d without: want ≥ 1.3×", i, b, a)
		}
	}
	a, b := countNear(plain, black, 30), countNear(hc, black, 30)
	if b < a+1000 {
		t.Errorf("black pixels: %d with high contrast, %d without: want the black edges", b, a)
	}
	whiteA, whiteB := countNear(plain, white, 60), countNear(hc, white, 60)
	if whiteB <= whiteA {
		t.Errorf("near-white pixels (halos, contour lines): %d with high contrast, %d without", whiteB, whiteA)
	}
}

// Dark and HighContrast are part of both cache keys: switching them never
// reuses a frame of the other theme.
func TestThemeCacheKeys(t *testing.T) {
	r := NewRenderer()
	s := rosenScene()
	for _, view := range []View{ViewContour, ViewLoss, ViewBoth} {
		for _, o := range []Options{
			{View: view, Width: 400, Height: 300},
			{View: view, Width: 400, Height: 300, Dark: true},
			{View: view, Width: 400, Height: 300, HighContrast: true},
			{View: view, Width: 400, Height: 300, Dark: true, HighContrast: true},
		} {
			got, err := r.Render(nil, s, o)
			if err != nil {
				t.Fatal(err)
			}
			want, _ := NewRenderer().Render(nil, s, o)
			if p, diff := firstDiff(got, want); diff {
				t.Errorf("%s dark=%v hc=%v: shared renderer differs from a fresh one at %v", view, o.Dark, o.HighContrast, p)
			}
		}
	}
}

// Vector files and GIFs use the dark theme too: the SVG paints the dark
// background, the GIF's palette holds it exactly.
func TestDarkFiles(t *testing.T) {
	o := Options{View: ViewBoth, Width: 420, Height: 210, Dark: true, HighContrast: true}
	var svg bytes.Buffer
	if err := Write(&svg, ".svg", himmelScene(), o, Animation{}); err != nil {
		t.Fatal(err)
	}
	if want := fmt.Sprintf("#%02X%02X%02X", darkBg.R, darkBg.G, darkBg.B); !strings.Contains(strings.ToUpper(svg.String()), want) {
		t.Errorf("svg has no %s background", want)
	}
	var buf bytes.Buffer
	if err := Write(&buf, ".gif", himmelScene(), o, Animation{Duration: time.Second, FPS: 5}); err != nil {
		t.Fatal(err)
	}
	g, err := gif.DecodeAll(&buf)
	if err != nil {
		t.Fatal(err)
	}
	last := g.Image[len(g.Image)-1]
	if got := color.RGBAModel.Convert(last.At(1, 1)).(color.RGBA); got != darkBg {
		t.Errorf("gif corner %v, want %v", got, darkBg)
	}
}

// Options.RunColor is the colour the figure draws: the current marker of
// every run is in it, in both themes.
func TestOptionsRunColor(t *testing.T) {
	for _, dark := range []bool{false, true} {
		s := &Scene{Key: "sphere", F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2,
			Box: &Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}, Current: 0}
		for i := range maxRuns {
			x := -4 + float64(i)
			s.Runs = append(s.Runs, Run{X: []float64{x, x}, Y: []float64{-3, 0}, F: []float64{1, 1}, DivergedAt: -1})
		}
		o := Options{View: ViewContour, Width: 600, Height: 500, Dark: dark}
		r := NewRenderer()
		img, err := r.Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		pn := r.background(s, *s.Box, 600, 500, o.normalized()).pn
		for i := range maxRuns {
			x, y := toPixel(pn.pt(-4+float64(i), -3), 500, 96)
			if want := o.RunColor(i); !nearColor(img, x, y, 1, 4, want) {
				t.Errorf("dark=%v run %d: marker %v, want %v", dark, i, img.RGBAAt(int(x), int(y)), want)
			}
			if !dark && o.RunColor(i) != runColor(i) {
				t.Errorf("light run %d: Options.RunColor %v, the palette's %v", i, o.RunColor(i), runColor(i))
			}
		}
	}
	if c := (Options{Dark: true}).RunColor(maxRuns - 1); c == black {
		t.Error("dark theme draws a black run")
	}
}
