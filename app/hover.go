package app

import (
	"fmt"
	"image"
	"strings"

	"fyne.io/fyne/v2/lang"

	"gdlab/plotting"
)

// hoverText is the read-out of the figure's point under the pointer at px:
// x, y and f on the contour or the surface (the slice's or plane's axes and
// f there for a function of more than two variables), x and f(x) on the
// curve of a function of x, and on the loss (or coordinates) panel the
// step and value of the run drawn nearest the pointer; ok is false
// elsewhere.
func (u *UI) hoverText(px image.Point) (string, bool) {
	f := u.state.Problem.F
	s, o, shown := u.paint.shown()
	if f == nil || !shown || o.View == plotting.ViewHError {
		return "", false
	}
	if x, y, ok := u.paint.plotter.DataAt(s, o, px); ok {
		if f.Dims() == 1 {
			return "x = " + formatNum(x) + "\nf = " + formatNum(f.Value(x, 0)), true
		}
		names := [2]string{"x", "y"}
		if s.AxisNames[0] != "" {
			names = s.AxisNames
		}
		return names[0] + " = " + formatNum(x) + "\n" + names[1] + " = " + formatNum(y) + "\nf = " + formatNum(s.F(x, y)), true
	}
	if row, ok := u.paint.plotter.DataPointAt(s, o, px); ok {
		return dataPointText(s.Data, row), true
	}
	hit, ok := u.paint.plotter.LossAt(s, o, px)
	if !ok {
		return "", false
	}
	value := "f"
	if hit.Coordinate != "" {
		value = hit.Coordinate
	}
	return hit.Label + "\n" + fmt.Sprintf(lang.L("step %d"), hit.K) + "\n" + value + " = " + formatNum(hit.F), true
}

// dataPointText is the read-out of row of the data: its inputs and its
// target, by their columns' names.
func dataPointText(d *plotting.DataPanel, row int) string {
	var lines []string
	for i := range d.Inputs + 1 {
		name := "y"
		if i < len(d.Names) {
			name = d.Names[i]
		}
		v := d.Y[row]
		if i < d.Inputs {
			v = d.X[row*d.Inputs+i]
		}
		lines = append(lines, name+" = "+formatNum(v))
	}
	return strings.Join(lines, "\n")
}
