package app

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// form is the settings on the left: the function and the selected run's
// method, learning rate, steps, start and hyperparameters. Its fields are
// exported so that tests type into them as a person would; the
// hyperparameter fields are made from the method registry, one per
// optimizer.Params entry.
type form struct {
	*dataForm
	Func         *textField
	FuncError    *widget.Label // the parse error: where and what
	FuncCaret    *widget.Label // the input with a caret under the column
	Method       *widget.Select
	LR           *textField
	LRSlider     *widget.Slider // log10 of the learning rate, 1e-6 … 10
	Steps        *textField
	StartX       *textField
	StartY       *textField
	StartN       *textField // the start of a function of more than two variables: comma-separated numbers
	Gradient     *widget.RadioGroup
	Convention   *widget.RadioGroup // torch.optim's rules or the book's
	FuncGradient *widget.Label      // the gradient as a formula
	H            *textField
	Params       map[string]*textField // a field per hyperparameter of the registry, by name
	Schedule     *widget.Entry         // the learning-rate schedule, as optimizer.ParseSchedule reads it (the entry of ScheduleMenu)
	ScheduleMenu *selectField          // the schedule's field, with an example of each kind to pick and edit
	Warmup       *textField            // linear warmup steps
	Noise        *textField            // gradient noise σ
	Seed         *textField            // the noise's seed
	LineSearch   *widget.Check         // Armijo's line search, for the methods that take one

	caretBox  *container.Scroll           // scrolls a long input sideways
	startXY   fyne.CanvasObject           // the row of StartX and StartY
	startN    fyne.CanvasObject           // the row of StartN
	funcTitle *widget.Label               // "Function f(x, y)", or of x[0] … for more variables
	dims      int                         // the variables of the function last read
	errs      map[formEntry]*widget.Label // the message under each field
	rows      map[formEntry]fyne.CanvasObject
	method    optimizer.Method // the method shown, to swap defaults when it changes
	syncing   bool             // set while the form is filled from code, to ignore its own echoes
	changed   func()
	parsed    func(*expr.Func) // a function parsed whose gradient formula is not shown yet
	gradOf    string           // the function whose gradient formula is asked for
}

// maxWindowSteps caps a run typed into the window.
const maxWindowSteps = 10_000_000

func newForm(changed func()) *form {
	c := &form{errs: map[formEntry]*widget.Label{}, rows: map[formEntry]fyne.CanvasObject{},
		Params: map[string]*textField{}, changed: changed}
	c.dataForm = newDataForm(c.onChange)
	c.Func = c.entry()
	c.FuncError = widget.NewLabel("")
	c.FuncError.Wrapping = fyne.TextWrapWord
	c.FuncError.Importance = widget.DangerImportance
	c.FuncError.Hide()
	c.FuncCaret = widget.NewLabel("")
	c.FuncCaret.TextStyle.Monospace = true
	c.FuncCaret.Importance = widget.DangerImportance
	c.caretBox = container.NewHScroll(c.FuncCaret)
	c.caretBox.Hide()
	c.Method = widget.NewSelect(optimizer.MethodNames(), c.methodChanged)
	c.LR = c.entry()
	c.LRSlider = widget.NewSlider(-6, 1)
	c.LRSlider.Step = 0.01
	c.LRSlider.OnChanged = func(v float64) {
		if c.syncing {
			return
		}
		c.syncing = true
		c.LR.SetText(formatNum(roundSig(math.Pow(10, v), 2)))
		c.syncing = false
		c.onChange()
	}
	c.Steps, c.StartX, c.StartY, c.StartN = c.entry(), c.entry(), c.entry(), c.entry()
	c.Gradient = widget.NewRadioGroup([]string{lang.L("exact"), lang.L("numeric")}, func(string) { c.onChange() })
	c.Gradient.Horizontal = true
	c.Gradient.Required = true
	convs := make([]string, 0, 2)
	for _, v := range optimizer.Conventions() {
		convs = append(convs, string(v))
	}
	c.Convention = widget.NewRadioGroup(convs, func(string) { c.onChange() })
	c.Convention.Horizontal = true
	c.Convention.Required = true
	c.FuncGradient = widget.NewLabel("")
	c.FuncGradient.TextStyle.Monospace = true
	c.FuncGradient.Wrapping = fyne.TextWrapWord
	c.H = c.entry()
	for _, p := range optimizer.Params() {
		c.Params[p.Name] = c.entry()
	}
	c.ScheduleMenu = newSelectField(optimizer.ScheduleExamples())
	c.Schedule = &c.ScheduleMenu.Entry
	c.Schedule.OnChanged = func(string) { c.onChange() }
	c.Schedule.SetPlaceHolder("none")
	c.Warmup, c.Noise, c.Seed = c.entry(), c.entry(), c.entry()
	c.LineSearch = widget.NewCheck(lang.L("Armijo line search (backtracking from the learning rate)"), func(bool) { c.onChange() })
	return c
}

