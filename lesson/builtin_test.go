package lesson

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math"
	"reflect"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"gdlab/assets"
	"gdlab/model"
	"gdlab/optimizer"
)

// builtInFiles reads the built-in lesson files in teaching order.
func builtInFiles(t testing.TB) (names []string, files [][]byte) {
	t.Helper()
	names, err := fs.Glob(assets.Lessons, "lessons/*.json")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names)
	for _, n := range names {
		b, err := fs.ReadFile(assets.Lessons, n)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, b)
	}
	return names, files
}

// TestBuiltInFiles checks that every file of the pack is a valid lesson in
// the canonical form Save writes, that BuiltIn returns all of them in file
// order, and that titles are distinct and texts present.
func TestBuiltInFiles(t *testing.T) {
	names, files := builtInFiles(t)
	if len(names) < 9 {
		t.Fatalf("%d built-in lessons, want at least 9", len(names))
	}
	got := BuiltIn()
	if len(got) != len(names) {
		t.Fatalf("BuiltIn returned %d lessons for %d files", len(got), len(names))
	}
	titles := map[string]bool{}
	for i, name := range names {
		l, err := Parse(files[i])
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !reflect.DeepEqual(got[i], l) {
			t.Errorf("BuiltIn()[%d] is not %s", i, name)
		}
		enc, err := Encode(l)
		if err != nil || !bytes.Equal(enc, files[i]) {
			t.Errorf("%s is not in canonical form (err %v); Encode gives:\n%s", name, err, enc)
		}
		if titles[l.Title] {
			t.Errorf("%s: title %q used twice", name, l.Title)
		}
		titles[l.Title] = true
		if len(l.Text) < 200 {
			t.Errorf("%s: text of %d bytes is too short to explain anything", name, len(l.Text))
		}
		if l.Box == nil || l.Speed == 0 {
			t.Errorf("%s: a built-in lesson should set its view box and speed", name)
		}
		if want := fmt.Sprintf("lessons/%02d-", i+1); !strings.HasPrefix(name, want) {
			t.Errorf("file %d is %s, want it numbered %s…", i+1, name, want)
		}
	}
}

// TestBuiltInFresh checks that callers may modify what BuiltIn returns.
func TestBuiltInFresh(t *testing.T) {
	a := BuiltIn()
	a[0].Title = "changed"
	a[0].Runs[0].Start[0] = 99
	b := BuiltIn()
	if b[0].Title == "changed" || b[0].Runs[0].Start[0] == 99 {
		t.Error("BuiltIn shares its lessons between calls")
	}
}

