package optimizer

import (
	"context"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"
)

func textbook(lr float64, steps int) Config {
	c := DefaultConfig()
	c.LR, c.Steps = lr, steps
	return c
}

func TestTextbook(t *testing.T) {
	p := Problem{F: sphere}
	bg := context.Background()

	// lr 0.1: x_k = 0.8^k (3, 2), so after 100 steps |x| ≈ 0.8^100·3.6 ≈ 7e-10.
	r := Run(bg, p, textbook(0.1, 100), nil)
	if r.Status != MaxSteps || r.Steps != 100 || len(r.Points) != 101 || r.DivergedAt != -1 {
		t.Fatalf("lr 0.1: status %s steps %d points %d diverged at %d", r.Status, r.Steps, len(r.Points), r.DivergedAt)
	}
	if d := norm(r.Final.X[:]); d > 1e-8 {
		t.Errorf("lr 0.1: ends %g from the origin, want ≤ 1e-8", d)
	}
	for k, pt := range r.Points {
		want := math.Pow(0.8, float64(k))
		if pt.K != k || !near(pt.X[0], 3*want, 1e-12) || !near(pt.X[1], 2*want, 1e-12) {
			t.Fatalf("lr 0.1: point %d = %+v, want k %d at 0.8^k·(3, 2)", k, pt, k)
		}
	}
	if !reflect.DeepEqual(r.Final, r.Points[100]) {
		t.Errorf("Final %+v is not the last point %+v", r.Final, r.Points[100])
	}

	// lr 1: x ← x − 2x = −x exactly, so every even step is back at (3, 2).
	r = Run(bg, p, textbook(1, 100), nil)
	for k := 0; k <= 100; k += 2 {
		if r.Points[k].X != [2]float64{3, 2} || r.Points[k+min(1, 100-k)].X == [2]float64{3, 2} && k < 100 {
			t.Fatalf("lr 1: point %d at %v, point %d at %v", k, r.Points[k].X, k+1, r.Points[k+1].X)
		}
	}
	if r.Final.X != [2]float64{3, 2} || r.Status != MaxSteps {
		t.Errorf("lr 1: ended %s at %v, want max-steps at exactly (3, 2)", r.Status, r.Final.X)
	}

	// lr 1.1: x ← −1.2x, so |x_k| = 3·1.2^k first exceeds 1e6 at
	// k = ⌈log(1e6/3) / log 1.2⌉ (y = 2·1.2^k is still inside then).
	wantK := int(math.Ceil(math.Log(1e6/3) / math.Log(1.2)))
	if wantK != 70 {
		t.Fatalf("arithmetic: want k 70, computed %d", wantK)
	}
	r = Run(bg, p, textbook(1.1, 100), nil)
	if r.Status != Diverged || r.DivergedAt != wantK || r.Steps != wantK || len(r.Points) != wantK+1 {
		t.Fatalf("lr 1.1: status %s diverged at %d steps %d points %d, want diverged at %d",
			r.Status, r.DivergedAt, r.Steps, len(r.Points), wantK)
	}
	if x := math.Abs(r.Final.X[0]); x <= 1e6 || math.Abs(r.Points[wantK-1].X[0]) > 1e6 {
		t.Errorf("lr 1.1: |x| %g at the divergence point, %g before", x, r.Points[wantK-1].X[0])
	}

	// lr 1e-6 barely moves: x_100 = (1 − 2e-6)^100 (3, 2).
	r = Run(bg, p, textbook(1e-6, 100), nil)
	want := math.Pow(1-2e-6, 100)
	if !near(r.Final.X[0], 3*want, 1e-12) || !near(r.Final.X[1], 2*want, 1e-12) {
		t.Errorf("lr 1e-6: ended at %v, want %v", r.Final.X, [2]float64{3 * want, 2 * want})
	}
}

