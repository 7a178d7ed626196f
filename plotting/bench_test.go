package plotting

import (
	"image"
	"math"
	"syscall"
	"testing"
	"time"
)

// cpuTime returns the process's user+system CPU time. Benchmarks report it
// per op ("cpu-ms/op") next to wall time: on a shared, loaded machine wall
// time overstates the cost.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the cpu-ms/op metric measured since start.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// BenchmarkFrame1280x800 is a frame of the contour view over a cached
// background (target ≤ 8 ms).
func BenchmarkFrame1280x800(b *testing.B) {
	r := NewRenderer()
	s := rosenScene()
	o := Options{View: ViewContour, Width: 1280, Height: 800, Gradient: true, Velocity: true}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	if _, err := r.Render(dst, s, o); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		s.Current = i % 2000
		r.Render(dst, s, o)
	}
}

// BenchmarkFrameField1280x800 is BenchmarkFrame1280x800 with the gradient
// field on: the arrows are in the cached background, a frame only restores
// the cells under the current points (budget: at most 2 ms over
// BenchmarkFrame1280x800).
func BenchmarkFrameField1280x800(b *testing.B) {
	r := NewRenderer()
	s := rosenScene()
	s.Grad = rosenGrad
	o := Options{View: ViewContour, Width: 1280, Height: 800, Gradient: true, Velocity: true, Field: true}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	if _, err := r.Render(dst, s, o); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		s.Current = i % 2000
		r.Render(dst, s, o)
	}
}

// BenchmarkFrameBoth1280x800 is a playback frame of contour + loss side by
// side: both panels over cached frames, only the runs drawn.
func BenchmarkFrameBoth1280x800(b *testing.B) { benchFrameBoth(b, "rosenbrock") }

// BenchmarkFrameBothNoKey1280x800 is the same frame without a scene key:
// nothing cached, both panels drawn in full (the contour background
// included) every frame.
func BenchmarkFrameBothNoKey1280x800(b *testing.B) { benchFrameBoth(b, "") }

func benchFrameBoth(b *testing.B, key string) {
	r := NewRenderer()
	s := rosenScene()
	s.Key = key
	o := Options{View: ViewBoth, Width: 1280, Height: 800, LogLoss: true}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	r.Render(dst, s, o)
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		s.Current = i % 2000
		r.Render(dst, s, o)
	}
}

// BenchmarkBackground200 builds the contour background (200×200 grid, heat
// map, contour lines, axes) at 1280×800 (target ≤ 100 ms).
func BenchmarkBackground200(b *testing.B) {
	s := rosenScene()
	o := Options{Width: 1280, Height: 800}.normalized()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for b.Loop() {
		buildBackground(s, *s.Box, 1280, 800, o)
	}
}

// BenchmarkBackgroundField200 is BenchmarkBackground200 with the gradient
// field drawn into the background (and the copy without it kept).
func BenchmarkBackgroundField200(b *testing.B) {
	s := rosenScene()
	s.Grad = rosenGrad
	o := Options{Width: 1280, Height: 800, Field: true}.normalized()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for b.Loop() {
		buildBackground(s, *s.Box, 1280, 800, o)
	}
}

// BenchmarkLoss1M renders the loss view of a 1,000,000-step run at
// 1280×800 (target ≤ 20 ms).
func BenchmarkLoss1M(b *testing.B) {
	s := longScene()
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	rd := NewRenderer()
	for _, log := range []bool{false, true} {
		name := "linear"
		if log {
			name = "log"
		}
		b.Run(name, func(b *testing.B) {
			o := Options{View: ViewLoss, Width: 1280, Height: 800, LogLoss: log}
			c0 := cpuTime()
			defer reportCPU(b, c0)
			for b.Loop() {
				rd.Render(dst, s, o)
			}
		})
	}
}

// BenchmarkFrameLoss1M is a playback frame of the loss view of a
// 1,000,000-step run (the current step moving) at 1280×800.
func BenchmarkFrameLoss1M(b *testing.B) {
	s := longScene()
	s.Key = "long"
	r := NewRenderer()
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	o := Options{View: ViewLoss, Width: 1280, Height: 800, LogLoss: true}
	r.Render(dst, s, o)
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		s.Current = 1_000_000 - 997*i%1_000_000
		r.Render(dst, s, o)
	}
}

// longScene has one decaying, noisy 1,000,000-step run.
func longScene() *Scene {
	const n = 1_000_001
	r := Run{Label: "long", F: make([]float64, n), X: make([]float64, n), Y: make([]float64, n), DivergedAt: -1}
	for i := range r.F {
		r.F[i] = (1 + 0.05*math.Sin(float64(i))) / (1 + float64(i)/1000) // decaying, 5% noise
	}
	return &Scene{F: func(x, y float64) float64 { return x }, Dims: 2, Runs: []Run{r}, Current: -1}
}

// BenchmarkFrameLoss1280x800 is a playback frame of the loss view alone
// (three 2000-step runs, log scale, the current step moving).
func BenchmarkFrameLoss1280x800(b *testing.B) {
	r := NewRenderer()
	s := rosenScene()
	o := Options{View: ViewLoss, Width: 1280, Height: 800, LogLoss: true}
	dst := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	r.Render(dst, s, o)
	b.ResetTimer()
	c0 := cpuTime()
	defer reportCPU(b, c0)
	for i := 0; b.Loop(); i++ {
		s.Current = 37 * i % 2000
		r.Render(dst, s, o)
	}
}
