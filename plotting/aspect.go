package plotting

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// maxAspect is the largest height/width ratio (or width/height ratio) of a
// view box for which the contour panel keeps equal scales; a more elongated
// box fills the panel (see Options.FreeAspect).
const maxAspect = 4

// equalAspect reports whether the main panel of a scene with dims
// dimensions showing box is drawn with one x unit as long as one y unit:
// two-dimensional scenes whose box's height/width ratio is between
// 1/maxAspect and maxAspect, unless the options ask for a free aspect.
func equalAspect(dims int, box Box, o Options) bool {
	if dims != 2 || o.FreeAspect {
		return false
	}
	r := (box.YMax - box.YMin) / (box.XMax - box.XMin)
	return r >= 1/float64(maxAspect) && r <= maxAspect // false for NaN
}

// fitIterations bounds the refinement of the letterboxed canvas; the data
// area is an affine function of the canvas (the axes take fixed room), so
// one or two steps reach it.
const fitIterations = 4

// aspectCanvas returns the canvas to draw the main plot p on inside c (the
// panel without its margin). When the panel keeps equal scales (see
// equalAspect) it is the part of c whose data area is the largest rectangle
// of the box's proportions centred in the data area p would have on c:
// the data area shrinks in one direction and the axes follow it.
// Otherwise, or when no such canvas is found, it is c.
func aspectCanvas(p *plot.Plot, c vgdraw.Canvas, dims int, box Box, o Options) vgdraw.Canvas {
	if !equalAspect(dims, box, o) {
		return c
	}
	da := p.DataCanvas(c).Rectangle
	w, h := float64(da.Size().X), float64(da.Size().Y)
	bw, bh := box.XMax-box.XMin, box.YMax-box.YMin
	if !(w > 0) || !(h > 0) || !finite(bw) || !finite(bh) {
		return c
	}
	s := math.Min(w/bw, h/bh) // canvas points per data unit
	tw, th := vg.Length(s*bw), vg.Length(s*bh)
	cx, cy := (da.Min.X+da.Max.X)/2, (da.Min.Y+da.Max.Y)/2
	want := vg.Rectangle{
		Min: vg.Point{X: cx - tw/2, Y: cy - th/2},
		Max: vg.Point{X: cx + tw/2, Y: cy + th/2},
	}
	fit := c
	for range fitIterations {
		got := p.DataCanvas(fit).Rectangle
		dx0, dx1 := want.Min.X-got.Min.X, want.Max.X-got.Max.X
		dy0, dy1 := want.Min.Y-got.Min.Y, want.Max.Y-got.Max.Y
		if maxAbs(dx0, dx1, dy0, dy1) < 1e-9 {
			break
		}
		fit.Min.X += dx0
		fit.Max.X += dx1
		fit.Min.Y += dy0
		fit.Max.Y += dy1
		const slack = 1e-6 // points: rounding where a side stays put
		if !(fit.Max.X > fit.Min.X) || !(fit.Max.Y > fit.Min.Y) ||
			fit.Min.X < c.Min.X-slack || fit.Max.X > c.Max.X+slack || fit.Min.Y < c.Min.Y-slack || fit.Max.Y > c.Max.Y+slack {
			return c
		}
	}
	if got := p.DataCanvas(fit).Rectangle; !(got.Size().X > 0) || !(got.Size().Y > 0) {
		return c
	}
	return fit
}

// maxAbs returns the largest absolute value of vs.
func maxAbs(vs ...vg.Length) float64 {
	m := 0.0
	for _, v := range vs {
		m = math.Max(m, math.Abs(float64(v)))
	}
	return m
}