func TestStopRules(t *testing.T) {
	bg := context.Background()
	// Tolerance: ‖∇f(x_k)‖ = 0.8^k·‖(6, 4)‖ first ≤ 1e-3 at k = ⌈log(1e-3/‖(6,4)‖)/log 0.8⌉.
	c := textbook(0.1, 1000)
	c.Tol = 1e-3
	r := Run(bg, Problem{F: sphere}, c, nil)
	wantK := int(math.Ceil(math.Log(1e-3/math.Hypot(6, 4)) / math.Log(0.8)))
	if r.Status != Converged || r.Steps != wantK || norm(r.Final.Grad[:]) > 1e-3 || norm(r.Points[wantK-1].Grad[:]) <= 1e-3 {
		t.Errorf("tol 1e-3: status %s after %d steps (‖g‖ %g), want converged after %d", r.Status, r.Steps, norm(r.Final.Grad[:]), wantK)
	}
	// Converged at the start: nothing to do.
	c = textbook(0.1, 10)
	c.Start, c.Tol = [2]float64{0, 0}, 1e-9
	if r := Run(bg, Problem{F: sphere}, c, nil); r.Status != Converged || r.Steps != 0 || len(r.Points) != 1 {
		t.Errorf("start at the minimum: %s after %d steps, %d points", r.Status, r.Steps, len(r.Points))
	}
	// Zero steps: only the start.
	c = textbook(0.1, 0)
	if r := Run(bg, Problem{F: sphere}, c, nil); r.Status != MaxSteps || r.Steps != 0 || len(r.Points) != 1 || r.Final.X != [2]float64{3, 2} {
		t.Errorf("0 steps: %s after %d steps, %d points, final %v", r.Status, r.Steps, len(r.Points), r.Final.X)
	}
	// f not finite at the start: diverged at 0.
	logf := testFunc{dims: 2,
		f: func(x, y float64) float64 { return math.Log(x) + y },
		g: func(x, y float64) (float64, float64) { return 1 / x, 1 },
		h: func(x, y float64) [2][2]float64 { return [2][2]float64{{-1 / (x * x), 0}, {0, 0}} },
	}
	c = textbook(0.1, 10)
	c.Start = [2]float64{-1, 0}
	if r := Run(bg, Problem{F: logf}, c, nil); r.Status != Diverged || r.DivergedAt != 0 || len(r.Points) != 1 {
		t.Errorf("NaN at the start: %s at %d with %d points", r.Status, r.DivergedAt, len(r.Points))
	}
	// f becomes NaN during the run: log(x) with gd from 0.05, lr 0.1: x ← x − 0.1/x < 0.
	c.Start = [2]float64{0.05, 0}
	r = Run(bg, Problem{F: logf}, c, nil)
	if r.Status != Diverged || r.DivergedAt != 1 || !math.IsNaN(r.Final.F) || r.Verdict != VerdictDiverged {
		t.Errorf("NaN in the run: %s at %d, f %v, verdict %s", r.Status, r.DivergedAt, r.Final.F, r.Verdict)
	}
	if s := r.Analysis.Summary.String(); !strings.Contains(s, "start") && r.Analysis.At != "start" {
		t.Errorf("diverged run analysed at %q: %s", r.Analysis.At, s)
	}
	// An infinite bound: only non-finite values diverge; x² + y² overflows
	// to +Inf long after |x| passed 1e6.
	c = textbook(1.1, 10000)
	c.Bound = math.Inf(1)
	r = Run(bg, Problem{F: sphere}, c, nil)
	before := r.Points[len(r.Points)-2]
	if r.Status != Diverged || !math.IsInf(r.Final.F, 1) || math.IsInf(before.F, 0) || math.Abs(before.X[0]) < 1e150 {
		t.Errorf("bound +Inf: %s at %d, final %+v, before %+v", r.Status, r.DivergedAt, r.Final, before)
	}
}

func TestNumericGradient(t *testing.T) {
	c := textbook(1e-4, 100)
	c.Start, c.Gradient = [2]float64{-1.2, 1}, Numeric
	r := Run(context.Background(), Problem{F: rosenbrock}, c, nil)
	if len(r.Points) != 101 {
		t.Fatalf("%s after %d steps", r.Status, r.Steps)
	}
	for _, pt := range r.Points {
		_, gx, gy := rosenbrock.NumericGrad(pt.X[0], pt.X[1], DefaultH)
		if pt.Grad != [2]float64{gx, gy} {
			t.Fatalf("step %d: grad %v, want the central difference (%v, %v)", pt.K, pt.Grad, gx, gy)
		}
	}
	// On x² + y² the central difference is exact up to rounding.
	c = textbook(0.1, 100)
	c.Gradient = Numeric
	r = Run(context.Background(), Problem{F: sphere}, c, nil)
	exact := Run(context.Background(), Problem{F: sphere}, textbook(0.1, 100), nil)
	for k := range r.Points {
		if !near(r.Points[k].X[0], exact.Points[k].X[0], 1e-9) || !near(r.Points[k].X[1], exact.Points[k].X[1], 1e-9) {
			t.Fatalf("step %d: numeric at %v, exact at %v", k, r.Points[k].X, exact.Points[k].X)
		}
	}
	if r.Config.H != DefaultH {
		t.Errorf("h %v, want the default %v", r.Config.H, DefaultH)
	}
}

