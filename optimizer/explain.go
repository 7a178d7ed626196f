package optimizer

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"gdlab/message"
)

// Worked is one step of a run written out as arithmetic, in the notation of
// the book (x₁ = x₀ − η·∇f(x₀) = (3, 2) − 0.1·(6, 4) = (2.4, 1.6)), with the
// numbers the run used. Lines are formulas: numbers and symbols, read the
// same in every language.
type Worked struct {
	K     int      // the step explained: from x_{K−1} to x_K
	Lines []string // the gradient (with its central differences when numeric), the method's state, the update
	// Notes are the words some lines end with, as messages: the
	// mini-batch a gradient is of. Lines holds them in English; In writes
	// them in another language.
	Notes []Note
}

// Note is the words a line of a worked step ends with, after its formula:
// Lines[Line] is Formula + "   (" + Text + ")".
type Note struct {
	Line    int
	Formula string
	Text    message.Message
}

// In is w with its notes in the language of tr (nil: English, as Lines).
func (w Worked) In(tr message.Translator) Worked {
	if len(w.Notes) == 0 {
		return w
	}
	w.Lines = slices.Clone(w.Lines)
	for _, n := range w.Notes {
		w.Lines[n.Line] = n.noted(tr)
	}
	return w
}

// noted is the note's line in the language of tr.
func (n Note) noted(tr message.Translator) string {
	return n.Formula + "   (" + n.Text.Render(tr) + ")"
}

// RowSampler is a Sampler whose samples are rows of a data set (a model's
// mini-batches): the worked step of a run names the rows of its update.
type RowSampler interface {
	Sampler
	// SampleRows is the sample of update k (1, 2, …); its Rows may be
	// the sampler's own: read them before the next call.
	SampleRows(k int) Sample
}

// Sample is the rows of a data set one update learns from.
type Sample struct {
	Rows  []int // indices into the data, from 0, in the order summed
	Of    int   // the rows of the data
	Epoch int   // the pass over the data it is of, from 1
	Batch int   // its place in the epoch, from 1
}

// Replayer replays the update rule of one run over its recorded gradients
// (for a run learning from mini-batches, over its batches' gradients,
// asked afresh of the objective's sampler), so that a step can be written
// out with the state the rule had then. It moves forward step by step and
// starts again from the start when asked for an earlier step; it is not
// safe for concurrent use.
type Replayer struct {
	p    Problem
	c    Config
	pts  []Point
	r    rule
	next int // the step the rule is ready to take
	// With gradient noise: the run's generator, replayed in the same order.
	noise *rand.Rand
	// With mini-batches: the run's batches, asked in the same order.
	sampler Sampler
	// The last gradient the rule was given, that of the step from point
	// usedAt: clean before the noise, used after it.
	clean, used []float64
	usedAt      int
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
	d := rp.p.dims()
	prev, at := rp.pts[k-1], rp.pts[k]
	e := &explainer{dims: d, k: k, c: rp.c, prevF: prev.F, atLR: at.LR, evals: at.Evals,
		xp: prev.Pos(d), xk: at.Pos(d), upd: at.UpdateVec(d)}
	e.used = rp.grad(k - 1)
	e.grad = slices.Clone(rp.clean)
	w := Worked{K: k}
	rp.setRate(k)
	if rp.sampler != nil {
		formula, note := e.batchGradient(rp.sampler, k)
		w.Notes = []Note{{Line: 0, Formula: formula, Text: note}}
		w.Lines = append([]string{w.Notes[0].noted(nil)}, e.noise()...)
	} else {
		w.Lines = e.gradient(rp.p.F)
	}
	rest := append(e.rate(rp.p.F), explainRule(rp.r, e)...)
	if g := e.usedSymbol(); g != "∇f" { // the rules write the gradient they are given as ∇f
		for i, l := range rest {
			rest[i] = strings.ReplaceAll(l, "∇f", g)
		}
	}
	w.Lines = append(w.Lines, rest...)
	rp.replay(k)
	rp.next = k + 1
	return w, true
}

// replay takes step k of the rule with the rate and the gradient the run
// used.
func (rp *Replayer) replay(k int) {
	rp.setRate(k)
	stepVec(rp.r, rp.grad(k-1))
}

