package report

import (
	"fmt"
	"io"
	"math"
	"strings"

	"gdlab/figure"
	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// WritePython prints a standalone Python 3 script, NumPy only, that
// reproduces every run of configs cs on p: the function, its gradient (the
// exact one as a formula, or the book's numerical_gradient with the run's
// h), the same update rule, steps and stop rules; a model's runs learning
// from mini-batches with the same batches, which it lists. Run, it prints
// one line per run: the final point as a JSON list; run with
// --trajectory, every point of each run instead, as a JSON list of
// {"k", "x", "f"} (and "loss", the mini-batch's loss at the point the
// update started from). (Where a run crosses kinks or oscillates
// chaotically, the last-bit differences of NumPy's and Go's pow and exp
// may grow; elsewhere the points agree to about 1e-12.)
func WritePython(w io.Writer, p optimizer.Problem, cs []optimizer.Config) error {
	script, err := PythonScript(p, cs)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, script)
	return err
}

// PythonScript is the script WritePython writes; the error says why the
// runs cannot be written out (a function not typed, a method without a
// NumPy rule, a noisy run too long to hold its noise, too many data rows or
// mini-batches to list).
func PythonScript(p optimizer.Problem, cs []optimizer.Config) (string, error) {
	var b strings.Builder
	b.WriteString(pythonHead)
	if err := writeObjective(&b, p, needsHessian(cs)); err != nil {
		return "", err
	}
	if err := writeBatches(&b, p, cs); err != nil {
		return "", err
	}
	b.WriteString(numericalGradient)
	names := make([]string, len(cs))
	for i, c := range cs {
		if err := optimizer.PythonSupported(c); err != nil {
			return "", err
		}
		names[i] = fmt.Sprintf("run_%d", i+1)
		if err := writeRun(&b, names[i], c, p.F.Dims(), batchesOf(p, c)); err != nil {
			return "", err
		}
	}
	fmt.Fprintf(&b, pythonMain, strings.Join(names, ", "))
	return b.String(), nil
}

// runBatches is how a run learns from mini-batches: their rows (0: the
// run uses all the data) and how often the engine evaluates the whole
// loss and with it its stop rules (every step with a line search; a
// script's runs are short enough to be recorded in full, so the sampler
// alone decides).
type runBatches struct{ size, every int }

// batchesOf is the mini-batches of the run of c on p.
func batchesOf(p optimizer.Problem, c optimizer.Config) runBatches {
	c.Seed = runSeed(c)
	sm := optimizer.SamplerOf(p.F, c)
	if sm == nil {
		return runBatches{}
	}
	rb := runBatches{size: c.Batch, every: max(1, sm.FullEvery())}
	if bt, ok := p.F.(model.Batched); ok && rb.size == 0 {
		rb.size = bt.Size
	}
	if c.LineSearch == optimizer.Armijo {
		rb.every = 1
	}
	return rb
}

// pythonMain runs every run (%s: their functions) and prints its final
// point, or with --trajectory its points.
const pythonMain = `

for run in (%s,):
    trace = []
    x = run(trace)
    print(json.dumps(trace if TRACE else x.tolist()))
`

// writeObjective writes f(x), grad(x) and, when a rule needs it,
// hessian(x): of the typed function, or of a model's loss over its data.
func writeObjective(b *strings.Builder, p optimizer.Problem, hessian bool) error {
	if l := model.LossOf(p.F); l != nil {
		if err := writeModel(b, l); err != nil {
			return err
		}
		if hessian && l.M.Classifier() {
			b.WriteString(modelHessian)
		} else if hessian {
			b.WriteString(quadraticHessian)
		}
		return nil
	}
	f, ok := p.F.(*expr.Func)
	if !ok {
		return fmt.Errorf("--format python needs a typed function or a model learning from data")
	}
	b.WriteString(expr.PythonPrelude)
	fmt.Fprintf(b, "\n\ndef f(x):\n    return %s\n", f.Python())
	if err := writeGradient(b, f); err != nil {
		return err
	}
	if hessian {
		return writeHessian(b, f)
	}
	return nil
}

