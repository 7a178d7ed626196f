package optimizer

import (
	"math"
	"sync"

	"gdlab/optimizer/expr"
)

// Preset is a built-in function with its view, a standard start and what is
// known about its minima.
type Preset struct {
	Name   string       // "sphere", "booth", "rosenbrock", …, plus "textbook"
	Func   string       // source text in the function language
	Box    Box          // view
	Start  [2]float64   // standard start
	Minima [][2]float64 // known global minimisers (empty for the saddle)
	FMin   *float64     // f at the minimisers, nil when there is none
	Note   string       // one line for a teacher
}

// Problem returns the preset's problem around the already parsed function fn
// (parse p.Func with the function language).
func (p Preset) Problem(fn Objective) Problem {
	b := p.Box
	return Problem{F: fn, Source: p.Func, Box: &b, Minima: p.Minima, FMin: p.FMin}
}

func fmin(v float64) *float64 { return &v }

func square(lo, hi float64) Box { return Box{XMin: lo, XMax: hi, YMin: lo, YMax: hi} }

// Presets returns the built-in functions: every reference function of the
// design plus the textbook example. The slice is fresh on every call.
func Presets() []Preset {
	return []Preset{
		{Name: "textbook", Func: "x[0]**2 + x[1]**2", Box: square(-5, 5), Start: [2]float64{3, 2},
			Minima: [][2]float64{{0, 0}}, FMin: fmin(0),
			Note: "the textbook's first example: lr 0.1 settles, 1.0 never settles, 1e-6 barely moves"},
		{Name: "sphere", Func: "x^2 + y^2", Box: square(-5, 5), Start: [2]float64{-4, 3},
			Minima: [][2]float64{{0, 0}}, FMin: fmin(0),
			Note: "a round bowl; Hessian eigenvalues 2 and 2, so gd's critical lr is 1"},
		{Name: "booth", Func: "(x + 2y - 7)^2 + (2x + y - 5)^2", Box: square(-10, 10), Start: [2]float64{-8, -6},
			Minima: [][2]float64{{1, 3}}, FMin: fmin(0),
			Note: "a stretched bowl; Hessian eigenvalues 2 and 18, so gd's critical lr is 1/9"},
		{Name: "matyas", Func: "0.26(x^2 + y^2) - 0.48*x*y", Box: square(-10, 10), Start: [2]float64{-8, 6},
			Minima: [][2]float64{{0, 0}}, FMin: fmin(0),
			Note: "a long flat valley along y = x: gd crawls along it"},
		{Name: "rosenbrock", Func: "(1 - x)^2 + 100(y - x^2)^2", Box: Box{XMin: -2, XMax: 2, YMin: -1, YMax: 3},
			Start: [2]float64{-1.2, 1}, Minima: [][2]float64{{1, 1}}, FMin: fmin(0),
			Note: "the banana valley: easy to find, slow to follow; classic start (-1.2, 1)"},
		{Name: "himmelblau", Func: "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", Box: square(-5, 5), Start: [2]float64{0, 0},
			Minima: [][2]float64{{3, 2}, {-2.805118086952745, 3.131312518250573},
				{-3.779310253377747, -3.283185991286169}, {3.5844283403304917, -1.8481265269644034}},
			FMin: fmin(0),
			Note: "four equal minima: which one you reach depends on where you start"},
		{Name: "beale", Func: "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2 + (2.625 - x + x*y^3)^2", Box: square(-4.5, 4.5),
			Start: [2]float64{1, 1}, Minima: [][2]float64{{3, 0.5}}, FMin: fmin(0),
			Note: "flat plains and steep walls: adaptive methods shine"},
		{Name: "three-hump-camel", Func: "2x^2 - 1.05x^4 + x^6/6 + x*y + y^2", Box: square(-5, 5), Start: [2]float64{2, -2},
			Minima: [][2]float64{{0, 0}}, FMin: fmin(0),
			Note: "one global minimum between two local ones"},
		{Name: "mccormick", Func: "sin(x + y) + (x - y)^2 - 1.5x + 2.5y + 1", Box: Box{XMin: -1.5, XMax: 4, YMin: -3, YMax: 4},
			Start: [2]float64{3, 3}, Minima: [][2]float64{{0.5 - math.Pi/3, -0.5 - math.Pi/3}},
			FMin: fmin(-math.Sqrt(3)/2 - math.Pi/3),
			Note: "a tilted valley; minimum at x = 1/2 − π/3, y = −1/2 − π/3"},
		{Name: "rastrigin", Func: "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)", Box: square(-5.12, 5.12),
			Start: [2]float64{3.2, -2.1}, Minima: [][2]float64{{0, 0}}, FMin: fmin(0),
			Note: "an egg box of local minima: gd stops in the nearest one"},
		{Name: "ackley", Func: "-20*exp(-0.2*sqrt(0.5*(x^2 + y^2))) - exp(0.5*(cos(2*pi*x) + cos(2*pi*y))) + e + 20",
			Box: square(-5, 5), Start: [2]float64{2.5, -3}, Minima: [][2]float64{{0, 0}}, FMin: fmin(0),
			Note: "many shallow local minima around a sharp funnel (not differentiable at its bottom)"},
		{Name: "saddle", Func: "x^2 - y^2", Box: square(-2, 2), Start: [2]float64{1, 0.001},
			Note: "no minimum: a saddle at (0, 0); from y = 0 exactly gd stops there, from any other y it escapes"},
		{Name: "styblinski-tang", Func: "0.5*(x^4 - 16x^2 + 5x + y^4 - 16y^2 + 5y)", Box: square(-5, 5), Start: [2]float64{4, 4},
			Minima: [][2]float64{{-2.903534027771177, -2.903534027771177}}, FMin: fmin(-78.33233140754282),
			Note: "four wells of different depths: gd from (4, 4) stops in the shallowest"},
	}
}

