package session

import (
	"context"
	"math"
	"sort"
	"sync"
	"time"

	"gdlab/figure"
	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// MaxRuns is how many runs the list holds (each has its own colour).
const MaxRuns = plotting.MaxRuns

// Item is one run of the list: its settings and whether it is drawn.
type Item struct {
	Config optimizer.Config
	Hidden bool
}

// Session is the run list, its computation and its playback.
type Session struct {
	draw func(Frame) // hands a frame to the renderer; called from the player goroutine

	mu        sync.Mutex
	items     []Item
	problem   optimizer.Problem // the function as edited
	gen       uint64            // newest computation; reports from older ones are dropped
	cancel    context.CancelFunc
	computed  optimizer.Problem // the function of the computed runs
	runs      []*liveRun        // the computed runs, one per item at the last computation
	curves    figure.Curves     // the runs' test losses and accuracies, kept from frame to frame
	computing bool
	stale     bool
	k         float64 // current step, fractional while playing
	playing   bool
	// slowAnalysis: the stability analysis at a point of the computed
	// problem took longer than a frame may (a network's Hessian over many
	// rows); while playing, State leaves it out.
	slowAnalysis bool
	speed        float64 // steps per second
	opts         plotting.Options
	view         *plotting.Box // the auto view box in use when the problem has none
	dirty        bool
	selected     int                 // the run whose step is written out (State.Worked)
	replay       *optimizer.Replayer // replays the selected run's rule for its worked step
	replayOf     replayKey           // what replay replays
	replays      []keyedReplayer     // the other runs' replayers, for their optimizer state (State.Runs[i].Rule)
	stops        []int               // steps where playback pauses (a lesson's stops), increasing
	stopAt       int                 // the stop playback last paused at, 0 for none
	proj         figure.Projection   // how a function of more than two variables is drawn
	nd           ndScene             // its figure, cached
	version      uint64              // counts changes; a frame carries the version it shows
	wake         chan struct{}
	quit         chan struct{}
}

// frameInterval paces playback and progress frames (about 60 Hz).
const frameInterval = 16 * time.Millisecond

// New starts a session whose frames go to draw (called from the session's
// own goroutine, one frame at a time), with the figure options opts.
func New(draw func(Frame), opts plotting.Options) *Session {
	s := &Session{draw: draw, speed: 10, wake: make(chan struct{}, 1), quit: make(chan struct{}), opts: opts}
	go s.loop()
	return s
}

// Close cancels the computation and stops the player goroutine.
func (s *Session) Close() {
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
	}
	s.mu.Unlock()
	select {
	case <-s.quit:
	default:
		close(s.quit)
	}
}

func (s *Session) poke() {
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// change runs f under the lock, marks the session dirty and wakes the player.
func (s *Session) change(f func()) {
	s.mu.Lock()
	f()
	s.dirty = true
	s.version++
	s.mu.Unlock()
	s.poke()
}

// Items returns a copy of the run list.
func (s *Session) Items() []Item {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Item(nil), s.items...)
}

// Item returns run i of the list; ok is false when there is none.
func (s *Session) Item(i int) (Item, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if i < 0 || i >= len(s.items) {
		return Item{}, false
	}
	return s.items[i], true
}

// Problem returns the function as edited.
func (s *Session) Problem() optimizer.Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.problem
}

// Start replaces the function and the run list and computes them; the runs
// wait at step 0 unless play.
func (s *Session) Start(p optimizer.Problem, items []Item, play bool) {
	s.change(func() {
		s.problem = p
		s.items = append([]Item(nil), items...)
		s.computeLocked(play)
	})
}

// Compute computes every run of the list on the function as edited and
// plays them from step 0 (or waits at step 0 unless play).
func (s *Session) Compute(play bool) { s.change(func() { s.computeLocked(play) }) }

// SetProblem changes the function; the runs go stale until computed again.
func (s *Session) SetProblem(p optimizer.Problem) {
	s.change(func() {
		s.problem = p
		s.stale = s.stale || !s.sameLocked()
	})
}

// Edit sets the settings of run i to c. The number of steps is one for the
// whole list (the player plays them together), so every run takes c.Steps;
// for a function of x alone every start's y is 0. The runs go stale.
func (s *Session) Edit(i int, c optimizer.Config, dims int) {
	s.change(func() {
		if i < 0 || i >= len(s.items) {
			return
		}
		s.items[i].Config = c
		for j := range s.items {
			s.items[j].Config.Steps = c.Steps
			if dims == 1 {
				s.items[j].Config.Start[1] = 0
			}
		}
		s.stale = s.stale || !s.sameLocked()
	})
}

