package plotting

import (
	"math"
	"strings"
	"testing"
)

// Contour segments of x²+y² at level r² must lie on the circle of radius r
// (to the accuracy of linear interpolation on the lattice).
func TestContourSegmentsOnCircle(t *testing.T) {
	s := &Scene{F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2}
	g := sampleGrid(s, Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, 101)
	h := 4.0 / 100
	for _, r := range []float64{0.5, 1, 1.7} {
		segs := g.contourSegments([]float64{r * r})[0]
		if len(segs) < int(2*math.Pi*r/h) {
			t.Errorf("r=%g: only %d segments", r, len(segs))
		}
		for _, sg := range segs {
			for _, p := range [][2]float64{{sg.x0, sg.y0}, {sg.x1, sg.y1}} {
				// Linear interpolation of r² across a cell errs by at most h²/(4r)·…; allow h/2.
				if d := math.Abs(math.Hypot(p[0], p[1]) - r); d > h/2 {
					t.Fatalf("r=%g: point %v is %g off the circle", r, p, d)
				}
			}
		}
	}
}

// NaN nodes give no segments and no panic; the heat map is transparent there.
func TestGridNaN(t *testing.T) {
	s := &Scene{F: func(x, y float64) float64 { return math.Log(x) }, Dims: 2}
	g := sampleGrid(s, Box{XMin: -1, XMax: 1, YMin: -1, YMax: 1}, 21)
	for _, lv := range g.contourSegments(g.levels(5)) {
		for _, sg := range lv {
			if sg.x0 < 0 || sg.x1 < 0 {
				t.Fatalf("segment in the NaN region: %+v", sg)
			}
		}
	}
	img := g.heatImage(40, 40)
	if a := img.RGBAAt(5, 20).A; a != 0 {
		t.Errorf("NaN region alpha %d, want 0", a)
	}
	if a := img.RGBAAt(35, 20).A; a != 0xFF {
		t.Errorf("finite region alpha %d, want 255", a)
	}
}

// The colour scale is monotone and log-like: the bottom tenth of the value
// range gets well over a tenth of the colours.
func TestColourScale(t *testing.T) {
	s := &Scene{F: func(x, y float64) float64 { return x*x + y*y }, Dims: 2}
	g := sampleGrid(s, Box{XMin: -3, XMax: 3, YMin: -3, YMax: 3}, 50)
	prev := -1.0
	for v := 0.0; v <= 18; v += 0.25 {
		u := g.unit(v)
		if u < prev || u < 0 || u > 1 {
			t.Fatalf("unit(%g) = %g after %g", v, u, prev)
		}
		prev = u
	}
	if u := g.unit(1.8); u < 0.5 {
		t.Errorf("unit of a tenth of the range = %g, want > 0.5 (log-like)", u)
	}
	if g.unit(math.Inf(1)) != 1 || g.unit(math.Inf(-1)) != 0 || !math.IsNaN(g.unit(math.NaN())) {
		t.Error("non-finite values not clipped")
	}
}

