package icon

import (
	"image/color"
	"math"
	"testing"
)

func TestDrawSizes(t *testing.T) {
	for _, tc := range []struct {
		size    int
		wantErr bool
	}{
		{size: -1, wantErr: true},
		{size: 0, wantErr: true},
		{size: MinSize - 1, wantErr: true},
		{size: MinSize},
		{size: 48},
		{size: 128},
		{size: MaxSize + 1, wantErr: true},
	} {
		img, err := Draw(tc.size)
		if tc.wantErr {
			if err == nil {
				t.Errorf("Draw(%d): no error, want one", tc.size)
			}
			continue
		}
		if err != nil {
			t.Errorf("Draw(%d): %v", tc.size, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != tc.size || b.Dy() != tc.size || b.Min.X != 0 || b.Min.Y != 0 {
			t.Errorf("Draw(%d): bounds %v", tc.size, b)
		}
	}
}

// TestDrawLayout checks the icon's shape: transparent corners (the rounded
// square's margin), an opaque interior, and the minimum's marker at the
// minimum.
func TestDrawLayout(t *testing.T) {
	const size = 128
	img, err := Draw(size)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range [][2]int{{0, 0}, {size - 1, 0}, {0, size - 1}, {size - 1, size - 1}, {size / 2, 0}, {3, 6}} {
		if a := img.NRGBAAt(p[0], p[1]).A; a != 0 {
			t.Errorf("pixel %v alpha = %d, want 0 (outside the rounded square)", p, a)
		}
	}
	for _, p := range [][2]int{{size / 2, size / 2}, {size / 4, size / 4}, {3 * size / 4, 3 * size / 4}, {size / 2, size / 8}} {
		if a := img.NRGBAAt(p[0], p[1]).A; a != 255 {
			t.Errorf("pixel %v alpha = %d, want 255", p, a)
		}
	}
	m := Minimum()
	d := toDesign(m[0], m[1])
	s := float64(size) / designSize
	c := img.NRGBAAt(int(d.x*s), int(d.y*s))
	if !near(c, minColor, 8) {
		t.Errorf("pixel at the minimum = %v, want the minimum's colour %v", c, minColor)
	}
}

func near(c color.NRGBA, want rgba, tol int) bool {
	for _, p := range [][2]float64{{float64(c.R), want.r}, {float64(c.G), want.g}, {float64(c.B), want.b}} {
		if math.Abs(p[0]-math.Round(p[1]*255)) > float64(tol) {
			return false
		}
	}
	return true
}

// TestPathDescends checks the path is a real descent: it starts away from the
// minimum, f never increases along it, every dot is inside the drawn square
// with room for its ring, and it ends near the minimum.
func TestPathDescends(t *testing.T) {
	pts := Path()
	if len(pts) < 4 || len(pts) > maxDots {
		t.Fatalf("path has %d dots, want 4..%d", len(pts), maxDots)
	}
	m := Minimum()
	lo := margin + dotRadius0 + dotRing + pathEdgeW
	for k, p := range pts {
		d := toDesign(p[0], p[1])
		if d.x < lo || d.x > designSize-lo || d.y < lo || d.y > designSize-lo {
			t.Errorf("dot %d at design (%.1f, %.1f) is too close to the edge", k, d.x, d.y)
		}
		if k > 0 && Value(p[0], p[1]) > Value(pts[k-1][0], pts[k-1][1]) {
			t.Errorf("f increases from dot %d to dot %d", k-1, k)
		}
	}
	first, last := pts[0], pts[len(pts)-1]
	const tol = 1e-12
	if Value(m[0], m[1]) > tol {
		t.Errorf("f at the minimum = %g, want 0", Value(m[0], m[1]))
	}
	if dFirst, dLast := math.Hypot(first[0]-m[0], first[1]-m[1]), math.Hypot(last[0]-m[0], last[1]-m[1]); dLast >= dFirst/2 {
		t.Errorf("path ends %.3f from the minimum, started %.3f away: not converging", dLast, dFirst)
	}
}

// TestGradMatchesValue checks the analytic gradient against central
// differences of the value at a few points.
func TestGradMatchesValue(t *testing.T) {
	const (
		h   = 1e-6
		tol = 1e-6
	)
	for _, p := range [][2]float64{{0, 0}, {minX, minY}, {-2, 2}, {1.5, -2.5}, {2.9, 2.9}} {
		gx, gy := grad(p[0], p[1])
		nx := (value(p[0]+h, p[1]) - value(p[0]-h, p[1])) / (2 * h)
		ny := (value(p[0], p[1]+h) - value(p[0], p[1]-h)) / (2 * h)
		if math.Abs(gx-nx) > tol*math.Max(1, math.Abs(nx)) || math.Abs(gy-ny) > tol*math.Max(1, math.Abs(ny)) {
			t.Errorf("grad at %v = (%g, %g), central difference (%g, %g)", p, gx, gy, nx, ny)
		}
	}
}

func TestBand(t *testing.T) {
	ls := levels()
	if len(ls) != len(palette)-1 {
		t.Fatalf("%d levels for %d colours", len(ls), len(palette))
	}
	for _, tc := range []struct {
		v    float64
		want int
	}{
		{v: 0, want: 0},
		{v: ls[0] / 2, want: 0},
		{v: ls[0], want: 1},
		{v: (ls[2] + ls[3]) / 2, want: 3},
		{v: ls[len(ls)-1] * 10, want: len(palette) - 1},
		{v: math.Inf(1), want: len(palette) - 1},
	} {
		if got := band(tc.v, ls); got != tc.want {
			t.Errorf("band(%g) = %d, want %d", tc.v, got, tc.want)
		}
	}
}

func TestInsideRoundedSquare(t *testing.T) {
	for _, tc := range []struct {
		p    vec
		want bool
	}{
		{p: vec{256, 256}, want: true},
		{p: vec{margin + 1, 256}, want: true},
		{p: vec{margin - 1, 256}, want: false},
		{p: vec{margin + 2, margin + 2}, want: false}, // cut by the rounded corner
		{p: vec{margin + cornerRadius, margin + 1}, want: true},
		{p: vec{designSize - margin - 1, designSize - margin - cornerRadius}, want: true},
		{p: vec{-5, 600}, want: false},
	} {
		if got := insideRoundedSquare(tc.p, margin, cornerRadius); got != tc.want {
			t.Errorf("insideRoundedSquare(%v) = %v, want %v", tc.p, got, tc.want)
		}
	}
}
