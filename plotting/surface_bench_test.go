package plotting

import (
	"image"
	"io"
	"testing"
)

// BenchmarkSurfaceRender1280x800 is a full render of the surface view
// (120×120 mesh, lit, contour lines, axes, three 2000-step runs) at
// 1280×800 with a new camera every time, as while dragging: the mesh is
// cached, everything else is drawn (target ≤ 25 ms).
func BenchmarkSurfaceRender1280x800(b *testing.B) {
	r := NewRenderer()
	s := rosenScene()
	o := Options{View: ViewSurface, Width: 1280, Height: 800}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	r.Render(dst, s, o)
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		o.Camera = Camera{Azimuth: -60 + float64(i%360), Elevation: 30, Zoom: 1}
		if _, err := r.Render(dst, s, o); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSurfaceFrame1280x800 is a playback frame of the surface view
// over the cached surface: three 2000-step runs up to a moving current
// step, with their balls and arrows (target ≤ 8 ms).
func BenchmarkSurfaceFrame1280x800(b *testing.B) {
	r := NewRenderer()
	s := rosenScene()
	o := Options{View: ViewSurface, Width: 1280, Height: 800, Gradient: true, Velocity: true}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	r.Render(dst, s, o)
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		s.Current = 1000 + i%1000
		r.Render(dst, s, o)
	}
}

// BenchmarkSurfacePNGRosenbrock800x600 is what `gdlab plot --view surface`
// does after computing the run: a fresh renderer (the mesh sampled), the
// full surface with one 2000-step gd run, PNG encoding.
func BenchmarkSurfacePNGRosenbrock800x600(b *testing.B) {
	s := rosenScene()
	s.Runs = s.Runs[:1]
	o := Options{View: ViewSurface, Width: 800, Height: 600}
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for b.Loop() {
		if err := Write(io.Discard, ".png", s, o, Animation{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSurfaceMesh120 samples and prepares the 120×120 mesh of
// Rosenbrock (done once per function and box).
func BenchmarkSurfaceMesh120(b *testing.B) {
	s := rosenScene()
	for b.Loop() {
		newSurfaceMesh(s, *s.Box, surfaceMeshN)
	}
}
