package model

import (
	"math/rand/v2"
	"testing"
)

// bigLine is n points of the line y = 2x + 1 with noise, for benchmarks.
func bigLine(n int) *Data {
	gen := rand.New(rand.NewPCG(1, 2))
	d := &Data{Name: "big", Inputs: 1, Columns: []string{"x", "y"}}
	for range n {
		x := 5 * gen.Float64()
		d.X, d.Y = append(d.X, x), append(d.Y, 2*x+1+0.5*gen.NormFloat64())
	}
	return d
}

// BenchmarkLinearGradient is the full-batch gradient of linear over
// 10,000 points (issue 15: ≤ 10 µs): the squared error's quadratic form.
func BenchmarkLinearGradient(b *testing.B) {
	l, _ := NewLoss(Model{Kind: Linear, Inputs: 1}, bigLine(10_000))
	w, g := []float64{1.5, 0.5}, make([]float64, 2)
	for b.Loop() {
		l.ValueGradN(w, g)
	}
}

// BenchmarkLinearBatchGradient is the gradient over a mini-batch of 32 of
// those points, summed row by row.
func BenchmarkLinearBatchGradient(b *testing.B) {
	l, _ := NewLoss(Model{Kind: Linear, Inputs: 1}, bigLine(10_000))
	rows := make([]int, 32)
	for i := range rows {
		rows[i] = 97 * i
	}
	batch := l.Batch(rows)
	w, g := []float64{1.5, 0.5}, make([]float64, 2)
	for b.Loop() {
		batch.ValueGradN(w, g)
	}
}

// BenchmarkMLPGradient is the full-batch gradient of mlp:8 on 1,000 points
// (issue 15: ≥ 2,000 steps per second, ≤ 500 µs a gradient).
func BenchmarkMLPGradient(b *testing.B) {
	d, _ := BuiltIn("moons", 1)
	for len(d.Y) < 1000 {
		d.X, d.Y = append(d.X, d.X[:400]...), append(d.Y, d.Y[:200]...)
	}
	m := Model{Kind: MLP, Hidden: 8, Inputs: 2}
	l, _ := NewLoss(m, d)
	w, g := m.Start(1), make([]float64, m.NumParams())
	for b.Loop() {
		l.ValueGradN(w, g)
	}
}

// BenchmarkLogisticBatch is the gradient of logistic on a batch of 32 of
// 100,000 points (one epoch of batch-32 SGD is 3,125 of them: issue 15,
// ≤ 5 ms an epoch).
func BenchmarkLogisticBatch(b *testing.B) {
	gen := rand.New(rand.NewPCG(5, 6))
	d := classes()
	for i := range 100_000 {
		c := float64(i % 2)
		d.add(3*c-1.5+0.8*gen.NormFloat64(), 2*c-1+0.8*gen.NormFloat64(), c)
	}
	l, _ := NewLoss(Model{Kind: Logistic, Inputs: 2}, d)
	rows := make([]int, 32)
	for i := range rows {
		rows[i] = 3001 * i
	}
	batch := l.Batch(rows)
	w, g := []float64{0.5, 0.5, 0}, make([]float64, 3)
	for b.Loop() {
		batch.ValueGradN(w, g)
	}
}
