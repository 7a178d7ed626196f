package plotting

import (
	"fmt"
	"image"
	"image/draw"
	"testing"

	vgdraw "gonum.org/v1/plot/vg/draw"
)

// fullLoss draws the loss panel the uncached way: the whole plot, curves
// included, in one gonum Draw.
func fullLoss(s *Scene, o Options, legend bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	draw.Draw(img, img.Rect, image.NewUniform(themeOf(o).bg), image.Point{}, draw.Src)
	lf := newLossFig(s, o, legend)
	lf.plot().Draw(cropMargin(vgdraw.New(newRasterCanvas(img, o.DPI)), o.Scale))
	return img
}

// firstDiff returns the first differing pixel of two images of one size.
func firstDiff(a, b *image.RGBA) (image.Point, bool) {
	for y := 0; y < a.Rect.Dy(); y++ {
		for x := 0; x < a.Rect.Dx(); x++ {
			if a.RGBAAt(a.Rect.Min.X+x, a.Rect.Min.Y+y) != b.RGBAAt(b.Rect.Min.X+x, b.Rect.Min.Y+y) {
				return image.Pt(x, y), true
			}
		}
	}
	return image.Point{}, false
}

// The cached loss frame plus the curves must give exactly the pixels of the
// full plot, at every current step, from the first frame on.
func TestLossCacheSameAsFull(t *testing.T) {
	explode := descend("boom", rosen, rosenGrad, -1.2, 1, 0.01, 0, 200)
	for _, tc := range []struct {
		name string
		s    *Scene
		o    Options
	}{
		{"rosen log", rosenScene(), Options{View: ViewLoss, Width: 500, Height: 360, LogLoss: true}},
		{"rosen linear scale", rosenScene(), Options{View: ViewLoss, Width: 420, Height: 300, Scale: 1.5, DPI: 110}},
		{"himmel", himmelScene(), Options{View: ViewLoss, Width: 400, Height: 300}},
		{"himmel dark hc", himmelScene(), Options{View: ViewLoss, Width: 400, Height: 300, Dark: true, HighContrast: true}},
		{"diverged", &Scene{Key: "r", F: rosen, Dims: 2, Runs: []Run{explode, rosenScene().Runs[0]}}, Options{View: ViewLoss, Width: 400, Height: 300, LogLoss: true}},
	} {
		r := NewRenderer()
		o := tc.o.normalized()
		for _, cur := range []int{-1, 0, 3, 50, 700, 1999, 5000} {
			tc.s.Current = cur
			got, err := r.Render(nil, tc.s, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			if p, diff := firstDiff(got, fullLoss(tc.s, o, true)); diff {
				t.Errorf("%s, current %d: cached frame differs from the full plot at %v", tc.name, cur, p)
			}
		}
		if n := len(r.loss.m); n != 1 {
			t.Errorf("%s: %d loss frames cached for one scene, want 1", tc.name, n)
		}
	}
}

// Runs that grow between frames (a run still computing appends to its
// slices, in place or reallocated) must not be drawn over a stale frame.
func TestLossCacheGrowingRuns(t *testing.T) {
	full := rosenScene().Runs[2]
	o := Options{View: ViewBoth, Width: 800, Height: 360, LogLoss: true}
	r := NewRenderer()
	s := &Scene{Key: "rosen", F: rosen, Dims: 2, Box: &Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3}, FMin: ptr(0), Current: -1}
	run := Run{Label: "growing", DivergedAt: -1,
		F: make([]float64, 0, len(full.F)), X: make([]float64, 0, len(full.F)), Y: make([]float64, 0, len(full.F))}
	for _, n := range []int{1, 2, 30, 31, 400, 1200, len(full.F)} {
		run.F, run.X, run.Y = append(run.F, full.F[len(run.F):n]...), append(run.X, full.X[len(run.X):n]...), append(run.Y, full.Y[len(run.Y):n]...)
		s.Runs = []Run{run}
		got, err := r.Render(nil, s, o)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := NewRenderer().Render(nil, s, o)
		if p, diff := firstDiff(got, want); diff {
			t.Errorf("%d points: frame differs from a fresh renderer's at %v", n, p)
		}
	}
	// Replacing the values in place but changing the last one, or the
	// divergence step, or f*, gives a new frame.
	for i, mut := range []func(){
		func() { s.Runs[0].F[len(s.Runs[0].F)-1] = 1e9 },
		func() { s.Runs[0].DivergedAt = 100 },
		func() { s.FMin = ptr(-1) },
		func() { s.Runs = append(s.Runs, rosenScene().Runs[0]) },
		func() { s.Runs[0].Hidden = true },
	} {
		mut()
		got, _ := r.Render(nil, s, o)
		want, _ := NewRenderer().Render(nil, s, o)
		if p, diff := firstDiff(got, want); diff {
			t.Errorf("change %d: frame differs from a fresh renderer's at %v", i, p)
		}
	}
}

// The cache stays bounded.
func TestLossCacheBounded(t *testing.T) {
	r := NewRenderer()
	for i := range 3 * lossCacheSize {
		s := himmelScene()
		s.Key = fmt.Sprint("k", i)
		if _, err := r.Render(nil, s, Options{View: ViewLoss, Width: 200, Height: 150}); err != nil {
			t.Fatal(err)
		}
	}
	if n := r.loss.len(); n > lossCacheSize {
		t.Errorf("%d loss frames cached, limit %d", n, lossCacheSize)
	}
}
