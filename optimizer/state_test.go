package optimizer

import (
	"context"
	"math"
	"testing"
)

// TestRuleStateByHand: the state after step 1 on x² + y² from (3, 2),
// where g₀ = (6, 4), worked by hand from the rules (η = 0.1).
func TestRuleStateByHand(t *testing.T) {
	cases := []struct {
		method      Method
		lr          float64
		arrow       [2]float64 // 0 = none
		steps       [2]float64
		eigen       [2]float64
		name, sname string
	}{
		// b₁ = g₀ = (6, 4): −η·b = (−0.6, −0.4)
		{Momentum, 0.1, [2]float64{-0.6, -0.4}, [2]float64{}, [2]float64{}, "−η·b", ""},
		// G₁ = (36, 16): η/(√G + 1e-10) = (0.1/6, 0.1/4)
		{Adagrad, 0.1, [2]float64{}, [2]float64{0.1 / (6 + 1e-10), 0.1 / (4 + 1e-10)}, [2]float64{}, "", "η/(√G + ε)"},
		// m̂ = g₀, v̂ = g₀²: −η·m̂ = (−0.6, −0.4), η/(√v̂ + 1e-8) = (0.1/6, 0.1/4)
		{Adam, 0.1, [2]float64{-0.6, -0.4}, [2]float64{0.1 / (6 + 1e-8), 0.1 / (4 + 1e-8)}, [2]float64{}, "−η·m̂", "η/(√v̂ + ε)"},
		// x₁ = (0, 0) after Newton's η = 1 step; H = 2I there, the next step is 0
		{Newton, 1, [2]float64{}, [2]float64{}, [2]float64{2, 2}, "−η(H + λI)⁻¹∇f", ""},
	}
	for _, tc := range cases {
		c := DefaultConfig()
		c.Method, c.LR, c.Steps = tc.method, tc.lr, 1
		r := Run(context.Background(), Problem{F: sphere}, c, nil)
		st, ok := NewReplayer(Problem{F: sphere}, r.Config, r.Points).State(1)
		if !ok || st.K != 1 || st.ArrowName != tc.name || st.StepsName != tc.sname {
			t.Errorf("%s: state %+v ok %v", tc.method, st, ok)
			continue
		}
		for i := range 2 {
			if math.Abs(st.Arrow[i]-tc.arrow[i]) > 1e-12 || math.Abs(st.Steps[i]-tc.steps[i]) > 1e-12 || math.Abs(st.Eigen[i]-tc.eigen[i]) > 1e-12 {
				t.Errorf("%s: arrow %v steps %v eigen %v, want %v %v %v", tc.method, st.Arrow, st.Steps, st.Eigen, tc.arrow, tc.steps, tc.eigen)
			}
		}
	}
}

// TestNewtonStateAtTheStart: Newton's next step from (1, 0.1) on the saddle
// x² − y² lands on (0, 0), and the Hessian's principal directions are y
// (λ = −2) and x (λ = 2), in ascending order.
func TestNewtonStateAtTheStart(t *testing.T) {
	c := newtonConfig([2]float64{1, 0.1}, 1, 1)
	r := Run(context.Background(), Problem{F: saddle}, c, nil)
	st, ok := NewReplayer(Problem{F: saddle}, r.Config, r.Points).State(0)
	if !ok || math.Abs(st.Arrow[0]+1) > 1e-12 || math.Abs(st.Arrow[1]+0.1) > 1e-12 || !st.HasAxes {
		t.Fatalf("state %+v ok %v", st, ok)
	}
	if st.Eigen != [2]float64{-2, 2} || math.Abs(math.Abs(st.Axes[0][1])-1) > 1e-12 || math.Abs(math.Abs(st.Axes[1][0])-1) > 1e-12 {
		t.Errorf("eigen %v axes %v, want −2 along y and 2 along x", st.Eigen, st.Axes)
	}
	if lines := st.Lines(2); len(lines) != 2 || lines[0] != "−η(H + λI)⁻¹∇f = (-1, -0.1)" {
		t.Errorf("lines %q", lines)
	}
}

// TestGDHasNoState: plain gd has no state to show.
func TestGDHasNoState(t *testing.T) {
	c := DefaultConfig()
	c.Steps = 2
	r := Run(context.Background(), Problem{F: sphere}, c, nil)
	if _, ok := NewReplayer(Problem{F: sphere}, r.Config, r.Points).State(1); ok {
		t.Error("gd has a state")
	}
}
