package plotting

import (
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// sans is the typeface of every text (gonum/plot embeds Liberation, so the
// output is the same on every machine).
var sans = font.Font{Typeface: "Liberation", Variant: "Sans"}

// fontSize returns a sans face of size pt points times the scale.
func fontOf(pt, scale float64) font.Font { return font.From(sans, vg.Length(pt*scale)) }

// newPlot returns a plot with the house style: sans fonts, thin axes in the
// theme's foreground colour touching the data area, no background (the
// caller paints it).
func newPlot(xlabel, ylabel string, th *theme) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil
	p.X.Label.Text, p.Y.Label.Text = xlabel, ylabel
	scale := th.scale
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		a.Label.TextStyle.Font = fontOf(12, scale)
		a.Label.TextStyle.Color = th.fg
		a.Label.Padding = vg.Length(3 * scale)
		a.Tick.Label.Font = fontOf(10, scale)
		a.Tick.Label.Color = th.fg
		a.LineStyle.Width = vg.Length(th.axisW * scale)
		a.LineStyle.Color = th.fg
		a.Tick.LineStyle.Width = vg.Length(th.axisW * scale)
		a.Tick.LineStyle.Color = th.fg
		a.Tick.Length = vg.Length(4 * scale)
		a.Padding = 0
		a.Tick.Marker = linTicks{}
	}
	return p
}

// margin is the empty border around every panel, in points.
func margin(scale float64) vg.Length { return vg.Length(10 * scale) }

// cropMargin removes the panel margin from c.
func cropMargin(c vgdraw.Canvas, scale float64) vgdraw.Canvas {
	m := margin(scale)
	return vgdraw.Crop(c, m, -m, m, -m)
}

// logTicks labels powers of ten on a log axis, at most about six labels
// however many decades the axis spans (gonum's LogTicks labels every decade,
// which is unreadable over a few hundred).
type logTicks struct{}

// Ticks implements plot.Ticker.
func (logTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(lo > 0) || !(hi > lo) || !finite(hi) {
		return nil
	}
	d0 := int(math.Floor(math.Log10(lo)))
	d1 := int(math.Ceil(math.Log10(hi)))
	every := max(1, (d1-d0+5)/6)
	var ticks []plot.Tick
	for d := d0; d <= d1; d++ {
		v := math.Pow(10, float64(d))
		if d%every == 0 {
			ticks = append(ticks, plot.Tick{Value: v, Label: decade(d)})
		} else {
			ticks = append(ticks, plot.Tick{Value: v})
		}
		if every == 1 && d1-d0 <= 3 {
			for m := 2; m < 10; m++ {
				ticks = append(ticks, plot.Tick{Value: v * float64(m)})
			}
		}
	}
	return ticks
}

// decade formats 10^d compactly: 0.01, 0.1, 1, 10, 100, 1e3, 1e-3 …
func decade(d int) string {
	switch {
	case d >= 0 && d <= 2:
		return strconv.Itoa(int(math.Pow(10, float64(d))))
	case d == -1:
		return "0.1"
	case d == -2:
		return "0.01"
	}
	return "1e" + strconv.Itoa(d)
}

// withAlpha returns c at alpha a (0..1), non-premultiplied.
func withAlpha(c color.RGBA, a float64) color.NRGBA {
	return color.NRGBA{c.R, c.G, c.B, uint8(math.Round(255 * clamp(a, 0, 1)))}
}

// linTicks puts about six round-valued major ticks (1, 2 or 5 times a power
// of ten apart) on a linear axis, with unlabelled minor ticks between them.
type linTicks struct{}

// Ticks implements plot.Ticker.
func (linTicks) Ticks(lo, hi float64) []plot.Tick {
	if !(hi > lo) || !finite(hi-lo) {
		return nil
	}
	step := niceStep((hi - lo) / 6)
	if !(step > 0) || (hi-lo)/step > 100 {
		return nil
	}
	minor := step / 2
	if m := step / math.Pow(10, math.Floor(math.Log10(step))); m == 2 {
		minor = step / 4
	}
	prec := max(0, -int(math.Floor(math.Log10(step))))
	var ticks []plot.Tick
	for i := math.Ceil(lo / minor); i*minor <= hi; i++ {
		v := i * minor
		if math.Abs(math.Remainder(v, step)) < minor/100 {
			v = math.Round(v/step) * step
			ticks = append(ticks, plot.Tick{Value: v, Label: tickLabel(v, step, prec)})
		} else {
			ticks = append(ticks, plot.Tick{Value: v})
		}
	}
	return ticks
}

// tickLabel formats a major tick value: fixed notation for ordinary
// magnitudes, exponent notation for very large or small ones.
func tickLabel(v, step float64, prec int) string {
	if v == 0 || math.Abs(v) < step/1e6 {
		return "0"
	}
	a := math.Abs(v)
	if a >= 1e6 || a < 1e-4 || prec > 6 {
		return strconv.FormatFloat(v, 'g', 4, 64)
	}
	return strconv.FormatFloat(v, 'f', prec, 64)
}

// strokeChunk is the number of points stroked at a time. gonum's raster back
// end (freetype's rasterizer) keeps the cells of a scan line in a list it
// searches linearly, so one long zig-zagging path costs quadratically in its
// length (a million-step loss curve took over a minute). Stroking long
// polylines in short pieces keeps every frame linear; the pieces overlap by
// one point so the line stays continuous.
const strokeChunk = 32

// strokeLines strokes a polyline in pieces of strokeChunk points.
func strokeLines(c vgdraw.Canvas, sty vgdraw.LineStyle, pts []vg.Point) {
	for len(pts) > strokeChunk {
		c.StrokeLines(sty, pts[:strokeChunk])
		pts = pts[strokeChunk-1:]
	}
	if len(pts) > 1 {
		c.StrokeLines(sty, pts)
	}
}
