package report

import (
	"fmt"
	"strconv"
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
	b.WriteString("ALL = slice(None)  # the rows of f and grad: all of them, or a mini-batch's\n")
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


def out(x, R=ALL):
    # the linear part w·φ(x) of the rows R, and its gradient's rows
    P = PHI[R]
    return P @ x, lambda dz: P.T @ dz
`

// mlpModel is the book's two-layer network; %d is the hidden units.
const mlpModel = `

H = %d


def out(x, R=ALL):
    # the network's logit for the rows R (W1 is 2×H row by row, then b1, W2, b2),
    # and its gradient by backpropagation
    W1, b1, W2, b2 = x[:2 * H].reshape(2, H), x[2 * H:3 * H], x[3 * H:4 * H], x[4 * H]
    XR = X[R]
    A = sigmoid(XR @ W1 + b1)
    def back(dz):
        dA = np.outer(dz, W2) * A * (1 - A)
        return np.concatenate([(XR.T @ dA).ravel(), dA.sum(axis=0), A.T @ dz, [dz.sum()]])
    return A @ W2 + b2, back
`

const squaredError = `

def f(x, R=ALL):
    # the mean squared error over the rows R (all of them, or a mini-batch)
    z, _ = out(x, R)
    return np.mean((z - Y[R]) ** 2)


def grad(x, R=ALL):
    z, back = out(x, R)
    return back(2 * (z - Y[R]) / z.size)
`

const crossEntropy = `

def f(x, R=ALL):
    # the binary cross-entropy from the logit z over the rows R (all of them,
    # or a mini-batch): mean(softplus(z) - y z)
    z, _ = out(x, R)
    return np.mean(np.logaddexp(0, z) - Y[R] * z)


def grad(x, R=ALL):
    z, back = out(x, R)
    return back((sigmoid(z) - Y[R]) / z.size)
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

// MaxPythonBatchRows is the most row numbers a NumPy script of runs
// learning from mini-batches lists: every epoch's shuffle of the rows, for
// every seed of its runs.
const MaxPythonBatchRows = 200_000

// writeBatches writes, for runs learning from mini-batches, their batches:
// for each seed of the runs cs, every epoch's order of the rows as gdlab
// shuffles it (model.Batched.Perm), for as many epochs as the longest of
// its runs takes, and batch(k, seed, size), the rows of update k in
// batches of size rows. Nothing when no run learns from mini-batches; an
// error when the listing would hold more than MaxPythonBatchRows numbers.
func writeBatches(b *strings.Builder, p optimizer.Problem, cs []optimizer.Config) error {
	l := model.LossOf(p.F)
	if l == nil {
		return nil
	}
	rows := l.D.Rows()
	epochs := map[uint64]int{}
	var seeds []uint64
	total := 0
	for _, c := range cs {
		size := batchesOf(p, c).size
		if size == 0 {
			continue
		}
		s, nb := runSeed(c), (rows+size-1)/size
		if _, seen := epochs[s]; !seen {
			seeds = append(seeds, s)
		}
		if e := (c.Steps + nb - 1) / nb; e > epochs[s] {
			total += (e - epochs[s]) * rows
			epochs[s] = e
		}
	}
	if len(seeds) == 0 {
		return nil
	}
	if total > MaxPythonBatchRows {
		return fmt.Errorf("a NumPy script lists its mini-batches, every epoch's shuffle of the %d rows: %d row numbers are more than the %d it takes (fewer steps or epochs, or larger batches)", rows, total, MaxPythonBatchRows)
	}
	bt := model.Batched{Loss: l}
	b.WriteString("\n\n# the mini-batches: every row once an epoch, in the order gdlab shuffles them each epoch\n")
	b.WriteString("# from the run's seed (a PCG of the seed and the epoch; NumPy's generators shuffle\n")
	b.WriteString("# otherwise): SHUFFLES[seed][e] is the order of the rows in epoch e (from 0)\nSHUFFLES = {\n")
	for _, s := range seeds {
		var perms []int
		for e := range epochs[s] {
			perms = append(perms, bt.Perm(s, e)...)
		}
		fmt.Fprintf(b, "    %d: np.array([%s], dtype=np.intp).reshape(%d, %d),\n", s, intList(perms), epochs[s], rows)
	}
	b.WriteString("}\n\n\ndef batch(k, seed, size):\n    # the rows of update k (1, 2, …) in batches of size rows, the last of an epoch\n")
	b.WriteString("    # the rest\n    e, j = divmod(k - 1, -(-Y.size // size))\n")
	b.WriteString("    return SHUFFLES[seed][e][j * size:(j + 1) * size]\n")
	return nil
}

// runSeed is the seed of the run of c: its mini-batches' and its noise's.
func runSeed(c optimizer.Config) uint64 {
	if c.Seed == 0 {
		return optimizer.DefaultSeed
	}
	return c.Seed
}

// intList writes whole numbers, comma-separated.
func intList(v []int) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = strconv.Itoa(x)
	}
	return strings.Join(parts, ", ")
}
