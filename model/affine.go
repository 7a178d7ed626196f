package model

import (
	"math"
	"sync"
)

// sumAffine is sum for the models whose output is the affine w·x + b of
// the inputs (linear and logistic, w then b in the parameters), in one
// tight loop: these are the models mini-batch SGD runs at scale (issue 15:
// an epoch of batches of 32 over 100,000 rows in 5 ms), where the general
// path's per-row features and dispatch cost as much as the arithmetic.
func (l *Loss) sumAffine(w, g []float64, lo, hi int) float64 {
	in, X, Y := l.D.Inputs, l.D.X, l.D.Y
	cls := l.M.Classifier()
	b := w[in]
	sum, gb := 0.0, 0.0
	for i := lo; i < hi; i++ {
		r := l.row(i)
		x := X[r*in : r*in+in]
		z := b
		for j, v := range x {
			z += w[j] * v
		}
		var loss, dz float64 // pointLoss, written out: it is not inlined, and a call per row costs a fifth of a batch
		if cls {
			loss, dz = crossEntropy(z, Y[r])
		} else {
			e := z - Y[r]
			loss, dz = e*e, 2*e
		}
		sum += loss
		if g != nil {
			for j, v := range x {
				g[j] += dz * v
			}
			gb += dz
		}
	}
	if g != nil {
		g[in] += gb
	}
	return sum
}

// pointLoss is the loss of one row whose model output is z and target y,
// and its derivative in z: the cross-entropy of the logit for a
// classifier, the squared error otherwise.
func pointLoss(classifier bool, z, y float64) (loss, dz float64) {
	if classifier {
		return crossEntropy(z, y)
	}
	e := z - y
	return e * e, 2 * e
}

// crossEntropy is the binary cross-entropy of the label y at the logit z,
// softplus(z) − y·z, and its derivative σ(z) − y, from one exponential
// e^−|z| (no overflow, no loss for large |z|).
func crossEntropy(z, y float64) (loss, dz float64) {
	e := math.Exp(-math.Abs(z))
	top := 1.0
	if z < 0 {
		top = e
	}
	return max(z, 0) + math.Log1p(e) - y*z, top/(1+e) - y
}

// parallelRows is the fewest rows whose loss is summed in parallel, and
// sumChunks the parts they are cut into: a fixed number, summed in their
// order, so that the result does not depend on the machine's cores.
const (
	parallelRows = 16_384
	sumChunks    = 8
)

// inChunks calls part with each of sumChunks consecutive parts lo…hi−1 of
// the rows 0…n−1, all at once, and waits for them.
func inChunks(n int, part func(c, lo, hi int)) {
	var wg sync.WaitGroup
	for c := range sumChunks {
		wg.Go(func() { part(c, c*n/sumChunks, (c+1)*n/sumChunks) })
	}
	wg.Wait()
}

// sumParallel is sum over all the rows, in sumChunks parts at once.
func (l *Loss) sumParallel(w, g []float64) float64 {
	var sums [sumChunks]float64
	var grads [sumChunks][]float64
	for c := range grads {
		if g != nil {
			grads[c] = make([]float64, len(g))
		}
	}
	inChunks(l.n(), func(c, lo, hi int) { sums[c] = l.sum(w, grads[c], lo, hi) })
	total := 0.0
	for c := range sumChunks {
		total += sums[c]
		for j := range g {
			g[j] += grads[c][j]
		}
	}
	return total
}

// hessAffine is the exact Hessian of the loss of an affine model over its
// rows, (1/n)·Σ c·φφᵀ with φ = (x, 1) and c = σ(z)(1 − σ(z)) for the
// cross-entropy, 2 for squared error: one pass, where the general path
// takes two gradients per parameter.
func (l *Loss) hessAffine(w, hess []float64) {
	in, X := l.D.Inputs, l.D.X
	p, n := in+1, l.n()
	h := hess[:p*p]
	clear(h)
	phi := make([]float64, p)
	phi[in] = 1
	for i := range n {
		r := l.row(i)
		copy(phi, X[r*in:r*in+in])
		c := 2.0
		if l.M.Classifier() {
			z := w[in]
			for j, v := range phi[:in] {
				z += w[j] * v
			}
			e := math.Exp(-math.Abs(z))
			c = e / ((1 + e) * (1 + e))
		}
		for a, va := range phi {
			for b, vb := range phi[:a+1] {
				h[a*p+b] += c * va * vb
			}
		}
	}
	inv := 1 / float64(n)
	for a := range p {
		for b := range a + 1 {
			h[a*p+b] *= inv
			h[b*p+a] = h[a*p+b]
		}
	}
}
