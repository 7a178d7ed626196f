package cli

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// jsonOut is the part of run's JSON the test compares.
type jsonOut struct {
	Runs []struct {
		Method string `json:"method"`
		Final  struct {
			X []*float64 `json:"x"`
		} `json:"final"`
	} `json:"runs"`
}

// pythonWithNumPy is a Python 3 that imports NumPy (make test installs
// Debian's python3-numpy), or "" when there is none.
func pythonWithNumPy() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import numpy").Run() == nil {
			return p
		}
	}
	return ""
}

// TestPythonScriptReproducesTheRuns runs the script of --format python and
// compares its final points with the program's, to 1e-9 relative; for the
// runs learning from mini-batches, every point (the script run with
// --trajectory): x, the batch's loss, and the full loss where the program
// computed it (null or left out between its evaluations).
func TestPythonScriptReproducesTheRuns(t *testing.T) {
	py := pythonWithNumPy()
	if py == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no python3 with NumPy: make deps-test installs python3-numpy")
		}
		t.Skip("no python3 with NumPy")
	}
	for _, args := range pythonCases {
		out := runPythonScript(t, py, args)
		js, _, _ := cli(append([]string{"run", "--format", "json"}, args...)...)
		var o jsonOut
		if err := json.Unmarshal([]byte(js), &o); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(strings.TrimSpace(string(out)), "\n")
		if len(lines) != len(o.Runs) {
			t.Fatalf("%v: %d lines for %d runs:\n%s", args, len(lines), len(o.Runs), out)
		}
		for i, line := range lines {
			var x []float64
			if err := json.Unmarshal([]byte(pythonJSON(line)), &x); err != nil {
				t.Fatalf("%v: line %q: %v", args, line, err)
			}
			want := o.Runs[i].Final.X
			for j := range x {
				w := want[j]
				if w == nil {
					t.Errorf("%v run %d: the program's final point is not finite", args, i+1)
					continue
				}
				if d := math.Abs(x[j] - *w); d > 1e-9*math.Max(math.Abs(*w), 1e-300) && d != 0 {
					t.Errorf("%v run %d (%s): Python %v, gdlab %v", args, i+1, o.Runs[i].Method, x[j], *w)
				}
			}
		}
	}
	for _, args := range pythonBatchCases {
		comparePythonTrajectories(t, args, runPythonScript(t, py, args, "--trajectory"))
	}
	// 3,000 rows in batches of 2: the whole loss every 46th step, where
	// the stop rules are checked too (a tolerance met, a run diverging).
	csv := bigCSV(t, 3000)
	for _, args := range [][]string{
		{"--data", csv, "--columns", "x,y", "--batch", "2", "--method", "gd,adam", "--lr", "0.01", "--steps", "300"},
		{"--data", csv, "--columns", "x,y", "--batch", "2", "--lr", "0.05", "--steps", "2000", "--tol", "0.3"},
		{"--data", csv, "--columns", "x,y", "--batch", "2", "--lr", "3", "--steps", "300"},
	} {
		comparePythonTrajectories(t, args, runPythonScript(t, py, args, "--trajectory"))
	}
}

