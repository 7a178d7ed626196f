package session

import (
	"image"
	"sync"
	"testing"
	"time"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
	"gdlab/plotting"
)

// BenchmarkFrameGapDuringTenMillionStepRun measures how late frames come
// while a 10,000,000-step run computes and plays at 1,000 steps per second:
// the session's player produces frames and each is rendered at 1280×800 as
// the window's painter does. It reports the longest gap between two
// consecutive frames (max-gap-ms; 16.7 ms is the 60 Hz pace), the mean gap
// and the number of frames during the computation.
func BenchmarkFrameGapDuringTenMillionStepRun(b *testing.B) {
	f, err := expr.Parse("(1-x)^2 + 100(y-x^2)^2")
	if err != nil {
		b.Fatal(err)
	}
	p := optimizer.Problem{F: f, Source: f.Source()}
	c := optimizer.DefaultConfig()
	c.Steps, c.LR, c.Start = 10_000_000, 1e-4, [2]float64{-1.2, 1}
	r := plotting.NewRenderer()
	img := image.NewRGBA(image.Rect(0, 0, 1280, 800))
	var worst, total time.Duration
	frames := 0
	for i := 0; i < b.N; i++ {
		var (
			last    time.Time
			once    sync.Once
			started bool
			done    = make(chan struct{})
		)
		s := New(func(fr Frame) {
			if fr.Scene != nil {
				o := fr.Options
				o.Width, o.Height = 1280, 800
				if _, err := r.Render(img, fr.Scene, o); err != nil {
					b.Error(err)
				}
			}
			now := time.Now()
			if fr.State.Computing {
				started = true
				if !last.IsZero() {
					gap := now.Sub(last)
					worst = max(worst, gap)
					total += gap
					frames++
				}
				last = now
			} else if started {
				once.Do(func() { close(done) })
			}
		}, plotting.Options{View: plotting.ViewBoth})
		s.SetSpeed(1000)
		s.Start(p, []Item{{Config: c}}, true)
		<-done
		s.Close()
	}
	b.ReportMetric(float64(worst)/float64(time.Millisecond), "max-gap-ms")
	if frames > 0 {
		b.ReportMetric(float64(total)/float64(frames)/float64(time.Millisecond), "mean-gap-ms")
	}
	b.ReportMetric(float64(frames)/float64(b.N), "frames/run")
}
