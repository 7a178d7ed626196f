package optimizer

import (
	"context"
	"reflect"
	"testing"
)

func TestRunSet(t *testing.T) {
	var cs []Config
	for _, m := range methodNames() {
		for _, lr := range []float64{0.01, 0.1, 0.5, 1, 1.1} {
			c := DefaultConfig()
			c.Method, c.LR, c.Steps = m, lr, 2000
			cs = append(cs, c)
		}
	}
	p := Problem{F: rosenbrock}
	inside, calls := false, 0
	seen := make([]bool, len(cs))
	got := RunSet(context.Background(), p, cs, func(i int, pr Progress) {
		// Serialised calls: a concurrent one would trip -race or this flag.
		if inside {
			t.Error("report called concurrently")
		}
		inside = true
		calls++
		seen[i] = true
		if len(pr.Points) == 0 || pr.Points[0].X != cs[i].Start {
			t.Errorf("run %d: report with %d points", i, len(pr.Points))
		}
		inside = false
	})
	if len(got) != len(cs) {
		t.Fatalf("%d results for %d configs", len(got), len(cs))
	}
	for i, r := range got {
		if r.Config.Method != cs[i].Method || r.Config.LR != cs[i].LR || !seen[i] {
			t.Errorf("result %d is %s lr %v (reported %v), want %s lr %v", i, r.Config.Method, r.Config.LR, seen[i], cs[i].Method, cs[i].LR)
		}
		// Same numbers as a run on its own.
		alone := Run(context.Background(), p, cs[i], nil)
		if !reflect.DeepEqual(alone.Points, r.Points) || alone.Verdict != r.Verdict || alone.Status != r.Status {
			t.Errorf("result %d differs from the same run alone", i)
		}
	}
	if calls < len(cs) {
		t.Errorf("%d reports for %d runs", calls, len(cs))
	}
	if r := RunSet(context.Background(), p, nil, nil); len(r) != 0 {
		t.Errorf("empty set: %d results", len(r))
	}
}

func TestRunSetCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cs := make([]Config, 4)
	for i := range cs {
		cs[i] = textbook(0.001*float64(i+1), 50_000_000)
	}
	started := make(chan struct{}, len(cs))
	done := make(chan []Result)
	go func() {
		done <- RunSet(ctx, Problem{F: sphere}, cs, func(i int, pr Progress) {
			if pr.Step > 0 {
				select {
				case started <- struct{}{}:
				default:
				}
			}
		})
	}()
	<-started
	cancel()
	for i, r := range <-done {
		if r.Status != Cancelled || r.Config.LR != cs[i].LR {
			t.Errorf("run %d: %s lr %v", i, r.Status, r.Config.LR)
		}
	}
}