// stepVec takes a step of rule r with the gradient g of any dimension and
// returns the update: step in 1 and 2 dimensions, stepN beyond.
func stepVec(r rule, g []float64) []float64 {
	if len(g) > 2 {
		u := make([]float64, len(g))
		r.stepN(g, u)
		return u
	}
	var g1 float64
	if len(g) > 1 {
		g1 = g[1]
	}
	u0, u1 := r.step(g[0], g1)
	return []float64{u0, u1}[:len(g)]
}

// restart builds the rule afresh, before step 1, with the noise generator
// and the mini-batches at their start.
func (rp *Replayer) restart() {
	rp.r, rp.next, rp.usedAt = newRule(rp.c, rp.p.F), 1, -1
	if rp.c.Noise > 0 {
		rp.noise = newNoise(rp.c.Seed)
	}
	rp.sampler = SamplerOf(rp.p.F, rp.c)
}

// grad is the gradient the step from point k used: its recorded gradient,
// or with mini-batches the gradient at x_k of the batch of update k + 1;
// then the run's noise drawn as the run drew it (one deviate per
// coordinate, in order; k must follow the last point asked for, or repeat
// it).
func (rp *Replayer) grad(k int) []float64 {
	if rp.usedAt != k {
		d := rp.p.dims()
		var g []float64
		if rp.sampler != nil {
			g = make([]float64, d)
			rp.sampler.GradN(k+1, rp.pts[k].Pos(d), g)
		} else {
			g = rp.pts[k].GradVec(d)
		}
		rp.clean = slices.Clone(g)
		if rp.noise != nil {
			for i := range g {
				g[i] += rp.c.Noise * rp.noise.NormFloat64()
			}
		}
		rp.used, rp.usedAt = g, k
	}
	return slices.Clone(rp.used)
}

// setRate gives the rule the rate step k used, where a schedule or a line
// search changed it.
func (rp *Replayer) setRate(k int) {
	if !rp.c.plain() && rp.pts[k].LR > 0 {
		rp.r.setLR(rp.pts[k].LR)
	}
}

// explainer holds what every method's lines need, as vectors of the run's
// dimension: the point x_{k−1} with its true gradient grad (its
// mini-batch's when batched) and the gradient the step used (noisy with
// Config.Noise), and the point x_k the update reached.
type explainer struct {
	dims    int
	batched bool
	k       int
	c       Config
	xp, xk  []float64
	grad    []float64
	used    []float64
	upd     []float64
	prevF   float64
	atLR    float64
	evals   [2]int32
}

// usedSymbol is the name of the gradient the update used: ∇f, the noisy g
// of the noise's line, or the mini-batch's ∇f_B.
func (e *explainer) usedSymbol() string {
	switch {
	case e.c.Noise > 0:
		return "g"
	case e.batched:
		return "∇f_B"
	}
	return "∇f"
}

