package app

import (
	"fmt"
	"image"

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
