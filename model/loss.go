package model

import (
	"math"
	"sync"

	"gdlab/message"
)

// Loss is the loss of a model over a data set (or a part of it) as a
// function of the model's parameters: an optimizer.ObjectiveN of
// NumParams variables. It is safe for concurrent use.
type Loss struct {
	M    Model
	D    *Data
	rows []int // the rows it sums over, nil for all

	// quad is the squared error of a linear or polynomial model as the
	// quadratic wᵀAw − 2cᵀw + s over the features φ (A = mean φφᵀ, c =
	// mean φy, s = mean y²): its value and gradient cost O(p²), whatever
	// the number of rows (the landscape over (w, b) of 100,000 points is
	// as cheap as of 50). Its rounding error relative to the loss is about
	// 1e-16·s/loss.
	quad    *quadratic
	scratch sync.Pool // *[]float64: hidden units, features, a point

	// Test is the loss of the same model over the rows held out as a test
	// set (Spec.TestFraction), nil without one.
	Test *Loss
}

// quadratic is the squared error of a model that is linear in its
// parameters: A (p×p, row by row), c and s.
type quadratic struct {
	a, c []float64
	s    float64
}

// NewLoss is the loss of m over d: the squared error for a model of
// values, the binary cross-entropy for a classifier. The error says what
// does not fit (the number of input columns, labels that are not 0 or 1,
// targets for a classifier, no rows).
func NewLoss(m Model, d *Data) (*Loss, error) {
	switch {
	case d.Rows() == 0:
		return nil, msgDataNoRows.New(message.Text(d.Name))
	case m.Inputs != d.Inputs:
		return nil, msgDataInputs.New(message.Text(m.String()), message.Int(m.Inputs), message.Text(d.Name), message.Int(d.Inputs))
	case m.Classifier() && !d.Classification:
		return nil, msgClassifies.New(message.Text(m.String()), message.Text(d.Name))
	case !m.Classifier() && d.Classification:
		return nil, msgFitsValues.New(message.Text(m.String()), message.Text(d.Name))
	}
	l := &Loss{M: m, D: d}
	size := m.Hidden + m.NumParams() + m.Inputs + 2
	l.scratch.New = func() any { s := make([]float64, size); return &s }
	if !m.Classifier() {
		l.quad = l.quadraticForm()
	}
	return l, nil
}

// Batch is the loss over the rows given (indices into D), for a
// mini-batch; it shares D.
func (l *Loss) Batch(rows []int) *Loss {
	b := &Loss{M: l.M, D: l.D, rows: rows}
	b.scratch.New = l.scratch.New
	return b
}

// quadraticForm sums the features of every row into A, c and s.
func (l *Loss) quadraticForm() *quadratic {
	p := l.M.NumParams()
	q := &quadratic{a: make([]float64, p*p), c: make([]float64, p)}
	phi := make([]float64, p+1)
	n := float64(l.D.Rows())
	for i := range l.D.Rows() {
		f := l.M.features(l.D.Row(i), phi)
		y := l.D.Y[i]
		for j, fj := range f {
			q.c[j] += fj * y / n
			for k, fk := range f {
				q.a[j*p+k] += fj * fk / n
			}
		}
		q.s += y * y / n
	}
	return q
}

// Dims is the number of parameters.
func (l *Loss) Dims() int { return l.M.NumParams() }

// n is the number of rows summed over, and row i of them.
func (l *Loss) n() int {
	if l.rows != nil {
		return len(l.rows)
	}
	return l.D.Rows()
}

func (l *Loss) row(i int) int {
	if l.rows != nil {
		return l.rows[i]
	}
	return i
}

// ValueN is the loss at the parameters w.
func (l *Loss) ValueN(w []float64) float64 { return l.eval(w, nil) }

// ValueGradN is the loss at w, with its exact gradient stored in
// grad[:Dims()].
func (l *Loss) ValueGradN(w, grad []float64) float64 {
	g := grad[:l.Dims()]
	clear(g)
	return l.eval(w, g)
}

// eval is the loss at w and, with g, adds its gradient to g.
func (l *Loss) eval(w, g []float64) float64 {
	if l.quad != nil && l.rows == nil {
		return l.quad.eval(w, g)
	}
	n := l.n()
	inv := 1 / float64(n)
	var sum float64
	if n >= parallelRows {
		sum = l.sumParallel(w, g)
	} else {
		sum = l.sum(w, g, 0, n)
	}
	for j := range g {
		g[j] *= inv
	}
	return sum * inv
}

// sum is the sum of the rows lo…hi−1's losses at w, adding the sum of
// their gradients to g when g is not nil.
func (l *Loss) sum(w, g []float64, lo, hi int) float64 {
	if l.M.Kind == Linear || l.M.Kind == Logistic {
		return l.sumAffine(w, g, lo, hi)
	}
	sp := l.scratch.Get().(*[]float64)
	defer l.scratch.Put(sp)
	s := *sp
	h, phi := s[:l.M.Hidden], s[l.M.Hidden:]
	sum := 0.0
	for i := lo; i < hi; i++ {
		r := l.row(i)
		x, y := l.D.Row(r), l.D.Y[r]
		loss, dz := pointLoss(l.M.Classifier(), l.M.out(w, x, h, phi), y)
		sum += loss
		if g != nil {
			l.M.addGrad(w, x, h, phi, dz, g)
		}
	}
	return sum
}

