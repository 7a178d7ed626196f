package optimizer

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"gdlab/message"
)

// Curvature is the Hessian of f at a point, its eigenvalues (ascending)
// and the unit eigenvector of the largest: n×n for a function of n
// variables (1×1, f″, for functions of x alone). They are nil when the
// Hessian is not finite there (e.g. after a divergence).
type Curvature struct {
	Hessian     [][]float64 `json:"hessian"`
	Eigenvalues []float64   `json:"eigenvalues"`
	// Steepest is the direction of the largest eigenvalue (its sign is
	// arbitrary): along it the steps of gd grow first.
	Steepest []float64 `json:"steepest_direction"`
}

// Analysis is the stability readout of a run.
//
// The critical learning rate is the largest η for which the method is stable
// on the local quadratic model of f, whose steepest curvature is λmax, the
// largest Hessian eigenvalue: MethodSpec.CriticalFactor / λmax, e.g.
//
//	gd        2 / λmax
//	ascent    2 / λmax of −f (i.e. 2 / |λmin| of f)
//	momentum  2(1 + μ) / λmax
//	nesterov  2(1 + μ) / ((1 + 2μ) λmax)   (torch's form)
//	newton    2(λmax + λ) / λmax             (MethodSpec.CriticalLR; 2 undamped, whatever λmax)
//
// Adagrad, RMSProp and Adam rescale their steps by the gradient history, so
// they have no fixed critical rate: for them CriticalLR is nil and Summary
// quotes gd's. It is computed at the end point, or at the start when the run
// diverged (the end point of a diverged run says nothing), and is nil when
// λmax ≤ 0 (no rate is too large for stability: the function does not curve
// upward there) or the Hessian is not finite. At a saddle (another
// eigenvalue < 0) the sentence says so.
type Analysis struct {
	Start      Curvature `json:"start"`
	End        Curvature `json:"end"`
	CriticalLR *float64  `json:"critical_lr"`
	At         string    `json:"-"` // "start" or "end": where CriticalLR and Summary were computed
	// Summary is one plain sentence, a local fact about the point, e.g.
	// "here, steps along the steepest direction shrink: lr 0.1 is below the
	// critical 1.0", "… neither grow nor shrink: lr 1.0 is the critical
	// rate" (lr within one part in a million of it), "… grow: lr 1.1 is
	// above the critical 1.0"; at a kink, an overflow or outside the domain
	// it says so instead.
	Summary message.Message `json:"-"`
}

// criticalRelTol is how close (relatively) lr must be to the critical rate to
// be called the critical rate.
const criticalRelTol = 1e-6

// curvature is the Hessian of fn at x with its eigenvalues, from gonum's
// mat.EigenSym of its symmetric part.
func curvature(fn Objective, x []float64) Curvature {
	f := fieldOf(fn)
	n, h := f.dims, f.hessian(x)
	rows := make([][]float64, n)
	sym := make([]float64, n*n)
	for i := range n {
		rows[i] = h[i*n : (i+1)*n]
		for j := range n {
			if !finite(h[i*n+j]) {
				return Curvature{}
			}
			sym[i*n+j] = (h[i*n+j] + h[j*n+i]) / 2
		}
	}
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(n, sym), true) {
		return Curvature{Hessian: rows}
	}
	var vecs mat.Dense
	es.VectorsTo(&vecs)
	return Curvature{Hessian: rows, Eigenvalues: es.Values(nil), Steepest: mat.Col(nil, n-1, &vecs)}
}

// lossEigen returns the smallest and largest eigenvalue of the Hessian of the
// loss the method minimises (f, or −f for a method that maximizes); ok is
// false when unknown.
func lossEigen(c Curvature, m Method) (lo, hi float64, ok bool) {
	ev := c.Eigenvalues
	if len(ev) == 0 {
		return 0, 0, false
	}
	lo, hi = ev[0], ev[len(ev)-1]
	if m.maximizes() {
		lo, hi = -hi, -lo
	}
	return lo, hi, true
}

// maximizes reports whether m climbs f.
func (m Method) maximizes() bool {
	s, _ := m.Spec()
	return s.Maximizes
}

// analyse computes the stability readout of a finished run.
func analyse(fn Objective, dims int, r Result) Analysis {
	start, end := r.Points[0].Pos(dims), r.Final.Pos(dims)
	a := Analysis{Start: curvature(fn, start), End: curvature(fn, end), At: "end"}
	at, where, p := a.End, wordEndPoint, end
	if r.Status == Diverged {
		at, a.At, where, p = a.Start, "start", wordStartPoint, start
	}
	if m, ok := notAnalysable(fn, dims, p, where); ok {
		a.Summary = m
		return a
	}
	a.CriticalLR, a.Summary = stability(r.Config, at, where, dims)
	return a
}

// PointAnalysis is the stability readout at one point of a run, for a
// window that follows the run step by step.
type PointAnalysis struct {
	Eigenvalues []float64       // of the Hessian there, ascending; nil if not finite
	CriticalLR  *float64        // as in Analysis
	Summary     message.Message // as in Analysis, about this point
}

