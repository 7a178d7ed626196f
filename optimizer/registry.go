package optimizer

import (
	"math"
	"strings"

	"gonum.org/v1/gonum/optimize"

	"gdlab/message"
)

// Method names an update rule: one entry of the method registry.
type Method string

// The methods of the registry, for code and tests that name one.
const (
	GD       Method = "gd"
	Ascent   Method = "ascent"
	Momentum Method = "momentum"
	Nesterov Method = "nesterov"
	Adagrad  Method = "adagrad"
	RMSProp  Method = "rmsprop"
	Adam     Method = "adam"
	Newton   Method = "newton"
)

// Param is one hyperparameter of a method. Its Name is the CLI flag
// (--name), the lesson-file field and the preference key; the window shows
// Label and Doc. A value v is valid when Min ≤ v ≤ Max (< where the bound is
// open) and finite.
type Param struct {
	Name             string
	Symbol           string  // as formulas write it: "μ"
	Default          float64 // torch.optim's default for this method (the book's too, where the book has one)
	Min, Max         float64 // valid range; Max may be +Inf
	MinOpen, MaxOpen bool    // whether Min and Max themselves are excluded
	// ZeroIsDefault: an explicit 0 means Default (ε = 0 in a lesson file or
	// on the command line is the method's own ε, as it always was).
	ZeroIsDefault bool
	// TorchOnly: only torch's rule reads it; the book's rules have a fixed
	// ε = 1e-7 (eps is not used) and no dampening (which Validate then
	// requires to be 0 or unset).
	TorchOnly bool
	Label     message.Kind // caption of the field: "momentum μ"
	Doc       message.Kind // one line: what it does in the update rule
}

// MethodSpec is one entry of the method registry: everything the window,
// the CLI, lesson files, preferences and the docs know of a method. Each
// method has two rules, torch.optim's and the book's (common/optimizer.py);
// Config.Convention selects which one a run uses.
type MethodSpec struct {
	Name     Method
	Aliases  []string     // other names ParseMethod accepts ("sgd")
	Doc      message.Kind // one line: the rule and its torch.optim name
	BookDoc  message.Kind // one line: the rule and its class in the book's common/optimizer.py
	Rule     string       // torch's update rule in formulas, for help texts and docs
	BookRule string       // the book's update rule in formulas (ConventionBook)
	Params   []Param      // every hyperparameter of either rule (see ParamsIn)
	// Maximizes: the method climbs f (ascent); its loss is −f.
	Maximizes bool
	// SuggestedLR is the learning rate the method is meant to run with
	// (Newton's η = 1), which the window proposes when the method is
	// chosen; 0 for none.
	SuggestedLR float64
	// LineSearch: the method can choose its step sizes by a line search
	// (Config.LineSearch; gd).
	LineSearch bool
	// NoLearningRate: the method chooses its steps by a line search of its
	// own (cg, bfgs, lbfgs); Config.LR is not used, and a schedule or
	// gradient noise are refused.
	NoLearningRate bool
	// CriticalFactor is c in the critical learning rate c / λmax on the local
	// quadratic model (2 for gd), for the config's convention; nil for
	// methods that rescale their steps by the gradient history and so have
	// no fixed critical rate.
	CriticalFactor func(c Config) float64
	// CriticalLR, when set, is the critical learning rate itself on the
	// local quadratic model whose largest loss eigenvalue is hi > 0, and
	// takes the place of CriticalFactor / hi: for a method whose step is not
	// a multiple of the gradient, so that its critical rate does not scale
	// as 1/λmax (newton: 2(hi + λ)/hi, i.e. 2 undamped, whatever λmax).
	CriticalLR func(c Config, hi float64) float64
	// newRule and newBookRule build torch's and the book's update rule for
	// a valid config with its defaults filled.
	newRule, newBookRule func(c Config) rule
	// minimizer, when set, builds the method of gonum's optimize that runs
	// the config (cg, bfgs, lbfgs): each major iteration of gonum's run is
	// one step (tracer.minimize); newRule then only stands in for the
	// worked step and the Python export.
	minimizer func(c Config) optimize.Method
}

