package optimizer_test

import (
	"context"
	"fmt"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// The textbook's first example: x² + y² from (3, 2), 100 gd steps at four
// learning rates, run as one set.
func ExampleRunSet() {
	f, err := expr.Parse("x[0]**2 + x[1]**2")
	if err != nil {
		fmt.Println(err)
		return
	}
	var cs []optimizer.Config
	for _, lr := range []float64{0.1, 1, 1.1, 1e-6} {
		c := optimizer.DefaultConfig()
		c.LR = lr
		cs = append(cs, c)
	}
	for _, r := range optimizer.RunSet(context.Background(), optimizer.Problem{F: f}, cs, nil) {
		fmt.Printf("%-9s %-11s after %3d steps: %s\n", r.Status, r.Verdict, r.Steps, r.Analysis.Summary.String())
	}
	// Output:
	// max-steps converged   after 100 steps: here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0
	// max-steps oscillating after 100 steps: here, steps along the steepest direction neither grow nor shrink: lr 1.0 is the critical rate
	// diverged  diverged    after  70 steps: here, steps along the steepest direction grow: lr 1.1 is above the critical 1.0
	// max-steps slow        after 100 steps: here, steps along the steepest direction shrink: lr 1e-06 is below the critical 1.0
}
