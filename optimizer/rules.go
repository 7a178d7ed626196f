package optimizer

import "math"

// rule is the state of one method's update rule: it computes the update u
// (so that x ← x + u) from the gradient g and advances its state. The
// arithmetic follows torch.optim's single-tensor implementations operation
// by operation, so results agree with PyTorch's float64 runs to the last few
// bits.
type rule interface {
	step(g0, g1 float64) (u0, u1 float64)
	// stepN is step in n dimensions: it stores in u the update from the
	// gradient g (len(u) = len(g) = n > 2). A run calls either step or
	// stepN, never both; both share the rule's per-coordinate arithmetic.
	stepN(g, u []float64)
	// setLR sets the learning rate of the next steps: a schedule or a line
	// search changes it before each step, as torch's schedulers change the
	// param group's lr (the rule's state is kept).
	setLR(lr float64)
}

// gdRule is x ← x − ηg; with maximize, torch negates g first: x ← x + ηg.
type gdRule struct {
	lr       float64
	maximize bool
}

func (r *gdRule) step(g0, g1 float64) (float64, float64) { return r.coord(g0), r.coord(g1) }

func (r *gdRule) stepN(g, u []float64) {
	for i, gi := range g {
		u[i] = r.coord(gi)
	}
}

func (r *gdRule) coord(g float64) float64 {
	if r.maximize {
		return -r.lr * -g
	}
	return -r.lr * g
}

// momentumRule is torch.optim.SGD with momentum μ and dampening 1 − damp:
// b = g at the first step, then b ← μb + (1 − τ)g; x ← x − ηb, or with
// nesterov x ← x − η(g + μb).
type momentumRule struct {
	lr, mu, damp float64
	nesterov     bool
	started      bool
	b            [2]float64
	bn           []float64 // b in n dimensions
}

func (r *momentumRule) step(g0, g1 float64) (float64, float64) {
	u0, u1 := r.coord(&r.b[0], g0), r.coord(&r.b[1], g1)
	r.started = true
	return u0, u1
}

func (r *momentumRule) stepN(g, u []float64) {
	r.bn = grown(r.bn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.bn[i], gi)
	}
	r.started = true
}

func (r *momentumRule) coord(b *float64, g float64) float64 {
	if !r.started {
		*b = g // torch starts the buffer as a copy of g
	} else {
		*b = *b*r.mu + r.damp*g
	}
	if r.nesterov {
		return -r.lr * (g + r.mu**b)
	}
	return -r.lr * *b
}

// grown is v, or n zeros when v is nil: the state of a rule in n
// dimensions, made at its first step.
func grown(v []float64, n int) []float64 {
	if v == nil {
		return make([]float64, n)
	}
	return v
}

// adagradRule is torch.optim.Adagrad (lr_decay 0, initial accumulator 0):
// G ← G + g², x ← x − ηg/(√G + ε).
type adagradRule struct {
	lr, eps float64
	G       [2]float64
	Gn      []float64 // G in n dimensions
}

func (r *adagradRule) step(g0, g1 float64) (float64, float64) {
	return r.coord(&r.G[0], g0), r.coord(&r.G[1], g1)
}

func (r *adagradRule) stepN(g, u []float64) {
	r.Gn = grown(r.Gn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.Gn[i], gi)
	}
}

func (r *adagradRule) coord(G *float64, g float64) float64 {
	*G += g * g
	return -r.lr * (g / (math.Sqrt(*G) + r.eps))
}

// rmspropRule is torch.optim.RMSprop (not centered, no momentum):
// s ← αs + (1 − α)g², x ← x − ηg/(√s + ε).
type rmspropRule struct {
	lr, alpha, eps float64
	s              [2]float64
	sn             []float64 // s in n dimensions
}

func (r *rmspropRule) step(g0, g1 float64) (float64, float64) {
	return r.coord(&r.s[0], g0), r.coord(&r.s[1], g1)
}

func (r *rmspropRule) stepN(g, u []float64) {
	r.sn = grown(r.sn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.sn[i], gi)
	}
}