// RuleIn is the method's update rule in formulas in convention v.
func (s MethodSpec) RuleIn(v Convention) string {
	if v == ConventionBook {
		return s.BookRule
	}
	return s.Rule
}

// DocIn is the method's one-line doc in convention v.
func (s MethodSpec) DocIn(v Convention) message.Kind {
	if v == ConventionBook {
		return s.BookDoc
	}
	return s.Doc
}

// ParamsIn returns the hyperparameters that the method's rule in
// convention v reads: all of Params for torch, those not TorchOnly for the
// book. The slice is fresh.
func (s MethodSpec) ParamsIn(v Convention) []Param {
	var ps []Param
	for _, p := range s.Params {
		if v != ConventionBook || !p.TorchOnly {
			ps = append(ps, p)
		}
	}
	return ps
}

// The registry's hyperparameters, shared by the methods that use them.
var (
	paramMomentum = Param{Name: "momentum", Symbol: "μ", Default: 0.9, Min: 0, Max: 1, MaxOpen: true,
		Label: message.Define("momentum μ"), Doc: message.Define("how much of the last update is kept: b ← μb + g")}
	paramDampening = Param{Name: "dampening", Symbol: "τ", Default: 0, Min: 0, Max: 1, TorchOnly: true,
		Label: message.Define("dampening τ"), Doc: message.Define("damps the gradient added to the buffer after the first step: b ← μb + (1 − τ)g")}
	paramAlpha = Param{Name: "alpha", Symbol: "α", Default: 0.99, Min: 0, Max: 1, MaxOpen: true,
		Label: message.Define("smoothing α"), Doc: message.Define("how slowly the average of squared gradients forgets: s ← αs + (1 − α)g²")}
	paramBeta1 = Param{Name: "beta1", Symbol: "β1", Default: 0.9, Min: 0, Max: 1, MaxOpen: true,
		Label: message.Define("β1"), Doc: message.Define("decay of the average gradient m")}
	paramBeta2 = Param{Name: "beta2", Symbol: "β2", Default: 0.999, Min: 0, Max: 1, MaxOpen: true,
		Label: message.Define("β2"), Doc: message.Define("decay of the average squared gradient v")}
)

// eps is ε with the method's default d (torch's; the book's ε is a fixed
// 1e-7).
func eps(d float64) Param {
	return Param{Name: "eps", Symbol: "ε", Default: d, Min: 0, Max: math.Inf(1), MinOpen: true, ZeroIsDefault: true, TorchOnly: true,
		Label: message.Define("ε"), Doc: message.Define("added to the denominator so that it is never 0")}
}

// registry lists every method in the order menus and help texts show them.
// Each rule of ConventionTorch is the one documented for torch.optim with a
// constant learning rate η and no weight decay, so a run can be reproduced
// step for step in PyTorch; each rule of ConventionBook is the class of the
// book's common/optimizer.py, operation by operation, with its fixed
// ε = 1e-7 in place of the eps hyperparameter and no dampening. g is the
// gradient at the current point, t = 1, 2, … the step, and all state starts
// at zero. (It is filled in init because its rules read configs, whose
// Param reads the registry.)
var registry []MethodSpec

func init() {
	registry = append(append(sgdFamily(), adaptiveMethods()...), newtonMethod())
	registry = append(registry, quasiNewtonMethods()...)
	allParams, paramSlot = indexParams(registry)
}