// vec writes a vector as the run's dimension reads it: "3" or "(3, 2, 1)".
func (e *explainer) vec(v []float64) string {
	if e.dims == 1 {
		return num(v[0])
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = num(x)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// pick is a rule's state as a vector of the run's dimension: the array v
// in one and two dimensions, vn beyond (zeros before its first step); a
// copy.
func (e *explainer) pick(v [2]float64, vn []float64) []float64 {
	if e.dims > 2 {
		if vn == nil {
			return make([]float64, e.dims)
		}
		return slices.Clone(vn)
	}
	return slices.Clone(v[:e.dims])
}

// x is xₖ with subscript k.
func (e *explainer) x(k int) string { return "x" + sub(k) }

// gradient is the line of the gradient at x_{k−1}, with the central
// differences of a numeric gradient written out coordinate by coordinate.
func (e *explainer) gradient(fn Objective) []string {
	g, x := e.grad, e.xp
	head := "∇f(" + e.x(e.k-1) + ") = ∇f" + e.vec(x)
	if e.c.Gradient != Numeric {
		return append([]string{head + " = " + e.vec(g)}, e.noise()...)
	}
	h, f := e.c.H, fieldOf(fn)
	var lines []string
	for i := 0; i < e.dims; i++ {
		up, down := slices.Clone(x), slices.Clone(x)
		up[i] += h
		down[i] -= h
		lines = append(lines, partialName(i, e.dims)+" ≈ (f"+e.vec(up)+" − f"+e.vec(down)+") / 2h = ("+
			num(f.value(up))+" − "+num(f.value(down))+") / "+num(2*h)+" = "+num(g[i]))
	}
	lines = append(lines, head+" ≈ "+e.vec(g)+"   (h = "+num(h)+")")
	return append(lines, e.noise()...)
}

// partialName is the name of the partial derivative along coordinate i of
// a function of dims variables: ∂f/∂x, ∂f/∂y, or ∂f/∂x[i].
func partialName(i, dims int) string {
	if dims <= 2 {
		return [2]string{"∂f/∂x", "∂f/∂y"}[i]
	}
	return "∂f/∂x[" + strconv.Itoa(i) + "]"
}

// update is the last line: x_k = x_{k−1} <op> <what> = x_k.
func (e *explainer) update(formula, numbers string) string {
	return e.x(e.k) + " = " + e.x(e.k-1) + formula + " = " + e.vec(e.xp) + numbers + " = " + e.vec(e.xk)
}

// explainRule writes out the state and the update of rule r before it
// takes step e.k; a rule without lines of its own shows the update.
func explainRule(r rule, e *explainer) []string {
	if w, ok := r.(interface{ explain(e *explainer) []string }); ok {
		return w.explain(e)
	}
	return []string{e.update(" + Δx", " + "+e.vec(e.upd))}
}

func (r *gdRule) explain(e *explainer) []string {
	g := e.vec(e.used)
	if r.maximize {
		return []string{e.update(" + η·∇f", " + "+num(r.lr)+"·"+g)}
	}
	if e.c.LineSearch == Armijo {
		return []string{e.update(" − α·∇f", " − "+num(r.lr)+"·"+g)}
	}
	return []string{e.update(" − η·∇f", " − "+num(r.lr)+"·"+g)}
}

func (r *momentumRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.bn = slices.Clone(r.bn)
	stepVec(&next, g)
	b, bNext := "b"+sub(e.k), e.vec(e.pick(next.b, next.bn))
	var lines []string
	if !r.started {
		lines = append(lines, b+" = ∇f = "+bNext)
	} else {
		lines = append(lines, b+" = μ·b"+sub(e.k-1)+" + (1 − τ)·∇f = "+num(r.mu)+"·"+e.vec(e.pick(r.b, r.bn))+" + "+num(r.damp)+"·"+e.vec(g)+" = "+bNext)
	}
	if r.nesterov {
		return append(lines, e.update(" − η·(∇f + μ·"+b+")", " − "+num(r.lr)+"·("+e.vec(g)+" + "+num(r.mu)+"·"+bNext+")"))
	}
	return append(lines, e.update(" − η·"+b, " − "+num(r.lr)+"·"+bNext))
}

func (r *adagradRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.Gn = slices.Clone(r.Gn)
	stepVec(&next, g)
	G, after := "G"+sub(e.k), e.pick(next.G, next.Gn)
	return []string{
		G + " = G" + sub(e.k-1) + " + ∇f² = " + e.vec(e.pick(r.G, r.Gn)) + " + " + e.vec(sq(g)) + " = " + e.vec(after),
		e.scaled(r.lr, G, after, "ε", num(r.eps)),
	}
}

func (r *rmspropRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.sn = slices.Clone(r.sn)
	stepVec(&next, g)
	s, after := "s"+sub(e.k), e.pick(next.s, next.sn)
	return []string{
		s + " = α·s" + sub(e.k-1) + " + (1 − α)·∇f² = " + num(r.alpha) + "·" + e.vec(e.pick(r.s, r.sn)) + " + " + num(1-r.alpha) + "·" + e.vec(sq(g)) + " = " + e.vec(after),
		e.scaled(r.lr, s, after, "ε", num(r.eps)),
	}
}

func (r *adamRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.mn, next.vn = slices.Clone(r.mn), slices.Clone(r.vn)
	stepVec(&next, g)
	t := float64(next.bc.t)
	bc1, bc2 := 1-math.Pow(r.b1, t), 1-math.Pow(r.b2, t)
	m, v := e.pick(next.m, next.mn), e.pick(next.v, next.vn)
	mh := mapVec(m, func(x float64) float64 { return x / bc1 })
	vh := mapVec(v, func(x float64) float64 { return x / bc2 })
	k := sub(e.k)
	return []string{
		"m" + k + " = β1·m" + sub(e.k-1) + " + (1 − β1)·∇f = " + num(r.b1) + "·" + e.vec(e.pick(r.m, r.mn)) + " + " + num(1-r.b1) + "·" + e.vec(g) + " = " + e.vec(m),
		"v" + k + " = β2·v" + sub(e.k-1) + " + (1 − β2)·∇f² = " + num(r.b2) + "·" + e.vec(e.pick(r.v, r.vn)) + " + " + num(1-r.b2) + "·" + e.vec(sq(g)) + " = " + e.vec(v),
		"m̂ = m" + k + " / (1 − β1^" + strconv.Itoa(next.bc.t) + ") = " + e.vec(m) + " / " + num(bc1) + " = " + e.vec(mh),
		"v̂ = v" + k + " / (1 − β2^" + strconv.Itoa(next.bc.t) + ") = " + e.vec(v) + " / " + num(bc2) + " = " + e.vec(vh),
		e.update(" − η·m̂ / (√v̂ + ε)", " − "+num(r.lr)+"·"+e.vec(mh)+" / ("+e.vec(sqrt(vh))+" + "+num(r.eps)+")"),
	}
}

// scaled is the update of a method that divides the gradient by the root
// of an accumulator: x_k = x_{k−1} − η·∇f / (√acc + eps), with acc's new
// value next and eps written as sym in the formula and as value in numbers.
func (e *explainer) scaled(lr float64, acc string, next []float64, sym, value string) string {
	return e.update(" − η·∇f / (√"+acc+" + "+sym+")",
		" − "+num(lr)+"·"+e.vec(e.used)+" / ("+e.vec(sqrt(next))+" + "+value+")")
}

// sq, sqrt and scaled are v², √v and a·v, entry by entry (new slices).
func sq(v []float64) []float64   { return mapVec(v, func(x float64) float64 { return x * x }) }
func sqrt(v []float64) []float64 { return mapVec(v, math.Sqrt) }
func scaled(v []float64, a float64) []float64 {
	return mapVec(v, func(x float64) float64 { return a * x })
}

// mapVec is f applied to every entry of v.
func mapVec(v []float64, f func(float64) float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = f(x)
	}
	return out
}

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
	g := e.used
	next := *r
	next.vn = slices.Clone(r.vn)
	stepVec(&next, g)
	v, after := "v"+sub(e.k), e.vec(e.pick(next.v, next.vn))
	return []string{
		v + " = μ·v" + sub(e.k-1) + " − η·∇f = " + num(r.mu) + "·" + e.vec(e.pick(r.v, r.vn)) + " − " + num(r.lr) + "·" + e.vec(g) + " = " + after,
		e.update(" + "+v, " + "+after),
	}
}

