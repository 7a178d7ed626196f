package session

import (
	"testing"
	"time"

	"gdlab/optimizer"
	"gdlab/plotting"
)

// sphere is x² + y² with its derivatives, written out so that the session
// is tested without the function language.
type sphere struct{}

func (sphere) Dims() int                                  { return 2 }
func (sphere) Value(x, y float64) float64                 { return x*x + y*y }
func (sphere) ValueGrad(x, y float64) (f, gx, gy float64) { return x*x + y*y, 2 * x, 2 * y }
func (s sphere) NumericGrad(x, y, h float64) (f, gx, gy float64) {
	return s.Value(x, y), (s.Value(x+h, y) - s.Value(x-h, y)) / (2 * h), (s.Value(x, y+h) - s.Value(x, y-h)) / (2 * h)
}
func (sphere) Hessian(x, y float64) [2][2]float64 { return [2][2]float64{{2, 0}, {0, 2}} }

// newTestSession returns a session whose frames arrive on a channel.
func newTestSession(t *testing.T) (*Session, chan Frame) {
	frames := make(chan Frame, 1024)
	s := New(func(f Frame) {
		select {
		case frames <- f:
		default:
		}
	}, plotting.Options{})
	t.Cleanup(s.Close)
	s.SetSpeed(1e5) // playback reaches the end at once
	return s, frames
}

// await returns the first frame that satisfies ok, failing after 10 s.
func await(t *testing.T, frames chan Frame, what string, ok func(State) bool) Frame {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		select {
		case f := <-frames:
			if ok(f.State) {
				return f
			}
		case <-deadline:
			t.Fatalf("no frame with %s within 10 s", what)
		}
	}
}

func idle(st State) bool {
	return !st.Computing && !st.Playing && len(st.Runs) > 0 && st.Runs[0].Result != nil
}

func textbook() optimizer.Problem { return optimizer.Problem{F: sphere{}, Source: "x^2 + y^2"} }

func TestStartComputesAndWaitsAtStepZero(t *testing.T) {
	s, frames := newTestSession(t)
	s.Start(textbook(), []Item{{Config: optimizer.DefaultConfig()}}, false)
	f := await(t, frames, "the computed run", idle)
	st := f.State
	if st.Step != 0 || st.MaxStep != 100 || len(st.Runs) != 1 || st.Stale || !st.Current(0) {
		t.Fatalf("state %+v", st)
	}
	if r := st.Runs[0]; !r.HasAt || r.At.K != 0 || r.At.X != [2]float64{3, 2} || len(r.Points) != 101 {
		t.Errorf("at step 0: %+v (%d points)", r.At, len(r.Points))
	}
	if got := st.Runs[0].Stable.String(); got != "here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0" {
		t.Errorf("stability %q", got)
	}
	if f.Scene == nil || len(f.Scene.Runs) != 1 || f.Scene.Box == nil {
		t.Errorf("scene %+v", f.Scene)
	}
}

func TestPlayerSeeksStepsAndPlaysToTheEnd(t *testing.T) {
	s, frames := newTestSession(t)
	s.Start(textbook(), []Item{{Config: optimizer.DefaultConfig()}}, false)
	await(t, frames, "the computed run", idle)
	s.StepBy(3)
	// x_k = 0.8^k (3, 2): step 3 is at (1.536, 1.024).
	f := await(t, frames, "step 3", func(st State) bool { return st.Step == 3 })
	if x := f.State.Runs[0].At.X; x != [2]float64{1.536, 1.024} && (x[0]-1.536)*(x[0]-1.536) > 1e-24 {
		t.Errorf("step 3 at %v", x)
	}
	s.Seek(1000)
	await(t, frames, "the last step", func(st State) bool { return st.Step == 100 })
	s.StepBy(-1)
	await(t, frames, "step 99", func(st State) bool { return st.Step == 99 })
	s.Play()
	await(t, frames, "the end of playback", func(st State) bool { return st.Step == 100 && !st.Playing })
	s.SetSpeed(1)
	s.Play() // at the end: from the start again
	await(t, frames, "a restart", func(st State) bool { return st.Playing && st.Step == 0 })
	s.Pause()
	await(t, frames, "pause", func(st State) bool { return !st.Playing })
}

func TestEditingMakesTheRunsStaleUntilComputed(t *testing.T) {
	s, frames := newTestSession(t)
	s.Start(textbook(), []Item{{Config: optimizer.DefaultConfig()}}, false)
	await(t, frames, "the computed run", idle)
	c := optimizer.DefaultConfig()
	c.LR = 0.5
	s.Edit(0, c, 2)
	f := await(t, frames, "a stale state", func(st State) bool { return st.Stale })
	if f.State.Current(0) || f.State.Items[0].Config.LR != 0.5 || f.State.Runs[0].Config.LR != 0.1 {
		t.Errorf("after the edit: items %+v runs %+v", f.State.Items, f.State.Runs[0].Config)
	}
	// Editing back to what was computed is no longer stale only after a computation.
	s.Compute(false)
	f = await(t, frames, "the new computation", func(st State) bool { return idle(st) && !st.Stale })
	if !f.State.Current(0) || f.State.Runs[0].Config.LR != 0.5 {
		t.Errorf("after compute: %+v", f.State.Runs[0].Config)
	}
}