// sgdFamily is the registry's entries of gd, ascent and the momentum
// methods.
func sgdFamily() []MethodSpec {
	gd := func(c Config) rule { return &gdRule{lr: c.LR} }
	ascent := func(c Config) rule { return &gdRule{lr: c.LR, maximize: true} }
	return []MethodSpec{
		{Name: GD, Aliases: []string{"sgd"}, Rule: "x ← x − ηg", BookRule: "x ← x − ηg",
			Doc:            message.Define("gradient descent (torch.optim.SGD)"),
			BookDoc:        message.Define("gradient descent (SGD in the book's common/optimizer.py)"),
			CriticalFactor: func(Config) float64 { return 2 },
			LineSearch:     true,
			newRule:        gd, newBookRule: gd},
		{Name: Ascent, Rule: "x ← x + ηg", BookRule: "x ← x + ηg", Maximizes: true,
			Doc:            message.Define("gradient ascent (torch.optim.SGD, maximize=True)"),
			BookDoc:        message.Define("gradient ascent (not in the book's common/optimizer.py; the same rule as torch's)"),
			CriticalFactor: func(Config) float64 { return 2 },
			newRule:        ascent, newBookRule: ascent},
		{Name: Momentum, Rule: "b ← μb + (1 − τ)g (b = g at t = 1), x ← x − ηb", BookRule: "v ← μv − ηg, x ← x + v",
			Params:  []Param{paramMomentum, paramDampening},
			Doc:     message.Define("heavy-ball momentum (torch.optim.SGD, momentum=μ)"),
			BookDoc: message.Define("heavy-ball momentum (Momentum in the book's common/optimizer.py; no dampening)"),
			// The book's v is −η times torch's b: the same heavy ball.
			CriticalFactor: momentumFactor,
			newRule: func(c Config) rule {
				return &momentumRule{lr: c.LR, mu: c.Param("momentum"), damp: 1 - c.Param("dampening")}
			},
			newBookRule: func(c Config) rule { return &bookMomentumRule{lr: c.LR, mu: c.Param("momentum")} }},
		{Name: Nesterov, Rule: "b ← μb + g, x ← x − η(g + μb)", BookRule: "v ← μv − ηg, x ← x + μ²v − (1 + μ)ηg",
			Params:         []Param{paramMomentum},
			Doc:            message.Define("Nesterov momentum (torch.optim.SGD, nesterov=True)"),
			BookDoc:        message.Define("Nesterov momentum (Nesterov in the book's common/optimizer.py)"),
			CriticalFactor: nesterovFactor,
			newRule: func(c Config) rule {
				return &momentumRule{lr: c.LR, mu: c.Param("momentum"), damp: 1, nesterov: true}
			},
			newBookRule: func(c Config) rule { return newBookNesterov(c.LR, c.Param("momentum")) }},
	}
}

// nesterovFactor is Nesterov's critical factor on f = λx²/2, with a = ηλ.
//
// torch: b ← μb + λx, x ← x − η(λx + μb) with the new b gives the state
// matrix [[1 − a(1 + μ), −ημ²], [λ, μ]] on (x, b), whose characteristic
// polynomial p(z) = z² − (1 + μ − a(1 + μ))z + μ(1 − a) has
// p(−1) = 2(1 + μ) − a(1 + 2μ): an eigenvalue crosses −1 at
// a = 2(1 + μ)/(1 + 2μ).
//
// book: v ← μv − ax, x ← x + μ²v − (1 + μ)ax with the new v, so
// x ← (1 − a(1 + μ + μ²))x + μ³v: on (x, v) the matrix is
// [[1 − a(1 + μ + μ²), μ³], [−a, μ]] with trace 1 + μ − a(1 + μ + μ²) and
// determinant μ − aμ(1 + μ). Both eigenvalues lie inside the unit circle iff
// (Jury) p(1) = a > 0, p(−1) = 2(1 + μ) − a(1 + 2μ + 2μ²) > 0 and
// |det| < 1, i.e. a < 1/μ. Since 2μ(1 + μ) < 1 + 2μ + 2μ², the bound
// p(−1) > 0 comes first: the critical a is 2(1 + μ)/(1 + 2μ + 2μ²) (2 at
// μ = 0, as gd; 0.8597 at μ = 0.9, against torch's 1.3571), where an
// eigenvalue crosses −1.
func nesterovFactor(c Config) float64 {
	mu := c.Param("momentum")
	if c.Convention == ConventionBook {
		return 2 * (1 + mu) / (1 + 2*mu + 2*mu*mu)
	}
	return 2 * (1 + mu) / (1 + 2*mu)
}

