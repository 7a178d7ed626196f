package optimizer_test

import (
	"strings"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// TestStabilitySentencesAreLocalFacts checks the sentence at points where a
// Hessian would mislead: overflow is called overflow, a domain error a
// domain error, a kink a kink; elsewhere it is a fact about the point.
func TestStabilitySentencesAreLocalFacts(t *testing.T) {
	for _, tc := range []struct {
		src  string
		x    [2]float64
		want string
	}{
		{"exp(exp(exp(x))) + y", [2]float64{3, 0}, "f overflows at the current point"},
		{"log(x) + y^2", [2]float64{-1, 0}, "outside the function's domain"},
		{"1/x + y^2", [2]float64{0, 1}, "outside the function's domain"},
		{"(x^2 + y^2)^0.5", [2]float64{0, 0}, "is not smooth at the current point"},
		{"abs(x) + y^2", [2]float64{0, 1}, "is not smooth"},
		{"relu(x) + y^2", [2]float64{0, 1}, "is not smooth"},
		{"max(x, y) + x^2", [2]float64{1, 1}, "is not smooth"},
		{"x^2 + y^2", [2]float64{3, 2}, "here, steps along the steepest direction shrink: lr 0.1 is below the critical 1.0"},
		{"1/x", [2]float64{3, 0}, "here, steps along the steepest direction shrink"},
		{"(1 - x)^2 + 100(y - x^2)^2", [2]float64{-1.2, 1}, "here, steps along the steepest direction grow"},
		{"abs(x) + y^2", [2]float64{2, 1}, "here, steps along the steepest direction shrink"},
		{"sin(x)*cos(y) + x^4", [2]float64{0.3, -0.7}, "here, steps"},
	} {
		f, err := expr.Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		c := optimizer.DefaultConfig()
		if got := optimizer.AnalyseAt(f, c, tc.x[:]).Summary.String(); !strings.Contains(got, tc.want) {
			t.Errorf("%s at %v: %q, want %q", tc.src, tc.x, got, tc.want)
		}
	}
}
