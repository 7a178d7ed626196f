package cli

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// plotFile runs gdlab plot with args writing file in dir at 640×400 and
// returns its bytes; it fails the test on a non-zero exit.
func plotFile(t *testing.T, dir, file string, args ...string) []byte {
	t.Helper()
	path := filepath.Join(dir, file)
	out, errOut, code := cli(append(append([]string{"plot"}, args...), "-o", path, "--width", "640", "--height", "400")...)
	if code != 0 {
		t.Fatalf("%s %v: exit %d: %s", file, args, code, errOut)
	}
	if !strings.Contains(out, "wrote "+path) {
		t.Errorf("%s: stdout %q", file, out)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// decodePNG decodes data and checks it is 640×400.
func decodePNG(t *testing.T, name string, data []byte) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if b := img.Bounds(); b.Dx() != 640 || b.Dy() != 400 {
		t.Errorf("%s: size %v, want 640×400", name, b)
	}
	return img
}

// sameImage reports whether two images have the same pixels.
func sameImage(a, b image.Image) bool {
	if a.Bounds() != b.Bounds() {
		return false
	}
	for y := a.Bounds().Min.Y; y < a.Bounds().Max.Y; y++ {
		for x := a.Bounds().Min.X; x < a.Bounds().Max.X; x++ {
			if a.At(x, y) != b.At(x, y) {
				return false
			}
		}
	}
	return true
}

func TestPlotField(t *testing.T) {
	dir := t.TempDir()
	args := []string{"--func", "x^2 + y^2", "--view", "contour", "--steps", "20"}
	plain := decodePNG(t, "plain", plotFile(t, dir, "plain.png", args...))
	field := decodePNG(t, "field", plotFile(t, dir, "field.png", append(args, "--field")...))
	if sameImage(plain, field) {
		t.Error("--field draws the same figure as without")
	}
	decodePNG(t, "both", plotFile(t, dir, "both.png", "--preset", "himmelblau", "--field"))
	for file, magic := range map[string]string{"field.svg": "<?xml", "field.pdf": "%PDF"} {
		if data := plotFile(t, dir, file, append(args, "--field")...); !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s does not start with %q", file, magic)
		}
	}
}

func TestPlotHError(t *testing.T) {
	dir := t.TempDir()
	base := decodePNG(t, "h-error", plotFile(t, dir, "h.png", "--func", "x^2 + y^2", "--view", "h-error"))
	for _, tc := range []struct {
		name string
		args []string
	}{
		{"h-small.png", []string{"--func", "x^2 + y^2", "--view", "h-error", "--h", "1e-50"}},
		{"h-start.png", []string{"--func", "x^2 + y^2", "--view", "h-error", "--start", "1,-1"}},
		{"h-1d.png", []string{"--func", "sin(x) + x^2", "--view", "h-error", "--start", "1"}},
		{"h-preset.png", []string{"--preset", "rosenbrock", "--view", "h-error", "--lr", "0.001,0.002"}},
	} {
		img := decodePNG(t, tc.name, plotFile(t, dir, tc.name, tc.args...))
		if sameImage(base, img) {
			t.Errorf("%s: the same figure as the default h-error view", tc.name)
		}
	}
	for file, magic := range map[string]string{"h.svg": "<?xml", "h.pdf": "%PDF"} {
		data := plotFile(t, dir, file, "--func", "x^2", "--view", "h-error", "--start", "3")
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s does not start with %q", file, magic)
		}
	}
}

func TestPlotViewUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--func", "x^2 + y^2", "--view", "loss", "--field"}, "--field"},
		{[]string{"--func", "x^2", "--field"}, "--field"},
		{[]string{"--func", "x^2 + y^2", "--view", "h-error", "--field"}, "--field"},
		{[]string{"--func", "x^2 + y^2", "--view", "h-error", "-o", filepath.Join(dir, "h.gif")}, "still figure"},
		{[]string{"--func", "x^2 + y^2", "--view", "h-err"}, "h-error"},
	} {
		args := append([]string{"plot"}, tc.args...)
		if !strings.Contains(strings.Join(tc.args, " "), "-o ") {
			args = append(args, "-o", filepath.Join(dir, "x.png"))
		}
		out, errOut, code := cli(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "h.gif")); err == nil {
		t.Error("a rejected command wrote its file")
	}
}
