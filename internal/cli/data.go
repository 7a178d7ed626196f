package cli

import (
	"flag"
	"os"
	"strings"

	"gdlab/model"
	"gdlab/optimizer"
)

// dataFlags are the flags of learning from data: the data set, the model
// and the columns of a CSV file.
type dataFlags struct{ data, model, columns string }

// addDataFlags defines --data, --model and --columns on fs.
func addDataFlags(fs *flag.FlagSet, o *options) {
	fs.StringVar(&o.df.data, "data", "", "learn from data instead of minimising --func: a built-in set ("+strings.Join(model.DataNames(), ", ")+
		", generated from --seed) or a CSV `FILE` with a header row")
	fs.StringVar(&o.df.model, "model", "", "with --data: linear, polynomial:D, logistic or mlp:H (default linear for values, logistic for labels 0/1)")
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
	}
	d, err := o.loadData()
	if err != nil {
		return optimizer.Problem{}, nil, err
	}
	name := o.df.model
	if name == "" {
		name = "linear"
		if d.Classification {
			name = "logistic"
		}
	}
	m, err := model.ParseModel(name, d.Inputs)
	if err != nil {
		return optimizer.Problem{}, nil, usagef("--model: %v", err)
	}
	l, err := model.NewLoss(m, d)
	if err != nil {
		return optimizer.Problem{}, nil, usagef("--model: %v", err)
	}
	src := "loss of " + m.String() + " on " + d.Name
	return optimizer.Problem{F: l, Source: src, Vars: m.Params()}, m.Start(o.seed), nil
}

// loadData is the data of --data: built in, or read from a CSV file.
func (o *options) loadData() (*model.Data, error) {
	if d, ok := model.BuiltIn(o.df.data, o.seed); ok {
		return d, nil
	}
	if !strings.HasSuffix(strings.ToLower(o.df.data), ".csv") {
		return nil, usagef("--data: %q is neither a built-in data set (%s) nor a .csv file", o.df.data, strings.Join(model.DataNames(), ", "))
	}
	f, err := os.Open(o.df.data)
	if err != nil {
		return nil, usagef("--data: %v", err)
	}
	defer f.Close()
	var cols []string
	for _, c := range strings.Split(o.df.columns, ",") {
		cols = append(cols, strings.TrimSpace(c))
	}
	d, err := model.LoadCSV(o.df.data, f, cols)
	if err != nil {
		return nil, usagef("--data: %v", err)
	}
	return d, nil
}
