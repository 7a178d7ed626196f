package plotting

import (
	"bytes"
	"flag"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden images in testdata/")

// Golden comparison tolerances: a pixel differs when a channel is off by
// more than pixelTol; at most maxDiffFrac of the pixels may differ (text
// and anti-aliasing are deterministic with the embedded fonts, so this only
// absorbs floating-point noise between platforms).
const (
	pixelTol    = 24
	maxDiffFrac = 0.002
)

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *Scene
		o    Options
	}{
		{"contour", himmelScene(), Options{View: ViewContour, Width: 480, Height: 400, Gradient: true, Velocity: true}},
		{"loss", rosenScene(), Options{View: ViewLoss, Width: 480, Height: 320, LogLoss: true}},
		{"curve", curveScene(), Options{View: ViewCurve, Width: 480, Height: 320}},
		{"both", rosenScene(), Options{View: ViewBoth, Width: 800, Height: 360}},
		{"both_dark", himmelScene(), Options{View: ViewBoth, Width: 800, Height: 360, Dark: true, Gradient: true, LogLoss: true}},
		{"contour_hc", himmelScene(), Options{View: ViewContour, Width: 480, Height: 400, HighContrast: true, Gradient: true, Velocity: true}},
	} {
		got, err := NewRenderer().Render(nil, tc.s, tc.o)
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		path := filepath.Join("testdata", tc.name+".png")
		if *update {
			var buf bytes.Buffer
			if err := png.Encode(&buf, got); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		f, err := os.Open(path)
		if err != nil {
			t.Fatalf("%s: %v (run go test -update to create it)", tc.name, err)
		}
		wantImg, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		want := image.NewRGBA(wantImg.Bounds())
		draw.Draw(want, want.Bounds(), wantImg, image.Point{}, draw.Src)
		if want.Bounds() != got.Bounds() {
			t.Fatalf("%s: size %v, golden %v", tc.name, got.Bounds(), want.Bounds())
		}
		diff := 0
		for i := 0; i < len(got.Pix); i += 4 {
			for c := range 4 {
				d := int(got.Pix[i+c]) - int(want.Pix[i+c])
				if d > pixelTol || -d > pixelTol {
					diff++
					break
				}
			}
		}
		if frac := float64(diff) / float64(len(got.Pix)/4); frac > maxDiffFrac {
			t.Errorf("%s: %d pixels (%.3f%%) differ from %s", tc.name, diff, 100*frac, path)
			if out := os.Getenv("GOLDEN_OUT"); out != "" {
				var buf bytes.Buffer
				png.Encode(&buf, got)
				os.WriteFile(filepath.Join(out, tc.name+".png"), buf.Bytes(), 0o644)
			}
		}
	}
}
