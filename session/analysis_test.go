package session

import (
	"testing"
	"time"

	"gdlab/optimizer"
)

// slowSphere is the sphere whose Hessian takes 40 ms, as a network's over
// many rows does.
type slowSphere struct{ sphere }

func (s slowSphere) Hessian(x, y float64) [2][2]float64 {
	time.Sleep(40 * time.Millisecond)
	return s.sphere.Hessian(x, y)
}

// TestASlowAnalysisWaitsForThePause: once the stability analysis at a
// point has taken longer than a frame may, the states made while playing
// leave it out (Analysed false), and those made while paused have it.
func TestASlowAnalysisWaitsForThePause(t *testing.T) {
	s, frames := newTestSession(t)
	s.Start(optimizer.Problem{F: slowSphere{}, Source: "slow"}, []Item{{Config: optimizer.DefaultConfig()}}, false)
	f := await(t, frames, "the computed run", idle)
	if r := f.State.Runs[0]; !r.Analysed || r.Stable.IsZero() {
		t.Fatalf("paused at step 0: analysed %v, %q", r.Analysed, r.Stable)
	}
	s.SetSpeed(20)
	s.Play()
	f = await(t, frames, "playing", func(st State) bool { return st.Playing && st.Step > 0 })
	if r := f.State.Runs[0]; r.Analysed || !r.Stable.IsZero() {
		t.Errorf("playing at step %d: analysed %v, %q", f.State.Step, r.Analysed, r.Stable)
	}
	s.Pause()
	f = await(t, frames, "paused", func(st State) bool { return !st.Playing })
	if st := s.State(); !st.Runs[0].Analysed {
		t.Errorf("paused at step %d: not analysed", st.Step)
	}
}
