package optimizer

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gdlab/message"
)

// bookF is the book's f(x, y) = x²/20 + y² (its figure 6-1): g = (x/10, 2y).
var bookF = testFunc{dims: 2,
	f: func(x, y float64) float64 { return x*x/20 + y*y },
	g: func(x, y float64) (float64, float64) { return x / 10, 2 * y },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{0.1, 0}, {0, 2}} },
}

// xSquared is the 1-D x² (f″ = λ = 2).
var xSquared = testFunc{dims: 1,
	f: func(x, _ float64) float64 { return x * x },
	g: func(x, _ float64) (float64, float64) { return 2 * x, 0 },
	h: func(x, _ float64) [2][2]float64 { return [2][2]float64{{2, 0}, {0, 0}} },
}

// bookSteps are the first three steps of each of the book's rules
// (common/optimizer.py) worked out by hand from its formulas, not from this
// package's code: on x² + y² from (3, 2) with η = 0.1, and on the book's
// x²/20 + y² from (−7, 2) with the book's rates (SGD 0.95, Momentum 0.1,
// AdaGrad 1.5, Adam 0.3; Nesterov 0.1 as Momentum, RMSprop 0.1). The
// comment above each point is the arithmetic of that step from the point
// before it. μ 0.9, ρ 0.99, β1 0.9, β2 0.999, ε the book's 1e-7; v, h, m
// start at 0 and Adam's t at 1.
var bookSteps = []handCase{
	{sphere, GD, 0.1, [2]float64{3, 2}, [3][2]float64{
		// g=(6, 4); x − 0.1·g
		{2.4, 1.6},
		// g=(4.8, 3.2); x − 0.1·g
		{1.92, 1.28},
		// g=(3.84, 2.56); x − 0.1·g
		{1.536, 1.024},
	}},
	{sphere, Momentum, 0.1, [2]float64{3, 2}, [3][2]float64{
		// g=(6, 4); v=0.9v − 0.1g=(-0.6, -0.4); x + v
		{2.4, 1.6},
		// g=(4.8, 3.2); v=0.9v − 0.1g=(-1.02, -0.68); x + v
		{1.38, 0.92},
		// g=(2.76, 1.84); v=0.9v − 0.1g=(-1.194, -0.796); x + v
		{0.186, 0.124},
	}},
	{sphere, Nesterov, 0.1, [2]float64{3, 2}, [3][2]float64{
		// g=(6, 4); v=0.9v − 0.1g=(-0.6, -0.4); x + 0.81·v − 0.19·g
		{1.374, 0.916},
		// g=(2.748, 1.832); v=0.9v − 0.1g=(-0.8148, -0.5432); x + 0.81·v − 0.19·g
		{0.191892, 0.127928},
		// g=(0.383784, 0.255856); v=0.9v − 0.1g=(-0.7716984, -0.5144656); x + 0.81·v − 0.19·g
		{-0.506102664, -0.337401776},
	}},
	{sphere, Adagrad, 0.1, [2]float64{3, 2}, [3][2]float64{
		// g=(6, 4); h=h+g²=(36, 16); x − 0.1·g/(√h+1e-7)
		{2.9000000016666667, 1.9000000025},
		// g=(5.800000003, 3.800000005); h=h+g²=(69.64000004, 30.44000004); x − 0.1·g/(√h+1e-7)
		{2.8304977927941253, 1.8311250575092535},
		// g=(5.660995586, 3.662250115); h=h+g²=(101.6868711, 43.85207594); x − 0.1·g/(√h+1e-7)
		{2.7743593489487504, 1.7758215194908178},
	}},
	{sphere, RMSProp, 0.1, [2]float64{3, 2}, [3][2]float64{
		// g=(6, 4); h=0.99h+0.01g²=(0.36, 0.16); x − 0.1·g/(√h+1e-7)
		{2.0000001666666387, 1.0000002499999374},
		// g=(4.000000333, 2.0000005); h=0.99h+0.01g²=(0.5164000267, 0.19840002); x − 0.1·g/(√h+1e-7)
		{1.4433698721208044, 0.5509870061178762},
		// g=(2.886739744, 1.101974012); h=0.99h+0.01g²=(0.5945686899, 0.208559487); x − 0.1·g/(√h+1e-7)
		{1.0689951153985984, 0.30968758356475534},
	}},
	{sphere, Adam, 0.1, [2]float64{3, 2}, [3][2]float64{
		// g=(6, 4); η_t=0.1·√(1−0.999^1)/(1−0.9^1)=0.0316227766; m=m+0.1(g−m)=(0.6, 0.4) v=v+0.001(g²−v)=(0.036, 0.016); x − η_t·m/(√v+1e-7)
		{2.9000000527045997, 1.900000079056879},
		// g=(5.800000105, 3.800000158); η_t=0.1·√(1−0.999^2)/(1−0.9^2)=0.02353167253; m=m+0.1(g−m)=(1.120000011, 0.7400000158) v=v+0.001(g²−v)=(0.06960400122, 0.0304240012); x − η_t·m/(√v+1e-7)
		{2.8001027975857644, 1.8001666217414725},
		// g=(5.600205595, 3.600333243); η_t=0.1·√(1−0.999^3)/(1−0.9^3)=0.02020105974; m=m+0.1(g−m)=(1.568020569, 1.026033339) v=v+0.001(g²−v)=(0.1008966999, 0.04335597666); x − η_t·m/(√v+1e-7)
		{2.7003816446955913, 1.7006235748250944},
	}},
	{bookF, GD, 0.95, [2]float64{-7, 2}, [3][2]float64{
		// g=(-0.7, 4); x − 0.95·g
		{-6.335, -1.8},
		// g=(-0.6335, -3.6); x − 0.95·g
		{-5.733175, 1.62},
		// g=(-0.5733175, 3.24); x − 0.95·g
		{-5.188523375, -1.458},
	}},
	{bookF, Momentum, 0.1, [2]float64{-7, 2}, [3][2]float64{
		// g=(-0.7, 4); v=0.9v − 0.1g=(0.07, -0.4); x + v
		{-6.93, 1.6},
		// g=(-0.693, 3.2); v=0.9v − 0.1g=(0.1323, -0.68); x + v
		{-6.7977, 0.92},
		// g=(-0.67977, 1.84); v=0.9v − 0.1g=(0.187047, -0.796); x + v
		{-6.610653, 0.124},
	}},
	{bookF, Nesterov, 0.1, [2]float64{-7, 2}, [3][2]float64{
		// g=(-0.7, 4); v=0.9v − 0.1g=(0.07, -0.4); x + 0.81·v − 0.19·g
		{-6.8103, 0.916},
		// g=(-0.68103, 1.832); v=0.9v − 0.1g=(0.131103, -0.5432); x + 0.81·v − 0.19·g
		{-6.57471087, 0.127928},
		// g=(-0.657471087, 0.255856); v=0.9v − 0.1g=(0.1837398087, -0.5144656); x + 0.81·v − 0.19·g
		{-6.300962118423, -0.337401776},
	}},
	{bookF, Adagrad, 1.5, [2]float64{-7, 2}, [3][2]float64{
		// g=(-0.7, 4); h=h+g²=(0.49, 16); x − 1.5·g/(√h+1e-7)
		{-5.500000214285683, 0.5000000374999991},
		// g=(-0.5500000214, 1.000000075); h=h+g²=(0.7925000236, 17.00000015); x − 1.5·g/(√h+1e-7)
		{-4.573267968164273, 0.13619658308878754},
		// g=(-0.4573267968, 0.2723931662); h=h+g²=(1.001647823, 17.07419819); x − 1.5·g/(√h+1e-7)
		{-3.8878423389709873, 0.03731457049652152},
	}},
	{bookF, RMSProp, 0.1, [2]float64{-7, 2}, [3][2]float64{
		// g=(-0.7, 4); h=0.99h+0.01g²=(0.0049, 0.16); x − 0.1·g/(√h+1e-7)
		{-6.000001428569388, 1.0000002499999374},
		// g=(-0.6000001429, 2.0000005); h=0.99h+0.01g²=(0.008451001714, 0.19840002); x − 0.1·g/(√h+1e-7)
		{-5.3473267161778155, 0.5509870061178762},
		// g=(-0.5347326716, 1.101974012); h=0.99h+0.01g²=(0.011225882, 0.208559487); x − 0.1·g/(√h+1e-7)
		{-4.842635119547287, 0.30968758356475534},
	}},
	{bookF, Adam, 0.3, [2]float64{-7, 2}, [3][2]float64{
		// g=(-0.7, 4); η_t=0.3·√(1−0.999^1)/(1−0.9^1)=0.09486832981; m=m+0.1(g−m)=(-0.07, 0.4) v=v+0.001(g²−v)=(0.00049, 0.016); x − η_t·m/(√v+1e-7)
		{-6.700001355255732, 1.700000237170637},
		// g=(-0.6700001355, 3.400000474); η_t=0.3·√(1−0.999^2)/(1−0.9^2)=0.0705950176; m=m+0.1(g−m)=(-0.1300000136, 0.7000000474) v=v+0.001(g²−v)=(0.0009384101816, 0.02754400323); x − η_t·m/(√v+1e-7)
		{-6.40041662404327, 1.4022457408988012},
		// g=(-0.6400416624, 2.804491482); η_t=0.3·√(1−0.999^3)/(1−0.9^3)=0.06060317923; m=m+0.1(g−m)=(-0.1810041784, 0.9104491909) v=v+0.001(g²−v)=(0.001347125101, 0.03538163169); x − η_t·m/(√v+1e-7)
		{-6.10154900698132, 1.1089120394258545},
	}},
}

