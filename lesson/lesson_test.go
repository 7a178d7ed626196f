package lesson

import (
	"context"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

func TestProblem(t *testing.T) {
	tests := []struct {
		name, function string
		box            *[4]float64
		wantBox        *optimizer.Box
		wantMinima     int
		wantFMin       bool
	}{
		{"preset text, no box", "x[0]**2 + x[1]**2", nil, &optimizer.Box{XMin: -5, XMax: 5, YMin: -5, YMax: 5}, 1, true},
		{"preset text up to spaces", "(1-x)^2+100(y-x^2)^2", nil, &optimizer.Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3}, 1, true},
		{"preset with own box", "x^2 + y^2", &[4]float64{-1, 2, -3, 4}, &optimizer.Box{XMin: -1, XMax: 2, YMin: -3, YMax: 4}, 1, true},
		{"saddle: no minima", "x^2 - y^2", nil, &optimizer.Box{XMin: -2, XMax: 2, YMin: -2, YMax: 2}, 0, false},
		{"unknown function", "x^2 + 3y^2", nil, nil, 0, false},
		{"unknown with box", "sin(x)", &[4]float64{0, 7, -1, 1}, &optimizer.Box{XMin: 0, XMax: 7, YMin: -1, YMax: 1}, 0, false},
	}
	for _, tt := range tests {
		start := []float64{1, 1}
		f, err := expr.Parse(tt.function)
		if err != nil {
			t.Fatal(err)
		}
		if f.Dims() == 1 {
			start = start[:1]
		}
		l := Lesson{Format: FormatV1, Title: "T", Function: tt.function, Box: tt.box, Steps: 5,
			Runs: []Run{{Method: "gd", LR: 0.1, Start: start}}}
		p, err := l.Problem()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if p.Source != tt.function || p.F == nil || p.F.Dims() != f.Dims() {
			t.Errorf("%s: problem source %q, dims %v", tt.name, p.Source, p.F)
		}
		if !reflect.DeepEqual(p.Box, tt.wantBox) {
			t.Errorf("%s: box %+v, want %+v", tt.name, p.Box, tt.wantBox)
		}
		if len(p.Minima) != tt.wantMinima || (p.FMin != nil) != tt.wantFMin {
			t.Errorf("%s: %d minima, fmin %v; want %d minima, fmin known %v", tt.name, len(p.Minima), p.FMin, tt.wantMinima, tt.wantFMin)
		}
	}
}

func TestConfigs(t *testing.T) {
	l := Lesson{Format: FormatV1, Title: "T", Function: "x^2 + y^2", Steps: 42, Runs: []Run{
		{Method: "gd", LR: 0.5, Start: []float64{1, 2}},
		{Method: " SGD ", LR: 0.5, Start: []float64{1, 2}, Gradient: "numeric", H: 0.01, Bound: 50, Tol: 1e-6},
		{Method: "momentum", LR: 0.01, Start: []float64{-1, 0}, Params: map[string]float64{"momentum": 0.5}},
		{Method: "adam", LR: 0.01, Start: []float64{-1, 0}, Params: map[string]float64{"beta1": 0.8, "beta2": 0.99, "eps": 1e-6}},
		{Method: "rmsprop", LR: 0.01, Start: []float64{-1, 0}, Params: map[string]float64{"alpha": 0.9}, Gradient: "exact"},
	}}
	cs, err := l.Configs()
	if err != nil {
		t.Fatal(err)
	}
	base := optimizer.DefaultConfig()
	base.Steps = 42
	want := make([]optimizer.Config, 5)
	for i := range want {
		want[i] = base
	}
	want[0].LR, want[0].Start = 0.5, [2]float64{1, 2}
	want[1].LR, want[1].Start, want[1].Gradient, want[1].H, want[1].Bound, want[1].Tol = 0.5, [2]float64{1, 2}, optimizer.Numeric, 0.01, 50, 1e-6
	want[2].Method, want[2].LR, want[2].Start = optimizer.Momentum, 0.01, [2]float64{-1, 0}
	want[2] = want[2].With("momentum", 0.5)
	want[3].Method, want[3].LR, want[3].Start = optimizer.Adam, 0.01, [2]float64{-1, 0}
	want[3] = want[3].With("beta1", 0.8).With("beta2", 0.99).With("eps", 1e-6)
	want[4].Method, want[4].LR, want[4].Start = optimizer.RMSProp, 0.01, [2]float64{-1, 0}
	want[4] = want[4].With("alpha", 0.9)
	for i := range want {
		if !cs[i].Equal(want[i]) {
			t.Errorf("config %d:\n got %+v\nwant %+v", i+1, cs[i], want[i])
		}
	}
}

func TestConfigs1D(t *testing.T) {
	l := Lesson{Format: FormatV1, Title: "T", Function: "x^4 - 3x", Steps: 3,
		Runs: []Run{{Method: "gd", LR: 0.01, Start: []float64{2}}}}
	cs, err := l.Configs()
	if err != nil {
		t.Fatal(err)
	}
	if cs[0].Start != [2]float64{2, 0} {
		t.Errorf("1-D start %v, want [2 0]", cs[0].Start)
	}
}

