package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
	"gdlab/plotting"
)

// Exit statuses of the CLI.
const (
	exitOK      = 0
	exitFailure = 1 // the work could not be done (e.g. the output file cannot be written)
	exitUsage   = 2 // bad input: unknown flag, malformed number, unparsable function
)

func isSubcommand(s string) bool {
	switch s {
	case "run", "plot", "presets", "version", "help", "-h", "-help", "--help":
		return true
	}
	return false
}

const usageText = `Gradient Descent Lab — watch gradient descent work.

Usage:
  gdlab                      open the window
  gdlab LESSON.json          open the window with a lesson file
  gdlab run  --func EXPR [flags]            print the run (text, json or csv)
  gdlab plot --func EXPR -o FILE [flags]    write the figure (.png .svg .pdf .gif)
  gdlab presets              list the built-in functions
  gdlab version              print the version

Run "gdlab run -h" or "gdlab plot -h" for the flags.
`

// usageError is bad input: reported on stderr with exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// runCLI executes one subcommand and returns the process exit status.
func runCLI(args []string, stdout, stderr io.Writer) int {
	var err error
	switch args[0] {
	case "version":
		fmt.Fprintln(stdout, "gdlab", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usageText)
		return exitOK
	case "presets":
		err = cmdPresets(stdout)
	case "run":
		err = cmdRun(args[1:], stdout, stderr)
	case "plot":
		err = cmdPlot(args[1:], stdout, stderr)
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintln(stderr, "gdlab "+args[0]+": "+err.Error())
		return exitUsage
	default:
		fmt.Fprintln(stderr, "gdlab "+args[0]+": "+err.Error())
		return exitFailure
	}
}

func cmdPresets(w io.Writer) error {
	for _, p := range optimizer.Presets() {
		fmt.Fprintf(w, "%-16s %s\n", p.Name, p.Func)
		fmt.Fprintf(w, "%-16s view x∈[%g, %g] y∈[%g, %g], start (%g, %g)", "", p.Box.XMin, p.Box.XMax, p.Box.YMin, p.Box.YMax, p.Start[0], p.Start[1])
		if p.FMin != nil {
			fmt.Fprintf(w, ", minimum f* = %g", *p.FMin)
		}
		fmt.Fprintln(w)
	}
	return nil
}

func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs, o := newFlagSet("run", stderr)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	job, err := o.job(fs)
	if err != nil {
		return err
	}
	if !oneOf(o.format, "text", "json", "csv") {
		return usagef("--format: %q is not one of text, json, csv", o.format)
	}
	results := job.run()
	switch o.format {
	case "json":
		return writeJSON(stdout, job, results, o.trajectory)
	case "csv":
		return writeCSV(stdout, job, results)
	default:
		return writeText(stdout, job, results)
	}
}

