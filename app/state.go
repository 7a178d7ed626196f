package app

import (
	"fmt"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/figure"
	"gdlab/optimizer"
)

// present runs on the main goroutine once a frame's image is on screen: the
// one place where the outcome of background work reaches the widgets.
func (u *UI) present(f Frame) { u.applyState(f.State) }

// applyState shows a lab snapshot in the widgets around the figure.
func (u *UI) applyState(st labState) {
	resultsChanged := len(st.Runs) != len(u.state.Runs)
	for i := range st.Runs {
		if !resultsChanged && (st.Runs[i].Result != u.state.Runs[i].Result || st.Runs[i].Config != u.state.Runs[i].Config) {
			resultsChanged = true
		}
	}
	u.state = st

	u.seeking = true
	u.Scrubber.Max = math.Max(1, float64(st.MaxStep))
	u.Scrubber.SetValue(float64(st.Step))
	u.seeking = false
	u.StepLabel.SetText(fmt.Sprintf(lang.L("step %d of %d"), st.Step, st.MaxStep))
	if st.Playing {
		u.PlayButton.SetText(lang.L("Pause"))
		u.PlayButton.SetIcon(theme.MediaPauseIcon())
	} else {
		u.PlayButton.SetText(lang.L("Play"))
		u.PlayButton.SetIcon(theme.MediaPlayIcon())
	}
	if st.Computing {
		u.StopButton.Enable()
	} else {
		u.StopButton.Disable()
	}

	var lines []string
	for _, r := range st.Runs {
		if r.Hidden || !r.HasAt {
			continue
		}
		p := r.At
		lines = append(lines, fmt.Sprintf(lang.L("%-18s k=%-6d x=%s  f=%s  grad=%s  update=%s"),
			figure.Label(r.Config), p.K, vec(p.X, st), num(p.F), vec(p.Grad, st), vec(p.Update, st)))
	}
	text := strings.Join(lines, "\n")
	grew := strings.Count(text, "\n") != strings.Count(u.Readout.Text, "\n")
	u.Readout.SetText(text)
	if u.selected < len(st.Runs) && st.Runs[u.selected].HasAt {
		r := st.Runs[u.selected]
		u.Stability.SetText(fmt.Sprintf(lang.L("Run %d at step %d: Hessian eigenvalues %s. %s"),
			u.selected+1, r.At.K, nums(r.Eigen), translateSummary(r.Stable)))
	} else {
		u.Stability.SetText("")
	}

	if grew {
		u.details.Refresh() // lay out again: the readout has another number of lines
	}
	if resultsChanged {
		u.refreshRunList()
	}
	if u.selected < len(st.Runs) {
		if pts := st.Runs[u.selected].Points; len(pts) != len(u.table) {
			u.table = pts
			u.Table.Refresh()
		}
	}
	switch {
	case st.Computing:
		u.Status.SetText(fmt.Sprintf(lang.L("Computing… step %d"), st.LastStep))
	case !u.stale && len(st.Runs) > 0 && st.Runs[0].Result != nil:
		u.Status.SetText(summary(st))
	}
	waiting := u.idle[:0]
	for _, w := range u.idle {
		if !st.Computing && !st.Playing && st.Version >= w.version {
			close(w.ch)
		} else {
			waiting = append(waiting, w)
		}
	}
	u.idle = waiting
}

// summary is the status line after a computation: each run's outcome, and
// for a single run where it ended.
func summary(st labState) string {
	if len(st.Runs) == 1 && st.Runs[0].Result != nil {
		r := st.Runs[0].Result
		return fmt.Sprintf(lang.L("%s · f = %s · |grad f| = %s"), outcome(*r), num(r.Final.F), num(math.Hypot(r.Final.Grad[0], r.Final.Grad[1])))
	}
	var parts []string
	for i, r := range st.Runs {
		if r.Result == nil {
			continue
		}
		parts = append(parts, fmt.Sprintf("%d: %s", i+1, outcome(*r.Result)))
	}
	return strings.Join(parts, " · ")
}

// outcome is a run's ending in a few words: how it stopped and the verdict.
func outcome(r optimizer.Result) string {
	s := string(r.Status)
	switch r.Status {
	case optimizer.Diverged:
		s = fmt.Sprintf(lang.L("diverged at step %d"), r.DivergedAt)
	case optimizer.MaxSteps, optimizer.Converged:
		s = fmt.Sprintf(lang.L("%s after %d steps"), lang.L(string(r.Status)), r.Steps)
	default:
		s = lang.L(s)
	}
	if r.Verdict != "" && string(r.Verdict) != string(r.Status) {
		s += " (" + lang.L(string(r.Verdict)) + ")"
	}
	return s
}

func num(v float64) string { return formatNum(v) }

func vec(v [2]float64, st labState) string {
	if st.Problem.F != nil && st.Problem.F.Dims() == 1 {
		return formatNum(v[0])
	}
	return "(" + formatNum(v[0]) + ", " + formatNum(v[1]) + ")"
}

func nums(v []float64) string {
	if len(v) == 0 {
		return lang.L("not finite")
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = formatNum(x)
	}
	return joinAnd(parts)
}

// refreshRunList rebuilds the rows of the run list.
func (u *UI) refreshRunList() {
	u.RunList.RemoveAll()
	for i, r := range u.runs {
		i := i
		swatch := canvas.NewRectangle(u.lab.opts.RunColor(i))
		swatch.SetMinSize(fyne.NewSize(14, 14))
		swatch.CornerRadius = 3
		show := widget.NewCheck("", func(on bool) { u.SetRunVisible(i, on) })
		show.SetChecked(!r.Hidden)
		name := fmt.Sprintf("%d  %s", i+1, figure.Label(r.Config))
		if i < len(u.state.Runs) && u.state.Runs[i].Result != nil && u.state.Runs[i].Config == r.Config {
			name += " · " + lang.L(string(u.state.Runs[i].Result.Verdict))
		}
		pick := widget.NewButton(name, func() { u.SelectRun(i) })
		pick.Alignment = widget.ButtonAlignLeading
		pick.Importance = widget.LowImportance
		if i == u.selected {
			pick.Importance = widget.MediumImportance
		}
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { u.RemoveRun(i) })
		if len(u.runs) == 1 {
			remove.Disable()
		}
		u.RunList.Add(container.NewBorder(nil, nil,
			container.NewHBox(container.NewCenter(swatch), show), remove, pick))
	}
	u.RunList.Refresh()
}

// newTable is the iterate table of the selected run: one row per step.
func (u *UI) newTable() *widget.Table {
	headers := []string{"k", "x", "y", "f", "∂f/∂x", "∂f/∂y", "Δx", "Δy"}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(u.table), len(headers) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("-0.000000000e+000")
			l.TextStyle.Monospace = true
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(u.table) {
				return
			}
			p := u.table[id.Row]
			vals := []string{fmt.Sprint(p.K), cell(p.X[0]), cell(p.X[1]), cell(p.F),
				cell(p.Grad[0]), cell(p.Grad[1]), cell(p.Update[0]), cell(p.Update[1])}
			o.(*widget.Label).SetText(vals[id.Col])
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if id.Row < 0 && id.Col >= 0 && id.Col < len(headers) {
			o.(*widget.Label).SetText(headers[id.Col])
		}
	}
	return t
}

func cell(v float64) string { return fmt.Sprintf("%.9g", v) }