// TestFromSettingsRoundTrip saves the window's settings as a lesson file and
// reads them back: the configs must come back as they were (for the fields
// their methods use) and the runs must give the same trajectories.
func TestFromSettingsRoundTrip(t *testing.T) {
	mk := func(m optimizer.Method, lr float64, start [2]float64, edit func(*optimizer.Config)) optimizer.Config {
		c := optimizer.DefaultConfig()
		c.Method, c.LR, c.Start, c.Steps = m, lr, start, 250
		if edit != nil {
			edit(&c)
		}
		return c
	}
	tests := []struct {
		name   string
		fn     string
		box    *optimizer.Box
		cs     []optimizer.Config
		speed  float64
		want   []optimizer.Config // nil: the same as cs
		wantOK bool
	}{
		{"every method", "(1 - x)^2 + 100(y - x^2)^2", &optimizer.Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3}, []optimizer.Config{
			mk(optimizer.GD, 1e-3, [2]float64{-1.2, 1}, nil),
			mk(optimizer.Ascent, 1e-6, [2]float64{0.5, 0.5}, nil),
			mk(optimizer.Momentum, 1e-3, [2]float64{-1.2, 1}, func(c *optimizer.Config) { c.Hyper.Set("momentum", 0.5) }),
			mk(optimizer.Nesterov, 1e-3, [2]float64{-1.2, 1}, nil),
			mk(optimizer.Adagrad, 0.1, [2]float64{-1.2, 1}, func(c *optimizer.Config) { c.Hyper.Set("eps", 1e-7) }),
			mk(optimizer.RMSProp, 0.01, [2]float64{-1.2, 1}, func(c *optimizer.Config) { c.Hyper.Set("alpha", 0.9) }),
			mk(optimizer.Adam, 0.05, [2]float64{-1.2, 1}, func(c *optimizer.Config) { *c = c.With("beta1", 0.8).With("beta2", 0.95).With("eps", 1e-6) }),
			mk(optimizer.GD, 1e-3, [2]float64{1.5, 2.5}, func(c *optimizer.Config) {
				c.Gradient, c.H, c.Bound, c.Tol = optimizer.Numeric, 1e-3, 1e3, 1e-4
			}),
		}, 25, nil, true},
		{"1-D function, no box, no speed", "x^4 - 3x^2 + x", nil, []optimizer.Config{
			mk(optimizer.GD, 0.01, [2]float64{2, 0}, nil),
			mk(optimizer.GD, 0.01, [2]float64{-2, 0}, func(c *optimizer.Config) { c.Gradient = optimizer.Numeric }),
		}, 0, nil, true},
		{"infinite bound", "x^2 + 2y^2", nil, []optimizer.Config{
			mk(optimizer.GD, 1.1, [2]float64{3, 2}, func(c *optimizer.Config) { c.Bound = math.Inf(1) }),
		}, 10, []optimizer.Config{
			mk(optimizer.GD, 1.1, [2]float64{3, 2}, func(c *optimizer.Config) { c.Bound = math.MaxFloat64 }),
		}, true},
		{"too many runs", "x^2 + y^2", nil, make([]optimizer.Config, 9), 10, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := expr.Parse(tt.fn)
			if err != nil {
				t.Fatal(err)
			}
			p := optimizer.Problem{F: f, Source: tt.fn, Box: tt.box}
			l := FromSettings("My lesson", "Look at this.", p, tt.cs, tt.speed)
			path := filepath.Join(t.TempDir(), "mine.json")
			err = Save(path, l)
			if !tt.wantOK {
				if err == nil {
					t.Fatal("Save of an invalid lesson succeeded")
				}
				return
			}
			if err != nil {
				t.Fatalf("Save: %v", err)
			}
			back, err := LoadFile(path)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			if back.Title != "My lesson" || back.Text != "Look at this." || back.Function != tt.fn || back.Speed != tt.speed {
				t.Errorf("header came back as %q %q %q speed %g", back.Title, back.Text, back.Function, back.Speed)
			}
			bp, err := back.Problem()
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(bp.Box, tt.box) {
				t.Errorf("box came back as %+v, want %+v", bp.Box, tt.box)
			}
			got, err := back.Configs()
			if err != nil {
				t.Fatal(err)
			}
			want := tt.want
			if want == nil {
				want = slices.Clone(tt.cs)
			}
			for i := range want {
				want[i] = recorded(want[i])
			}
			if f.Dims() == 1 {
				for i := range want {
					want[i].Start[1] = 0
				}
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("configs came back as\n%+v\nwant\n%+v", got, want)
			}
			a := optimizer.RunSet(context.Background(), p, tt.cs, nil)
			b := optimizer.RunSet(context.Background(), bp, got, nil)
			for i := range a {
				if !reflect.DeepEqual(a[i].Final, b[i].Final) || a[i].Status != b[i].Status {
					t.Errorf("run %d: %v %+v before saving, %v %+v after", i+1, a[i].Status, a[i].Final, b[i].Status, b[i].Final)
				}
			}
		})
	}
}

// recorded is c as a lesson file records it: every hyperparameter of its
// method set to the value the method uses, except a zero-means-default one
// (ε) left at its default.
func recorded(c optimizer.Config) optimizer.Config {
	spec, _ := c.Method.Spec()
	for _, p := range spec.Params {
		if v, set := c.Hyper.Get(p.Name); !p.ZeroIsDefault || (set && v != 0) {
			c.Hyper.Set(p.Name, c.Param(p.Name))
		}
	}
	return c
}

// TestFromSettingsOmitsUnused checks that a run records only what its
// method uses, so saved files stay readable.
func TestFromSettingsOmitsUnused(t *testing.T) {
	c := optimizer.DefaultConfig()
	c = c.With("momentum", 0.3).With("alpha", 0.3).With("beta1", 0.3).With("eps", 0.3)
	l := FromSettings("T", "", optimizer.Problem{Source: "x^2 + y^2"}, []optimizer.Config{c}, 0)
	want := Run{Method: "gd", LR: 0.1, Start: []float64{3, 2}}
	if !reflect.DeepEqual(l.Runs[0], want) {
		t.Errorf("gd run recorded as %+v, want %+v", l.Runs[0], want)
	}
	if l.Steps != 100 || l.Box != nil || l.Format != FormatV1 {
		t.Errorf("lesson %+v: want 100 steps, no box, the format set", l)
	}
}
