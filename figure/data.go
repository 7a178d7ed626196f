package figure

import (
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