const pythonHead = `#!/usr/bin/env python3
# Written by Gradient Descent Lab (gdlab run --format python): reproduces
# every run of the command with NumPy alone and prints the final point of
# each as a JSON list (with --trajectory: every point, k, x, f and a
# mini-batch's loss).
import json
import math
import sys

import numpy as np

np.seterr(all="ignore")  # a run that leaves the domain or overflows is a result
TRACE = "--trajectory" in sys.argv[1:]


def record(trace, k, x, loss=None):
    # point k of the run for --trajectory (loss: the mini-batch's, at the point
    # the update started from)
    if TRACE:
        p = {"k": k, "x": x.tolist(), "f": float(f(x))}
        if loss is not None:
            p["loss"] = float(loss)
        trace.append(p)


`

const numericalGradient = `

def numerical_gradient(f, x, h):
    # the book's central difference, one coordinate at a time
    grad = np.zeros_like(x)
    for idx in range(x.size):
        tmp = x[idx]
        x[idx] = tmp + h
        fxh1 = f(x)
        x[idx] = tmp - h
        fxh2 = f(x)
        grad[idx] = (fxh1 - fxh2) / (2 * h)
        x[idx] = tmp
    return grad
`

// writeGradient writes grad(x), the exact gradient from its formula.
func writeGradient(b *strings.Builder, f *expr.Func) error {
	var parts []string
	b.WriteString("\n\ndef grad(x):\n")
	for i, formula := range f.Gradient() {
		g, err := expr.Parse(formula)
		if err != nil {
			return fmt.Errorf("the gradient formula %q does not parse: %v", formula, err)
		}
		fmt.Fprintf(b, "    # %s = %s\n", partialName(i, f.Dims()), formula)
		parts = append(parts, g.Python())
	}
	fmt.Fprintf(b, "    return np.array([%s], dtype=float)\n", strings.Join(parts, ", "))
	return nil
}

// writeRun writes one run as a function that returns its final point (and
// records its points in trace), with the engine's order: the gradient at
// the start, then for each step the rate (a schedule's, the line
// search's), a mini-batch's gradient when batched, the noise, the update,
// the new point, its value and gradient, and the stop rules.
//
// A mini-batch run (rb.size > 0) checks the stop rules of the whole loss
// where the engine evaluates it: every rb.every-th step and the last.
func writeRun(b *strings.Builder, name string, c optimizer.Config, dims int, rb runBatches) error {
	batched, every := rb.size > 0, rb.every
	noise, err := optimizer.PythonNoise(c, dims)
	if err != nil {
		return err
	}
	init, step := optimizer.PythonRule(c)
	pre := optimizer.PythonRate(c)
	stop, loss := "np.all(np.abs(x) <= bound) and np.isfinite(f(x))", ""
	if batched {
		pre = append(pre, fmt.Sprintf("rows = batch(k, %d, %d)", runSeed(c), rb.size), "loss, g = f(x, rows), grad(x, rows)")
		stop, loss = "np.all(np.abs(x) <= bound) and np.isfinite(loss) and not (full and not np.isfinite(f(x)))", ", loss"
	}
	if noise != nil {
		pre = append(pre, "g = g + noise[k - 1][:x.size]")
	}
	step = append(append(pre, optimizer.PythonLineSearch(c)...), step...)
	gradient := "grad(x)"
	if c.Gradient == optimizer.Numeric {
		h := c.H
		if h == 0 {
			h = optimizer.DefaultH
		}
		gradient = "numerical_gradient(f, x, " + Exact(h) + ")"
	}
	bound := c.Bound
	if bound == 0 {
		bound = optimizer.DefaultBound
	}
	bound = math.Min(bound, math.MaxFloat64) // +Inf still catches Inf and NaN
	start := make([]string, dims)
	for i, v := range c.StartVec(dims) {
		start[i] = Exact(v)
	}
	fmt.Fprintf(b, "\n\ndef %s(trace):\n    # %s, %d steps, %s gradient%s\n", name, figure.Label(c), c.Steps, c.Gradient, batchNote(c, batched))
	fmt.Fprintf(b, "    x = np.array([%s], dtype=float)\n", strings.Join(start, ", "))
	fmt.Fprintf(b, "    bound, tol = %s, %s\n", Exact(bound), Exact(c.Tol))
	for _, l := range init {
		b.WriteString("    " + l + "\n")
	}
	writeNoise(b, c, noise)
	fmt.Fprintf(b, "    g = %s\n    record(trace, 0, x)\n", gradient)
	b.WriteString("    if not (np.all(np.abs(x) <= bound) and np.isfinite(f(x))):\n        return x\n")
	b.WriteString("    if tol > 0 and np.sum(g * g) <= tol * tol:\n        return x\n")
	fmt.Fprintf(b, "    for k in range(1, %d + 1):\n", c.Steps)
	for _, l := range step {
		b.WriteString("        " + l + "\n")
	}
	fmt.Fprintf(b, "        g = %s\n        record(trace, k, x%s)\n", gradient, loss)
	tol := "tol > 0"
	if batched {
		fmt.Fprintf(b, "        full = k %% %d == 0 or k == %d  # the steps gdlab evaluates the whole loss at\n", every, c.Steps)
		tol = "full and tol > 0"
	}
	fmt.Fprintf(b, "        if not (%s):\n            break\n", stop)
	fmt.Fprintf(b, "        if %s and np.sum(g * g) <= tol * tol:\n            break\n", tol)
	b.WriteString("    return x\n")
	return nil
}

