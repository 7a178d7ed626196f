package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPlotSurfaceWritesPNGSVGAndPDF(t *testing.T) {
	dir := t.TempDir()
	args := []string{"--preset", "rosenbrock", "--lr", "0.001", "--steps", "200", "--view", "surface"}
	def := decodePNG(t, "surface.png", plotFile(t, dir, "surface.png", args...))
	turned := decodePNG(t, "turned.png", plotFile(t, dir, "turned.png", append(args, "--azimuth", "30", "--elevation", "60")...))
	if sameImage(def, turned) {
		t.Error("--azimuth and --elevation did not change the figure")
	}
	same := decodePNG(t, "default.png", plotFile(t, dir, "default.png", append(args, "--azimuth", "-60", "--elevation", "30", "--zoom", "1")...))
	if !sameImage(def, same) {
		t.Error("the default camera given as flags is not the default figure")
	}
	zoomed := decodePNG(t, "zoomed.png", plotFile(t, dir, "zoomed.png", append(args, "--zoom", "2")...))
	if sameImage(def, zoomed) {
		t.Error("--zoom did not change the figure")
	}
	// Beside the loss, the surface is another figure again.
	withLoss := decodePNG(t, "loss.png", plotFile(t, dir, "loss.png", "--preset", "rosenbrock", "--lr", "0.001", "--steps", "200", "--view", "surface+loss"))
	if sameImage(def, withLoss) {
		t.Error("surface+loss is the same figure as surface")
	}
	for file, magic := range map[string]string{"surface.svg": "<?xml", "surface.pdf": "%PDF", "surface.gif": "GIF8"} {
		data := plotFile(t, dir, file, append(args, "--azimuth", "120", "--elevation", "-20", "--duration", "1s")...)
		if !bytes.HasPrefix(data, []byte(magic)) {
			t.Errorf("%s does not start with %q", file, magic)
		}
		if len(data) < 10000 {
			t.Errorf("%s has only %d bytes", file, len(data))
		}
	}
	// A function of x alone has no surface: its curve is drawn instead.
	curve := decodePNG(t, "curve.png", plotFile(t, dir, "curve.png", "--func", "x^2", "--view", "surface"))
	asCurve := decodePNG(t, "ascurve.png", plotFile(t, dir, "ascurve.png", "--func", "x^2", "--view", "curve"))
	if !sameImage(curve, asCurve) {
		t.Error("--view surface of f(x) is not its curve")
	}
}

func TestPlotSurfaceUsageErrors(t *testing.T) {
	dir := t.TempDir()
	surface := []string{"--func", "x^2 + y^2", "--view", "surface"}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--func", "x^2 + y^2", "--azimuth", "30"}, "--azimuth turns the surface: use --view surface"},
		{[]string{"--func", "x^2 + y^2", "--view", "contour", "--elevation", "10"}, "--elevation turns the surface"},
		{[]string{"--func", "x^2 + y^2", "--view", "loss", "--zoom", "2"}, "--zoom turns the surface"},
		{[]string{"--func", "x^2", "--view", "surface", "--azimuth", "30"}, "f(x) has none"},
		{append(surface, "--elevation", "91"), "--elevation must be between -90 and 90"},
		{append(surface, "--elevation", "-90.5"), "--elevation must be between -90 and 90"},
		{append(surface, "--elevation", "NaN"), "--elevation must be between -90 and 90"},
		{append(surface, "--azimuth", "Inf"), "--azimuth must be a finite angle"},
		{append(surface, "--azimuth", "NaN"), "--azimuth must be a finite angle"},
		{append(surface, "--azimuth", "west"), "-azimuth"},
		{append(surface, "--zoom", "0"), "--zoom must be between 0.25 and 8"},
		{append(surface, "--zoom", "9"), "--zoom must be between 0.25 and 8"},
		{append(surface, "--field"), "--field"},
		{[]string{"--func", "x^2 + y^2", "--view", "surfaces"}, "surface+loss"},
	} {
		args := append([]string{"plot"}, tc.args...)
		args = append(args, "-o", filepath.Join(dir, "x.png"))
		out, errOut, code := cli(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line with %q", tc.args, code, out, errOut, tc.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
		t.Error("a rejected command wrote its file")
	}
}

func TestPlotHelpNamesTheSurfaceFlags(t *testing.T) {
	_, errOut, _ := cli("plot", "--help")
	for _, want := range []string{"surface+loss", "-azimuth", "-elevation", "-zoom"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("plot --help does not mention %q", want)
		}
	}
}