func (c *form) entry() *textField {
	e := newTextField()
	e.OnChanged = func(string) {
		if e == c.LR && !c.syncing {
			if v, err := strconv.ParseFloat(strings.TrimSpace(e.Text), 64); err == nil && v > 0 {
				c.syncing = true
				c.LRSlider.SetValue(math.Log10(v))
				c.syncing = false
			}
		}
		c.onChange()
	}
	return e
}

func (c *form) onChange() {
	if !c.syncing && c.changed != nil {
		c.changed()
	}
}

// methodChanged swaps the hyperparameters still at the old method's default
// for the new method's (ε is 1e-10 for adagrad but 1e-8 for adam).
func (c *form) methodChanged(name string) {
	m := optimizer.Method(name)
	if !c.syncing && m != c.method {
		old, _ := c.method.Spec()
		spec, _ := m.Spec()
		c.syncing = true
		if lr := suggestedLR(old, spec, c.LR.Text); lr != "" {
			c.LR.SetText(lr)
			if v, err := strconv.ParseFloat(lr, 64); err == nil {
				c.LRSlider.SetValue(math.Log10(v))
			}
		}
		for _, p := range spec.Params {
			if q, ok := old.Param(p.Name); ok && c.Params[p.Name].Text == formatNum(q.Default) {
				c.Params[p.Name].SetText(formatNum(p.Default))
			}
		}
		c.syncing = false
	}
	c.method = m
	c.onChange()
}

// field stacks a caption, the entry and its error message.
func (c *form) field(caption string, e formEntry) fyne.CanvasObject {
	return c.fieldOf(caption, e, e)
}

// fieldOf is field for an entry shown inside another widget (a
// SelectEntry's).
func (c *form) fieldOf(caption string, e formEntry, shown fyne.CanvasObject) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	c.errs[e] = msg
	row := container.NewVBox(widget.NewLabel(caption), shown, msg)
	c.rows[e] = row
	return row
}

