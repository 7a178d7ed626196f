package figure

import (
	"math"
	"math/rand/v2"
	"slices"
	"sort"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// DataPanel is the data panel of the traces of a model's loss l: its data,
// and each trace's model at a step.
func DataPanel(l *model.Loss, traces []Trace) *plotting.DataPanel {
	d := l.D
	n := l.Dims()
	return &plotting.DataPanel{Inputs: d.Inputs, X: d.X, Y: d.Y, Classification: d.Classification, Names: d.Columns, Shown: shownRows(d.Rows()),
		Fit: func(r, k int, x1, x2 float64) float64 {
			if r < 0 || r >= len(traces) || len(traces[r].Points) == 0 {
				return 0
			}
			pts := traces[r].Points
			i := sort.Search(len(pts), func(j int) bool { return pts[j].K > k })
			w := pts[max(0, i-1)].Pos(n)
			return l.Predict(w, []float64{x1, x2}[:d.Inputs])
		}}
}

// maxDots is the most data points the data panel draws: more hide each
// other and cost a frame tens of milliseconds per 10,000.
const maxDots = 5000

// shownRows is, for a data set of rows rows, the rows the data panel
// draws: nil (all) up to maxDots, else maxDots of them chosen at random
// (the same ones every time, in their order: a sample that a periodic or
// sorted file cannot bias as every k-th row would be).
func shownRows(rows int) []int {
	if rows <= maxDots {
		return nil
	}
	shown := rand.New(rand.NewPCG(1, uint64(rows))).Perm(rows)[:maxDots]
	slices.Sort(shown)
	return shown
}

// ModelLoss is the model's loss a problem minimises, nil for a function.
func ModelLoss(p optimizer.Problem) *model.Loss { return model.LossOf(p.F) }

// testPoints is about how many points of a run get their test loss and
// accuracy, and curveRows the most rows the curves of a run read in all:
// on a large data set they get fewer points (20 at least).
const (
	testPoints = 400
	curveRows  = 20_000_000
)

// curveEvery is how many of n points make one point of a curve that reads
// rows rows at each.
func curveEvery(n, rows int) int {
	points := max(20, min(testPoints, curveRows/max(1, rows)))
	return max(1, (n+points-1)/points)
}

// AddTestLoss gives each run of scene s (of problem p's traces, in order)
// its loss on p's test rows, at about testPoints of its points and its
// last; nothing when p has no test set.
func AddTestLoss(s *plotting.Scene, p optimizer.Problem, traces []Trace) {
	(*Curves)(nil).AddTestLoss(s, p, traces)
}

// AddAccuracy gives a scene of a classifier's traces the share of rows
// each run classifies right, on the training rows and (when p has one) on
// the test rows, at about testPoints of each run's points and its last.
func AddAccuracy(s *plotting.Scene, p optimizer.Problem, traces []Trace) {
	(*Curves)(nil).AddAccuracy(s, p, traces)
}

// Curves keeps the test losses and accuracies of runs, which cost a pass
// over the rows at each of up to testPoints points, for the next frames:
// a run's are made again only when its trajectory changes. A nil *Curves
// keeps nothing. It is safe for use by one goroutine at a time.
type Curves struct {
	m map[curveKey]plotting.Run
}

// curveKey is a run's trajectory (its first point and length), the loss,
// and which curve.
type curveKey struct {
	loss     *model.Loss
	first    *optimizer.Point
	n        int
	accuracy bool
}

// maxCurves is the most curves a Curves keeps; beyond, it starts afresh.
const maxCurves = 64

// curve is the curve of key, made by build when not kept.
func (c *Curves) curve(key curveKey, build func() plotting.Run) plotting.Run {
	if c == nil {
		return build()
	}
	if r, ok := c.m[key]; ok {
		return r
	}
	if c.m == nil || len(c.m) >= maxCurves {
		c.m = map[curveKey]plotting.Run{}
	}
	r := build()
	c.m[key] = r
	return r
}

// AddTestLoss is the package's AddTestLoss, keeping the curves.
func (c *Curves) AddTestLoss(s *plotting.Scene, p optimizer.Problem, traces []Trace) {
	l := model.LossOf(p.F)
	if l == nil || l.Test == nil {
		return
	}
	for i := range s.Runs {
		if i >= len(traces) || len(traces[i].Points) == 0 {
			continue
		}
		r, pts := &s.Runs[i], traces[i].Points
		key := curveKey{loss: l, first: &pts[0], n: len(pts)}
		r.Test = c.curve(key, func() plotting.Run { return plotting.Run{Test: testLoss(l, r.K, pts)} }).Test
		if len(r.Test) != len(r.K) {
			r.Test = testLoss(l, r.K, pts) // the same trajectory shown to another step count
		}
	}
}

// testLoss is the loss on l's test rows at about testPoints of the steps
// ks (NaN at the others), at the points pts reached.
func testLoss(l *model.Loss, ks []int, pts []optimizer.Point) []float64 {
	n := l.Dims()
	test := make([]float64, len(ks))
	every := curveEvery(len(ks), l.Test.D.Rows())
	for j, k := range ks {
		test[j] = math.NaN()
		if j%every == 0 || j == len(ks)-1 {
			at := sort.Search(len(pts), func(q int) bool { return pts[q].K > k })
			test[j] = l.Test.ValueN(pts[max(0, at-1)].Pos(n))
		}
	}
	return test
}

// AddAccuracy is the package's AddAccuracy, keeping the curves.
func (c *Curves) AddAccuracy(s *plotting.Scene, p optimizer.Problem, traces []Trace) {
	l := model.LossOf(p.F)
	if l == nil || !l.M.Classifier() {
		return
	}
	s.Accuracy = make([]plotting.Run, len(traces))
	for i, t := range traces {
		var a plotting.Run
		if len(t.Points) > 0 {
			a = c.curve(curveKey{loss: l, first: &t.Points[0], n: len(t.Points), accuracy: true},
				func() plotting.Run { return accuracy(l, t.Points) })
		}
		a.Label, a.DivergedAt, a.Hidden = Label(t.Config), -1, t.Hidden
		s.Accuracy[i] = a
	}
}

// accuracy is the accuracy curve of the trajectory pts.
func accuracy(l *model.Loss, pts []optimizer.Point) plotting.Run {
	n := l.Dims()
	var a plotting.Run
	rows := l.D.Rows()
	if l.Test != nil {
		rows += l.Test.D.Rows()
	}
	every := curveEvery(len(pts), rows)
	for j, pt := range pts {
		if j%every != 0 && j != len(pts)-1 {
			continue
		}
		w := pt.Pos(n)
		a.K, a.F = append(a.K, pt.K), append(a.F, l.Accuracy(w))
		a.X, a.Y = append(a.X, 0), append(a.Y, 0)
		if l.Test != nil {
			a.Test = append(a.Test, l.Test.Accuracy(w))
		}
	}
	return a
}
