package plotting

import "sort"

// runView gives safe, length-checked access to a Run's points.
type runView struct {
	r     *Run
	index int // position in Scene.Runs (selects the colour)
	n     int // number of usable points
}

// k returns the step of point i.
func (v runView) k(i int) int {
	if i < len(v.r.K) {
		return v.r.K[i]
	}
	return i
}

// y returns the y position of point i (0 when absent, e.g. in 1-D runs).
func (v runView) y(i int) float64 {
	if i < len(v.r.Y) {
		return v.r.Y[i]
	}
	return 0
}

// f returns the loss value of point i, or NaN when absent.
func (v runView) f(i int) float64 {
	if i < len(v.r.F) {
		return v.r.F[i]
	}
	return nan
}

// upTo returns the index of the last point with step <= current, or the
// last index when current < 0; -1 when the run is empty.
func (v runView) upTo(current int) int {
	if v.n == 0 {
		return -1
	}
	if current < 0 {
		return v.n - 1
	}
	i := sort.Search(v.n, func(i int) bool { return v.k(i) > current })
	if i == 0 {
		return 0 // the start is always shown
	}
	return i - 1
}

// diverged reports whether point i is at or after the divergence step.
func (v runView) diverged(i int) bool {
	return v.r.DivergedAt >= 0 && v.k(i) >= v.r.DivergedAt
}

// positionRuns returns the visible runs (at most maxRuns) with n = the number
// of positions; lossRuns does the same with n = the number of loss values.
func positionRuns(s *Scene) []runView {
	return visibleRuns(s, func(r *Run) int {
		if s.dims() == 1 {
			return min(len(r.X), len(r.F))
		}
		return min(len(r.X), len(r.Y))
	})
}

func lossRuns(s *Scene) []runView {
	return visibleRuns(s, func(r *Run) int { return len(r.F) })
}

func visibleRuns(s *Scene, n func(r *Run) int) []runView {
	var out []runView
	for i := range s.Runs {
		if i >= maxRuns {
			break
		}
		r := &s.Runs[i]
		if r.Hidden {
			continue
		}
		out = append(out, runView{r: r, index: i, n: n(r)})
	}
	return out
}