// sameLocked reports whether the list has exactly the settings computed.
func (s *Session) sameLocked() bool {
	if len(s.runs) != len(s.items) || s.problem.Source != s.computed.Source {
		return false
	}
	for i, r := range s.runs {
		if !r.cfg.Equal(s.items[i].Config) {
			return false
		}
	}
	return true
}

// Add appends a copy of run i (shown) and computes the list; it reports
// false when the list is full.
func (s *Session) Add(i int) bool {
	ok := false
	s.change(func() {
		if len(s.items) >= MaxRuns || i < 0 || i >= len(s.items) {
			return
		}
		it := s.items[i]
		it.Hidden = false
		s.items = append(s.items, it)
		s.computeLocked(true)
		ok = true
	})
	return ok
}

// Remove removes run i (never the last one) and computes the list.
func (s *Session) Remove(i int) {
	s.change(func() {
		if len(s.items) <= 1 || i < 0 || i >= len(s.items) {
			return
		}
		s.items = append(s.items[:i], s.items[i+1:]...)
		s.computeLocked(true)
	})
}

// Replace replaces the run list by one run per config and computes it.
func (s *Session) Replace(cs []optimizer.Config) {
	if len(cs) == 0 {
		return
	}
	s.change(func() {
		s.items = make([]Item, len(cs))
		for i, c := range cs {
			s.items[i] = Item{Config: c}
		}
		s.computeLocked(true)
	})
}

// SetStarts starts every run from x, a tap on the figure, and computes the
// list; for a function of more than two variables x is a point of the
// slice or plane shown.
func (s *Session) SetStarts(x [2]float64) {
	s.change(func() {
		dims := 2
		if s.problem.F != nil {
			dims = s.problem.F.Dims()
		}
		for i := range s.items {
			s.items[i].Config = s.startTapped(s.items[i].Config, x, dims)
		}
		s.computeLocked(true)
	})
}

// SetHidden shows or hides run i in the figure.
func (s *Session) SetHidden(i int, hidden bool) {
	s.change(func() {
		if i < 0 || i >= len(s.items) {
			return
		}
		s.items[i].Hidden = hidden
		if i < len(s.runs) {
			s.runs[i].hidden = hidden
			s.runs[i].disp.Hidden = hidden
			s.view = nil
		}
	})
}

// SetStops sets the steps where playback pauses (a lesson's stops; nil
// for none): playing reaches such a step, stops there and State.Stop says
// so until the step changes.
func (s *Session) SetStops(steps []int) {
	s.change(func() { s.stops, s.stopAt = append([]int(nil), steps...), 0 })
}

// SetSelected chooses the run whose current step State.Worked writes out.
func (s *Session) SetSelected(i int) { s.change(func() { s.selected = i }) }

// SetOptions changes the figure options.
func (s *Session) SetOptions(f func(*plotting.Options)) { s.change(func() { f(&s.opts) }) }

// Options returns the figure options.
func (s *Session) Options() plotting.Options {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.opts
}

// Stop cancels the computation and pauses playback.
func (s *Session) Stop() {
	s.change(func() {
		if s.cancel != nil {
			s.cancel()
		}
		s.playing = false
	})
}

