package model

import (
	"os"
	"strings"

	"gdlab/message"
	"gdlab/optimizer"
)

// Spec says what to learn from: the CLI's --data, --model, --columns,
// --test-fraction and --seed, a lesson's data fields and the window's form
// all build their problem from one. How many rows an update learns from is
// each run's own (optimizer.Config.Batch).
type Spec struct {
	Data         string   // a built-in data set's name, or a CSV file's path
	Rows         *Data    // the data itself (a lesson's rows, NewData), instead of Data
	Columns      []string // a CSV file's columns (nil: x, y)
	Model        string   // as ParseModel reads it; "" for the default (linear for values, logistic for labels)
	TestFraction float64  // the fraction of rows held out as a test set
	Seed         uint64   // of a built-in data set, the test split and an mlp's first weights
}

// Learning is a Spec made into what the optimizer runs: the problem (the
// loss over the training rows as a function of the parameters), the
// parameters' default start, and the held-out rows' loss (nil without a
// test set).
type Learning struct {
	Problem optimizer.Problem
	Start   []float64
	Train   *Loss
	Test    *Loss
}

// SpecError is what is wrong with a Spec and in which of its parts.
type SpecError struct {
	Field string // "data", "model" or "test-fraction", as the CLI's flags are named
	Err   error
}

// Error is the message of what is wrong.
func (e *SpecError) Error() string { return e.Err.Error() }

// Unwrap is what is wrong.
func (e *SpecError) Unwrap() error { return e.Err }

// Learn makes the problem of s; the error is a *SpecError that says what
// is wrong with which part.
func (s Spec) Learn() (Learning, error) {
	l, field, err := s.learn()
	if err != nil {
		return l, &SpecError{Field: field, Err: err}
	}
	return l, nil
}

// learn is Learn, with the part the error is about.
func (s Spec) learn() (Learning, string, error) {
	var out Learning
	d, err := s.LoadData()
	if err != nil {
		return out, "data", err
	}
	name := s.Model
	if name == "" {
		name = "linear"
		if d.Classification {
			name = "logistic"
		}
	}
	m, err := ParseModel(name, d.Inputs)
	if err != nil {
		return out, "model", err
	}
	train := d
	if s.TestFraction != 0 {
		if !(s.TestFraction > 0 && s.TestFraction < 1) {
			return out, "test-fraction", msgTestFraction.New(message.Value(s.TestFraction))
		}
		var test *Data
		train, test = d.Split(s.TestFraction, s.Seed)
		if out.Test, err = NewLoss(m, test); err != nil {
			return out, "model", err
		}
	}
	if out.Train, err = NewLoss(m, train); err != nil {
		return out, "model", err
	}
	out.Train.Test = out.Test
	out.Problem = optimizer.Problem{F: out.Train, Source: "loss of " + m.String() + " on " + d.Name, Vars: m.Params()}
	out.Start = m.Start(s.Seed)
	return out, "", nil
}

// LoadData is the data of s, all its rows (before a test set is held
// out): s.Rows, a built-in set, or a CSV file's columns.
func (s Spec) LoadData() (*Data, error) {
	if s.Rows != nil {
		return s.Rows, nil
	}
	if d, ok := BuiltIn(s.Data, s.Seed); ok {
		return d, nil
	}
	if !strings.HasSuffix(strings.ToLower(s.Data), ".csv") {
		return nil, msgUnknownData.New(message.Quote(s.Data), message.Text(strings.Join(DataNames(), ", ")))
	}
	f, err := os.Open(s.Data)
	if err != nil {
		return nil, openError(s.Data, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, msgIsFolder.New(message.Text(s.Data))
	}
	cols := s.Columns
	if cols == nil {
		cols = []string{"x", "y"}
	}
	return LoadCSV(s.Data, f, cols)
}

// LossOf is the model's loss a problem minimises (of all its training
// rows, for one learned from mini-batches), nil for a function.
func LossOf(f optimizer.Objective) *Loss {
	switch l := f.(type) {
	case *Loss:
		return l
	case Batched:
		return l.Loss
	}
	return nil
}
