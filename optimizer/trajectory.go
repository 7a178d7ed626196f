package optimizer

import "unsafe"

// Point is one recorded step of a run.
type Point struct {
	K      int        // step index, 0 = start
	X      [2]float64 // position (X[1] = 0 for 1-D)
	F      float64    // f(X)
	Grad   [2]float64 // gradient at X, the one the next update uses (Grad[1] = 0 for 1-D)
	Update [2]float64 // the update applied to reach this point (x_k − x_{k−1}); zero at k = 0
	// LR is the step size of the update that reached this point: the
	// learning rate η of that step (the scheduled ηₖ under a schedule, the
	// step α the line search took with --line-search); 0 at k = 0 and for
	// the methods without a learning rate (Method.Spec().NoLearningRate).
	LR float64
	// Evals are the evaluations of f and of ∇f that reaching this point
	// cost, the point's own included: {1, 1} for a step with the exact
	// gradient, {1 + 2·dims, 0} with the numeric one, more with a line
	// search. At k = 0 they are the start's.
	Evals [2]int32
	// Batch is, for a run of a Sampled objective (a model learning from
	// mini-batches), the loss of the mini-batch the update that reached
	// this point used, at the point it started from (F is the whole
	// objective's value); 0 at k = 0 and for other runs.
	Batch float64
	// More holds, for a function of n > 2 variables, the coordinates 2 …
	// n−1 of X, then of Grad, then of Update (3(n−2) numbers; X, Grad and
	// Update hold coordinates 0 and 1); nil for 1 and 2 variables. Pos,
	// GradVec and UpdateVec give the whole vectors.
	More []float64
}

// Coord is coordinate i of the position.
func (p Point) Coord(i int) float64 { return p.coord(i, p.X, 0) }

// GradCoord is coordinate i of the gradient.
func (p Point) GradCoord(i int) float64 { return p.coord(i, p.Grad, 1) }

// UpdateCoord is coordinate i of the update.
func (p Point) UpdateCoord(i int) float64 { return p.coord(i, p.Update, 2) }

// coord is v[i] for i < 2, else entry i of the part-th third of More.
func (p Point) coord(i int, v [2]float64, part int) float64 {
	if i < 2 {
		return v[i]
	}
	return p.More[part*(len(p.More)/3)+i-2]
}

// Pos is the position as a vector of dims coordinates (a new slice).
func (p Point) Pos(dims int) []float64 { return p.vec(dims, p.X, 0) }

// GradVec is the gradient as a vector of dims coordinates (a new slice).
func (p Point) GradVec(dims int) []float64 { return p.vec(dims, p.Grad, 1) }

// UpdateVec is the update as a vector of dims coordinates (a new slice).
func (p Point) UpdateVec(dims int) []float64 { return p.vec(dims, p.Update, 2) }

// vec is the first two coordinates v followed by the part-th third of More.
func (p Point) vec(dims int, v [2]float64, part int) []float64 {
	if dims <= 2 {
		return append([]float64(nil), v[:dims]...)
	}
	m := dims - 2
	out := make([]float64, dims)
	out[0], out[1] = v[0], v[1]
	copy(out[2:], p.More[part*m:(part+1)*m])
	return out
}

// Progress is a snapshot of a running run, handed to the report callback.
type Progress struct {
	Step   int     // last recorded step
	Points []Point // read-only prefix of the trajectory so far (safe to read concurrently; never modified later)
}

// tailLen is the size of the ring of the most recent steps kept while a
// decimated run is recorded; verdicts look at the last verdictWindow steps.
const tailLen = 32

// stride is the recording stride for a run of n steps of a function of
// dims variables whose trajectory may take budget bytes: 1 (every step)
// up to FullRecordSteps, otherwise ⌈n / DecimatedPoints⌉ (see
// FullRecordSteps for the decimation rule); both limits shrink to what the
// budget holds (see TrajectoryBytes).
func stride(n, dims, budget int) int {
	full, decimated := recordLimits(dims, budget)
	if n <= full {
		return 1
	}
	return (n + decimated - 1) / decimated
}

// recordLimits are the longest run recorded in full and the points of a
// decimated one, for a function of dims variables and a budget of bytes.
func recordLimits(dims, budget int) (full, decimated int) {
	fit := budget/PointBytes(dims) - 2
	full = max(1, min(fullRecordSteps, fit))
	return full, max(1, min(decimatedPoints, full/2))
}

// PointBytes is the memory one recorded point of a function of dims
// variables takes: the Point and its Point.More.
func PointBytes(dims int) int { return int(unsafe.Sizeof(Point{})) + 8*3*max(0, dims-2) }

// The decimation limits in use; tests lower them to exercise decimation on
// short runs.
var fullRecordSteps, decimatedPoints = FullRecordSteps, DecimatedPoints

// capacity is the number of points a run of n steps recorded with stride s
// can store: every multiple of s in 0..n plus a last point.
func capacity(n, s int) int {
	if s == 1 {
		return n + 1
	}
	return n/s + 2
}
