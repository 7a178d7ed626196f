package plotting

import (
	"image"
	"image/color"

	"git.sr.ht/~sbinet/gg"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
)

// rasterCanvas is a vg.Canvas that draws onto an existing *image.RGBA without
// clearing it first (vgimg always paints its background, which would wipe
// the cached background under the per-frame overlay). It follows vgimg's
// conventions exactly (origin bottom left, lengths in points, DPI from the
// caller), so coordinates computed by gonum/plot for a vgimg canvas of the
// same size and DPI land on the same pixels.
type rasterCanvas struct {
	ctx   *gg.Context
	w, h  vg.Length
	dpi   float64
	width vg.Length
	color []color.Color
}

var _ vg.Canvas = (*rasterCanvas)(nil)

// newRasterCanvas wraps img (whose Min must be 0,0) at the given DPI.
func newRasterCanvas(img *image.RGBA, dpi float64) *rasterCanvas {
	b := img.Bounds()
	w, h := canvasSize(b.Dx(), b.Dy(), dpi)
	c := &rasterCanvas{
		ctx:   gg.NewContextForRGBA(img),
		w:     w,
		h:     h,
		dpi:   dpi,
		color: []color.Color{color.Black},
	}
	c.ctx.SetLineCapButt()
	c.ctx.InvertY()
	vg.Initialize(c)
	return c
}

// Size returns the canvas size in points.
func (c *rasterCanvas) Size() (w, h vg.Length) { return c.w, c.h }

// SetLineWidth implements vg.Canvas.
func (c *rasterCanvas) SetLineWidth(w vg.Length) {
	c.width = w
	c.ctx.SetLineWidth(w.Dots(c.dpi))
}

// SetLineDash implements vg.Canvas.
func (c *rasterCanvas) SetLineDash(ds []vg.Length, offs vg.Length) {
	dashes := make([]float64, len(ds))
	for i, d := range ds {
		dashes[i] = d.Dots(c.dpi)
	}
	c.ctx.SetDashOffset(offs.Dots(c.dpi))
	c.ctx.SetDash(dashes...)
}

// SetColor implements vg.Canvas.
func (c *rasterCanvas) SetColor(clr color.Color) {
	if clr == nil {
		clr = color.Black
	}
	c.ctx.SetColor(clr)
	c.color[len(c.color)-1] = clr
}

// Rotate implements vg.Canvas.
func (c *rasterCanvas) Rotate(t float64) { c.ctx.Rotate(t) }

// Translate implements vg.Canvas.
func (c *rasterCanvas) Translate(pt vg.Point) { c.ctx.Translate(pt.X.Dots(c.dpi), pt.Y.Dots(c.dpi)) }

// Scale implements vg.Canvas.
func (c *rasterCanvas) Scale(x, y float64) { c.ctx.Scale(x, y) }

// Push implements vg.Canvas.
func (c *rasterCanvas) Push() {
	c.color = append(c.color, c.color[len(c.color)-1])
	c.ctx.Push()
}

// Pop implements vg.Canvas.
func (c *rasterCanvas) Pop() {
	if len(c.color) > 1 {
		c.color = c.color[:len(c.color)-1]
	}
	c.ctx.Pop()
}

// Stroke implements vg.Canvas.
func (c *rasterCanvas) Stroke(p vg.Path) {
	if c.width <= 0 {
		return
	}
	c.outline(p)
	c.ctx.Stroke()
}

// Fill implements vg.Canvas.
func (c *rasterCanvas) Fill(p vg.Path) {
	c.outline(p)
	c.ctx.Fill()
}

func (c *rasterCanvas) outline(p vg.Path) {
	d := c.dpi
	for _, comp := range p {
		switch comp.Type {
		case vg.MoveComp:
			c.ctx.MoveTo(comp.Pos.X.Dots(d), comp.Pos.Y.Dots(d))
		case vg.LineComp:
			c.ctx.LineTo(comp.Pos.X.Dots(d), comp.Pos.Y.Dots(d))
		case vg.ArcComp:
			c.ctx.DrawArc(comp.Pos.X.Dots(d), comp.Pos.Y.Dots(d), comp.Radius.Dots(d),
				comp.Start, comp.Start+comp.Angle)
		case vg.CurveComp:
			switch len(comp.Control) {
			case 1:
				c.ctx.QuadraticTo(comp.Control[0].X.Dots(d), comp.Control[0].Y.Dots(d),
					comp.Pos.X.Dots(d), comp.Pos.Y.Dots(d))
			case 2:
				c.ctx.CubicTo(comp.Control[0].X.Dots(d), comp.Control[0].Y.Dots(d),
					comp.Control[1].X.Dots(d), comp.Control[1].Y.Dots(d),
					comp.Pos.X.Dots(d), comp.Pos.Y.Dots(d))
			}
		case vg.CloseComp:
			c.ctx.ClosePath()
		}
	}
}

// FillString implements vg.Canvas.
func (c *rasterCanvas) FillString(f font.Face, pt vg.Point, str string) {
	if f.Font.Size == 0 {
		return
	}
	c.ctx.Push()
	defer c.ctx.Pop()
	face := f.FontFace(c.dpi)
	defer face.Close()
	c.ctx.SetFontFace(face)
	c.ctx.InvertY()
	c.ctx.DrawString(str, pt.X.Dots(c.dpi), c.h.Dots(c.dpi)-pt.Y.Dots(c.dpi))
}

// DrawImage implements vg.Canvas.
func (c *rasterCanvas) DrawImage(rect vg.Rectangle, img image.Image) {
	d := c.dpi
	sz := rect.Size()
	w, h := sz.X.Dots(d), sz.Y.Dots(d)
	dx, dy := float64(img.Bounds().Dx()), float64(img.Bounds().Dy())
	if dx == 0 || dy == 0 {
		return
	}
	c.ctx.Push()
	c.ctx.Scale(1, -1)
	c.ctx.Translate(rect.Min.X.Dots(d), -rect.Min.Y.Dots(d)-h)
	c.ctx.Scale(w/dx, h/dy)
	c.ctx.DrawImage(img, 0, 0)
	c.ctx.Pop()
}