// runBook runs c on f in the book's convention.
func runBook(f testFunc, c Config) Result {
	c.Convention = ConventionBook
	return Run(context.Background(), Problem{F: f}, c, nil)
}

// TestBookRulesFirstThreeStepsByHand runs bookSteps in the book convention.
func TestBookRulesFirstThreeStepsByHand(t *testing.T) {
	const tol = 1e-12 // relative; the hand values carry float64 rounding only
	for _, test := range bookSteps {
		c := DefaultConfig()
		c.Method, c.LR, c.Start, c.Steps = test.method, test.lr, test.start, 3
		r := runBook(test.f, c)
		if r.Status != MaxSteps || len(r.Points) != 4 || r.Config.Convention != ConventionBook {
			t.Fatalf("%s lr %v: status %s with %d points, convention %q", test.method, test.lr, r.Status, len(r.Points), r.Config.Convention)
		}
		for k, want := range test.want {
			p, prev := r.Points[k+1], r.Points[k].X
			if p.K != k+1 || !near(p.X[0], want[0], tol) || !near(p.X[1], want[1], tol) {
				t.Errorf("book %s lr %v from %v: step %d at %v, want %v", test.method, test.lr, test.start, k+1, p.X, want)
			}
			if !near(p.Update[0], p.X[0]-prev[0], 1e-9) || !near(p.Update[1], p.X[1]-prev[1], 1e-9) {
				t.Errorf("book %s: step %d update %v, but moved %v", test.method, k+1, p.Update, [2]float64{p.X[0] - prev[0], p.X[1] - prev[1]})
			}
		}
	}
}

