package cli

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"image/png"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// version is what the tests hand Main as the program's version.
const version = "1.2.3-test"

// cli runs a command line and returns stdout, stderr and the exit status.
func cli(args ...string) (string, string, int) {
	var out, errOut bytes.Buffer
	code := Main(args, &out, &errOut, version)
	return out.String(), errOut.String(), code
}

type jsonResult struct {
	Function string `json:"function"`
	Dims     int    `json:"dims"`
	Runs     []struct {
		Method     string    `json:"method"`
		LR         float64   `json:"lr"`
		Gradient   string    `json:"gradient"`
		Start      []float64 `json:"start"`
		Status     string    `json:"status"`
		Verdict    string    `json:"verdict"`
		Steps      int       `json:"steps"`
		DivergedAt *int      `json:"diverged_at"`
		Final      struct {
			X    []float64 `json:"x"`
			F    float64   `json:"f"`
			Grad []float64 `json:"grad"`
		} `json:"final"`
		Analysis struct {
			Start      struct{ Hessian [][]float64 }   `json:"start"`
			End        struct{ Eigenvalues []float64 } `json:"end"`
			CriticalLR *float64                        `json:"critical_lr"`
			Summary    string                          `json:"summary"`
		} `json:"analysis"`
		Trajectory []struct {
			K    int       `json:"k"`
			X    []float64 `json:"x"`
			F    float64   `json:"f"`
			Grad []float64 `json:"grad"`
		} `json:"trajectory"`
	} `json:"runs"`
}

