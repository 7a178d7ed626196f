package cli

import (
	"flag"
	"fmt"
	"io"
	"math"
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
	fs.StringVar(&o.view, "view", "", strings.Join(viewNames[:len(viewNames)-1], ", ")+" or "+viewNames[len(viewNames)-1]+"\n"+
		"(default both; curve + loss for f(x); coords+loss for more than 2 variables);\n"+
		"landscape: the contour, by its name for a model's loss over its parameters;\n"+
		"coords: each coordinate of the first run against the step (more than 2 variables);\n"+
		"data, data+both: with --data, the data and each run's model (+ the loss over the parameters and the loss curve; the default);\n"+
		"h-error: the error of the numeric gradient against its step h at the first run's start, --h marked;\n"+
		"surface: f as a lit 3-D surface with the runs on it (surface+loss: beside the loss), seen from --azimuth and --elevation")
	fs.BoolVar(&o.logLoss, "log-loss", false, "plot the loss on a log scale")
	field := fs.Bool("field", false, "draw the gradient field (arrows of −∇f) on the contour panel")
	rate := fs.Bool("rate", false, "draw each step's learning rate (a --schedule's, or the --line-search's α) in a panel under the loss")
	fs.DurationVar(&o.duration, "duration", 5*time.Second, "length of a .gif animation")
	cam := surfaceCameraFlags(fs)
	pf := newProjectionFlags(fs)
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
	camera, err := cam.camera(fs, view, job.problem.F.Dims())
	if err != nil {
		return err
	}
	proj, err := pf.projection(fs, job.problem.F.Dims())
	if err != nil {
		return err
	}
	scene := plotScene(job, view, proj)
	opts := plotting.Options{View: view, Width: o.width, Height: o.height, DPI: o.dpi, LogLoss: o.logLoss, Field: *field, Rate: *rate,
		Camera: camera}
	if err := plotting.SaveFile(o.out, scene, opts, plotting.Animation{Duration: o.duration}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s (%d×%d)\n", o.out, o.width, o.height)
	return nil
}

// plotScene is the scene of the figure: the runs of the job, or for the
// h-error view (which runs nothing) the accuracy of the numeric gradient at
// the first run's start with its step h.
func plotScene(job job, view plotting.View, proj figure.Projection) *plotting.Scene {
	if view == plotting.ViewHError {
		c := job.configs[0]
		h := c.H
		if h == 0 {
			h = optimizer.DefaultH // what a run with H 0 uses
		}
		scene := figure.Scene(job.problem, nil, -1)
		scene.HError = figure.HError(job.problem, c.StartVec(job.problem.F.Dims()), h)
		return scene
	}
	results := job.run()
	traces := make([]figure.Trace, len(results))
	for i, r := range results {
		traces[i] = figure.TraceOf(r)
	}
	scene := figure.Scene(job.problem, traces, -1)
	if job.problem.F.Dims() > 2 {
		scene = figure.SceneN(job.problem, traces, -1, 0, proj)
	}
	if l := figure.ModelLoss(job.problem); l != nil {
		scene.Data = figure.DataPanel(l, traces)
	}
	figure.AddTestLoss(scene, job.problem, traces)
	figure.AddAccuracy(scene, job.problem, traces)
	return scene
}

// checkViewFlags checks the flags that only some views take: --field needs
// a contour panel (a function of x and y, view contour or both), and the
// h-error view is a still figure (no .gif).
func (o *options) checkViewFlags(view plotting.View, dims int, field bool) error {
	if field && dims > 2 {
		return usagef("--field draws the gradient field of a function of x and y; this one has %d variables", dims)
	}
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

// viewLandscape names the contour view for a model's loss: the landscape
// over its parameters.
const viewLandscape = "landscape"

// viewNames are the names --view takes.
var viewNames = []string{string(plotting.ViewContour), viewLandscape, string(plotting.ViewLoss), string(plotting.ViewBoth),
	string(plotting.ViewCurve), string(plotting.ViewHError), string(plotting.ViewSurface), string(plotting.ViewSurfaceLoss),
	string(plotting.ViewCoords), string(plotting.ViewCoordsLoss), string(plotting.ViewData), string(plotting.ViewDataBoth)}

// figureView is the --view for a function of dims variables: both by
// default, and the curve instead of the contour for a function of x alone.
func (o *options) figureView(dims int) (plotting.View, error) {
	view := plotting.View(o.view)
	switch view {
	case "":
		view = plotting.ViewBoth
		switch {
		case o.learning():
			view = plotting.ViewDataBoth
		case dims > 2:
			view = plotting.ViewCoordsLoss
		}
	case plotting.ViewContour, plotting.ViewLoss, plotting.ViewBoth, plotting.ViewCurve, plotting.ViewHError,
		plotting.ViewSurface, plotting.ViewSurfaceLoss:
	case plotting.ViewData, plotting.ViewDataBoth:
		if !o.learning() {
			return view, usagef("--view %s draws the data a model learns from: use it with --data", view)
		}
	case plotting.ViewCoords, plotting.ViewCoordsLoss:
		if dims <= 2 {
			return view, usagef("--view %s draws each coordinate of a function of more than 2 variables; this one has %d: use both", view, dims)
		}
	case viewLandscape:
		view = plotting.ViewContour
	default:
		return view, usagef("--view: %q is not one of %s", o.view, strings.Join(viewNames, ", "))
	}
	if dims == 1 {
		// f(x) has no contour or surface: its curve shows the same.
		switch view {
		case plotting.ViewContour, plotting.ViewSurface:
			view = plotting.ViewCurve
		case plotting.ViewSurfaceLoss:
			view = plotting.ViewBoth
		}
	}
	if dims >= 2 && view == plotting.ViewCurve {
		return view, usagef("--view curve is for functions of x alone; this one uses y too")
	}
	return view, nil
}

// cameraFlags are the flags of the surface view's camera.
type cameraFlags struct{ azimuth, elevation, zoom *float64 }

// surfaceCameraFlags defines --azimuth, --elevation and --zoom on fs.
func surfaceCameraFlags(fs *flag.FlagSet) cameraFlags {
	d := plotting.DefaultCamera()
	return cameraFlags{
		azimuth:   fs.Float64("azimuth", d.Azimuth, "surface view: the direction the camera looks from, in `degrees` counter-clockwise about the f axis from the x axis (as Matplotlib's azim)"),
		elevation: fs.Float64("elevation", d.Elevation, "surface view: the camera's angle above the x–y plane in `degrees`, -90 to 90 (90 looks straight down)"),
		zoom:      fs.Float64("zoom", d.Zoom, "surface view: magnification, 0.25 to 8 (1 fits the box)"),
	}
}

// camera checks the camera flags and returns the camera they give: they
// turn the surface, so they need a surface view of a function of x and y.
func (c cameraFlags) camera(fs *flag.FlagSet, view plotting.View, dims int) (plotting.Camera, error) {
	var given []string
	fs.Visit(func(f *flag.Flag) {
		if f.Name == "azimuth" || f.Name == "elevation" || f.Name == "zoom" {
			given = append(given, "--"+f.Name)
		}
	})
	if len(given) == 0 {
		return plotting.Camera{}, nil
	}
	if view != plotting.ViewSurface && view != plotting.ViewSurfaceLoss {
		if dims == 1 && strings.HasPrefix(flagValue(fs.Lookup("view")), "surface") {
			return plotting.Camera{}, usagef("%s turns the surface, and f(x) has none: use a function of x and y", given[0])
		}
		return plotting.Camera{}, usagef("%s turns the surface: use --view surface or surface+loss", given[0])
	}
	switch az, el, z := *c.azimuth, *c.elevation, *c.zoom; {
	case math.IsNaN(az) || math.IsInf(az, 0) || math.Abs(az) > 3600:
		return plotting.Camera{}, usagef("--azimuth must be a finite angle in degrees (e.g. -60)")
	case !(el >= -90 && el <= 90):
		return plotting.Camera{}, usagef("--elevation must be between -90 and 90 degrees")
	case !(z >= 0.25 && z <= 8):
		return plotting.Camera{}, usagef("--zoom must be between 0.25 and 8")
	}
	return plotting.Camera{Azimuth: *c.azimuth, Elevation: *c.elevation, Zoom: *c.zoom}, nil
}

// flagValue is the value of a flag as given, "" for a missing flag.
func flagValue(f *flag.Flag) string {
	if f == nil {
		return ""
	}
	return f.Value.String()
}