// AnalyseAt is the stability readout of config c at point x of fn, with the
// rules documented on Analysis.
func AnalyseAt(fn Objective, c Config, x []float64) PointAnalysis {
	dims := fn.Dims()
	cv := curvature(fn, x)
	if m, ok := notAnalysable(fn, dims, x, wordCurrentPoint); ok {
		return PointAnalysis{Summary: m}
	}
	crit, sum := stability(c.withDefaults(dims), cv, wordCurrentPoint, dims)
	return PointAnalysis{Eigenvalues: cv.Eigenvalues, CriticalLR: crit, Summary: sum}
}

// stability is the critical learning rate of c on the local quadratic model
// with curvature at, and the plain sentence about it; where names the point.
func stability(c Config, at Curvature, where message.Kind, dims int) (*float64, message.Message) {
	lr, pt := message.Number(c.LR), message.Word(where)
	lo, hi, ok := lossEigen(at, c.Method)
	if !ok {
		return nil, msgHessianInf.New(pt)
	}
	spec, _ := c.Method.Spec()
	if hi <= 0 {
		curve := wordLargestEigen
		if spec.Maximizes {
			curve = wordSmallestEigen
		}
		if dims == 1 {
			curve = wordSecondDeriv
		}
		if spec.Maximizes {
			return nil, msgNoHill.New(pt, message.Word(curve), message.Number(-hi))
		}
		return nil, msgNoBowl.New(pt, message.Word(curve), message.Number(hi))
	}
	var crit float64
	switch {
	case spec.CriticalLR != nil:
		crit = spec.CriticalLR(c, hi)
	case spec.NoLearningRate:
		return nil, msgLineSearchRate.New(message.Text(string(c.Method)), message.Number(2/hi))
	case spec.CriticalFactor == nil:
		return nil, msgAdaptive.New(message.Text(string(c.Method)), message.Number(2/hi))
	default:
		crit = spec.CriticalFactor(c) / hi
	}
	if math.IsInf(crit, 1) {
		return nil, msgNoneCritical.New()
	}
	var sum message.Message
	switch {
	case math.Abs(c.LR-crit) <= criticalRelTol*crit:
		sum = msgNeutral.New(lr)
	case c.LR < crit:
		sum = msgShrink.New(lr, message.Number(crit))
	default:
		sum = msgGrow.New(lr, message.Number(crit))
	}
	if lo < -negCurvRelTol*math.Max(1, math.Max(math.Abs(lo), math.Abs(hi))) {
		sum = msgSaddleSuffix.New(message.Nested(sum))
	}
	return &crit, sum
}

// notAnalysable is the sentence for a point x where the quadratic model
// says nothing: f overflows there (±Inf), is not defined (NaN), or is not
// smooth (a kink); ok is false at an ordinary point.
func notAnalysable(fn Objective, dims int, x []float64, where message.Kind) (message.Message, bool) {
	pt := message.Word(where)
	switch v := fieldOf(fn).value(x); {
	case math.IsInf(v, 0) && !pole(fn, x):
		return msgOverflow.New(pt), true
	case math.IsInf(v, 0) || math.IsNaN(v):
		return msgDomain.New(pt), true
	case !smoothAt(fn, dims, x):
		return msgNotSmooth.New(pt), true
	}
	return message.Message{}, false
}

// smoothAt reports whether the gradient of fn is differentiable at x, by
// estimating each second derivative from central differences of the
// gradient at two scales, d and 2d: for a smooth function they agree to
// O(d²); across a kink (abs(0), relu(0), a tie of min or max, the tip of a
// cone) the gradient jumps and the estimates differ by a factor of about 2.
// The exact Hessian of the function language is one-sided there and would
// be quoted as if the surface were a bowl.
func smoothAt(fn Objective, dims int, x []float64) bool {
	if s, ok := fn.(Smooth); ok && s.Smooth() {
		return true
	}
	f := fieldOf(fn)
	grad := func(i int, d float64) []float64 {
		p := append([]float64(nil), x...)
		p[i] += d
		return f.grad(p)
	}
	for i := 0; i < dims; i++ {
		d := 1e-6 * math.Max(1, math.Abs(x[i]))
		u1, w1, u2, w2 := grad(i, d), grad(i, -d), grad(i, 2*d), grad(i, -2*d)
		for j := 0; j < dims; j++ {
			near, far := (u1[j]-w1[j])/(2*d), (u2[j]-w2[j])/(4*d)
			if !finite(near) || !finite(far) {
				continue // a pole nearby: the Hessian decides
			}
			if math.Abs(near-far) > 0.1*math.Max(1, math.Max(math.Abs(near), math.Abs(far))) {
				return false
			}
		}
	}
	return true
}

// pole reports whether f, infinite at x, is finite right next to it (1/x
// or log at 0: the point is outside the domain), rather than overflowing
// around it too.
func pole(fn Objective, x []float64) bool {
	f := fieldOf(fn)
	for _, s := range []float64{1, -1} {
		d := s * 1e-6 * math.Max(1, norm(x))
		p := make([]float64, len(x))
		for i, xi := range x {
			p[i] = xi + d
		}
		if v := f.value(p); finite(v) {
			return true
		}
	}
	return false
}
