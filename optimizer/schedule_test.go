package optimizer

import (
	"context"
	"math"
	"reflect"
	"strings"
	"testing"

	"gdlab/message"
)

// TestScheduleRatesByHand: the first epochs of each schedule, from torch's
// documented closed forms worked by hand (η = 0.1).
func TestScheduleRatesByHand(t *testing.T) {
	cos4 := 0.1 * (1 + math.Sqrt2/2) / 2 // cos(π/4) = √2/2
	cases := []struct {
		text   string
		warmup int
		want   []float64 // epochs 0, 1, 2, …
	}{
		// StepLR(S=2, G=0.5): 0.1·0.5^⌊e/2⌋
		{"step:2:0.5", 0, []float64{0.1, 0.1, 0.05, 0.05, 0.025, 0.025}},
		// ExponentialLR(G=0.9): 0.1·0.9ᵉ
		{"exp:0.9", 0, []float64{0.1, 0.09, 0.081, 0.0729}},
		// CosineAnnealingLR(T=4, MIN=0): 0.1·(1 + cos(πe/4))/2
		{"cosine:4", 0, []float64{0.1, cos4, 0.05, 0.1 - cos4, 0}},
		// with MIN = 0.02: 0.02 + 0.08·(1 + cos(πe/2))/2
		{"cosine:2:0.02", 0, []float64{0.1, 0.06, 0.02}},
		// 0.1/√(1 + e)
		{"invsqrt", 0, []float64{0.1, 0.1 / math.Sqrt2, 0.1 / math.Sqrt(3), 0.05}},
		// warmup 4: 0.1·(e + 1)/4, then StepLR from its epoch 0
		{"step:2:0.5", 4, []float64{0.025, 0.05, 0.075, 0.1, 0.1, 0.1, 0.05}},
		// warmup alone: constant after the ramp
		{"none", 2, []float64{0.05, 0.1, 0.1, 0.1}},
	}
	for _, tc := range cases {
		s, err := ParseSchedule(tc.text)
		if err != nil {
			t.Fatalf("%s: %v", tc.text, err)
		}
		s.Warmup = tc.warmup
		sc := newScheduler(s, 0.1)
		for e, want := range tc.want {
			if got := s.Rate(0.1, e); math.Abs(got-want) > 1e-15 {
				t.Errorf("%s warmup %d: Rate(e=%d) = %.17g, want %.17g", tc.text, tc.warmup, e, got, want)
			}
			if got := sc.next(); math.Abs(got-want) > 1e-15 {
				t.Errorf("%s warmup %d: next() at e=%d = %.17g, want %.17g", tc.text, tc.warmup, e, got, want)
			}
		}
	}
}

// TestSchedulerFollowsTheClosedForms: the step-by-step rates of a run
// agree with the closed forms to 1e-12 over 300,000 epochs, warmup
// included: relative to the rate, and for cosine (whose rate passes through
// MIN, 0 here) relative to the base rate.
func TestSchedulerFollowsTheClosedForms(t *testing.T) {
	for _, text := range []string{"step:7:0.999", "exp:0.99997", "cosine:1000", "cosine:99991:0.001", "invsqrt"} {
		s, _ := ParseSchedule(text)
		s.Warmup = 50
		sc := newScheduler(s, 0.3)
		worst := 0.0
		for e := 0; e < 300_000; e++ {
			got, want := sc.next(), s.Rate(0.3, e)
			scale := math.Abs(want)
			if s.Kind == Cosine {
				scale = 0.3
			}
			worst = max(worst, math.Abs(got-want)/scale)
		}
		if worst > 1e-12 {
			t.Errorf("%s: the scheduler strays %.3g from the closed form", text, worst)
		}
	}
}

