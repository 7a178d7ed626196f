package optimizer

import "math"

// testFunc is a hand-written Objective with exact derivatives, so the
// engine can be tested without the function language.
type testFunc struct {
	dims int
	f    func(x, y float64) float64
	g    func(x, y float64) (gx, gy float64)
	h    func(x, y float64) [2][2]float64
}

func (t testFunc) Dims() int                  { return t.dims }
func (t testFunc) Value(x, y float64) float64 { return t.f(x, y) }
func (t testFunc) ValueGrad(x, y float64) (f, gx, gy float64) {
	gx, gy = t.g(x, y)
	return t.f(x, y), gx, gy
}
func (t testFunc) NumericGrad(x, y, h float64) (f, gx, gy float64) {
	gx = (t.f(x+h, y) - t.f(x-h, y)) / (2 * h)
	if t.dims == 2 {
		gy = (t.f(x, y+h) - t.f(x, y-h)) / (2 * h)
	}
	return t.f(x, y), gx, gy
}
func (t testFunc) Hessian(x, y float64) [2][2]float64 { return t.h(x, y) }

// sphere is x² + y².
var sphere = testFunc{dims: 2,
	f: func(x, y float64) float64 { return x*x + y*y },
	g: func(x, y float64) (float64, float64) { return 2 * x, 2 * y },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{2, 0}, {0, 2}} },
}

// rosenbrock is (1 − x)² + 100(y − x²)².
var rosenbrock = testFunc{dims: 2,
	f: func(x, y float64) float64 { a, b := 1-x, y-x*x; return a*a + 100*b*b },
	g: func(x, y float64) (float64, float64) {
		return -2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)
	},
	h: func(x, y float64) [2][2]float64 {
		return [2][2]float64{{2 - 400*y + 1200*x*x, -400 * x}, {-400 * x, 200}}
	},
}

// booth is (x + 2y − 7)² + (2x + y − 5)².
var booth = testFunc{dims: 2,
	f: func(x, y float64) float64 { a, b := x+2*y-7, 2*x+y-5; return a*a + b*b },
	g: func(x, y float64) (float64, float64) {
		a, b := x+2*y-7, 2*x+y-5
		return 2*a + 4*b, 4*a + 2*b
	},
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{10, 8}, {8, 10}} },
}

// himmelblau is (x² + y − 11)² + (x + y² − 7)².
var himmelblau = testFunc{dims: 2,
	f: func(x, y float64) float64 { a, b := x*x+y-11, x+y*y-7; return a*a + b*b },
	g: func(x, y float64) (float64, float64) {
		a, b := x*x+y-11, x+y*y-7
		return 4*x*a + 2*b, 2*a + 4*y*b
	},
	h: func(x, y float64) [2][2]float64 {
		return [2][2]float64{{12*x*x + 4*y - 42, 4*x + 4*y}, {4*x + 4*y, 4*x + 12*y*y - 26}}
	},
}

// beale is (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)².
var beale = testFunc{dims: 2,
	f: func(x, y float64) float64 {
		a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
		return a*a + b*b + c*c
	},
	g: func(x, y float64) (float64, float64) {
		a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
		return 2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1),
			2*a*x + 2*b*2*x*y + 2*c*3*x*y*y
	},
	h: func(x, y float64) [2][2]float64 {
		a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
		ax, bx, cx := y-1, y*y-1, y*y*y-1
		ay, by, cy := x, 2*x*y, 3*x*y*y
		hxx := 2 * (ax*ax + bx*bx + cx*cx)
		hyy := 2*(ay*ay+by*by+cy*cy) + 2*(b*2*x+c*6*x*y)
		hxy := 2*(ax*ay+bx*by+cx*cy) + 2*(a+b*2*y+c*3*y*y)
		return [2][2]float64{{hxx, hxy}, {hxy, hyy}}
	},
}

// matyas is 0.26(x² + y²) − 0.48xy.
var matyas = testFunc{dims: 2,
	f: func(x, y float64) float64 { return 0.26*(x*x+y*y) - 0.48*x*y },
	g: func(x, y float64) (float64, float64) { return 0.52*x - 0.48*y, 0.52*y - 0.48*x },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{0.52, -0.48}, {-0.48, 0.52}} },
}

// saddle is x² − y².
var saddle = testFunc{dims: 2,
	f: func(x, y float64) float64 { return x*x - y*y },
	g: func(x, y float64) (float64, float64) { return 2 * x, -2 * y },
	h: func(x, y float64) [2][2]float64 { return [2][2]float64{{2, 0}, {0, -2}} },
}

// sigmoids is σ(x) + σ(y), flat far out (a plateau) and without a minimum.
var sigmoids = testFunc{dims: 2,
	f: func(x, y float64) float64 { return sigm(x) + sigm(y) },
	g: func(x, y float64) (float64, float64) { return dsigm(x), dsigm(y) },
	h: func(x, y float64) [2][2]float64 {
		return [2][2]float64{{d2sigm(x), 0}, {0, d2sigm(y)}}
	},
}

func sigm(x float64) float64   { return 1 / (1 + math.Exp(-x)) }
func dsigm(x float64) float64  { s := sigm(x); return s * (1 - s) }
func d2sigm(x float64) float64 { s := sigm(x); return s * (1 - s) * (1 - 2*s) }

// parabola is the 1-D function 3x² − x (minimum at 1/6, f″ = 6).
var parabola = testFunc{dims: 1,
	f: func(x, _ float64) float64 { return 3*x*x - x },
	g: func(x, _ float64) (float64, float64) { return 6*x - 1, 0 },
	h: func(x, _ float64) [2][2]float64 { return [2][2]float64{{6, 0}, {0, 0}} },
}

// cosine1D is the 1-D function cos(x) (f″ = −cos x).
var cosine1D = testFunc{dims: 1,
	f: func(x, _ float64) float64 { return math.Cos(x) },
	g: func(x, _ float64) (float64, float64) { return -math.Sin(x), 0 },
	h: func(x, _ float64) [2][2]float64 { return [2][2]float64{{-math.Cos(x), 0}, {0, 0}} },
}
