package plotting

import "math"

// Test scenes built from plain closures (plotting must not import the
// optimizer): a tiny gradient descent produces realistic trajectories.

func rosen(x, y float64) float64 { return (1-x)*(1-x) + 100*(y-x*x)*(y-x*x) }
func rosenGrad(x, y float64) (float64, float64) {
	return -2*(1-x) - 400*x*(y-x*x), 200 * (y - x*x)
}

func himmel(x, y float64) float64 {
	a, b := x*x+y-11, x+y*y-7
	return a*a + b*b
}
func himmelGrad(x, y float64) (float64, float64) {
	a, b := x*x+y-11, x+y*y-7
	return 4*x*a + 2*b, 2*a + 4*y*b
}

// descend runs gradient descent (momentum mu) and returns the run, marking
// divergence when |x| exceeds 1e6 or f stops being finite.
func descend(label string, f func(x, y float64) float64, g func(x, y float64) (float64, float64),
	x, y, lr, mu float64, steps int) Run {
	r := Run{Label: label, DivergedAt: -1}
	var bx, by float64
	add := func(k int, x, y, gx, gy, vx, vy float64) {
		r.K = append(r.K, k)
		r.X, r.Y, r.F = append(r.X, x), append(r.Y, y), append(r.F, f(x, y))
		r.GX, r.GY, r.VX, r.VY = append(r.GX, gx), append(r.GY, gy), append(r.VX, vx), append(r.VY, vy)
	}
	gx, gy := g(x, y)
	add(0, x, y, gx, gy, 0, 0)
	for k := 1; k <= steps; k++ {
		bx, by = mu*bx+gx, mu*by+gy
		nx, ny := x-lr*bx, y-lr*by
		vx, vy := nx-x, ny-y
		x, y = nx, ny
		gx, gy = g(x, y)
		add(k, x, y, gx, gy, vx, vy)
		if math.Abs(x) > 1e6 || math.Abs(y) > 1e6 || !finite(f(x, y)) {
			r.DivergedAt = k
			break
		}
	}
	return r
}

// descend1 is gradient descent on a 1-D function.
func descend1(label string, f, df func(x float64) float64, x, lr float64, steps int) Run {
	r := Run{Label: label, DivergedAt: -1}
	for k := 0; k <= steps; k++ {
		r.X, r.F, r.GX = append(r.X, x), append(r.F, f(x)), append(r.GX, df(x))
		if k < steps {
			x -= lr * df(x)
		}
		if math.Abs(x) > 1e6 {
			r.DivergedAt = k + 1
			r.X, r.F, r.GX = append(r.X, x), append(r.F, f(x)), append(r.GX, df(x))
			break
		}
	}
	return r
}

func ptr(v float64) *float64 { return &v }

func rosenScene() *Scene {
	return &Scene{
		Key: "rosenbrock", F: rosen, Dims: 2,
		Box:    &Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3},
		Minima: [][2]float64{{1, 1}}, FMin: ptr(0),
		Runs: []Run{
			descend("gd lr=0.001", rosen, rosenGrad, -1.2, 1, 0.001, 0, 2000),
			descend("momentum lr=0.0005", rosen, rosenGrad, -1.2, 1, 0.0005, 0.9, 2000),
			descend("gd lr=0.0025", rosen, rosenGrad, -1.2, 1, 0.0025, 0, 2000),
		},
		Current: -1,
	}
}

func himmelScene() *Scene {
	return &Scene{
		Key: "himmelblau", F: himmel, Dims: 2,
		Box:    &Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5},
		Minima: [][2]float64{{3, 2}, {-2.805118, 3.131312}, {-3.779310, -3.283186}, {3.584428, -1.848126}},
		FMin:   ptr(0),
		Runs: []Run{
			descend("gd lr=0.01", himmel, himmelGrad, 0, 0, 0.01, 0, 60),
			descend("momentum lr=0.002", himmel, himmelGrad, -1, -4.5, 0.002, 0.9, 80),
		},
		Current: -1,
	}
}

func sphere(x, y float64) float64                { return x*x + y*y }
func sphereGrad(x, y float64) (float64, float64) { return 2 * x, 2 * y }

// sphereScene is x² + y² over box, with a run from inside the box's upper
// right part towards the origin, shown at step 12.
func sphereScene(box Box) *Scene {
	x0 := box.XMin + 0.8*(box.XMax-box.XMin)
	y0 := box.YMin + 0.7*(box.YMax-box.YMin)
	return &Scene{
		Key: "sphere", F: sphere, Dims: 2, Box: &box,
		Minima:  [][2]float64{{0, 0}},
		Runs:    []Run{descend("gd lr=0.05", sphere, sphereGrad, x0, y0, 0.05, 0, 40)},
		Current: 12,
	}
}

func curveScene() *Scene {
	f := func(x float64) float64 { return x*x*x*x - 3*x*x + x }
	df := func(x float64) float64 { return 4*x*x*x - 6*x + 1 }
	return &Scene{
		Key: "quartic", F: func(x, _ float64) float64 { return f(x) }, Dims: 1,
		Box:     &Box{XMin: -2.2, XMax: 2.2},
		Runs:    []Run{descend1("gd lr=0.05", f, df, 2, 0.05, 30), descend1("gd lr=0.02", f, df, -0.2, 0.02, 40)},
		Current: 8,
	}
}
