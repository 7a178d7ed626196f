package session

import "math"

// Play starts playback (from the start when at the end).
func (s *Session) Play() {
	s.change(func() {
		if math.Floor(s.k) >= float64(s.lastStepLocked()) && !s.computing {
			s.k = 0
		}
		s.playing = true
	})
}

// Pause stops playback.
func (s *Session) Pause() { s.change(func() { s.playing = false }) }

// TogglePlay plays when paused and pauses when playing.
func (s *Session) TogglePlay() {
	s.mu.Lock()
	playing := s.playing
	s.mu.Unlock()
	if playing {
		s.Pause()
	} else {
		s.Play()
	}
}

// Seek pauses and shows step k (clamped to the steps computed).
func (s *Session) Seek(k int) {
	s.change(func() {
		s.playing = false
		s.k = float64(clamp(k, 0, s.lastStepLocked()))
	})
}

// StepBy pauses and moves d steps.
func (s *Session) StepBy(d int) {
	s.change(func() {
		s.playing = false
		s.k = float64(clamp(int(s.k)+d, 0, s.lastStepLocked()))
	})
}

// SeekEnd pauses at the last step.
func (s *Session) SeekEnd() {
	s.change(func() { s.playing = false; s.k = float64(s.lastStepLocked()) })
}

// Restart goes back to step 0 and plays.
func (s *Session) Restart() { s.change(func() { s.k = 0; s.playing = true }) }

// SetSpeed sets the playback speed in steps per second.
func (s *Session) SetSpeed(v float64) { s.change(func() { s.speed = v }) }

func clamp(v, lo, hi int) int { return min(max(v, lo), hi) }