// bigCSV writes a CSV of rows points of y = 0.5x − 1 with some noise and
// returns its path.
func bigCSV(t *testing.T, rows int) string {
	var b strings.Builder
	b.WriteString("x,y\n")
	for i := range rows {
		x := float64(i%200)/40 - 2.5
		fmt.Fprintf(&b, "%g,%g\n", x, 0.5*x-1+0.3*math.Sin(float64(7*i)))
	}
	path := filepath.Join(t.TempDir(), "big.csv")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// runPythonScript writes the script of the command line args and runs it
// with python3 and the script's own arguments extra.
func runPythonScript(t *testing.T, py string, args []string, extra ...string) []byte {
	t.Helper()
	script, errOut, code := cli(append([]string{"run", "--format", "python"}, args...)...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errOut)
	}
	path := filepath.Join(t.TempDir(), "run.py")
	os.WriteFile(path, []byte(script), 0o644)
	out, err := exec.Command(py, append([]string{path}, extra...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("%v: python: %v\n%s\n%s", args, err, out, script)
	}
	return out
}

// pythonJSON is a line Python's json.dumps wrote as JSON: its NaN and
// infinities as null.
func pythonJSON(line string) string {
	return strings.NewReplacer("-Infinity", "null", "Infinity", "null", "NaN", "null").Replace(line)
}

// trajectoryOut is the part of run --trajectory's JSON the mini-batch
// cases compare: the full loss may be null, or left out, between the
// steps that evaluate it.
type trajectoryOut struct {
	Runs []struct {
		Method     string `json:"method"`
		Trajectory []struct {
			K        int        `json:"k"`
			X        []*float64 `json:"x"`
			F        *float64   `json:"f"`
			Loss     *float64   `json:"loss"`
			FullLoss *float64   `json:"full_loss"`
		} `json:"trajectory"`
	} `json:"runs"`
}

// scriptPoint is a point of a script's --trajectory.
type scriptPoint struct {
	K    int       `json:"k"`
	X    []float64 `json:"x"`
	F    *float64  `json:"f"`
	Loss *float64  `json:"loss"`
}

// comparePythonTrajectories compares every point gdlab recorded of the
// runs of args with the script's (out, one JSON list of points a run).
func comparePythonTrajectories(t *testing.T, args []string, out []byte) {
	t.Helper()
	js, errOut, code := cli(append([]string{"run", "--format", "json", "--trajectory"}, args...)...)
	var o trajectoryOut
	if err := json.Unmarshal([]byte(js), &o); code != 0 || err != nil {
		t.Fatalf("%v: exit %d, %v: %s", args, code, err, errOut)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != len(o.Runs) {
		t.Fatalf("%v: %d lines for %d runs:\n%s", args, len(lines), len(o.Runs), out)
	}
	for i, line := range lines {
		var pts []scriptPoint
		if err := json.Unmarshal([]byte(pythonJSON(line)), &pts); err != nil {
			t.Fatalf("%v: line %q: %v", args, line, err)
		}
		run := o.Runs[i]
		if len(pts) != len(run.Trajectory) || len(pts) < 2 {
			t.Fatalf("%v run %d (%s): Python %d points, gdlab %d", args, i+1, run.Method, len(pts), len(run.Trajectory))
		}
		for j, want := range run.Trajectory {
			got, where := pts[j], fmt.Sprintf("%v run %d (%s) step %d", args, i+1, run.Method, want.K)
			if got.K != want.K || len(got.X) != len(want.X) {
				t.Fatalf("%s: Python's point %d has k %d and %d coordinates", where, j, got.K, len(got.X))
			}
			for c, w := range want.X {
				if w == nil {
					t.Fatalf("%s: gdlab's x[%d] is not finite", where, c)
				}
				if !near(got.X[c], *w) {
					t.Fatalf("%s: x[%d] Python %v, gdlab %v", where, c, got.X[c], *w)
				}
			}
			if got.Loss == nil { // a run on all the rows beside mini-batch runs: its batch is all of them
				got.Loss = got.F
			}
			if want.K > 0 && (got.Loss == nil || want.Loss == nil || !near(*got.Loss, *want.Loss)) {
				t.Errorf("%s: the batch's loss Python %v, gdlab %v", where, deref(got.Loss), deref(want.Loss))
			}
			for _, full := range []*float64{want.F, want.FullLoss} {
				if full != nil && (got.F == nil || !near(*got.F, *full)) {
					t.Errorf("%s: the full loss Python %v, gdlab %v", where, got.F, *full)
				}
			}
		}
	}
}

// deref is *v, or NaN for nil.
func deref(v *float64) float64 {
	if v == nil {
		return math.NaN()
	}
	return *v
}

// near reports whether a is b to 1e-9 relative.
func near(a, b float64) bool {
	return a == b || math.Abs(a-b) <= 1e-9*math.Max(math.Abs(b), 1e-12)
}

// pythonMethods are the methods with a NumPy rule of their own.
const pythonMethods = "gd,ascent,momentum,nesterov,adagrad,rmsprop,adam"

// pythonCases are the command lines whose NumPy scripts are checked
// against the program.
var pythonCases = [][]string{
	{"--func", "x^2 + y^2", "--method", pythonMethods},
	{"--preset", "rosenbrock", "--method", pythonMethods, "--lr", "0.001", "--steps", "500"},
	{"--func", "x[0]**2 + x[1]**2", "--start", "-3,4", "--lr", "10", "--gradient", "numeric", "--bound", "Inf"},
	{"--func", "x^2/20 + y^2", "--start", "-7,2", "--convention", "book", "--method", "gd,momentum,nesterov,adagrad,rmsprop,adam", "--lr", "0.1", "--steps", "30"},
	{"--func", "(x-1)^2 + sin(3x)", "--start", "2", "--method", "momentum", "--dampening", "0.3", "--momentum", "0.5"},
	{"--func", "sigmoid(x) + softplus(y) + relu(x - y) + max(x, y)", "--start", "1,-2", "--gradient", "numeric", "--h", "0.001", "--method", "gd,momentum"},
	{"--func", "x^2 + y^2", "--lr", "1.1", "--tol", "0"},
	{"--preset", "rosenbrock", "--method", "newton", "--lr", "1", "--steps", "10"},
	{"--func", "x^4 + 2x + y^2", "--start", "1,1", "--method", "newton", "--damping", "0.5", "--lr", "0.5"},
	{"--func", "cos(x)", "--start", "0.5", "--method", "newton", "--lr", "1"},
	{"--func", "x^3 + y^2", "--start", "0,1", "--method", "newton"},
	{"--func", "(1-x)^2 + 100(y-x^2)^2", "--start", "-1.2,1", "--lr", "0.001", "--steps", "100000", "--tol", "1e-3", "--method", "momentum"},
	{"--preset", "rosenbrock", "--method", pythonMethods, "--lr", "0.001", "--steps", "300", "--schedule", "cosine:300:0.0001", "--warmup", "10"},
	{"--func", "x^2 + 3y^2", "--method", "gd,momentum,adam", "--schedule", "step:7:0.5", "--steps", "40"},
	{"--func", "x^2 + 3y^2", "--method", "gd,adagrad,rmsprop", "--schedule", "exp:0.97", "--warmup", "3", "--convention", "book", "--steps", "40"},
	{"--func", "x^2/20 + y^2", "--start", "-7,2", "--method", "nesterov", "--convention", "book", "--schedule", "invsqrt", "--lr", "0.1"},
	{"--func", "x^2 + y^2", "--start", "0.5,0.5", "--method", "gd,adam,newton", "--noise", "1", "--seed", "5", "--steps", "200"},
	{"--func", "(x-1)^2 + sin(3x)", "--start", "2", "--noise", "0.3", "--schedule", "invsqrt", "--steps", "100"},
	{"--preset", "rosenbrock", "--lr", "1", "--line-search", "armijo", "--steps", "300"},
	{"--func", "x^2 + y^2", "--start", "0,0", "--noise", "1", "--line-search", "armijo"},
	{"--preset", "rosenbrock", "--lr", "0.01", "--line-search", "armijo", "--schedule", "exp:0.99", "--noise", "0.1", "--steps", "200"},
	// Functions of more than two variables.
	{"--func", "x[0]**2 + 2*x[1]**2 + 3*x[2]**2", "--start", "3,2,1", "--method", "gd,momentum,adam,newton,nesterov,adagrad,rmsprop"},
	{"--func", rosenbrock10, "--start", rosenbrock10Start, "--method", "adam", "--lr", "0.01", "--steps", "2000"},
	{"--func", "sum((i+1)*(x[i] - i)^2, i, 0, 4)", "--start", "0,0,0,0,0", "--method", "gd,adam", "--lr", "0.05", "--noise", "0.5", "--seed", "3", "--steps", "100"},
	{"--func", "sum((i+1)*(x[i] - i)^2, i, 0, 4) + x[0]*x[4]", "--start", "1,1,1,1,1", "--method", "gd,momentum", "--lr", "0.05", "--schedule", "cosine:60", "--warmup", "5", "--steps", "60"},
	{"--func", "sum(x[i]^4 - x[i], i, 0, 3)", "--start", "1,-1,2,0.5", "--gradient", "numeric", "--lr", "0.01", "--steps", "80"},
	{"--func", "sum((x[i] - 1)^2 * (i + 1), i, 0, 5)", "--start", "-7,2,0,0,1,3", "--convention", "book", "--method", "momentum,nesterov,adagrad,rmsprop,adam", "--lr", "0.05", "--steps", "50"},
	{"--func", "sum((x[i] - 1)^2 * (i + 1), i, 0, 2)", "--start", "3,2,1", "--line-search", "armijo", "--lr", "1", "--steps", "30"},
	{"--func", rosenbrock10, "--start", rosenbrock10Start, "--method", "newton", "--damping", "1", "--steps", "30"},
	{"--func", "x[0]^2 + x[1]^2 + x[2]^2 - x[0]*x[2]", "--start", "3,2,1", "--method", "ascent,gd", "--lr", "0.01", "--gradient", "numeric", "--h", "0.001", "--steps", "40"},
	{"--func", "sum(cos(x[i]) + 0.1*(i+1)*x[i]^2, i, 0, 6)", "--start", "1,2,3,-1,-2,-3,0.5", "--convention", "book", "--method", "gd,momentum,nesterov,adagrad,rmsprop,adam", "--lr", "0.05", "--schedule", "exp:0.98", "--noise", "0.2", "--seed", "11", "--steps", "60"},
	// Models learning from data (full batch).
	{"--data", "line", "--lr", "0.05", "--steps", "300"},
	{"--data", "line", "--method", "newton", "--steps", "3"},
	{"--data", "blobs", "--method", "gd,newton,adam", "--lr", "0.5", "--steps", "100"},
	{"--data", "moons", "--model", "mlp:4", "--method", "adam", "--lr", "0.05", "--steps", "500"},
	{"--data", "parabola", "--model", "polynomial:3", "--method", "momentum", "--lr", "0.001", "--steps", "300"},
	{"--data", "circles", "--method", "rmsprop,adagrad", "--lr", "0.01", "--steps", "100", "--convention", "book", "--test-fraction", "0.2"},
	{"--data", "xor", "--model", "mlp:2", "--lr", "0.5", "--steps", "50", "--schedule", "step:10:0.5"},
}

// pythonBatchCases are command lines of models learning from mini-batches,
// whose scripts are compared with the program point by point.
var pythonBatchCases = [][]string{
	{"--data", "line", "--batch", "5", "--method", "gd,momentum,adam", "--lr", "0.02", "--steps", "120"},
	{"--data", "blobs", "--batch", "8", "--method", "gd,adam,nesterov", "--lr", "0.1", "--epochs", "6"},
	{"--data", "line", "--batch", "5", "--method", "gd,momentum,adam", "--lr", "0.05", "--schedule", "step:20:0.5", "--warmup", "5", "--steps", "100"},
	{"--data", "blobs", "--batch", "8", "--method", "adagrad,rmsprop", "--lr", "0.05", "--schedule", "cosine:60", "--steps", "60", "--seed", "7"},
	{"--data", "line", "--batch", "7", "--method", "momentum", "--lr", "0.01", "--noise", "0.5", "--seed", "3", "--steps", "50"},
	{"--data", "line", "--batch", "5", "--gradient", "numeric", "--lr", "0.02", "--steps", "40"},
	{"--data", "line", "--batch", "1,5,0", "--method", "gd,adam", "--lr", "0.02", "--steps", "60"},
	{"--data", "moons", "--model", "mlp:4", "--batch", "16", "--method", "adam", "--lr", "0.05", "--epochs", "3", "--test-fraction", "0.2"},
	{"--data", "parabola", "--model", "polynomial:3", "--batch", "10", "--method", "gd,rmsprop,adam", "--convention", "book", "--lr", "0.001", "--steps", "60"},
}

// rosenbrock10 is the 10-D Rosenbrock typed with sum, and its standard start.
const (
	rosenbrock10      = "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8)"
	rosenbrock10Start = "-1.2,1,-1.2,1,-1.2,1,-1.2,1,-1.2,1"
)

// TestPythonRefusesWhatItCannotReproduce: gonum's line-search methods have
// no NumPy rule, and a noisy run or a run on mini-batches longer than the
// script can hold (its noise, its batches) is refused with exit 2 and a
// message, rather than a wrong script.
func TestPythonRefusesWhatItCannotReproduce(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--method", "bfgs"}, "bfgs"},
		{[]string{"--noise", "0.1", "--steps", "20001"}, "20001 steps are more than the 20000"},
		{[]string{"--data", "line", "--batch", "5", "--steps", "40001"}, "200050 row numbers are more than the 200000"},
	} {
		head := []string{"run", "--format", "python", "--func", "x^2 + y^2"}
		if tc.args[0] == "--data" {
			head = head[:3]
		}
		_, errOut, code := cli(append(head, tc.args...)...)
		if code != 2 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}
