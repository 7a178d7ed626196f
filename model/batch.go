package model

import (
	"math/rand/v2"

	"gdlab/optimizer"
)

// Batched is a loss learned from mini-batches: each update uses the
// gradient of Size rows, every row once per epoch, in an order shuffled
// afresh each epoch from the run's seed (a PCG of the seed and the
// epoch's number: the same seed gives the same batches everywhere). It is
// an optimizer.Sampled; its value, gradient and Hessian are the whole
// loss's. Perm and Rows are its batches: the run's sampler and the NumPy
// script both take them from there.
type Batched struct {
	*Loss
	Size int // rows per batch; the last batch of an epoch may have fewer
}

var _ optimizer.Sampled = Batched{}

// Batches is the number of batches in an epoch.
func (b Batched) Batches() int { return (b.D.Rows() + b.Size - 1) / b.Size }

// Update is where update k (1, 2, …) falls: its epoch and its batch in
// the epoch, both counted from 0.
func (b Batched) Update(k int) (epoch, batch int) {
	nb := b.Batches()
	return (k - 1) / nb, (k - 1) % nb
}

// Perm is the order of the rows (indices into D, from 0) in epoch e
// (from 0) of the run of seed: rand.New(rand.NewPCG(seed, e)).Perm(rows).
// Batch j of the epoch is its window [j·Size, (j+1)·Size), cut at its end.
func (b Batched) Perm(seed uint64, epoch int) []int {
	return b.permInto(make([]int, b.D.Rows()), seed, epoch)
}

// permInto is Perm made in p (len(p) rows): rand.Rand.Perm's shuffle of
// the identity, without a new slice for each epoch.
func (b Batched) permInto(p []int, seed uint64, epoch int) []int {
	for i := range p {
		p[i] = i
	}
	rand.New(rand.NewPCG(seed, uint64(epoch))).Shuffle(len(p), func(i, j int) { p[i], p[j] = p[j], p[i] })
	return p
}

// Rows is the rows (indices into D, from 0, in the order summed) of the
// batch of update k (1, 2, …) of the run of seed.
func (b Batched) Rows(seed uint64, k int) []int {
	e, j := b.Update(k)
	return b.window(b.Perm(seed, e), j)
}

// window is batch j of an epoch whose rows are in the order perm.
func (b Batched) window(perm []int, j int) []int {
	lo := j * b.Size
	return perm[lo:min(lo+b.Size, len(perm))]
}

// NewSampler is the mini-batches of one run; nil when a batch is the whole
// data set (the run is plain gradient descent).
func (b Batched) NewSampler(seed uint64) optimizer.Sampler {
	if b.Size <= 0 || b.Size >= b.D.Rows() {
		return nil
	}
	s := &sampler{b: b, seed: seed, epoch: -1, part: b.Loss.Batch(nil), view: *b.D}
	s.part.D = &s.view
	return s
}

// sampler is one run's mini-batches: the shuffle of the current epoch,
// and the data's rows copied in its order, so that a batch is a run of
// consecutive rows (read from memory in order: on a large data set the
// rows of a batch scattered over it cost more to fetch than to compute).
type sampler struct {
	b      Batched
	seed   uint64
	epoch  int
	perm   []int
	xs, ys []float64 // the rows in the order of perm
	view   Data      // the current batch: a window of xs and ys
	part   *Loss     // the loss over view
}

var _ optimizer.RowSampler = (*sampler)(nil)

// GradN is the gradient at x of the batch of update k.
func (s *sampler) GradN(k int, x, grad []float64) float64 {
	rows := s.rows(k)
	_, j := s.b.Update(k)
	in, lo := s.b.D.Inputs, j*s.b.Size
	s.view.X, s.view.Y = s.xs[lo*in:(lo+len(rows))*in], s.ys[lo:lo+len(rows)]
	return s.part.ValueGradN(x, grad)
}

// rows is the batch of update k, from the shuffle of its epoch (made, with
// the rows in its order, when the epoch changes).
func (s *sampler) rows(k int) []int {
	e, j := s.b.Update(k)
	if e != s.epoch {
		d := s.b.D
		if s.perm == nil {
			s.perm = make([]int, d.Rows())
			s.xs, s.ys = make([]float64, len(d.X)), make([]float64, d.Rows())
		}
		s.epoch, s.perm = e, s.b.permInto(s.perm, s.seed, e)
		in := d.Inputs
		for i, r := range s.perm {
			copy(s.xs[i*in:(i+1)*in], d.X[r*in:(r+1)*in])
			s.ys[i] = d.Y[r]
		}
	}
	return s.b.window(s.perm, j)
}

// SampleRows is the batch of update k, for the worked step.
func (s *sampler) SampleRows(k int) optimizer.Sample {
	e, j := s.b.Update(k)
	return optimizer.Sample{Rows: s.rows(k), Of: s.b.D.Rows(), Epoch: e + 1, Batch: j + 1}
}
