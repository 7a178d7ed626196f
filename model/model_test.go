package model

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"gdlab/optimizer"
)

// allModels pairs every model with a built-in data set it fits.
var allModels = []struct{ model, data string }{
	{"linear", "line"}, {"polynomial:3", "parabola"}, {"polynomial:0", "line"},
	{"logistic", "blobs"}, {"mlp:4", "moons"}, {"mlp:1", "xor"}, {"logistic", "circles"},
}

func mustLoss(t testing.TB, model, data string) *Loss {
	t.Helper()
	d, ok := BuiltIn(data, 0)
	if !ok {
		t.Fatalf("no data %q", data)
	}
	m, err := ParseModel(model, d.Inputs)
	if err != nil {
		t.Fatal(err)
	}
	l, err := NewLoss(m, d)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestExactGradientAgainstCentralDifferences: every model's hand-written
// gradient agrees with central differences of its loss at random
// parameters, relative 1e-6; so does a mini-batch's.
func TestExactGradientAgainstCentralDifferences(t *testing.T) {
	gen := rand.New(rand.NewPCG(3, 4))
	for _, tc := range allModels {
		l := mustLoss(t, tc.model, tc.data)
		for _, obj := range []*Loss{l, l.Batch([]int{0, 3, 7, 11, 19})} {
			p := obj.Dims()
			for range 5 {
				w := make([]float64, p)
				for i := range w {
					w[i] = 2*gen.Float64() - 1
				}
				g, num := make([]float64, p), make([]float64, p)
				f := obj.ValueGradN(w, g)
				if fv := obj.ValueN(w); f != fv {
					t.Fatalf("%s on %s: ValueGradN's value %v, ValueN's %v", tc.model, tc.data, f, fv)
				}
				obj.NumericGradN(w, 1e-6, num)
				for i := range g {
					if d := math.Abs(g[i] - num[i]); d > 1e-6*math.Max(1, math.Abs(g[i])) {
						t.Errorf("%s on %s: ∂/∂%s = %v, central difference %v", tc.model, tc.data, l.M.Params()[i], g[i], num[i])
					}
				}
			}
		}
	}
}

// TestLinearSquaredErrorClosedForm: the quadratic form of the squared
// error equals the sum over the rows, and gd on linear/line ends at the
// least-squares line (gonum's solve of the normal equations), 1e-6.
func TestLinearSquaredErrorClosedForm(t *testing.T) {
	l := mustLoss(t, "linear", "line")
	w := []float64{1.7, 0.3}
	direct := 0.0
	for i := range l.D.Rows() {
		e := w[0]*l.D.X[i] + w[1] - l.D.Y[i]
		direct += e * e / float64(l.D.Rows())
	}
	if got := l.ValueN(w); math.Abs(got-direct) > 1e-12*direct {
		t.Errorf("loss %v, the mean of the squares %v", got, direct)
	}
	n := l.D.Rows()
	x := mat.NewDense(n, 2, nil)
	for i := range n {
		x.Set(i, 0, l.D.X[i])
		x.Set(i, 1, 1)
	}
	var ls mat.VecDense
	if err := ls.SolveVec(x, mat.NewVecDense(n, l.D.Y)); err != nil {
		t.Fatal(err)
	}
	c := optimizer.DefaultConfig()
	c.LR, c.Steps = 0.05, 20000
	c.SetStart(l.M.Start(1))
	r := optimizer.Run(context.Background(), optimizer.Problem{F: l}, c, nil)
	for i, name := range []string{"w", "b"} {
		if got := r.Final.Coord(i); math.Abs(got-ls.AtVec(i)) > 1e-6 {
			t.Errorf("%s = %v after gd, least squares %v", name, got, ls.AtVec(i))
		}
	}
	if r.Analysis.CriticalLR == nil {
		t.Error("no critical learning rate for a quadratic loss")
	}
}

// TestCrossEntropyIsStable: at logits of ±800 the loss stays finite and
// exact: softplus(800) − 800 = log(1 + e^−800) ≈ 0 for label 1, 800 for
// label 0.
func TestCrossEntropyIsStable(t *testing.T) {
	d := &Data{Name: "two", Inputs: 1, X: []float64{1, 1}, Y: []float64{1, 0}, Classification: true}
	m, _ := ParseModel("logistic", 1)
	l, err := NewLoss(m, d)
	if err != nil {
		t.Fatal(err)
	}
	// w = 800, b = 0: logit 800 on both rows; the mean of 0 and 800.
	g := make([]float64, 2)
	if f := l.ValueGradN([]float64{800, 0}, g); math.Abs(f-400) > 1e-12 || math.Abs(g[0]-0.5) > 1e-12 {
		t.Errorf("loss %v, ∂/∂w %v; want 400 and (σ(800) − 1 + σ(800))/2 = 0.5", f, g[0])
	}
	if f := l.ValueN([]float64{-800, 0}); math.Abs(f-400) > 1e-12 {
		t.Errorf("loss at logit −800: %v, want 400", f)
	}
}

// TestDataSets: sizes, labels and determinism by seed.
func TestDataSets(t *testing.T) {
	sizes := map[string]int{"line": 50, "parabola": 50, "blobs": 100, "moons": 200, "circles": 200, "xor": 200}
	for _, name := range DataNames() {
		a, _ := BuiltIn(name, 7)
		b, _ := BuiltIn(name, 7)
		c, _ := BuiltIn(name, 8)
		if a.Rows() != sizes[name] || a.Description == "" {
			t.Errorf("%s: %d rows, description %q", name, a.Rows(), a.Description)
		}
		if a.X[0] != b.X[0] || a.X[0] == c.X[0] {
			t.Errorf("%s: seed 7 twice gives %v and %v, seed 8 %v", name, a.X[0], b.X[0], c.X[0])
		}
		ones := 0
		for _, y := range a.Y {
			if a.Classification && y != 0 && y != 1 {
				t.Fatalf("%s: label %v", name, y)
			}
			if y == 1 {
				ones++
			}
		}
		if a.Classification && (ones == 0 || ones == a.Rows()) {
			t.Errorf("%s: %d of %d labels are 1", name, ones, a.Rows())
		}
	}
	if _, ok := BuiltIn("spiral", 1); ok {
		t.Error("an unknown data set was found")
	}
}

// TestModelsAndTheirErrors: names, parameter counts and names, and the
// messages for a model that does not fit.
func TestModelsAndTheirErrors(t *testing.T) {
	for _, tc := range []struct {
		s      string
		inputs int
		n      int
		first  string
	}{{"linear", 1, 2, "w"}, {"linear", 2, 3, "w1"}, {"polynomial:3", 1, 4, "w0"}, {"logistic", 2, 3, "w1"}, {"mlp:4", 2, 17, "W1[0][0]"}} {
		m, err := ParseModel(tc.s, tc.inputs)
		if err != nil || m.NumParams() != tc.n || len(m.Params()) != tc.n || m.Params()[0] != tc.first || m.String() != tc.s {
			t.Errorf("%s: %v %d %v %v", tc.s, m, m.NumParams(), m.Params(), err)
		}
	}
	for _, tc := range []struct {
		s      string
		inputs int
	}{{"cubic", 1}, {"polynomial:x", 1}, {"mlp:0", 2}, {"mlp:4", 1}, {"polynomial:2", 2}} {
		if _, err := ParseModel(tc.s, tc.inputs); err == nil {
			t.Errorf("%s on %d inputs: no error", tc.s, tc.inputs)
		}
	}
	line, _ := BuiltIn("line", 1)
	logistic := Model{Kind: Logistic, Inputs: 1}
	if _, err := NewLoss(logistic, line); err == nil {
		t.Error("logistic on values: no error")
	}
}

// TestMLPLearnsXOR: the book's network with 4 hidden units learns xor,
// which no line separates, with Adam.
func TestMLPLearnsXOR(t *testing.T) {
	l := mustLoss(t, "mlp:4", "xor")
	c := optimizer.DefaultConfig().ForMethod(optimizer.Adam)
	c.LR, c.Steps = 0.05, 3000
	c.SetStart(l.M.Start(1))
	r := optimizer.Run(context.Background(), optimizer.Problem{F: l}, c, nil)
	w := r.Final.Pos(l.Dims())
	right := 0
	for i := range l.D.Rows() {
		if p := l.Predict(w, l.D.Row(i)); (p >= 0.5) == (l.D.Y[i] == 1) {
			right++
		}
	}
	if right < 180 {
		t.Errorf("mlp:4 classifies %d of 200 xor points right (loss %v)", right, r.Final.F)
	}
}
