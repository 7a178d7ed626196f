package optimizer

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// RuleState is what makes a method what it is, at one point of its run:
// the state its rule holds after step K (before step K + 1), in data units,
// for the figure to draw at x_K and the readout to write. A zero field is
// one the method does not have.
type RuleState struct {
	K int
	// Arrow is a vector from x_K: momentum's velocity (the part of the next
	// update the buffer makes, −η·b; the book's v), Adam's −η·m̂ (where its
	// average gradient leads), Newton's next step −η(H + λI)⁻¹∇f.
	Arrow     [2]float64
	ArrowName string // the arrow in symbols: "−η·b"
	// Steps are the per-coordinate effective steps of the methods that
	// scale each coordinate by its gradient history: η/(√G + ε) (AdaGrad),
	// η/(√s + ε) (RMSProp), η/(√v̂ + ε) (Adam).
	Steps     [2]float64
	StepsName string // the steps in symbols: "η/(√G + ε)"
	// Axes are the Hessian's principal directions at x_K (unit vectors)
	// with their eigenvalues, for Newton's method; HasAxes says whether
	// they are known.
	Axes    [2][2]float64
	Eigen   [2]float64
	HasAxes bool
}

// Lines writes the state as the readout shows it, one formula per line,
// with the run's dimension (1 or 2).
func (s RuleState) Lines(dims int) []string {
	e := &explainer{dims: dims}
	var lines []string
	if s.ArrowName != "" {
		lines = append(lines, s.ArrowName+" = "+e.vec(s.Arrow[:]))
	}
	if s.StepsName != "" {
		lines = append(lines, s.StepsName+" = "+e.vec(s.Steps[:]))
	}
	if s.HasAxes {
		if dims == 1 {
			lines = append(lines, "f'' = "+num(s.Eigen[0]))
		} else {
			lines = append(lines, "H: λ₁ = "+num(s.Eigen[0])+" along "+e.vec(s.Axes[0][:])+", λ₂ = "+num(s.Eigen[1])+" along "+e.vec(s.Axes[1][:]))
		}
	}
	return lines
}

// State is the rule's state after step k (1 ≤ k < len(pts); the start, k =
// 0, for Newton's step and axes); ok is false for a step not recorded, a
// decimated run, a method without a state to show (gd), or a function of
// more than two variables (the state is drawn in the plane of x and y).
func (rp *Replayer) State(k int) (RuleState, bool) {
	if k < 0 || k >= len(rp.pts) || rp.pts[k].K != k || rp.p.F == nil || rp.p.dims() > 2 {
		return RuleState{}, false
	}
	if rp.r == nil || rp.next > k+1 {
		rp.restart()
	}
	for ; rp.next <= k; rp.next++ {
		rp.replay(rp.next)
	}
	at := rp.pts[k]
	g := rp.grad(k) // the gradient the next step uses
	at.Grad = [2]float64{}
	copy(at.Grad[:], g)
	sr, ok := rp.r.(interface {
		state(c Config, p Point, dims int) (RuleState, bool)
	})
	if !ok {
		return RuleState{}, false
	}
	st, ok := sr.state(rp.c, at, rp.p.dims())
	st.K = k
	return st, ok
}

func (r *momentumRule) state(c Config, _ Point, _ int) (RuleState, bool) {
	return RuleState{Arrow: [2]float64{-r.lr * r.b[0], -r.lr * r.b[1]}, ArrowName: "−η·b"}, r.started
}

func (r *bookMomentumRule) state(Config, Point, int) (RuleState, bool) {
	return RuleState{Arrow: r.v, ArrowName: "v"}, true
}

func (r *bookNesterovRule) state(Config, Point, int) (RuleState, bool) {
	return RuleState{Arrow: r.v, ArrowName: "v"}, true
}

// perCoordinate is η/(√acc + eps) for each coordinate; ok is false before
// the first step (acc = 0 would give η/ε).
func perCoordinate(lr, eps float64, acc [2]float64) ([2]float64, bool) {
	if acc[0] == 0 && acc[1] == 0 {
		return [2]float64{}, false
	}
	return [2]float64{lr / (math.Sqrt(acc[0]) + eps), lr / (math.Sqrt(acc[1]) + eps)}, true
}

func (r *adagradRule) state(Config, Point, int) (RuleState, bool) {
	s, ok := perCoordinate(r.lr, r.eps, r.G)
	return RuleState{Steps: s, StepsName: "η/(√G + ε)"}, ok
}

func (r *bookAdagradRule) state(Config, Point, int) (RuleState, bool) {
	s, ok := perCoordinate(r.lr, bookEps, r.h)
	return RuleState{Steps: s, StepsName: "η/(√h + 1e-7)"}, ok
}

func (r *rmspropRule) state(Config, Point, int) (RuleState, bool) {
	s, ok := perCoordinate(r.lr, r.eps, r.s)
	return RuleState{Steps: s, StepsName: "η/(√s + ε)"}, ok
}

func (r *bookRMSpropRule) state(Config, Point, int) (RuleState, bool) {
	s, ok := perCoordinate(r.lr, bookEps, r.h)
	return RuleState{Steps: s, StepsName: "η/(√h + 1e-7)"}, ok
}

// adamState is Adam's −η·m̂ and η/(√v̂ + eps) after t steps.
func adamState(lr, b1, b2, eps float64, m, v [2]float64, t int) (RuleState, bool) {
	if t == 0 {
		return RuleState{}, false
	}
	bc1, bc2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
	vh := [2]float64{v[0] / bc2, v[1] / bc2}
	steps, _ := perCoordinate(lr, eps, vh)
	return RuleState{Arrow: [2]float64{-lr * m[0] / bc1, -lr * m[1] / bc1}, ArrowName: "−η·m̂",
		Steps: steps, StepsName: "η/(√v̂ + ε)"}, true
}

func (r *adamRule) state(Config, Point, int) (RuleState, bool) {
	return adamState(r.lr, r.b1, r.b2, r.eps, r.m, r.v, r.bc.t)
}

func (r *bookAdamRule) state(Config, Point, int) (RuleState, bool) {
	return adamState(r.lr, r.b1, r.b2, bookEps, r.m, r.v, r.bc.t)
}

// state is Newton's next step from x_K and the Hessian's principal
// directions there.
func (r *newtonRule) state(c Config, p Point, dims int) (RuleState, bool) {
	st := RuleState{ArrowName: "−η(H + λI)⁻¹∇f"}
	if u0, u1, ok := r.stepAt(p.X[0], p.X[1], p.Grad[0], p.Grad[1]); ok {
		st.Arrow = [2]float64{u0, u1}
	} else {
		st.ArrowName = ""
	}
	h := r.fn.Hessian(p.X[0], p.X[1])
	if dims == 1 {
		st.Eigen[0], st.Axes[0], st.HasAxes = h[0][0], [2]float64{1, 0}, finite(h[0][0])
		return st, true
	}
	off := (h[0][1] + h[1][0]) / 2
	var es mat.EigenSym
	if finite(h[0][0]) && finite(off) && finite(h[1][1]) &&
		es.Factorize(mat.NewSymDense(2, []float64{h[0][0], off, off, h[1][1]}), true) {
		var vecs mat.Dense
		es.VectorsTo(&vecs)
		vals := es.Values(nil)
		for i := range 2 {
			st.Eigen[i] = vals[i]
			st.Axes[i] = [2]float64{vecs.At(0, i), vecs.At(1, i)}
		}
		st.HasAxes = true
	}
	return st, true
}