func (r *bookNesterovRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.vn = slices.Clone(r.vn)
	stepVec(&next, g)
	v, after := "v"+sub(e.k), e.vec(e.pick(next.v, next.vn))
	return []string{
		v + " = μ·v" + sub(e.k-1) + " − η·∇f = " + num(r.mu) + "·" + e.vec(e.pick(r.v, r.vn)) + " − " + num(r.lr) + "·" + e.vec(g) + " = " + after,
		e.update(" + μ²·"+v+" − (1 + μ)·η·∇f", " + "+num(r.mu2)+"·"+after+" − "+num(r.lg)+"·"+e.vec(g)),
	}
}

func (r *bookAdagradRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.hn = slices.Clone(r.hn)
	stepVec(&next, g)
	h, after := "h"+sub(e.k), e.pick(next.h, next.hn)
	return []string{
		h + " = h" + sub(e.k-1) + " + ∇f² = " + e.vec(e.pick(r.h, r.hn)) + " + " + e.vec(sq(g)) + " = " + e.vec(after),
		e.scaled(r.lr, h, after, "1e-7", "1e-7"),
	}
}

func (r *bookRMSpropRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.hn = slices.Clone(r.hn)
	stepVec(&next, g)
	h, after := "h"+sub(e.k), e.pick(next.h, next.hn)
	return []string{
		h + " = ρ·h" + sub(e.k-1) + " + (1 − ρ)·∇f² = " + num(r.rho) + "·" + e.vec(e.pick(r.h, r.hn)) + " + " + num(1-r.rho) + "·" + e.vec(sq(g)) + " = " + e.vec(after),
		e.scaled(r.lr, h, after, "1e-7", "1e-7"),
	}
}

