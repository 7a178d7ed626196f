package optimizer

import (
	"math"
	"reflect"
	"slices"
	"strings"

	"gdlab/message"
)

// Gradient chooses how the gradient is computed.
type Gradient string

const (
	// Exact is the exact gradient of the objective (forward-mode automatic
	// differentiation for typed functions).
	Exact Gradient = "exact"
	// Numeric is the central difference (f(x+h) − f(x−h)) / 2h with h =
	// Config.H in each coordinate.
	Numeric Gradient = "numeric"
)

// Limits on a run.
const (
	// MaxStepsLimit is the largest Config.Steps that Validate accepts.
	MaxStepsLimit = 100_000_000
	// FullRecordSteps is the longest run whose every step is recorded
	// (2,000,001 points of PointBytes(2) = 104 bytes: 208 MB), when the
	// run's share of TrajectoryBytes holds them; both limits shrink to
	// what it holds.
	//
	// Decimation rule: a run of n > FullRecordSteps steps keeps the points
	// whose step k is a multiple of the stride s = ⌈n / DecimatedPoints⌉
	// (so the start, k = 0, is always kept) plus the last point of the run,
	// whatever stopped it; a diverged run stops at its divergence point, so
	// that one is kept too. At most DecimatedPoints + 2 points are stored.
	// Verdicts still see the last steps one by one.
	FullRecordSteps = 2_000_000
	// DecimatedPoints is about how many points a decimated run keeps.
	DecimatedPoints = 1_000_000
	// TrajectoryBytes is the most memory the trajectories of one run set
	// take together (RunSet gives each of its runs an equal share; Run
	// gives its run all of it), whatever the dimension and the steps.
	TrajectoryBytes = 256 << 20
)

// Convention chooses whose update rules a run uses: the registry has one
// entry per method, and the convention selects which of its two rules
// builds the run's steps.
type Convention string

const (
	// ConventionTorch is torch.optim's rules (the default; an empty
	// Convention means it too).
	ConventionTorch Convention = "torch"
	// ConventionBook is the rules of the book's common/optimizer.py, as the
	// book writes them: its fixed ε = 1e-7 (the eps hyperparameter is not
	// used) and no dampening.
	ConventionBook Convention = "book"
)

// Conventions returns the valid conventions, the default first.
func Conventions() []Convention { return []Convention{ConventionTorch, ConventionBook} }

// ParseConvention returns the convention named s (case and surrounding
// spaces do not matter; empty is ConventionTorch). The error lists the
// valid names.
func ParseConvention(s string) (Convention, error) {
	v := Convention(strings.ToLower(strings.TrimSpace(s)))
	if v == "" {
		return ConventionTorch, nil
	}
	if !v.valid() {
		return "", msgUnknownConvention.New(message.Quote(s), message.Text(conventionList()))
	}
	return v, nil
}

// valid reports whether v is a convention or empty (the default).
func (v Convention) valid() bool { return v == "" || v == ConventionTorch || v == ConventionBook }

// conventionList is the valid conventions as the messages list them.
func conventionList() string {
	names := make([]string, 0, 2)
	for _, v := range Conventions() {
		names = append(names, string(v))
	}
	return strings.Join(names, ", ")
}

// Config is one run's settings. Zero H, Bound and Seed mean their defaults,
// an empty Gradient means Exact and an empty Convention ConventionTorch; a
// hyperparameter not set in Hyper is the method's default. Every other zero
// is taken literally.
type Config struct {
	Method     Method
	LR         float64    // learning rate η > 0
	Start      [2]float64 // start point; Start[1] is ignored for 1-D functions
	StartMore  []float64  // the start's coordinates x[2] … x[n−1] for a function of n > 2 variables; nil otherwise
	Steps      int        // number of updates, 0 ≤ Steps ≤ MaxStepsLimit
	Gradient   Gradient   // Exact (default) or Numeric
	H          float64    // numeric-gradient step, default DefaultH
	Bound      float64    // divergence bound on |x_i|, default DefaultBound (+Inf: only non-finite values diverge)
	Tol        float64    // converged when ‖∇f‖ ≤ Tol; 0 = off (default)
	Hyper      Hyper      // the methods' hyperparameters (see the registry)
	Convention Convention // whose update rules: ConventionTorch (default) or ConventionBook
	Schedule   Schedule   // the learning-rate schedule; the zero Schedule is a constant η
	// Noise σ ≥ 0 adds N(0, σ²I) to every gradient the method uses (the
	// "stochastic" of SGD), drawn from a PCG generator seeded with Seed:
	// the same seed gives the same run everywhere. 0 is none.
	Noise      float64
	Seed       uint64     // the noise generator's seed; 0 means DefaultSeed
	LineSearch LineSearch // how gd chooses each step size; "" is the learning rate as given
	// Batch is, for a model's loss (a Sampled objective), the rows of each
	// update's mini-batch, shuffled every epoch from Seed; 0 is the
	// objective's own choice (all the rows, or the data source's batch).
	Batch int
}

