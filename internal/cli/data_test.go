package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLearningFromData: --data line fits the line's w and b by gd (JSON
// names the parameters), a CSV file of two columns is fitted the same way,
// and a classifier learns blobs.
func TestLearningFromData(t *testing.T) {
	r := runJSON(t, "--data", "line", "--lr", "0.05", "--steps", "3000")
	run := r.Runs[0]
	if r.Dims != 2 || run.Verdict != "converged" || len(run.Final.X) != 2 {
		t.Fatalf("dims %d, verdict %s, final %v", r.Dims, run.Verdict, run.Final.X)
	}
	if w, b := run.Final.X[0], run.Final.X[1]; w < 1.8 || w > 2.2 || b < 0.4 || b > 1.6 {
		t.Errorf("fitted y = %gx + %g, want about 2x + 1", w, b)
	}
	out, _, _ := cli("run", "--data", "line", "--steps", "1", "--format", "json")
	if !strings.Contains(out, `"params": [`) || !strings.Contains(out, `"w",`) || !strings.Contains(out, `"function": "loss of linear on line"`) {
		t.Errorf("json: %s", out[:min(300, len(out))])
	}
	file := filepath.Join(t.TempDir(), "points.csv")
	os.WriteFile(file, []byte("hours,score\n1,3\n2,5\n3,7\n4,9\n"), 0o644)
	r = runJSON(t, "--data", file, "--columns", "hours,score", "--lr", "0.02", "--steps", "20000")
	if w, b := r.Runs[0].Final.X[0], r.Runs[0].Final.X[1]; abs(w-2) > 1e-6 || abs(b-1) > 1e-5 {
		t.Errorf("the CSV's line: y = %gx + %g, want 2x + 1", w, b)
	}
	r = runJSON(t, "--data", "blobs", "--method", "adam", "--lr", "0.1", "--steps", "300")
	if len(r.Runs[0].Final.X) != 3 || !(r.Runs[0].Final.F < 0.2) {
		t.Errorf("logistic on blobs: %v, loss %g", r.Runs[0].Final.X, r.Runs[0].Final.F)
	}
}

// TestDataBadInput: a bad file, model or flag combination exits 2 with
// one line that says where and what.
func TestDataBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("x,y\n1,2\n3,oops\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--data", bad}, `bad.csv:3: column "y": "oops" is not a finite number`},
		{[]string{"--data", "spiral"}, `--data: data "spiral" is neither a built-in data set`},
		{[]string{"--data", "line", "--model", "mlp:4"}, "--model: model mlp:4 takes 2 input column(s); the data has 1"},
		{[]string{"--data", "blobs", "--model", "linear"}, "has labels 0 and 1 (use logistic or mlp:H)"},
		{[]string{"--data", "line", "--func", "x^2"}, "give --data or --func/--preset, not both"},
		{[]string{"--data", "line", "--columns", "a,b"}, "--columns chooses the columns of a CSV file"},
		{[]string{"--data", "line", "--start", "1,2,3"}, "--start: the model has 2 parameters (w, b), so the start is 2 comma-separated numbers, not 3"},
	} {
		_, errOut, code := cli(append([]string{"run"}, tc.args...)...)
		if code != 2 || !strings.Contains(errOut, tc.want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errOut, tc.want)
		}
	}
}

func abs(v float64) float64 {
	if v < 0 {
		return -v
	}
	return v
}

