package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2/lang"

	"gdlab/optimizer"
	"gdlab/session"
)

// outcomes says which runs' outcomes the window may tell at the current
// step: nothing announces the future, so a run's verdict, its reason and
// its place in the status line wait until playback reaches its last step —
// unless the teacher switched on "results before the end" (all).
type outcomes struct {
	st  session.State
	all bool
}

// known reports whether run i's outcome can be told now: it is computed
// and the current step has reached its last one, or it tells of nothing to
// come (cancelled, invalid), or all outcomes are shown.
func (o outcomes) known(i int) bool {
	if i >= len(o.st.Runs) || o.st.Runs[i].Result == nil {
		return false
	}
	res := o.st.Runs[i].Result
	return o.all || res.Status == optimizer.Cancelled || res.Status == optimizer.Invalid || o.st.Step >= res.Steps
}

// allKnown reports whether every computed run's outcome can be told.
func (o outcomes) allKnown() bool {
	for i := range o.st.Runs {
		if !o.known(i) {
			return false
		}
	}
	return true
}

// statusLine is the status line after a computation: the outcomes when all
// are known; before, the current step and the outcomes of the runs that
// have ended by it.
func (o outcomes) statusLine() string {
	if o.allKnown() {
		return summary(o.st)
	}
	parts := []string{fmt.Sprintf(lang.L("step %d of %d"), o.st.Step, o.st.MaxStep)}
	for i, rs := range o.st.Runs {
		if o.known(i) {
			parts = append(parts, fmt.Sprintf("%d: %s", i+1, render(rs.Result.Outcome())))
		}
	}
	return strings.Join(parts, " · ")
}
