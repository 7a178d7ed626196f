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
// loss's.
type Batched struct {
	*Loss
	Size int // rows per batch; the last batch of an epoch may have fewer
}

var _ optimizer.Sampled = Batched{}

// Batches is the number of batches in an epoch.
func (b Batched) Batches() int { return (b.D.Rows() + b.Size - 1) / b.Size }

// NewSampler is the mini-batches of one run; nil when a batch is the whole
// data set (the run is plain gradient descent).
func (b Batched) NewSampler(seed uint64) optimizer.Sampler {
	if b.Size <= 0 || b.Size >= b.D.Rows() {
		return nil
	}
	return &sampler{b: b, seed: seed, epoch: -1, part: b.Loss.Batch(nil)}
}

// sampler is one run's mini-batches: the shuffle of the current epoch.
type sampler struct {
	b     Batched
	seed  uint64
	epoch int
	perm  []int
	part  *Loss // the loss over the current batch (its rows a window of perm)
}

// GradN is the gradient at x of the batch of update k.
func (s *sampler) GradN(k int, x, grad []float64) float64 {
	nb := s.b.Batches()
	e, j := (k-1)/nb, (k-1)%nb
	if e != s.epoch {
		s.epoch = e
		s.perm = rand.New(rand.NewPCG(s.seed, uint64(e))).Perm(s.b.D.Rows())
	}
	lo := j * s.b.Size
	s.part.rows = s.perm[lo:min(lo+s.b.Size, len(s.perm))]
	return s.part.ValueGradN(x, grad)
}
