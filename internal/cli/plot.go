package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/plotting"
)

func cmdPlot(args []string, stdout, stderr io.Writer) error {
	fs, o := newFlagSet("plot", stderr)
	fs.StringVar(&o.out, "o", "", "output `FILE` (.png, .svg, .pdf or .gif)")
	fs.IntVar(&o.width, "width", 800, "figure width in `pixels`")
	fs.IntVar(&o.height, "height", 600, "figure height in `pixels`")
	fs.Float64Var(&o.dpi, "dpi", 96, "resolution in dots per inch")
	fs.StringVar(&o.view, "view", "", "contour, loss, both, curve or h-error (default both; curve + loss for f(x));\n"+
		"h-error: the error of the numeric gradient against its step h at the first run's start, --h marked")
	fs.BoolVar(&o.logLoss, "log-loss", false, "plot the loss on a log scale")
	field := fs.Bool("field", false, "draw the gradient field (arrows of −∇f) on the contour panel")
	rate := fs.Bool("rate", false, "draw each step's learning rate (a --schedule's, or the --line-search's α) in a panel under the loss")
	fs.DurationVar(&o.duration, "duration", 5*time.Second, "length of a .gif animation")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := o.checkFigure(); err != nil {
		return err
	}
	job, err := o.job(fs)
	if err != nil {
		return err
	}
	view, err := o.figureView(job.problem.F.Dims())
	if err != nil {
		return err
	}
	if err := o.checkViewFlags(view, job.problem.F.Dims(), *field); err != nil {
		return err
	}
	scene := plotScene(job, view)
	opts := plotting.Options{View: view, Width: o.width, Height: o.height, DPI: o.dpi, LogLoss: o.logLoss, Field: *field, Rate: *rate}
	if err := plotting.SaveFile(o.out, scene, opts, plotting.Animation{Duration: o.duration}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d×%d)\n", o.out, o.width, o.height)
	return nil
}

// plotScene is the scene of the figure: the runs of the job, or for the
// h-error view (which runs nothing) the accuracy of the numeric gradient at
// the first run's start with its step h.
func plotScene(job job, view plotting.View) *plotting.Scene {
	if view == plotting.ViewHError {
		c := job.configs[0]
		h := c.H
		if h == 0 {
			h = optimizer.DefaultH // what a run with H 0 uses
		}
		scene := figure.Scene(job.problem, nil, -1)
		scene.HError = figure.HError(job.problem, c.Start, h)
		return scene
	}
	results := job.run()
	traces := make([]figure.Trace, len(results))
	for i, r := range results {
		traces[i] = figure.TraceOf(r)
	}
	return figure.Scene(job.problem, traces, -1)
}

// checkViewFlags checks the flags that only some views take: --field needs
// a contour panel (a function of x and y, view contour or both), and the
// h-error view is a still figure (no .gif).
func (o *options) checkViewFlags(view plotting.View, dims int, field bool) error {
	if field && (dims == 1 || (view != plotting.ViewContour && view != plotting.ViewBoth)) {
		return usagef("--field draws on the contour panel: use --view contour or both with a function of x and y")
	}
	if view == plotting.ViewHError && strings.ToLower(filepath.Ext(o.out)) == ".gif" {
		return usagef("--view h-error is a still figure: use a .png, .svg or .pdf file")
	}
	return nil
}

// checkFigure checks the flags of the figure file: its name, size,
// resolution and length.
func (o *options) checkFigure() error {
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
	return nil
}

// figureView is the --view for a function of dims variables: both by
// default, and the curve instead of the contour for a function of x alone.
func (o *options) figureView(dims int) (plotting.View, error) {
	view := plotting.View(o.view)
	switch view {
	case "":
		view = plotting.ViewBoth
	case plotting.ViewContour, plotting.ViewLoss, plotting.ViewBoth, plotting.ViewCurve, plotting.ViewHError:
	default:
		return view, usagef("--view: %q is not one of contour, loss, both, curve, h-error", o.view)
	}
	if dims == 1 && view == plotting.ViewContour {
		view = plotting.ViewCurve
	}
	if dims == 2 && view == plotting.ViewCurve {
		return view, usagef("--view curve is for functions of x alone; this one uses y too")
	}
	return view, nil
}
