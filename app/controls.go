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

// controls are the settings on the left: the function and the selected run's
// method, learning rate, start and hyperparameters.
type controls struct {
	Func      *widget.Entry
	FuncError *widget.Label // the parse error: where and what
	FuncCaret *widget.Label // the input with a caret under the column
	Method    *widget.Select
	LR        *widget.Entry
	LRSlider  *widget.Slider // log10 of the learning rate, 1e-6 … 10
	Steps     *widget.Entry
	StartX    *widget.Entry
	StartY    *widget.Entry
	Gradient  *widget.RadioGroup
	H         *widget.Entry
	Momentum  *widget.Entry
	Alpha     *widget.Entry
	Beta1     *widget.Entry
	Beta2     *widget.Entry
	Eps       *widget.Entry

	caretBox *container.Scroll               // scrolls a long input sideways
	errs     map[*widget.Entry]*widget.Label // the message under each field
	rows     map[*widget.Entry]fyne.CanvasObject
	syncing  bool // set while the form is filled from code, to ignore its own echoes
	changed  func()
}

// maxWindowSteps caps a run typed into the window.
const maxWindowSteps = 10_000_000

func newControls(changed func()) *controls {
	c := &controls{errs: map[*widget.Entry]*widget.Label{}, rows: map[*widget.Entry]fyne.CanvasObject{}, changed: changed}
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
	names := make([]string, len(optimizer.Methods))
	for i, m := range optimizer.Methods {
		names[i] = string(m)
	}
	c.Method = widget.NewSelect(names, func(string) { c.onChange() })
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
	c.Steps, c.StartX, c.StartY = c.entry(), c.entry(), c.entry()
	c.Gradient = widget.NewRadioGroup([]string{lang.L("exact"), lang.L("numeric")}, func(string) { c.onChange() })
	c.Gradient.Horizontal = true
	c.Gradient.Required = true
	c.H = c.entry()
	c.Momentum, c.Alpha, c.Beta1, c.Beta2, c.Eps = c.entry(), c.entry(), c.entry(), c.entry(), c.entry()
	return c
}

