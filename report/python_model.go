package report

import (
	"fmt"
	"strings"

	"gdlab/model"
	"gdlab/optimizer"
)

// MaxPythonRows is the most data rows a NumPy script of a model holds
// (inline, since the built-in sets are made by Go's generator).
const MaxPythonRows = 20_000

// writeModel writes f(x), grad(x) and hessian(x) of a model's loss over
// its data, x being the parameter vector, in NumPy: the data inline, the
// model's forward pass and its gradient (backpropagation for the mlp), as
// package model computes them up to rounding.
func writeModel(b *strings.Builder, l *model.Loss) error {
	d, m := l.D, l.M
	if d.Rows() > MaxPythonRows {
		return fmt.Errorf("a NumPy script holds its data: %d rows are more than the %d it takes", d.Rows(), MaxPythonRows)
	}
	fmt.Fprintf(b, "\n\n# the data: %s (%s), %d rows\n", d.Name, strings.Join(d.Columns, ", "), d.Rows())
	fmt.Fprintf(b, "X = np.array([%s], dtype=float).reshape(%d, %d)\n", exactList(d.X), d.Rows(), d.Inputs)
	fmt.Fprintf(b, "Y = np.array([%s], dtype=float)\n", exactList(d.Y))
	b.WriteString(pySigmoid)
	switch m.Kind {
	case model.MLP:
		fmt.Fprintf(b, mlpModel, m.Hidden)
	case model.Polynomial:
		fmt.Fprintf(b, "\n\ndef features():\n    # 1, x, …, x^%d\n    return X[:, 0:1] ** np.arange(%d)\n", m.Degree, m.Degree+1)
		b.WriteString(linearOut)
	default:
		b.WriteString("\n\ndef features():\n    # the inputs, then 1 for the bias\n    return np.hstack([X, np.ones((X.shape[0], 1))])\n")
		b.WriteString(linearOut)
	}
	if m.Classifier() {
		b.WriteString(crossEntropy)
	} else {
		b.WriteString(squaredError)
	}
	return nil
}

// exactList writes numbers exactly, comma-separated.
func exactList(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = Exact(x)
	}
	return strings.Join(parts, ", ")
}

const pySigmoid = `

def sigmoid(z):
    # 1 / (1 + e^-z) without overflow
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))
`

const linearOut = `

PHI = features()


def out(x):
    # the linear part w·φ(x) of every row, and its gradient's rows
    return PHI @ x, lambda dz: PHI.T @ dz
`

// mlpModel is the book's two-layer network; %d is the hidden units.
const mlpModel = `

H = %d


def out(x):
    # the network's logit for every row (W1 is 2×H row by row, then b1, W2, b2),
    # and its gradient by backpropagation
    W1, b1, W2, b2 = x[:2 * H].reshape(2, H), x[2 * H:3 * H], x[3 * H:4 * H], x[4 * H]
    A = sigmoid(X @ W1 + b1)
    def back(dz):
        dA = np.outer(dz, W2) * A * (1 - A)
        return np.concatenate([(X.T @ dA).ravel(), dA.sum(axis=0), A.T @ dz, [dz.sum()]])
    return A @ W2 + b2, back
`

const squaredError = `

def f(x):
    # the mean squared error
    z, _ = out(x)
    return np.mean((z - Y) ** 2)


def grad(x):
    z, back = out(x)
    return back(2 * (z - Y) / Y.size)
`

const crossEntropy = `

def f(x):
    # the binary cross-entropy from the logit z: mean(softplus(z) - y z)
    z, _ = out(x)
    return np.mean(np.logaddexp(0, z) - Y * z)


def grad(x):
    z, back = out(x)
    return back((sigmoid(z) - Y) / Y.size)
`

// modelHessian is hessian(x) by central differences of grad (as package
// model's, for the models without a quadratic form).
const modelHessian = `

def hessian(x):
    n = x.size
    h = np.zeros((n, n))
    for j in range(n):
        d = 1e-5 * max(1.0, abs(x[j]))
        up, down = x.copy(), x.copy()
        up[j] += d
        down[j] -= d
        h[:, j] = (grad(up) - grad(down)) / (2 * d)
    return (h + h.T) / 2
`

// quadraticHessian is hessian(x) of the squared error of a linear model:
// 2/n φᵀφ.
const quadraticHessian = `

def hessian(x):
    return 2 * PHI.T @ PHI / Y.size
`

// modelSupported is the error for a model's runs a script cannot write:
// mini-batches (the batches' order is Go's shuffle).
func modelSupported(p optimizer.Problem) error {
	if _, ok := p.F.(model.Batched); ok {
		return fmt.Errorf("a NumPy script reproduces full-batch runs: leave out the mini-batches (the batches' order comes from gdlab's shuffle)")
	}
	return nil
}
