package assets

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"testing"

	"gdlab/assets/internal/icon"
)

func TestIconDecodes(t *testing.T) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("embedded icon does not decode: %v", err)
	}
	if format != "png" {
		t.Errorf("icon format = %q, want png", format)
	}
	if cfg.Width != 512 || cfg.Height != 512 {
		t.Errorf("icon size = %dx%d, want 512x512", cfg.Width, cfg.Height)
	}
}

// TestIconUpToDate checks that the committed icon is what the generator
// draws now, so a change to the drawing code cannot be forgotten: run
// `go generate ./assets` after changing it.
//
// Pixels are compared with a tolerance: architectures that fuse
// multiply-adds (arm64, ppc64, s390x) may round a few anti-aliasing samples
// differently from amd64, where the icon is generated.
func TestIconUpToDate(t *testing.T) {
	const (
		channelTol   = 2     // largest per-channel difference ignored
		maxOffShare  = 0.002 // share of pixels allowed beyond channelTol
		maxChanDelta = 80    // no pixel may differ more than this
	)
	got, err := png.Decode(bytes.NewReader(Icon))
	if err != nil {
		t.Fatalf("embedded icon does not decode: %v", err)
	}
	want, err := icon.Draw(512)
	if err != nil {
		t.Fatalf("icon.Draw(512): %v", err)
	}
	if got.Bounds() != want.Bounds() {
		t.Fatalf("icon bounds %v, generator draws %v: run go generate ./assets", got.Bounds(), want.Bounds())
	}
	b := want.Bounds()
	off := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			d := maxDelta(got.At(x, y), want.At(x, y))
			if d > maxChanDelta {
				t.Fatalf("pixel (%d,%d) differs by %d: the committed icon is stale, run go generate ./assets", x, y, d)
			}
			if d > channelTol {
				off++
			}
		}
	}
	if share := float64(off) / float64(b.Dx()*b.Dy()); share > maxOffShare {
		t.Errorf("%d pixels (%.3f%%) differ from the generator's output: run go generate ./assets", off, 100*share)
	}
}

// maxDelta returns the largest difference between the 8-bit premultiplied
// channels of a and b.
func maxDelta(a, b color.Color) int {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	m := 0
	for _, p := range [][2]uint32{{ar, br}, {ag, bg}, {ab, bb}, {aa, ba}} {
		d := int(p[0]>>8) - int(p[1]>>8)
		if d < 0 {
			d = -d
		}
		m = max(m, d)
	}
	return m
}