// TestBuiltInBehaviour runs every built-in lesson and checks that its runs
// do what its text tells the class.
func TestBuiltInBehaviour(t *testing.T) {
	type check func(t *testing.T, p optimizer.Problem, rs []optimizer.Result)
	checks := map[string]check{
		"01-textbook.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			r := rs[0]
			wantVerdict(t, r, optimizer.VerdictConverged)
			near(t, "step 1", r.Points[1].X, [2]float64{2.4, 1.6}, 1e-12)
			near(t, "end", r.Final.X, [2]float64{0, 0}, 1e-9)
			// "the numeric gradient agrees to about ten digits"
			c := r.Config
			c.Gradient = optimizer.Numeric
			num := optimizer.Run(context.Background(), p, c, nil)
			for k, pt := range num.Points {
				for i := range 2 {
					e := r.Points[k].Grad[i]
					if d := math.Abs(pt.Grad[i]-e) / math.Abs(e); d > 1e-9 {
						t.Fatalf("step %d: numeric gradient differs from exact by %g (relative)", k, d)
					}
				}
			}
		},
		"02-lr-too-small.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			wantVerdict(t, rs[0], optimizer.VerdictSlow)
			near(t, "lr 1e-6 end", rs[0].Final.X, [2]float64{2.9994, 1.9996}, 1e-4)
			wantVerdict(t, rs[1], optimizer.VerdictConverged)
			// "about 2.3 million steps to get 100 times closer"
			k := math.Log(100) / -math.Log1p(-2*rs[0].Config.LR)
			if k < 2.2e6 || k > 2.4e6 {
				t.Errorf("steps to get 100 times closer = %.3g, the text says about 2.3 million", k)
			}
		},
		"03-lr-too-large.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			wantVerdict(t, rs[0], optimizer.VerdictOscillating)
			near(t, "lr 1 step 1", rs[0].Points[1].X, [2]float64{-3, -2}, 1e-12)
			near(t, "lr 1 end", rs[0].Final.X, [2]float64{3, 2}, 1e-12)
			if math.Abs(rs[0].Final.F-13) > 1e-9 {
				t.Errorf("lr 1: loss at the end %g, the text says it stays at 13", rs[0].Final.F)
			}
			wantVerdict(t, rs[1], optimizer.VerdictDiverged)
			if rs[1].Status != optimizer.Diverged || rs[1].DivergedAt != 70 {
				t.Errorf("lr 1.1: status %s at step %d, the text says diverged at step 70", rs[1].Status, rs[1].DivergedAt)
			}
			if c := rs[0].Analysis.CriticalLR; c == nil || math.Abs(*c-1) > 1e-12 {
				t.Errorf("critical lr %v, the text says 1", c)
			}
		},
		"04-lr-sweep.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			want := []optimizer.Verdict{optimizer.VerdictSlow, optimizer.VerdictConverged, optimizer.VerdictConverged,
				optimizer.VerdictConverged, optimizer.VerdictOscillating, optimizer.VerdictDiverged}
			if len(rs) != len(want) {
				t.Fatalf("%d runs, want %d", len(rs), len(want))
			}
			for i, r := range rs {
				wantVerdict(t, r, want[i])
				// each step multiplies the position by 1 - 2 lr
				f := 1 - 2*r.Config.LR
				near(t, "step 1", r.Points[1].X, [2]float64{3 * f, 2 * f}, 1e-12)
			}
			if rs[2].Points[1].X != [2]float64{0, 0} {
				t.Errorf("lr 0.5: step 1 at %v, the text says exactly on the minimum", rs[2].Points[1].X)
			}
		},
		"05-saddle.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			wantVerdict(t, rs[0], optimizer.VerdictSaddle)
			near(t, "from (1, 0)", rs[0].Final.X, [2]float64{0, 0}, 1e-9)
			esc := rs[1]
			wantVerdict(t, esc, optimizer.VerdictDiverged)
			if y := math.Abs(esc.Final.X[1]); y < 10 {
				t.Errorf("from (1, 1e-6): |y| = %g at the end, want it to have escaped (> 10)", y)
			}
			if y := esc.Points[50].X[1]; y < 0.005 || y > 0.02 {
				t.Errorf("from (1, 1e-6): y = %g at step 50, the text says about 0.01", y)
			}
			if k := firstStep(esc, func(x [2]float64) bool { return math.Abs(x[1]) > 1 }); k != 76 {
				t.Errorf("from (1, 1e-6): |y| passes 1 at step %d, the text says 76", k)
			}
			if esc.Final.F >= esc.Points[len(esc.Points)/2].F {
				t.Error("from (1, 1e-6): the loss does not keep falling")
			}
		},
		"06-rosenbrock-methods.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			gd, mom, adam := rs[0], rs[1], rs[2]
			if gd.Config.Method != optimizer.GD || mom.Config.Method != optimizer.Momentum || adam.Config.Method != optimizer.Adam {
				t.Fatalf("methods %s %s %s, want gd momentum adam", gd.Config.Method, mom.Config.Method, adam.Config.Method)
			}
			wantVerdict(t, gd, optimizer.VerdictSlow)
			near(t, "gd end", gd.Final.X, [2]float64{0.72, 0.52}, 0.01)
			wantVerdict(t, mom, optimizer.VerdictConverged)
			wantVerdict(t, adam, optimizer.VerdictConverged)
			near(t, "momentum end", mom.Final.X, [2]float64{1, 1}, 1e-3)
			near(t, "adam end", adam.Final.X, [2]float64{1, 1}, 1e-3)
			// "the walls curve more than 1000 times more steeply than along it"
			if ev := mom.Analysis.End.Eigenvalues; len(ev) != 2 || ev[1]/ev[0] < 1000 {
				t.Errorf("Hessian eigenvalues %v near (1, 1): the ratio should exceed 1000", ev)
			}
			if x := mom.Points[30].X[0]; math.Abs(x+0.3) > 0.02 {
				t.Errorf("momentum at step 30: x = %g, the text says -0.3", x)
			}
			arrive := func(r optimizer.Result) int {
				return firstStep(r, func(x [2]float64) bool { return math.Hypot(x[0]-1, x[1]-1) < 0.01 })
			}
			if k := arrive(mom); k < 900 || k > 1100 {
				t.Errorf("momentum within 0.01 of (1, 1) at step %d, the text says about 1000", k)
			}
			if k := arrive(adam); k < 1350 || k > 1650 {
				t.Errorf("adam within 0.01 of (1, 1) at step %d, the text says about 1500", k)
			}
			if k := arrive(gd); k >= 0 {
				t.Errorf("gd within 0.01 of (1, 1) at step %d, the text says it does not arrive", k)
			}
			// "on the valley floor within a few steps"
			if k := firstStep(gd, func(x [2]float64) bool { return math.Abs(x[1]-x[0]*x[0]) < 0.05 }); k < 0 || k > 10 {
				t.Errorf("gd reaches the valley floor at step %d, the text says within a few", k)
			}
			// "gd 0.003 bounces from wall to wall"
			c := gd.Config
			c.LR = 0.003
			if v := optimizer.Run(context.Background(), p, c, nil).Verdict; v != optimizer.VerdictOscillating {
				t.Errorf("gd lr 0.003: verdict %s, the text says it bounces (oscillating)", v)
			}
		},
		"07-himmelblau-basins.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			if len(p.Minima) != 4 {
				t.Fatalf("the problem knows %d minima, want Himmelblau's 4", len(p.Minima))
			}
			seen := map[int]bool{}
			for i, r := range rs {
				wantVerdict(t, r, optimizer.VerdictConverged)
				m := nearestMinimum(p.Minima, r.Final.X)
				near(t, "end", r.Final.X, p.Minima[m], 1e-3)
				if seen[m] {
					t.Errorf("run %d ends at minimum %v like an earlier run; the text says four different ones", i+1, p.Minima[m])
				}
				seen[m] = true
			}
			// "(-0.5, -0.5) is a surprise": it starts lower left and ends upper left.
			c := rs[0].Config
			c.Start = [2]float64{-0.5, -0.5}
			end := optimizer.Run(context.Background(), p, c, nil).Final.X
			near(t, "from (-0.5, -0.5)", end, [2]float64{-2.805118, 3.131312}, 1e-3)
		},
		"08-rastrigin-local-minima.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			want := [][2]float64{{2.98, -1.99}, {1.99, 2.98}, {-2.98, 0.99}, {0, 0}}
			if len(rs) != len(want) {
				t.Fatalf("%d runs, want %d", len(rs), len(want))
			}
			atZero := 0
			for i, r := range rs {
				wantVerdict(t, r, optimizer.VerdictConverged)
				near(t, "end", r.Final.X, want[i], 0.01)
				if math.Hypot(r.Final.X[0], r.Final.X[1]) < 1e-6 {
					atZero++
				}
				// a local minimum: the gradient vanished there
				if g := math.Hypot(r.Final.Grad[0], r.Final.Grad[1]); g > 1e-6 {
					t.Errorf("run %d: gradient %g at the end, want a resting point", i+1, g)
				}
			}
			if atZero != 1 {
				t.Errorf("%d runs reach (0, 0), the text says exactly one", atZero)
			}
			for i, f := range []float64{12.93, 12.93, 9.95} {
				if math.Abs(rs[i].Final.F-f) > 0.01 {
					t.Errorf("run %d: f = %g at the end, the text says about %g", i+1, rs[i].Final.F, f)
				}
			}
			if c := rs[0].Analysis.CriticalLR; c == nil || *c < 0.0049 || *c > 0.0052 {
				t.Errorf("critical lr in a dip %v, the text says about 0.005", c)
			}
			// "lr 0.006: the steps become too big to settle"
			c := rs[0].Config
			c.LR = 0.006
			if v := optimizer.Run(context.Background(), p, c, nil).Verdict; v == optimizer.VerdictConverged {
				t.Errorf("lr 0.006: verdict %s, the text says the runs keep bouncing", v)
			}
		},
		"09-numeric-gradient-fails.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			exact, stuck, bigH := rs[0], rs[1], rs[2]
			if exact.Config.Gradient != optimizer.Exact || stuck.Config.Gradient != optimizer.Numeric || stuck.Config.H != 1e-4 || bigH.Config.H != 1 {
				t.Fatalf("runs are not exact, numeric h=1e-4, numeric h=1: %+v", []optimizer.Config{exact.Config, stuck.Config, bigH.Config})
			}
			start := stuck.Config.Start
			if x := start[0]; x+stuck.Config.H != x {
				t.Fatalf("x + h != x at the start x = %g: the lesson shows nothing", x)
			}
			near(t, "exact end", exact.Final.X, [2]float64{0, 0}, 1e-3)
			near(t, "numeric h=1 end", bigH.Final.X, [2]float64{0, 0}, 1e-3)
			if exact.Status == optimizer.Diverged || stuck.Status == optimizer.Diverged {
				t.Errorf("statuses %s and %s: the start must be inside the bound", exact.Status, stuck.Status)
			}
			for _, pt := range stuck.Points {
				if pt.X != start || pt.Grad != [2]float64{0, 0} {
					t.Fatalf("numeric h=1e-4 moved or saw a gradient at step %d: %+v", pt.K, pt)
				}
			}
			if len(stuck.Points) != stuck.Config.Steps+1 {
				t.Errorf("numeric run recorded %d points, want all %d steps", len(stuck.Points), stuck.Config.Steps+1)
			}
		},
		"10-book-descent.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			r := rs[0]
			// "(-2.4, 3.2), (-1.92, 2.56), (-1.536, 2.048)": x ← 0.8·x
			for k, want := range [][2]float64{{-2.4, 3.2}, {-1.92, 2.56}, {-1.536, 2.048}} {
				near(t, fmt.Sprintf("step %d", k+1), r.Points[k+1].X, want, 1e-9)
			}
			f := math.Pow(0.8, 20)
			near(t, "end", r.Final.X, [2]float64{-3 * f, 4 * f}, 1e-9)
			near(t, "end as the text says", r.Final.X, [2]float64{-0.0346, 0.0461}, 1e-4)
		},
		"11-book-lr-extremes.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			big, tiny := rs[0], rs[1]
			// The book's printed results, to their 9 digits.
			near(t, "lr 10 end", big.Final.X, [2]float64{-2.58983747e+13, -1.29524862e+12}, 5e4)
			near(t, "lr 1e-10 end", tiny.Final.X, [2]float64{-2.99999994, 3.99999992}, 1e-8)
			wantVerdict(t, big, optimizer.VerdictStalled)
			wantVerdict(t, tiny, optimizer.VerdictSlow)
			if big.Final.Grad != [2]float64{0, 0} || !strings.Contains(big.Reason.String(), "x + h rounds to x") {
				t.Errorf("lr 10: numeric gradient %v at the end, reason %q", big.Final.Grad, big.Reason)
			}
			if g := 2 * math.Hypot(big.Final.X[0], big.Final.X[1]); g < 4e13 || g > 6e13 {
				t.Errorf("exact gradient %g at the end, the text says about 5e13", g)
			}
			if x := big.Final.X[0]; math.Abs(x-math.Nextafter(x, 0)) < 0.002 || math.Abs(x-math.Nextafter(x, 0)) > 0.005 {
				t.Errorf("float spacing at %g is %g, the text says about 0.004", x, math.Abs(x-math.Nextafter(x, 0)))
			}
		},
		"12-h-too-small.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			wantVerdict(t, rs[0], optimizer.VerdictConverged)
			wantVerdict(t, rs[1], optimizer.VerdictStalled)
			near(t, "h 1e-50 end", rs[1].Final.X, [2]float64{3, 2}, 0)
			if !strings.Contains(rs[1].Reason.String(), "7.2111") || 3+rs[1].Config.H != 3 {
				t.Errorf("reason %q", rs[1].Reason)
			}
		},
		"14-book-optimizers.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			for _, r := range rs {
				if r.Config.Convention != optimizer.ConventionBook {
					t.Errorf("%s: convention %q, want book", r.Config.Method, r.Config.Convention)
				}
			}
			near(t, "SGD", rs[0].Final.X, [2]float64{-7 * math.Pow(0.905, 30), 2 * math.Pow(-0.9, 30)}, 1e-9)
			near(t, "SGD as the text says", rs[0].Final.X, [2]float64{-0.350, 0.085}, 5e-4)
			near(t, "Momentum", rs[1].Final.X, [2]float64{0.896, 0.088}, 5e-4)
			near(t, "AdaGrad", rs[2].Final.X, [2]float64{-0.120, 0}, 5e-4)
			if y := math.Abs(rs[2].Final.X[1]); y > 1e-16 {
				t.Errorf("AdaGrad's y = %g, the text says 0 to sixteen digits", y)
			}
			near(t, "Adam", rs[3].Final.X, [2]float64{0.136, 0.318}, 5e-4)
			if rs[1].Final.X[0] <= 0 {
				t.Error("Momentum does not pass the minimum")
			}
		},
		"15-noisy-gradients.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			meanDist := func(r optimizer.Result, last int) float64 {
				pts, d := r.Points[len(r.Points)-last:], 0.0
				for _, pt := range pts {
					d += math.Hypot(pt.X[0], pt.X[1]) / float64(last)
				}
				return d
			}
			plain, noisy, tamed := rs[0], rs[1], rs[2]
			wantVerdict(t, plain, optimizer.VerdictConverged)
			if k := firstStep(plain, func(x [2]float64) bool { return math.Hypot(x[0], x[1]) < 0.01 }); k != 20 {
				t.Errorf("without noise within 0.01 at step %d, the text says 20", k)
			}
			wantVerdict(t, noisy, optimizer.VerdictNoisy)
			wantVerdict(t, tamed, optimizer.VerdictNoisy)
			// ησ²/(4(1 − η)) is the stationary variance of each coordinate of
			// x ← (1 − 2η)x − ησξ; the mean length of a 2-D normal vector is
			// √(π/2) times its coordinates' standard deviation.
			theory := math.Sqrt(math.Pi/2) * math.Sqrt(0.1/(4*0.9))
			if math.Abs(theory-0.21) > 0.005 {
				t.Errorf("theory %.4f, the text says 0.21", theory)
			}
			if d := meanDist(noisy, 300); math.Abs(d-0.21) > 0.01 {
				t.Errorf("noisy run: mean distance %.4f over the last 300 steps, the text says 0.21", d)
			}
			d2, d3 := meanDist(noisy, 100), meanDist(tamed, 100)
			if math.Abs(d3-0.04) > 0.005 || d2/d3 < 4.5 || d2/d3 > 6.5 {
				t.Errorf("last 100 steps: noisy %.4f, tamed %.4f, the text says 0.04, five times closer", d2, d3)
			}
			if tamed.Points[500].LR != 0.1/math.Sqrt(500) {
				t.Errorf("the schedule's last rate %g, want 0.1/√500", tamed.Points[500].LR)
			}
		},
		"13-integer-array.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			// The integer array's first step: x ± h truncated to 3 ± 0 and 2 ± 0 … or one less.
			trunc := func(v float64) float64 { return math.Trunc(v) }
			x := [2]float64{3, 2}
			var g [2]float64
			for i := range 2 {
				up, down := x, x
				up[i], down[i] = trunc(x[i]+1e-4), trunc(x[i]-1e-4)
				g[i] = (p.F.Value(up[0], up[1]) - p.F.Value(down[0], down[1])) / 2e-4
			}
			first := [2]float64{x[0] - 0.1*g[0], x[1] - 0.1*g[1]}
			near(t, "the integer array's first step", first, [2]float64{-2497, -1498}, 1e-9)
			if rs[1].Config.Start != first {
				t.Errorf("run 2 starts at %v, not at the integer run's first step %v", rs[1].Config.Start, first)
			}
			near(t, "step 99", rs[1].Points[99].X, [2]float64{-6.358e-07, -3.814e-07}, 1e-10)
			wantVerdict(t, rs[0], optimizer.VerdictConverged)
		},
		"16-fitting-a-line.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			// "curvatures 16.5 and 0.47, 35 times flatter"; "after 300 steps w = 2.02, b = 0.74, the least-squares line".
			ev := rs[0].Analysis.End.Eigenvalues
			if math.Abs(ev[1]-16.5) > 0.05 || math.Abs(ev[0]-0.47) > 0.005 || math.Round(ev[1]/ev[0]) != 35 {
				t.Errorf("curvatures %v, the text says 16.5 and 0.47, 35 times", ev)
			}
			near(t, "after 300 steps", rs[0].Final.X, [2]float64{2.02, 0.74}, 0.005)
			near(t, "the least-squares line", rs[0].Final.X, leastSquaresLine(t, p), 1e-3)
			// "falls across the valley in a few steps": by step 5 f is within 1 % of the way down.
			f0, f5, fN := rs[0].Points[0].F, rs[0].Points[5].F, rs[0].Final.F
			if (f5-fN)/(f0-fN) > 0.01 {
				t.Errorf("after 5 steps f is %g (from %g to %g): not across the valley", f5, f0, fN)
			}
		},
		"17-mini-batches.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			// "over the last 200 steps the run on single points stays about 0.08 from the least-squares
			// line (w = 2.02, b = 0.74) on average, the run on eight about 0.04, the run on all 50 a few
			// ten-thousandths"; "500 steps on single points read 500 points in all, no more than 10 steps
			// on all 50"; "after its first 10 steps the full batch is still about 0.07 from the line".
			ls := leastSquaresLine(t, p)
			near(t, "the least-squares line", ls, [2]float64{2.02, 0.74}, 0.005)
			dist := func(q optimizer.Point) float64 { return math.Hypot(q.X[0]-ls[0], q.X[1]-ls[1]) }
			for i, want := range []struct {
				batch     int
				mean, tol float64
			}{{1, 0.08, 0.01}, {8, 0.04, 0.006}, {0, 0.0005, 0.0004}} {
				r := rs[i]
				d := 0.0
				for _, q := range r.Points[301:] {
					d += dist(q) / 200
				}
				if r.Config.Batch != want.batch || math.Abs(d-want.mean) > want.tol {
					t.Errorf("run %d (batch %d): mean distance over the last 200 steps %.4f, the text says about %g", i+1, r.Config.Batch, d, want.mean)
				}
			}
			if rows := model.LossOf(p.F).D.Rows(); 500*rs[0].Config.Batch != 10*rows {
				t.Errorf("500 steps on single points read %d rows, 10 steps on all read %d", 500*rs[0].Config.Batch, 10*rows)
			}
			if d := dist(rs[2].Points[10]); math.Abs(d-0.07) > 0.01 {
				t.Errorf("the full batch after 10 steps is %.3f from the line, the text says about 0.07", d)
			}
			if rs[0].Points[7].Batch == rs[0].Points[7].F {
				t.Error("the mini-batch loss is the whole loss")
			}
		},
		"18-logistic-blobs.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			// "98 of the 100 points are on their side"; "the loss keeps falling slowly".
			l := model.LossOf(p.F)
			if acc := l.Accuracy(rs[0].Final.Pos(3)); math.Abs(acc-0.98) > 1e-9 {
				t.Errorf("accuracy %v, the text says 98 of 100", acc)
			}
			wantVerdict(t, rs[0], optimizer.VerdictSlow)
		},
		"19-data-lr-too-large.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			// "critical 0.121"; lr 0.11 converges, lr 0.13 diverges at step 94; growth factor 1.15.
			crit := rs[0].Analysis.CriticalLR
			if crit == nil || math.Abs(*crit-0.121) > 0.0005 {
				t.Errorf("critical lr %v, the text says 0.121", crit)
			}
			wantVerdict(t, rs[0], optimizer.VerdictConverged)
			if rs[1].Status != optimizer.Diverged || rs[1].DivergedAt != 94 {
				t.Errorf("lr 0.13: %s at %d, the text says diverged at step 94", rs[1].Status, rs[1].DivergedAt)
			}
			if g := math.Abs(1 - 0.13*rs[0].Analysis.End.Eigenvalues[1]); math.Abs(g-1.15) > 0.005 {
				t.Errorf("growth factor %v, the text says 1.15", g)
			}
		},
		"20-network-moons.json": func(t *testing.T, p optimizer.Problem, rs []optimizer.Result) {
			// "all 200 points on their side"; logistic "only about 87 %"; the start is the mlp's default.
			l := model.LossOf(p.F)
			if acc := l.Accuracy(rs[0].Final.Pos(17)); acc != 1 {
				t.Errorf("the network's accuracy %v, the text says all 200", acc)
			}
			lin, _ := model.ParseModel("logistic", 2)
			ll, _ := model.NewLoss(lin, l.D)
			c := rs[0].Config
			c.SetStart(lin.Start(1))
			r := optimizer.Run(context.Background(), optimizer.Problem{F: ll}, c, nil)
			if acc := ll.Accuracy(r.Final.Pos(3)); math.Abs(acc-0.87) > 0.01 {
				t.Errorf("logistic's accuracy %v, the text says about 87 %%", acc)
			}
			want := l.M.Start(1)
			for i, v := range rs[0].Config.StartVec(17) {
				if math.Abs(v-want[i]) > 1e-9 {
					t.Fatalf("start %d: %v, the mlp's default start %v", i, v, want[i])
				}
			}
		},
	}
	names, files := builtInFiles(t)
	for i, name := range names {
		base := strings.TrimPrefix(name, "lessons/")
		check, ok := checks[base]
		if !ok {
			t.Errorf("no behaviour check for %s", base)
			continue
		}
		delete(checks, base)
		t.Run(base, func(t *testing.T) {
			l, err := Parse(files[i])
			if err != nil {
				t.Fatal(err)
			}
			p, err := l.Problem()
			if err != nil {
				t.Fatal(err)
			}
			cs, err := l.Configs()
			if err != nil {
				t.Fatal(err)
			}
			rs := optimizer.RunSet(context.Background(), p, cs, nil)
			for j, r := range rs {
				if r.Status == optimizer.Invalid {
					t.Fatalf("run %d invalid: %v", j+1, r.Err)
				}
			}
			check(t, p, rs)
		})
	}
	for name := range checks {
		t.Errorf("check for %s, but there is no such lesson", name)
	}
}