func (r *rmspropRule) coord(s *float64, g float64) float64 {
	*s = *s*r.alpha + (1-r.alpha)*(g*g)
	return -r.lr * (g / (math.Sqrt(*s) + r.eps))
}

// adamRule is torch.optim.Adam (amsgrad off) with bias correction:
// m ← β1m + (1 − β1)g, v ← β2v + (1 − β2)g², m̂ = m/(1 − β1ᵗ),
// v̂ = v/(1 − β2ᵗ), x ← x − η m̂/(√v̂ + ε).
type adamRule struct {
	lr, b1, b2, eps float64
	m, v            [2]float64
	mn, vn          []float64 // m and v in n dimensions
	bc              biasCorrection
}

// biasCorrection counts the steps t of Adam and gives 1 − β1ᵗ and 1 − β2ᵗ.
type biasCorrection struct {
	t            int
	done1, done2 bool // 1 − βᵗ has rounded to 1
}

// next advances t and returns 1 − β1ᵗ and 1 − β2ᵗ. Once one rounds to 1
// it stays 1: the (then subnormal and slow) powers are skipped.
func (b *biasCorrection) next(b1, b2 float64) (bc1, bc2 float64) {
	b.t++
	bc1, bc2 = 1, 1
	if !b.done1 {
		bc1 = 1 - math.Pow(b1, float64(b.t))
		b.done1 = bc1 == 1
	}
	if !b.done2 {
		bc2 = 1 - math.Pow(b2, float64(b.t))
		b.done2 = bc2 == 1
	}
	return bc1, bc2
}

func (r *adamRule) step(g0, g1 float64) (float64, float64) {
	size, bc2 := r.next()
	return r.coord(&r.m[0], &r.v[0], g0, size, bc2), r.coord(&r.m[1], &r.v[1], g1, size, bc2)
}

func (r *adamRule) stepN(g, u []float64) {
	r.mn, r.vn = grown(r.mn, len(g)), grown(r.vn, len(g))
	size, bc2 := r.next()
	for i, gi := range g {
		u[i] = r.coord(&r.mn[i], &r.vn[i], gi, size, bc2)
	}
}

// next advances the step count and returns the step's η/(1 − β1ᵗ) and
// √(1 − β2ᵗ).
func (r *adamRule) next() (size, bc2 float64) {
	bc1, bc2 := r.bc.next(r.b1, r.b2)
	return r.lr / bc1, math.Sqrt(bc2)
}

func (r *adamRule) coord(m, v *float64, g, size, bc2 float64) float64 {
	*m = lerp(*m, g, 1-r.b1)
	*v = *v*r.b2 + (1-r.b2)*(g*g)
	return -size * (*m / (math.Sqrt(*v)/bc2 + r.eps))
}

// lerp is torch's lerp (a + w(b − a), computed from the nearer end), which
// torch.optim.Adam uses for m ← β1 m + (1 − β1) g.
func lerp(a, b, w float64) float64 {
	if math.Abs(w) < 0.5 {
		return a + w*(b-a)
	}
	return b - (b-a)*(1-w)
}

// bookEps is the ε of the book's rules: a fixed 1e-7.
const bookEps = 1e-7

// The book's rules follow common/optimizer.py operation by operation, as
// NumPy evaluates it (left to right: lr * g / (√h + 1e-7) is (ηg)/(√h +
// 1e-7)). Where the book changes x in place twice (Nesterov), the two
// changes are one update u here, which may differ from the book's x by an
// ulp. The book's SGD is gdRule: x − ηg is x + (−ηg) exactly.

// bookMomentumRule is the book's Momentum: v ← μv − ηg; x ← x + v, with v
// = 0 at the start.
type bookMomentumRule struct {
	lr, mu float64
	v      [2]float64
	vn     []float64 // v in n dimensions
}

func (r *bookMomentumRule) step(g0, g1 float64) (float64, float64) {
	return r.coord(&r.v[0], g0), r.coord(&r.v[1], g1)
}

func (r *bookMomentumRule) stepN(g, u []float64) {
	r.vn = grown(r.vn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.vn[i], gi)
	}
}