func TestOneDimensional(t *testing.T) {
	for _, m := range methodNames() {
		c := DefaultConfig()
		c.Method, c.Start, c.Steps = m, [2]float64{2, 5}, 50
		r := Run(context.Background(), Problem{F: parabola}, c, nil)
		if r.Status == Invalid || len(r.Points) != r.Steps+1 || r.Steps != 50 && r.Status != Diverged && r.Status != Converged {
			t.Fatalf("%s: status %s, %d points", m, r.Status, len(r.Points))
		}
		for _, pt := range r.Points {
			if pt.X[1] != 0 || pt.Grad[1] != 0 || pt.Update[1] != 0 {
				t.Fatalf("%s: point %+v moves y", m, pt)
			}
		}
		if len(r.Analysis.Start.Hessian) != 1 || r.Analysis.Start.Eigenvalues[0] != 6 {
			t.Errorf("%s: start curvature %+v, want f'' = 6", m, r.Analysis.Start)
		}
	}
	// gd, lr 0.1 from 2: x ← x − 0.1(6x − 1) = 0.4x + 0.1, so x_k − 1/6 = 0.4^k (2 − 1/6).
	c := DefaultConfig()
	c.Start, c.Steps = [2]float64{2, 0}, 30
	r := Run(context.Background(), Problem{F: parabola}, c, nil)
	for _, pt := range r.Points {
		want := 1.0/6 + math.Pow(0.4, float64(pt.K))*(2-1.0/6)
		if !near(pt.X[0], want, 1e-12) {
			t.Fatalf("step %d at %v, want %v", pt.K, pt.X[0], want)
		}
	}
	if cl := r.Analysis.CriticalLR; cl == nil || !near(*cl, 2.0/6, 1e-12) || r.Verdict != VerdictConverged {
		t.Errorf("critical lr %v, verdict %s; want 1/3 and converged", cl, r.Verdict)
	}
}

func TestInvalid(t *testing.T) {
	bad := func(edit func(*Config)) Config { c := DefaultConfig(); edit(&c); return c }
	for _, test := range []struct {
		c     Config
		field string
	}{
		{bad(func(c *Config) { c.Method = "sgdd" }), "method"},
		{bad(func(c *Config) { c.LR = 0 }), "lr"},
		{bad(func(c *Config) { c.LR = -1 }), "lr"},
		{bad(func(c *Config) { c.LR = math.NaN() }), "lr"},
		{bad(func(c *Config) { c.LR = math.Inf(1) }), "lr"},
		{bad(func(c *Config) { c.Start[0] = math.Inf(-1) }), "start x"},
		{bad(func(c *Config) { c.Start[1] = math.NaN() }), "start y"},
		{bad(func(c *Config) { c.Steps = -1 }), "steps"},
		{bad(func(c *Config) { c.Steps = MaxStepsLimit + 1 }), "steps"},
		{bad(func(c *Config) { c.Gradient = "exakt" }), "gradient"},
		{bad(func(c *Config) { c.H = -1e-4 }), "h"},
		{bad(func(c *Config) { c.Bound = -1 }), "bound"},
		{bad(func(c *Config) { c.Tol = math.NaN() }), "tol"},
		{bad(func(c *Config) { c.Hyper.Set("momentum", -0.1) }), "momentum"},
		{bad(func(c *Config) { c.Hyper.Set("alpha", 1.5) }), "alpha"},
		{bad(func(c *Config) { c.Hyper.Set("beta1", 1) }), "beta1"},
		{bad(func(c *Config) { c.Hyper.Set("beta2", -0.5) }), "beta2"},
		{bad(func(c *Config) { c.Hyper.Set("eps", -1e-8) }), "eps"},
	} {
		err := test.c.Validate(2)
		if err == nil || !strings.HasPrefix(err.Error(), test.field+" ") {
			t.Errorf("%+v: error %v, want one starting %q", test.c, err, test.field)
			continue
		}
		r := Run(context.Background(), Problem{F: sphere}, test.c, nil)
		if r.Status != Invalid || r.Err == nil || r.Points != nil || r.Verdict != VerdictInvalid {
			t.Errorf("%s: Run gave %s, err %v, %d points", test.field, r.Status, r.Err, len(r.Points))
		}
	}
	if err := DefaultConfig().Validate(2); err != nil {
		t.Errorf("default config: %v", err)
	}
	// Start y is ignored for 1-D functions.
	c := DefaultConfig()
	c.Start[1] = math.NaN()
	if err := c.Validate(1); err != nil {
		t.Errorf("1-D with NaN start y: %v", err)
	}
	if err := c.Validate(3); err == nil {
		t.Error("dims 3 accepted")
	}
	if r := Run(context.Background(), Problem{}, DefaultConfig(), nil); r.Status != Invalid || r.Err == nil {
		t.Errorf("no function: %s %v", r.Status, r.Err)
	}
	// Zero H, Bound, Eps and empty Gradient mean the defaults.
	c = Config{Method: Adam, LR: 0.1, Start: [2]float64{3, 2}, Steps: 5}.With("beta1", 0.9).With("beta2", 0.999)
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	if r.Status != MaxSteps || r.Config.H != DefaultH || r.Config.Bound != DefaultBound || r.Config.Param("eps") != 1e-8 || r.Config.Gradient != Exact {
		t.Errorf("defaults not filled: %s %+v", r.Status, r.Config)
	}
}

