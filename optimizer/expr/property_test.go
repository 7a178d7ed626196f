package expr

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// exprGen generates random well-formed expressions over the whole language.
type exprGen struct{ r *rand.Rand }

var genNumbers = []string{"0.5", "1", "2", "3", "1.5", ".25", "1e-1", "2.5E0", "pi", "e"}

func (g exprGen) leaf() string {
	switch g.r.IntN(6) {
	case 0, 1:
		return "x"
	case 2, 3:
		return "y"
	case 4:
		return []string{"x[0]", "x[1]"}[g.r.IntN(2)]
	}
	return genNumbers[g.r.IntN(len(genNumbers))]
}

func (g exprGen) expr(depth int) string {
	if depth == 0 || g.r.IntN(5) == 0 {
		return g.leaf()
	}
	a := "(" + g.expr(depth-1) + ")"
	switch g.r.IntN(9) {
	case 0, 1:
		op := []string{" + ", " - ", "*", "/"}[g.r.IntN(4)]
		return a + op + "(" + g.expr(depth-1) + ")"
	case 2:
		exp := []string{"2", "3", "-1", "-2", "4", "0.5", "(1/3)", "1.5", "-0.5"}[g.r.IntN(9)]
		op := []string{"^", "**"}[g.r.IntN(2)]
		return a + op + exp
	case 3:
		return "-" + a
	case 4:
		return genNumbers[g.r.IntN(4)] + a // implicit multiplication
	case 5:
		fn := []string{"min", "max", "pow", "atan2"}[g.r.IntN(4)]
		return fn + "(" + g.expr(depth-1) + ", " + g.expr(depth-1) + ")"
	}
	fn := unaryOrder[g.r.IntN(len(unaryOrder))]
	return fn + a
}

// diffCheck compares an exact derivative with central differences at steps
// h and h/4. It returns checked = false when the two differences disagree
// (a kink, a pole or cancellation nearby: the difference is not a reliable
// oracle there) and ok = false when they agree but the exact value does not.
func diffCheck(exact float64, fn func(t float64) float64, t0, h float64) (checked, ok bool) {
	const rel = 1e-6
	d1 := (fn(t0+h) - fn(t0-h)) / (2 * h)
	h2 := h / 4
	fp, fm := fn(t0+h2), fn(t0-h2)
	d2 := (fp - fm) / (2 * h2)
	for _, v := range []float64{d1, d2, fp, fm, exact} {
		if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e8 {
			return false, true
		}
	}
	tol := rel * math.Max(1, math.Abs(d2))
	if math.Abs(d1-d2) > tol {
		return false, true
	}
	return true, math.Abs(exact-d2) <= 2*tol
}

// TestPropertyGradient compares the exact gradient and Hessian of random
// expressions with central differences (of the value, and of the exact
// gradient) at random points, with a fixed seed.
func TestPropertyGradient(t *testing.T) {
	g := exprGen{rand.New(rand.NewPCG(3, 11))}
	pts := rand.New(rand.NewPCG(5, 7))
	const exprs, points = 1500, 8
	var tried, checked int
	for range exprs {
		src := g.expr(4)
		f, err := Parse(src)
		if err != nil {
			if strings.Contains(err.Error(), "must use x") {
				continue
			}
			t.Fatalf("Parse(%q): %v", src, err)
		}
		for range points {
			x, y := 4*pts.Float64()-2, 4*pts.Float64()-2
			v, gx, gy := f.ValueGrad(x, y)
			if !sameValue(v, f.Value(x, y)) {
				t.Errorf("%q at (%v, %v): Value %v, ValueGrad value %v", src, x, y, f.Value(x, y), v)
			}
			if math.IsNaN(v) || math.IsInf(v, 0) || math.Abs(v) > 1e8 {
				continue
			}
			hx, hy := 1e-4*math.Max(1, math.Abs(x)), 1e-4*math.Max(1, math.Abs(y))
			type check struct {
				what  string
				exact float64
				fn    func(float64) float64
				t0, h float64
			}
			H := f.Hessian(x, y)
			checks := []check{
				{"gx", gx, func(t float64) float64 { return f.Value(t, y) }, x, hx},
				{"H[0][0]", H[0][0], func(t float64) float64 { _, gx, _ := f.ValueGrad(t, y); return gx }, x, hx},
			}
			if f.Dims() == 2 {
				checks = append(checks,
					check{"gy", gy, func(t float64) float64 { return f.Value(x, t) }, y, hy},
					check{"H[0][1]", H[0][1], func(t float64) float64 { _, gx, _ := f.ValueGrad(x, t); return gx }, y, hy},
					check{"H[1][0]", H[1][0], func(t float64) float64 { _, _, gy := f.ValueGrad(t, y); return gy }, x, hx},
					check{"H[1][1]", H[1][1], func(t float64) float64 { _, _, gy := f.ValueGrad(x, t); return gy }, y, hy},
				)
			}
			for _, c := range checks {
				tried++
				ok, good := diffCheck(c.exact, c.fn, c.t0, c.h)
				if !ok {
					continue
				}
				checked++
				if !good {
					t.Errorf("%q at (%v, %v): exact %s = %v, central difference %v",
						src, x, y, c.what, c.exact, (c.fn(c.t0+c.h/4)-c.fn(c.t0-c.h/4))/(c.h/2))
				}
			}
		}
	}
	// The differences must be a usable oracle for most derivatives, or the
	// test would prove nothing.
	if checked < tried/2 {
		t.Errorf("only %d of %d derivatives could be checked", checked, tried)
	}
	t.Logf("checked %d of %d derivatives", checked, tried)
}
