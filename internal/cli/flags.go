package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"gdlab/optimizer"
	"gdlab/report"
)

// options holds every flag of run and plot.
type options struct {
	fn, preset, start, lr, method, gradient, format, box string
	convention, schedule, lineSearch                     string
	warmup                                               int
	noise                                                float64
	seed                                                 uint64
	df                                                   dataFlags
	steps                                                int
	h, bound, tol                                        float64
	hyper                                                map[string]*float64 // one flag per optimizer.Params entry
	trajectory                                           bool

	out           string
	width, height int
	dpi           float64
	view          string
	logLoss       bool
	duration      time.Duration
}

func newFlagSet(name string, stderr io.Writer) (*flag.FlagSet, *options) {
	d := optimizer.DefaultConfig()
	o := &options{}
	fs := flag.NewFlagSet("gdlab "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&o.fn, "func", "", "the function, e.g. \"x^2 + y^2\" or \"x[0]**2 + x[1]**2\"")
	fs.StringVar(&o.preset, "preset", "", "a built-in function (see gdlab presets); other flags override it")
	fs.StringVar(&o.start, "start", "", "start point `X[,Y,…]`, one number per variable (default "+report.Exact(optimizer.DefaultStart[0])+","+report.Exact(optimizer.DefaultStart[1])+", repeated for more variables)")
	fs.StringVar(&o.lr, "lr", report.Exact(d.LR), "learning rate, or a comma-separated `list` of them (one run each); without it a method with a rate of its own uses that (newton: 1)")
	fs.StringVar(&o.method, "method", string(d.Method), "method or comma-separated `list`: "+strings.Join(optimizer.MethodNames(), ", "))
	fs.IntVar(&o.steps, "steps", d.Steps, "number of updates")
	fs.StringVar(&o.gradient, "gradient", string(d.Gradient), "exact or numeric (central difference)")
	fs.StringVar(&o.convention, "convention", string(d.Convention), conventionUsage())
	fs.Float64Var(&o.h, "h", d.H, "step of the numeric gradient")
	fs.Float64Var(&o.bound, "bound", d.Bound, "a run diverges when some |x_i| exceeds this")
	fs.Float64Var(&o.tol, "tol", d.Tol, "converged when |grad f| <= tol (0: off)")
	fs.StringVar(&o.schedule, "schedule", "none", "learning-rate `schedule` (torch.optim.lr_scheduler, stepped after every update): "+optimizer.ScheduleSyntax)
	fs.IntVar(&o.warmup, "warmup", 0, "linear warmup over the first `N` updates, from lr/N up to lr (0: none)")
	fs.Float64Var(&o.noise, "noise", 0, "add N(0, `sigma`²) noise to every gradient coordinate (0: none)")
	fs.Uint64Var(&o.seed, "seed", optimizer.DefaultSeed, "seed of the gradient noise, of a built-in data set and of an mlp's first weights: the same seed gives the same run")
	addDataFlags(fs, o)
	fs.StringVar(&o.lineSearch, "line-search", "none", "step sizes of "+optimizer.LineSearchMethods()+": none (the learning rate) or "+string(optimizer.Armijo)+
		" (backtracking from the learning rate, halving until f drops by "+report.Exact(optimizer.ArmijoC)+"·α·|grad f|²)")
	o.hyper = map[string]*float64{}
	for _, p := range optimizer.Params() {
		o.hyper[p.Name] = fs.Float64(p.Name, 0, hyperUsage(p))
	}
	fs.StringVar(&o.box, "box", "", "view box `XMIN,XMAX,YMIN,YMAX` (XMIN,XMAX for f(x))")
	if name == "run" {
		fs.StringVar(&o.format, "format", "text", "output format: text, json, csv or python (a NumPy script that reproduces the runs)")
		fs.BoolVar(&o.trajectory, "trajectory", false, "include every step in the json output")
	}
	return fs, o
}

// hyperUsage is the help of a hyperparameter's flag: its symbol, what it
// does, its valid range and, for each method that uses it, the default (a
// flag not given leaves every method at its own default).
func hyperUsage(p optimizer.Param) string {
	var defaults []float64
	users := map[float64][]string{}
	for _, m := range optimizer.Methods() {
		if q, ok := m.Param(p.Name); ok {
			if _, seen := users[q.Default]; !seen {
				defaults = append(defaults, q.Default)
			}
			users[q.Default] = append(users[q.Default], string(m.Name))
		}
	}
	uses := make([]string, len(defaults))
	for i, d := range defaults {
		uses[i] = report.Exact(d) + " (" + strings.Join(users[d], ", ") + ")"
	}
	return fmt.Sprintf("%s: %s; %s%s; default %s%s", p.Symbol, p.Doc.New(), p.Range(), zeroNote(p), strings.Join(uses, ", "), torchNote(p))
}

// zeroNote says that 0 stands for the method's default, where it does.
func zeroNote(p optimizer.Param) string {
	if p.ZeroIsDefault {
		return " (0: the method's default)"
	}
	return ""
}

// torchNote says that only torch's rules read p, where they alone do.
func torchNote(p optimizer.Param) string {
	if p.TorchOnly {
		return "; --convention torch only"
	}
	return ""
}

// conventionUsage is the help of --convention: the valid conventions.
func conventionUsage() string {
	var names []string
	for _, v := range optimizer.Conventions() {
		names = append(names, string(v))
	}
	return "whose update rules: " + strings.Join(names, " or ") +
		" (torch.optim's, or the book's common/optimizer.py with its fixed eps 1e-7 and no dampening), for every run"
}

// hyperSet is the hyperparameters given on the command line; the others stay
// unset, so that each method uses its own default.
func (o *options) hyperSet(fs *flag.FlagSet) optimizer.Hyper {
	var h optimizer.Hyper
	fs.Visit(func(f *flag.Flag) {
		if v, ok := o.hyper[f.Name]; ok {
			h.Set(f.Name, *v)
		}
	})
	return h
}

// parseFlags parses args, turning the flag package's errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage of %s:\n", fs.Name())
		fs.PrintDefaults()
	}
	// The flag package prints its own message and the usage on error; keep stderr
	// to one clear line instead.
	out := fs.Output()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	fs.SetOutput(out)
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return err
	}
	if err != nil {
		return usageError{err.Error()}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (flags start with --)", fs.Arg(0))
	}
	return nil
}

func oneOf(s string, set ...string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}
