package optimizer_test

import (
	"context"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// benchProblem parses src with the function language.
func benchProblem(b *testing.B, src string) optimizer.Problem {
	b.Helper()
	f, err := expr.Parse(src)
	if err != nil {
		b.Fatal(err)
	}
	return optimizer.Problem{F: f, Source: src}
}

// benchRunSteps is the length of the runs the step benchmarks repeat:
// short enough that the trajectory's memory is reused from run to run (on
// a fresh VM page the first touch of memory costs more than a step).
const benchRunSteps = 100_000

// benchSteps repeats runs of benchRunSteps steps of c on p and reports the
// cost of one step (recording included) as ns/step and steps/s of wall
// time, and as cpu-ns/step of process CPU time (GC included).
func benchSteps(b *testing.B, p optimizer.Problem, c optimizer.Config) {
	c.Steps = benchRunSteps
	cpu := cpuTime()
	for b.Loop() {
		if r := optimizer.Run(context.Background(), p, c, nil); r.Steps != c.Steps {
			b.Fatalf("ran %d of %d steps: %s", r.Steps, c.Steps, r.Status)
		}
	}
	steps := float64(b.N * benchRunSteps)
	ns := float64(b.Elapsed().Nanoseconds()) / steps
	b.ReportMetric(ns, "ns/step")
	b.ReportMetric(1e9/ns, "steps/s")
	b.ReportMetric(float64((cpuTime()-cpu).Nanoseconds())/steps, "cpu-ns/step")
}

// BenchmarkStep measures one step of each method on the typed Rosenbrock
// with the exact gradient.
func BenchmarkStep(b *testing.B) {
	p := benchProblem(b, "(1 - x)^2 + 100(y - x^2)^2")
	for _, m := range optimizer.MethodNames() {
		if s, _ := optimizer.Method(m).Spec(); s.NoLearningRate {
			continue // their steps are iterations with a line search: BenchmarkBFGS
		}
		b.Run(m, func(b *testing.B) {
			c := optimizer.DefaultConfig()
			c.Method, c.Start, c.LR = optimizer.Method(m), [2]float64{-1.2, 1}, 1e-4
			if c.Method == optimizer.Ascent {
				c.LR = 1e-9 // climb, but stay within the bound
			}
			benchSteps(b, p, c)
		})
	}
}

// BenchmarkNumericStep measures a gd step on x^2 + y^2 with the
// central-difference gradient.
func BenchmarkNumericStep(b *testing.B) {
	p := benchProblem(b, "x^2 + y^2")
	c := optimizer.DefaultConfig()
	c.Gradient = optimizer.Numeric
	benchSteps(b, p, c)
}

// BenchmarkRun1M is a 1,000,000-step gd run on Rosenbrock end to end
// (allocation of the trajectory, verdict and analysis included).
func BenchmarkRun1M(b *testing.B) {
	p := benchProblem(b, "(1 - x)^2 + 100(y - x^2)^2")
	c := optimizer.DefaultConfig()
	c.Start, c.LR, c.Steps = [2]float64{-1.2, 1}, 1e-3, 1_000_000
	for b.Loop() {
		if r := optimizer.Run(context.Background(), p, c, nil); r.Steps != c.Steps {
			b.Fatalf("ran %d steps: %s", r.Steps, r.Status)
		}
	}
}

// BenchmarkScheduledStep measures a gd step on the typed Rosenbrock under
// each learning-rate schedule (compare with BenchmarkStep/gd).
func BenchmarkScheduledStep(b *testing.B) {
	p := benchProblem(b, "(1 - x)^2 + 100(y - x^2)^2")
	for _, text := range []string{"step:1000:0.9", "exp:0.99999", "cosine:100000:1e-5", "invsqrt"} {
		b.Run(text, func(b *testing.B) {
			s, err := optimizer.ParseSchedule(text)
			if err != nil {
				b.Fatal(err)
			}
			c := optimizer.DefaultConfig()
			c.Start, c.LR, c.Schedule = [2]float64{-1.2, 1}, 1e-4, s
			benchSteps(b, p, c)
		})
	}
}

// BenchmarkNoisyStep measures a gd step on the typed Rosenbrock with
// gradient noise σ = 0.1 (the target is ≤ 60 ns).
func BenchmarkNoisyStep(b *testing.B) {
	p := benchProblem(b, "(1 - x)^2 + 100(y - x^2)^2")
	c := optimizer.DefaultConfig()
	c.Start, c.LR, c.Noise = [2]float64{-1.2, 1}, 1e-4, 0.1
	benchSteps(b, p, c)
}

// BenchmarkArmijoStep measures a gd step on the typed Rosenbrock with the
// Armijo line search from η = 1e-3.
func BenchmarkArmijoStep(b *testing.B) {
	p := benchProblem(b, "(1 - x)^2 + 100(y - x^2)^2")
	c := optimizer.DefaultConfig()
	c.Start, c.LR, c.LineSearch = [2]float64{-1.2, 1}, 1e-3, optimizer.Armijo
	benchSteps(b, p, c)
}

// BenchmarkStep10D measures a step of gd, adam and newton on the 10-D
// Rosenbrock typed with sum, recording included (issue 14: a gd step in
// 10-D ≤ 400 ns).
func BenchmarkStep10D(b *testing.B) {
	p := benchProblem(b, "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8)")
	for _, m := range []optimizer.Method{optimizer.GD, optimizer.Adam, optimizer.Newton} {
		b.Run(string(m), func(b *testing.B) {
			c := optimizer.DefaultConfig().ForMethod(m)
			c.SetStart([]float64{-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1})
			if m == optimizer.GD {
				c.LR = 1e-4
			}
			benchSteps(b, p, c)
		})
	}
}
