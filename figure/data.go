package figure

import (
	"math"
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
	return &plotting.DataPanel{Inputs: d.Inputs, X: d.X, Y: d.Y, Classification: d.Classification, Names: d.Columns,
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

// ModelLoss is the model's loss a problem minimises, nil for a function.
func ModelLoss(p optimizer.Problem) *model.Loss { return model.LossOf(p.F) }

// testPoints is about how many points of a run get their test loss.
const testPoints = 400

// AddTestLoss gives each run of scene s (of problem p's traces, in order)
// its loss on p's test rows, at about testPoints of its points and its
// last; nothing when p has no test set.
func AddTestLoss(s *plotting.Scene, p optimizer.Problem, traces []Trace) {
	l := model.LossOf(p.F)
	if l == nil || l.Test == nil {
		return
	}
	n := l.Dims()
	for i := range s.Runs {
		if i >= len(traces) || len(traces[i].Points) == 0 {
			continue
		}
		r, pts := &s.Runs[i], traces[i].Points
		r.Test = make([]float64, len(r.K))
		every := max(1, (len(r.K)+testPoints-1)/testPoints)
		for j, k := range r.K {
			r.Test[j] = math.NaN()
			if j%every == 0 || j == len(r.K)-1 {
				at := sort.Search(len(pts), func(q int) bool { return pts[q].K > k })
				r.Test[j] = l.Test.ValueN(pts[max(0, at-1)].Pos(n))
			}
		}
	}
}

// AddAccuracy gives a scene of a classifier's traces the share of rows
// each run classifies right, on the training rows and (when p has one) on
// the test rows, at about testPoints of each run's points and its last.
func AddAccuracy(s *plotting.Scene, p optimizer.Problem, traces []Trace) {
	l := model.LossOf(p.F)
	if l == nil || !l.M.Classifier() {
		return
	}
	n := l.Dims()
	s.Accuracy = make([]plotting.Run, len(traces))
	for i, t := range traces {
		a := plotting.Run{Label: Label(t.Config), DivergedAt: -1, Hidden: t.Hidden}
		every := max(1, (len(t.Points)+testPoints-1)/testPoints)
		for j, pt := range t.Points {
			if j%every != 0 && j != len(t.Points)-1 {
				continue
			}
			w := pt.Pos(n)
			a.K, a.F = append(a.K, pt.K), append(a.F, l.Accuracy(w))
			a.X, a.Y = append(a.X, 0), append(a.Y, 0)
			if l.Test != nil {
				a.Test = append(a.Test, l.Test.Accuracy(w))
			}
		}
		s.Accuracy[i] = a
	}
}
