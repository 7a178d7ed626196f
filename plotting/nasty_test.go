package plotting

import (
	"fmt"
	"image"
	"math"
	"testing"
)

// nonBlank reports whether the image has a figure in it: enough non-white
// pixels and several colours.
func nonBlank(img *image.RGBA) (bool, string) {
	colors := map[[4]uint8]bool{}
	nonWhite := 0
	for i := 0; i+3 < len(img.Pix); i += 4 {
		c := [4]uint8{img.Pix[i], img.Pix[i+1], img.Pix[i+2], img.Pix[i+3]}
		if c != [4]uint8{0xFF, 0xFF, 0xFF, 0xFF} {
			nonWhite++
		}
		if len(colors) < 64 {
			colors[c] = true
		}
	}
	total := len(img.Pix) / 4
	if nonWhite < total/200 || len(colors) < 8 {
		return false, fmt.Sprintf("%d of %d pixels non-white, %d colours", nonWhite, total, len(colors))
	}
	return true, ""
}

func TestNastyScenes(t *testing.T) {
	inf := math.Inf(1)
	sq := func(x, y float64) float64 { return x*x + y*y }
	line := func(xs ...float64) Run {
		r := Run{Label: "r", DivergedAt: -1}
		for _, x := range xs {
			r.X, r.Y, r.F = append(r.X, x), append(r.Y, x/2), append(r.F, x*x)
		}
		return r
	}
	many := func() []Run {
		var rs []Run
		for i := range 9 { // one more than shown
			r := line(3, 2-float64(i)/4, 1, float64(i)/8)
			r.Label = fmt.Sprintf("run %d lr=0.%d", i, i)
			rs = append(rs, r)
		}
		return rs
	}
	explode := Run{Label: "boom", X: []float64{1, -3, 9, -27, 1e6, inf}, Y: []float64{1, -3, 9, -27, 1e6, nan},
		F: []float64{2, 18, 162, 1458, 2e12, inf}, DivergedAt: 5}
	scenes := map[string]*Scene{
		"nan region": {F: func(x, y float64) float64 { return math.Log(x) + y*y }, Dims: 2,
			Box: &Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, Runs: []Run{line(1, 0.5, 0.2)}},
		"all +inf grid": {F: func(x, y float64) float64 { return inf }, Dims: 2, Runs: []Run{line(1, 2)}},
		"all nan grid":  {F: func(x, y float64) float64 { return nan }, Dims: 2, Runs: []Run{line(1, 2)}},
		"nil F":         {Dims: 2, Runs: []Run{line(1, 2)}},
		"panicking F":   {F: func(x, y float64) float64 { panic("boom") }, Dims: 2, Runs: []Run{line(1, 2)}},
		"one point":     {F: sq, Dims: 2, Runs: []Run{line(3)}},
		"zero steps":    {F: sq, Dims: 2, Runs: []Run{{Label: "empty", DivergedAt: -1}}},
		"empty runs":    {F: sq, Dims: 2},
		"1e308 values": {F: func(x, y float64) float64 { return 1e308 * (x*x + y*y) }, Dims: 2,
			Runs: []Run{{X: []float64{1, 0.5}, Y: []float64{1, 0}, F: []float64{1e308, -1e308}, DivergedAt: -1}}},
		"zero loss log": {F: sq, Dims: 2, FMin: ptr(0),
			Runs: []Run{{X: []float64{1, 0, 0}, Y: []float64{1, 0, 0}, F: []float64{2, 0, 0}, DivergedAt: -1}}},
		"negative loss no fmin": {F: func(x, y float64) float64 { return x - 10 }, Dims: 2,
			Runs: []Run{{X: []float64{1, 0, -5}, Y: []float64{1, 0, 0}, F: []float64{-9, -10, -15}, DivergedAt: -1}}},
		"constant function": {F: func(x, y float64) float64 { return 7 }, Dims: 2, Runs: []Run{line(1, 1, 1)}},
		"eight runs":        {F: sq, Dims: 2, Runs: many(), Current: 2},
		"exploding run":     {F: sq, Dims: 2, Runs: []Run{explode, line(3, 1, 0.3)}},
		"degenerate box":    {F: sq, Dims: 2, Box: &Box{XMin: 1, XMax: 1, YMin: 0, YMax: 2}, Runs: []Run{line(1, 0)}},
		"inverted nan box":  {F: sq, Dims: 2, Box: &Box{XMin: 2, XMax: -2, YMin: nan, YMax: 2}, Runs: []Run{line(1, 0)}},
		"nan points": {F: sq, Dims: 2,
			Runs: []Run{{X: []float64{1, nan, 0.5, inf}, Y: []float64{1, 0, nan, 0}, F: []float64{2, nan, nan, inf}, DivergedAt: -1}}},
		"ragged slices": {F: sq, Dims: 2, Runs: []Run{{X: []float64{1, 2, 3}, Y: []float64{1}, F: []float64{1, 2, 3, 4, 5},
			K: []int{0}, GX: []float64{1}, VX: []float64{1, 2}, VY: []float64{1}, DivergedAt: 9}}},
		"hidden only":     {F: sq, Dims: 2, Runs: []Run{{X: []float64{1}, Y: []float64{1}, F: []float64{2}, Hidden: true, DivergedAt: -1}}},
		"current beyond":  {F: sq, Dims: 2, Runs: []Run{line(3, 2, 1)}, Current: 1000},
		"1-D nan region":  {F: func(x, _ float64) float64 { return math.Sqrt(x) }, Dims: 1, Runs: []Run{line(4, 2, 1)}, Box: &Box{XMin: -3, XMax: 5}},
		"1-D pole":        {F: func(x, _ float64) float64 { return 1 / x }, Dims: 1, Runs: []Run{line(2, 1)}},
		"1-D constant":    {F: func(x, _ float64) float64 { return 0 }, Dims: 1, Runs: []Run{line(2, 1)}},
		"1-D zero steps":  {F: func(x, _ float64) float64 { return x * x }, Dims: 1},
		"1-D one point":   {F: func(x, _ float64) float64 { return x * x }, Dims: 1, Runs: []Run{line(0)}},
		"1-D huge values": {F: func(x, _ float64) float64 { return math.Exp(x * 1000) }, Dims: 1, Runs: []Run{line(1, 0.5)}},
	}
	r := NewRenderer()
	for name, s := range scenes {
		for _, o := range []Options{
			{View: ViewContour, Width: 320, Height: 240, Gradient: true, Velocity: true},
			{View: ViewLoss, Width: 320, Height: 240},
			{View: ViewLoss, Width: 320, Height: 240, LogLoss: true},
			{View: ViewBoth, Width: 480, Height: 240, LogLoss: true, Scale: 2},
			{View: ViewCurve, Width: 240, Height: 320},
			{View: ViewBoth, Width: 480, Height: 240, Dark: true, Gradient: true, Velocity: true},
			{View: ViewContour, Width: 320, Height: 240, HighContrast: true, Gradient: true, Velocity: true},
			{View: ViewBoth, Width: 240, Height: 480, Dark: true, HighContrast: true, LogLoss: true, Scale: 1.5},
		} {
			img, err := r.Render(nil, s, o)
			if err != nil {
				t.Errorf("%s, %s log=%v dark=%v hc=%v: %v", name, o.View, o.LogLoss, o.Dark, o.HighContrast, err)
				continue
			}
			if ok, why := nonBlank(img); !ok {
				t.Errorf("%s, %s log=%v dark=%v hc=%v: blank image: %s", name, o.View, o.LogLoss, o.Dark, o.HighContrast, why)
			}
		}
		_ = AutoBox(s)
	}
}