// TestParseSchedule: the valid texts round-trip; bad ones say what would
// be valid.
func TestParseSchedule(t *testing.T) {
	for _, text := range []string{"step:30:0.1", "exp:0.95", "cosine:100", "cosine:100:0.001", "invsqrt"} {
		s, err := ParseSchedule(" " + strings.ToUpper(text) + " ")
		if err != nil || s.String() != text {
			t.Errorf("%q: %v, %q", text, err, s.String())
		}
	}
	if s, err := ParseSchedule("none"); err != nil || !s.IsConstant() {
		t.Errorf("none: %v %+v", err, s)
	}
	bad := map[string]string{
		"linear":      "unknown schedule \"linear\": valid schedules are none, step:S:G, exp:G, cosine:T[:MIN], invsqrt",
		"step:30":     "schedule \"step:30\": write step:S:G with a whole S ≥ 1 and G > 0, e.g. step:30:0.1",
		"step:0:0.5":  "schedule \"step:0:0.5\": write step:S:G",
		"step:2.5:.5": "whole S ≥ 1",
		"exp:-1":      "schedule \"exp:-1\": write exp:G with G > 0",
		"cosine:10:x": "write cosine:T[:MIN]",
		"invsqrt:2":   "schedule \"invsqrt:2\": write invsqrt",
	}
	for text, want := range bad {
		_, err := ParseSchedule(text)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%q: got %v, want it to contain %q", text, err, want)
		}
	}
}

// TestScheduledGDByHand: gd on x² + y² from (3, 2) with exp:0.5: η₁ = 0.1,
// η₂ = 0.05, η₃ = 0.025, and each point records its rate.
func TestScheduledGDByHand(t *testing.T) {
	c := DefaultConfig()
	c.Steps, c.Schedule = 3, Schedule{Kind: ExpDecay, Gamma: 0.5}
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	want := [][2]float64{
		{3, 2},
		// g = (6, 4); x − 0.1·g
		{2.4, 1.6},
		// g = (4.8, 3.2); x − 0.05·g
		{2.16, 1.44},
		// g = (4.32, 2.88); x − 0.025·g
		{2.052, 1.368},
	}
	rates := []float64{0, 0.1, 0.05, 0.025}
	for k, p := range r.Points {
		if math.Abs(p.X[0]-want[k][0]) > 1e-12 || math.Abs(p.X[1]-want[k][1]) > 1e-12 || p.LR != rates[k] {
			t.Errorf("step %d: x %v lr %g, want %v lr %g", k, p.X, p.LR, want[k], rates[k])
		}
	}
	// The same schedule drives momentum (its rule's rate is set per step).
	c.Method = Momentum
	m := Run(context.Background(), Problem{F: sphere}, c, nil)
	// b₁ = g₀ = (6, 4): x₁ = (2.4, 1.6); b₂ = 0.9·(6, 4) + (4.8, 3.2) = (10.2, 6.8):
	// x₂ = (2.4, 1.6) − 0.05·(10.2, 6.8) = (1.89, 1.26)
	if x := m.Points[2].X; math.Abs(x[0]-1.89) > 1e-12 || math.Abs(x[1]-1.26) > 1e-12 {
		t.Errorf("momentum step 2 at %v, want (1.89, 1.26)", x)
	}
}

// TestNoiseIsSeeded: the same seed gives the same run, another seed
// another; the noise ξ = −u/η − ∇f (u the update, ∇f the recorded true
// gradient) has mean 0 and standard deviation σ; σ = 0 is the plain run.
func TestNoiseIsSeeded(t *testing.T) {
	c := DefaultConfig()
	c.Steps, c.Noise, c.LR = 20000, 0.5, 0.01
	a := Run(context.Background(), Problem{F: sphere}, c, nil)
	b := Run(context.Background(), Problem{F: sphere}, c, nil)
	c.Seed = 2
	other := Run(context.Background(), Problem{F: sphere}, c, nil)
	if !reflect.DeepEqual(a.Final, b.Final) || reflect.DeepEqual(a.Final, other.Final) {
		t.Fatalf("seed 1 twice: %v, %v; seed 2: %v", a.Final.X, b.Final.X, other.Final.X)
	}
	var sum, sq float64
	for k := 1; k < len(a.Points); k++ {
		for i := range 2 {
			xi := -a.Points[k].Update[i]/c.LR - a.Points[k-1].Grad[i]
			sum += xi
			sq += xi * xi
		}
	}
	n := float64(2 * (len(a.Points) - 1))
	mean, sd := sum/n, math.Sqrt(sq/n-(sum/n)*(sum/n))
	if math.Abs(mean) > 0.02 || math.Abs(sd-0.5) > 0.02 {
		t.Errorf("noise mean %.4f sd %.4f, want 0 and 0.5", mean, sd)
	}
	if g := a.Final.Grad; math.Abs(g[0]-2*a.Final.X[0]) > 1e-15 || math.Abs(g[1]-2*a.Final.X[1]) > 1e-15 {
		t.Errorf("the recorded gradient %v is not the true ∇f at %v", g, a.Final.X)
	}
	c.Noise, c.Steps, c.LR = 0, 100, 0.1
	plain := Run(context.Background(), Problem{F: sphere}, c, nil)
	c.Seed = 1
	if ref := Run(context.Background(), Problem{F: sphere}, c, nil); !reflect.DeepEqual(plain.Final, ref.Final) {
		t.Errorf("σ = 0 depends on the seed: %v, %v", plain.Final, ref.Final)
	}
}

