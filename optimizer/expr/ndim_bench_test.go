package expr

import "testing"

// rosen10 is the 10-D Rosenbrock function typed with sum.
const rosen10 = "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8)"

// rosenStart is the standard start of the n-D Rosenbrock function.
func rosenStart(n int) []float64 {
	x := make([]float64, n)
	for i := range x {
		x[i] = -1.2
		if i%2 == 1 {
			x[i] = 1
		}
	}
	return x
}

func BenchmarkValueGradN(b *testing.B) {
	for _, bf := range []struct{ name, src string }{
		{"Rosenbrock10", rosen10},
		{"Sphere10", "sum(x[i]^2, i, 0, 9)"},
		{"Rosenbrock64", "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 62)"},
	} {
		f := mustParse(b, bf.src)
		x, g := rosenStart(f.Dims()), make([]float64, f.Dims())
		b.Run(bf.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sink += f.ValueGradN(x, g)
			}
		})
	}
}

func BenchmarkValueN(b *testing.B) {
	f := mustParse(b, rosen10)
	x := rosenStart(10)
	b.ReportAllocs()
	for b.Loop() {
		sink += f.ValueN(x)
	}
}

func BenchmarkNumericGradN(b *testing.B) {
	f := mustParse(b, rosen10)
	x, g := rosenStart(10), make([]float64, 10)
	b.ReportAllocs()
	for b.Loop() {
		sink += f.NumericGradN(x, 1e-4, g)
	}
}

func BenchmarkHessianN(b *testing.B) {
	f := mustParse(b, rosen10)
	x, h := rosenStart(10), make([]float64, 100)
	b.ReportAllocs()
	for b.Loop() {
		f.HessianN(x, h)
		sink += h[1]
	}
}

func BenchmarkParseSum(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(rosen10); err != nil {
			b.Fatal(err)
		}
	}
}