// CheckBatch reports a number of rows that is no mini-batch size (below
// 0; 0 is all the rows).
func CheckBatch(rows int) error {
	if rows < 0 {
		return msgBatchRows.New(message.Int(rows))
	}
	return nil
}

// LineSearch chooses how a method that can take one (MethodSpec.LineSearch)
// finds the step size of each update.
type LineSearch string

const (
	// NoLineSearch: the step size is the (scheduled) learning rate.
	NoLineSearch LineSearch = ""
	// Armijo is backtracking from the learning rate η: the step size α
	// starts at η and is halved until f(x − αg) ≤ f(x) − c·α·‖g‖² with c
	// = ArmijoC, at most ArmijoHalvings times.
	Armijo LineSearch = "armijo"
)

// The constants of the Armijo line search.
const (
	ArmijoC        = 1e-4
	ArmijoHalvings = 60
)

// lineSearchNames are the line searches as they are written, none first.
const lineSearchNames = "none, " + string(Armijo)

// ParseLineSearch returns the line search named s ("", "none" or
// "armijo"; case and spaces do not matter).
func ParseLineSearch(s string) (LineSearch, error) {
	switch v := strings.ToLower(strings.TrimSpace(s)); v {
	case "", "none":
		return NoLineSearch, nil
	case string(Armijo):
		return Armijo, nil
	}
	return "", msgLineSearch.New(message.Quote(s), message.Text(lineSearchNames))
}

// Extra names one of a run's settings beyond its method and rate: what an
// error of SetExtras or CheckExtras is about, named as the CLI's flag and
// the lesson file's field are (the line search is line-search on the
// command line, line_search in a lesson file).
type Extra string

// The extras.
const (
	ExtraSchedule   Extra = "schedule"
	ExtraWarmup     Extra = "warmup"
	ExtraNoise      Extra = "noise"
	ExtraLineSearch Extra = "line-search"
)

// ExtrasText is the schedule, warmup, noise, seed and line search of a run
// as the CLI, lesson files and the window write them.
type ExtrasText struct {
	Schedule   string // as ParseSchedule reads it
	Warmup     int
	Noise      float64
	Seed       uint64 // 0: DefaultSeed
	LineSearch string // as ParseLineSearch reads it
}

// SetExtras parses t into c's schedule, noise, seed and line search and
// checks them against c's method (set c.Method first); the error is a
// message, and Extra says which setting it is about.
func (c *Config) SetExtras(t ExtrasText) (Extra, error) {
	s, err := ParseSchedule(t.Schedule)
	if err != nil {
		return ExtraSchedule, err
	}
	ls, err := ParseLineSearch(t.LineSearch)
	if err != nil {
		return ExtraLineSearch, err
	}
	s.Warmup = t.Warmup
	if t.Seed == 0 {
		t.Seed = DefaultSeed
	}
	c.Schedule, c.Noise, c.Seed, c.LineSearch = s, t.Noise, t.Seed, ls
	return c.CheckExtras()
}

// CheckExtras checks the schedule, the noise and the line search, and that
// the method has what they change; Extra says which the error is about.
func (c Config) CheckExtras() (Extra, error) {
	if c.Schedule.Warmup < 0 {
		return ExtraWarmup, msgWarmup.New(message.Int(c.Schedule.Warmup))
	}
	if err := c.Schedule.validate(); err != nil {
		return ExtraSchedule, err
	}
	spec, _ := c.Method.Spec()
	switch {
	case c.Noise < 0 || !finite(c.Noise):
		return ExtraNoise, msgNoise.New(message.Value(c.Noise))
	case c.LineSearch != NoLineSearch && c.LineSearch != Armijo:
		return ExtraLineSearch, msgLineSearch.New(message.Quote(string(c.LineSearch)), message.Text(lineSearchNames))
	case c.LineSearch != NoLineSearch && !spec.LineSearch:
		return ExtraLineSearch, msgNoLineSearch.New(message.Quote(string(c.LineSearch)), message.Text(string(c.Method)), message.Text(LineSearchMethods()))
	case spec.NoLearningRate && !c.Schedule.IsConstant():
		return ExtraSchedule, msgNoRateToSchedule.New(message.Quote(c.Schedule.text()), message.Text(string(c.Method)))
	case spec.NoLearningRate && c.Noise > 0:
		return ExtraNoise, msgNoRateToSearch.New(message.Value(c.Noise), message.Text(string(c.Method)))
	}
	return "", nil
}

// RateVaries reports whether the step sizes of c's updates vary from step
// to step: a schedule or a line search sets them (Point.LR records them).
func (c Config) RateVaries() bool { return !c.plain() }

