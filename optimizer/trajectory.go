package optimizer

// Point is one recorded step of a run.
type Point struct {
	K      int        // step index, 0 = start
	X      [2]float64 // position (X[1] = 0 for 1-D)
	F      float64    // f(X)
	Grad   [2]float64 // gradient at X, the one the next update uses (Grad[1] = 0 for 1-D)
	Update [2]float64 // the update applied to reach this point (x_k − x_{k−1}); zero at k = 0
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
