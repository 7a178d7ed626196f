package optimizer

import (
	"slices"
	"testing"
)

func TestPresets(t *testing.T) {
	want := []string{"textbook", "sphere", "booth", "matyas", "rosenbrock", "himmelblau", "beale",
		"three-hump-camel", "mccormick", "rastrigin", "ackley", "saddle", "styblinski-tang"}
	ps := Presets()
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
		b := p.Box
		if p.Func == "" || p.Note == "" || !(b.XMin < b.XMax && b.YMin < b.YMax) {
			t.Errorf("%s: func %q note %q box %+v", p.Name, p.Func, p.Note, b)
		}
		inside := func(x [2]float64) bool { return b.XMin <= x[0] && x[0] <= b.XMax && b.YMin <= x[1] && x[1] <= b.YMax }
		if !inside(p.Start) {
			t.Errorf("%s: start %v outside the box %+v", p.Name, p.Start, b)
		}
		for _, m := range p.Minima {
			if !inside(m) {
				t.Errorf("%s: minimum %v outside the box %+v", p.Name, m, b)
			}
		}
		if (p.FMin == nil) != (len(p.Minima) == 0) {
			t.Errorf("%s: f* %v with %d minima", p.Name, p.FMin, len(p.Minima))
		}
		got, ok := PresetByName(p.Name)
		if !ok || got.Name != p.Name || got.Func != p.Func {
			t.Errorf("PresetByName(%q) = %+v, %v", p.Name, got, ok)
		}
		prob := p.Problem(sphere)
		if prob.F == nil || prob.Source != p.Func || *prob.Box != p.Box || len(prob.Minima) != len(p.Minima) {
			t.Errorf("%s: problem %+v", p.Name, prob)
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("presets %v, want %v", names, want)
	}
	if p, ok := PresetByName("three-hump camel"); !ok || p.Name != "three-hump-camel" {
		t.Errorf("three-hump camel: %v", ok)
	}
	if _, ok := PresetByName("nope"); ok {
		t.Error("unknown preset found")
	}
	// Every call gives fresh data.
	ps[5].Minima[0][0] = 99
	if p, _ := PresetByName("himmelblau"); p.Minima[0][0] == 99 {
		t.Error("presets share their minima between calls")
	}
}
