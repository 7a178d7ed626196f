package plotting

import (
	"math"
	"testing"
)

func TestAutoBox(t *testing.T) {
	inside := func(b Box, x, y float64, dims int) bool {
		return x >= b.XMin && x <= b.XMax && (dims == 1 || y >= b.YMin && y <= b.YMax)
	}
	run := func(div int, xy ...float64) Run {
		r := Run{DivergedAt: div}
		for i := 0; i+1 < len(xy); i += 2 {
			r.X, r.Y, r.F = append(r.X, xy[i]), append(r.Y, xy[i+1]), append(r.F, 0)
		}
		return r
	}
	for _, tc := range []struct {
		name    string
		s       *Scene
		in, out [][2]float64 // points that must (not) be in the box
	}{
		{"start and minimum", &Scene{Dims: 2, Minima: [][2]float64{{1, 1}}, Runs: []Run{run(-1, -1.2, 1, 0.5, 0.3)}},
			[][2]float64{{-1.2, 1}, {1, 1}, {0.5, 0.3}}, nil},
		{"diverged point excluded", &Scene{Dims: 2, Runs: []Run{run(3, 3, 2, -6, -4, 12, 8, 1e9, 1e9)}},
			[][2]float64{{3, 2}}, [][2]float64{{1e9, 1e9}}},
		{"explosion before the flag excluded", &Scene{Dims: 2, Runs: []Run{run(5, 1, 1, -3, -3, 9, 9, -27, -27, 1e6, 1e6, 1e300, 1e300), run(-1, 1, 1, 0.5, 0.5)}},
			[][2]float64{{1, 1}, {0.5, 0.5}}, [][2]float64{{1e6, 1e6}, {-27, -27}}},
		{"hidden run ignored", &Scene{Dims: 2, Runs: []Run{run(-1, 0, 0, 1, 1), {X: []float64{100}, Y: []float64{100}, Hidden: true, DivergedAt: -1}}},
			[][2]float64{{0, 0}, {1, 1}}, [][2]float64{{100, 100}}},
		{"nan and inf skipped", &Scene{Dims: 2, Runs: []Run{run(-1, 2, 2, math.NaN(), 0, math.Inf(1), 1, 3, 3)}},
			[][2]float64{{2, 2}, {3, 3}}, nil},
		{"1-D", &Scene{Dims: 1, Runs: []Run{{X: []float64{4, -2, 1}, F: []float64{1, 2, 3}, DivergedAt: -1}}},
			[][2]float64{{4, 0}, {-2, 0}}, nil},
	} {
		b := AutoBox(tc.s)
		if !b.valid(tc.s.dims()) {
			t.Errorf("%s: invalid box %+v", tc.name, b)
		}
		for _, p := range tc.in {
			if !inside(b, p[0], p[1], tc.s.dims()) {
				t.Errorf("%s: %v not in %+v", tc.name, p, b)
			}
		}
		for _, p := range tc.out {
			if inside(b, p[0], p[1], tc.s.dims()) {
				t.Errorf("%s: %v in %+v", tc.name, p, b)
			}
		}
	}
}

// Degenerate inputs still give a box of positive size around the content.
func TestAutoBoxDegenerate(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *Scene
		x, y float64
	}{
		{"nil", nil, 0, 0},
		{"no runs", &Scene{Dims: 2}, 0, 0},
		{"zero steps", &Scene{Dims: 2, Runs: []Run{{DivergedAt: -1}}}, 0, 0},
		{"one point", &Scene{Dims: 2, Runs: []Run{{X: []float64{3}, Y: []float64{2}, F: []float64{13}, DivergedAt: -1}}}, 3, 2},
		{"huge point", &Scene{Dims: 2, Runs: []Run{{X: []float64{1e9}, Y: []float64{-1e9}, F: []float64{1}, DivergedAt: -1}}}, 1e9, -1e9},
		{"tiny point", &Scene{Dims: 2, Runs: []Run{{X: []float64{1e-9}, Y: []float64{1e-9}, F: []float64{1}, DivergedAt: -1}}}, 1e-9, 1e-9},
		{"horizontal path", &Scene{Dims: 2, Runs: []Run{{X: []float64{-1, 1}, Y: []float64{2, 2}, F: []float64{1, 1}, DivergedAt: -1}}}, 0, 2},
		{"vertical path", &Scene{Dims: 2, Runs: []Run{{X: []float64{-7, -7, -7}, Y: []float64{-300, 10, 450}, F: []float64{1, 1, 1}, DivergedAt: -1}}}, -7, 0},
		{"path along y = 0 to the minimum", &Scene{Dims: 2, Minima: [][2]float64{{0, 0}},
			Runs: []Run{{X: []float64{-4, -2, -1, -0.5}, Y: []float64{0, 0, 0, 0}, F: []float64{16, 4, 1, 0.25}, DivergedAt: -1}}}, -4, 0},
	} {
		b := AutoBox(tc.s)
		w, h := b.XMax-b.XMin, b.YMax-b.YMin
		if !(w > 0) || !(h > 0) || !finite(w) || !finite(h) {
			t.Errorf("%s: degenerate box %+v", tc.name, b)
			continue
		}
		if tc.x < b.XMin || tc.x > b.XMax || tc.y < b.YMin || tc.y > b.YMax {
			t.Errorf("%s: (%g, %g) not in %+v", tc.name, tc.x, tc.y, b)
		}
		if !equalAspect(2, b, Options{}) {
			t.Errorf("%s: aspect %g of %+v: the contour panel would not keep equal scales", tc.name, h/w, b)
		}
	}
}

// A path along a horizontal or vertical line, of any length and anywhere,
// gets a box around it that keeps the contour panel's equal scales (the
// margins and the rounding to round numbers must not push it out of the
// 1/4..4 band), and the strip is not much more than a third of the length.
func TestAutoBoxLineKeepsEqualAspect(t *testing.T) {
	for _, length := range []float64{1e-6, 0.01, 0.37, 1, 2.5, 7, 13, 99, 640, 1e5} {
		for _, at := range []float64{-3.3, 0, 1, 2e4} {
			for _, vertical := range []bool{false, true} {
				xs := []float64{at, at + length/3, at + length}
				ys := []float64{-1, -1, -1}
				if vertical {
					xs, ys = ys, xs
				}
				s := &Scene{Dims: 2, Runs: []Run{{X: xs, Y: ys, F: []float64{1, 1, 1}, DivergedAt: -1}}}
				b := AutoBox(s)
				w, h := b.XMax-b.XMin, b.YMax-b.YMin
				if !equalAspect(2, b, Options{}) {
					t.Errorf("length %g at %g vertical %v: box %+v has aspect %g", length, at, vertical, b, h/w)
				}
				if r := math.Min(w, h) / math.Max(w, h); length > 1 && r > 0.5 {
					t.Errorf("length %g at %g vertical %v: box %+v is not a strip (ratio %g)", length, at, vertical, b, r)
				}
			}
		}
	}
}
