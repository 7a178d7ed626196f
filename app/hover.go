package app

import (
	"image"

	"gdlab/plotting"
)

// hoverText is the read-out of the figure's point under the pointer at px:
// x, y and f on the contour or the surface, x and f(x) on the curve of a
// function of x; ok is false off the panel (the loss panel has none yet).
func (u *UI) hoverText(px image.Point) (string, bool) {
	f := u.state.Problem.F
	if f == nil || u.session.Options().View == plotting.ViewHError {
		return "", false
	}
	x, y, ok := u.paint.dataAt(px)
	if !ok {
		return "", false
	}
	if f.Dims() == 1 {
		return "x = " + formatNum(x) + "\nf = " + formatNum(f.Value(x, 0)), true
	}
	return "x = " + formatNum(x) + "\ny = " + formatNum(y) + "\nf = " + formatNum(f.Value(x, y)), true
}