func (r *bookMomentumRule) coord(v *float64, g float64) float64 {
	*v = r.mu**v - r.lr*g
	return *v
}

// bookNesterovRule is the book's Nesterov: v ← μv − ηg; x ← x + μ²v −
// (1 + μ)ηg, where x uses the v just updated.
type bookNesterovRule struct {
	lr, mu  float64
	mu2, lg float64 // μ·μ and (1 + μ)·η, as the book's products start
	v       [2]float64
	vn      []float64 // v in n dimensions
}

func newBookNesterov(lr, mu float64) *bookNesterovRule {
	return &bookNesterovRule{lr: lr, mu: mu, mu2: mu * mu, lg: (1 + mu) * lr}
}

func (r *bookNesterovRule) step(g0, g1 float64) (float64, float64) {
	return r.coord(&r.v[0], g0), r.coord(&r.v[1], g1)
}

func (r *bookNesterovRule) stepN(g, u []float64) {
	r.vn = grown(r.vn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.vn[i], gi)
	}
}

func (r *bookNesterovRule) coord(v *float64, g float64) float64 {
	*v = *v*r.mu - r.lr*g
	return r.mu2**v - r.lg*g
}

// bookAdagradRule is the book's AdaGrad: h ← h + g²; x ← x − ηg/(√h + 1e-7).
type bookAdagradRule struct {
	lr float64
	h  [2]float64
	hn []float64 // h in n dimensions
}

func (r *bookAdagradRule) step(g0, g1 float64) (float64, float64) {
	return r.coord(&r.h[0], g0), r.coord(&r.h[1], g1)
}

func (r *bookAdagradRule) stepN(g, u []float64) {
	r.hn = grown(r.hn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.hn[i], gi)
	}
}

func (r *bookAdagradRule) coord(h *float64, g float64) float64 {
	*h += g * g
	return -(r.lr * g / (math.Sqrt(*h) + bookEps))
}

// bookRMSpropRule is the book's RMSprop with decay_rate ρ (the alpha
// hyperparameter): h ← ρh + (1 − ρ)g²; x ← x − ηg/(√h + 1e-7).
type bookRMSpropRule struct {
	lr, rho float64
	h       [2]float64
	hn      []float64 // h in n dimensions
}

func (r *bookRMSpropRule) step(g0, g1 float64) (float64, float64) {
	return r.coord(&r.h[0], g0), r.coord(&r.h[1], g1)
}

func (r *bookRMSpropRule) stepN(g, u []float64) {
	r.hn = grown(r.hn, len(g))
	for i, gi := range g {
		u[i] = r.coord(&r.hn[i], gi)
	}
}

func (r *bookRMSpropRule) coord(h *float64, g float64) float64 {
	*h = *h*r.rho + (1-r.rho)*g*g
	return -(r.lr * g / (math.Sqrt(*h) + bookEps))
}

// bookAdamRule is the book's Adam: t ← t + 1 (t = 1 at the first step),
// η_t = η·√(1 − β2ᵗ)/(1 − β1ᵗ) computed first, then m ← m + (1 − β1)(g − m),
// v ← v + (1 − β2)(g² − v) and x ← x − η_t·m/(√v + 1e-7).
type bookAdamRule struct {
	lr, b1, b2 float64
	m, v       [2]float64
	mn, vn     []float64 // m and v in n dimensions
	bc         biasCorrection
}

func (r *bookAdamRule) step(g0, g1 float64) (float64, float64) {
	lrt := r.next()
	return r.coord(&r.m[0], &r.v[0], g0, lrt), r.coord(&r.m[1], &r.v[1], g1, lrt)
}

func (r *bookAdamRule) stepN(g, u []float64) {
	r.mn, r.vn = grown(r.mn, len(g)), grown(r.vn, len(g))
	lrt := r.next()
	for i, gi := range g {
		u[i] = r.coord(&r.mn[i], &r.vn[i], gi, lrt)
	}
}

// next advances the step count and returns the step's η_t.
func (r *bookAdamRule) next() float64 {
	bc1, bc2 := r.bc.next(r.b1, r.b2)
	return r.lr * math.Sqrt(bc2) / bc1
}