// DefaultSeed is the noise generator's seed of the CLI, the window and
// lesson files.
const DefaultSeed = 1

// Defaults of the optional settings.
const (
	DefaultH     = 1e-4 // numeric-gradient step h, as the textbook uses
	DefaultBound = 1e6  // divergence bound on |x_i|
)

// The textbook run, the defaults of the window, lessons and the CLI.
const (
	DefaultFunction        = "x^2 + y^2"
	DefaultLR              = 0.1
	DefaultSteps           = 100
	DefaultMethod   Method = GD
)

// DefaultCompare are the methods a comparison starts with: plain descent,
// momentum and Adam, the three every course compares.
var DefaultCompare = []Method{GD, Momentum, Adam}

// DefaultStart is the textbook's start point (3, 2).
var DefaultStart = [2]float64{3, 2}

// DefaultStartFor is the default start of a function of dims variables:
// DefaultStart (its x alone in 1-D), repeated for more variables: (3, 2,
// 3, 2, …).
func DefaultStartFor(dims int) []float64 {
	x := make([]float64, max(1, dims))
	for i := range x {
		x[i] = DefaultStart[i%2]
	}
	return x
}

// DefaultConfig is the textbook run: gd, lr 0.1, start (3, 2), 100 steps,
// exact gradient, h 1e-4, bound 1e6, tol off, every hyperparameter at its
// method's default and torch's rules.
func DefaultConfig() Config {
	return Config{Method: DefaultMethod, LR: DefaultLR, Start: DefaultStart, Steps: DefaultSteps,
		Gradient: Exact, H: DefaultH, Bound: DefaultBound, Convention: ConventionTorch, Seed: DefaultSeed}
}

// Param returns the value of the hyperparameter called name that c's
// method uses: the value set in c.Hyper, else the method's default (an
// explicit 0 also where the registry says that 0 means the default). For a
// name the method does not have it is the value set, or 0.
func (c Config) Param(name string) float64 {
	v, set := c.Hyper.Get(name)
	spec, _ := c.Method.Spec()
	p, has := spec.Param(name)
	switch {
	case !has:
		return v
	case !set, v == 0 && p.ZeroIsDefault:
		return p.Default
	}
	return v
}

// With returns c with the hyperparameter name set to v.
func (c Config) With(name string, v float64) Config {
	c.Hyper.Set(name, v)
	return c
}

// StartVec is the start point as a vector of dims coordinates (a new slice).
func (c Config) StartVec(dims int) []float64 {
	if dims <= 2 {
		return append([]float64(nil), c.Start[:dims]...)
	}
	return append(append(make([]float64, 0, dims), c.Start[:]...), c.StartMore...)
}

// Equal reports whether c and o are the same config (Config holds a slice,
// so == does not compile).
func (c Config) Equal(o Config) bool {
	if !slices.Equal(c.StartMore, o.StartMore) {
		return false
	}
	c.StartMore, o.StartMore = nil, nil
	return reflect.DeepEqual(c, o)
}

// SetStart sets the start point to x, of any length: Start takes its first
// two coordinates (a missing one is 0), StartMore the others.
func (c *Config) SetStart(x []float64) {
	c.Start = [2]float64{}
	copy(c.Start[:], x)
	c.StartMore = nil
	if len(x) > 2 {
		c.StartMore = append([]float64(nil), x[2:]...)
	}
}

// Validate checks c for a function of dims variables (1 … MaxDims). The
// error is a message.Message that names the bad field, its value and what
// is allowed.
func (c Config) Validate(dims int) error {
	if err := c.checkStart(dims); err != nil {
		return err
	}
	switch {
	case !c.Method.valid():
		return msgMethod.New(message.Quote(string(c.Method)), message.Text(strings.Join(MethodNames(), ", ")))
	case !c.Convention.valid():
		return msgConvention.New(message.Quote(string(c.Convention)), message.Text(conventionList()))
	case !(c.LR > 0) || math.IsInf(c.LR, 0):
		return msgLR.New(message.Value(c.LR))
	case c.Steps < 0:
		return msgStepsNegative.New(message.Int(c.Steps))
	case c.Steps > MaxStepsLimit:
		return msgStepsTooMany.New(message.Int(c.Steps), message.Int(MaxStepsLimit))
	case c.Gradient != "" && c.Gradient != Exact && c.Gradient != Numeric:
		return msgGradient.New(message.Quote(string(c.Gradient)), message.Quote(string(Exact)), message.Quote(string(Numeric)))
	case c.H < 0 || !finite(c.H):
		return msgH.New(message.Value(c.H))
	case c.Bound < 0 || math.IsNaN(c.Bound):
		return msgBound.New(message.Value(c.Bound))
	case c.Tol < 0 || !finite(c.Tol):
		return msgTol.New(message.Value(c.Tol))
	case c.Batch < 0:
		return CheckBatch(c.Batch)
	}
	for _, p := range allParams {
		if v, set := c.Hyper.Get(p.Name); set {
			if err := p.Check(v); err != nil {
				return err
			}
		}
	}
	if _, err := c.CheckExtras(); err != nil {
		return err
	}
	return c.checkBook()
}

