package plotting

import (
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// Contour lines are computed here with plain marching squares rather than
// gonum's plotter.Contour: that one also conjoins segments into paths and
// labels them, which costs far more than the 100 ms budget of a 200² grid
// background with a dozen levels, and it mishandles NaN nodes. Lines drawn
// as independent segments look the same at these widths.

// segment is one piece of a contour line, in data coordinates.
type segment struct{ x0, y0, x1, y1 float64 }

// contourSegments returns, for every level, the marching-squares segments of
// f = level over the lattice. Cells with a non-finite corner are skipped.
// Saddle cells are resolved by the value at the cell centre.
func (g *grid) contourSegments(levels []float64) [][]segment {
	out := make([][]segment, len(levels))
	dx := (g.box.XMax - g.box.XMin) / float64(g.nx-1)
	dy := (g.box.YMax - g.box.YMin) / float64(g.ny-1)
	for j := 0; j < g.ny-1; j++ {
		y0 := g.box.YMin + float64(j)*dy
		y1 := y0 + dy
		for i := 0; i < g.nx-1; i++ {
			a := g.v[j*g.nx+i]       // (x0, y0)
			b := g.v[j*g.nx+i+1]     // (x1, y0)
			c := g.v[(j+1)*g.nx+i+1] // (x1, y1)
			d := g.v[(j+1)*g.nx+i]   // (x0, y1)
			if !finite(a) || !finite(b) || !finite(c) || !finite(d) {
				continue
			}
			lo := math.Min(math.Min(a, b), math.Min(c, d))
			hi := math.Max(math.Max(a, b), math.Max(c, d))
			x0 := g.box.XMin + float64(i)*dx
			x1 := x0 + dx
			for l, lv := range levels {
				if lv < lo || lv >= hi {
					continue
				}
				out[l] = appendCell(out[l], lv, a, b, c, d, x0, y0, x1, y1)
			}
		}
	}
	return out
}

// appendCell adds the segments of level lv through the cell with corner
// values a (x0,y0), b (x1,y0), c (x1,y1), d (x0,y1).
func appendCell(segs []segment, lv, a, b, c, d, x0, y0, x1, y1 float64) []segment {
	code := 0
	if a > lv {
		code |= 1
	}
	if b > lv {
		code |= 2
	}
	if c > lv {
		code |= 4
	}
	if d > lv {
		code |= 8
	}
	frac := func(p, q float64) float64 { return (lv - p) / (q - p) }
	// Crossing points on the four edges.
	bottom := func() (float64, float64) { return x0 + frac(a, b)*(x1-x0), y0 }
	right := func() (float64, float64) { return x1, y0 + frac(b, c)*(y1-y0) }
	top := func() (float64, float64) { return x0 + frac(d, c)*(x1-x0), y1 }
	left := func() (float64, float64) { return x0, y0 + frac(a, d)*(y1-y0) }
	seg := func(p, q func() (float64, float64)) {
		ax, ay := p()
		bx, by := q()
		segs = append(segs, segment{ax, ay, bx, by})
	}
	switch code {
	case 1, 14:
		seg(left, bottom)
	case 2, 13:
		seg(bottom, right)
	case 3, 12:
		seg(left, right)
	case 4, 11:
		seg(right, top)
	case 6, 9:
		seg(bottom, top)
	case 7, 8:
		seg(left, top)
	case 5, 10:
		centreAbove := (a+b+c+d)/4 > lv
		if (code == 5) == centreAbove {
			// a and c are joined through the centre.
			seg(left, top)
			seg(bottom, right)
		} else {
			seg(left, bottom)
			seg(right, top)
		}
	}
	return segs
}

// contourLines is a gonum plotter that strokes precomputed contour segments.
type contourLines struct {
	segs  [][]segment
	style draw.LineStyle
}

// Plot implements plot.Plotter.
func (cl contourLines) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	c.SetLineStyle(cl.style)
	for _, level := range cl.segs {
		if len(level) == 0 {
			continue
		}
		// Short paths: see strokeChunk.
		for len(level) > 0 {
			n := min(len(level), strokeChunk)
			path := make(vg.Path, 0, 2*n)
			for _, s := range level[:n] {
				path.Move(vg.Point{X: trX(s.x0), Y: trY(s.y0)})
				path.Line(vg.Point{X: trX(s.x1), Y: trY(s.y1)})
			}
			c.Stroke(path)
			level = level[n:]
		}
	}
}