func (r *bookAdamRule) coord(m, v *float64, g, lrt float64) float64 {
	*m += (1 - r.b1) * (g - *m)
	*v += (1 - r.b2) * (g*g - *v)
	return -(lrt * *m / (math.Sqrt(*v) + bookEps))
}

// pointRule is a rule that needs the point, not only the gradient: the
// engine calls stepAt instead of step (choosing once per run, so the other
// rules' steps cost what they did). ok is false when no step can be taken
// at x (Newton's H + λI is singular there); the run then stops as Singular.
type pointRule interface {
	stepAt(x0, x1, g0, g1 float64) (u0, u1 float64, ok bool)
}

// objectiveRule is a rule that reads the objective; newRule hands it over.
type objectiveRule interface {
	setObjective(fn Objective)
}

// newtonRule is Newton's method with Levenberg damping:
// x ← x − η(H + λI)⁻¹∇f, H the exact Hessian at x (1×1 for 1-D
// functions). It heads for the nearest stationary point whatever its kind:
// a minimum, a saddle or a maximum.
type newtonRule struct {
	lr, lambda float64
	fn         Objective
	oneD       bool
	x          [2]float64 // the point of the next step, for step (stepAt is given it)
	xn         []float64  // x in n dimensions, for stepN
	fnN        ObjectiveN // fn in n dimensions, nil for 1 and 2
	scratch    newtonScratch
}

func (r *newtonRule) setObjective(fn Objective) {
	r.fn, r.oneD = fn, fn != nil && fn.Dims() == 1
	r.fnN, _ = fn.(ObjectiveN)
}

// step is stepAt at the rule's own point, which starts at the config's
// start and follows the updates it returns (for replays that only know the
// gradients); at a singular H + λI the update is NaN.
func (r *newtonRule) step(g0, g1 float64) (float64, float64) {
	u0, u1, ok := r.stepAt(r.x[0], r.x[1], g0, g1)
	if !ok {
		return math.NaN(), math.NaN()
	}
	if r.oneD {
		u1 = 0
	}
	r.x[0] += u0
	r.x[1] += u1
	return u0, u1
}

func (r *newtonRule) stepAt(x0, x1, g0, g1 float64) (float64, float64, bool) {
	s, ok := r.solve(x0, x1, g0, g1)
	return -r.lr * s[0], -r.lr * s[1], ok
}

// solve returns s = (H + λI)⁻¹g at x and the damped Hessian's a, b, e
// ([[a, b], [b, e]], b symmetrised; e unused in 1-D); ok is false when
// H + λI is singular or not finite there.
func (r *newtonRule) solve(x0, x1, g0, g1 float64) (s [2]float64, ok bool) {
	a, b, e := r.damped(x0, x1)
	if r.oneD {
		if a == 0 || !finite(a) {
			return s, false
		}
		return [2]float64{g0 / a, 0}, true
	}
	det := a*e - b*b
	if det == 0 || !finite(det) {
		return s, false
	}
	return [2]float64{(e*g0 - b*g1) / det, (a*g1 - b*g0) / det}, true
}

// damped is H + λI at x as [[a, b], [b, e]] (b the mean of H's two
// off-diagonal entries).
func (r *newtonRule) damped(x0, x1 float64) (a, b, e float64) {
	h := r.fn.Hessian(x0, x1)
	if r.oneD {
		return h[0][0] + r.lambda, 0, 0
	}
	return h[0][0] + r.lambda, (h[0][1] + h[1][0]) / 2, h[1][1] + r.lambda
}

// newRule is the update rule of the valid config c (defaults filled) in
// its convention for the objective fn (nil where only the rule's text is
// wanted); it is built once per run.
func newRule(c Config, fn Objective) rule {
	s, _ := c.Method.Spec()
	var r rule
	if c.Convention == ConventionBook {
		r = s.newBookRule(c)
	} else {
		r = s.newRule(c)
	}
	if o, ok := r.(objectiveRule); ok {
		o.setObjective(fn)
	}
	return r
}
