package optimizer

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Worked is one step of a run written out as arithmetic, in the notation of
// the book (x₁ = x₀ − η·∇f(x₀) = (3, 2) − 0.1·(6, 4) = (2.4, 1.6)), with the
// numbers the run used. Lines are formulas: numbers and symbols, read the
// same in every language.
type Worked struct {
	K     int      // the step explained: from x_{K−1} to x_K
	Lines []string // the gradient (with its central differences when numeric), the method's state, the update
}

// Replayer replays the update rule of one run over its recorded gradients,
// so that a step can be written out with the state the rule had then. It
// moves forward step by step and starts again from the start when asked for
// an earlier step; it is not safe for concurrent use.
type Replayer struct {
	p    Problem
	c    Config
	pts  []Point
	r    rule
	next int // the step the rule is ready to take
	// With gradient noise: the run's generator, replayed in the same order,
	// and the last gradient drawn, that of point usedAt.
	noise  *rand.Rand
	used   [2]float64
	usedAt int
}

// NewReplayer is a replayer of the run of config c on p that recorded pts
// (every step, k = 0, 1, …; a decimated run cannot be replayed).
func NewReplayer(p Problem, c Config, pts []Point) *Replayer {
	return &Replayer{p: p, c: c.withDefaults(p.dims()), pts: pts}
}

// Explain writes out step k (1 ≤ k < len(pts)); ok is false for step 0, a
// step not recorded, or a decimated run.
func (rp *Replayer) Explain(k int) (Worked, bool) {
	if k < 1 || k >= len(rp.pts) || rp.pts[k].K != k || rp.p.F == nil {
		return Worked{}, false
	}
	if rp.r == nil || rp.next > k {
		rp.restart()
	}
	for ; rp.next < k; rp.next++ {
		rp.replay(rp.next)
	}
	e := &explainer{dims: rp.p.dims(), k: k, c: rp.c, prev: rp.pts[k-1], at: rp.pts[k], grad: rp.pts[k-1].Grad}
	e.prev.Grad = rp.grad(k - 1)
	rp.setRate(k)
	lines := e.gradient(rp.p.F)
	lines = append(lines, e.rate(rp.p.F)...)
	lines = append(lines, explainRule(rp.r, e)...)
	rp.replay(k)
	rp.next = k + 1
	return Worked{K: k, Lines: lines}, true
}

// replay takes step k of the rule with the rate and the gradient the run
// used.
func (rp *Replayer) replay(k int) {
	rp.setRate(k)
	g := rp.grad(k - 1)
	rp.r.step(g[0], g[1])
}

// restart builds the rule afresh, before step 1, with the noise generator
// at its start.
func (rp *Replayer) restart() {
	rp.r, rp.next, rp.usedAt = newRule(rp.c, rp.p.F), 1, -1
	if rp.c.Noise > 0 {
		rp.noise = newNoise(rp.c.Seed)
	}
}

// grad is the gradient the step from point k used: its recorded gradient,
// with the run's noise drawn as the run drew it (k must follow the last
// point asked for, or repeat it).
func (rp *Replayer) grad(k int) [2]float64 {
	if rp.noise == nil {
		return rp.pts[k].Grad
	}
	if rp.usedAt != k {
		rp.used, rp.usedAt = noisy(rp.pts[k].Grad, rp.c.Noise, rp.noise, rp.p.dims() == 1), k
	}
	return rp.used
}

// setRate gives the rule the rate step k used, where a schedule or a line
// search changed it.
func (rp *Replayer) setRate(k int) {
	if !rp.c.plain() && rp.pts[k].LR > 0 {
		rp.r.setLR(rp.pts[k].LR)
	}
}

// explainer holds what every method's lines need: prev's gradient is the
// one the step used (noisy with Config.Noise), grad the true one.
type explainer struct {
	dims     int
	k        int
	c        Config
	prev, at Point
	grad     [2]float64
}

// vec writes a vector as the run's dimension reads it: "(3, 2)" or "3".
func (e *explainer) vec(v [2]float64) string {
	if e.dims == 1 {
		return num(v[0])
	}
	return "(" + num(v[0]) + ", " + num(v[1]) + ")"
}

// x is xₖ with subscript k.
func (e *explainer) x(k int) string { return "x" + sub(k) }

// gradient is the line of the gradient at x_{k−1}, with the central
// differences of a numeric gradient written out coordinate by coordinate.
func (e *explainer) gradient(fn Objective) []string {
	g, x := e.grad, e.prev.X
	head := "∇f(" + e.x(e.k-1) + ") = ∇f" + e.vec(x)
	if e.c.Gradient != Numeric {
		return append([]string{head + " = " + e.vec(g)}, e.noise(g)...)
	}
	h := e.c.H
	names := [2]string{"∂f/∂x", "∂f/∂y"}
	var lines []string
	for i := 0; i < e.dims; i++ {
		up, down := x, x
		up[i] += h
		down[i] -= h
		fu, fd := fn.Value(up[0], up[1]), fn.Value(down[0], down[1])
		lines = append(lines, names[i]+" ≈ (f"+e.vec(up)+" − f"+e.vec(down)+") / 2h = ("+
			num(fu)+" − "+num(fd)+") / "+num(2*h)+" = "+num(g[i]))
	}
	lines = append(lines, head+" ≈ "+e.vec(g)+"   (h = "+num(h)+")")
	return append(lines, e.noise(g)...)
}

