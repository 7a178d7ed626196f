package model

import (
	"math/rand/v2"
	"sync"

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

var (
	_ optimizer.Sampled = Batched{}
	_ optimizer.Sampled = (*Loss)(nil)
)

// NewSampler is the mini-batches of batch rows of one run on the whole
// loss (Batched's); nil for 0 or all the rows: a run on the loss learns
// from all its rows unless its Config.Batch says otherwise.
func (l *Loss) NewSampler(seed uint64, batch int) optimizer.Sampler {
	return Batched{Loss: l}.NewSampler(seed, batch)
}

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

// NewSampler is the mini-batches of one run, of batch rows (0: Size);
// nil when a batch is the whole data set (the run is plain gradient
// descent).
func (b Batched) NewSampler(seed uint64, batch int) optimizer.Sampler {
	if batch > 0 {
		b.Size = batch
	}
	if b.Size <= 0 || b.Size >= b.D.Rows() {
		return nil
	}
	s := &sampler{b: b, seed: seed, part: b.Loss.Batch(nil), view: *b.D}
	s.part.D = &s.view
	return s
}

// sampler is one run's mini-batches: the shuffle of the current epoch,
// and the data's rows copied in its order, so that a batch is a run of
// consecutive rows, read from memory in order. On a large data set the
// next epoch's shuffle and copy are made on another core meanwhile: they
// cost as much as an epoch's arithmetic, which waits only for them.
type sampler struct {
	b      Batched
	seed   uint64
	cur    *epochRows     // the current epoch's, nil before the first
	next   *epochRows     // the next epoch's, being made while making is set
	making sync.WaitGroup // the goroutine making next
	view   Data           // the current batch: a window of cur's rows
	part   *Loss          // the loss over view
}

// epochRows is an epoch's shuffle and the rows in its order.
type epochRows struct {
	epoch  int
	perm   []int
	xs, ys []float64
}

// aheadRows is the fewest rows for which the next epoch's rows are made
// ahead, on another core, and copyRows the most that are copied in the
// shuffled order at all: beyond, the two copies a run would hold (tens of
// megabytes, for each of up to eight runs) cost more than the scattered
// reads they save, and a batch reads its rows where they are.
const (
	aheadRows = 16_384
	copyRows  = 250_000
)

var _ optimizer.RowSampler = (*sampler)(nil)

// GradN is the gradient at x of the batch of update k.
func (s *sampler) GradN(k int, x, grad []float64) float64 {
	rows := s.rows(k)
	if s.cur.xs == nil { // the rows where they are, by their indices
		s.view.X, s.view.Y, s.part.rows = s.b.D.X, s.b.D.Y, rows
		return s.part.ValueGradN(x, grad)
	}
	_, j := s.b.Update(k)
	in, lo := s.b.D.Inputs, j*s.b.Size
	s.view.X, s.view.Y, s.part.rows = s.cur.xs[lo*in:(lo+len(rows))*in], s.cur.ys[lo:lo+len(rows)], nil
	return s.part.ValueGradN(x, grad)
}

// rows is the batch of update k, from the shuffle of its epoch.
func (s *sampler) rows(k int) []int {
	e, j := s.b.Update(k)
	if s.cur == nil || s.cur.epoch != e {
		s.turn(e)
	}
	return s.b.window(s.cur.perm, j)
}

// turn makes epoch e's rows current: those made ahead when they are e's,
// else made now (in the buffers made ahead for another epoch); then, on a
// large data set, starts making e + 1's in the buffers of the epoch before.
func (s *sampler) turn(e int) {
	s.making.Wait()
	spare := s.cur
	if s.next != nil && s.next.epoch == e {
		s.cur = s.next
	} else {
		s.cur = s.fill(s.next, e)
	}
	s.next = nil
	if n := s.b.D.Rows(); n < aheadRows || n > copyRows {
		return
	}
	if spare == nil {
		spare = s.buffers()
	}
	s.next = spare
	s.making.Add(1)
	go func() {
		defer s.making.Done()
		s.fill(spare, e+1)
	}()
}

// buffers is an epochRows with room for every row.
func (s *sampler) buffers() *epochRows {
	d := s.b.D
	r := &epochRows{epoch: -1, perm: make([]int, d.Rows())}
	if d.Rows() <= copyRows {
		r.xs, r.ys = make([]float64, len(d.X)), make([]float64, d.Rows())
	}
	return r
}

// fill makes epoch e's shuffle and rows in r (in new buffers for nil) and
// returns it.
func (s *sampler) fill(r *epochRows, e int) *epochRows {
	d := s.b.D
	if r == nil {
		r = s.buffers()
	}
	r.epoch, r.perm = e, s.b.permInto(r.perm, s.seed, e)
	if r.xs == nil {
		return r
	}
	in := d.Inputs
	for i, row := range r.perm {
		copy(r.xs[i*in:(i+1)*in], d.X[row*in:(row+1)*in])
		r.ys[i] = d.Y[row]
	}
	return r
}

// SampleRows is the batch of update k, for the worked step.
func (s *sampler) SampleRows(k int) optimizer.Sample {
	e, j := s.b.Update(k)
	return optimizer.Sample{Rows: s.rows(k), Of: s.b.D.Rows(), Epoch: e + 1, Batch: j + 1}
}
