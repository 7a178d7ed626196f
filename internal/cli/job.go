package cli

import (
	"context"
	"errors"
	"flag"
	"os"
	"os/signal"
	"strconv"
	"strings"

	"gdlab/model"
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// maxRuns is the most runs one command line may ask for.
const maxRuns = 64

// job is a parsed command line: one problem and the configs of its runs.
type job struct {
	problem optimizer.Problem
	configs []optimizer.Config
	test    *model.Loss // with --data and --test-fraction: the held-out rows' loss
}

func (j job) run() []optimizer.Result {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	return optimizer.RunSet(ctx, j.problem, j.configs, nil)
}

// job turns the flags into a problem and its run configs.
func (o *options) job(fs *flag.FlagSet) (job, error) {
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })

	var j job
	if o.df.data != "" {
		return o.dataJob(fs, set)
	}
	src, start := o.fn, []float64(nil)
	if o.preset != "" {
		p, ok := optimizer.PresetByName(o.preset)
		if !ok {
			return j, usagef("unknown preset %q; the presets are: %s", o.preset, strings.Join(optimizer.PresetNames(), ", "))
		}
		if src == "" {
			src = p.Func
		}
		start = p.Start[:]
	}
	if src == "" {
		return j, usagef("--func is required, e.g. --func %q (or --preset NAME)", optimizer.DefaultFunction)
	}
	var err error
	if j.problem, err = o.problem(src); err != nil {
		return j, err
	}
	dims := j.problem.F.Dims()
	switch {
	case set["start"]:
		if start, err = parseStart(o.start, dims); err != nil {
			return j, err
		}
	case start == nil || dims > 2:
		start = optimizer.DefaultStartFor(dims)
	}
	j.configs, err = o.configs(fs, start[:dims], dims)
	return j, err
}

// dataJob is the job of --data: runs over the parameters of a model.
func (o *options) dataJob(fs *flag.FlagSet, set map[string]bool) (job, error) {
	var j job
	p, start, err := o.dataProblem(set)
	if err != nil {
		return j, err
	}
	j.problem, j.test = p, o.df.test
	dims := p.F.Dims()
	if set["start"] {
		v, err := parseList("--start", o.start)
		if err != nil {
			return j, err
		}
		if len(v) != dims {
			return j, usagef("--start: the model has %d parameters (%s), so the start is %d comma-separated numbers, not %d", dims, strings.Join(p.Vars, ", "), dims, len(v))
		}
		start = v
	}
	if j.configs, err = o.configs(fs, start, dims); err != nil {
		return j, err
	}
	for _, c := range j.configs {
		if err := optimizer.CheckSampled(p, c); err != nil {
			return j, usagef("--batch: %v", err)
		}
	}
	return j, nil
}

// problem parses the function src and gives it its view: the --box when
// given, else the optimizer's (that of the preset src is, if any).
func (o *options) problem(src string) (optimizer.Problem, error) {
	box, xOnly, boxErr := parseBox(o.box)
	p, err := optimizer.NewProblem(src, box)
	if err != nil {
		var pe *expr.Error
		if errors.As(err, &pe) {
			return p, usagef("--func: %s\n%s", pe.Error(), indent(pe.Caret(), "  "))
		}
		return p, usageError{"--func: " + err.Error()}
	}
	if xOnly && p.F.Dims() == 2 {
		boxErr = errBoxArity(o.box)
	}
	return p, boxErr
}

// configs are the runs asked for: every method with every learning rate.
func (o *options) configs(fs *flag.FlagSet, start []float64, dims int) ([]optimizer.Config, error) {
	lrs, err := parseList("--lr", o.lr)
	if err != nil {
		return nil, err
	}
	var methods []optimizer.Method
	for _, name := range strings.Split(o.method, ",") {
		m, err := optimizer.ParseMethod(strings.TrimSpace(name))
		if err != nil {
			return nil, usagef("--method: %v", err)
		}
		methods = append(methods, m)
	}
	if !oneOf(o.gradient, string(optimizer.Exact), string(optimizer.Numeric)) {
		return nil, usagef("--gradient: %q is not %s or %s", o.gradient, optimizer.Exact, optimizer.Numeric)
	}
	convention, err := optimizer.ParseConvention(o.convention)
	if err != nil {
		return nil, usagef("--convention: %v", err)
	}
	batches := o.df.runBatches
	if batches == nil {
		batches = []int{0}
	}
	if len(lrs)*len(methods)*len(batches) > maxRuns {
		return nil, usagef("at most %d runs at once (%d methods × %d learning rates × %d batch sizes asked)", maxRuns, len(methods), len(lrs), len(batches))
	}
	hyper := o.hyperSet(fs)
	var configs []optimizer.Config
	for _, m := range methods {
		for _, lr := range lrs {
			for _, batch := range batches {
				c, err := o.config(fs, m, lr, start, dims, hyper, convention)
				if err != nil {
					return nil, err
				}
				if c.Batch = batch; o.df.epochs > 0 {
					c.Steps = o.epochSteps(batch)
				}
				configs = append(configs, c)
			}
		}
	}
	return configs, nil
}