// TestNoiseReplays: the replayer draws the run's noise again, so that the
// gradient it gives each step makes exactly the recorded update, for gd
// and for adam (whose state the noise shapes), and the worked step writes
// the noise out.
func TestNoiseReplays(t *testing.T) {
	for _, m := range []Method{GD, Adam} {
		c := DefaultConfig()
		c.Method, c.Steps, c.Noise, c.Seed = m, 50, 0.7, 9
		r := Run(context.Background(), Problem{F: sphere}, c, nil)
		rp := NewReplayer(Problem{F: sphere}, r.Config, r.Points)
		check := newRule(r.Config, sphere)
		for k := 1; k < len(r.Points); k++ {
			if _, ok := rp.Explain(k); !ok {
				t.Fatalf("%s: step %d not explained", m, k)
			}
			g := rp.grad(k - 1)
			if u0, u1 := check.step(g[0], g[1]); u0 != r.Points[k].Update[0] || u1 != r.Points[k].Update[1] {
				t.Fatalf("%s step %d: the replayed gradient gives (%g, %g), the run made %v", m, k, u0, u1, r.Points[k].Update)
			}
		}
		w, _ := NewReplayer(Problem{F: sphere}, r.Config, r.Points).Explain(1)
		text := strings.Join(w.Lines, "\n")
		if !strings.Contains(text, "g = ∇f + ξ = (6, 4) + (") || strings.Contains(strings.Join(w.Lines[2:], "\n"), "∇f") {
			t.Errorf("%s: worked step 1 (the rule's lines name the noisy gradient g):\n%s", m, text)
		}
	}
}

// TestNoiseStreamIsPinned: seed 1's first normal deviates, so that a change
// of generator (which would change every saved lesson's run) is noticed.
func TestNoiseStreamIsPinned(t *testing.T) {
	g := newNoise(1)
	got := []float64{g.NormFloat64(), g.NormFloat64(), g.NormFloat64()}
	want := pinnedNoise
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("deviate %d of seed 1 = %.17g, want %.17g", i, got[i], want[i])
		}
	}
}

// TestArmijoByHand: gd with the line search on x² + y² from (3, 2) and
// η = 1: g = (6, 4), f = 13, ‖g‖² = 52. α = 1 gives (−3, −2), f = 13 >
// 13 − 1e-4·52; α = 0.5 gives (0, 0), f = 0 ≤ 13 − 0.0026: taken.
func TestArmijoByHand(t *testing.T) {
	c := DefaultConfig()
	c.LR, c.Steps, c.LineSearch = 1, 1, Armijo
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	p := r.Points[1]
	if p.X != [2]float64{0, 0} || p.LR != 0.5 || p.Evals != [2]int32{3, 1} {
		t.Errorf("step 1: x %v α %g evals %v, want (0, 0), 0.5, {3, 1}", p.X, p.LR, p.Evals)
	}
	w, ok := NewReplayer(Problem{F: sphere}, r.Config, r.Points).Explain(1)
	text := strings.Join(w.Lines, "\n")
	if !ok || !strings.Contains(text, "α₁ = η·2^−1 = 1·2^−1 = 0.5") || !strings.Contains(text, "x₁ = x₀ − α·∇f = (3, 2) − 0.5·(6, 4) = (0, 0)") {
		t.Errorf("worked step:\n%s", text)
	}
}

