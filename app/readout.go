package app

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"gonum.org/v1/gonum/floats"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/session"
)

// readout is what the window says about the runs: each run's numbers at
// the current step, the stability sentence of the selected run, the status
// line and the iterate table.
type readout struct {
	Readout   *widget.Label
	Stability *widget.Label
	Worked    *widget.Label // the selected run's current step as arithmetic
	Status    *widget.Label
	Table     *widget.Table

	details *fyne.Container                             // the readout and the stability sentence
	table   []optimizer.Point                           // the selected run's steps, as the table shows them
	dims    int                                         // the variables of the function the table shows
	cost    func(st session.State, selected int) string // the numeric gradient's measured cost, for a model
}

func newReadout() *readout {
	r := &readout{}
	r.Readout = widget.NewLabel("")
	r.Readout.TextStyle.Monospace = true
	r.Readout.Wrapping = fyne.TextWrapWord // never cut off at the window's edge
	r.Stability = widget.NewLabel("")
	r.Stability.Wrapping = fyne.TextWrapWord
	r.Worked = widget.NewLabel("")
	r.Worked.TextStyle.Monospace = true
	r.Worked.Wrapping = fyne.TextWrapWord
	r.Status = widget.NewLabel(lang.L("Ready"))
	r.Status.Truncation = fyne.TextTruncateEllipsis
	r.Table = r.newTable()
	r.details = container.NewVBox(r.Readout, r.Stability, r.Worked)
	return r
}

// apply shows the numbers of st; selected is the run the stability
// sentence and the table are about, oc what may be told of the outcomes.
func (r *readout) apply(st session.State, selected int, oc outcomes) {
	var lines []string
	for _, rs := range st.Runs {
		if rs.Hidden || !rs.HasAt {
			continue
		}
		p := rs.At
		d := dimsOf(st)
		lines = append(lines, fmt.Sprintf(lang.L("%-18s k=%-6d x=%s  f=%s  grad=%s  update=%s"),
			figure.Label(rs.Config), p.K, vec(p.Pos(d)), known(p, formatNum(p.F)), known(p, vec(p.GradVec(d))), vec(p.UpdateVec(d)))+stepSize(rs.Config, p))
		if rs.HasRule {
			for _, l := range rs.Rule.Lines(st.Problem.F.Dims()) {
				lines = append(lines, "    "+l)
			}
		}
	}
	text := strings.Join(lines, "\n")
	grew := strings.Count(text, "\n") != strings.Count(r.Readout.Text, "\n")
	r.Readout.SetText(text)
	if selected < len(st.Runs) && st.Runs[selected].HasAt {
		rs := st.Runs[selected]
		text := fmt.Sprintf(lang.L("Run %d at step %d: Hessian eigenvalues %s. %s"),
			selected+1, rs.At.K, eigenvalues(rs.Eigen), sentence(render(rs.Stable)))
		if !rs.Analysed {
			text = fmt.Sprintf(lang.L("Run %d at step %d: the Hessian here is computed when playback pauses (it takes longer than a frame)."),
				selected+1, rs.At.K)
		}
		if res := rs.Result; res != nil && !res.Reason.IsZero() && oc.known(selected) {
			text += "\n" + fmt.Sprintf(lang.L("Run %d, %s: %s"), selected+1, render(res.Verdict.Word()), render(res.Reason))
		}
		if cost := r.costOf(st, selected); cost != "" {
			text += "\n" + cost
		}
		r.Stability.SetText(text)
	} else {
		r.Stability.SetText("")
	}
	worked := ""
	if len(st.Worked.Lines) > 0 {
		worked = fmt.Sprintf(lang.L("Step %d of run %d:"), st.Worked.K, selected+1) + "\n" + strings.Join(st.Worked.In(translate).Wrapped(), "\n")
	}
	grew = grew || strings.Count(worked, "\n") != strings.Count(r.Worked.Text, "\n")
	r.Worked.SetText(worked)
	if grew {
		r.details.Refresh() // lay out again: the readout has another number of lines
	}
	if selected < len(st.Runs) {
		if pts := st.Runs[selected].Points; len(pts) != len(r.table) || dimsOf(st) != r.dims {
			r.table, r.dims = pts, dimsOf(st)
			r.Table.Refresh()
		}
	}
}

// costOf is the numeric gradient's cost sentence of the selected run, ""
// for none.
func (r *readout) costOf(st session.State, selected int) string {
	if r.cost == nil {
		return ""
	}
	return r.cost(st, selected)
}

// stepSize is the end of a run's readout line where the step's size is
// not the learning rate as given: the scheduled η or the line search's α,
// and the evaluations a step of a line-search method cost.
func stepSize(c optimizer.Config, p optimizer.Point) string {
	spec, _ := c.Method.Spec()
	switch {
	case p.K == 0:
		return ""
	case spec.NoLearningRate:
		return "  " + fmt.Sprintf(lang.L("evaluations: %d of f, %d of ∇f"), p.Evals[0], p.Evals[1])
	case c.LineSearch != optimizer.NoLineSearch:
		return "  α=" + formatNum(p.LR)
	case !c.Schedule.IsConstant():
		return "  η=" + formatNum(p.LR)
	}
	return ""
}

// status shows the status line: computing, stale settings, a form to fix,
// or what may be told of the runs' outcomes (oc).
func (r *readout) status(st session.State, formOK bool, oc outcomes) {
	switch {
	case !formOK:
		r.Status.SetText(lang.L("Fix the field marked in red to run."))
	case st.Computing:
		r.Status.SetText(fmt.Sprintf(lang.L("Computing… step %d"), st.LastStep))
	case st.Stale:
		r.Status.SetText(lang.L("Settings changed: press Run (Ctrl+R) to compute."))
	case len(st.Runs) > 0 && st.Runs[0].Result != nil:
		r.Status.SetText(oc.statusLine())
	}
}