func (c *controls) entry() *widget.Entry {
	e := widget.NewEntry()
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

func (c *controls) onChange() {
	if !c.syncing && c.changed != nil {
		c.changed()
	}
}

// field stacks a caption, the entry and its error message.
func (c *controls) field(caption string, e *widget.Entry, extra ...fyne.CanvasObject) fyne.CanvasObject {
	msg := widget.NewLabel("")
	msg.Importance = widget.DangerImportance
	msg.Wrapping = fyne.TextWrapWord
	msg.Hide()
	c.errs[e] = msg
	input := fyne.CanvasObject(e)
	if len(extra) > 0 {
		input = container.NewBorder(nil, nil, nil, container.NewHBox(extra...), e)
	}
	row := container.NewVBox(widget.NewLabel(caption), input, msg)
	c.rows[e] = row
	return row
}

// layout builds the form. menu is the presets and lessons button.
func (c *controls) layout(menu fyne.CanvasObject) fyne.CanvasObject {
	fn := container.NewBorder(nil, nil, nil, menu, c.Func)
	return container.NewVBox(
		widget.NewLabelWithStyle(lang.L("Function f(x, y)"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		fn, c.FuncError, c.caretBox,
		container.NewGridWithColumns(2,
			container.NewVBox(widget.NewLabel(lang.L("method")), c.Method),
			c.field(lang.L("steps"), c.Steps)),
		c.field(lang.L("learning rate"), c.LR),
		c.LRSlider,
		container.NewGridWithColumns(2, c.field(lang.L("start x"), c.StartX), c.field(lang.L("start y"), c.StartY)),
		container.NewVBox(widget.NewLabel(lang.L("gradient")), c.Gradient),
		c.field(lang.L("numeric step h"), c.H),
		container.NewGridWithColumns(2,
			c.field(lang.L("momentum μ"), c.Momentum), c.field(lang.L("smoothing α"), c.Alpha),
			c.field(lang.L("β1"), c.Beta1), c.field(lang.L("β2"), c.Beta2),
			c.field(lang.L("ε"), c.Eps)),
	)
}

// show fills the form from a run's settings without echoing changes.
func (c *controls) show(src string, cfg optimizer.Config) {
	c.syncing = true
	defer func() { c.syncing = false }()
	if src != c.Func.Text {
		c.Func.SetText(src)
	}
	c.Method.SetSelected(string(cfg.Method))
	c.LR.SetText(formatNum(cfg.LR))
	if cfg.LR > 0 {
		c.LRSlider.SetValue(math.Log10(cfg.LR))
	}
	c.Steps.SetText(strconv.Itoa(cfg.Steps))
	c.StartX.SetText(formatNum(cfg.Start[0]))
	c.StartY.SetText(formatNum(cfg.Start[1]))
	if cfg.Gradient == optimizer.Numeric {
		c.Gradient.SetSelected(lang.L("numeric"))
	} else {
		c.Gradient.SetSelected(lang.L("exact"))
	}
	d := optimizer.DefaultConfig()
	or := func(v, def float64) float64 {
		if v == 0 {
			return def
		}
		return v
	}
	c.H.SetText(formatNum(or(cfg.H, d.H)))
	c.Momentum.SetText(formatNum(or(cfg.Momentum, d.Momentum)))
	c.Alpha.SetText(formatNum(or(cfg.Alpha, d.Alpha)))
	c.Beta1.SetText(formatNum(or(cfg.Beta1, d.Beta1)))
	c.Beta2.SetText(formatNum(or(cfg.Beta2, d.Beta2)))
	c.Eps.SetText(formatNum(or(cfg.Eps, defaultEps(cfg.Method))))
	c.syncing = false
	c.read() // show the method's hyperparameters and any message
}

func defaultEps(m optimizer.Method) float64 {
	if m == optimizer.Adagrad {
		return 1e-10
	}
	return 1e-8
}

// read validates every field, shows each problem at its field, and returns
// the function and the selected run's settings when all are valid.
func (c *controls) read() (*expr.Func, optimizer.Config, bool) {
	ok := true
	f, err := parseFunc(c.Func.Text)
	if err != nil {
		ok = false
		c.FuncError.SetText(err.Error())
		c.FuncError.Show()
		c.Func.SetValidationError(err)
		if fe, isParse := err.(funcError); isParse {
			msg := translateParseError(fe.e.Error())
			c.FuncError.SetText(msg)
			c.Func.SetValidationError(errors.New(msg))
			c.FuncCaret.SetText(fe.e.Caret())
			c.caretBox.Show()
		}
	} else {
		c.FuncError.Hide()
		c.caretBox.Hide()
		c.Func.SetValidationError(nil)
	}
	dims := 2
	if f != nil {
		dims = f.Dims()
	}
	if dims == 1 {
		c.StartY.Disable()
	} else {
		c.StartY.Enable()
	}
	cfg := optimizer.DefaultConfig()
	m, _ := optimizer.ParseMethod(c.Method.Selected)
	cfg.Method = m
	if c.Gradient.Selected == lang.L("numeric") {
		cfg.Gradient = optimizer.Numeric
	}
	visible := map[*widget.Entry]bool{
		c.H:        cfg.Gradient == optimizer.Numeric,
		c.Momentum: m == optimizer.Momentum || m == optimizer.Nesterov,
		c.Alpha:    m == optimizer.RMSProp,
		c.Beta1:    m == optimizer.Adam,
		c.Beta2:    m == optimizer.Adam,
		c.Eps:      m == optimizer.Adagrad || m == optimizer.RMSProp || m == optimizer.Adam,
	}
	for e, v := range visible {
		if v {
			c.rows[e].Show()
		} else {
			c.rows[e].Hide()
		}
	}
	number := func(e *widget.Entry, name string, check func(float64) error) float64 {
		if hidden, known := visible[e]; (known && !hidden) || (dims == 1 && e == c.StartY) {
			c.setError(e, nil)
			return 0
		}
		v, err := parseNumber(name, e.Text)
		if err == nil && check != nil {
			err = check(v)
		}
		c.setError(e, err)
		if err != nil {
			ok = false
		}
		return v
	}
	positive := func(what string) func(float64) error {
		return func(v float64) error {
			if v <= 0 {
				return fmt.Errorf(lang.L("%s must be positive"), what)
			}
			return nil
		}
	}
	unit := func(what string) func(float64) error {
		return func(v float64) error {
			if v < 0 || v >= 1 {
				return fmt.Errorf(lang.L("%s must be at least 0 and below 1"), what)
			}
			return nil
		}
	}
	cfg.Start[0] = number(c.StartX, lang.L("start x"), nil)
	cfg.Start[1] = number(c.StartY, lang.L("start y"), nil)
	cfg.LR = number(c.LR, lang.L("learning rate"), positive(lang.L("the learning rate")))
	steps := number(c.Steps, lang.L("steps"), func(v float64) error {
		if v != math.Trunc(v) || v < 0 {
			return errors.New(lang.L("steps must be a whole number, 0 or more"))
		}
		if v > maxWindowSteps {
			return fmt.Errorf(lang.L("at most %d steps"), maxWindowSteps)
		}
		return nil
	})
	cfg.Steps = int(steps)
	if h := number(c.H, "h", positive("h")); visible[c.H] {
		cfg.H = h
	}
	if v := number(c.Momentum, "μ", unit("μ")); visible[c.Momentum] {
		cfg.Momentum = v
	}
	if v := number(c.Alpha, "α", unit("α")); visible[c.Alpha] {
		cfg.Alpha = v
	}
	if v := number(c.Beta1, "β1", unit("β1")); visible[c.Beta1] {
		cfg.Beta1 = v
	}
	if v := number(c.Beta2, "β2", unit("β2")); visible[c.Beta2] {
		cfg.Beta2 = v
	}
	if v := number(c.Eps, "ε", positive("ε")); visible[c.Eps] {
		cfg.Eps = v
	}
	if ok && f != nil {
		if err := cfg.Validate(dims); err != nil {
			ok = false
			c.setError(c.LR, errors.New(translateConfigError(err.Error())))
		}
	}
	if !ok {
		return nil, cfg, false
	}
	return f, cfg, true
}

// setError shows err under field e (or hides the message when err is nil).
func (c *controls) setError(e *widget.Entry, err error) {
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

// funcError is a parse error shown under the function field: the message,
// then the input with a caret under the column.
type funcError struct{ e *expr.Error }

func (f funcError) Error() string { return f.e.Error() + "\n" + f.e.Caret() }

// parseFunc parses the function field.
func parseFunc(text string) (*expr.Func, error) {
	f, err := expr.Parse(text)
	if err != nil {
		var pe *expr.Error
		if errors.As(err, &pe) {
			return nil, funcError{pe}
		}
		return nil, err
	}
	return f, nil
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

// formatNum prints a number compactly for the form and the status line.
func formatNum(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// roundSig rounds v to n significant digits (for the slider's values).
func roundSig(v float64, n int) float64 {
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', n, 64), 64)
	return r
}
