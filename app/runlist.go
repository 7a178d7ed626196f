package app

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/session"
)

// runList is the list of runs with its actions: add, sweep the learning
// rate, compare methods, select, hide and remove.
type runList struct {
	AddButton     *widget.Button
	SweepButton   *widget.Button
	SweepLRs      *textField
	CompareButton *widget.Button
	CompareWith   *widget.CheckGroup
	RunList       *fyne.Container

	u     *UI
	shown string // what the rows show, to rebuild them only when it changes
}

func newRunList(u *UI) *runList {
	l := &runList{u: u}
	l.AddButton = widget.NewButtonWithIcon(lang.L("Add run"), theme.ContentAddIcon(), u.AddRun)
	l.SweepLRs = newTextField()
	l.SweepLRs.SetText("0.01, 0.1, 0.5, 1, 1.1")
	l.SweepButton = widget.NewButton(lang.L("Sweep learning rates"), u.SweepLearningRates)
	l.CompareWith = widget.NewCheckGroup(optimizer.MethodNames(), nil)
	var compare []string
	for _, m := range optimizer.DefaultCompare {
		compare = append(compare, string(m))
	}
	l.CompareWith.SetSelected(compare)
	l.CompareButton = widget.NewButton(lang.L("Compare methods"), u.CompareMethods)
	l.RunList = container.NewVBox()
	return l
}

func (l *runList) layout() fyne.CanvasObject {
	return container.NewVBox(
		l.AddButton,
		widget.NewSeparator(),
		widget.NewLabelWithStyle(lang.L("Runs"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		l.RunList,
		widget.NewAccordion(
			widget.NewAccordionItem(lang.L("Sweep learning rates"), container.NewVBox(l.SweepLRs, l.SweepButton)),
			widget.NewAccordionItem(lang.L("Compare methods"), container.NewVBox(l.CompareWith, l.CompareButton)),
		),
	)
}

// apply shows the run list of st with run selected highlighted, with the
// verdicts oc may tell.
func (l *runList) apply(st session.State, selected int, oc outcomes) {
	names := make([]string, len(st.Items))
	for i, it := range st.Items {
		names[i] = fmt.Sprintf("%d  %s", i+1, figure.Label(it.Config))
		if st.Current(i) && st.Runs[i].Result != nil && oc.known(i) {
			names[i] += " · " + render(st.Runs[i].Result.Verdict.Word())
		}
	}
	key := fmt.Sprint(selected, names, hiddenOf(st.Items))
	if key == l.shown {
		return
	}
	l.shown = key
	l.RunList.RemoveAll()
	for i, name := range names {
		l.RunList.Add(l.row(i, name, st.Items[i].Hidden, i == selected, len(names) > 1))
	}
	l.RunList.Refresh()
}

func hiddenOf(items []session.Item) []bool {
	h := make([]bool, len(items))
	for i, it := range items {
		h[i] = it.Hidden
	}
	return h
}

// row is one run: its colour, a visibility check, its name and a remove button.
func (l *runList) row(i int, name string, hidden, selected, removable bool) fyne.CanvasObject {
	swatch := canvas.NewRectangle(l.u.session.Options().RunColor(i))
	swatch.SetMinSize(fyne.NewSize(14, 14))
	swatch.CornerRadius = 3
	show := widget.NewCheck("", nil)
	show.SetChecked(!hidden)
	show.OnChanged = func(on bool) { l.u.SetRunVisible(i, on) }
	pick := widget.NewButton(name, func() { l.u.SelectRun(i) })
	pick.Alignment = widget.ButtonAlignLeading
	pick.Importance = widget.LowImportance
	if selected {
		pick.Importance = widget.MediumImportance
	}
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { l.u.RemoveRun(i) })
	if !removable {
		remove.Disable()
	}
	return container.NewBorder(nil, nil, container.NewHBox(container.NewCenter(swatch), show), remove, pick)
}

// AddRun adds the selected run's settings as a new run and selects it.
func (u *UI) AddRun() {
	if !u.session.Add(u.selected) {
		u.Status.SetText(fmt.Sprintf(lang.L("At most %d runs: remove one first."), session.MaxRuns))
		return
	}
	u.selectRun(len(u.session.Items()) - 1)
}

// SweepLearningRates replaces the runs by one per learning rate of the list,
// each with the selected run's other settings.
func (u *UI) SweepLearningRates() {
	lrs, err := parseLRList(u.SweepLRs.Text)
	if err != nil {
		u.Status.SetText(err.Error())
		return
	}
	u.replaceRuns(len(lrs), func(i int, c *optimizer.Config) { c.LR = lrs[i] })
}

// CompareMethods replaces the runs by one per checked method, each with the
// selected run's settings as far as the method can use them (Newton with
// its η = 1; see optimizer.Config.ForMethod).
func (u *UI) CompareMethods() {
	if len(u.CompareWith.Selected) == 0 {
		u.Status.SetText(lang.L("Tick at least one method to compare."))
		return
	}
	var methods []optimizer.Method
	for _, name := range u.CompareWith.Selected {
		if m, err := optimizer.ParseMethod(name); err == nil {
			methods = append(methods, m)
		}
	}
	u.replaceRuns(len(methods), func(i int, c *optimizer.Config) { *c = c.ForMethod(methods[i]) })
}

// replaceRuns replaces the run list by n copies of the selected run's
// settings, each changed by vary, and plays them.
func (u *UI) replaceRuns(n int, vary func(i int, c *optimizer.Config)) {
	base, ok := u.session.Item(u.selected)
	if n == 0 || !ok {
		return
	}
	cs := make([]optimizer.Config, n)
	for i := range cs {
		cs[i] = base.Config
		vary(i, &cs[i])
	}
	u.selectRun(0)
	u.form.show(u.Func.Text, cs[0])
	u.session.Replace(cs)
}

func parseLRList(s string) ([]float64, error) {
	var lrs []float64
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == ' ' || r == ';' }) {
		v, err := parseNumber(lang.L("learning rates"), part)
		if err != nil {
			return nil, err
		}
		if v <= 0 {
			return nil, fmt.Errorf(lang.L("learning rates must be positive, not %s"), part)
		}
		lrs = append(lrs, v)
	}
	if len(lrs) == 0 {
		return nil, errors.New(lang.L("enter learning rates separated by commas, e.g. 0.01, 0.1, 1"))
	}
	if len(lrs) > session.MaxRuns {
		return nil, fmt.Errorf(lang.L("at most %d learning rates"), session.MaxRuns)
	}
	return lrs, nil
}

// RemoveRun removes run i (the last run cannot be removed).
func (u *UI) RemoveRun(i int) {
	n := len(u.session.Items())
	if n <= 1 || i < 0 || i >= n {
		return
	}
	u.session.Remove(i)
	u.selectRun(min(u.selected, n-2))
	if it, ok := u.session.Item(u.selected); ok {
		u.form.show(u.Func.Text, it.Config)
	}
}

// SelectRun makes run i the one the form edits and the table shows.
func (u *UI) SelectRun(i int) {
	it, ok := u.session.Item(i)
	if !ok {
		return
	}
	u.selectRun(i)
	u.form.show(u.Func.Text, it.Config)
}

// SetRunVisible shows or hides run i in the figure.
func (u *UI) SetRunVisible(i int, visible bool) { u.session.SetHidden(i, !visible) }