func runJSON(t *testing.T, args ...string) jsonResult {
	t.Helper()
	out, errOut, code := cli(append([]string{"run", "--format", "json"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r jsonResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	return r
}

func TestTextbookCasesInTheCLI(t *testing.T) {
	r := runJSON(t, "--func", "x[0]**2 + x[1]**2", "--start", "3,2", "--lr", "0.1,1,1e-6,1.1", "--steps", "100", "--trajectory")
	if r.Dims != 2 || r.Function != "x[0]**2 + x[1]**2" || len(r.Runs) != 4 {
		t.Fatalf("%+v", r)
	}
	conv, osc, slow, div := r.Runs[0], r.Runs[1], r.Runs[2], r.Runs[3]
	if x := conv.Final.X; math.Hypot(x[0], x[1]) > 1e-8 || conv.Status != "max-steps" || conv.Verdict != "converged" || conv.Steps != 100 {
		t.Errorf("lr 0.1: %+v", conv.Final)
	}
	if osc.Final.X[0] != 3 || osc.Final.X[1] != 2 || osc.Verdict != "oscillating" {
		t.Errorf("lr 1: ends at %v (%s), not exactly at the start", osc.Final.X, osc.Verdict)
	}
	if x := slow.Final.X; math.Abs(x[0]-3) > 1e-3 || math.Abs(x[1]-2) > 1e-3 || slow.Verdict != "slow" {
		t.Errorf("lr 1e-6: %v %s", x, slow.Verdict)
	}
	if div.Status != "diverged" || div.DivergedAt == nil || *div.DivergedAt != 70 || div.Steps != 70 || div.Verdict != "diverged" {
		t.Errorf("lr 1.1: status %s at %v after %d steps", div.Status, div.DivergedAt, div.Steps)
	}
	if len(conv.Trajectory) != 101 || conv.Trajectory[0].K != 0 || conv.Trajectory[1].X[0] != 2.4 || conv.Trajectory[100].K != 100 {
		t.Errorf("trajectory: %d points", len(conv.Trajectory))
	}
	if c := conv.Analysis.CriticalLR; c == nil || *c != 1 || conv.Analysis.Summary != "here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0" {
		t.Errorf("analysis: %v %q", c, conv.Analysis.Summary)
	}
	if h := conv.Analysis.Start.Hessian; len(h) != 2 || h[0][0] != 2 || h[1][1] != 2 || h[0][1] != 0 {
		t.Errorf("hessian %v", h)
	}

	num := runJSON(t, "--func", "x^2 + y^2", "--gradient", "numeric", "--trajectory")
	for k, p := range num.Runs[0].Trajectory {
		e := conv.Trajectory[k]
		if math.Abs(p.X[0]-e.X[0]) > 1e-6 || math.Abs(p.X[1]-e.X[1]) > 1e-6 {
			t.Fatalf("numeric step %d at %v, exact at %v", k, p.X, e.X)
		}
	}
	if num.Runs[0].Gradient != "numeric" || len(runJSON(t, "--func", "x^2+y^2").Runs[0].Trajectory) != 0 {
		t.Error("gradient field or trajectory without --trajectory")
	}
}

func TestRunSetsPresetsAndOneDimension(t *testing.T) {
	r := runJSON(t, "--preset", "rosenbrock", "--method", "gd,momentum,adam", "--lr", "0.001,0.01", "--steps", "50")
	if len(r.Runs) != 6 || r.Runs[0].Method != "gd" || r.Runs[1].LR != 0.01 || r.Runs[5].Method != "adam" {
		t.Fatalf("run set order: %+v", r.Runs)
	}
	if s := r.Runs[0].Start; s[0] != -1.2 || s[1] != 1 {
		t.Errorf("preset start %v", s)
	}
	if s := runJSON(t, "--preset", "rosenbrock", "--start", "0,0").Runs[0].Start; s[0] != 0 || s[1] != 0 {
		t.Errorf("--start does not override the preset: %v", s)
	}
	one := runJSON(t, "--func", "(x-1)^2", "--start", "3")
	if one.Dims != 1 || len(one.Runs[0].Final.X) != 1 || math.Abs(one.Runs[0].Final.X[0]-1) > 1e-8 {
		t.Errorf("1-D: %+v", one)
	}
	out, _, code := cli("presets")
	if code != 0 || !strings.Contains(out, "himmelblau") || !strings.Contains(out, "textbook") {
		t.Errorf("presets: %d\n%s", code, out)
	}
}

func TestTextAndCSVOutput(t *testing.T) {
	out, _, code := cli("run", "--func", "x^2 + y^2", "--lr", "1.1")
	if code != 0 || !strings.Contains(out, "diverged at step 70") || !strings.Contains(out, "verdict    diverged") || !strings.Contains(out, "stability  here, steps along the steepest direction grow: lr 1.1 is above the critical 1.0") {
		t.Errorf("text:\n%s", out)
	}
	out, _, code = cli("run", "--func", "x^2 + y^2", "--lr", "0.1,0.5", "--steps", "10", "--format", "csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 1+2*11 || strings.Join(rows[0], ",") != "run,method,lr,k,x,y,f,gx,gy,eta,fevals,gevals" {
		t.Fatalf("csv: %d rows, %v\n%s", len(rows), err, out)
	}
	if rows[1][0] != "1" || rows[1][3] != "0" || rows[1][4] != "3" || rows[13][0] != "2" || rows[13][2] != "0.5" || rows[13][4] != "0" {
		t.Errorf("csv rows: %v / %v", rows[1], rows[13])
	}
}

func TestBadInputExitsTwoWithAMessage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--func", "x + * y"}, "column 5"},
		{[]string{"run", "--func", "sni(x)"}, "did you mean sin?"},
		{[]string{"run", "--func", "x^2", "--lr", "abc"}, `--lr: "abc" is not a number`},
		{[]string{"run", "--func", "x^2", "--start", "1,2"}, "one number"},
		{[]string{"run", "--func", "x^2", "--steps", "x"}, "steps"},
		{[]string{"run", "--func", "x^2", "--bogus"}, "bogus"},
		{[]string{"run", "--func", "x^2", "--method", "sgdx"}, "sgdx"},
		{[]string{"run", "--func", "x^2", "--format", "xml"}, "xml"},
		{[]string{"run"}, "--func is required"},
		{[]string{"run", "--preset", "nope"}, "unknown preset"},
		{[]string{"run", "--func", "x^2", "--lr", "-1"}, "lr"},
		{[]string{"plot", "--func", "x^2", "-o", "a.bmp"}, `unsupported file type ".bmp"`},
		{[]string{"plot", "--func", "x^2"}, "-o FILE is required"},
		{[]string{"plot", "--func", "x^2+y^2", "-o", "a.png", "--box", "1,0,0,1"}, "--box"},
		{[]string{"plot", "--func", "x^2+y^2", "-o", "a.png", "--view", "3d"}, "3d"},
	} {
		out, errOut, code := cli(tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, "goroutine") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
	_, errOut, _ := cli("run", "--func", "x + * y")
	if !strings.Contains(errOut, "x + * y\n      ^") {
		t.Errorf("no caret under the column:\n%s", errOut)
	}
}

func TestPlotWritesFigures(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args  []string
		file  string
		magic string
	}{
		{[]string{"--func", "x^2 + y^2", "--lr", "0.1,1.1"}, "both.png", "\x89PNG"},
		{[]string{"--preset", "himmelblau", "--view", "contour", "--box", "-5,5,-5,5"}, "contour.svg", "<?xml"},
		{[]string{"--func", "(x-1)^2", "--view", "loss", "--log-loss"}, "loss.pdf", "%PDF"},
		{[]string{"--func", "x^2 + y^2", "--steps", "20", "--duration", "1s"}, "anim.gif", "GIF8"},
		{[]string{"--func", "sin(x)", "--start", "1"}, "curve.png", "\x89PNG"},
	} {
		path := filepath.Join(dir, tc.file)
		_, errOut, code := cli(append(append([]string{"plot"}, tc.args...), "-o", path, "--width", "640", "--height", "400")...)
		if code != 0 {
			t.Errorf("%s: exit %d: %s", tc.file, code, errOut)
			continue
		}
		data, _ := os.ReadFile(path)
		if !bytes.HasPrefix(data, []byte(tc.magic)) {
			t.Errorf("%s does not start with %q", tc.file, tc.magic)
		}
		if strings.HasSuffix(tc.file, ".png") {
			img, err := png.Decode(bytes.NewReader(data))
			if err != nil || img.Bounds().Dx() != 640 || img.Bounds().Dy() != 400 {
				t.Errorf("%s: %v %v", tc.file, err, img.Bounds())
			}
		}
	}
}

func TestVersion(t *testing.T) {
	out, _, code := cli("version")
	if code != 0 || strings.TrimSpace(out) != "gdlab "+version {
		t.Errorf("version: %d %q", code, out)
	}
}

// TestMain lets a test run the program itself: with GDLAB_CLI_CHILD=1 the
// test binary is the CLI, initialised exactly as gdlab is.
func TestMain(m *testing.M) {
	if os.Getenv("GDLAB_CLI_CHILD") == "1" {
		os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr, version))
	}
	os.Exit(m.Run())
}

func TestNoStartUpNoiseInTheCLocale(t *testing.T) {
	for _, lang := range []string{"C.UTF-8", "C", "en_US.UTF-8", "de_DE.UTF-8"} {
		cmd := exec.Command(os.Args[0], "version")
		cmd.Env = append(os.Environ(), "GDLAB_CLI_CHILD=1", "LANG="+lang, "LC_ALL=", "LC_MESSAGES=", "LANGUAGE=")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil || stderr.Len() > 0 || !strings.HasPrefix(string(out), "gdlab ") {
			t.Errorf("LANG=%s: %v, stdout %q, stderr %q", lang, err, out, stderr.String())
		}
	}
}