func TestLossAxis(t *testing.T) {
	runOf := func(div int, fs ...float64) []runView {
		r := &Run{F: fs, DivergedAt: div}
		return []runView{{r: r, n: len(fs)}}
	}
	for _, tc := range []struct {
		name      string
		fmin      *float64
		runs      []runView
		log       bool
		lo, hi    float64 // frame must contain [lo, hi] …
		maxHi     float64 // … and stay below maxHi
		label     string  // substring of the axis label
		clipped   bool
		wantValue [2]float64 // value(f) = want
	}{
		{"log |f-f*|", ptr(1), runOf(-1, 5, 3, 1), true, 2, 4, 100, "|f − f*|", false, [2]float64{0.5, 0.5}},
		{"log zero loss", ptr(0), runOf(-1, 4, 1, 0), true, 1, 4, 100, "|f − f*|", false, [2]float64{0, 0}},
		{"log shifted", nil, runOf(-1, 3, -2, -5), true, 1, 8, 1e3, "shifted", false, [2]float64{-5, 0.008}},
		{"log positive unshifted", nil, runOf(-1, 30, 2, 1), true, 1, 30, 1e3, "f", false, [2]float64{2, 2}},
		{"log explosion clipped", ptr(0), runOf(-1, 1, 10, 1e200, 1e308), true, 1, 1e5, 1e7, "clipped", true, [2]float64{1, 1}},
		{"linear explosion clipped", nil, runOf(-1, 10, 5, 1, 1e3, 1e300), false, 0, 10, 100, "clipped", true, [2]float64{1, 1}},
		{"linear diverged tail ignored", nil, runOf(3, 10, 5, 1, 1e30), false, 1, 10, 20, "f", false, [2]float64{1, 1}},
		{"linear constant", nil, runOf(-1, 7, 7, 7), false, 7, 7, 9, "f", false, [2]float64{7, 7}},
		{"linear 1e308", nil, runOf(-1, 1e308, -1e308), false, 0, 0, math.Inf(1), "f", false, [2]float64{1, 1}},
		{"all nan", nil, runOf(-1, math.NaN(), math.NaN()), true, 0.1, 10, 11, "f", false, [2]float64{1, 1}},
	} {
		a := newLossAxis(&Scene{FMin: tc.fmin}, tc.runs, tc.log, DefaultLabels())
		if !(a.lo < a.hi) || !finite(a.lo) || !finite(a.hi) || tc.log && !(a.lo > 0) {
			t.Errorf("%s: bad frame [%g, %g]", tc.name, a.lo, a.hi)
			continue
		}
		if a.lo > tc.lo || a.hi < tc.hi || a.hi > tc.maxHi {
			t.Errorf("%s: frame [%g, %g], want ⊇ [%g, %g] below %g", tc.name, a.lo, a.hi, tc.lo, tc.hi, tc.maxHi)
		}
		if !strings.Contains(a.label, tc.label) {
			t.Errorf("%s: label %q, want %q in it", tc.name, a.label, tc.label)
		}
		if a.clipped != tc.clipped {
			t.Errorf("%s: clipped = %v", tc.name, a.clipped)
		}
		if got := a.value(tc.wantValue[0]); math.Abs(got-tc.wantValue[1]) > 1e-12*math.Max(1, math.Abs(tc.wantValue[1])) {
			t.Errorf("%s: value(%g) = %g, want %g", tc.name, tc.wantValue[0], got, tc.wantValue[1])
		}
	}
}

// A million-step loss curve is decimated to about two points per column.
func TestDecimateLoss(t *testing.T) {
	const n = 1_000_000
	fs := make([]float64, n)
	for i := range fs {
		fs[i] = 1 + math.Sin(float64(i)/1000) + 1/(1+float64(i))
	}
	v := runView{r: &Run{F: fs, DivergedAt: -1}, n: n}
	pn := panel{x0: 0, x1: n - 1, y0: 0, y1: 3}
	pn.rect.Max.X, pn.rect.Max.Y = 500, 300 // points: 1000 half-point columns
	lines := decimateLoss(pn, v, &lossAxis{}, n-1)
	total := 0
	for _, l := range lines {
		total += len(l)
	}
	if total > 2*1001 || total < 1000 {
		t.Errorf("%d points after decimation, want about 2 per column (1000 columns)", total)
	}
	// The extremes survive decimation exactly (canvas y = 100·f).
	fmin, fmax := math.Inf(1), math.Inf(-1)
	for _, f := range fs {
		fmin, fmax = math.Min(fmin, f), math.Max(fmax, f)
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, p := range l {
			lo, hi = math.Min(lo, float64(p.Y)), math.Max(hi, float64(p.Y))
		}
	}
	if math.Abs(hi-100*fmax) > 1e-6 || math.Abs(lo-100*fmin) > 1e-6 {
		t.Errorf("extremes after decimation [%g, %g], want [%g, %g]", lo, hi, 100*fmin, 100*fmax)
	}
}
