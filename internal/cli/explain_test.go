package cli

import (
	"strings"
	"testing"
)

func TestExplainPrintsTheArithmetic(t *testing.T) {
	out, errOut, code := cli("run", "--func", "x^2 + y^2", "--gradient", "numeric", "--explain", "1")
	want := `run 1: gd, lr 0.1, step 1
  ∂f/∂x ≈ (f(3.0001, 2) − f(2.9999, 2)) / 2h = (13.0006 − 12.9994) / 0.0002 = 6
  ∂f/∂y ≈ (f(3, 2.0001) − f(3, 1.9999)) / 2h = (13.0004 − 12.9996) / 0.0002 = 4
  ∇f(x₀) = ∇f(3, 2) ≈ (6, 4)   (h = 0.0001)
  x₁ = x₀ − η·∇f = (3, 2) − 0.1·(6, 4) = (2.4, 1.6)
`
	if code != 0 || out != want {
		t.Errorf("exit %d, stderr %q, output\n%s\nwant\n%s", code, errOut, out, want)
	}
	out, _, code = cli("run", "--func", "x^2", "--start", "3", "--method", "momentum", "--explain", "2")
	if code != 0 || !strings.Contains(out, "b₂ = μ·b₁ + (1 − τ)·∇f = 0.9·6 + 1·4.8 = 10.2") {
		t.Errorf("momentum, 1-D: exit %d\n%s", code, out)
	}
	out, _, _ = cli("run", "--func", "x^2 + y^2", "--steps", "5", "--explain", "9")
	if !strings.Contains(out, "the run stopped at step 5") {
		t.Errorf("a step after the end: %s", out)
	}
}

func TestHMustBePositive(t *testing.T) {
	for _, h := range []string{"0", "-1e-4"} {
		_, errOut, code := cli("run", "--func", "x^2 + y^2", "--gradient", "numeric", "--h", h)
		if code != 2 || !strings.Contains(errOut, "--h: the numeric-gradient step must be a positive number") {
			t.Errorf("--h %s: exit %d, %q", h, code, errOut)
		}
	}
	if _, errOut, code := cli("run", "--func", "x^2", "--explain", "-1"); code != 2 || !strings.Contains(errOut, "--explain") {
		t.Errorf("--explain -1: exit %d, %q", code, errOut)
	}
}

// TestExplainInNDimensions: --explain writes every coordinate of a 3-D
// function (issue 14's first example), and wraps the vectors of a 10-D one
// in rows of six without losing any.
func TestExplainInNDimensions(t *testing.T) {
	out, errOut, code := cli("run", "--func", "x[0]**2 + x[1]**2 + x[2]**2", "--start", "3,2,1", "--method", "adam", "--explain", "1")
	want := `run 1: adam, lr 0.1, step 1
  ∇f(x₀) = ∇f(3, 2, 1) = (6, 4, 2)
  m₁ = β1·m₀ + (1 − β1)·∇f = 0.9·(0, 0, 0) + 0.1·(6, 4, 2) = (0.6, 0.4, 0.2)
  v₁ = β2·v₀ + (1 − β2)·∇f² = 0.999·(0, 0, 0) + 0.001·(36, 16, 4) = (0.036, 0.016, 0.004)
  m̂ = m₁ / (1 − β1^1) = (0.6, 0.4, 0.2) / 0.1 = (6, 4, 2)
  v̂ = v₁ / (1 − β2^1) = (0.036, 0.016, 0.004) / 0.001 = (36, 16, 4)
  x₁ = x₀ − η·m̂ / (√v̂ + ε) = (3, 2, 1) − 0.1·(6, 4, 2) / ((6, 4, 2) + 1e-08) = (2.9, 1.9, 0.9)
`
	if code != 0 || out != want {
		t.Errorf("exit %d, stderr %q, output\n%s\nwant\n%s", code, errOut, out, want)
	}
	out, errOut, code = cli("run", "--func", "sum((x[i] - i)^2, i, 0, 9)", "--start", "0,0,0,0,0,0,0,0,0,0", "--explain", "1")
	want = `run 1: gd, lr 0.1, step 1
  ∇f(x₀) = ∇f(0, 0, 0, 0, 0, 0,
              0, 0, 0, 0)
         = (0, -2, -4, -6, -8, -10,
            -12, -14, -16, -18)
  x₁ = x₀ − η·∇f
     = (0, 0, 0, 0, 0, 0,
        0, 0, 0, 0)
       − 0.1·(0, -2, -4, -6, -8, -10,
              -12, -14, -16, -18)
     = (0, 0.2, 0.4, 0.6, 0.8, 1,
        1.2, 1.4, 1.6, 1.8)
`
	if code != 0 || out != want {
		t.Errorf("10-D: exit %d, stderr %q, output\n%s\nwant\n%s", code, errOut, out, want)
	}
}

// TestExplainMiniBatches: the worked step of a run learning from
// mini-batches writes the gradient of the update's batch, which it names,
// and the update that gradient made.
func TestExplainMiniBatches(t *testing.T) {
	out, errOut, code := cli("run", "--data", "line", "--batch", "5", "--steps", "3", "--explain", "2")
	want := `run 1: gd, lr 0.1, batches of 5, step 2
  ∇f_B(x₁) = ∇f_B(4.83213, 1.32777) = (48.7826, 15.2362)   (B: mini-batch 2 of epoch 1, 5 of the 50 rows 0…49: [0, 22, 7, 41, 30])
  x₂ = x₁ − η·∇f_B = (4.83213, 1.32777) − 0.1·(48.7826, 15.2362) = (-0.0461332, -0.195858)
`
	if code != 0 || out != want {
		t.Errorf("exit %d, stderr %q, output\n%s\nwant\n%s", code, errOut, out, want)
	}
}
