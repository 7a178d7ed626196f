package optimizer

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/optimize/functions"
)

// TestObjectivesAgainstGonum checks the hand-written test objectives against
// gonum's reference implementations (values and gradients; gonum v0.17.0's
// Beale.Hess uses x[1] where x[0] belongs, so Hessians are checked against
// differences of the exact gradient instead).
func TestObjectivesAgainstGonum(t *testing.T) {
	type gonumFunc interface {
		Func(x []float64) float64
		Grad(grad, x []float64)
	}
	const tol = 1e-9
	for _, test := range []struct {
		name string
		mine testFunc
		ref  gonumFunc
	}{
		{"sphere", sphere, functions.Sphere{}},
		{"rosenbrock", rosenbrock, functions.ExtendedRosenbrock{}},
		{"beale", beale, functions.Beale{}},
	} {
		for _, x := range [][2]float64{{-1.2, 1}, {0.3, -0.7}, {2, 0.5}, {3, 0.5}} {
			f, gx, gy := test.mine.ValueGrad(x[0], x[1])
			want := test.ref.Func(x[:])
			grad := make([]float64, 2)
			test.ref.Grad(grad, x[:])
			if !near(f, want, tol) || !near(gx, grad[0], tol) || !near(gy, grad[1], tol) {
				t.Errorf("%s at %v: got f %v grad (%v, %v), gonum %v %v", test.name, x, f, gx, gy, want, grad)
			}
		}
	}
	// The others: the exact gradient against a central difference.
	for name, fn := range map[string]testFunc{"booth": booth, "himmelblau": himmelblau, "matyas": matyas,
		"saddle": saddle, "sigmoids": sigmoids, "rosenbrock": rosenbrock, "beale": beale} {
		for _, x := range [][2]float64{{-1.2, 1}, {0.3, -0.7}, {2, 0.5}} {
			_, gx, gy := fn.ValueGrad(x[0], x[1])
			_, nx, ny := fn.NumericGrad(x[0], x[1], 1e-5)
			if !near(gx, nx, 1e-5) || !near(gy, ny, 1e-5) {
				t.Errorf("%s at %v: exact grad (%v, %v), numeric (%v, %v)", name, x, gx, gy, nx, ny)
			}
			h := fn.Hessian(x[0], x[1])
			_, ax, ay := fn.ValueGrad(x[0]+1e-6, x[1])
			_, bx, by := fn.ValueGrad(x[0]-1e-6, x[1])
			_, cx, cy := fn.ValueGrad(x[0], x[1]+1e-6)
			_, dx, dy := fn.ValueGrad(x[0], x[1]-1e-6)
			num := [2][2]float64{{(ax - bx) / 2e-6, (cx - dx) / 2e-6}, {(ay - by) / 2e-6, (cy - dy) / 2e-6}}
			for i := range 2 {
				for j := range 2 {
					if !near(h[i][j], num[i][j], 1e-5) {
						t.Errorf("%s at %v: Hessian[%d][%d] %v, numeric %v", name, x, i, j, h[i][j], num[i][j])
					}
				}
			}
		}
	}
}

// near reports whether a and b agree to tol, relatively for large values.
func near(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}