// sameRun reports the first step at which two runs differ bit for bit, or
// -1.
func sameRun(a, b Result) int {
	if len(a.Points) != len(b.Points) {
		return 0
	}
	for k := range a.Points {
		if !reflect.DeepEqual(a.Points[k], b.Points[k]) {
			return k
		}
	}
	return -1
}

// TestBookMomentumIsTheHeavyBall: the book's v ← μv − ηg, x ← x + v is
// torch's b ← μb + g, x ← x − ηb with v = −ηb (torch's b₁ = g₁ is the
// book's v₁ = −ηg₁ from v₀ = 0). So
//
//   - with μ = 0 both momentum rules, and both Nesterov rules, are gd bit
//     for bit (0·v and 0·b vanish exactly, (1 + 0)η is η);
//   - with dampening 0 and any μ, the two momentum trajectories agree up to
//     rounding (the products are grouped differently: μ(−ηb) − ηg against
//     −η(μb + g));
//   - the two Nesterov rules differ from the first step (the book's x uses
//     the new v: x₁ = x₀ − (1 + μ + μ²)ηg₀, torch's x₀ − (1 + μ)ηg₀).
func TestBookMomentumIsTheHeavyBall(t *testing.T) {
	problems := []struct {
		name  string
		f     testFunc
		start [2]float64
		lr    float64
	}{
		{"sphere", sphere, [2]float64{3, 2}, 0.1},
		{"book's f", bookF, [2]float64{-7, 2}, 0.1},
		{"rosenbrock", rosenbrock, [2]float64{-1.2, 1}, 1e-3},
	}
	for _, p := range problems {
		c := DefaultConfig()
		c.LR, c.Start, c.Steps = p.lr, p.start, 300
		run := func(m Method, v Convention, mu float64) Result {
			c := c.With("momentum", mu)
			c.Method, c.Convention = m, v
			return Run(context.Background(), Problem{F: p.f}, c, nil)
		}
		gd := run(GD, ConventionTorch, 0)
		for _, m := range []Method{Momentum, Nesterov} {
			for _, v := range Conventions() {
				if k := sameRun(run(m, v, 0), gd); k >= 0 {
					t.Errorf("%s: %s %s with μ = 0 differs from gd at step %d", p.name, v, m, k)
				}
			}
		}
		for _, mu := range []float64{0.5, 0.9} {
			torch, book := run(Momentum, ConventionTorch, mu), run(Momentum, ConventionBook, mu)
			if len(torch.Points) != len(book.Points) {
				t.Fatalf("%s μ %v: %d and %d points", p.name, mu, len(torch.Points), len(book.Points))
			}
			for k, tp := range torch.Points {
				bp := book.Points[k]
				if !near(tp.X[0], bp.X[0], 1e-12) || !near(tp.X[1], bp.X[1], 1e-12) {
					t.Fatalf("%s μ %v: step %d torch %v, book %v", p.name, mu, k, tp.X, bp.X)
				}
			}
			tn, bn := run(Nesterov, ConventionTorch, mu), run(Nesterov, ConventionBook, mu)
			if x, g := p.start, bn.Points[0].Grad; tn.Points[1].X == bn.Points[1].X ||
				!near(bn.Points[1].X[0], x[0]-(1+mu+mu*mu)*p.lr*g[0], 1e-12) {
				t.Errorf("%s μ %v: book Nesterov's first step %v, torch's %v", p.name, mu, bn.Points[1].X, tn.Points[1].X)
			}
		}
	}
}

