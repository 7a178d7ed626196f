package model

// fullRowsPerEpoch is the most rows the loss on all the training data may
// read per epoch for the loss curve, beyond the first evaluation of each
// epoch: about what an epoch of mini-batches reads itself when the data set
// has 100,000 rows, and every step for the small sets a class works with.
const fullRowsPerEpoch = 100_000

// FullEvery is how often a run evaluates the loss on all the training
// data: at every step when that reads at most fullRowsPerEpoch rows an
// epoch, else as often as that budget allows and at least once an epoch
// (at 100,000 rows and batches of 32: once every 3,125 steps, at the
// epoch's end), so that on a large data set the loss curve costs about as
// much as the learning, not thousands of times more.
func (s *sampler) FullEvery() int {
	rows, perEpoch := s.b.D.Rows(), s.b.Batches()
	evals := min(perEpoch, max(1, fullRowsPerEpoch/rows))
	return (perEpoch + evals - 1) / evals
}

// RowsPerValue is the rows one evaluation of the loss reads: 0 for the
// squared error of a linear or polynomial model over all its rows, a
// quadratic form in the parameters whose coefficients are sums over the
// data (a value costs O(p²) whatever the rows).
func (l *Loss) RowsPerValue() int {
	if l.quad != nil && l.rows == nil {
		return 0
	}
	return l.n()
}
