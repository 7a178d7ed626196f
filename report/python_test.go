package report

import (
	"strings"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// TestPythonHessianInNDimensions: the script of a Newton run of a 3-D
// function writes x as an array of three floats, a gradient of three
// components and a 3×3 Hessian whose constant entries are numbers (not
// 0*x[0] + …).
func TestPythonHessianInNDimensions(t *testing.T) {
	f, err := expr.Parse("x[0]^2*x[1] + 3*x[2]^2 - x[1]*x[2]")
	if err != nil {
		t.Fatal(err)
	}
	c := optimizer.DefaultConfig().ForMethod(optimizer.Newton)
	c.SetStart([]float64{3, 2, 1})
	script, err := PythonScript(optimizer.Problem{F: f}, []optimizer.Config{c})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"x = np.array([3, 2, 1], dtype=float)",
		"# ∂f/∂x[2] = ",
		"return np.array([[2*x[1], 2*x[0], 0], [2*x[0], 0, -1], [0, -1, 6]], dtype=float)",
	} {
		if !strings.Contains(script, want) {
			t.Errorf("no %q in\n%s", want, script)
		}
	}
	if strings.Contains(script, "0*x[0]+") {
		t.Errorf("a constant written as 0*x[0] + it:\n%s", script)
	}
}