func TestParseMethod(t *testing.T) {
	for _, m := range methodNames() {
		got, err := ParseMethod(" " + strings.ToUpper(string(m)) + " ")
		if err != nil || got != m {
			t.Errorf("ParseMethod(%q) = %q, %v", m, got, err)
		}
	}
	if m, err := ParseMethod("sgd"); m != GD || err != nil {
		t.Errorf("sgd: %q %v", m, err)
	}
	if _, err := ParseMethod("adamw"); err == nil || !strings.Contains(err.Error(), "gd, ascent, momentum") {
		t.Errorf("adamw: %v", err)
	}
}

func TestCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	c := textbook(0.1, 10_000_000)
	started := make(chan struct{})
	var once sync.Once
	done := make(chan Result)
	go func() {
		done <- Run(ctx, Problem{F: sphere}, c, func(Progress) { once.Do(func() { close(started) }) })
	}()
	<-started // the run is under way (a report comes after ≥ 5 ms)
	cancel()
	at := time.Now()
	var r Result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return within 10 s of cancel")
	}
	if waited := time.Since(at); waited > 500*time.Millisecond {
		t.Errorf("Run returned %v after cancel", waited)
	}
	if r.Status != Cancelled || r.Steps >= c.Steps || r.Final.K != r.Steps || r.Points[0].K != 0 {
		t.Errorf("status %s after %d steps, final k %d", r.Status, r.Steps, r.Final.K)
	}
	// Already cancelled: only the start.
	r = Run(ctx, Problem{F: sphere}, c, nil)
	if r.Status != Cancelled || r.Steps != 0 || len(r.Points) != 1 {
		t.Errorf("cancelled before the start: %s after %d steps", r.Status, r.Steps)
	}
}

