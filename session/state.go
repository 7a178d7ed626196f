package session

import (
	"sort"
	"time"

	"gdlab/message"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// Frame is one picture to show: a scene to render with its options, and the
// state of the session that the widgets show alongside it.
type Frame struct {
	Scene   *plotting.Scene // nil: nothing to draw yet
	Options plotting.Options
	State   State
}

// State is an immutable snapshot of the session for the widgets.
type State struct {
	Version                 uint64 // of the session when the snapshot was made
	Step, LastStep, MaxStep int    // current step, last one recorded, last one there will be
	Playing, Computing      bool
	Stale                   bool // the list or the function changed since the last computation
	Speed                   float64
	Problem                 optimizer.Problem // the function of the computed runs
	Items                   []Item            // the run list as edited
	Runs                    []RunState        // the computed runs, one per item at the last computation
	Worked                  optimizer.Worked  // the selected run's current step as arithmetic (no lines at step 0)
	Stop                    int               // the stop (SetStops) playback is paused at, 0 for none
}

// RunState is one computed run at the current step.
type RunState struct {
	Config optimizer.Config
	Hidden bool
	Points []optimizer.Point // everything recorded so far
	Result *optimizer.Result // nil while computing
	At     optimizer.Point   // the point at the current step
	HasAt  bool
	Stable message.Message // the stability sentence at the current point
	Eigen  []float64       // the Hessian's eigenvalues there
	// Analysed says whether Stable and Eigen are there: an analysis that
	// costs more than slowAnalysis is made only while playback is paused.
	Analysed bool
	// Rule is the optimizer's state at the current point, computed while
	// the figure draws some of it (Options.StateArrows, StateSteps,
	// StateAxes); HasRule says whether there is one.
	Rule    optimizer.RuleState
	HasRule bool
}

// Current reports whether run i of the list has been computed with the
// settings it has now, so that its result speaks of it.
func (st State) Current(i int) bool {
	return i < len(st.Runs) && i < len(st.Items) && !st.Stale && st.Runs[i].Config.Equal(st.Items[i].Config)
}

// slowAnalysis is the longest a stability analysis may take to be made at
// every frame while playing.
const slowAnalysis = 30 * time.Millisecond

// State returns a snapshot of the session now.
func (s *Session) State() State {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stateLocked()
}

func (s *Session) stateLocked() State {
	k := int(s.k)
	st := State{Version: s.version, Step: k, LastStep: s.lastStepLocked(), Playing: s.playing,
		Computing: s.computing, Stale: s.stale, Speed: s.speed, Problem: s.computed,
		Items: append([]Item(nil), s.items...), Runs: make([]RunState, len(s.runs))}
	for i, r := range s.runs {
		steps := r.cfg.Steps
		if r.res != nil {
			steps = r.res.Steps
		}
		st.MaxStep = max(st.MaxStep, steps)
		rs := RunState{Config: r.cfg, Hidden: r.hidden, Points: r.points, Result: r.res}
		if n := sort.Search(len(r.points), func(j int) bool { return r.points[j].K > k }); n > 0 {
			rs.At, rs.HasAt = r.points[n-1], true
			if s.computed.F != nil && !(s.playing && s.slowAnalysis) {
				t0 := time.Now()
				a := optimizer.AnalyseAt(s.computed.F, r.cfg, rs.At.Pos(s.computed.F.Dims()))
				rs.Stable, rs.Eigen, rs.Analysed = a.Summary, a.Eigenvalues, true
				s.slowAnalysis = s.slowAnalysis || time.Since(t0) > slowAnalysis
			}
		}
		st.Runs[i] = rs
	}
	st.Worked = s.workedLocked(k)
	if s.stopAt == k && !s.playing {
		st.Stop = k
	}
	if s.opts.StateArrows || s.opts.StateSteps || s.opts.StateAxes {
		s.rulesLocked(&st)
	}
	return st
}

// keyedReplayer is a replayer with the run it replays.
type keyedReplayer struct {
	rp  *optimizer.Replayer
	key replayKey
}

// rulesLocked fills the optimizer state of every run at its current point,
// with the selected run's replayer (which the worked step has just moved
// there) and one kept per other run, so playing forward costs one step of
// each rule per step shown.
func (s *Session) rulesLocked(st *State) {
	if s.computed.F == nil {
		return
	}
	if len(s.replays) != len(s.runs) {
		s.replays = make([]keyedReplayer, len(s.runs))
	}
	for i, r := range s.runs {
		rs := &st.Runs[i]
		if !rs.HasAt || rs.Hidden {
			continue
		}
		rp := s.replay
		if i != s.selected || rp == nil {
			key := replayKey{s.gen, i, len(r.points)}
			if s.replays[i].rp == nil || s.replays[i].key != key {
				s.replays[i] = keyedReplayer{optimizer.NewReplayer(s.computed, r.cfg, r.points), key}
			}
			rp = s.replays[i].rp
		}
		rs.Rule, rs.HasRule = rp.State(rs.At.K)
	}
}

// replayKey says which recorded run a replayer replays.
type replayKey struct {
	gen    uint64
	run, n int
}

// workedLocked is the selected run's step k written out; the replayer is
// kept between frames, so playing forward costs one step of the rule per
// step shown.
func (s *Session) workedLocked(k int) optimizer.Worked {
	if s.selected < 0 || s.selected >= len(s.runs) || s.computed.F == nil {
		return optimizer.Worked{}
	}
	r := s.runs[s.selected]
	key := replayKey{s.gen, s.selected, len(r.points)}
	if s.replay == nil || s.replayOf != key {
		s.replay, s.replayOf = optimizer.NewReplayer(s.computed, r.cfg, r.points), key
	}
	w, _ := s.replay.Explain(k)
	return w
}

func (s *Session) frameLocked() Frame {
	st := s.stateLocked()
	sc := s.sceneLocked(st.Step)
	if sc != nil {
		for i, rs := range st.Runs {
			if rs.HasRule && i < len(sc.Runs) {
				r := rs.Rule
				sc.Runs[i].State = &plotting.RunState{Arrow: r.Arrow, Steps: r.Steps, Axes: r.Axes, Eigen: r.Eigen}
			}
		}
	}
	return Frame{Scene: sc, Options: s.opts, State: st}
}
