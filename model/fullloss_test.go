package model

import (
	"context"
	"math"
	"math/rand/v2"
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
		s := Batched{Loss: l, Size: tc.batch}.NewSampler(1)
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
	hand, w, g := b.NewSampler(3), []float64{0, 0}, make([]float64, 2)
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

// BenchmarkLogisticEpoch is one epoch of batch-32 SGD on logistic over
// 100,000 points through the engine, the loss on all of them at its end
// (issue 15: ≤ 5 ms).
func BenchmarkLogisticEpoch(b *testing.B) {
	gen := rand.New(rand.NewPCG(5, 6))
	d := classes()
	for i := range 100_000 {
		c := float64(i % 2)
		d.add(3*c-1.5+0.8*gen.NormFloat64(), 2*c-1+0.8*gen.NormFloat64(), c)
	}
	l, _ := NewLoss(Model{Kind: Logistic, Inputs: 2}, d)
	p := optimizer.Problem{F: Batched{Loss: l, Size: 32}}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps = 0.1, 3125
	c.SetStart([]float64{0, 0, 0})
	for b.Loop() {
		optimizer.Run(context.Background(), p, c, nil)
	}
}