// eval is the quadratic at w, adding its gradient 2(Aw − c) to g.
func (q *quadratic) eval(w, g []float64) float64 {
	p := len(q.c)
	v := q.s
	for j := range p {
		aw := 0.0
		for k := range p {
			aw += q.a[j*p+k] * w[k]
		}
		v += w[j]*aw - 2*q.c[j]*w[j]
		if g != nil {
			g[j] += 2 * (aw - q.c[j])
		}
	}
	return v
}

// NumericGradN is the loss at w, with the central-difference gradient of
// step h stored in grad (the book's numerical_gradient over every
// parameter).
func (l *Loss) NumericGradN(w []float64, h float64, grad []float64) float64 {
	x := append([]float64(nil), w[:l.Dims()]...)
	f := l.eval(x, nil)
	for i := range x {
		xi := x[i]
		x[i] = xi + h
		fp := l.eval(x, nil)
		x[i] = xi - h
		fm := l.eval(x, nil)
		x[i] = xi
		grad[i] = (fp - fm) / (2 * h)
	}
	return f
}

// HessianN stores the Hessian at w in hess (row by row): 2A for the
// squared error of a linear model, else the central difference of the
// exact gradient.
func (l *Loss) HessianN(w, hess []float64) {
	p := l.Dims()
	if l.quad != nil && l.rows == nil {
		for i := range p * p {
			hess[i] = 2 * l.quad.a[i]
		}
		return
	}
	if l.M.Kind == Linear || l.M.Kind == Logistic {
		l.hessAffine(w, hess)
		return
	}
	x := append([]float64(nil), w[:p]...)
	gp, gm := make([]float64, p), make([]float64, p)
	for j := range p {
		d := 1e-5 * math.Max(1, math.Abs(x[j]))
		xj := x[j]
		x[j] = xj + d
		l.ValueGradN(x, gp)
		x[j] = xj - d
		l.ValueGradN(x, gm)
		x[j] = xj
		for i := range p {
			hess[i*p+j] = (gp[i] - gm[i]) / (2 * d)
		}
	}
	for i := range p { // symmetric, as the analysis expects
		for j := i + 1; j < p; j++ {
			m := (hess[i*p+j] + hess[j*p+i]) / 2
			hess[i*p+j], hess[j*p+i] = m, m
		}
	}
}

// Value is the loss at (x, y) for a model of one or two parameters.
func (l *Loss) Value(x, y float64) float64 { return l.ValueN([]float64{x, y}) }

// ValueGrad is the loss and its exact gradient at (x, y) for a model of
// one or two parameters.
func (l *Loss) ValueGrad(x, y float64) (f, gx, gy float64) {
	g := make([]float64, 2)
	f = l.ValueGradN([]float64{x, y}, g)
	return f, g[0], g[1]
}

// NumericGrad is the loss and its central-difference gradient at (x, y).
func (l *Loss) NumericGrad(x, y, h float64) (f, gx, gy float64) {
	g := make([]float64, 2)
	f = l.NumericGradN([]float64{x, y}, h, g)
	return f, g[0], g[1]
}

// Hessian is the Hessian at (x, y) for a model of one or two parameters.
func (l *Loss) Hessian(x, y float64) [2][2]float64 {
	p := l.Dims()
	h := make([]float64, p*p)
	l.HessianN([]float64{x, y}, h)
	if p == 1 {
		return [2][2]float64{{h[0]}}
	}
	return [2][2]float64{{h[0], h[1]}, {h[2], h[3]}}
}

// Predict is the model's prediction at input x: ŷ, or the probability p
// of label 1.
func (l *Loss) Predict(w, x []float64) float64 {
	sp := l.scratch.Get().(*[]float64)
	defer l.scratch.Put(sp)
	s := *sp
	z := l.M.out(w, x, s[:l.M.Hidden], s[l.M.Hidden:])
	if l.M.Classifier() {
		return sigmoid(z)
	}
	return z
}

// Accuracy is the share of rows a classifier with parameters w puts in
// their class (p ≥ 0.5 for label 1); 0 for a model of values.
func (l *Loss) Accuracy(w []float64) float64 {
	n := l.n()
	if !l.M.Classifier() || n == 0 {
		return 0
	}
	if n < parallelRows {
		return float64(l.right(w, 0, n)) / float64(n)
	}
	var parts [sumChunks]int
	inChunks(n, func(c, lo, hi int) { parts[c] = l.right(w, lo, hi) })
	right := 0
	for _, r := range parts {
		right += r
	}
	return float64(right) / float64(n)
}

// right is how many of the rows lo…hi−1 the model at w classifies right
// (p ≥ ½ for label 1).
func (l *Loss) right(w []float64, lo, hi int) int {
	sp := l.scratch.Get().(*[]float64)
	defer l.scratch.Put(sp)
	s := *sp
	h, phi := s[:l.M.Hidden], s[l.M.Hidden:]
	right := 0
	for i := lo; i < hi; i++ {
		r := l.row(i)
		if (sigmoid(l.M.out(w, l.D.Row(r), h, phi)) >= 0.5) == (l.D.Y[r] == 1) {
			right++
		}
	}
	return right
}

// Smooth reports that the loss is twice continuously differentiable
// everywhere (optimizer.Smooth): squares, sigmoids and softplus.
func (l *Loss) Smooth() bool { return true }
