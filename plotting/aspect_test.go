package plotting

import (
	"bytes"
	"math"
	"regexp"
	"strconv"
	"testing"
)

// The equal-aspect rule: two-dimensional boxes with height/width in
// [1/4, 4], unless FreeAspect.
func TestEqualAspectRule(t *testing.T) {
	box := func(w, h float64) Box { return Box{XMin: -w / 2, XMax: w / 2, YMin: 3, YMax: 3 + h} }
	for _, tc := range []struct {
		name string
		dims int
		b    Box
		o    Options
		want bool
	}{
		{"square", 2, box(10, 10), Options{}, true},
		{"1:2", 2, box(4, 8), Options{}, true},
		{"2:1", 2, box(8, 4), Options{}, true},
		{"exactly 4 high", 2, box(1, 4), Options{}, true},
		{"exactly 4 wide", 2, box(4, 1), Options{}, true},
		{"just over 4 high", 2, box(1, 4.01), Options{}, false},
		{"just over 4 wide", 2, box(4.01, 1), Options{}, false},
		{"1:10", 2, box(20, 2), Options{}, false},
		{"free aspect", 2, box(10, 10), Options{FreeAspect: true}, false},
		{"1-D", 1, box(10, 10), Options{}, false},
		{"nan", 2, Box{XMin: math.NaN(), XMax: 1, YMin: 0, YMax: 1}, Options{}, false},
		{"zero width", 2, Box{XMin: 1, XMax: 1, YMin: 0, YMax: 1}, Options{}, false},
	} {
		if got := equalAspect(tc.dims, tc.b, tc.o); got != tc.want {
			t.Errorf("%s: equalAspect(%d, %+v, %+v) = %v, want %v", tc.name, tc.dims, tc.b, tc.o, got, tc.want)
		}
	}
}

// The vector outputs lay the contour panel out like the raster one: the
// heat map of a 1:2 box is embedded twice as high as wide (and stretched to
// the panel with FreeAspect).
func TestVectorEqualAspect(t *testing.T) {
	s := sphereScene(Box{XMin: -2, XMax: 2, YMin: -3, YMax: 5})
	re := regexp.MustCompile(`<image x="[^"]*" y="[^"]*" width="([0-9.e+-]+)" height="([0-9.e+-]+)"`)
	for _, free := range []bool{false, true} {
		var buf bytes.Buffer
		if err := Write(&buf, ".svg", s, Options{View: ViewContour, Width: 900, Height: 500, FreeAspect: free}, Animation{}); err != nil {
			t.Fatal(err)
		}
		m := re.FindSubmatch(buf.Bytes())
		if m == nil {
			t.Fatal("no heat map image in the SVG")
		}
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		if r := h / w; !free && math.Abs(r-2) > 1e-6 || free && !(r < 1) {
			t.Errorf("free aspect %v: heat map %g×%g points, ratio %g", free, w, h, r)
		}
	}
}
