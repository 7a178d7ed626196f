package figure

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// TestShownRows: up to 5,000 rows the data panel draws them all; beyond,
// the same 5,000 distinct rows every time, in order.
func TestShownRows(t *testing.T) {
	if shownRows(5000) != nil {
		t.Error("5,000 rows: a sample, want all")
	}
	a, b := shownRows(100_000), shownRows(100_000)
	if len(a) != maxDots || !slices.Equal(a, b) || !slices.IsSorted(a) || a[0] < 0 || a[len(a)-1] >= 100_000 {
		t.Fatalf("100,000 rows: %d rows, same %v, sorted %v", len(a), slices.Equal(a, b), slices.IsSorted(a))
	}
	if len(slices.Compact(slices.Clone(a))) != maxDots {
		t.Error("a row drawn twice")
	}
	// Every tenth of the rows gets about a tenth of the sample.
	for part := range 10 {
		n := 0
		for _, r := range a {
			if r/10_000 == part {
				n++
			}
		}
		if n < 400 || n > 600 {
			t.Errorf("rows %d…: %d of the sample", part*10_000, n)
		}
	}
}

// TestLargeDataScene: logistic regression on 100,000 rows samples its
// landscape on a 20×20 grid (a linear model's squared error, O(1) a
// point, on the full grid), draws 5,000 of its points, and its accuracy
// curve is kept from frame to frame and equal to a fresh one.
func TestLargeDataScene(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.csv")
	writeBigCSV(t, path, 100_000)
	lin, err := model.Spec{Data: path, Columns: []string{"x", "y"}}.Learn()
	if err != nil {
		t.Fatal(err)
	}
	lr, err := model.Spec{Data: path, Columns: []string{"x", "label"}}.Learn()
	if err != nil {
		t.Fatal(err)
	}
	if s := Scene(lin.Problem, nil, -1); s.Samples != 0 {
		t.Errorf("linear: %d samples an axis, want no cap", s.Samples)
	}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps = 0.5, 30
	c.SetStart(lr.Start)
	traces := []Trace{TraceOf(optimizer.Run(context.Background(), lr.Problem, c, nil))}
	s := Scene(lr.Problem, traces, -1)
	if s.Samples != 20 {
		t.Errorf("logistic on 100,000 rows: %d samples an axis, want 20", s.Samples)
	}
	if d := DataPanel(lr.Train, traces); len(d.Shown) != maxDots {
		t.Errorf("%d points drawn", len(d.Shown))
	}
	var cache Curves
	first, again, fresh := &plotting.Scene{}, &plotting.Scene{}, &plotting.Scene{}
	cache.AddAccuracy(first, lr.Problem, traces)
	cache.AddAccuracy(again, lr.Problem, traces)
	AddAccuracy(fresh, lr.Problem, traces)
	if &first.Accuracy[0].F[0] != &again.Accuracy[0].F[0] {
		t.Error("the accuracy curve was made again for the same run")
	}
	if !slices.Equal(first.Accuracy[0].F, fresh.Accuracy[0].F) || len(fresh.Accuracy[0].F) != 31 {
		t.Errorf("kept %v, fresh %v", first.Accuracy[0].F, fresh.Accuracy[0].F)
	}
}
