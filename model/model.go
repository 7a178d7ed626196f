package model

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"

	"gdlab/message"
	"gdlab/optimizer"
)

// Kind is the family of a model.
type Kind int

// The models.
const (
	Linear Kind = iota
	Polynomial
	Logistic
	MLP
)

// Model is a model with its shape: the degree of a polynomial, the hidden
// units of an mlp, the inputs it takes.
type Model struct {
	Kind   Kind
	Degree int // polynomial:D
	Hidden int // mlp:H
	Inputs int // input columns: 1 for polynomial, 2 for mlp, 1 or 2 for linear and logistic
}

// MaxHidden is the most hidden units of an mlp: its 4H + 1 parameters are
// at most optimizer.MaxDims.
const MaxHidden = (optimizer.MaxDims - 1) / 4

// Names of the models, as ParseModel reads them.
var modelList = "linear, polynomial:D (D = 0 … 9), logistic, mlp:H (H = 1 … " + strconv.Itoa(MaxHidden) + ")"

// ParseModel reads a model's name ("linear", "polynomial:3", "logistic",
// "mlp:4") for data with inputs input columns; the error says what is
// valid.
func ParseModel(s string, inputs int) (Model, error) {
	name, arg, hasArg := strings.Cut(strings.ToLower(strings.TrimSpace(s)), ":")
	n, err := strconv.Atoi(arg)
	var m Model
	switch {
	case name == "linear" && !hasArg:
		m = Model{Kind: Linear, Inputs: inputs}
	case name == "logistic" && !hasArg:
		m = Model{Kind: Logistic, Inputs: inputs}
	case name == "polynomial" && hasArg && err == nil && n >= 0 && n <= 9:
		m = Model{Kind: Polynomial, Degree: n, Inputs: 1}
	case name == "mlp" && hasArg && err == nil && n >= 1 && n <= MaxHidden:
		m = Model{Kind: MLP, Hidden: n, Inputs: 2}
	default:
		return Model{}, msgUnknownModel.New(message.Quote(s), message.Text(modelList))
	}
	if m.Inputs != inputs || inputs < 1 || inputs > 2 {
		return Model{}, msgModelInputs.New(message.Text(m.String()), message.Int(m.Inputs), message.Int(inputs))
	}
	return m, nil
}

// String is the model's name as ParseModel reads it.
func (m Model) String() string {
	switch m.Kind {
	case Polynomial:
		return "polynomial:" + strconv.Itoa(m.Degree)
	case Logistic:
		return "logistic"
	case MLP:
		return "mlp:" + strconv.Itoa(m.Hidden)
	}
	return "linear"
}

// Classifier reports whether the model gives a probability (its loss is
// the binary cross-entropy) rather than a value (the squared error).
func (m Model) Classifier() bool { return m.Kind == Logistic || m.Kind == MLP }

// NumParams is the number of parameters.
func (m Model) NumParams() int {
	switch m.Kind {
	case Polynomial:
		return m.Degree + 1
	case MLP:
		return 4*m.Hidden + 1
	}
	return m.Inputs + 1
}

// Params are the parameters' names, in the order of the parameter vector.
func (m Model) Params() []string {
	var out []string
	switch m.Kind {
	case Polynomial:
		for j := 0; j <= m.Degree; j++ {
			out = append(out, "w"+strconv.Itoa(j))
		}
	case MLP:
		for i := range 2 {
			for j := range m.Hidden {
				out = append(out, fmt.Sprintf("W1[%d][%d]", i, j))
			}
		}
		for j := range m.Hidden {
			out = append(out, fmt.Sprintf("b1[%d]", j))
		}
		for j := range m.Hidden {
			out = append(out, fmt.Sprintf("W2[%d]", j))
		}
		out = append(out, "b2")
	default:
		if m.Inputs == 1 {
			return []string{"w", "b"}
		}
		return []string{"w1", "w2", "b"}
	}
	return out
}

// Start is the parameters a run starts from when none are given: zeros,
// but for the mlp the book's 0.01·N(0, 1) weights (zero biases) from a PCG
// seeded with seed, since zero weights give every hidden unit the same
// gradient.
func (m Model) Start(seed uint64) []float64 {
	w := make([]float64, m.NumParams())
	if m.Kind == MLP {
		gen := rand.New(rand.NewPCG(seed, dataStream^2))
		h := m.Hidden
		for i := range 2 * h {
			w[i] = 0.01 * gen.NormFloat64()
		}
		for j := range h {
			w[3*h+j] = 0.01 * gen.NormFloat64()
		}
	}
	return w
}

// features are the model's inputs to its linear part: x (linear,
// logistic) or 1, x, …, x^D (polynomial), stored in phi; the linear part is
// w·phi (+ b as the last parameter, for linear and logistic).
func (m Model) features(x, phi []float64) []float64 {
	if m.Kind == Polynomial {
		p := 1.0
		for j := 0; j <= m.Degree; j++ {
			phi[j] = p
			p *= x[0]
		}
		return phi[:m.Degree+1]
	}
	copy(phi, x)
	phi[m.Inputs] = 1
	return phi[:m.Inputs+1]
}

// out is the model's output at input x with parameters w: ŷ, or the logit
// z of p = σ(z); h (at least Hidden entries) receives an mlp's hidden
// activations, phi (NumParams entries) the features.
func (m Model) out(w, x, h, phi []float64) float64 {
	if m.Kind != MLP {
		f := m.features(x, phi)
		z := 0.0
		for j, v := range f {
			z += w[j] * v
		}
		return z
	}
	n := m.Hidden
	z := w[4*n]
	for j := range n {
		a := w[2*n+j] + x[0]*w[j] + x[1]*w[n+j]
		h[j] = sigmoid(a)
		z += w[3*n+j] * h[j]
	}
	return z
}

// addGrad adds s·∂out/∂w at x to g, after out at the same w and x filled h
// and phi (backpropagation through the mlp, as the book's TwoLayerNet).
func (m Model) addGrad(w, x, h, phi []float64, s float64, g []float64) {
	if m.Kind != MLP {
		for j, v := range phi[:m.NumParams()] {
			g[j] += s * v
		}
		return
	}
	n := m.Hidden
	g[4*n] += s
	for j := range n {
		g[3*n+j] += s * h[j]
		da := s * w[3*n+j] * h[j] * (1 - h[j])
		g[j] += da * x[0]
		g[n+j] += da * x[1]
		g[2*n+j] += da
	}
}

// sigmoid is σ(z) = 1/(1 + e^−z), computed without overflow.
func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}
