package plotting

import (
	"bytes"
	"image/gif"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestSaveFileFormats(t *testing.T) {
	dir := t.TempDir()
	o := Options{View: ViewBoth, Width: 420, Height: 210}
	for _, ext := range []string{".png", ".PNG", ".svg", ".pdf", ".gif"} {
		path := filepath.Join(dir, "fig"+ext)
		if err := SaveFile(path, himmelScene(), o, Animation{Duration: time.Second, FPS: 10}); err != nil {
			t.Fatalf("%s: %v", ext, err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		switch strings.ToLower(ext) {
		case ".png":
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("png: %v", err)
			}
			if b := img.Bounds(); b.Dx() != 420 || b.Dy() != 210 {
				t.Errorf("png size %v", b)
			}
		case ".svg":
			if !bytes.Contains(data[:min(len(data), 200)], []byte("<svg")) {
				t.Errorf("svg header: %q", data[:min(len(data), 80)])
			}
			if !bytes.Contains(data, []byte("</svg>")) {
				t.Error("svg not closed")
			}
		case ".pdf":
			if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data[len(data)-32:], []byte("%%EOF")) {
				t.Errorf("pdf header/trailer: %q … %q", data[:8], data[len(data)-16:])
			}
		case ".gif":
			g, err := gif.DecodeAll(bytes.NewReader(data))
			if err != nil {
				t.Fatalf("gif: %v", err)
			}
			// Himmelblau's longest run has 80 steps: 10 frames of 9 steps, then the last.
			if n := len(g.Image); n < 5 || n > 12 {
				t.Errorf("gif has %d frames, want about 10", n)
			}
			if b := g.Image[0].Bounds(); b.Dx() != 420 || b.Dy() != 210 {
				t.Errorf("gif frame size %v", b)
			}
			if last := g.Delay[len(g.Delay)-1]; last < holdLast {
				t.Errorf("last frame delay %d, want >= %d", last, holdLast)
			}
			if d := g.Delay[0]; d != 10 {
				t.Errorf("frame delay %d, want 10 (10 fps)", d)
			}
		}
	}
}

func TestSaveFileUnsupported(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"fig.xyz", "fig", "fig.jpeg"} {
		path := filepath.Join(dir, name)
		err := SaveFile(path, himmelScene(), Options{}, Animation{})
		ext := filepath.Ext(name)
		want := `unsupported file type "` + ext + `": use .png, .svg, .pdf or .gif`
		if err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %q", name, err, want)
		}
		if _, serr := os.Stat(path); serr == nil {
			t.Errorf("%s: file created", name)
		}
	}
}

func TestFrameSteps(t *testing.T) {
	mk := func(n int) *Scene {
		r := Run{DivergedAt: -1}
		for i := 0; i < n; i++ {
			r.X, r.Y, r.F = append(r.X, 0), append(r.Y, 0), append(r.F, 0)
		}
		return &Scene{Runs: []Run{r}}
	}
	for _, tc := range []struct {
		points, frames int
	}{
		{101, 100}, {2001, 100}, {1, 100}, {0, 100}, {11, 100}, {1000001, 20},
	} {
		st := frameSteps(mk(tc.points), tc.frames)
		if st[len(st)-1] != max(0, tc.points-1) {
			t.Errorf("%d points: last frame at step %d", tc.points, st[len(st)-1])
		}
		for i := 1; i < len(st); i++ {
			if st[i] <= st[i-1] {
				t.Errorf("%d points: steps not increasing: %v", tc.points, st)
			}
		}
		if len(st) > tc.frames+1 {
			t.Errorf("%d points: %d frames for %d wanted", tc.points, len(st), tc.frames)
		}
	}
}