func cmdPlot(args []string, stdout, stderr io.Writer) error {
	fs, o := newFlagSet("plot", stderr)
	fs.StringVar(&o.out, "o", "", "output `FILE` (.png, .svg, .pdf or .gif)")
	fs.IntVar(&o.width, "width", 800, "figure width in `pixels`")
	fs.IntVar(&o.height, "height", 600, "figure height in `pixels`")
	fs.Float64Var(&o.dpi, "dpi", 96, "resolution in dots per inch")
	fs.StringVar(&o.view, "view", "", "contour, loss, both or curve (default both; curve + loss for f(x))")
	fs.BoolVar(&o.logLoss, "log-loss", false, "plot the loss on a log scale")
	fs.DurationVar(&o.duration, "duration", 5*time.Second, "length of a .gif animation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if o.out == "" {
		return usagef("-o FILE is required (a .png, .svg, .pdf or .gif file)")
	}
	switch ext := strings.ToLower(filepath.Ext(o.out)); ext {
	case ".png", ".svg", ".pdf", ".gif":
	default:
		return usagef("unsupported file type %q: use .png, .svg, .pdf or .gif", ext)
	}
	if o.width < 16 || o.height < 16 || o.width > 10000 || o.height > 10000 {
		return usagef("--width and --height must be between 16 and 10000 pixels")
	}
	if !(o.dpi >= 10 && o.dpi <= 1200) {
		return usagef("--dpi must be between 10 and 1200")
	}
	if o.duration <= 0 || o.duration > 10*time.Minute {
		return usagef("--duration must be positive and at most 10m")
	}
	job, err := o.job(fs)
	if err != nil {
		return err
	}
	view := plotting.View(o.view)
	switch view {
	case "":
		view = plotting.ViewBoth
	case plotting.ViewContour, plotting.ViewLoss, plotting.ViewBoth, plotting.ViewCurve:
	default:
		return usagef("--view: %q is not one of contour, loss, both, curve", o.view)
	}
	if job.problem.F.Dims() == 1 && view == plotting.ViewContour {
		view = plotting.ViewCurve
	}
	if job.problem.F.Dims() == 2 && view == plotting.ViewCurve {
		return usagef("--view curve is for functions of x alone; this one uses y too")
	}
	results := job.run()
	traces := make([]figure.Trace, len(results))
	for i, r := range results {
		traces[i] = figure.TraceOf(r)
	}
	scene := figure.Scene(job.problem, traces, -1)
	opts := plotting.Options{View: view, Width: o.width, Height: o.height, DPI: o.dpi, LogLoss: o.logLoss}
	if err := plotting.SaveFile(o.out, scene, opts, plotting.Animation{Duration: o.duration}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d×%d)\n", o.out, o.width, o.height)
	return nil
}

