package optimizer

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
}

// Progress is a snapshot of a running run, handed to the report callback.
type Progress struct {
	Step   int     // last recorded step
	Points []Point // read-only prefix of the trajectory so far (safe to read concurrently; never modified later)
}

// tailLen is the size of the ring of the most recent steps kept while a
// decimated run is recorded; verdicts look at the last verdictWindow steps.
const tailLen = 32

// stride is the recording stride for a run of n steps: 1 (every step) up to
// FullRecordSteps, otherwise ⌈n / DecimatedPoints⌉ (see FullRecordSteps for
// the decimation rule).
func stride(n int) int {
	if n <= fullRecordSteps {
		return 1
	}
	return (n + decimatedPoints - 1) / decimatedPoints
}

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