// PresetByName returns the preset called name (exact, lower-case names as
// listed by Presets; "three-hump camel" with a space is accepted too).
func PresetByName(name string) (Preset, bool) {
	if name == "three-hump camel" {
		name = "three-hump-camel"
	}
	for _, p := range Presets() {
		if p.Name == name {
			return p, true
		}
	}
	return Preset{}, false
}

// PresetNames lists the presets' names in order.
func PresetNames() []string {
	var names []string
	for _, p := range Presets() {
		names = append(names, p.Name)
	}
	return names
}

// presetKeys are the parsed forms of the presets' functions (expr.Func.Key),
// in the order of Presets.
var presetKeys = sync.OnceValue(func() []string {
	ps := Presets()
	keys := make([]string, len(ps))
	for i, p := range ps {
		if f, err := expr.Parse(p.Func); err == nil {
			keys[i] = f.Key()
		}
	}
	return keys
})

// PresetFor returns the preset whose function parses to the same tree as
// f: "x^2+y^2" and "x[0]**2 + x[1]**2" find the same preset, however they
// are spaced. The first preset in the order of Presets wins.
func PresetFor(f *expr.Func) (Preset, bool) {
	key := f.Key()
	for i, k := range presetKeys() {
		if k == key {
			return Presets()[i], true
		}
	}
	return Preset{}, false
}

// NewProblem parses src and returns its problem with the view rules that
// the window, lessons and the CLI share: the view box is box when given,
// else the box of the preset whose function src is (by PresetFor), else
// none (the figure fits the runs); the known minima are the preset's. The
// error is the parser's *expr.Error.
func NewProblem(src string, box *Box) (Problem, error) {
	f, err := expr.Parse(src)
	if err != nil {
		return Problem{}, err
	}
	p := Problem{F: f, Source: src}
	if pr, ok := PresetFor(f); ok {
		b := pr.Box
		p.Box, p.Minima, p.FMin = &b, pr.Minima, pr.FMin
	}
	if box != nil {
		b := *box
		p.Box = &b
	}
	return p, nil
}