// update is the last line: x_k = x_{k−1} <op> <what> = x_k.
func (e *explainer) update(formula, numbers string) string {
	return e.x(e.k) + " = " + e.x(e.k-1) + formula + " = " + e.vec(e.prev.X) + numbers + " = " + e.vec(e.at.X)
}

// explainRule writes out the state and the update of rule r before it
// takes step e.k; a rule without lines of its own shows the update.
func explainRule(r rule, e *explainer) []string {
	if w, ok := r.(interface{ explain(e *explainer) []string }); ok {
		return w.explain(e)
	}
	return []string{e.update(" + Δx", " + "+e.vec(e.at.Update))}
}

func (r *gdRule) explain(e *explainer) []string {
	g := e.vec(e.prev.Grad)
	if r.maximize {
		return []string{e.update(" + η·∇f", " + "+num(r.lr)+"·"+g)}
	}
	if e.c.LineSearch == Armijo {
		return []string{e.update(" − α·∇f", " − "+num(r.lr)+"·"+g)}
	}
	return []string{e.update(" − η·∇f", " − "+num(r.lr)+"·"+g)}
}

func (r *momentumRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	b := "b" + sub(e.k)
	var lines []string
	if !r.started {
		lines = append(lines, b+" = ∇f = "+e.vec(next.b))
	} else {
		lines = append(lines, b+" = μ·b"+sub(e.k-1)+" + (1 − τ)·∇f = "+num(r.mu)+"·"+e.vec(r.b)+" + "+num(r.damp)+"·"+e.vec(g)+" = "+e.vec(next.b))
	}
	if r.nesterov {
		return append(lines, e.update(" − η·(∇f + μ·"+b+")", " − "+num(r.lr)+"·("+e.vec(g)+" + "+num(r.mu)+"·"+e.vec(next.b)+")"))
	}
	return append(lines, e.update(" − η·"+b, " − "+num(r.lr)+"·"+e.vec(next.b)))
}

func (r *adagradRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	G := "G" + sub(e.k)
	return []string{
		G + " = G" + sub(e.k-1) + " + ∇f² = " + e.vec(r.G) + " + " + e.vec(sq(g)) + " = " + e.vec(next.G),
		e.scaled(r.lr, G, next.G, "ε", num(r.eps)),
	}
}

func (r *rmspropRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	s := "s" + sub(e.k)
	return []string{
		s + " = α·s" + sub(e.k-1) + " + (1 − α)·∇f² = " + num(r.alpha) + "·" + e.vec(r.s) + " + " + num(1-r.alpha) + "·" + e.vec(sq(g)) + " = " + e.vec(next.s),
		e.scaled(r.lr, s, next.s, "ε", num(r.eps)),
	}
}

func (r *adamRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	t := float64(next.bc.t)
	bc1, bc2 := 1-math.Pow(r.b1, t), 1-math.Pow(r.b2, t)
	mh := [2]float64{next.m[0] / bc1, next.m[1] / bc1}
	vh := [2]float64{next.v[0] / bc2, next.v[1] / bc2}
	k := sub(e.k)
	return []string{
		"m" + k + " = β1·m" + sub(e.k-1) + " + (1 − β1)·∇f = " + num(r.b1) + "·" + e.vec(r.m) + " + " + num(1-r.b1) + "·" + e.vec(g) + " = " + e.vec(next.m),
		"v" + k + " = β2·v" + sub(e.k-1) + " + (1 − β2)·∇f² = " + num(r.b2) + "·" + e.vec(r.v) + " + " + num(1-r.b2) + "·" + e.vec(sq(g)) + " = " + e.vec(next.v),
		"m̂ = m" + k + " / (1 − β1^" + strconv.Itoa(next.bc.t) + ") = " + e.vec(next.m) + " / " + num(bc1) + " = " + e.vec(mh),
		"v̂ = v" + k + " / (1 − β2^" + strconv.Itoa(next.bc.t) + ") = " + e.vec(next.v) + " / " + num(bc2) + " = " + e.vec(vh),
		e.update(" − η·m̂ / (√v̂ + ε)", " − "+num(r.lr)+"·"+e.vec(mh)+" / ("+e.vec(sqrt(vh))+" + "+num(r.eps)+")"),
	}
}

// scaled is the update of a method that divides the gradient by the root
// of an accumulator: x_k = x_{k−1} − η·∇f / (√acc + eps), with acc's new
// value next and eps written as sym in the formula and as value in numbers.
func (e *explainer) scaled(lr float64, acc string, next [2]float64, sym, value string) string {
	return e.update(" − η·∇f / (√"+acc+" + "+sym+")",
		" − "+num(lr)+"·"+e.vec(e.prev.Grad)+" / ("+e.vec(sqrt(next))+" + "+value+")")
}