// TestConventionTorchIsTodays: an empty Convention and "torch" run every
// method exactly as the rules of the registry's torch constructors do,
// step for step, bit for bit, and the result says "torch".
func TestConventionTorchIsTodays(t *testing.T) {
	problems := []struct {
		f     testFunc
		start [2]float64
		lr    float64
	}{{sphere, [2]float64{3, 2}, 0.1}, {rosenbrock, [2]float64{-1.2, 1}, 1e-3}, {bookF, [2]float64{-7, 2}, 0.3}, {parabola, [2]float64{2, 0}, 0.05}}
	for _, p := range problems {
		for _, m := range methodNames() {
			if usesGonum(m) {
				continue // no rule of the registry's: TestQuasiNewtonFaithful
			}
			c := DefaultConfig().With("dampening", 0)
			c.Method, c.LR, c.Start, c.Steps = m, p.lr, p.start, 200
			empty, torch := c, c
			empty.Convention, torch.Convention = "", ConventionTorch
			a := Run(context.Background(), Problem{F: p.f}, empty, nil)
			b := Run(context.Background(), Problem{F: p.f}, torch, nil)
			if k := sameRun(a, b); k >= 0 || !reflect.DeepEqual(a.Config, b.Config) || a.Config.Convention != ConventionTorch {
				t.Errorf("%s: \"\" and torch differ at step %d (conventions %q, %q)", m, k, a.Config.Convention, b.Config.Convention)
			}
			// torch's rule: a.Config.Convention is torch
			want := replay(p.f, newRule(a.Config, p.f), a.Config)
			for k, pt := range a.Points { // up to the divergence, if any
				if pt.X != want[k] {
					t.Errorf("%s: step %d at %v, torch's rule gives %v", m, k, pt.X, want[k])
					break
				}
			}
		}
	}
}