func TestTheRunListAddsRemovesReplacesAndHides(t *testing.T) {
	s, frames := newTestSession(t)
	s.Start(textbook(), []Item{{Config: optimizer.DefaultConfig()}}, false)
	await(t, frames, "the computed run", idle)
	s.SetHidden(0, true)
	if !s.Add(0) {
		t.Fatal("Add refused")
	}
	f := await(t, frames, "two runs", func(st State) bool { return len(st.Runs) == 2 && idle(st) && st.Runs[1].Result != nil })
	if !f.State.Items[0].Hidden || f.State.Items[1].Hidden || !f.Scene.Runs[0].Hidden {
		t.Errorf("hidden: items %+v", f.State.Items)
	}
	var cs []optimizer.Config
	for _, lr := range []float64{0.01, 0.1, 1.1} {
		c := optimizer.DefaultConfig()
		c.LR = lr
		cs = append(cs, c)
	}
	s.Replace(cs)
	f = await(t, frames, "three runs", func(st State) bool {
		return len(st.Runs) == 3 && !st.Computing && st.Runs[2].Result != nil
	})
	if r := f.State.Runs[2].Result; r.Status != optimizer.Diverged || r.DivergedAt != 70 {
		t.Errorf("lr 1.1: %s at %d, want diverged at 70", r.Status, r.DivergedAt)
	}
	s.Remove(0)
	f = await(t, frames, "two runs again", func(st State) bool { return len(st.Items) == 2 && !st.Computing && st.Runs[0].Result != nil })
	if f.State.Items[0].Config.LR != 0.1 {
		t.Errorf("after removing run 1: %+v", f.State.Items)
	}
	s.Remove(0)
	s.Remove(0) // the last run stays
	f = await(t, frames, "one run", func(st State) bool { return len(st.Items) == 1 && !st.Computing })
	for i := 0; i < MaxRuns; i++ {
		s.Add(0)
	}
	if n := len(s.Items()); n != MaxRuns {
		t.Errorf("%d runs after adding past the limit, want %d", n, MaxRuns)
	}
	s.SetStarts([2]float64{1, -1})
	f = await(t, frames, "the new start", func(st State) bool {
		return !st.Computing && len(st.Runs) > 0 && st.Runs[0].Config.Start == [2]float64{1, -1}
	})
	for _, it := range f.State.Items {
		if it.Config.Start != [2]float64{1, -1} {
			t.Errorf("start %v", it.Config.Start)
		}
	}
}

func TestStopCancelsALongRun(t *testing.T) {
	s, frames := newTestSession(t)
	c := optimizer.DefaultConfig()
	c.Steps, c.LR = 50_000_000, 1e-9
	s.Start(textbook(), []Item{{Config: c}}, true)
	await(t, frames, "computing", func(st State) bool { return st.Computing })
	start := time.Now()
	s.Stop()
	f := await(t, frames, "the cancelled run", func(st State) bool { return !st.Computing && st.Runs[0].Result != nil })
	if r := f.State.Runs[0].Result; r.Status != optimizer.Cancelled {
		t.Errorf("status %s after %v", r.Status, time.Since(start))
	}
}

func TestWorkedStepOfTheSelectedRun(t *testing.T) {
	s, frames := newTestSession(t)
	c := optimizer.DefaultConfig()
	s.Start(textbook(), []Item{{Config: c}, {Config: c.With("momentum", 0.5)}}, false)
	f := await(t, frames, "the computed runs", idle)
	if len(f.State.Worked.Lines) != 0 || f.State.Step != 0 {
		t.Errorf("step 0 written out: %q", f.State.Worked.Lines)
	}
	s.StepBy(1)
	f = await(t, frames, "step 1", func(st State) bool { return st.Step == 1 })
	if w := f.State.Worked; w.K != 1 || len(w.Lines) != 2 || w.Lines[1] != "x₁ = x₀ − η·∇f = (3, 2) − 0.1·(6, 4) = (2.4, 1.6)" {
		t.Errorf("gd step 1: %+v", w)
	}
	c.Method = optimizer.Momentum
	s.Start(textbook(), []Item{{Config: optimizer.DefaultConfig()}, {Config: c}}, false)
	s.SetSelected(1)
	await(t, frames, "the computed runs", idle)
	s.Seek(2)
	f = await(t, frames, "step 2", func(st State) bool { return st.Step == 2 })
	if w := f.State.Worked; len(w.Lines) != 3 || w.Lines[1] != "b₂ = μ·b₁ + (1 − τ)·∇f = 0.9·(6, 4) + 1·(4.8, 3.2) = (10.2, 6.8)" {
		t.Errorf("momentum step 2: %q", w.Lines)
	}
}

// TestPlaybackPausesAtTheStops: playing at any speed stops exactly at each
// stop's step and says so; Play goes on to the next one and to the end.
func TestPlaybackPausesAtTheStops(t *testing.T) {
	s, frames := newTestSession(t)
	s.SetStops([]int{3, 40})
	s.Start(textbook(), []Item{{Config: optimizer.DefaultConfig()}}, false)
	await(t, frames, "the computed run", idle)
	s.Play()
	await(t, frames, "the stop at step 3", func(st State) bool { return st.Step == 3 && !st.Playing && st.Stop == 3 })
	s.Play()
	await(t, frames, "the stop at step 40", func(st State) bool { return st.Step == 40 && !st.Playing && st.Stop == 40 })
	s.StepBy(1)
	await(t, frames, "no stop at step 41", func(st State) bool { return st.Step == 41 && st.Stop == 0 })
	s.Play()
	await(t, frames, "the end", func(st State) bool { return st.Step == 100 && !st.Playing && st.Stop == 0 })
	s.SetStops(nil)
	s.Play()
	await(t, frames, "a whole playback without stops", func(st State) bool { return st.Step == 100 && !st.Playing && st.Stop == 0 })
}