// summary is the status line after a computation: each run's outcome, and
// for a single run where it ended.
func summary(st session.State) string {
	if len(st.Runs) == 1 && st.Runs[0].Result != nil {
		res := st.Runs[0].Result
		return fmt.Sprintf(lang.L("%s · f = %s · |grad f| = %s"), render(res.Outcome()), formatNum(res.Final.F),
			formatNum(floats.Norm(res.Final.GradVec(dimsOf(st)), 2)))
	}
	var parts []string
	for i, rs := range st.Runs {
		if rs.Result != nil {
			parts = append(parts, fmt.Sprintf("%d: %s", i+1, render(rs.Result.Outcome())))
		}
	}
	return strings.Join(parts, " · ")
}

// sentence starts s with a capital letter, for a message that stands as a
// sentence of its own.
func sentence(s string) string {
	r := []rune(s)
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

// dimsOf is the number of variables of the state's function (2 when
// there is none).
func dimsOf(st session.State) int {
	if st.Problem.F == nil {
		return 2
	}
	return st.Problem.F.Dims()
}

// readoutEntries is how many entries of a vector the readout writes: a
// longer one is summarised by its length and its first entries (the
// iterate table has them all).
const readoutEntries = 4

// vec writes v for the readout: "3", "(3, 2)", or for more than
// readoutEntries entries "‖·‖=3.7 (3, 2, 1, 0, …)".
func vec(v []float64) string {
	if len(v) == 1 {
		return formatNum(v[0])
	}
	parts := make([]string, 0, readoutEntries+1)
	for i, x := range v {
		if i == readoutEntries {
			parts = append(parts, "…")
			break
		}
		parts = append(parts, formatNum(x))
	}
	s := "(" + strings.Join(parts, ", ") + ")"
	if len(v) > readoutEntries {
		s = "‖·‖=" + formatNum(floats.Norm(v, 2)) + " " + s
	}
	return s
}

// eigenvalues writes the Hessian's eigenvalues (ascending): all of them,
// or for more than four the smallest and the largest and how many.
func eigenvalues(v []float64) string {
	if len(v) <= 4 {
		return nums(v)
	}
	return fmt.Sprintf(lang.L("from %s to %s (%d of them)"), formatNum(v[0]), formatNum(v[len(v)-1]), len(v))
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

// tableColumn is a column of the iterate table: its header and its cell
// of a point.
type tableColumn struct {
	header string
	cell   func(p optimizer.Point) string
}

// tableColumns are the iterate table's columns for a function of dims
// variables: k, the coordinates, f, the gradient, the update, η and the
// evaluations.
func tableColumns(dims int) []tableColumn {
	cols := []tableColumn{{"k", func(p optimizer.Point) string { return fmt.Sprint(p.K) }}}
	vector := func(names []string, at func(optimizer.Point, int) float64) {
		for i, name := range names {
			cols = append(cols, tableColumn{name, func(p optimizer.Point) string { return cell(at(p, i)) }})
		}
	}
	names := func(two []string, prefix, suffix string) []string {
		if dims <= 2 {
			return two[:max(1, dims)]
		}
		out := make([]string, dims)
		for i := range out {
			out[i] = prefix + strconv.Itoa(i) + suffix
		}
		return out
	}
	vector(names([]string{"x", "y"}, "x[", "]"), optimizer.Point.Coord)
	cols = append(cols, tableColumn{"f", func(p optimizer.Point) string { return known(p, cell(p.F)) }})
	for i, name := range names([]string{"∂f/∂x", "∂f/∂y"}, "∂f/∂x[", "]") {
		cols = append(cols, tableColumn{name, func(p optimizer.Point) string { return known(p, cell(p.GradCoord(i))) }})
	}
	vector(names([]string{"Δx", "Δy"}, "Δx[", "]"), optimizer.Point.UpdateCoord)
	return append(cols,
		tableColumn{"η", func(p optimizer.Point) string { return cell(p.LR) }},
		tableColumn{lang.L("evaluations f/∇f"), func(p optimizer.Point) string { return fmt.Sprintf("%d/%d", p.Evals[0], p.Evals[1]) }})
}

// newTable is the iterate table of the selected run: one row per step.
func (r *readout) newTable() *widget.Table {
	var cols []tableColumn
	colsOf := -1
	columns := func() []tableColumn {
		if colsOf != r.dims {
			cols, colsOf = tableColumns(max(2, r.dims)), r.dims
		}
		return cols
	}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(r.table), len(columns()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("-0.000000000e+000")
			l.TextStyle.Monospace = true
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row >= len(r.table) {
				return
			}
			if cs := columns(); id.Col < len(cs) {
				o.(*widget.Label).SetText(cs[id.Col].cell(r.table[id.Row]))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		return widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		if cs := columns(); id.Row < 0 && id.Col >= 0 && id.Col < len(cs) {
			o.(*widget.Label).SetText(cs[id.Col].header)
		}
	}
	return t
}

// tableLayout is the Iterates tab: the export button over the table.
func (r *readout) tableLayout(export func()) fyne.CanvasObject {
	b := widget.NewButtonWithIcon(lang.L("Export CSV…"), theme.DocumentSaveIcon(), export)
	return container.NewBorder(container.NewHBox(b), nil, nil, nil, r.Table)
}

func cell(v float64) string { return fmt.Sprintf("%.9g", v) }

// known is text, or "—" at a step of a mini-batch run that did not
// evaluate the loss on all the data (optimizer.Sampler.FullEvery).
func known(p optimizer.Point, text string) string {
	if p.F != p.F && p.Evals == [2]int32{} {
		return "—"
	}
	return text
}