func sq(v [2]float64) [2]float64   { return [2]float64{v[0] * v[0], v[1] * v[1]} }
func sqrt(v [2]float64) [2]float64 { return [2]float64{math.Sqrt(v[0]), math.Sqrt(v[1])} }

// num writes a number of a worked step with up to 6 significant digits.
func num(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// sub writes k in subscript digits: x₁₂.
func sub(k int) string {
	const digits = "₀₁₂₃₄₅₆₇₈₉"
	s := strconv.Itoa(k)
	var b strings.Builder
	for _, c := range s {
		if c == '-' {
			b.WriteString("₋")
			continue
		}
		b.WriteString(string([]rune(digits)[c-'0']))
	}
	return b.String()
}

func (r *bookMomentumRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	v := "v" + sub(e.k)
	return []string{
		v + " = μ·v" + sub(e.k-1) + " − η·∇f = " + num(r.mu) + "·" + e.vec(r.v) + " − " + num(r.lr) + "·" + e.vec(g) + " = " + e.vec(next.v),
		e.update(" + "+v, " + "+e.vec(next.v)),
	}
}

func (r *bookNesterovRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	v := "v" + sub(e.k)
	return []string{
		v + " = μ·v" + sub(e.k-1) + " − η·∇f = " + num(r.mu) + "·" + e.vec(r.v) + " − " + num(r.lr) + "·" + e.vec(g) + " = " + e.vec(next.v),
		e.update(" + μ²·"+v+" − (1 + μ)·η·∇f", " + "+num(r.mu2)+"·"+e.vec(next.v)+" − "+num(r.lg)+"·"+e.vec(g)),
	}
}

func (r *bookAdagradRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	h := "h" + sub(e.k)
	return []string{
		h + " = h" + sub(e.k-1) + " + ∇f² = " + e.vec(r.h) + " + " + e.vec(sq(g)) + " = " + e.vec(next.h),
		e.scaled(r.lr, h, next.h, "1e-7", "1e-7"),
	}
}

func (r *bookRMSpropRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	h := "h" + sub(e.k)
	return []string{
		h + " = ρ·h" + sub(e.k-1) + " + (1 − ρ)·∇f² = " + num(r.rho) + "·" + e.vec(r.h) + " + " + num(1-r.rho) + "·" + e.vec(sq(g)) + " = " + e.vec(next.h),
		e.scaled(r.lr, h, next.h, "1e-7", "1e-7"),
	}
}

func (r *bookAdamRule) explain(e *explainer) []string {
	g := e.prev.Grad
	next := *r
	next.step(g[0], g[1])
	t := strconv.Itoa(next.bc.t)
	lrt := r.lr * math.Sqrt(1-math.Pow(r.b2, float64(next.bc.t))) / (1 - math.Pow(r.b1, float64(next.bc.t)))
	k := sub(e.k)
	return []string{
		"η" + k + " = η·√(1 − β2^" + t + ") / (1 − β1^" + t + ") = " + num(lrt),
		"m" + k + " = m" + sub(e.k-1) + " + (1 − β1)·(∇f − m" + sub(e.k-1) + ") = " + e.vec(next.m),
		"v" + k + " = v" + sub(e.k-1) + " + (1 − β2)·(∇f² − v" + sub(e.k-1) + ") = " + e.vec(next.v),
		e.update(" − η"+k+"·m"+k+" / (√v"+k+" + 1e-7)", " − "+num(lrt)+"·"+e.vec(next.m)+" / ("+e.vec(sqrt(next.v))+" + 1e-7)"),
	}
}

// explain writes Newton's step: the Hessian at x_{k−1} (damped when λ > 0),
// the solve Δ = (H + λI)⁻¹∇f and the update x_k = x_{k−1} − η·Δ.
func (r *newtonRule) explain(e *explainer) []string {
	x, g := e.prev.X, e.prev.Grad
	h := r.fn.Hessian(x[0], x[1])
	a, b, d := r.damped(x[0], x[1])
	hk := "H(" + e.x(e.k-1) + ")"
	var lines []string
	if e.dims == 1 {
		lines = append(lines, hk+" = f''"+"("+e.x(e.k-1)+") = "+num(h[0][0]))
		if r.lambda != 0 {
			lines = append(lines, "H + λ = "+num(h[0][0])+" + "+num(r.lambda)+" = "+num(a))
		}
	} else {
		lines = append(lines, hk+" = "+mat2(h[0][0], h[0][1], h[1][0], h[1][1]))
		if r.lambda != 0 {
			lines = append(lines, "H + λI = "+mat2(a, b, b, d))
		}
	}
	s, ok := r.solve(x[0], x[1], g[0], g[1])
	if !ok {
		return append(lines, "det(H + λI) = 0: no Newton step")
	}
	lines = append(lines, "Δ = (H + λI)⁻¹·∇f = "+e.vec(s))
	return append(lines, e.update(" − η·Δ", " − "+num(r.lr)+"·"+e.vec(s)))
}

// mat2 writes a 2×2 matrix row by row: [[a, b], [c, d]].
func mat2(a, b, c, d float64) string {
	return "[[" + num(a) + ", " + num(b) + "], [" + num(c) + ", " + num(d) + "]]"
}