// computeLocked cancels whatever is computing and starts every run of the
// list concurrently; playback goes back to step 0 and plays or pauses.
func (s *Session) computeLocked(play bool) {
	if s.cancel != nil {
		s.cancel()
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.gen++
	gen := s.gen
	s.cancel = cancel
	s.computed = s.problem
	s.slowAnalysis = false
	s.runs = make([]*liveRun, len(s.items))
	cs := make([]optimizer.Config, len(s.items))
	for i, it := range s.items {
		s.runs[i] = newLiveRun(it)
		cs[i] = it.Config
	}
	s.computing, s.stale = len(cs) > 0, false
	s.k, s.playing = 0, play
	s.view = nil
	p := s.computed
	go func() {
		res := optimizer.RunSet(ctx, p, cs, func(i int, pr optimizer.Progress) { s.progress(gen, i, pr.Points) })
		s.finish(gen, res)
	}()
}

func (s *Session) progress(gen uint64, i int, pts []optimizer.Point) {
	s.change(func() {
		if gen == s.gen && i < len(s.runs) {
			s.runs[i].progress(pts)
		}
	})
}

func (s *Session) finish(gen uint64, res []optimizer.Result) {
	s.change(func() {
		if gen != s.gen {
			return
		}
		for i := range res {
			s.runs[i].finish(&res[i])
		}
		s.computing = false
		s.view = nil
		if s.cancel != nil {
			s.cancel()
			s.cancel = nil
		}
	})
}

// lastStepLocked is the last step recorded by any run so far.
func (s *Session) lastStepLocked() int {
	last := 0
	for _, r := range s.runs {
		if n := len(r.points); n > 0 && r.points[n-1].K > last {
			last = r.points[n-1].K
		}
	}
	return last
}

func (s *Session) loop() {
	tick := time.NewTicker(frameInterval)
	defer tick.Stop()
	last, drawn := time.Now(), time.Time{}
	for {
		select {
		case <-s.quit:
			return
		case <-s.wake:
		case <-tick.C:
		}
		// At most one frame per interval, however often progress arrives.
		if wait := frameInterval - time.Since(drawn); wait > 0 {
			time.Sleep(wait)
		}
		now := time.Now()
		s.mu.Lock()
		s.advanceLocked(now.Sub(last))
		last = now
		if !s.dirty {
			s.mu.Unlock()
			continue
		}
		s.dirty = false
		f := s.frameLocked()
		s.mu.Unlock()
		drawn = time.Now()
		s.draw(f)
	}
}

// advanceLocked moves the playback clock on by dt.
func (s *Session) advanceLocked(dt time.Duration) {
	if !s.playing {
		return
	}
	before := math.Floor(s.k)
	s.k += s.speed * dt.Seconds()
	for _, k := range s.stops {
		if float64(k) > before && float64(k) <= s.k {
			s.k, s.playing, s.stopAt, s.dirty = float64(k), false, k, true
			return
		}
	}
	if end := float64(s.lastStepLocked()); s.k >= end {
		s.k = end
		if !s.computing {
			s.playing = false
		}
		s.dirty = true
	}
	if math.Floor(s.k) != before {
		s.dirty = true
	}
}

// viewLocked is the view box when the problem has none. The auto view is
// worked out once the runs are computed; while they compute it only grows,
// by a margin, when a trajectory leaves it, so the expensive background is
// redrawn a few times, not every frame.
func (s *Session) viewLocked(sc *plotting.Scene) *plotting.Box {
	if s.view != nil && !s.computing {
		return s.view
	}
	auto := plotting.AutoBox(sc)
	if s.computing {
		if v := s.view; v != nil && v.XMin <= auto.XMin && v.XMax >= auto.XMax && v.YMin <= auto.YMin && v.YMax >= auto.YMax {
			return v
		}
		dx, dy := (auto.XMax-auto.XMin)/2, (auto.YMax-auto.YMin)/2
		auto = plotting.Box{XMin: auto.XMin - dx, XMax: auto.XMax + dx, YMin: auto.YMin - dy, YMax: auto.YMax + dy}
	}
	s.view = &auto
	return s.view
}

// sceneLocked is the figure of the computed runs at step k.
func (s *Session) sceneLocked(k int) *plotting.Scene {
	if s.computed.F == nil {
		return nil
	}
	var sc *plotting.Scene
	if s.computed.F.Dims() > 2 {
		sc = s.sceneNLocked(k)
	} else {
		sc = figure.Scene(s.computed, nil, k)
		sc.Runs = make([]plotting.Run, len(s.runs))
		for i, r := range s.runs {
			sc.Runs[i] = r.disp
		}
	}
	if sc.Box == nil {
		sc.Box = s.viewLocked(sc)
	}
	if l := model.LossOf(s.computed.F); l != nil {
		traces := s.tracesLocked()
		sc.Data = figure.DataPanel(l, traces)
		if l.Test != nil {
			runs := append([]plotting.Run(nil), sc.Runs...) // the displayed runs are shared with other frames
			sc.Runs = runs
			s.curves.AddTestLoss(sc, s.computed, traces)
		}
		s.curves.AddAccuracy(sc, s.computed, traces)
	}
	if s.opts.View == plotting.ViewHError {
		sc.HError = s.hErrorLocked(k)
	}
	return sc
}

// hErrorLocked is the error of the numeric gradient against h at the
// selected run's point at step k, with the run's h marked.
func (s *Session) hErrorLocked(k int) *plotting.HErrorData {
	if s.selected < 0 || s.selected >= len(s.runs) {
		return nil
	}
	r := s.runs[s.selected]
	d := s.computed.F.Dims()
	x := r.cfg.StartVec(d)
	if n := sort.Search(len(r.points), func(j int) bool { return r.points[j].K > k }); n > 0 {
		x = r.points[n-1].Pos(d)
	}
	h := r.cfg.H
	if h == 0 {
		h = optimizer.DefaultH
	}
	return figure.HError(s.computed, x, h)
}