// batchNote is the end of a batched run's head comment: its mini-batches'
// seed, and that their gradient is exact (as gdlab's sampler gives it).
func batchNote(c optimizer.Config, batched bool) string {
	if !batched {
		return ""
	}
	return fmt.Sprintf(" (the full loss's; the mini-batches of seed %d, their gradient exact)", runSeed(c))
}

// writeNoise writes the run's gradient noise σ·ξ as an array, one row per
// step, where the run has noise.
func writeNoise(b *strings.Builder, c optimizer.Config, noise [][]float64) {
	if noise == nil {
		return
	}
	n := len(noise[0])
	fmt.Fprintf(b, "    # the run's gradient noise σ·ξ, σ = %s, drawn by gdlab from seed %d (NumPy's\n", Exact(c.Noise), c.Seed)
	fmt.Fprintf(b, "    # generators differ; np.random.default_rng(seed).normal(0, σ, (steps, %d))\n", n)
	b.WriteString("    # gives other noise of the same kind)\n    noise = np.array([\n")
	for _, row := range noise {
		cells := make([]string, len(row))
		for i, v := range row {
			cells[i] = Exact(v)
		}
		fmt.Fprintf(b, "        [%s],\n", strings.Join(cells, ", "))
	}
	fmt.Fprintf(b, "    ], dtype=float).reshape(-1, %d)\n", n)
}

// partialName names the partial derivative along coordinate i of a
// function of dims variables: ∂f/∂x, ∂f/∂y, or ∂f/∂x[i].
func partialName(i, dims int) string {
	if dims <= 2 {
		return "∂f/∂" + "xy"[i:i+1]
	}
	return fmt.Sprintf("∂f/∂x[%d]", i)
}

// needsHessian reports whether the rule of some config calls hessian(x).
func needsHessian(cs []optimizer.Config) bool {
	for _, c := range cs {
		_, step := optimizer.PythonRule(c)
		for _, l := range step {
			if strings.Contains(l, "hessian(") {
				return true
			}
		}
	}
	return false
}

// writeHessian writes hessian(x), the exact Hessian from the derivatives of
// the gradient's formulas.
func writeHessian(b *strings.Builder, f *expr.Func) error {
	var rows []string
	for _, formula := range f.Gradient() {
		g, err := constantOrFunc(formula)
		if err != nil {
			return err
		}
		var row []string
		for _, d := range g.Gradient() {
			h, err := pythonOf(d)
			if err != nil {
				return err
			}
			row = append(row, h)
		}
		for len(row) < f.Dims() {
			row = append(row, "0") // a gradient component of x alone in a function of x and y
		}
		rows = append(rows, "["+strings.Join(row, ", ")+"]")
	}
	fmt.Fprintf(b, "\n\ndef hessian(x):\n    return np.array([%s], dtype=float)\n", strings.Join(rows, ", "))
	return nil
}

// pythonOf is a formula of the function language as NumPy: a constant as
// the number it is, not as 0*x[0] + it.
func pythonOf(formula string) (string, error) {
	if g, err := expr.Parse(formula); err == nil {
		return g.Python(), nil
	}
	g, err := constantOrFunc(formula)
	if err != nil {
		return "", err
	}
	return strings.TrimPrefix(g.Python(), "0*x[0]+"), nil
}

// constantOrFunc parses a formula of the function language, which may be a
// constant (the language wants a variable: 0*x + (…) folds back to it).
func constantOrFunc(formula string) (*expr.Func, error) {
	g, err := expr.Parse("0*x + (" + formula + ")")
	if err != nil {
		return nil, fmt.Errorf("the formula %q does not parse: %v", formula, err)
	}
	return g, nil
}
