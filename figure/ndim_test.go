package figure

import (
	"context"
	"math"
	"testing"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
	"gdlab/plotting"
)

// runN runs method m on src from start and returns the problem and trace.
func runN(t testing.TB, src string, m optimizer.Method, lr float64, steps int, start ...float64) (optimizer.Problem, Trace) {
	t.Helper()
	f, err := expr.Parse(src)
	if err != nil {
		t.Fatal(err)
	}
	p := optimizer.Problem{F: f, Source: src}
	c := optimizer.DefaultConfig().ForMethod(m)
	c.LR, c.Steps = lr, steps
	c.SetStart(start)
	return p, TraceOf(optimizer.Run(context.Background(), p, c, nil))
}

// TestPlaneOfAPlanarPath: gd on ½(x[0]² + 2x[1]² + 3x[2]²) from (1, 1, 0)
// never leaves the plane x[2] = 0, so the plane of its path explains all
// of its variance, its directions lie in that plane, and the projected
// path keeps the distances of the path to its end.
func TestPlaneOfAPlanarPath(t *testing.T) {
	p, tr := runN(t, "0.5*(x[0]^2 + 2*x[1]^2 + 3*x[2]^2)", optimizer.GD, 0.1, 30, 1, 1, 0)
	s := SceneN(p, []Trace{tr}, -1, 0, Projection{Kind: plotting.ProjectionPlane})
	if s.Projection == nil || s.Projection.Kind != plotting.ProjectionPlane || math.Abs(s.Projection.Share-1) > 1e-12 {
		t.Fatalf("projection %+v, want the plane with share 1", s.Projection)
	}
	pl, _ := pathPlane(tr.Points, 3)
	if math.Abs(pl.u[2]) > 1e-12 || math.Abs(pl.v[2]) > 1e-12 {
		t.Errorf("directions %v, %v leave the plane x[2] = 0", pl.u, pl.v)
	}
	end := tr.Points[len(tr.Points)-1].Pos(3)
	r := s.Runs[0]
	for k, pt := range tr.Points {
		x := pt.Pos(3)
		d := math.Sqrt(math.Pow(x[0]-end[0], 2) + math.Pow(x[1]-end[1], 2) + math.Pow(x[2]-end[2], 2))
		if got := math.Hypot(r.X[k], r.Y[k]); math.Abs(got-d) > 1e-12 {
			t.Fatalf("step %d: projected distance to the end %v, want %v", k, got, d)
		}
		// The sampler on the plane is f at the point of ℝ³ it stands for.
		if got := s.F(r.X[k], r.Y[k]); math.Abs(got-pt.F) > 1e-12 {
			t.Fatalf("step %d: f on the plane %v, want %v", k, got, pt.F)
		}
	}
}

// TestPlaneShareOfASpiral: a path that leaves every plane has a share
// below 1 and above 0, and the share is the top two variances' part.
func TestPlaneShareOfASpiral(t *testing.T) {
	p, tr := runN(t, "sum(0.5*(i+1)*x[i]^2, i, 0, 4)", optimizer.Momentum, 0.05, 200, 1, 1, 1, 1, 1)
	s := SceneN(p, []Trace{tr}, -1, 0, Projection{Kind: plotting.ProjectionPlane})
	if sh := s.Projection.Share; !(sh > 0.5 && sh < 1) {
		t.Errorf("share %v, want in (0.5, 1)", sh)
	}
}

// TestSliceHeldAtTheStart: the slice through x[0] and x[2] shows f with
// x[1] at the start's value, the path's coordinates 0 and 2 on its axes.
func TestSliceHeldAtTheStart(t *testing.T) {
	p, tr := runN(t, "x[0]^2 + 10*x[1]^2 + x[2]^4", optimizer.GD, 0.01, 10, 3, 2, 1)
	s := SceneN(p, []Trace{tr}, -1, 0, Projection{I: 0, J: 2, Held: plotting.HeldAtStart})
	if s.AxisNames != [2]string{"x[0]", "x[2]"} || s.Projection.Kind != plotting.ProjectionSlice {
		t.Fatalf("axes %v, projection %+v", s.AxisNames, s.Projection)
	}
	if got, want := s.F(0.5, -1), 0.25+10*4+1.0; math.Abs(got-want) > 1e-12 {
		t.Errorf("f(0.5, x[1] = 2, −1) = %v, want %v", got, want)
	}
	for k, pt := range tr.Points {
		if s.Runs[0].X[k] != pt.Coord(0) || s.Runs[0].Y[k] != pt.Coord(2) {
			t.Fatalf("step %d: drawn at (%v, %v), want (%v, %v)", k, s.Runs[0].X[k], s.Runs[0].Y[k], pt.Coord(0), pt.Coord(2))
		}
	}
	// Held at the end, x[1] is the last point's.
	s = SceneN(p, []Trace{tr}, -1, 0, Projection{I: 0, J: 2, Held: plotting.HeldAtEnd})
	x1 := tr.Points[len(tr.Points)-1].Coord(1)
	if got, want := s.F(0, 0), 10*x1*x1; math.Abs(got-want) > 1e-12 {
		t.Errorf("held at the end: f(0, x[1], 0) = %v, want %v", got, want)
	}
	x := PlanePoint(p, []Trace{tr}, -1, 0, Projection{I: 0, J: 2, Held: plotting.HeldAtStart}, 0.5, -1)
	if x[0] != 0.5 || x[1] != 2 || x[2] != -1 {
		t.Errorf("a tap at (0.5, −1) starts at %v, want (0.5, 2, −1)", x)
	}
}

