package optimizer_test

import (
	"testing"
	"time"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// TestGradientCosts: both costs are measured (positive) and it stops
// within a few budgets. The ratio depends on the machine: it is reported,
// never asserted.
func TestGradientCosts(t *testing.T) {
	f, err := expr.Parse("sum((x[i] - i)^2, i, 0, 9)")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	e, n := optimizer.GradientCosts(f, make([]float64, 10), 1e-4, 5*time.Millisecond)
	if e <= 0 || n <= 0 || time.Since(start) > time.Second {
		t.Errorf("exact %v, numeric %v, measured in %v", e, n, time.Since(start))
	}
	t.Logf("10-D sum: exact %v, numeric %v a gradient", e, n)
}
