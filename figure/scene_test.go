package figure

import (
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

func TestSceneCarriesTheRunsAndTheProblem(t *testing.T) {
	f, err := expr.Parse("x^2 + y^2")
	if err != nil {
		t.Fatal(err)
	}
	fmin := 0.0
	p := optimizer.Problem{F: f, Source: "x^2 + y^2", Box: &optimizer.Box{XMin: -5, XMax: 5, YMin: -4, YMax: 4},
		Minima: [][2]float64{{0, 0}}, FMin: &fmin}
	c := optimizer.DefaultConfig()
	c.LR = 1.1
	c.Steps = 80
	res := optimizer.Run(t.Context(), p, c, nil)
	s := Scene(p, []Trace{TraceOf(res)}, 5)

	if s.Dims != 2 || s.Key != "x^2 + y^2" || s.Current != 5 || s.FMin != &fmin || len(s.Minima) != 1 {
		t.Errorf("scene header: %+v", s)
	}
	if s.Box == nil || s.Box.XMin != -5 || s.Box.YMax != 4 {
		t.Errorf("box %+v", s.Box)
	}
	if got := s.F(3, 2); got != 13 {
		t.Errorf("sampler f(3, 2) = %g", got)
	}
	r := s.Runs[0]
	if r.Label != "gd lr=1.1" || r.DivergedAt != 70 || len(r.K) != 71 || r.K[70] != 70 {
		t.Errorf("run: label %q diverged at %d, %d points", r.Label, r.DivergedAt, len(r.K))
	}
	lr := c.LR // x1 = x0 - lr·∇f(x0), in float64 as the optimizer computes it
	if r.X[1] != 3-lr*6 || r.Y[1] != 2-lr*4 || r.F[0] != 13 || r.GX[0] != 6 || r.GY[0] != 4 || r.VX[1] != -6.6000000000000005 {
		t.Errorf("first steps: x %v y %v f %v g (%v, %v) v %v", r.X[:2], r.Y[:2], r.F[0], r.GX[0], r.GY[0], r.VX[1])
	}
}
