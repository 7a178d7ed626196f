package optimizer_test

import (
	"context"
	"math"
	"strconv"
	"strings"
	"testing"

	"gdlab/model"
	"gdlab/optimizer"
)

// TestReplayOfMiniBatches: the replayer of a run learning from
// mini-batches feeds its rule the gradient of each update's batch (asked
// of a fresh sampler of the run's seed), so that the replayed updates are
// the recorded ones to 1e-12 — for gd, momentum and adam on the line with
// batches of 5, with a schedule and with noise, and for logistic
// regression on the blobs with batches of 8 — and the worked step of every
// update writes that gradient, ∇f_B, with the batch's rows.
func TestReplayOfMiniBatches(t *testing.T) {
	for _, tc := range []struct {
		data    string
		batch   int
		methods []optimizer.Method
		extras  optimizer.ExtrasText
	}{
		{"line", 5, []optimizer.Method{optimizer.GD, optimizer.Momentum, optimizer.Adam}, optimizer.ExtrasText{}},
		{"line", 5, []optimizer.Method{optimizer.GD, optimizer.Adam}, optimizer.ExtrasText{Schedule: "step:7:0.5", Noise: 0.3, Seed: 4}},
		{"blobs", 8, []optimizer.Method{optimizer.GD, optimizer.Adam, optimizer.RMSProp}, optimizer.ExtrasText{Seed: 9}},
	} {
		l, err := model.Spec{Data: tc.data}.Learn()
		if err != nil {
			t.Fatal(err)
		}
		b := model.Batched{Loss: l.Train, Size: tc.batch}
		l.Problem.F = b
		for _, m := range tc.methods {
			c := optimizer.DefaultConfig().ForMethod(m)
			c.LR, c.Steps = 0.02, 3*b.Batches()+2 // into a fourth epoch
			if _, err := c.SetExtras(tc.extras); err != nil {
				t.Fatal(err)
			}
			c.SetStart(l.Start)
			r := optimizer.Run(context.Background(), l.Problem, c, nil)
			if r.Err != nil || len(r.Points) != c.Steps+1 {
				t.Fatalf("%s on %s: %v, %d points", m, tc.data, r.Err, len(r.Points))
			}
			name := string(m) + " on " + tc.data + " " + tc.extras.Schedule
			checkBatchReplay(t, name, l.Problem, b, r)
		}
	}
}

// checkBatchReplay compares the replayed updates of run r with the
// recorded ones and checks the gradient line of every worked step.
func checkBatchReplay(t *testing.T, name string, p optimizer.Problem, b model.Batched, r optimizer.Result) {
	t.Helper()
	d := b.Dims()
	replayed := optimizer.ReplayedUpdates(p, r.Config, r.Points)
	rp := optimizer.NewReplayer(p, r.Config, r.Points)
	for k := 1; k < len(r.Points); k++ {
		want := r.Points[k].UpdateVec(d)
		for i := range want {
			if got := replayed[k][i]; math.Abs(got-want[i]) > 1e-12*math.Max(1, math.Abs(want[i])) {
				t.Fatalf("%s step %d: replayed update %v, recorded %v", name, k, replayed[k], want)
			}
		}
		w, ok := rp.Explain(k)
		if !ok {
			t.Fatalf("%s: step %d not explained", name, k)
		}
		rows := b.Rows(r.Config.Seed, k)
		g := make([]float64, d)
		b.Loss.Batch(rows).ValueGradN(r.Points[k-1].Pos(d), g)
		e, j := b.Update(k)
		head := "∇f_B(x" + sub(k-1) + ") = ∇f_B" + vec(r.Points[k-1].Pos(d)) + " = " + vec(g) + "   (B: mini-batch " +
			strconv.Itoa(j+1) + " of epoch " + strconv.Itoa(e+1) + ", " + strconv.Itoa(len(rows)) + " of the " + strconv.Itoa(b.D.Rows()) + " rows 0…"
		if !strings.HasPrefix(w.Lines[0], head) || !strings.HasSuffix(w.Lines[len(w.Lines)-1], " = "+vec(r.Points[k].Pos(d))) {
			t.Fatalf("%s step %d:\n%s\nwant the first line to start %q", name, k, strings.Join(w.Lines, "\n"), head)
		}
		if len(rows) <= optimizer.WrapEntries && !strings.HasSuffix(w.Lines[0], ": "+ints(rows)+")") {
			t.Errorf("%s step %d: %q does not list the rows %v", name, k, w.Lines[0], rows)
		}
		de := w.In(func(key string) string { return "«" + key + "»" })
		if len(w.Notes) != 1 || de.Lines[0] != w.Notes[0].Formula+"   («"+w.Notes[0].Text.Render(nil)+"»)" || w.Lines[0] == de.Lines[0] {
			t.Errorf("%s step %d: the note in another language: %q", name, k, de.Lines[0])
		}
	}
}

// vec, ints and sub write vectors, lists of rows and subscripts as the
// worked step does.
func vec(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.FormatFloat(x, 'g', 6, 64)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func ints(v []int) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.Itoa(x)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

func sub(k int) string {
	var b strings.Builder
	for _, c := range strconv.Itoa(k) {
		b.WriteRune([]rune("₀₁₂₃₄₅₆₇₈₉")[c-'0'])
	}
	return b.String()
}