// adaptiveMethods is the registry's entries of the methods that rescale
// their steps by the gradient history.
func adaptiveMethods() []MethodSpec {
	return []MethodSpec{
		{Name: Adagrad, Rule: "G ← G + g², x ← x − ηg/(√G + ε)", BookRule: "h ← h + g², x ← x − ηg/(√h + 1e-7)",
			Params:      []Param{eps(1e-10)},
			Doc:         message.Define("AdaGrad (torch.optim.Adagrad)"),
			BookDoc:     message.Define("AdaGrad (AdaGrad in the book's common/optimizer.py; ε is its fixed 1e-7)"),
			newRule:     func(c Config) rule { return &adagradRule{lr: c.LR, eps: c.Param("eps")} },
			newBookRule: func(c Config) rule { return &bookAdagradRule{lr: c.LR} }},
		{Name: RMSProp, Rule: "s ← αs + (1 − α)g², x ← x − ηg/(√s + ε)", BookRule: "h ← αh + (1 − α)g², x ← x − ηg/(√h + 1e-7)",
			Params:  []Param{paramAlpha, eps(1e-8)},
			Doc:     message.Define("RMSProp (torch.optim.RMSprop)"),
			BookDoc: message.Define("RMSProp (RMSprop in the book's common/optimizer.py, decay_rate α; ε is its fixed 1e-7)"),
			newRule: func(c Config) rule {
				return &rmspropRule{lr: c.LR, alpha: c.Param("alpha"), eps: c.Param("eps")}
			},
			newBookRule: func(c Config) rule { return &bookRMSpropRule{lr: c.LR, rho: c.Param("alpha")} }},
		{Name: Adam, Rule: "m ← β1m + (1 − β1)g, v ← β2v + (1 − β2)g², x ← x − η·m̂/(√v̂ + ε)",
			BookRule: "m ← m + (1 − β1)(g − m), v ← v + (1 − β2)(g² − v), x ← x − η√(1 − β2ᵗ)/(1 − β1ᵗ)·m/(√v + 1e-7)",
			Params:   []Param{paramBeta1, paramBeta2, eps(1e-8)},
			Doc:      message.Define("Adam with bias correction (torch.optim.Adam)"),
			BookDoc:  message.Define("Adam (Adam in the book's common/optimizer.py; ε is its fixed 1e-7)"),
			newRule: func(c Config) rule {
				return &adamRule{lr: c.LR, b1: c.Param("beta1"), b2: c.Param("beta2"), eps: c.Param("eps")}
			},
			newBookRule: func(c Config) rule { return &bookAdamRule{lr: c.LR, b1: c.Param("beta1"), b2: c.Param("beta2")} }},
	}
}

// paramDamping is Newton's Levenberg damping λ.
var paramDamping = Param{Name: "damping", Symbol: "λ", Default: 0, Min: 0, Max: math.Inf(1),
	Label: message.Define("damping λ"), Doc: message.Define("added to the Hessian's diagonal: the step solves (H + λI)Δ = g, between Newton (λ = 0) and short gd steps (large λ)")}

// newtonMethod is the registry's entry of Newton's method with the exact
// Hessian and Levenberg damping. The book's common/optimizer.py has no
// Newton, so its convention uses the same rule.
func newtonMethod() MethodSpec {
	newton := func(c Config) rule {
		return &newtonRule{lr: c.LR, lambda: c.Param("damping"), x: c.Start, xn: c.StartVec(2 + len(c.StartMore))}
	}
	return MethodSpec{Name: Newton, Rule: "x ← x − η(H + λI)⁻¹g", BookRule: "x ← x − η(H + λI)⁻¹g",
		Params: []Param{paramDamping}, SuggestedLR: 1,
		Doc:     message.Define("Newton's method with the exact Hessian H and damping λ (not in torch.optim)"),
		BookDoc: message.Define("Newton's method with the exact Hessian H and damping λ (not in the book's common/optimizer.py; the same rule as torch's convention)"),
		// On a quadratic the step multiplies the error along an eigenvector
		// of eigenvalue h by 1 − ηh/(h + λ): stable for η < 2(h + λ)/h, and
		// ηh/(h + λ) grows with h, so λmax decides.
		CriticalLR: func(c Config, hi float64) float64 { return 2 * (hi + c.Param("damping")) / hi },
		newRule:    newton, newBookRule: newton}
}

