package app

import (
	"context"
	"math"
	"sort"
	"sync"
	"time"

	"fyne.io/fyne/v2/lang"

	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// lab holds the runs being computed and played back. It is safe for use from
// any goroutine: the window calls its methods on the main goroutine, the
// optimizer's goroutines report progress into it, and its own player
// goroutine turns every change into one Frame at most ~60 times a second —
// never one per optimizer step.
type lab struct {
	draw func(Frame) // hands a frame to the figure view's render goroutine

	mu        sync.Mutex
	gen       uint64 // newest computation; reports from older ones are dropped
	cancel    context.CancelFunc
	problem   optimizer.Problem
	runs      []*liveRun
	computing bool
	k         float64 // current step, fractional while playing
	playing   bool
	speed     float64 // steps per second
	opts      plotting.Options
	view      *plotting.Box // the auto view box in use when the problem has none
	dirty     bool
	version   uint64 // counts changes; a frame carries the version it shows
	wake      chan struct{}
	quit      chan struct{}
}

// liveRun is one run's data as it is computed.
type liveRun struct {
	cfg      optimizer.Config
	hidden   bool
	points   []optimizer.Point // recorded so far (a prefix, read-only)
	res      *optimizer.Result // nil until the run ends
	disp     plotting.Run      // thinned copy for drawing
	stride   int               // display thinning stride
	consumed int               // points of the trajectory already looked at for disp
}

// frameInterval paces playback and progress frames (about 60 Hz).
const frameInterval = 16 * time.Millisecond

// displayPoints is about how many points of one run are drawn: longer runs
// are thinned for the figure (the table and readout use every recorded step).
const displayPoints = 50_000

func newLab(draw func(Frame)) *lab {
	l := &lab{draw: draw, speed: 10, wake: make(chan struct{}, 1), quit: make(chan struct{}),
		opts: plotting.Options{View: plotting.ViewBoth, Labels: figureLabels()}}
	go l.loop()
	return l
}

// figureLabels are the words the figures draw, in the window's language.
func figureLabels() *plotting.Labels {
	return &plotting.Labels{
		Step:       lang.L("step"),
		Shifted:    lang.L("shifted to stay positive"),
		Clipped:    lang.L("clipped"),
		Run:        lang.L("run %d"),
		DivergedAt: lang.L("diverged at step %d"),
	}
}

func (l *lab) close() {
	l.mu.Lock()
	if l.cancel != nil {
		l.cancel()
	}
	l.mu.Unlock()
	select {
	case <-l.quit:
	default:
		close(l.quit)
	}
}

func (l *lab) poke() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// change runs f under the lock, marks the lab dirty and wakes the player;
// it returns the version of the lab after the change.
func (l *lab) change(f func()) uint64 {
	l.mu.Lock()
	f()
	l.dirty = true
	l.version++
	v := l.version
	l.mu.Unlock()
	l.poke()
	return v
}

// compute cancels whatever is computing and starts the runs cs on p
// concurrently; playback goes back to step 0 and plays or pauses.
func (l *lab) compute(p optimizer.Problem, cs []optimizer.Config, hidden []bool, play bool) {
	ctx, cancel := context.WithCancel(context.Background())
	var gen uint64
	l.change(func() {
		if l.cancel != nil {
			l.cancel()
		}
		l.gen++
		gen = l.gen
		l.cancel = cancel
		l.problem = p
		l.runs = make([]*liveRun, len(cs))
		for i, c := range cs {
			r := &liveRun{cfg: c, stride: 1}
			if i < len(hidden) {
				r.hidden = hidden[i]
			}
			if c.Steps > displayPoints*6/5 {
				r.stride = c.Steps/displayPoints | 1 // odd, so a 2-cycle still alternates
			}
			r.disp = plotting.Run{Label: figure.Label(c), DivergedAt: -1, Hidden: r.hidden}
			l.runs[i] = r
		}
		l.computing = len(cs) > 0
		l.k, l.playing = 0, play
		l.view = nil
	})
	go func() {
		res := optimizer.RunSet(ctx, p, cs, func(i int, pr optimizer.Progress) { l.progress(gen, i, pr.Points) })
		l.finish(gen, res)
	}()
}

func (l *lab) progress(gen uint64, i int, pts []optimizer.Point) {
	_ = l.change(func() {
		if gen != l.gen || i >= len(l.runs) {
			return
		}
		r := l.runs[i]
		r.appendDisplay(pts)
		r.points = pts
	})
}

func (l *lab) finish(gen uint64, res []optimizer.Result) {
	l.change(func() {
		if gen != l.gen {
			return
		}
		for i := range res {
			r := l.runs[i]
			r.res = &res[i]
			r.points = res[i].Points
			r.disp = plotting.Run{Label: r.disp.Label, Hidden: r.hidden}
			r.consumed = 0
			r.appendDisplay(res[i].Points)
			r.disp.DivergedAt = res[i].DivergedAt
		}
		l.computing = false
		l.view = nil
		if l.cancel != nil {
			l.cancel()
			l.cancel = nil
		}
	})
}

// appendDisplay converts the points not yet converted, keeping every
// stride-th step and the newest one. Only ever appends, so frames already
// handed to the renderer keep reading valid data.
func (r *liveRun) appendDisplay(pts []optimizer.Point) {
	for i := r.consumed; i < len(pts); i++ {
		if p := pts[i]; p.K%r.stride == 0 || i == len(pts)-1 {
			figure.AppendPoint(&r.disp, p)
		}
	}
	r.consumed = max(r.consumed, len(pts))
}

// stop cancels the computation and pauses playback.
func (l *lab) stop() {
	l.change(func() {
		if l.cancel != nil {
			l.cancel()
		}
		l.playing = false
	})
}

// play starts playback (from the start when at the end); pause stops it.
func (l *lab) play() {
	l.change(func() {
		if math.Floor(l.k) >= float64(l.lastStepLocked()) && !l.computing {
			l.k = 0
		}
		l.playing = true
	})
}

func (l *lab) pause() { l.change(func() { l.playing = false }) }

func (l *lab) togglePlay() {
	l.mu.Lock()
	playing := l.playing
	l.mu.Unlock()
	if playing {
		l.pause()
	} else {
		l.play()
	}
}

// seek pauses and shows step k (clamped to the steps computed).
func (l *lab) seek(k int) {
	l.change(func() {
		l.playing = false
		l.k = float64(clamp(k, 0, l.lastStepLocked()))
	})
}

// stepBy pauses and moves d steps.
func (l *lab) stepBy(d int) {
	l.change(func() {
		l.playing = false
		l.k = float64(clamp(int(l.k)+d, 0, l.lastStepLocked()))
	})
}

// seekEnd pauses at the last step.
func (l *lab) seekEnd() { l.change(func() { l.playing = false; l.k = float64(l.lastStepLocked()) }) }

// restart goes back to step 0 and plays.
func (l *lab) restart() { l.change(func() { l.k = 0; l.playing = true }) }

func (l *lab) setSpeed(v float64) { l.change(func() { l.speed = v }) }

func (l *lab) setHidden(i int, hidden bool) {
	l.change(func() {
		if i < len(l.runs) {
			l.runs[i].hidden = hidden
			l.runs[i].disp.Hidden = hidden
			l.view = nil
		}
	})
}

func (l *lab) setOptions(f func(*plotting.Options)) { l.change(func() { f(&l.opts) }) }

// touch asks for a frame even if nothing changed, and returns the version
// that frame will show.
func (l *lab) touch() uint64 { return l.change(func() {}) }

// lastStepLocked is the last step recorded by any run so far.
func (l *lab) lastStepLocked() int {
	last := 0
	for _, r := range l.runs {
		if n := len(r.points); n > 0 && r.points[n-1].K > last {
			last = r.points[n-1].K
		}
	}
	return last
}

func (l *lab) loop() {
	tick := time.NewTicker(frameInterval)
	defer tick.Stop()
	last, drawn := time.Now(), time.Time{}
	for {
		select {
		case <-l.quit:
			return
		case <-l.wake:
		case <-tick.C:
		}
		// At most one frame per interval, however often progress arrives.
		if wait := frameInterval - time.Since(drawn); wait > 0 {
			time.Sleep(wait)
		}
		now := time.Now()
		l.mu.Lock()
		if l.playing {
			before := math.Floor(l.k)
			l.k += l.speed * now.Sub(last).Seconds()
			if end := float64(l.lastStepLocked()); l.k >= end {
				l.k = end
				if !l.computing {
					l.playing = false
				}
				l.dirty = true
			}
			if math.Floor(l.k) != before {
				l.dirty = true
			}
		}
		last = now
		if !l.dirty {
			l.mu.Unlock()
			continue
		}
		l.dirty = false
		f := l.frameLocked()
		l.mu.Unlock()
		drawn = time.Now()
		l.draw(f)
	}
}

// labState is what a frame tells the widgets: an immutable snapshot.
type labState struct {
	Version                 uint64 // of the lab when the frame was made
	Step, LastStep, MaxStep int
	Playing, Computing      bool
	Speed                   float64
	Problem                 optimizer.Problem
	Runs                    []runState
}

// runState is one run at the current step.
type runState struct {
	Config optimizer.Config
	Hidden bool
	Points []optimizer.Point // everything recorded so far
	Result *optimizer.Result // nil while computing
	At     optimizer.Point   // the point at the current step
	HasAt  bool
	Stable string // the stability sentence at the current point
	Eigen  []float64
}

func (l *lab) frameLocked() Frame {
	k := int(l.k)
	st := labState{Version: l.version, Step: k, LastStep: l.lastStepLocked(), Playing: l.playing, Computing: l.computing,
		Speed: l.speed, Problem: l.problem, Runs: make([]runState, len(l.runs))}
	traces := make([]plotting.Run, len(l.runs))
	for i, r := range l.runs {
		traces[i] = r.disp
		steps := r.cfg.Steps
		if r.res != nil {
			steps = r.res.Steps
		}
		st.MaxStep = max(st.MaxStep, steps)
		rs := runState{Config: r.cfg, Hidden: r.hidden, Points: r.points, Result: r.res}
		if n := sort.Search(len(r.points), func(j int) bool { return r.points[j].K > k }); n > 0 {
			rs.At, rs.HasAt = r.points[n-1], true
			if l.problem.F != nil {
				a := optimizer.AnalyseAt(l.problem.F, r.cfg, rs.At.X)
				rs.Stable, rs.Eigen = a.Summary, a.Eigenvalues
			}
		}
		st.Runs[i] = rs
	}
	var scene *plotting.Scene
	if l.problem.F != nil {
		scene = figure.Scene(l.problem, nil, k)
		scene.Runs = traces
		if scene.Box == nil {
			scene.Box = l.viewLocked(scene)
		}
	}
	return Frame{Scene: scene, Options: l.opts, State: st}
}

// viewLocked is the view box when the problem has none. The auto view is
// worked out once the runs are computed; while they compute it only grows,
// by a margin, when a trajectory leaves it, so the expensive background is
// redrawn a few times, not every frame.
func (l *lab) viewLocked(s *plotting.Scene) *plotting.Box {
	if l.view != nil && !l.computing {
		return l.view
	}
	auto := plotting.AutoBox(s)
	if l.computing {
		if v := l.view; v != nil && v.XMin <= auto.XMin && v.XMax >= auto.XMax && v.YMin <= auto.YMin && v.YMax >= auto.YMax {
			return v
		}
		dx, dy := (auto.XMax-auto.XMin)/2, (auto.YMax-auto.YMin)/2
		auto = plotting.Box{XMin: auto.XMin - dx, XMax: auto.XMax + dx, YMin: auto.YMin - dy, YMax: auto.YMax + dy}
	}
	l.view = &auto
	return l.view
}

func clamp(v, lo, hi int) int {
	if v < lo {
		return lo
	}
	if v > hi {
		return hi
	}
	return v
}