// replay runs rule r of the config c (defaults filled) on f by hand: the
// points x₀, x₁, … as x ← x + u.
func replay(f testFunc, r rule, c Config) [][2]float64 {
	x := c.Start
	xs := [][2]float64{x}
	for k := 0; k < c.Steps; k++ {
		_, g0, g1 := f.ValueGrad(x[0], x[1])
		if f.dims == 1 {
			g1 = 0
		}
		u0, u1 := r.step(g0, g1)
		if f.dims == 1 {
			u1 = 0
		}
		x[0] += u0
		x[1] += u1
		xs = append(xs, x)
	}
	return xs
}

// TestBookConventionSettings: what the book convention accepts, ignores and
// rejects, and the registry's two rules of each method.
func TestBookConventionSettings(t *testing.T) {
	c := DefaultConfig()
	c.Method, c.Convention = Momentum, ConventionBook
	for _, ok := range []Config{c, c.With("dampening", 0), c.With("momentum", 0.5)} {
		if err := ok.Validate(2); err != nil {
			t.Errorf("%+v: %v", ok, err)
		}
	}
	if err := c.With("dampening", 0.5).Validate(2); err == nil || !strings.HasPrefix(err.Error(), "dampening 0.5: the book's momentum has no dampening") {
		t.Errorf("book momentum with τ = 0.5: %v", err)
	}
	if err := c.With("dampening", 1.5).Validate(2); err == nil || !strings.HasPrefix(err.Error(), "dampening 1.5: τ must be from 0 to 1") {
		t.Errorf("book momentum with τ = 1.5: %v", err)
	}
	if err := c.With("dampening", 0.5).Validate(2); func() bool { m, ok := message.As(err); return !ok || m.Kind != msgBookDampening }() {
		t.Errorf("not a message: %v", err)
	}
	c.Convention = "keras"
	if err := c.Validate(2); err == nil || err.Error() != `convention "keras": valid conventions are torch, book` {
		t.Errorf("convention keras: %v", err)
	}
	for s, want := range map[string]Convention{"": ConventionTorch, "torch": ConventionTorch, " Book ": ConventionBook} {
		if v, err := ParseConvention(s); err != nil || v != want {
			t.Errorf("ParseConvention(%q) = %q, %v", s, v, err)
		}
	}
	if _, err := ParseConvention("pytorch"); err == nil || err.Error() != `unknown convention "pytorch": valid conventions are torch, book` {
		t.Errorf("ParseConvention(pytorch): %v", err)
	}
	// ε is the book's fixed 1e-7 whatever eps says.
	a := DefaultConfig()
	a.Method, a.Steps = Adagrad, 50
	if k := sameRun(runBook(sphere, a), runBook(sphere, a.With("eps", 0.5))); k >= 0 {
		t.Errorf("book adagrad: eps changed step %d", k)
	}
	for _, m := range Methods() {
		if m.BookRule == "" || m.BookDoc.Key() == "" || m.newBookRule == nil || m.BookDoc == m.Doc {
			t.Errorf("%s: book rule %q, doc %q", m.Name, m.BookRule, m.BookDoc.Key())
		}
		if m.RuleIn(ConventionBook) != m.BookRule || m.RuleIn("") != m.Rule || m.DocIn(ConventionBook) != m.BookDoc || m.DocIn(ConventionTorch) != m.Doc {
			t.Errorf("%s: RuleIn or DocIn", m.Name)
		}
		if len(m.ParamsIn(ConventionTorch)) != len(m.Params) {
			t.Errorf("%s: torch's rule does not read every parameter", m.Name)
		}
		for _, p := range m.ParamsIn(ConventionBook) {
			if p.Name == "eps" || p.Name == "dampening" {
				t.Errorf("%s: the book's rule lists %s", m.Name, p.Name)
			}
		}
	}
	// Ascent and gd are the same in both conventions, bit for bit.
	for _, m := range []Method{GD, Ascent} {
		c := DefaultConfig()
		c.Method, c.Start, c.LR, c.Steps = m, [2]float64{-1.2, 1}, 1e-4, 100
		if k := sameRun(Run(context.Background(), Problem{F: rosenbrock}, c, nil), runBook(rosenbrock, c)); k >= 0 {
			t.Errorf("%s: book and torch differ at step %d", m, k)
		}
	}
}

