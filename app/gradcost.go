package app

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2/lang"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/session"
)

// gradCost is the measured cost of the numeric gradient against the exact
// one, for a model learning from data with the numeric gradient: what the
// book gives as the reason for backpropagation, measured on this machine.
type gradCost struct {
	of   string // the problem and start it was measured for
	text string // the sentence, "" while measuring or for none
}

// costSentence is the sentence of the selected run's gradient cost, and
// starts measuring it (off the main goroutine) when its problem is new.
func (u *UI) costSentence(st session.State, selected int) string {
	l := model.LossOf(st.Problem.F)
	if l == nil || selected >= len(st.Runs) || st.Runs[selected].Config.Gradient != optimizer.Numeric {
		return ""
	}
	c := st.Runs[selected].Config
	key := fmt.Sprintf("%s|%v", st.Problem.Source, c.StartVec(l.Dims()))
	if u.cost.of != key {
		u.cost = gradCost{of: key}
		x, h := c.StartVec(l.Dims()), c.H
		go func() {
			exact, numeric := optimizer.GradientCosts(l, x, h, 20*time.Millisecond)
			text := fmt.Sprintf(lang.L("The numeric gradient takes %v a step for %d parameters, %.0f times the exact gradient's %v (backpropagation): measured now."),
				numeric.Round(100*time.Nanosecond), l.Dims(), float64(numeric)/float64(exact), exact.Round(10*time.Nanosecond))
			u.do(func() {
				if u.cost.of == key {
					u.cost.text = text
					u.showState()
				}
			})
		}()
	}
	return u.cost.text
}
