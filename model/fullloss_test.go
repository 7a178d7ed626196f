package model

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"gdlab/optimizer"
)

// TestFullEvery: the loss on all the rows at every step of the small sets,
// once an epoch at 100,000 rows and batches of 32, and in between as the
// budget of fullRowsPerEpoch rows an epoch allows.
func TestFullEvery(t *testing.T) {
	for _, tc := range []struct{ rows, batch, want int }{
		{50, 8, 1},           // line: 7 batches, all evaluated
		{1000, 1, 10},        // 1,000 steps an epoch, 100 evaluations allowed
		{100_000, 32, 3125},  // once an epoch
		{10_000, 32, 32},     // 313 batches, 10 evaluations an epoch
		{200_000, 1000, 200}, // once an epoch
		{20_000, 10, 400},    // 2,000 batches, 5 evaluations an epoch
	} {
		d := bigLine(tc.rows)
		l, err := NewLoss(Model{Kind: Linear, Inputs: 1}, d)
		if err != nil {
			t.Fatal(err)
		}
		s := Batched{Loss: l, Size: tc.batch}.NewSampler(1, 0)
		if got := s.FullEvery(); got != tc.want {
			t.Errorf("%d rows, batches of %d: every %d steps, want %d", tc.rows, tc.batch, got, tc.want)
		}
	}
}

// TestLargeSetEvaluatesItsLossAtEpochEnds: batches of 10 of 20,000 rows
// evaluate the whole loss every 400th step (5 times an epoch), exactly
// there, and the path is the mini-batches' path by hand.
func TestLargeSetEvaluatesItsLossAtEpochEnds(t *testing.T) {
	l, _ := NewLoss(Model{Kind: Linear, Inputs: 1}, bigLine(20_000))
	b := Batched{Loss: l, Size: 10}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps, c.Seed = 0.01, 2100, 3
	c.SetStart([]float64{0, 0})
	r := optimizer.Run(context.Background(), optimizer.Problem{F: b}, c, nil)
	hand, w, g := b.NewSampler(3, 0), []float64{0, 0}, make([]float64, 2)
	for k := 1; k <= c.Steps; k++ {
		hand.GradN(k, w, g)
		w[0], w[1] = w[0]-0.01*g[0], w[1]-0.01*g[1]
		p := r.Points[k]
		if p.X[0] != w[0] || p.X[1] != w[1] {
			t.Fatalf("step %d: %v, by hand %v", k, p.X, w)
		}
		if k%400 == 0 || k == c.Steps {
			if math.Abs(p.F-l.ValueN(w)) > 1e-12*l.ValueN(w) {
				t.Fatalf("step %d: f %v, the loss there %v", k, p.F, l.ValueN(w))
			}
		} else if !math.IsNaN(p.F) {
			t.Fatalf("step %d: f %v, want NaN (not evaluated)", k, p.F)
		}
	}
}

// BenchmarkLogisticEpoch is batch-32 SGD on logistic over 100,000 points
// through the engine, one epoch and ten: each run has the loss on all the
// points at its start and at each epoch's end, then the stability
// analysis and the verdict. The cost of an epoch (issue 15: ≤ 5 ms) is
// the difference of the two over 9.
func BenchmarkLogisticEpoch(b *testing.B) {
	gen := rand.New(rand.NewPCG(5, 6))
	d := classes()
	for i := range 100_000 {
		c := float64(i % 2)
		d.add(3*c-1.5+0.8*gen.NormFloat64(), 2*c-1+0.8*gen.NormFloat64(), c)
	}
	l, _ := NewLoss(Model{Kind: Logistic, Inputs: 2}, d)
	p := optimizer.Problem{F: Batched{Loss: l, Size: 32}}
	for _, epochs := range []int{1, 10} {
		b.Run(fmt.Sprintf("epochs=%d", epochs), func(b *testing.B) {
			c := optimizer.DefaultConfig()
			c.LR, c.Steps = 0.1, 3125*epochs
			c.SetStart([]float64{0, 0, 0})
			for b.Loop() {
				optimizer.Run(context.Background(), p, c, nil)
			}
		})
	}
}

// TestAffineHessian: the exact Hessian of logistic regression (on blobs,
// all rows and a batch) and of a line's squared error over a batch agree
// with central differences of the exact gradient to 1e-6.
func TestAffineHessian(t *testing.T) {
	for _, tc := range []struct {
		model, data string
		rows        []int
	}{{"logistic", "blobs", nil}, {"logistic", "blobs", []int{0, 3, 17, 40}}, {"linear", "line", []int{1, 2, 30}}} {
		l := mustLoss(t, tc.model, tc.data)
		if tc.rows != nil {
			l = l.Batch(tc.rows)
		}
		w := []float64{0.7, -0.4, 0.3}[:l.Dims()]
		p := len(w)
		got := make([]float64, p*p)
		l.HessianN(w, got)
		gp, gm := make([]float64, p), make([]float64, p)
		for j := range p {
			x := append([]float64(nil), w...)
			x[j] += 1e-5
			l.ValueGradN(x, gp)
			x[j] -= 2e-5
			l.ValueGradN(x, gm)
			for i := range p {
				want := (gp[i] - gm[i]) / 2e-5
				if math.Abs(got[i*p+j]-want) > 1e-6*math.Max(1, math.Abs(want)) {
					t.Errorf("%s on %s %v: H[%d][%d] = %v, differences %v", tc.model, tc.data, tc.rows, i, j, got[i*p+j], want)
				}
			}
		}
	}
}