func (r *bookAdamRule) explain(e *explainer) []string {
	g := e.used
	next := *r
	next.mn, next.vn = slices.Clone(r.mn), slices.Clone(r.vn)
	stepVec(&next, g)
	t := strconv.Itoa(next.bc.t)
	lrt := r.lr * math.Sqrt(1-math.Pow(r.b2, float64(next.bc.t))) / (1 - math.Pow(r.b1, float64(next.bc.t)))
	k := sub(e.k)
	m, v := e.pick(next.m, next.mn), e.pick(next.v, next.vn)
	return []string{
		"η" + k + " = η·√(1 − β2^" + t + ") / (1 − β1^" + t + ") = " + num(lrt),
		"m" + k + " = m" + sub(e.k-1) + " + (1 − β1)·(∇f − m" + sub(e.k-1) + ") = " + e.vec(m),
		"v" + k + " = v" + sub(e.k-1) + " + (1 − β2)·(∇f² − v" + sub(e.k-1) + ") = " + e.vec(v),
		e.update(" − η"+k+"·m"+k+" / (√v"+k+" + 1e-7)", " − "+num(lrt)+"·"+e.vec(m)+" / ("+e.vec(sqrt(v))+" + 1e-7)"),
	}
}

// explain writes Newton's step: the Hessian at x_{k−1} (damped when λ > 0),
// the solve Δ = (H + λI)⁻¹∇f and the update x_k = x_{k−1} − η·Δ.
func (r *newtonRule) explain(e *explainer) []string {
	x, g, n := e.xp, e.used, e.dims
	h := fieldOf(r.fn).hessian(x)
	hk := "H(" + e.x(e.k-1) + ")"
	var lines []string
	if n == 1 {
		lines = append(lines, hk+" = f''"+"("+e.x(e.k-1)+") = "+num(h[0]))
		if r.lambda != 0 {
			lines = append(lines, "H + λ = "+num(h[0])+" + "+num(r.lambda)+" = "+num(h[0]+r.lambda))
		}
	} else {
		lines = append(lines, hk+" = "+matrix(h, n))
		if r.lambda != 0 {
			for i := range n {
				h[i*n+i] += r.lambda
			}
			lines = append(lines, "H + λI = "+matrix(h, n))
		}
	}
	u := make([]float64, n)
	ok := true
	if n > 2 {
		ok = r.stepAtN(x, g, u)
	} else {
		var y, gy float64
		if n == 2 {
			y, gy = x[1], g[1]
		}
		u[0], y, ok = r.stepAt(x[0], y, g[0], gy)
		if n == 2 {
			u[1] = y
		}
	}
	if !ok {
		return append(lines, "det(H + λI) = 0: no Newton step")
	}
	s := scaled(u, -1/r.lr)
	lines = append(lines, "Δ = (H + λI)⁻¹·∇f = "+e.vec(s))
	return append(lines, e.update(" − η·Δ", " − "+num(r.lr)+"·"+e.vec(s)))
}

// matrix writes an n×n matrix (row by row in h) as [[a, b], [c, d]].
func matrix(h []float64, n int) string {
	rows := make([]string, n)
	for i := range n {
		parts := make([]string, n)
		for j := range n {
			parts[j] = num(h[i*n+j])
		}
		rows[i] = "[" + strings.Join(parts, ", ") + "]"
	}
	return "[" + strings.Join(rows, ", ") + "]"
}