// TestArmijoFails: at the minimum of x² + y² a noisy gradient points
// nowhere downhill, so no halving of η passes the test: the run stops as
// Failed with a reason, not a panic.
func TestArmijoFails(t *testing.T) {
	c := DefaultConfig()
	c.Start, c.Noise, c.LineSearch = [2]float64{0, 0}, 1, Armijo
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	if r.Status != Failed || r.Steps != 0 || !strings.Contains(r.Reason.String(), "step 1 could not be taken: the Armijo line search") {
		t.Errorf("status %s after %d steps, reason %q", r.Status, r.Steps, r.Reason.String())
	}
}

// TestExtrasValidate: bad schedules, noise and line searches name the
// field and what is valid.
func TestExtrasValidate(t *testing.T) {
	cases := []struct {
		change func(*Config)
		want   string
	}{
		{func(c *Config) { c.Noise = -1 }, "noise -1: σ must be 0 (none) or a positive finite number"},
		{func(c *Config) { c.Noise = math.Inf(1) }, "noise +Inf"},
		{func(c *Config) { c.Schedule.Warmup = -2 }, "warmup -2: must be 0 (none)"},
		{func(c *Config) { c.Schedule = Schedule{Kind: "linear"} }, "unknown schedule \"linear\""},
		{func(c *Config) { c.Schedule = Schedule{Kind: StepDecay, StepSize: 0, Gamma: 0.5} }, "write step:S:G"},
		{func(c *Config) { c.LineSearch = "wolfe" }, "line search \"wolfe\": valid line searches are none, armijo"},
		{func(c *Config) { c.Method, c.LineSearch = Adam, Armijo }, "line search \"armijo\": adam has none; only gd takes a line search"},
	}
	for _, tc := range cases {
		c := DefaultConfig()
		tc.change(&c)
		err := c.Validate(2)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
		if _, ok := message.As(err); !ok {
			t.Errorf("%v is not a message", err)
		}
	}
	if _, err := ParseLineSearch("Armijo "); err != nil {
		t.Error(err)
	}
}

// pinnedNoise are seed 1's first three N(0, 1) deviates from PCG(1,
// noiseStream) and math/rand/v2's NormFloat64.
var pinnedNoise = []float64{-2.3368449069639583, -0.90610650935397041, 1.1014300002841664}

// TestForMethod: a comparison keeps what each method can use.
func TestForMethod(t *testing.T) {
	c := DefaultConfig()
	c.LR, c.Noise, c.LineSearch = 0.002, 0.5, Armijo
	c.Schedule = Schedule{Kind: Cosine, TMax: 100}
	if n := c.ForMethod(Newton); n.LR != 1 || n.Noise != 0.5 || n.LineSearch != NoLineSearch || n.Schedule != c.Schedule {
		t.Errorf("newton: %+v", n)
	}
	if b := c.ForMethod(BFGS); !b.Schedule.IsConstant() || b.Noise != 0 || b.LineSearch != NoLineSearch || b.Validate(2) != nil {
		t.Errorf("bfgs: %+v (%v)", b, b.Validate(2))
	}
	if g := c.ForMethod(GD); !reflect.DeepEqual(g, c) {
		t.Errorf("gd: %+v, want the config unchanged", g)
	}
}

// TestScheduledRunsRecordTheirRates: every recorded step of a long
// scheduled run (the hot loop takes its rates in chunks, the other loop one
// by one) has the schedule's rate, for gd, momentum (its rule's rate set
// each step), noisy gd and newton.
func TestScheduledRunsRecordTheirRates(t *testing.T) {
	s := Schedule{Kind: Cosine, TMax: 700, MinLR: 1e-4, Warmup: 30}
	for _, tc := range []struct {
		m     Method
		noise float64
	}{{GD, 0}, {Momentum, 0}, {GD, 0.1}, {Newton, 0}} {
		c := DefaultConfig()
		c.Method, c.Steps, c.Schedule, c.Noise, c.LR = tc.m, 1000, s, tc.noise, 0.01
		r := Run(context.Background(), Problem{F: sphere}, c, nil)
		if r.Steps != 1000 {
			t.Fatalf("%s: %d steps, %s", tc.m, r.Steps, r.Status)
		}
		for k := 1; k <= 1000; k++ {
			if got, want := r.Points[k].LR, s.Rate(0.01, k-1); math.Abs(got-want) > 1e-12*0.01 {
				t.Fatalf("%s noise %g: step %d rate %.17g, want %.17g", tc.m, tc.noise, k, got, want)
			}
		}
	}
}
