package plotting

import (
	"bytes"
	"image"
	"image/gif"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// testHError computes the h-error data of f at (x, y) for the steps
// 1e-20 … 1 (ten per decade), as figure.HError does from an objective.
func testHError(f func(x, y float64) float64, g func(x, y float64) (float64, float64), x, y, h float64) *HErrorData {
	gx, gy := g(x, y)
	d := &HErrorData{Point: [2]float64{x, y}, Grad: [2]float64{gx, gy}, H: h}
	f0 := f(x, y)
	for k := -200; k <= 0; k++ {
		s := math.Pow(10, float64(k)/10)
		d.Hs = append(d.Hs, s)
		fx, fy := (f(x+s, y)-f0)/s, (f(x, y+s)-f0)/s
		d.Forward = append(d.Forward, math.Hypot(fx-gx, fy-gy))
		cx, cy := (0.5*f(x+s, y)-0.5*f(x-s, y))/s, (0.5*f(x, y+s)-0.5*f(x, y-s))/s
		d.Central = append(d.Central, math.Hypot(cx-gx, cy-gy))
	}
	return d
}

// hErrorScene is the h-error view of x² + y² at (3, 2) with h = 1e-4.
func hErrorScene() *Scene {
	return &Scene{Dims: 2, HError: testHError(sphere, sphereGrad, 3, 2, 1e-4)}
}

func TestHErrorRender(t *testing.T) {
	render := func(s *Scene, o Options) *image.RGBA {
		t.Helper()
		img, err := NewRenderer().Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		return img
	}
	o := Options{View: ViewHError, Width: 640, Height: 400}
	base := render(hErrorScene(), o)
	if b := base.Bounds(); b.Dx() != 640 || b.Dy() != 400 {
		t.Fatalf("size %v", b)
	}
	if _, diff := firstDiff(base, render(&Scene{Dims: 2, HError: &HErrorData{Hs: []float64{1}}}, o)); !diff {
		t.Error("the curves draw nothing")
	}
	for _, h := range []float64{1e-8, 1e-50, 10, 0} {
		s := hErrorScene()
		s.HError.H = h
		if _, diff := firstDiff(base, render(s, o)); !diff {
			t.Errorf("chosen h %g is drawn as h 1e-4", h)
		}
	}
	de := o
	de.Labels = germanLabels()
	if _, diff := firstDiff(base, render(hErrorScene(), de)); !diff {
		t.Error("German labels draw the same figure")
	}
	def := o
	def.Labels = new(DefaultLabels())
	if _, diff := firstDiff(base, render(hErrorScene(), def)); diff {
		t.Error("default labels and nil labels differ")
	}
	dark := o
	dark.Dark = true
	render(hErrorScene(), dark)
	s1 := &Scene{Dims: 1, HError: testHError(func(x, _ float64) float64 { return math.Sin(x) },
		func(x, _ float64) (float64, float64) { return math.Cos(x), 0 }, 1, 0, 1e-4)}
	render(s1, o)
	if _, _, ok := NewRenderer().DataAt(hErrorScene(), o, image.Pt(320, 200)); ok {
		t.Error("DataAt maps a pixel of the h-error view")
	}
}

// The view needs its data: without it Render, Write and SaveFile fail, and
// SaveFile creates no file.
func TestHErrorNeedsData(t *testing.T) {
	o := Options{View: ViewHError, Width: 300, Height: 200}
	for _, s := range []*Scene{{Dims: 2}, {Dims: 2, HError: &HErrorData{}}} {
		if _, err := NewRenderer().Render(nil, s, o); err == nil {
			t.Error("Render: no error")
		}
		if err := Write(io.Discard, ".svg", s, o, Animation{}); err == nil {
			t.Error("Write: no error")
		}
		path := filepath.Join(t.TempDir(), "h.png")
		if err := SaveFile(path, s, o, Animation{}); err == nil {
			t.Error("SaveFile: no error")
		}
		if _, err := os.Stat(path); err == nil {
			t.Error("SaveFile created a file")
		}
	}
}

// Every format writes the view; the GIF is a single frame.
func TestHErrorFormats(t *testing.T) {
	o := Options{View: ViewHError, Width: 400, Height: 300}
	for _, ext := range []string{".png", ".svg", ".pdf", ".gif"} {
		var buf bytes.Buffer
		if err := Write(&buf, ext, hErrorScene(), o, Animation{}); err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		switch ext {
		case ".svg":
			if !strings.Contains(buf.String(), "chosen h") {
				t.Error("svg: no chosen h label")
			}
		case ".gif":
			g, err := gif.DecodeAll(&buf)
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Image) != 1 {
				t.Errorf("gif: %d frames, want 1", len(g.Image))
			}
		}
	}
}

// The frame spans the positive finite values; zeros set the bottom-edge
// note; NaN and Inf are ignored; no data gives a default frame.
func TestHErrorFrame(t *testing.T) {
	fr := newHErrorFrame(&HErrorData{Hs: []float64{1e-10, 1e-5, 1, math.NaN(), -1},
		Forward: []float64{1e-3, 0, 2, 5, 5}, Central: []float64{math.Inf(1), 1e-8, math.NaN()}})
	if fr.x0 != 1e-10 || fr.x1 != 1 || fr.y0 != 1e-8/3 || fr.y1 != 200 || !fr.below {
		t.Errorf("frame %+v", fr)
	}
	fr = newHErrorFrame(&HErrorData{Hs: []float64{1e-3}, Forward: []float64{math.NaN()}})
	if !(fr.x0 < 1e-3 && fr.x1 > 1e-3 && fr.y0 < fr.y1) || fr.below {
		t.Errorf("degenerate frame %+v", fr)
	}
	ticks := exponentTicks{}.Ticks(-20, 0)
	labelled := 0
	for _, tk := range ticks {
		if tk.Label != "" {
			labelled++
			if tk.Value != math.Round(tk.Value) {
				t.Errorf("tick %q at %v, not at an integer exponent", tk.Label, tk.Value)
			}
		}
	}
	if labelled < 3 || labelled > 7 {
		t.Errorf("%d labelled ticks over 20 decades", labelled)
	}
}
