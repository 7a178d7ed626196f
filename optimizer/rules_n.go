package optimizer

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// pointRuleN is a pointRule in n dimensions: stepAtN stores in u the
// update from the point x with gradient g; ok is false when no step can be
// taken there.
type pointRuleN interface {
	stepAtN(x, g, u []float64) (ok bool)
}

// newtonScratch is the space of Newton's n-dimensional solve, made at its
// first step and reused.
type newtonScratch struct {
	hess []float64
	lu   mat.LU
	s    *mat.VecDense
}

// stepN is stepAtN at the rule's own point (see step).
func (r *newtonRule) stepN(g, u []float64) {
	if !r.stepAtN(r.xn, g, u) {
		for i := range u {
			u[i] = math.NaN()
		}
		return
	}
	for i, ui := range u {
		r.xn[i] += ui
	}
}

// stepAtN is u = −η(H + λI)⁻¹g at x in n dimensions, H the exact Hessian
// (ObjectiveN.HessianN), solved by LU with partial pivoting (gonum's
// mat.LU: H + λI is symmetric but need not be positive definite, at a
// saddle or a maximum). ok is false when it is singular to working
// precision or not finite.
func (r *newtonRule) stepAtN(x, g, u []float64) bool {
	n, sc := len(x), &r.scratch
	if sc.hess == nil {
		sc.hess, sc.s = make([]float64, n*n), mat.NewVecDense(n, nil)
	}
	r.fnN.HessianN(x, sc.hess)
	for i := range n {
		sc.hess[i*n+i] += r.lambda
	}
	for _, v := range sc.hess {
		if !finite(v) {
			return false
		}
	}
	sc.lu.Factorize(mat.NewDense(n, n, sc.hess))
	if c := sc.lu.Cond(); math.IsInf(c, 0) || math.IsNaN(c) || c > 1/epsilon {
		return false
	}
	if err := sc.lu.SolveVecTo(sc.s, false, mat.NewVecDense(n, g)); err != nil {
		return false
	}
	for i := range n {
		u[i] = -r.lr * sc.s.AtVec(i)
	}
	return true
}

// epsilon is the float64 machine epsilon: an LU whose condition number is
// beyond 1/ε is singular to working precision.
const epsilon = 0x1p-52

// stepN of the stand-in of gonum's methods makes no step (see step).
func (lineSearchRule) stepN(_, u []float64) { clear(u) }
