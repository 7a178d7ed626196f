package optimizer

import (
	"math"
	"strconv"
	"strings"

	"gdlab/message"
)

// ScheduleKind names a learning-rate schedule of torch.optim.lr_scheduler.
type ScheduleKind string

// The schedules. Each is stepped once after every update, as a training
// loop calls scheduler.step() after optimizer.step(): the update k (k = 1,
// 2, …) uses the rate of epoch e = k − 1, so the first update uses η.
const (
	// Constant is no schedule: every update uses η.
	Constant ScheduleKind = ""
	// StepDecay is StepLR(step_size=S, gamma=G): ηₑ = η·G^⌊e/S⌋.
	StepDecay ScheduleKind = "step"
	// ExpDecay is ExponentialLR(gamma=G): ηₑ = η·Gᵉ.
	ExpDecay ScheduleKind = "exp"
	// Cosine is CosineAnnealingLR(T_max=T, eta_min=MIN) in its closed
	// form: ηₑ = MIN + (η − MIN)(1 + cos(πe/T))/2.
	Cosine ScheduleKind = "cosine"
	// InvSqrt is ηₑ = η/√(1 + e) (torch's LambdaLR with that factor), the
	// decay under which SGD's noise averages out.
	InvSqrt ScheduleKind = "invsqrt"
)

// Schedule is a run's learning-rate schedule: a kind with its numbers and
// an optional linear warmup. The zero Schedule is a constant rate. It is
// comparable.
type Schedule struct {
	Kind     ScheduleKind
	StepSize int     // S of step:S:G, ≥ 1
	Gamma    float64 // G of step:S:G and exp:G, > 0
	TMax     int     // T of cosine:T[:MIN], ≥ 1
	MinLR    float64 // MIN of cosine:T[:MIN], ≥ 0 (default 0)
	// Warmup N ≥ 1 ramps the rate linearly over the first N updates, ηₑ =
	// η·(e + 1)/N for e < N (torch's LinearLR(start_factor=1/N,
	// total_iters=N−1)), and then runs the schedule from its epoch 0
	// (torch's SequentialLR with the milestone N). 0 is none.
	Warmup int
}

// ScheduleSyntax is how a schedule is written, for messages and help.
const ScheduleSyntax = "none, step:S:G, exp:G, cosine:T[:MIN], invsqrt"

// ParseSchedule parses the schedule as the CLI, lesson files and the window
// write it: "" or "none" (constant), step:S:G, exp:G, cosine:T[:MIN] or
// invsqrt (case and surrounding spaces do not matter). The warmup is not
// part of the text. The error says what would be valid.
func ParseSchedule(text string) (Schedule, error) {
	s := strings.ToLower(strings.TrimSpace(text))
	parts := strings.Split(s, ":")
	var sc Schedule
	var ok bool
	switch kind := ScheduleKind(parts[0]); {
	case s == "" || s == "none":
		return Schedule{}, nil
	case kind == StepDecay:
		sc.Kind = kind
		ok = len(parts) == 3 && wholeAtLeast1(parts[1], &sc.StepSize) && positive(parts[2], &sc.Gamma)
	case kind == ExpDecay:
		sc.Kind = kind
		ok = len(parts) == 2 && positive(parts[1], &sc.Gamma)
	case kind == Cosine:
		sc.Kind = kind
		ok = (len(parts) == 2 || len(parts) == 3) && wholeAtLeast1(parts[1], &sc.TMax) &&
			(len(parts) == 2 || atLeast0(parts[2], &sc.MinLR))
	case kind == InvSqrt:
		sc.Kind = kind
		ok = len(parts) == 1
	default:
		return Schedule{}, msgUnknownSchedule.New(message.Quote(text), message.Text(ScheduleSyntax))
	}
	if !ok {
		return Schedule{}, msgBadSchedule.New(message.Quote(text), message.Text(sc.Kind.syntax()))
	}
	return sc, nil
}

