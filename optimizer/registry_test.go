package optimizer

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"
)

// methodNames is every method of the registry, for tests that run them all.
func methodNames() []Method {
	var ms []Method
	for _, s := range Methods() {
		ms = append(ms, s.Name)
	}
	return ms
}

// TestDampeningFollowsTorch checks momentum's dampening τ against
// torch.optim.SGD's documented rule: b₁ = g₁, then bₜ = μbₜ₋₁ + (1 − τ)gₜ;
// x ← x − ηbₜ. On x² + y² from (3, 2), η = 0.1, μ = 0.9, τ = 0.5:
func TestDampeningFollowsTorch(t *testing.T) {
	want := [][2]float64{
		// g=(6, 4); b=g=(6, 4); x − 0.1·b
		{2.4, 1.6},
		// g=(4.8, 3.2); b=0.9·(6, 4) + 0.5·(4.8, 3.2)=(7.8, 5.2); x − 0.1·b
		{1.62, 1.08},
		// g=(3.24, 2.16); b=0.9·(7.8, 5.2) + 0.5·(3.24, 2.16)=(8.64, 5.76); x − 0.1·b
		{0.756, 0.504},
	}
	c := DefaultConfig().With("dampening", 0.5)
	c.Method, c.Steps = Momentum, 3
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	for k, w := range want {
		x := r.Points[k+1].X
		if math.Abs(x[0]-w[0]) > 1e-12 || math.Abs(x[1]-w[1]) > 1e-12 {
			t.Errorf("step %d: %v, want %v", k+1, x, w)
		}
	}
	// τ = 0 is torch's default and the plain heavy ball, bit for bit.
	c0 := c.With("dampening", 0)
	plain := c
	plain.Hyper.Unset("dampening")
	a, b := Run(context.Background(), Problem{F: sphere}, c0, nil), Run(context.Background(), Problem{F: sphere}, plain, nil)
	if a.Final.X != b.Final.X || r.Config.Param("dampening") != 0.5 {
		t.Errorf("τ = 0 gives %v, the default %v", a.Final.X, b.Final.X)
	}
	if err := c.With("dampening", 1.5).Validate(2); err == nil || !strings.HasPrefix(err.Error(), "dampening 1.5: τ must be from 0 to 1") {
		t.Errorf("τ = 1.5: %v", err)
	}
}

// TestRegistryEntries checks what every part of the program relies on: each
// method has a doc, a rule and a constructor; each hyperparameter a label, a
// doc, a valid default and a symbol; shared names keep one range.
func TestRegistryEntries(t *testing.T) {
	seen := map[string]Param{}
	for _, m := range Methods() {
		if m.Doc.Key() == "" || m.Rule == "" || m.newRule == nil {
			t.Errorf("%s: doc %q, rule %q", m.Name, m.Doc.Key(), m.Rule)
		}
		if got, err := ParseMethod(strings.ToUpper(string(m.Name))); err != nil || got != m.Name {
			t.Errorf("ParseMethod(%s) = %q, %v", m.Name, got, err)
		}
		for _, p := range m.Params {
			if p.Label.Key() == "" || p.Doc.Key() == "" || p.Symbol == "" {
				t.Errorf("%s.%s: label %q doc %q symbol %q", m.Name, p.Name, p.Label.Key(), p.Doc.Key(), p.Symbol)
			}
			if err := p.Check(p.Default); err != nil {
				t.Errorf("%s.%s: default %v is invalid: %v", m.Name, p.Name, p.Default, err)
			}
			if q, ok := seen[p.Name]; ok && (q.Min != p.Min || q.Max != p.Max || q.MinOpen != p.MinOpen || q.MaxOpen != p.MaxOpen) {
				t.Errorf("%s: two ranges for one name", p.Name)
			}
			seen[p.Name] = p
			c := DefaultConfig()
			c.Method = m.Name
			if c.Param(p.Name) != p.Default {
				t.Errorf("%s.%s: unset gives %v, want the default %v", m.Name, p.Name, c.Param(p.Name), p.Default)
			}
		}
	}
	if len(Params()) != len(seen) {
		t.Errorf("Params lists %d names, the methods use %d", len(Params()), len(seen))
	}
	if _, err := ParseMethod("sgd"); err != nil {
		t.Error("the alias sgd is not accepted")
	}
	if _, err := ParseMethod("newton?"); err == nil || !strings.Contains(err.Error(), "valid methods are gd, ascent") {
		t.Errorf("unknown method: %v", err)
	}
}

func TestHyperIsAComparableValue(t *testing.T) {
	a := DefaultConfig()
	b := a.With("momentum", 0.5)
	if reflect.DeepEqual(a, b) || a.Param("momentum") != 0 || b.Param("momentum") != 0.5 {
		t.Error("With changed the original or did not set the value")
	}
	if v, ok := b.Hyper.Get("momentum"); !ok || v != 0.5 {
		t.Errorf("Get: %v %v", v, ok)
	}
	if b.Hyper.Set("no-such-parameter", 1) {
		t.Error("Set accepted an unknown name")
	}
	b.Hyper.Unset("momentum")
	if !reflect.DeepEqual(b, a) {
		t.Error("Unset did not restore the zero value")
	}
	// ε = 0 is the method's default, as lesson files and flags always said.
	c := DefaultConfig().With("eps", 0)
	c.Method = Adagrad
	if c.Param("eps") != 1e-10 || c.Validate(2) != nil {
		t.Errorf("ε = 0 for adagrad: %v, %v", c.Param("eps"), c.Validate(2))
	}
}

// TestDampeningCriticalRate checks momentumFactor: with τ the heavy ball's
// step is η(1 − τ), so the critical rate 2(1 + μ)/((1 − τ)λ)
// separates converging from diverging runs (parabola: λ = 6).
func TestDampeningCriticalRate(t *testing.T) {
	for _, tau := range []float64{0, 0.5, 0.9} {
		c := DefaultConfig().With("momentum", 0.9).With("dampening", tau)
		c.Method, c.Steps, c.Start = Momentum, 3000, [2]float64{1, 0}
		crit := 2 * 1.9 / ((1 - tau) * 6)
		for _, tc := range []struct {
			f    float64
			want Status
		}{{0.99, MaxSteps}, {1.01, Diverged}} {
			c.LR = crit * tc.f
			r := Run(context.Background(), Problem{F: parabola}, c, nil)
			if r.Status != tc.want || r.Analysis.CriticalLR == nil || math.Abs(*r.Analysis.CriticalLR-crit) > 1e-12*crit {
				t.Errorf("τ %g, lr %g×critical: %s (critical %v), want %s", tau, tc.f, r.Status, r.Analysis.CriticalLR, tc.want)
			}
		}
	}
	c := DefaultConfig().With("dampening", 1)
	c.Method = Momentum
	if a := AnalyseAt(sphere, c, []float64{1, 1}); a.CriticalLR != nil || !strings.Contains(a.Summary.String(), "no learning rate") {
		t.Errorf("τ = 1: %v %q", a.CriticalLR, a.Summary)
	}
}
