package figure

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// BenchmarkLandscape is the figure of the loss over (w, b) of 100,000
// points — the 200×200 background and the path — at 1280×800: for the
// squared error of a linear model (issue 15: ≤ 150 ms; each grid point
// costs O(1)) and for logistic regression, which has no such shortcut and
// is sampled in parallel.
func BenchmarkLandscape(b *testing.B) {
	dir := b.TempDir()
	for _, tc := range []struct{ name, model, columns string }{{"linear", "linear", "x,y"}, {"logistic", "logistic", "x,label"}} {
		lr, tr := bigRun(b, filepath.Join(dir, tc.name+".csv"), tc.model, tc.columns)
		o := plotting.Options{View: plotting.ViewContour, Width: 1280, Height: 800}
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				s := Scene(lr.Problem, []Trace{tr}, -1)
				if _, err := plotting.NewRenderer().Render(nil, s, o); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// bigRun is 200 steps of gd on the model's loss over 100,000 rows of
// writeBigCSV written to path.
func bigRun(b testing.TB, path, modelName, columns string) (model.Learning, Trace) {
	writeBigCSV(b, path, 100_000)
	lr, err := model.Spec{Data: path, Columns: strings.Split(columns, ","), Model: modelName}.Learn()
	if err != nil {
		b.Fatal(err)
	}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps = 0.1, 200
	c.SetStart(lr.Start)
	return lr, TraceOf(optimizer.Run(context.Background(), lr.Problem, c, nil))
}

// writeBigCSV writes rows points x, y = 2x + 1 + noise, label = (y > 2x + 1).
func writeBigCSV(b testing.TB, path string, rows int) {
	var sb strings.Builder
	sb.WriteString("x,y,label\n")
	for i := range rows {
		x := float64(i%1000)/250 - 2
		noise := math.Sin(float64(13 * i))
		label := 0
		if noise > 0 {
			label = 1
		}
		fmt.Fprintf(&sb, "%g,%g,%d\n", x, 2*x+1+noise, label)
	}
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkDataView100k is the data view (the points, each run's model)
// of logistic regression on 100,000 rows at 1280×800.
func BenchmarkDataView100k(b *testing.B) {
	lr, tr := bigRun(b, filepath.Join(b.TempDir(), "big.csv"), "logistic", "x,label")
	s := Scene(lr.Problem, []Trace{tr}, -1)
	s.Data = DataPanel(lr.Train, []Trace{tr})
	o := plotting.Options{View: plotting.ViewData, Width: 1280, Height: 800}
	for b.Loop() {
		if _, err := plotting.NewRenderer().Render(nil, s, o); err != nil {
			b.Fatal(err)
		}
	}
}
