package optimizer

import (
	"math"
	"strconv"
)

// noise is the line of the noisy gradient the update used, g = ∇f + ξ with
// ξ ~ N(0, σ²I), when the run has noise; g is the true gradient (of the
// mini-batch, ∇f_B, when the run learns from mini-batches).
func (e *explainer) noise() []string {
	if e.c.Noise == 0 {
		return nil
	}
	grad := "∇f"
	if e.batched {
		grad = "∇f_B"
	}
	xi := make([]float64, len(e.used))
	for i := range xi {
		xi[i] = e.used[i] - e.grad[i]
	}
	return []string{"g = " + grad + " + ξ = " + e.vec(e.grad) + " + " + e.vec(xi) + " = " + e.vec(e.used) +
		"   (ξ ~ N(0, σ²I), σ = " + num(e.c.Noise) + ")"}
}

// rate is the line of the step's learning rate where a schedule sets it,
// and of the step size the Armijo line search took.
func (e *explainer) rate(fn Objective) []string {
	var lines []string
	eta := e.c.LR
	if !e.c.Schedule.IsConstant() {
		eta = e.c.Schedule.Rate(e.c.LR, e.k-1)
		lines = append(lines, "η"+sub(e.k)+" = "+e.scheduleFormula()+" = "+num(eta))
	}
	if e.c.LineSearch == Armijo {
		lines = append(lines, e.armijo(fn, eta))
	}
	return lines
}

// scheduleFormula is the schedule's closed form at epoch e = k − 1, in
// symbols and then in numbers.
func (e *explainer) scheduleFormula() string {
	s, ep, lr := e.c.Schedule, e.k-1, num(e.c.LR)
	if ep < s.Warmup {
		return "η·(e + 1)/N = " + lr + "·" + strconv.Itoa(ep+1) + "/" + strconv.Itoa(s.Warmup)
	}
	ep -= s.Warmup
	es := strconv.Itoa(ep)
	switch s.Kind {
	case StepDecay:
		return "η·G^⌊e/S⌋ = " + lr + "·" + num(s.Gamma) + "^⌊" + es + "/" + strconv.Itoa(s.StepSize) + "⌋"
	case ExpDecay:
		return "η·Gᵉ = " + lr + "·" + num(s.Gamma) + "^" + es
	case Cosine:
		return "MIN + (η − MIN)·(1 + cos(πe/T))/2 = " + num(s.MinLR) + " + (" + lr + " − " + num(s.MinLR) +
			")·(1 + cos(π·" + es + "/" + strconv.Itoa(s.TMax) + "))/2"
	case InvSqrt:
		return "η/√(1 + e) = " + lr + "/√" + strconv.Itoa(1+ep)
	}
	return lr
}

// armijo is the line of the line search: the step size α = η·2⁻ʲ taken
// and the sufficient-decrease test it passed.
func (e *explainer) armijo(fn Objective, eta float64) string {
	alpha, g, x := e.atLR, e.used, e.xp
	j := int(math.Round(math.Log2(eta / alpha)))
	trial := make([]float64, len(x))
	for i := range x {
		trial[i] = x[i] - alpha*g[i]
	}
	gg, fNew := dot(g, g), fieldOf(fn).value(trial)
	return "α" + sub(e.k) + " = η·2^−" + strconv.Itoa(j) + " = " + num(eta) + "·2^−" + strconv.Itoa(j) + " = " + num(alpha) +
		": f(x − α·∇f) = " + num(fNew) + " ≤ f(x) − c·α·‖∇f‖² = " + num(e.prevF-ArmijoC*alpha*gg) + "   (c = " + num(ArmijoC) + ")"
}
