package cli

import (
	"encoding/json"
	"math"
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

// TestThreeVariablesInTheCLI: a function of x[0] … x[2] parses; runs say
// they take one or two variables, and gdlab gradient writes its gradient.
func TestThreeVariablesInTheCLI(t *testing.T) {
	_, errOut, code := cli("run", "--func", "x[0]**2 + x[1]**2 + x[2]**2")
	if code != 2 || !strings.Contains(errOut, "the function has 3 variables: runs and figures take functions of 1 or 2 variables") {
		t.Errorf("run: exit %d, %q", code, errOut)
	}
	out, _, code := cli("gradient", "--func", "sum((x[i] - i)^2, i, 0, 2)")
	if code != 0 || strings.Count(out, "∂f/∂x[") != 3 {
		t.Errorf("gradient: exit %d, %q", code, out)
	}
}
