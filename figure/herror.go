package figure

import (
	"math"

	"gdlab/optimizer"
	"gdlab/plotting"
)

// The steps of the h-error view: ten per decade from 10^hMinExp to
// 10^hMaxExp. The range goes four decades below 1e-16 so that the flat line
// where x + h == x (the numeric gradient is 0, the error is |∇f|) shows.
const (
	hMinExp    = -20
	hMaxExp    = 0
	hPerDecade = 10
)

// HSteps returns the steps of the h-error view, increasing: 1e-20 … 1, ten
// per decade (201 values), the powers of ten exactly as written in Go.
func HSteps() []float64 {
	n := (hMaxExp-hMinExp)*hPerDecade + 1
	hs := make([]float64, n)
	for i := range hs {
		k := hMinExp*hPerDecade + i
		if k%hPerDecade == 0 {
			hs[i] = math.Pow10(k / hPerDecade)
		} else {
			hs[i] = math.Pow(10, float64(k)/hPerDecade)
		}
	}
	return hs
}

// HError computes the data of the h-error view of p at x (x[1] is ignored
// for a function of x alone) with the chosen step h: for every step of
// HSteps, the Euclidean norm over the coordinates of the error against the
// exact gradient (ValueGrad) of the forward difference (f(x+h) − f(x))/h,
// computed from Value, and of the central difference, computed by the
// objective's NumericGrad, which is the numeric gradient the runs use
// ((f(x+h) − f(x−h))/2h, see optimizer.Numeric). A non-finite value (f
// undefined near x) stays NaN or ±Inf and leaves a gap in the figure. A
// problem without a function gives nil.
//
// x is the point as a vector of the function's dimension (a longer one is
// cut, a shorter one padded with zeros); for more than two variables the
// norms are over all coordinates and HErrorData.Coords holds the point.
func HError(p optimizer.Problem, start []float64, h float64) *plotting.HErrorData {
	if p.F == nil {
		return nil
	}
	dims := p.F.Dims()
	if fn, ok := p.F.(optimizer.ObjectiveN); ok && dims > 2 {
		x := make([]float64, dims)
		copy(x, start)
		return hErrorN(fn, x, h)
	}
	var x [2]float64
	copy(x[:], start)
	if dims == 1 {
		x[1] = 0
	}
	_, gx, gy := p.F.ValueGrad(x[0], x[1])
	if dims == 1 {
		gy = 0
	}
	d := &plotting.HErrorData{Point: x, Grad: [2]float64{gx, gy}, H: h, Hs: HSteps()}
	d.Forward = make([]float64, len(d.Hs))
	d.Central = make([]float64, len(d.Hs))
	f0 := p.F.Value(x[0], x[1])
	for i, s := range d.Hs {
		ex := (p.F.Value(x[0]+s, x[1])-f0)/s - gx
		ey := 0.0
		if dims == 2 {
			ey = (p.F.Value(x[0], x[1]+s)-f0)/s - gy
		}
		d.Forward[i] = math.Hypot(ex, ey)
		_, cx, cy := p.F.NumericGrad(x[0], x[1], s)
		if dims == 1 {
			cy = 0
		}
		d.Central[i] = math.Hypot(cx-gx, cy-gy)
	}
	return d
}

// hErrorN is HError for a function of n > 2 variables at x.
func hErrorN(fn optimizer.ObjectiveN, x []float64, h float64) *plotting.HErrorData {
	n := len(x)
	g, c, xs := make([]float64, n), make([]float64, n), make([]float64, n)
	f0 := fn.ValueGradN(x, g)
	d := &plotting.HErrorData{Point: [2]float64{x[0], x[1]}, Grad: [2]float64{g[0], g[1]}, Coords: x, GradCoords: g, H: h, Hs: HSteps()}
	d.Forward = make([]float64, len(d.Hs))
	d.Central = make([]float64, len(d.Hs))
	for i, s := range d.Hs {
		var fwd, cen float64
		copy(xs, x)
		for j := range n {
			xs[j] = x[j] + s
			e := (fn.ValueN(xs)-f0)/s - g[j]
			xs[j] = x[j]
			fwd += e * e
		}
		fn.NumericGradN(x, s, c)
		for j := range n {
			cen += (c[j] - g[j]) * (c[j] - g[j])
		}
		d.Forward[i], d.Central[i] = math.Sqrt(fwd), math.Sqrt(cen)
	}
	return d
}