// TestBookCriticalRates checks the critical learning rate of the book's
// momentum (2(1 + μ)/λ, the heavy ball's) and Nesterov
// (2(1 + μ)/((1 + 2μ + 2μ²)λ), derived at nesterovFactor) on x² (λ = 2) by
// running 1% below it, which converges, and 1% above it, which diverges.
func TestBookCriticalRates(t *testing.T) {
	for _, mu := range []float64{0, 0.5, 0.9} {
		for _, tc := range []struct {
			m    Method
			crit float64
		}{
			{Momentum, 2 * (1 + mu) / 2},
			{Nesterov, 2 * (1 + mu) / (1 + 2*mu + 2*mu*mu) / 2},
		} {
			c := DefaultConfig().With("momentum", mu)
			c.Method, c.Start, c.Steps = tc.m, [2]float64{1, 0}, 20_000
			c.LR = 0.99 * tc.crit
			below := runBook(xSquared, c)
			if cl := below.Analysis.CriticalLR; cl == nil || !near(*cl, tc.crit, 1e-15) {
				t.Errorf("book %s μ %v: critical lr %v, want %v", tc.m, mu, below.Analysis.Summary, tc.crit)
			}
			if x := below.Final.X[0]; below.Status != MaxSteps || math.Abs(x) > 1e-12 {
				t.Errorf("book %s μ %v at 0.99× the critical %v: %s at x = %v, want converged", tc.m, mu, tc.crit, below.Status, x)
			}
			c.LR = 1.01 * tc.crit
			if above := runBook(xSquared, c); above.Status != Diverged {
				t.Errorf("book %s μ %v at 1.01× the critical %v: %s at x = %v, want diverged", tc.m, mu, tc.crit, above.Status, above.Final.X[0])
			}
		}
	}
}

// TestBookMessagesAreTranslated: every kind the conventions add has its
// German (with the key's verbs, and not the English) and English entry in
// the optimizer's packs.
func TestBookMessagesAreTranslated(t *testing.T) {
	read := func(lang string) map[string]string {
		data, err := os.ReadFile("../assets/translations/optimizer." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(data, &m); err != nil {
			t.Fatalf("optimizer.%s.json: %v", lang, err)
		}
		return m
	}
	de, en := read("de"), read("en")
	kinds := []message.Kind{msgConvention, msgUnknownConvention, msgBookDampening}
	for _, m := range Methods() {
		kinds = append(kinds, m.BookDoc)
	}
	for _, k := range kinds {
		key := k.Key()
		g, ok := de[key]
		kv, gv := message.Verbs(key), message.Verbs(g)
		slices.Sort(kv)
		slices.Sort(gv)
		if !ok || g == key || !slices.Equal(kv, gv) || en[key] != key {
			t.Errorf("%q: German %q (%v), English %q", key, g, ok, en[key])
		}
	}
}
