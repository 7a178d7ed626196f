package optimizer

import (
	"context"
	"encoding/json"
	"math"
	"testing"
)

// TestExtremes runs every method on every test function with extreme
// settings: Run must return a consistent result, never panic, and its
// analysis must be writable as JSON.
func TestExtremes(t *testing.T) {
	funcs := map[string]testFunc{"sphere": sphere, "rosenbrock": rosenbrock, "saddle": saddle,
		"sigmoids": sigmoids, "parabola": parabola, "cos": cosine1D, "beale": beale}
	edits := map[string]func(*Config){
		"tiny lr":   func(c *Config) { c.LR = 1e-300 },
		"huge lr":   func(c *Config) { c.LR = 1e300 },
		"far start": func(c *Config) { c.Start = [2]float64{1e300, -1e300}; c.Bound = math.Inf(1) },
		"zero hyper": func(c *Config) {
			for _, n := range []string{"momentum", "alpha", "beta1", "beta2"} {
				c.Hyper.Set(n, 0)
			}
		},
		"huge mu":      func(c *Config) { c.Hyper.Set("momentum", math.Nextafter(1, 0)) }, // the largest valid μ
		"numeric tiny": func(c *Config) { c.Gradient, c.H = Numeric, 1e-300 },
		"tol huge":     func(c *Config) { c.Tol = 1e300 },
	}
	for fname, f := range funcs {
		for ename, edit := range edits {
			for _, m := range methodNames() {
				c := DefaultConfig()
				c.Method, c.Steps = m, 50
				edit(&c)
				r := Run(context.Background(), Problem{F: f}, c, nil)
				name := fname + "/" + ename + "/" + string(m)
				if r.Status == Invalid {
					t.Errorf("%s: invalid: %v", name, r.Err)
					continue
				}
				if len(r.Points) != r.Steps+1 || !samePoint(r.Final, r.Points[len(r.Points)-1]) || r.Verdict == "" || r.Analysis.Summary.String() == "" {
					t.Errorf("%s: %d points for %d steps, verdict %q", name, len(r.Points), r.Steps, r.Verdict)
				}
				for i, p := range r.Points {
					if p.K != i {
						t.Fatalf("%s: point %d has k %d", name, i, p.K)
					}
				}
				if (r.Status == Diverged) != (r.DivergedAt >= 0) {
					t.Errorf("%s: status %s, diverged at %d", name, r.Status, r.DivergedAt)
				}
				if _, err := json.Marshal(r.Analysis); err != nil {
					t.Errorf("%s: analysis not JSON: %v", name, err)
				}
			}
		}
	}
}

// samePoint compares points bit for bit (so NaN equals NaN).
func samePoint(a, b Point) bool {
	fa := []float64{a.X[0], a.X[1], a.F, a.Grad[0], a.Grad[1], a.Update[0], a.Update[1]}
	fb := []float64{b.X[0], b.X[1], b.F, b.Grad[0], b.Grad[1], b.Update[0], b.Update[1]}
	for i := range fa {
		if math.Float64bits(fa[i]) != math.Float64bits(fb[i]) {
			return false
		}
	}
	return a.K == b.K
}
