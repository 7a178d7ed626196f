package session

import (
	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// displayPoints is about how many points of one run are drawn: longer runs
// are thinned for the figure (the table and readout use every recorded step).
const displayPoints = 50_000

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

func newLiveRun(it Item) *liveRun {
	r := &liveRun{cfg: it.Config, hidden: it.Hidden, stride: 1}
	if it.Config.Steps > displayPoints*6/5 {
		r.stride = it.Config.Steps/displayPoints | 1 // odd, so a 2-cycle still alternates
	}
	r.disp = plotting.Run{Label: figure.Label(it.Config), Eta: figure.Rates(it.Config, 0), DivergedAt: -1, Hidden: it.Hidden}
	return r
}

// progress takes the points recorded so far.
func (r *liveRun) progress(pts []optimizer.Point) {
	r.appendDisplay(pts)
	r.points = pts
}

// finish takes the run's result.
func (r *liveRun) finish(res *optimizer.Result) {
	r.res = res
	r.points = res.Points
	r.disp = plotting.Run{Label: r.disp.Label, Eta: figure.Rates(r.cfg, 0), Hidden: r.hidden}
	r.consumed = 0
	r.appendDisplay(res.Points)
	r.disp.DivergedAt = res.DivergedAt
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