// leastSquaresLine is the least-squares w and b of a line's data
// (gonum's solve of the overdetermined system).
func leastSquaresLine(t *testing.T, p optimizer.Problem) [2]float64 {
	t.Helper()
	d := model.LossOf(p.F).D
	n := d.Rows()
	a := mat.NewDense(n, 2, nil)
	for i := range n {
		a.Set(i, 0, d.X[i])
		a.Set(i, 1, 1)
	}
	var x mat.VecDense
	if err := x.SolveVec(a, mat.NewVecDense(n, d.Y)); err != nil {
		t.Fatal(err)
	}
	return [2]float64{x.AtVec(0), x.AtVec(1)}
}

// wantVerdict fails t unless r's verdict is v.
func wantVerdict(t *testing.T, r optimizer.Result, v optimizer.Verdict) {
	t.Helper()
	if r.Verdict != v {
		t.Errorf("%s lr %g from %v: verdict %s, want %s", r.Config.Method, r.Config.LR, r.Config.Start, r.Verdict, v)
	}
}

// near fails t unless x is within tol of want in each coordinate.
func near(t *testing.T, what string, x, want [2]float64, tol float64) {
	t.Helper()
	if math.Abs(x[0]-want[0]) > tol || math.Abs(x[1]-want[1]) > tol {
		t.Errorf("%s: at %v, want %v within %g", what, x, want, tol)
	}
}

// firstStep returns the first step of r whose point satisfies ok, or -1.
func firstStep(r optimizer.Result, ok func([2]float64) bool) int {
	for _, pt := range r.Points {
		if ok(pt.X) {
			return pt.K
		}
	}
	return -1
}

// nearestMinimum returns the index of the minimiser closest to x.
func nearestMinimum(ms [][2]float64, x [2]float64) int {
	best, bestD := 0, math.Inf(1)
	for i, m := range ms {
		if d := math.Hypot(m[0]-x[0], m[1]-x[1]); d < bestD {
			best, bestD = i, d
		}
	}
	return best
}