// layout builds the form. menu is the presets and lessons button.
func (c *form) layout(menu fyne.CanvasObject) fyne.CanvasObject {
	fn := container.NewBorder(nil, nil, nil, menu, c.Func)
	hyper := container.NewGridWithColumns(2)
	for _, p := range optimizer.Params() {
		f := c.field(render(p.Label.New()), c.Params[p.Name])
		hyper.Add(f)
	}
	c.funcTitle = widget.NewLabelWithStyle(lang.L("Function f(x, y)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	c.startXY = container.NewGridWithColumns(2, c.field(lang.L("start x"), c.StartX), c.field(lang.L("start y"), c.StartY))
	c.startN = c.field(lang.L("start x[0], x[1], …"), c.StartN)
	c.startN.Hide()
	return container.NewVBox(
		c.funcTitle,
		fn, c.FuncError, c.caretBox, c.FuncGradient, c.dataLayout(),
		container.NewGridWithColumns(2,
			container.NewVBox(widget.NewLabel(lang.L("method")), c.Method),
			c.field(lang.L("steps"), c.Steps)),
		c.field(lang.L("learning rate"), c.LR),
		c.LRSlider,
		c.startXY, c.startN,
		container.NewVBox(widget.NewLabel(lang.L("gradient")), c.Gradient),
		container.NewVBox(widget.NewLabel(lang.L("update rules")), c.Convention),
		c.field(lang.L("numeric step h"), c.H),
		hyper,
		container.NewGridWithColumns(2, c.fieldOf(lang.L("schedule"), c.Schedule, c.ScheduleMenu), c.field(lang.L("warmup steps"), c.Warmup)),
		container.NewGridWithColumns(2, c.field(lang.L("gradient noise σ"), c.Noise), c.field(lang.L("noise seed"), c.Seed)),
		c.LineSearch,
	)
}

// show fills the form from a run's settings without echoing changes.
func (c *form) show(src string, cfg optimizer.Config) {
	c.syncing = true
	defer func() { c.syncing = false }()
	if src != c.Func.Text {
		c.Func.SetText(src)
	}
	c.method = cfg.Method
	c.Method.SetSelected(string(cfg.Method))
	c.LR.SetText(formatNum(cfg.LR))
	if cfg.LR > 0 {
		c.LRSlider.SetValue(math.Log10(cfg.LR))
	}
	c.Steps.SetText(strconv.Itoa(cfg.Steps))
	c.StartX.SetText(formatNum(cfg.Start[0]))
	c.StartY.SetText(formatNum(cfg.Start[1]))
	if len(cfg.StartMore) > 0 {
		c.StartN.SetText(formatVector(cfg.StartVec(2 + len(cfg.StartMore))))
		c.dims = 2 + len(cfg.StartMore) // the field has the run's start: keep it
	}
	if cfg.Gradient == optimizer.Numeric {
		c.Gradient.SetSelected(lang.L("numeric"))
	} else {
		c.Gradient.SetSelected(lang.L("exact"))
	}
	h := cfg.H
	if h == 0 {
		h = optimizer.DefaultH
	}
	c.H.SetText(formatNum(h))
	conv := cfg.Convention
	if conv == "" {
		conv = optimizer.ConventionTorch
	}
	c.Convention.SetSelected(string(conv))
	c.showExtras(cfg)
	spec, _ := cfg.Method.Spec()
	for _, p := range optimizer.Params() {
		v := p.Default // a hyperparameter of another method shows its registry default
		if _, has := spec.Param(p.Name); has {
			v = cfg.Param(p.Name)
		} else if set, ok := cfg.Hyper.Get(p.Name); ok {
			v = set
		}
		c.Params[p.Name].SetText(formatNum(v))
	}
	c.syncing = false
	c.read() // show the method's hyperparameters and any message
}

// read validates every field, shows each problem at its field, and returns
// the number of variables (of the function, or of the model's parameters)
// and the selected run's settings; ok is false when a field is wrong.
func (c *form) read() (int, optimizer.Config, bool) {
	dims, ok, known := 2, true, false
	c.showDataMode()
	c.learning = nil
	if c.dataMode() {
		c.learning, ok = c.readData()
		c.FuncError.Hide()
		c.caretBox.Hide()
		if c.learning != nil {
			dims, known = c.learning.Problem.F.Dims(), true
		}
	} else {
		f, fok := c.readFunc()
		ok = fok
		if f != nil {
			dims, known = f.Dims(), true
		}
	}
	if dims == 1 {
		c.StartY.Disable()
	} else {
		c.StartY.Enable()
	}
	c.showStarts(dims)
	cfg, fieldsOK := c.readConfig(dims)
	if c.dataMode() {
		n, err := c.batchRows()
		c.setError(c.Batch, err)
		cfg.Batch, fieldsOK = n, fieldsOK && err == nil
	}
	if ok && fieldsOK && known {
		if err := cfg.Validate(dims); err != nil {
			fieldsOK = false
			c.setError(c.LR, errors.New(errText(err)))
		}
	}
	return dims, cfg, ok && fieldsOK && known
}

// readFunc parses the function field and shows its error with a caret.
func (c *form) readFunc() (*expr.Func, bool) {
	f, err := expr.Parse(c.Func.Text)
	if err == nil {
		c.FuncError.Hide()
		c.caretBox.Hide()
		c.Func.SetValidationError(nil)
		c.FuncGradient.Show()
		if f.Source() != c.gradOf && c.parsed != nil {
			c.gradOf = f.Source()
			c.parsed(f)
		}
		return f, true
	}
	c.FuncGradient.Hide()
	msg := errText(err)
	c.FuncError.SetText(msg)
	c.FuncError.Show()
	c.Func.SetValidationError(errors.New(msg))
	var pe *expr.Error
	if errors.As(err, &pe) {
		c.FuncCaret.SetText(pe.Caret())
		c.caretBox.Show()
	}
	return nil, false
}

// readConfig reads the run settings for a function of dims variables,
// showing the hyperparameters of the chosen method only.
func (c *form) readConfig(dims int) (optimizer.Config, bool) {
	ok := true
	cfg := optimizer.DefaultConfig()
	m, _ := optimizer.ParseMethod(c.Method.Selected)
	cfg.Method = m
	if c.Gradient.Selected == lang.L("numeric") {
		cfg.Gradient = optimizer.Numeric
	}
	if v, err := optimizer.ParseConvention(c.Convention.Selected); err == nil {
		cfg.Convention = v
	}
	number := func(e *textField, name string, visible bool, check func(float64) error) float64 {
		if !visible {
			c.setError(e, nil)
			return 0
		}
		v, err := parseNumber(name, e.Text)
		if err == nil && check != nil {
			err = check(v)
		}
		c.setError(e, err)
		ok = ok && err == nil
		return v
	}
	c.showRow(c.H, cfg.Gradient == optimizer.Numeric)
	if dims > 2 {
		x, err := parseVector(c.StartN.Text, dims)
		c.setError(c.StartN, err)
		ok = ok && err == nil
		cfg.SetStart(x)
	} else {
		c.setError(c.StartN, nil)
		cfg.Start[0] = number(c.StartX, lang.L("start x"), true, nil)
		cfg.Start[1] = number(c.StartY, lang.L("start y"), dims == 2, nil)
	}
	cfg.LR = number(c.LR, lang.L("learning rate"), true, positive(lang.L("the learning rate")))
	cfg.Steps = int(number(c.Steps, lang.L("steps"), true, checkSteps))
	if cfg.Gradient == optimizer.Numeric {
		cfg.H = number(c.H, "h", true, positive("h"))
	}
	spec, _ := m.Spec()
	ok = c.readExtras(&cfg, spec, number) && ok
	used := map[string]bool{}
	for _, p := range spec.ParamsIn(cfg.Convention) {
		used[p.Name] = true
	}
	for _, p := range optimizer.Params() {
		used := used[p.Name]
		c.showRow(c.Params[p.Name], used)
		check := func(v float64) error {
			if err := p.Check(v); err != nil {
				return errors.New(errText(err))
			}
			return nil
		}
		if v := number(c.Params[p.Name], p.Symbol, used, check); used {
			cfg.Hyper.Set(p.Name, v)
		}
	}
	return cfg, ok
}

// showExtras fills the batch, schedule, warmup, noise, seed and line-search
// fields.
func (c *form) showExtras(cfg optimizer.Config) {
	c.Batch.SetText("")
	if cfg.Batch > 0 {
		c.Batch.SetText(strconv.Itoa(cfg.Batch))
	}
	c.Schedule.SetText(cfg.Schedule.String())
	c.Warmup.SetText(strconv.Itoa(cfg.Schedule.Warmup))
	c.Noise.SetText(formatNum(cfg.Noise))
	seed := cfg.Seed
	if seed == 0 {
		seed = optimizer.DefaultSeed
	}
	c.Seed.SetText(strconv.FormatUint(seed, 10))
	c.LineSearch.SetChecked(cfg.LineSearch == optimizer.Armijo)
}

// readExtras reads the schedule, the noise and the line search into cfg,
// showing each field only for a method that uses it (and the seed only
// with noise); number reads a numeric field as readConfig does. It reports
// whether the schedule and the seed are valid.
func (c *form) readExtras(cfg *optimizer.Config, spec optimizer.MethodSpec,
	number func(e *textField, name string, visible bool, check func(float64) error) float64) bool {
	rated := !spec.NoLearningRate
	c.showRow(c.LR, rated)
	if rated {
		c.LRSlider.Show()
	} else {
		c.LRSlider.Hide()
	}
	c.showRow(c.Schedule, rated)
	c.showRow(c.Warmup, rated)
	c.showRow(c.Noise, rated)
	if spec.LineSearch {
		c.LineSearch.Show()
	} else {
		c.LineSearch.Hide()
	}
	if spec.LineSearch && c.LineSearch.Checked {
		cfg.LineSearch = optimizer.Armijo
	}
	if !rated {
		c.showRow(c.Seed, false)
		return true
	}
	ok := true
	whole := func(e *textField, name string) uint64 {
		v, err := strconv.ParseUint(strings.TrimSpace(e.Text), 10, 64)
		if err != nil {
			err = fmt.Errorf(lang.L("%s: %q is not a whole number ≥ 0"), name, strings.TrimSpace(e.Text))
		}
		c.setError(e, err)
		ok = ok && err == nil
		return v
	}
	t := optimizer.ExtrasText{Schedule: c.Schedule.Text, LineSearch: string(cfg.LineSearch)}
	t.Warmup = int(whole(c.Warmup, lang.L("warmup steps")))
	t.Noise = number(c.Noise, "σ", true, nil)
	c.showRow(c.Seed, t.Noise > 0)
	if t.Noise > 0 {
		t.Seed = whole(c.Seed, lang.L("noise seed"))
	} else {
		c.setError(c.Seed, nil)
	}
	c.setError(c.Schedule, nil)
	if x, err := cfg.SetExtras(t); err != nil {
		var field formEntry = c.Schedule // the schedule, or a line search the method cannot take
		if f := map[optimizer.Extra]*textField{optimizer.ExtraWarmup: c.Warmup, optimizer.ExtraNoise: c.Noise}[x]; f != nil {
			field = f
		}
		c.setError(field, errors.New(errText(err)))
		ok = false
	}
	return ok
}

func (c *form) showRow(e formEntry, visible bool) {
	if visible {
		c.rows[e].Show()
	} else {
		c.rows[e].Hide()
	}
}

func positive(what string) func(float64) error {
	return func(v float64) error {
		if v <= 0 {
			return fmt.Errorf(lang.L("%s must be positive"), what)
		}
		return nil
	}
}

func checkSteps(v float64) error {
	if v != math.Trunc(v) || v < 0 {
		return errors.New(lang.L("steps must be a whole number, 0 or more"))
	}
	if v > maxWindowSteps {
		return fmt.Errorf(lang.L("at most %d steps"), maxWindowSteps)
	}
	return nil
}

// setError shows err under field e (or hides the message when err is nil).
func (c *form) setError(e formEntry, err error) {
	msg := c.errs[e]
	if err == nil {
		msg.Hide()
		e.SetValidationError(nil)
		return
	}
	msg.SetText(err.Error())
	msg.Show()
	e.SetValidationError(err)
}

// parseNumber parses a numeric field, naming the field in its message.
func parseNumber(name, text string) (float64, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, fmt.Errorf(lang.L("%s: enter a number"), name)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf(lang.L("%s: %q is not a number"), name, t)
	}
	return v, nil
}

// roundSig rounds v to n significant digits (for the slider's values).
func roundSig(v float64, n int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	return r
}

// suggestedLR is the learning rate to put in the field (text) when the
// method changes from old to spec: the new method's suggestion (Newton's
// η = 1), or back to the default lr when leaving a method whose suggestion
// the field still holds; "" to leave the field as it is.
func suggestedLR(old, spec optimizer.MethodSpec, text string) string {
	switch {
	case spec.SuggestedLR > 0:
		return formatNum(spec.SuggestedLR)
	case old.SuggestedLR > 0 && text == formatNum(old.SuggestedLR):
		return formatNum(optimizer.DefaultLR)
	}
	return ""
}

// showStarts shows the start fields of a function of dims variables: x and
// y, or one field of comma-separated numbers for more than two. When the
// number of variables changes, the many-variable field keeps the numbers it
// has (or x and y) and takes the default for the others.
func (c *form) showStarts(dims int) {
	title := c.funcTitle.SetText
	if c.dataMode() {
		title = func(string) {} // "Learning from data" stays
	}
	if dims <= 2 {
		title(lang.L("Function f(x, y)"))
		c.startN.Hide()
		c.startXY.Show()
		c.dims = dims
		return
	}
	title(fmt.Sprintf(lang.L("Function f(x[0], …, x[%d])"), dims-1))
	c.startXY.Hide()
	c.startN.Show()
	if dims == c.dims || c.dataMode() {
		return // a model's start comes with it (readData)
	}
	x := optimizer.DefaultStartFor(dims)
	had := []string{c.StartX.Text, c.StartY.Text}
	if c.dims > 2 {
		had = strings.Split(c.StartN.Text, ",")
	}
	for i, t := range had {
		if v, err := strconv.ParseFloat(strings.TrimSpace(t), 64); err == nil && i < dims {
			x[i] = v
		}
	}
	was := c.syncing
	c.syncing = true
	c.StartN.SetText(formatVector(x))
	c.syncing = was
	c.dims = dims
}

// formatVector writes x as the start field of a function of many
// variables reads it: "3, 2, 1".
func formatVector(x []float64) string {
	parts := make([]string, len(x))
	for i, v := range x {
		parts[i] = formatNum(v)
	}
	return strings.Join(parts, ", ")
}

// parseVector reads the start field of a function of dims variables: dims
// numbers separated by commas. The error says which entry is wrong, or how
// many numbers are wanted.
func parseVector(s string, dims int) ([]float64, error) {
	parts := strings.Split(s, ",")
	if strings.TrimSpace(s) == "" || len(parts) != dims {
		n := len(parts)
		if strings.TrimSpace(s) == "" {
			n = 0
		}
		return nil, fmt.Errorf(lang.L("the function has %d variables: give %d numbers separated by commas, not %d"), dims, dims, n)
	}
	x := make([]float64, dims)
	for i, p := range parts {
		v, err := parseNumber("x["+strconv.Itoa(i)+"]", p)
		if err != nil {
			return nil, err
		}
		x[i] = v
	}
	return x, nil
}
