package optimizer

// Objective is a function of one or two variables with its derivatives. The
// function language's *expr.Func satisfies it; tests use hand-written ones.
// A function of more than two variables must also be an ObjectiveN.
type Objective interface {
	// Dims is the number of variables: 1 if the function uses only x, 2 if
	// it uses y as well, n if its highest variable is x[n−1].
	Dims() int
	// Value is f(x, y); y is ignored for 1-D functions.
	Value(x, y float64) float64
	// ValueGrad is f and its exact gradient; gy is 0 for 1-D functions.
	ValueGrad(x, y float64) (f, gx, gy float64)
	// NumericGrad is f and the central-difference gradient with step h.
	NumericGrad(x, y, h float64) (f, gx, gy float64)
	// Hessian is the exact matrix of second derivatives; for 1-D functions
	// only [0][0] = f'' is set.
	Hessian(x, y float64) [2][2]float64
}

// ObjectiveN is an Objective of any number n = Dims() of variables, at
// points of n coordinates: the engine runs functions of more than two
// variables through it. Its methods must not allocate per call and must be
// safe for concurrent use (the runs of a set share one objective).
type ObjectiveN interface {
	Objective
	// ValueN is f(x).
	ValueN(x []float64) float64
	// ValueGradN is f(x), with the exact gradient stored in grad[:n].
	ValueGradN(x, grad []float64) float64
	// NumericGradN is f(x), with the central-difference gradient of step h
	// stored in grad[:n].
	NumericGradN(x []float64, h float64, grad []float64) float64
	// HessianN stores the exact Hessian in hess[:n·n], row by row.
	HessianN(x, hess []float64)
}

// Sampled is an ObjectiveN whose updates each use a sample of it — a
// model's loss over mini-batches of its data. A run asks NewSampler for
// its own sampler (nil: every update uses the whole objective, as for
// any other objective); the recorded values and gradients stay the whole
// objective's — at the steps the sampler's FullEvery chooses, NaN between
// them — and each point's Point.Batch is its sample's loss.
type Sampled interface {
	ObjectiveN
	// NewSampler is the samples of a run of seed whose samples have
	// batch rows (Config.Batch; 0: the objective's own choice), nil for
	// none.
	NewSampler(seed uint64, batch int) Sampler
}

// SamplerOf is the sampler of a run of c on fn, nil when every update of
// the run uses the whole objective.
func SamplerOf(fn Objective, c Config) Sampler {
	if s, ok := fn.(Sampled); ok {
		return s.NewSampler(c.Seed, c.Batch)
	}
	return nil
}

// Sampler gives the gradients of the samples of one run, in order.
type Sampler interface {
	// GradN stores in grad the gradient at x of the sample update k (1, 2,
	// …) uses, and returns the sample's value there.
	GradN(k int, x, grad []float64) float64
	// FullEvery is how often the whole objective's value and gradient are
	// worth their cost: every FullEvery-th step (and at the start, the last
	// step and wherever the run stops). A sample is cheap and the whole
	// objective may be large: evaluating it at every step would cost more
	// than the run itself.
	FullEvery() int
}

// Smooth is an Objective that may say it is twice continuously
// differentiable everywhere (a model's loss: sums of squares, sigmoids and
// softplus), so that the stability analysis need not look for kinks with
// the 4n gradients it takes to (costly on a large data set).
type Smooth interface {
	Smooth() bool
}

// MaxDims is the most variables a function may have.
const MaxDims = 64

// Problem is the function being minimised with what is known about it.
type Problem struct {
	F      Objective    // the function; Run reports an invalid result when nil
	Source string       // function text, for output
	Box    *Box         // view box if known (presets), nil = none
	Minima [][2]float64 // known minimisers if known
	FMin   *float64     // known minimum value f*, nil if unknown
	// Vars name the variables (a model's parameters: "w", "b"); nil means
	// the function language's x, y or x[0], x[1], ….
	Vars []string
}

// Box is a rectangular view of the plane, XMin ≤ x ≤ XMax, YMin ≤ y ≤ YMax.
type Box struct{ XMin, XMax, YMin, YMax float64 }

// dims is the number of variables of p's function, 2 when unknown.
func (p Problem) dims() int {
	if p.F == nil || p.F.Dims() < 1 {
		return 2
	}
	return p.F.Dims()
}