// scheduleKinds are the schedules in the order menus offer them, each
// with an example.
var scheduleKinds = []struct {
	kind    ScheduleKind
	example string
}{{StepDecay, "step:30:0.1"}, {ExpDecay, "exp:0.95"}, {Cosine, "cosine:100:0.001"}, {InvSqrt, "invsqrt"}}

// ScheduleExamples are "none" and an example of each schedule, for a menu
// to pick one from and edit it.
func ScheduleExamples() []string {
	out := []string{"none"}
	for _, k := range scheduleKinds {
		out = append(out, k.example)
	}
	return out
}

// syntax is how a schedule of kind k is written, with an example.
func (k ScheduleKind) syntax() string {
	var eg string
	for _, sk := range scheduleKinds {
		if sk.kind == k {
			eg = ", e.g. " + sk.example
		}
	}
	switch k {
	case StepDecay:
		return "step:S:G with a whole S ≥ 1 and G > 0" + eg
	case ExpDecay:
		return "exp:G with G > 0" + eg
	case Cosine:
		return "cosine:T[:MIN] with a whole T ≥ 1 and MIN ≥ 0" + eg
	}
	return string(k)
}

func wholeAtLeast1(s string, to *int) bool {
	n, err := strconv.Atoi(s)
	*to = n
	return err == nil && n >= 1
}

func positive(s string, to *float64) bool {
	v, err := strconv.ParseFloat(s, 64)
	*to = v
	return err == nil && v > 0 && !math.IsInf(v, 0)
}

func atLeast0(s string, to *float64) bool {
	v, err := strconv.ParseFloat(s, 64)
	*to = v
	return err == nil && v >= 0 && !math.IsInf(v, 0)
}

// String writes the schedule as ParseSchedule reads it ("" for none); the
// warmup is not part of it.
func (s Schedule) String() string {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	switch s.Kind {
	case StepDecay:
		return "step:" + strconv.Itoa(s.StepSize) + ":" + f(s.Gamma)
	case ExpDecay:
		return "exp:" + f(s.Gamma)
	case Cosine:
		if s.MinLR != 0 {
			return "cosine:" + strconv.Itoa(s.TMax) + ":" + f(s.MinLR)
		}
		return "cosine:" + strconv.Itoa(s.TMax)
	case InvSqrt:
		return "invsqrt"
	}
	return ""
}

// text is the schedule with its warmup, for messages: "cosine:100 warmup 5".
func (s Schedule) text() string {
	t := s.String()
	if t == "" {
		t = "none"
	}
	if s.Warmup > 0 {
		t += " warmup " + strconv.Itoa(s.Warmup)
	}
	return t
}

// IsConstant reports whether every update uses the base rate.
func (s Schedule) IsConstant() bool { return s.Kind == Constant && s.Warmup == 0 }

// validate checks a Schedule built in code but for its warmup (see
// Config.CheckExtras); ParseSchedule's are valid.
func (s Schedule) validate() error {
	bad := false
	switch s.Kind {
	case Constant, InvSqrt:
	case StepDecay:
		bad = s.StepSize < 1 || !(s.Gamma > 0) || math.IsInf(s.Gamma, 0)
	case ExpDecay:
		bad = !(s.Gamma > 0) || math.IsInf(s.Gamma, 0)
	case Cosine:
		bad = s.TMax < 1 || !(s.MinLR >= 0) || math.IsInf(s.MinLR, 0)
	default:
		return msgUnknownSchedule.New(message.Quote(string(s.Kind)), message.Text(ScheduleSyntax))
	}
	if bad {
		return msgBadSchedule.New(message.Quote(s.String()), message.Text(s.Kind.syntax()))
	}
	return nil
}

// Rate is the learning rate of epoch e ≥ 0 (used by the update e + 1) for
// the base rate lr, in the closed forms of torch's documentation. A run
// computes the same rates step by step (see scheduler), equal to these to
// a few ulps.
func (s Schedule) Rate(lr float64, e int) float64 {
	if e < s.Warmup {
		return lr * float64(e+1) / float64(s.Warmup)
	}
	e -= s.Warmup
	switch s.Kind {
	case StepDecay:
		return lr * math.Pow(s.Gamma, float64(e/s.StepSize))
	case ExpDecay:
		return lr * math.Pow(s.Gamma, float64(e))
	case Cosine:
		return s.MinLR + (lr-s.MinLR)*(1+math.Cos(math.Pi*float64(e)/float64(s.TMax)))/2
	case InvSqrt:
		return lr / math.Sqrt(float64(1+e))
	}
	return lr
}

