package report

import (
	"fmt"
	"strings"
	"testing"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// TestPythonHessianInNDimensions: the script of a Newton run of a 3-D
// function writes x as an array of three floats, a gradient of three
// components and a 3×3 Hessian whose constant entries are numbers (not
// 0*x[0] + …).
func TestPythonHessianInNDimensions(t *testing.T) {
	f, err := expr.Parse("x[0]^2*x[1] + 3*x[2]^2 - x[1]*x[2]")
	if err != nil {
		t.Fatal(err)
	}
	c := optimizer.DefaultConfig().ForMethod(optimizer.Newton)
	c.SetStart([]float64{3, 2, 1})
	script, err := PythonScript(optimizer.Problem{F: f}, []optimizer.Config{c})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"x = np.array([3, 2, 1], dtype=float)",
		"# ∂f/∂x[2] = ",
		"return np.array([[2*x[1], 2*x[0], 0], [2*x[0], 0, -1], [0, -1, 6]], dtype=float)",
	} {
		if !strings.Contains(script, want) {
			t.Errorf("no %q in\n%s", want, script)
		}
	}
	if strings.Contains(script, "0*x[0]+") {
		t.Errorf("a constant written as 0*x[0] + it:\n%s", script)
	}
}

// TestPythonListsTheMiniBatches: the script of runs learning from
// mini-batches lists, for each seed, the shuffle of every epoch its
// longest run takes (model.Batched.Perm), once for runs sharing a seed,
// and has each such run take its batch's loss and gradient.
func TestPythonListsTheMiniBatches(t *testing.T) {
	l, err := model.Spec{Data: "line"}.Learn()
	if err != nil {
		t.Fatal(err)
	}
	b := model.Batched{Loss: l.Train, Size: 5}
	l.Problem.F = b
	var cs []optimizer.Config
	for _, run := range []struct {
		seed  uint64
		steps int
	}{{3, 12}, {3, 25}, {0, 4}} {
		c := optimizer.DefaultConfig()
		c.Seed, c.Steps = run.seed, run.steps
		c.SetStart(l.Start)
		cs = append(cs, c)
	}
	script, err := PythonScript(l.Problem, cs)
	if err != nil {
		t.Fatal(err)
	}
	perms := func(seed uint64, epochs int) string {
		var all []int
		for e := range epochs {
			all = append(all, b.Perm(seed, e)...)
		}
		return fmt.Sprintf("    %d: np.array([%s], dtype=np.intp).reshape(%d, 50),\n", seed, intList(all), epochs)
	}
	for want, n := range map[string]int{"def batch(k, seed, size):\n": 1, perms(3, 3): 1, perms(optimizer.DefaultSeed, 1): 1,
		"rows = batch(k, 3, 5)\n": 2, "rows = batch(k, 1, 5)\n": 1, "loss, g = f(x, rows), grad(x, rows)\n": 3} {
		if got := strings.Count(script, want); got != n {
			t.Errorf("%q is %d times in the script, not %d:\n%s", want, got, n, script)
		}
	}
	full, err := PythonScript(optimizer.Problem{F: b.Loss}, cs)
	if err != nil || strings.Contains(full, "SHUFFLES") || strings.Contains(full, "rows = batch") {
		t.Errorf("a full-batch script lists batches (%v):\n%s", err, full)
	}
	// A run's own batch size on the whole loss: its batches, of its size.
	cs[1].Batch = 10
	own, err := PythonScript(optimizer.Problem{F: b.Loss}, cs)
	if err != nil || strings.Count(own, "rows = batch(") != 1 || !strings.Contains(own, "rows = batch(k, 3, 10)\n") || !strings.Contains(own, perms(3, 5)) {
		t.Errorf("a run's own batches (%v):\n%s", err, own)
	}
}