// config is the run of method m at rate lr that the flags ask for.
func (o *options) config(fs *flag.FlagSet, m optimizer.Method, lr float64, start []float64, dims int, hyper optimizer.Hyper, convention optimizer.Convention) (optimizer.Config, error) {
	if spec, _ := m.Spec(); spec.SuggestedLR > 0 && !given(fs, "lr") {
		lr = spec.SuggestedLR // Newton's η = 1 unless --lr says otherwise
	}
	c := optimizer.DefaultConfig()
	c.Method, c.LR, c.Steps = m, lr, o.steps
	c.SetStart(start)
	c.Gradient, c.H, c.Bound, c.Tol = optimizer.Gradient(o.gradient), o.h, o.bound, o.tol
	c.Hyper, c.Convention = hyper, convention
	if x, err := c.SetExtras(o.extras()); err != nil {
		return c, usagef("--%s: %v", x, err)
	}
	if err := c.Validate(dims); err != nil {
		return c, usageError{err.Error()}
	}
	return c, nil
}

// given reports whether the flag called name is on the command line.
func given(fs *flag.FlagSet, name string) bool {
	found := false
	fs.Visit(func(f *flag.Flag) { found = found || f.Name == name })
	return found
}

// extras is the schedule, warmup, noise, seed and line search of every
// run as their flags give them.
func (o *options) extras() optimizer.ExtrasText {
	return optimizer.ExtrasText{Schedule: o.schedule, Warmup: o.warmup, Noise: o.noise, Seed: o.seed, LineSearch: o.lineSearch}
}

// parseStart parses --start for a function of dims variables.
func parseStart(s string, dims int) ([]float64, error) {
	v, err := parseList("--start", s)
	if err != nil {
		return nil, err
	}
	if len(v) != dims {
		switch dims {
		case 1:
			return nil, usagef("--start: the function uses only x, so the start is one number, not %q", s)
		case 2:
			return nil, usagef("--start: the function uses x and y, so the start is two numbers X,Y, not %q", s)
		}
		return nil, usagef("--start: the function has %d variables (x[0] … x[%d]), so the start is %d comma-separated numbers, not %d", dims, dims-1, dims, len(v))
	}
	return v, nil
}

// parseList parses comma-separated finite numbers.
func parseList(flagName, s string) ([]float64, error) {
	parts := strings.Split(s, ",")
	v := make([]float64, 0, len(parts))
	for _, p := range parts {
		p = strings.TrimSpace(p)
		x, err := strconv.ParseFloat(p, 64)
		if err != nil || !isFinite(x) {
			return nil, usagef("%s: %q is not a number", flagName, p)
		}
		v = append(v, x)
	}
	return v, nil
}

// parseBox parses --box: nil when it is not given. XMIN,XMAX alone (xOnly,
// for a function of x) gets y from -1 to 1.
func parseBox(s string) (box *optimizer.Box, xOnly bool, err error) {
	if s == "" {
		return nil, false, nil
	}
	v, err := parseList("--box", s)
	if err != nil {
		return nil, false, err
	}
	if xOnly = len(v) == 2; xOnly {
		v = append(v, -1, 1)
	}
	if len(v) != 4 {
		return nil, false, errBoxArity(s)
	}
	b := optimizer.Box{XMin: v[0], XMax: v[1], YMin: v[2], YMax: v[3]}
	if !(b.XMin < b.XMax && b.YMin < b.YMax) {
		return nil, false, usagef("--box: each minimum must be below its maximum, not %q", s)
	}
	return &b, xOnly, nil
}

func errBoxArity(s string) error {
	return usagef("--box takes XMIN,XMAX,YMIN,YMAX (XMIN,XMAX for f(x)), not %q", s)
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