// scheduler computes a schedule's rates epoch after epoch at the cost of a
// few multiplications, so that a scheduled step costs little more than a
// plain one (BenchmarkScheduledStep against BenchmarkStep/gd): step and exp
// multiply by G as torch's recursive get_lr does, cosine turns the angle
// πe/T by a fixed rotation; every resync epochs (decays, for step) each
// takes its closed form afresh, which keeps the rounding drift of the
// recursion below 1e-12 of the rate (TestSchedulerFollowsTheClosedForms).
type scheduler struct {
	s        Schedule
	base     float64
	e        int     // the epoch of the rate next returns
	lr       float64 // the rate of step or exp decay at epoch e
	cos, sin float64 // cos and sin of πe/T (cosine)
	c1, s1   float64 // cos and sin of π/T
}

// resync is how many epochs (decays, for step) a recursion runs between
// closed forms.
const resync = 64

func newScheduler(s Schedule, base float64) *scheduler {
	sc := &scheduler{s: s, base: base, lr: base, cos: 1}
	if s.Kind == Cosine {
		sc.c1, sc.s1 = math.Cos(math.Pi/float64(s.TMax)), math.Sin(math.Pi/float64(s.TMax))
	}
	return sc
}

// next returns the rate of the next update and steps the schedule.
func (sc *scheduler) next() float64 {
	e := sc.e - sc.s.Warmup
	sc.e++
	if e < 0 {
		return sc.base * float64(sc.e) / float64(sc.s.Warmup)
	}
	switch sc.s.Kind {
	case StepDecay:
		if e > 0 && e%sc.s.StepSize == 0 {
			if n := e / sc.s.StepSize; n%resync == 0 {
				sc.lr = sc.base * math.Pow(sc.s.Gamma, float64(n))
			} else {
				sc.lr *= sc.s.Gamma
			}
		}
		return sc.lr
	case ExpDecay:
		switch {
		case e > 0 && e%resync == 0:
			sc.lr = sc.base * math.Pow(sc.s.Gamma, float64(e))
		case e > 0:
			sc.lr *= sc.s.Gamma
		}
		return sc.lr
	case Cosine:
		if e%resync == 0 {
			a := math.Pi * float64(e) / float64(sc.s.TMax)
			sc.cos, sc.sin = math.Cos(a), math.Sin(a)
		} else {
			sc.cos, sc.sin = sc.cos*sc.c1-sc.sin*sc.s1, sc.sin*sc.c1+sc.cos*sc.s1
		}
		return sc.s.MinLR + (sc.base-sc.s.MinLR)*(1+sc.cos)/2
	case InvSqrt:
		return sc.base / math.Sqrt(float64(1+e))
	}
	return sc.base
}

func (r *gdRule) setLR(lr float64)           { r.lr = lr }
func (r *momentumRule) setLR(lr float64)     { r.lr = lr }
func (r *adagradRule) setLR(lr float64)      { r.lr = lr }
func (r *rmspropRule) setLR(lr float64)      { r.lr = lr }
func (r *adamRule) setLR(lr float64)         { r.lr = lr }
func (r *bookMomentumRule) setLR(lr float64) { r.lr = lr }
func (r *bookAdagradRule) setLR(lr float64)  { r.lr = lr }
func (r *bookRMSpropRule) setLR(lr float64)  { r.lr = lr }
func (r *bookAdamRule) setLR(lr float64)     { r.lr = lr }
func (r *newtonRule) setLR(lr float64)       { r.lr = lr }

// setLR also recomputes the book's (1 + μ)·η.
func (r *bookNesterovRule) setLR(lr float64) { r.lr, r.lg = lr, (1+r.mu)*lr }
