package expr

import (
	"testing"

	"gonum.org/v1/gonum/diff/fd"
)

// benchFuncs are the functions of the benchmarks; Rosenbrock is typed as a
// student would type it.
var benchFuncs = []struct{ name, src string }{
	{"Rosenbrock", "(1-x)^2 + 100(y-x^2)^2"},
	{"Sphere", "x^2+y^2"},
	{"SinCos", "sin(x)*cos(y)"},
}

// sink keeps the compiler from discarding benchmarked results.
var sink float64

func BenchmarkValue(b *testing.B) {
	for _, bf := range benchFuncs {
		f := mustParse(b, bf.src)
		b.Run(bf.name, func(b *testing.B) {
			b.ReportAllocs()
			x, y := -1.2, 1.0
			for i := 0; i < b.N; i++ {
				sink += f.Value(x, y)
			}
		})
	}
}

func BenchmarkValueGrad(b *testing.B) {
	for _, bf := range benchFuncs {
		f := mustParse(b, bf.src)
		b.Run(bf.name, func(b *testing.B) {
			b.ReportAllocs()
			x, y := -1.2, 1.0
			for i := 0; i < b.N; i++ {
				v, gx, gy := f.ValueGrad(x, y)
				sink += v + gx + gy
			}
		})
	}
}

func BenchmarkHessian(b *testing.B) {
	f := mustParse(b, benchFuncs[0].src)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		h := f.Hessian(-1.2, 1)
		sink += h[0][1]
	}
}

// BenchmarkNumericGrad and BenchmarkNumericGradFD justify NumericGrad's
// own loop over gonum's fd.Gradient (same formula, same result).
func BenchmarkNumericGrad(b *testing.B) {
	f := mustParse(b, benchFuncs[0].src)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		_, gx, gy := f.NumericGrad(-1.2, 1, 1e-4)
		sink += gx + gy
	}
}

func BenchmarkNumericGradFD(b *testing.B) {
	f := mustParse(b, benchFuncs[0].src)
	settings := &fd.Settings{Formula: fd.Central, Step: 1e-4}
	fn := func(x []float64) float64 { return f.Value(x[0], x[1]) }
	grad := make([]float64, 2)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		x := []float64{-1.2, 1}
		fd.Gradient(grad, fn, x, settings)
		sink += f.Value(x[0], x[1]) + grad[0] + grad[1]
	}
}

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, err := Parse(benchFuncs[0].src); err != nil {
			b.Fatal(err)
		}
	}
}