// TestMiniBatchesInTheCLI: --batch and --epochs make one update per batch
// (50 rows in batches of 8: 7 a epoch), the JSON holds each step's
// mini-batch loss and the loss on all the rows, --test-fraction reports
// the held-out loss and a classifier's accuracy, and bad values exit 2.
func TestMiniBatchesInTheCLI(t *testing.T) {
	out, errOut, code := cli("run", "--data", "line", "--batch", "8", "--epochs", "3", "--lr", "0.02", "--format", "json", "--trajectory")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var r struct {
		Runs []struct {
			Steps      int `json:"steps"`
			Trajectory []struct {
				F        float64  `json:"f"`
				Loss     *float64 `json:"loss"`
				FullLoss *float64 `json:"full_loss"`
			} `json:"trajectory"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	tr := r.Runs[0].Trajectory
	if r.Runs[0].Steps != 21 || len(tr) != 22 {
		t.Fatalf("%d steps, %d points; want 3 epochs of 7 batches", r.Runs[0].Steps, len(tr))
	}
	differ := 0
	for _, p := range tr {
		if p.Loss == nil || p.FullLoss == nil || *p.FullLoss != p.F {
			t.Fatalf("point %+v", p)
		}
		if *p.Loss != *p.FullLoss {
			differ++
		}
	}
	if differ < 15 {
		t.Errorf("only %d of 22 mini-batch losses differ from the loss on all rows", differ)
	}
	// A list of batch sizes: a run with each, --epochs passes over the rows each.
	out, errOut, code = cli("run", "--data", "line", "--batch", "1,8,0", "--epochs", "2", "--lr", "0.02", "--format", "json")
	var list struct {
		Runs []struct {
			Batch int `json:"batch"`
			Steps int `json:"steps"`
		} `json:"runs"`
	}
	if code != 0 || json.Unmarshal([]byte(out), &list) != nil || len(list.Runs) != 3 {
		t.Fatalf("--batch 1,8,0: exit %d %s", code, errOut)
	}
	for i, want := range []struct{ batch, steps int }{{1, 100}, {8, 14}, {0, 2}} {
		if r := list.Runs[i]; r.Batch != want.batch || r.Steps != want.steps {
			t.Errorf("run %d: batch %d, %d steps; want %d, %d", i+1, r.Batch, r.Steps, want.batch, want.steps)
		}
	}
	text, _, _ := cli("run", "--data", "blobs", "--method", "adam", "--lr", "0.1", "--epochs", "30", "--batch", "10", "--test-fraction", "0.2")
	if !strings.Contains(text, "test loss") || !strings.Contains(text, "% of the training rows,") || !strings.Contains(text, "% of the test rows") {
		t.Errorf("text: %s", text)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--batch", "-1"}, `--batch: "-1" is not a number of rows`},
		{[]string{"--batch", "1,x"}, `--batch: "x" is not a number of rows`},
		{[]string{"--epochs", "2", "--steps", "10"}, "give one of them"},
		{[]string{"--test-fraction", "1.5"}, "--test-fraction: 1.5 is not a fraction"},
		{[]string{"--batch", "5", "--method", "bfgs"}, "cannot learn from mini-batches"},
	} {
		_, errOut, code := cli(append([]string{"run", "--data", "line"}, tc.args...)...)
		if code == 0 || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, %q; want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestPlotTheData: gdlab plot --data draws the data view with the loss
// over the parameters by default, --view landscape that loss alone (a
// slice for a model of more than two parameters); --view data needs
// --data.
func TestPlotTheData(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--data", "line", "--steps", "50", "--lr", "0.05"},
		{"--data", "xor", "--model", "mlp:2", "--method", "adam", "--epochs", "5", "--batch", "50", "--view", "data"},
		{"--data", "blobs", "--steps", "40", "--view", "landscape"},
		{"--data", "moons", "--model", "mlp:2", "--steps", "40", "--view", "landscape"},
	} {
		out := filepath.Join(dir, "fig.png")
		if _, errOut, code := cli(append([]string{"plot", "-o", out}, args...)...); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		if st, err := os.Stat(out); err != nil || st.Size() < 1000 {
			t.Errorf("%v: no figure", args)
		}
	}
	if _, errOut, code := cli("plot", "-o", filepath.Join(dir, "f.png"), "--func", "x^2 + y^2", "--view", "data"); code != 2 || !strings.Contains(errOut, "use it with --data") {
		t.Errorf("--view data without data: exit %d, %q", code, errOut)
	}
}

// TestNumericGradientCostIsReported: with --gradient numeric a --data run
// says how much dearer its gradient is than backpropagation's (measured,
// so only the sentence is checked).
func TestNumericGradientCostIsReported(t *testing.T) {
	out, _, code := cli("run", "--data", "xor", "--model", "mlp:2", "--steps", "5", "--gradient", "numeric")
	if code != 0 || !strings.Contains(out, "gradient   numeric: ") || !strings.Contains(out, "for 9 parameters") || !strings.Contains(out, "times the exact gradient's") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}
