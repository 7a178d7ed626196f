package cli

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
)

// stepsJSON is the trajectory of a run as --format json --trajectory writes
// it, with each step's rate and evaluations.
type stepsJSON struct {
	Runs []struct {
		Schedule   string  `json:"schedule"`
		Warmup     int     `json:"warmup"`
		Noise      float64 `json:"noise"`
		Seed       uint64  `json:"seed"`
		LineSearch string  `json:"line_search"`
		Status     string  `json:"status"`
		Reason     string  `json:"reason"`
		Trajectory []struct {
			X     []float64 `json:"x"`
			LR    float64   `json:"lr"`
			Evals [2]int    `json:"evals"`
		} `json:"trajectory"`
	} `json:"runs"`
}

func runSteps(t *testing.T, args ...string) stepsJSON {
	t.Helper()
	out, errOut, code := cli(append([]string{"run", "--format", "json", "--trajectory", "--func", "x^2 + y^2"}, args...)...)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r stepsJSON
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestScheduleInTheCLI: --schedule step:2:0.5 with --warmup 2 gives the
// rates 0.05, 0.1, 0.1, 0.1, 0.05 (warmup (e + 1)/2, then StepLR from its
// epoch 0), recorded per step.
func TestScheduleInTheCLI(t *testing.T) {
	r := runSteps(t, "--steps", "5", "--schedule", "step:2:0.5", "--warmup", "2")
	run := r.Runs[0]
	if run.Schedule != "step:2:0.5" || run.Warmup != 2 {
		t.Errorf("schedule %q warmup %d", run.Schedule, run.Warmup)
	}
	want := []float64{0, 0.05, 0.1, 0.1, 0.1, 0.05}
	for k, s := range run.Trajectory {
		if math.Abs(s.LR-want[k]) > 1e-15 {
			t.Errorf("step %d: lr %g, want %g", k, s.LR, want[k])
		}
	}
}

// TestNoiseInTheCLI: the same seed gives the same run, another seed
// another, and the seed is reported.
func TestNoiseInTheCLI(t *testing.T) {
	a := runSteps(t, "--steps", "20", "--noise", "0.3")
	b := runSteps(t, "--steps", "20", "--noise", "0.3", "--seed", "1")
	c := runSteps(t, "--steps", "20", "--noise", "0.3", "--seed", "2")
	last := func(r stepsJSON) []float64 { return r.Runs[0].Trajectory[len(r.Runs[0].Trajectory)-1].X }
	if a.Runs[0].Seed != 1 || a.Runs[0].Noise != 0.3 {
		t.Errorf("seed %d noise %g", a.Runs[0].Seed, a.Runs[0].Noise)
	}
	if la, lb, lc := last(a), last(b), last(c); la[0] != lb[0] || la[1] != lb[1] || la[0] == lc[0] {
		t.Errorf("seed 1: %v and %v, seed 2: %v", la, lb, lc)
	}
}

// TestLineSearchInTheCLI: the Armijo step from (3, 2) with lr 1 is α = 0.5
// after one halving (3 evaluations of f, 1 of the gradient).
func TestLineSearchInTheCLI(t *testing.T) {
	r := runSteps(t, "--steps", "1", "--lr", "1", "--line-search", "armijo")
	s := r.Runs[0].Trajectory[1]
	if r.Runs[0].LineSearch != "armijo" || s.LR != 0.5 || s.Evals != [2]int{3, 1} || s.X[0] != 0 || s.X[1] != 0 {
		t.Errorf("%+v", r.Runs[0])
	}
}

// TestExtrasBadInput: exit 2 with one line naming the flag and what is
// valid.
func TestExtrasBadInput(t *testing.T) {
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"--schedule", "linear"}, `--schedule: unknown schedule "linear": valid schedules are none, step:S:G, exp:G, cosine:T[:MIN], invsqrt`},
		{[]string{"--schedule", "step:10"}, `--schedule: schedule "step:10": write step:S:G with a whole S ≥ 1 and G > 0, e.g. step:30:0.1`},
		{[]string{"--schedule", "step:a:b"}, `--schedule: schedule "step:a:b": write step:S:G`},
		{[]string{"--warmup", "-3"}, `--warmup: warmup -3: must be 0 (none) or a whole number of steps ≥ 1`},
		{[]string{"--noise", "-1"}, `--noise: noise -1: σ must be 0 (none) or a positive finite number`},
		{[]string{"--line-search", "wolfe"}, `--line-search: line search "wolfe": valid line searches are none, armijo`},
		{[]string{"--line-search", "armijo", "--method", "adam"}, `--line-search: line search "armijo": adam has none; only gd takes a line search`},
		{[]string{"--damping", "-1", "--method", "newton"}, `damping -1`},
	}
	for _, tc := range cases {
		_, errOut, code := cli(append([]string{"run", "--func", "x^2 + y^2"}, tc.args...)...)
		if code != 2 || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestNewtonTakesItsOwnRate: without --lr, newton runs with its η = 1 and
// the others with 0.1; with --lr every method takes it.
func TestNewtonTakesItsOwnRate(t *testing.T) {
	r := runJSON(t, "--func", "x^2 + y^2", "--method", "gd,newton")
	if r.Runs[0].LR != 0.1 || r.Runs[1].LR != 1 {
		t.Errorf("lr %g and %g, want 0.1 and newton's 1", r.Runs[0].LR, r.Runs[1].LR)
	}
	r = runJSON(t, "--func", "x^2 + y^2", "--method", "gd,newton", "--lr", "0.5")
	if r.Runs[0].LR != 0.5 || r.Runs[1].LR != 0.5 {
		t.Errorf("lr %g and %g, want 0.5 for both", r.Runs[0].LR, r.Runs[1].LR)
	}
}

// TestThreeVariablesInTheCLI: the textbook's function of three variables
// runs from a start of three numbers; the JSON's vectors have three
// entries, the CSV has a column per coordinate, and gdlab gradient writes
// one line per variable.
func TestThreeVariablesInTheCLI(t *testing.T) {
	r := runJSON(t, "--func", "x[0]**2 + x[1]**2 + x[2]**2", "--start", "3,2,1", "--steps", "1", "--trajectory")
	// gd, lr 0.1: x₁ = x₀ − 0.1·2x₀ = 0.8·(3, 2, 1) = (2.4, 1.6, 0.8).
	want := []float64{2.4, 1.6, 0.8}
	run := r.Runs[0]
	if r.Dims != 3 || len(run.Start) != 3 || len(run.Final.X) != 3 || len(run.Final.Grad) != 3 || len(run.Trajectory[0].X) != 3 {
		t.Fatalf("dims %d, start %v, final %v %v", r.Dims, run.Start, run.Final.X, run.Final.Grad)
	}
	for i, w := range want {
		if math.Abs(run.Final.X[i]-w) > 1e-15 || math.Abs(run.Final.Grad[i]-2*w) > 1e-15 {
			t.Errorf("x₁[%d] = %v, ∇f = %v; want %v and %v", i, run.Final.X[i], run.Final.Grad[i], w, 2*w)
		}
	}
	if ev := run.Analysis.End.Eigenvalues; len(ev) != 3 || math.Abs(ev[0]-2) > 1e-12 || math.Abs(ev[2]-2) > 1e-12 {
		t.Errorf("eigenvalues %v, want 2, 2, 2", ev)
	}
	out, errOut, code := cli("run", "--func", "x[0]**2 + x[1]**2 + x[2]**2", "--start", "3,2,1", "--steps", "1", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "run,method,lr,k,x0,x1,x2,f,g0,g1,g2,eta,fevals,gevals\n1,gd,0.1,0,3,2,1,14,6,4,2,0,1,1\n") {
		t.Errorf("csv: exit %d %s\n%s", code, errOut, out)
	}
	out, _, code = cli("gradient", "--func", "sum((x[i] - i)^2, i, 0, 2)")
	if code != 0 || strings.Count(out, "∂f/∂x[") != 3 {
		t.Errorf("gradient: exit %d, %q", code, out)
	}
}

// TestNDimensionalStarts: --start takes one number per variable; too few
// or too many say how many; without --start a function of n variables
// starts at (3, 2, 3, 2, …).
func TestNDimensionalStarts(t *testing.T) {
	for _, start := range []string{"3,2", "3,2,1,0"} {
		_, errOut, code := cli("run", "--func", "x[0]^2 + x[1]^2 + x[2]^2", "--start", start)
		want := "--start: the function has 3 variables (x[0] … x[2]), so the start is 3 comma-separated numbers, not " + strconv.Itoa(strings.Count(start, ",")+1)
		if code != 2 || !strings.Contains(errOut, want) {
			t.Errorf("--start %s: exit %d, %q; want 2 and %q", start, code, errOut, want)
		}
	}
	r := runJSON(t, "--func", "sum(x[i]^2, i, 0, 4)", "--steps", "0")
	if got := r.Runs[0].Start; len(got) != 5 || got[0] != 3 || got[1] != 2 || got[2] != 3 || got[4] != 3 {
		t.Errorf("default start %v, want (3, 2, 3, 2, 3)", got)
	}
	_, errOut, code := cli("run", "--func", "x[64]")
	if code != 2 || !strings.Contains(errOut, "--func") {
		t.Errorf("x[64]: exit %d, %q", code, errOut)
	}
}