// TestCoordinatesThatMoveMost: of 12 coordinates the view draws the 8
// whose range over the path is widest, in index order, and says how many
// it leaves out.
func TestCoordinatesThatMoveMost(t *testing.T) {
	// x[i] starts at i and gd moves it to 0: the range of x[i] is i·(1 − 0.9⁵⁰).
	p, tr := runN(t, "sum(0.5*x[i]^2, i, 0, 11)", optimizer.GD, 0.1, 50, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
	s := SceneN(p, []Trace{tr}, -1, 0, Projection{})
	c := s.Coords
	want := []string{"x[4]", "x[5]", "x[6]", "x[7]", "x[8]", "x[9]", "x[10]", "x[11]"}
	if c == nil || c.Omitted != 4 || len(c.Names) != 8 {
		t.Fatalf("coords %+v", c)
	}
	for i, n := range want {
		if c.Names[i] != n || c.V[i][0] != float64(i+4) || len(c.V[i]) != len(tr.Points) {
			t.Errorf("line %d: %s from %v, want %s from %d", i, c.Names[i], c.V[i][0], n, i+4)
		}
	}
}

// BenchmarkPlaneFigure is the plane-of-the-path figure of a 100,000-step
// run of the 10-D Rosenbrock at 1280×800: the plane (stat.PC), the
// projection and the rendering of contour and loss (issue 14: ≤ 150 ms).
func BenchmarkPlaneFigure(b *testing.B) {
	p, tr := runN(b, "sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8)", optimizer.Adam, 0.001, 100_000,
		-1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1, -1.2, 1)
	o := plotting.Options{View: plotting.ViewBoth, Width: 1280, Height: 800}
	for b.Loop() {
		s := SceneN(p, []Trace{tr}, -1, 0, Projection{Kind: plotting.ProjectionPlane})
		if _, err := plotting.NewRenderer().Render(nil, s, o); err != nil {
			b.Fatal(err)
		}
	}
}

// TestAccuracyAndTestLoss: a classifier's scene gets each run's accuracy
// on the training and test rows at up to testPoints+1 steps (the last
// one's is the model's accuracy there), and its test loss; a function's
// scene gets neither.
func TestAccuracyAndTestLoss(t *testing.T) {
	lr, err := model.Spec{Data: "blobs", TestFraction: 0.2, Seed: 1}.Learn()
	if err != nil {
		t.Fatal(err)
	}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps = 0.5, 1000
	c.SetStart(lr.Start)
	tr := TraceOf(optimizer.Run(context.Background(), lr.Problem, c, nil))
	s := SceneN(lr.Problem, []Trace{tr}, -1, 0, Projection{})
	AddAccuracy(s, lr.Problem, []Trace{tr})
	AddTestLoss(s, lr.Problem, []Trace{tr})
	a := s.Accuracy[0]
	last := tr.Points[len(tr.Points)-1]
	if len(a.K) > testPoints+2 || a.K[len(a.K)-1] != last.K || a.F[len(a.F)-1] != lr.Train.Accuracy(last.Pos(3)) || a.Test[len(a.Test)-1] != lr.Test.Accuracy(last.Pos(3)) {
		t.Errorf("accuracy at %d steps, last %v/%v", len(a.K), a.F[len(a.F)-1], a.Test[len(a.Test)-1])
	}
	if tl := s.Runs[0].Test; len(tl) != len(s.Runs[0].K) || tl[len(tl)-1] != lr.Test.ValueN(last.Pos(3)) {
		t.Errorf("test loss: %d of %d points", len(tl), len(s.Runs[0].K))
	}
	p, fn := runN(t, "x[0]^2 + x[1]^2 + x[2]^2", optimizer.GD, 0.1, 5, 1, 1, 1)
	s = SceneN(p, []Trace{fn}, -1, 0, Projection{})
	AddAccuracy(s, p, []Trace{fn})
	AddTestLoss(s, p, []Trace{fn})
	if s.Accuracy != nil || s.Runs[0].Test != nil {
		t.Error("a function got accuracies or test losses")
	}
}