// Methods returns the registry: every method in menu order. The slice is
// fresh; the entries' Params must not be modified.
func Methods() []MethodSpec { return append([]MethodSpec(nil), registry...) }

// MethodNames returns the names of the methods in menu order.
func MethodNames() []string {
	names := make([]string, len(registry))
	for i, m := range registry {
		names[i] = string(m.Name)
	}
	return names
}

// Spec returns the registry entry of m; ok is false for an unknown method.
func (m Method) Spec() (MethodSpec, bool) {
	for _, s := range registry {
		if s.Name == m {
			return s, true
		}
	}
	return MethodSpec{}, false
}

func (m Method) valid() bool { _, ok := m.Spec(); return ok }

// Param returns the method's hyperparameter called name; ok is false when
// the method has none of that name.
func (s MethodSpec) Param(name string) (Param, bool) {
	for _, p := range s.Params {
		if p.Name == name {
			return p, true
		}
	}
	return Param{}, false
}

// ParseMethod returns the method named s (case, surrounding spaces and the
// aliases do not matter). The error lists the valid names.
func ParseMethod(s string) (Method, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	for _, m := range registry {
		if string(m.Name) == name {
			return m.Name, nil
		}
		for _, a := range m.Aliases {
			if a == name {
				return m.Name, nil
			}
		}
	}
	return "", msgUnknownMethod.New(message.Quote(s), message.Text(strings.Join(MethodNames(), ", ")))
}

// Params returns every hyperparameter of the registry once, in the order
// of first use: the CLI's flags, the lesson fields and the preference keys.
// Where methods share a name (ε), the first method's entry is returned; only
// the default differs between them.
func Params() []Param { return append([]Param(nil), allParams...) }

// allParams and paramSlot index the registry's hyperparameters by name.
var (
	allParams []Param
	paramSlot map[string]int
)

func indexParams(registry []MethodSpec) ([]Param, map[string]int) {
	var ps []Param
	slot := map[string]int{}
	for _, m := range registry {
		for _, p := range m.Params {
			if _, ok := slot[p.Name]; !ok {
				slot[p.Name] = len(ps)
				ps = append(ps, p)
			}
		}
	}
	if len(ps) > maxParams {
		panic("optimizer: more hyperparameters than Hyper holds") // caught by every test
	}
	return ps, slot
}

// maxParams is how many distinct hyperparameters Hyper holds.
const maxParams = 16

// Hyper holds hyperparameter values by name; a name not set stands for the
// method's default. It is a plain comparable value: copying a Config copies
// it, and == compares it.
type Hyper struct {
	set uint32
	v   [maxParams]float64
}

// Set sets the value of the hyperparameter called name; it reports false
// (and changes nothing) when no method has a hyperparameter of that name.
func (h *Hyper) Set(name string, v float64) bool {
	i, ok := paramSlot[name]
	if ok {
		h.set |= 1 << i
		h.v[i] = v
	}
	return ok
}

// Unset makes name stand for the method's default again.
func (h *Hyper) Unset(name string) {
	if i, ok := paramSlot[name]; ok {
		h.set &^= 1 << i
		h.v[i] = 0
	}
}

// Get returns the value set for name; ok is false when none is.
func (h Hyper) Get(name string) (v float64, ok bool) {
	i, known := paramSlot[name]
	if !known || h.set&(1<<i) == 0 {
		return 0, false
	}
	return h.v[i], true
}

// momentumFactor is heavy-ball momentum's critical factor, 2(1 + μ), for
// torch's dampening τ divided by 1 − τ: b ← μb + (1 − τ)g with step η is
// the heavy ball with step η(1 − τ). (The book's momentum has no τ.) At
// τ = 1 the buffer never takes in a new gradient: no rate is critical.
func momentumFactor(c Config) float64 {
	f := 2 * (1 + c.Param("momentum"))
	if c.Convention != ConventionBook {
		f /= 1 - c.Param("dampening")
	}
	return f
}