// checkStart checks the dimension and the start point of c for a function
// of dims variables.
func (c Config) checkStart(dims int) error {
	switch {
	case dims < 1 || dims > MaxDims:
		return msgDims.New(message.Int(dims), message.Int(MaxDims))
	case !finite(c.Start[0]):
		return msgStartX.New(message.Value(c.Start[0]))
	case dims >= 2 && !finite(c.Start[1]):
		return msgStartY.New(message.Value(c.Start[1]))
	case dims > 2 && len(c.StartMore) != dims-2:
		return msgStartLen.New(message.Int(2+len(c.StartMore)), message.Int(dims))
	}
	for i, v := range c.StartMore {
		if !finite(v) {
			return msgStartCoord.New(message.Int(i+2), message.Value(v))
		}
	}
	return nil
}

// LineSearchMethods lists the methods that can take a line search
// (MethodSpec.LineSearch), comma-separated.
func LineSearchMethods() string {
	var names []string
	for _, m := range Methods() {
		if m.LineSearch {
			names = append(names, string(m.Name))
		}
	}
	return strings.Join(names, ", ")
}

// checkBook rejects what the book's rules cannot do: dampening (torch-only)
// other than 0 for a method that has it.
func (c Config) checkBook() error {
	if c.Convention != ConventionBook {
		return nil
	}
	spec, _ := c.Method.Spec()
	if _, has := spec.Param(paramDampening.Name); !has {
		return nil
	}
	if v, set := c.Hyper.Get(paramDampening.Name); set && v != 0 {
		return msgBookDampening.New(message.Value(v))
	}
	return nil
}

// Check reports whether v is a valid value of p; the error names p, v and
// the valid range.
func (p Param) Check(v float64) error {
	if v == 0 && p.ZeroIsDefault {
		return nil
	}
	ok := !math.IsNaN(v) && !math.IsInf(v, 0) &&
		(v > p.Min || (!p.MinOpen && v == p.Min)) && (v < p.Max || (!p.MaxOpen && v == p.Max))
	if ok {
		return nil
	}
	rng := p.Range()
	if p.ZeroIsDefault {
		rng = msgRangeOrDefault.New(message.Nested(rng))
	}
	return msgParam.New(message.Text(p.Name), message.Value(v), message.Text(p.Symbol), message.Nested(rng))
}

// Range is the valid range of p in words: "at least 0 and below 1", "a
// finite number > 0".
func (p Param) Range() message.Message {
	lo, hi := message.Value(p.Min), message.Value(p.Max)
	switch {
	case math.IsInf(p.Max, 1) && p.MinOpen:
		return msgRangeAbove.New(lo)
	case math.IsInf(p.Max, 1):
		return msgRangeAtLeast.New(lo)
	case p.MinOpen && p.MaxOpen:
		return msgRangeOpen.New(lo, hi)
	case p.MinOpen:
		return msgRangeOpenClosed.New(lo, hi)
	case p.MaxOpen:
		return msgRangeClosedOpen.New(lo, hi)
	}
	return msgRangeClosed.New(lo, hi)
}

// withDefaults fills the zero values that stand for defaults and sets every
// hyperparameter of the method to the value it uses.
func (c Config) withDefaults(dims int) Config {
	if c.Gradient == "" {
		c.Gradient = Exact
	}
	if c.H == 0 {
		c.H = DefaultH
	}
	if c.Bound == 0 {
		c.Bound = DefaultBound
	}
	if c.Seed == 0 {
		c.Seed = DefaultSeed
	}
	if c.Convention == "" {
		c.Convention = ConventionTorch
	}
	spec, _ := c.Method.Spec()
	for _, p := range spec.Params {
		c.Hyper.Set(p.Name, c.Param(p.Name))
	}
	if dims == 1 {
		c.Start[1] = 0
	}
	if dims <= 2 {
		c.StartMore = nil
	}
	return c
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// ForMethod is c with the method m, keeping of c what m can use: its
// suggested learning rate when it has one (Newton's η = 1), no schedule
// and no noise for a method without a learning rate, no line search for a
// method that takes none. A comparison of methods builds its runs with it.
func (c Config) ForMethod(m Method) Config {
	spec, _ := m.Spec()
	c.Method = m
	if spec.SuggestedLR > 0 {
		c.LR = spec.SuggestedLR
	}
	if spec.NoLearningRate {
		c.Schedule, c.Noise = Schedule{}, 0
	}
	if !spec.LineSearch {
		c.LineSearch = NoLineSearch
	}
	return c
}