// options holds every flag of run and plot.
type options struct {
	fn, preset, start, lr, method, gradient, format, box string
	steps                                                int
	h, bound, tol, momentum, alpha, beta1, beta2, eps    float64
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
	fs.StringVar(&o.start, "start", "", "start point `X[,Y]` (default 3,2)")
	fs.StringVar(&o.lr, "lr", "0.1", "learning rate, or a comma-separated `list` of them (one run each)")
	fs.StringVar(&o.method, "method", "gd", "method or comma-separated `list`: "+methodNames())
	fs.IntVar(&o.steps, "steps", d.Steps, "number of updates")
	fs.StringVar(&o.gradient, "gradient", string(optimizer.Exact), "exact or numeric (central difference)")
	fs.Float64Var(&o.h, "h", d.H, "step of the numeric gradient")
	fs.Float64Var(&o.bound, "bound", d.Bound, "a run diverges when some |x_i| exceeds this")
	fs.Float64Var(&o.tol, "tol", d.Tol, "converged when |grad f| <= tol (0: off)")
	fs.Float64Var(&o.momentum, "momentum", d.Momentum, "momentum μ (momentum, nesterov)")
	fs.Float64Var(&o.alpha, "alpha", d.Alpha, "smoothing constant α (rmsprop)")
	fs.Float64Var(&o.beta1, "beta1", d.Beta1, "β1 (adam)")
	fs.Float64Var(&o.beta2, "beta2", d.Beta2, "β2 (adam)")
	fs.Float64Var(&o.eps, "eps", 0, "ε added to the denominator (0: the method's default)")
	fs.StringVar(&o.box, "box", "", "view box `XMIN,XMAX,YMIN,YMAX` (XMIN,XMAX for f(x))")
	if name == "run" {
		fs.StringVar(&o.format, "format", "text", "output format: text, json or csv")
		fs.BoolVar(&o.trajectory, "trajectory", false, "include every step in the json output")
	}
	return fs, o
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

func methodNames() string {
	names := make([]string, len(optimizer.Methods))
	for i, m := range optimizer.Methods {
		names[i] = string(m)
	}
	return strings.Join(names, ", ")
}

func oneOf(s string, set ...string) bool {
	for _, v := range set {
		if s == v {
			return true
		}
	}
	return false
}

// job is a parsed command line: one problem and the configs of its runs.
type job struct {
	problem optimizer.Problem
	configs []optimizer.Config
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
	src := o.fn
	start := [2]float64{3, 2}
	var preset *optimizer.Preset
	if o.preset != "" {
		p, ok := optimizer.PresetByName(o.preset)
		if !ok {
			return j, usagef("unknown preset %q; the presets are: %s", o.preset, presetNames())
		}
		preset = &p
		if src == "" {
			src = p.Func
		}
		start = p.Start
	}
	if src == "" {
		return j, usagef("--func is required, e.g. --func \"x^2 + y^2\" (or --preset NAME)")
	}
	f, err := expr.Parse(src)
	if err != nil {
		var pe *expr.Error
		if errors.As(err, &pe) {
			return j, usagef("--func: %s\n%s", pe.Error(), indent(pe.Caret(), "  "))
		}
		return j, usageError{"--func: " + err.Error()}
	}
	dims := f.Dims()
	j.problem = optimizer.Problem{F: f, Source: src}
	if preset != nil && src == preset.Func {
		b := preset.Box
		j.problem.Box = &b
		j.problem.Minima = preset.Minima
		j.problem.FMin = preset.FMin
	}
	if o.box != "" {
		b, err := parseBox(o.box, dims)
		if err != nil {
			return j, err
		}
		ob := optimizer.Box(b)
		j.problem.Box = &ob
	}
	if set["start"] {
		v, err := parseList("--start", o.start)
		if err != nil {
			return j, err
		}
		if len(v) != dims {
			if dims == 1 {
				return j, usagef("--start: the function uses only x, so the start is one number, not %q", o.start)
			}
			return j, usagef("--start: the function uses x and y, so the start is two numbers X,Y, not %q", o.start)
		}
		copy(start[:], v)
	}
	if dims == 1 {
		start[1] = 0
	}
	lrs, err := parseList("--lr", o.lr)
	if err != nil {
		return j, err
	}
	var methods []optimizer.Method
	for _, name := range strings.Split(o.method, ",") {
		m, err := optimizer.ParseMethod(strings.TrimSpace(name))
		if err != nil {
			return j, usagef("--method: %v", err)
		}
		methods = append(methods, m)
	}
	if !oneOf(o.gradient, string(optimizer.Exact), string(optimizer.Numeric)) {
		return j, usagef("--gradient: %q is not exact or numeric", o.gradient)
	}
	if len(lrs)*len(methods) > 64 {
		return j, usagef("at most 64 runs at once (%d methods × %d learning rates asked)", len(methods), len(lrs))
	}
	for _, m := range methods {
		for _, lr := range lrs {
			c := optimizer.DefaultConfig()
			c.Method, c.LR, c.Start, c.Steps = m, lr, start, o.steps
			c.Gradient, c.H, c.Bound, c.Tol = optimizer.Gradient(o.gradient), o.h, o.bound, o.tol
			c.Momentum, c.Alpha, c.Beta1, c.Beta2, c.Eps = o.momentum, o.alpha, o.beta1, o.beta2, o.eps
			if err := c.Validate(dims); err != nil {
				return j, usageError{err.Error()}
			}
			j.configs = append(j.configs, c)
		}
	}
	return j, nil
}

func presetNames() string {
	var names []string
	for _, p := range optimizer.Presets() {
		names = append(names, p.Name)
	}
	return strings.Join(names, ", ")
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

func parseBox(s string, dims int) (plotting.Box, error) {
	v, err := parseList("--box", s)
	if err != nil {
		return plotting.Box{}, err
	}
	if dims == 1 && len(v) == 2 {
		v = append(v, -1, 1)
	}
	if len(v) != 4 {
		return plotting.Box{}, usagef("--box takes XMIN,XMAX,YMIN,YMAX (XMIN,XMAX for f(x)), not %q", s)
	}
	b := plotting.Box{XMin: v[0], XMax: v[1], YMin: v[2], YMax: v[3]}
	if !(b.XMin < b.XMax && b.YMin < b.YMax) {
		return b, usagef("--box: each minimum must be below its maximum, not %q", s)
	}
	return b, nil
}

func indent(s, prefix string) string {
	return prefix + strings.ReplaceAll(s, "\n", "\n"+prefix)
}
