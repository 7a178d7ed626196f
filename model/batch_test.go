package model

import (
	"context"
	"math"
	"slices"
	"testing"

	"gdlab/optimizer"
)

// TestMiniBatches: batches of 8 of the line's 50 rows take every row once
// an epoch (7 batches, the last of 2), the rows the sampler takes are
// Batched.Rows (windows of Batched.Perm), the same seed gives the same run,
// each update is the batch's gradient (replayed by hand), the recorded f
// is the whole loss, and a batch of all rows is plain gradient descent.
func TestMiniBatches(t *testing.T) {
	l := mustLoss(t, "linear", "line")
	b := Batched{Loss: l, Size: 8}
	if b.Batches() != 7 {
		t.Fatalf("%d batches", b.Batches())
	}
	s := b.NewSampler(5, 0).(*sampler)
	seen := map[int]int{}
	g := make([]float64, 2)
	for k := 1; k <= 7; k++ {
		s.GradN(k, []float64{0, 0}, g)
		rows := s.rows(k)
		for i, r := range rows {
			seen[r]++
			if s.view.Y[i] != l.D.Y[r] || s.view.X[i] != l.D.X[r] {
				t.Errorf("update %d: the batch's row %d is (%v, %v), row %d of the data (%v, %v)", k, i, s.view.X[i], s.view.Y[i], r, l.D.X[r], l.D.Y[r])
			}
		}
		if want := b.Rows(5, k); !slices.Equal(rows, want) || !slices.Equal(s.SampleRows(k).Rows, want) || len(s.view.Y) != len(want) {
			t.Errorf("update %d: the sampler's rows %v (%d in its batch), Rows %v", k, rows, len(s.view.Y), want)
		}
	}
	if smp := s.SampleRows(9); smp.Epoch != 2 || smp.Batch != 2 || smp.Of != 50 || !slices.Equal(smp.Rows, b.Perm(5, 1)[8:16]) {
		t.Errorf("update 9: %+v", smp)
	}
	if len(seen) != 50 {
		t.Errorf("an epoch took %d distinct rows, want all 50", len(seen))
	}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps, c.Seed = 0.02, 70, 5
	c.SetStart([]float64{0, 0})
	r := optimizer.Run(context.Background(), optimizer.Problem{F: b}, c, nil)
	again := optimizer.Run(context.Background(), optimizer.Problem{F: b}, c, nil)
	if r.Final.X != again.Final.X || r.Status != optimizer.MaxSteps {
		t.Fatalf("not reproducible or not run: %v %v %s %v", r.Final.X, again.Final.X, r.Status, r.Err)
	}
	hand := b.NewSampler(5, 0)
	w := []float64{0, 0}
	for k := 1; k <= 70; k++ {
		batch := hand.GradN(k, w, g)
		if p := r.Points[k]; math.Abs(p.Batch-batch) > 1e-12*math.Max(1, batch) {
			t.Fatalf("step %d: recorded batch loss %v, by hand %v", k, p.Batch, batch)
		}
		w[0], w[1] = w[0]-0.02*g[0], w[1]-0.02*g[1]
		if p := r.Points[k]; p.X[0] != w[0] || p.X[1] != w[1] || math.Abs(p.F-l.ValueN(w)) > 1e-12 {
			t.Fatalf("step %d: %v (f %v), by hand %v (f %v)", k, p.X, p.F, w, l.ValueN(w))
		}
	}
	full := optimizer.Run(context.Background(), optimizer.Problem{F: Batched{Loss: l, Size: 50}}, c, nil)
	plain := optimizer.Run(context.Background(), optimizer.Problem{F: l}, c, nil)
	if full.Final.X != plain.Final.X {
		t.Errorf("a batch of all rows: %v, plain gd %v", full.Final.X, plain.Final.X)
	}
	c.Method = optimizer.BFGS
	if r := optimizer.Run(context.Background(), optimizer.Problem{F: b}, c, nil); r.Status != optimizer.Invalid {
		t.Errorf("bfgs on mini-batches: %s", r.Status)
	}
}