func TestReport(t *testing.T) {
	c := textbook(0.1, 300_000)
	c.Start = [2]float64{1, 1}
	var mu sync.Mutex
	var got []Progress
	var wg sync.WaitGroup
	began := time.Now()
	r := Run(context.Background(), Problem{F: rosenbrock}, c, func(pr Progress) {
		mu.Lock()
		got = append(got, pr)
		mu.Unlock()
		// Read the snapshot from another goroutine while the run goes on.
		wg.Go(func() {
			s := 0.0
			for j := 0; j < len(pr.Points); j += 1 + len(pr.Points)/100 {
				s += pr.Points[j].X[0]
			}
			_ = s + pr.Points[len(pr.Points)-1].X[0]
		})
	})
	took := time.Since(began)
	wg.Wait()
	if len(got) == 0 {
		t.Fatal("no report")
	}
	last := got[len(got)-1]
	if last.Step != r.Steps || len(last.Points) != len(r.Points) {
		t.Errorf("last report at step %d with %d points, run has %d steps and %d points", last.Step, len(last.Points), r.Steps, len(r.Points))
	}
	prev := -1
	for i, pr := range got {
		if pr.Step <= prev && i < len(got)-1 || pr.Points[len(pr.Points)-1].K != pr.Step {
			t.Fatalf("report %d: step %d after %d, last point k %d", i, pr.Step, prev, pr.Points[len(pr.Points)-1].K)
		}
		prev = pr.Step
		for j := 0; j < len(pr.Points); j += 1 + len(pr.Points)/100 {
			if !reflect.DeepEqual(pr.Points[j], r.Points[j]) {
				t.Fatalf("report %d point %d = %+v, later %+v", i, j, pr.Points[j], r.Points[j])
			}
		}
	}
	// Every report but the last comes at least ReportEvery after the one
	// before (or the start).
	if limit := int(took/ReportEvery) + 1; len(got) > limit {
		t.Errorf("%d reports in %v, at most %d allowed", len(got), took, limit)
	}
}

// withLimits runs f with the decimation limits lowered.
func withLimits(full, points int, f func()) {
	defer func(a, b int) { fullRecordSteps, decimatedPoints = a, b }(fullRecordSteps, decimatedPoints)
	fullRecordSteps, decimatedPoints = full, points
	f()
}

func TestDecimation(t *testing.T) {
	bg := context.Background()
	check := func(name string, r Result, n, s int) {
		t.Helper()
		pts := r.Points
		if pts[0].K != 0 || pts[0].X != r.Config.Start || !reflect.DeepEqual(pts[len(pts)-1], r.Final) || r.Final.K != r.Steps {
			t.Errorf("%s: first %+v, last %+v, final %+v", name, pts[0], pts[len(pts)-1], r.Final)
		}
		for i := 1; i < len(pts)-1; i++ {
			if pts[i].K != i*s {
				t.Fatalf("%s: point %d has k %d, want %d (stride %d)", name, i, pts[i].K, i*s, s)
			}
		}
		if len(pts) > n/s+2 {
			t.Errorf("%s: %d points for %d steps at stride %d", name, len(pts), n, s)
		}
	}
	withLimits(100, 10, func() {
		// 1000 steps at stride 100; lr 1.1 diverges at step 70, between kept points.
		r := Run(bg, Problem{F: sphere}, textbook(1.1, 1000), nil)
		if r.Status != Diverged || len(r.Points) != 2 || r.Points[1].K != 70 || r.DivergedAt != 70 {
			t.Errorf("diverged decimated run: %s at %d, points %+v", r.Status, r.DivergedAt, r.Points)
		}
		check("diverged", r, 1000, 100)
		// 1005 steps, stride ⌈1005/10⌉ = 101: 0, 101, …, 909 and the last 1005.
		r = Run(bg, Problem{F: sphere}, textbook(0.1, 1005), nil)
		check("max-steps", r, 1005, 101)
		if len(r.Points) != 11 || r.Verdict != VerdictConverged {
			t.Errorf("max-steps: %d points, verdict %s", len(r.Points), r.Verdict)
		}
		// The verdict sees consecutive steps even when the record does not:
		// lr 1 at an even stride records only (3, 2), yet it oscillates.
		r = Run(bg, Problem{F: sphere}, textbook(1, 2000), nil)
		check("oscillating", r, 2000, 200)
		if r.Verdict != VerdictOscillating {
			t.Errorf("decimated lr 1: verdict %s", r.Verdict)
		}
	})
	// With the real limits: 2,500,000 steps keep every third step.
	n := FullRecordSteps + FullRecordSteps/4
	r := Run(bg, Problem{F: sphere}, textbook(0.1, n), nil)
	s := (n + DecimatedPoints - 1) / DecimatedPoints
	check("real", r, n, s)
	if r.Steps != n || cap(r.Points) > n/s+2 {
		t.Errorf("real: %d steps, capacity %d", r.Steps, cap(r.Points))
	}
	// Up to FullRecordSteps every step is kept.
	if r := Run(bg, Problem{F: sphere}, textbook(0.1, 1000), nil); len(r.Points) != 1001 {
		t.Errorf("1000 steps: %d points", len(r.Points))
	}
}
