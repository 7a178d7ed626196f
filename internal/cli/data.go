package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/report"
)

// dataFlags are the flags of learning from data: the data set, the model
// and the columns of a CSV file.
type dataFlags struct {
	data, model, columns, batch string
	epochs                      int
	testFraction                float64
	test                        *model.Loss // the held-out rows' loss, nil without --test-fraction
	runBatches                  []int       // the --batch sizes: a run of each (0: all the rows); nil without --data
	rows                        int         // the training rows
}

// addDataFlags defines --data, --model and --columns on fs.
func addDataFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.df.data, "data", "", "learn from data instead of minimising --func: a built-in set ("+strings.Join(model.DataNames(), ", ")+
		", generated from --seed) or a CSV `FILE` with a header row")
	fs.StringVar(&o.df.model, "model", "", "with --data: linear, polynomial:D, logistic or mlp:H (default linear for values, logistic for labels 0/1)")
	fs.StringVar(&o.df.batch, "batch", "0", "with --data: `rows` per mini-batch, shuffled every epoch from --seed (0: all of them, plain gradient descent);\n"+
		"a list (1,8,0) makes a run of every method and learning rate with each")
	fs.IntVar(&o.df.epochs, "epochs", 0, "with --data: passes over the data, instead of --steps (one update per batch)")
	fs.Float64Var(&o.df.testFraction, "test-fraction", 0, "with --data: hold out this `fraction` of the rows (shuffled from --seed) as a test set, not learned from")
	fs.StringVar(&o.df.columns, "columns", "x,y", "with --data FILE.csv: the `columns` to take, inputs first, the target last (x,y; x1,x2,y; x,label; x1,x2,label: a target called label is a class 0/1)")
}

// dataProblem is the problem of --data: the loss of --model over the
// data, a function of the model's parameters, with their names and
// default start.
func (o *options) dataProblem(set map[string]bool) (optimizer.Problem, []float64, error) {
	switch {
	case o.fn != "" || o.preset != "":
		return optimizer.Problem{}, nil, usagef("--data learns from data: give --data or --func/--preset, not both")
	case set["box"]:
		return optimizer.Problem{}, nil, usagef("--box is the view of a function of x and y; with --data the view follows the parameters")
	case set["columns"] && !strings.HasSuffix(strings.ToLower(o.df.data), ".csv"):
		return optimizer.Problem{}, nil, usagef("--columns chooses the columns of a CSV file; %q is a built-in data set", o.df.data)
	case set["epochs"] && set["steps"]:
		return optimizer.Problem{}, nil, usagef("--epochs and --steps both say how long to learn: give one of them")
	case o.df.epochs < 0:
		return optimizer.Problem{}, nil, usagef("--epochs %d: give a number ≥ 1", o.df.epochs)
	}
	var cols []string
	for _, c := range strings.Split(o.df.columns, ",") {
		cols = append(cols, strings.TrimSpace(c))
	}
	batches, err := parseBatches(o.df.batch)
	if err != nil {
		return optimizer.Problem{}, nil, err
	}
	o.df.runBatches = batches
	spec := model.Spec{Data: o.df.data, Columns: cols, Model: o.df.model, TestFraction: o.df.testFraction, Seed: o.seed}
	l, err := spec.Learn()
	var se *model.SpecError
	if errors.As(err, &se) {
		return optimizer.Problem{}, nil, usagef("--%s: %v", se.Field, se.Err)
	}
	o.df.test, o.df.rows = l.Test, l.Train.D.Rows()
	return l.Problem, l.Start, nil
}

// parseBatches reads --batch: one number of rows, or a list of them.
func parseBatches(s string) ([]int, error) {
	var out []int
	for _, part := range strings.Split(s, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(part))
		if err != nil || n < 0 {
			return nil, usagef("--batch: %q is not a number of rows ≥ 1 (or 0 for all): give one, or a list such as 1,8,0", strings.TrimSpace(part))
		}
		out = append(out, n)
	}
	return out, nil
}

// epochSteps is the steps of --epochs for a run with batches of batch
// rows (0: all of them).
func (o *options) epochSteps(batch int) int {
	if batch <= 0 || batch >= o.df.rows {
		return o.df.epochs
	}
	return o.df.epochs * ((o.df.rows + batch - 1) / batch)
}

// lossOf is the model's loss of a --data problem (nil for a function).
func lossOf(f optimizer.Objective) *model.Loss { return model.LossOf(f) }

// dataResult is what a run learned, on the training rows and on the test
// rows: the loss, and for a classifier the share of rows classified right.
type dataResult struct {
	TestLoss      *num `json:"test_loss,omitempty"`
	TrainAccuracy *num `json:"train_accuracy,omitempty"`
	TestAccuracy  *num `json:"test_accuracy,omitempty"`
}

// learned is the dataResult of the parameters w of job j's model.
func (j job) learned(w []float64) dataResult {
	var out dataResult
	train := lossOf(j.problem.F)
	if train == nil {
		return out
	}
	pt := func(v float64) *num { n := num(v); return &n }
	if j.test != nil {
		out.TestLoss = pt(j.test.ValueN(w))
	}
	if train.M.Classifier() {
		out.TrainAccuracy = pt(train.Accuracy(w))
		if j.test != nil {
			out.TestAccuracy = pt(j.test.Accuracy(w))
		}
	}
	return out
}

// writeGradientCost writes, for a --data run with the numeric gradient,
// how much dearer a step's gradient is than the exact one, measured now.
func writeGradientCost(w io.Writer, j job, c optimizer.Config) {
	l := lossOf(j.problem.F)
	if l == nil || c.Gradient != optimizer.Numeric {
		return
	}
	exact, numeric := optimizer.GradientCosts(l, c.StartVec(l.Dims()), c.H, 20*time.Millisecond)
	fmt.Fprintf(w, "  gradient   numeric: %v a step for %d parameters, %.0f times the exact gradient's %v (backpropagation), measured now\n",
		numeric.Round(100*time.Nanosecond), l.Dims(), float64(numeric)/float64(exact), exact.Round(10*time.Nanosecond))
}

// writeLearned writes the test loss and the accuracies of a --data run.
func writeLearned(w io.Writer, d dataResult) {
	if d.TestLoss != nil {
		fmt.Fprintf(w, "  test loss  %s\n", report.Text(float64(*d.TestLoss)))
	}
	if d.TrainAccuracy != nil {
		line := fmt.Sprintf("  accuracy   %.1f %% of the training rows", 100*float64(*d.TrainAccuracy))
		if d.TestAccuracy != nil {
			line += fmt.Sprintf(", %.1f %% of the test rows", 100*float64(*d.TestAccuracy))
		}
		fmt.Fprintln(w, line)
	}
}

// learning reports whether the flags learn from data.
func (o *options) learning() bool { return o.df.data != "" }