// TestPermIsRandsPerm: the shuffle made in place is rand.Rand.Perm's.
func TestPermIsRandsPerm(t *testing.T) {
	l := mustLoss(t, "linear", "line")
	b := Batched{Loss: l, Size: 5}
	buf := make([]int, 50)
	for e := range 4 {
		want := rand.New(rand.NewPCG(9, uint64(e))).Perm(50)
		if got := b.permInto(buf, 9, e); !slices.Equal(got, want) {
			t.Fatalf("epoch %d: %v, rand's Perm %v", e, got, want)
		}
	}
}

// TestEpochsMadeAhead: on a large data set the next epoch's rows are made
// on another core; an epoch asked out of turn (the worked step of an
// earlier step) is made at once; every batch is its epoch's shuffle and
// the rows in it.
func TestEpochsMadeAhead(t *testing.T) {
	l, _ := NewLoss(Model{Kind: Linear, Inputs: 1}, bigLine(aheadRows+100))
	b := Batched{Loss: l, Size: 1000}
	s := b.NewSampler(4, 0).(*sampler)
	per := b.Batches()
	g := make([]float64, 2)
	for _, k := range []int{1, 2, per + 1, 3*per + 5, per + 2, 2*per + 1, 2*per + 2, 7} {
		s.GradN(k, []float64{1, 0}, g)
		rows := b.Rows(4, k)
		if !slices.Equal(s.rows(k), rows) || len(s.view.Y) != len(rows) {
			t.Fatalf("update %d: rows differ from Rows", k)
		}
		for i, r := range rows {
			if s.view.X[i] != l.D.X[r] || s.view.Y[i] != l.D.Y[r] {
				t.Fatalf("update %d: row %d of the batch is not row %d of the data", k, i, r)
			}
		}
	}
}

// TestVeryLargeSetsReadRowsInPlace: over copyRows rows a batch reads its
// rows where they are (no copy of the data per run), the same rows.
func TestVeryLargeSetsReadRowsInPlace(t *testing.T) {
	l, _ := NewLoss(Model{Kind: Linear, Inputs: 1}, bigLine(copyRows+1))
	b := Batched{Loss: l, Size: 4096}
	s := b.NewSampler(2, 0).(*sampler)
	g, want := make([]float64, 2), make([]float64, 2)
	for _, k := range []int{1, b.Batches() + 3} {
		f := s.GradN(k, []float64{1, 0.5}, g)
		wf := l.Batch(b.Rows(2, k)).ValueGradN([]float64{1, 0.5}, want)
		if s.cur.xs != nil || f != wf || !slices.Equal(g, want) {
			t.Fatalf("update %d: copied %v, loss %v gradient %v, want %v %v", k, s.cur.xs != nil, f, g, wf, want)
		}
	}
}

// TestARunsOwnBatch: a run's Config.Batch on the whole loss is the run on
// mini-batches of that size (Batched); it overrides Batched's own size;
// Batch 0 on the whole loss is plain gradient descent.
func TestARunsOwnBatch(t *testing.T) {
	l := mustLoss(t, "linear", "line")
	c := optimizer.DefaultConfig()
	c.LR, c.Steps, c.Seed = 0.02, 60, 5
	c.SetStart([]float64{0, 0})
	run := func(f optimizer.Objective, batch int) optimizer.Result {
		c := c
		c.Batch = batch
		return optimizer.Run(context.Background(), optimizer.Problem{F: f}, c, nil)
	}
	own, batched := run(l, 8), run(Batched{Loss: l, Size: 8}, 0)
	over := run(Batched{Loss: l, Size: 25}, 8)
	if own.Final.X != batched.Final.X || over.Final.X != batched.Final.X || own.Points[3].Batch == 0 {
		t.Errorf("batch 8: own %v, Batched %v, over 25 %v", own.Final.X, batched.Final.X, over.Final.X)
	}
	plain := run(l, 0)
	if plain.Points[3].Batch != 0 || plain.Final.X == own.Final.X {
		t.Errorf("batch 0 on the whole loss: %v (batch loss %v)", plain.Final.X, plain.Points[3].Batch)
	}
}
