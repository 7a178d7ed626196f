package plotting

import (
	"math"
	"time"
)

// Box is a rectangular view of the plane in data coordinates. For
// one-dimensional functions only XMin and XMax matter.
type Box struct{ XMin, XMax, YMin, YMax float64 }

// valid reports whether b is a finite box of positive width and height.
func (b Box) valid(dims int) bool {
	ok := finite(b.XMin) && finite(b.XMax) && b.XMax > b.XMin
	if dims == 1 {
		return ok
	}
	return ok && finite(b.YMin) && finite(b.YMax) && b.YMax > b.YMin
}

// View selects the figure drawn by Render and SaveFile.
type View string

// The available views.
const (
	// ViewContour is the heat map with contour lines and trajectories
	// (the curve view for one-dimensional functions).
	ViewContour View = "contour"
	// ViewLoss is f against step for every run.
	ViewLoss View = "loss"
	// ViewBoth is the contour (or curve) view and the loss view side by side,
	// or stacked when the image is taller than wide.
	ViewBoth View = "both"
	// ViewCurve is f(x) with the points of each run and the tangent at the
	// current point (one-dimensional functions).
	ViewCurve View = "curve"
	// ViewHError is "how good is the numeric gradient?": on log–log axes,
	// the error of the forward and the central difference against the
	// step h at one point, with the chosen h marked (Scene.HError; see
	// HErrorData). It draws no runs.
	ViewHError View = "h-error"
	// ViewSurface is f over the view box as a lit 3-D surface, in the
	// heat map's colours, with the runs' paths on it, seen through
	// Options.Camera (the curve view for one-dimensional functions).
	ViewSurface View = "surface"
	// ViewSurfaceLoss is the surface view and the loss view side by side,
	// or stacked when the image is taller than wide (ViewBoth for
	// one-dimensional functions).
	ViewSurfaceLoss View = "surface+loss"
	// ViewCoords is each coordinate of one run of a function of more than
	// two variables against the step (Scene.Coords).
	ViewCoords View = "coords"
	// ViewCoordsLoss is the coordinates view beside the loss view, or
	// stacked when the image is taller than wide.
	ViewCoordsLoss View = "coords+loss"
	// ViewData is the data a model learns from with each run's model at
	// the current step (Scene.Data): its line or curve, or its decision
	// boundary over a light shading of its probability.
	ViewData View = "data"
	// ViewDataBoth is the data view, the contour (or curve) of the loss
	// over the parameters and the loss curve, side by side.
	ViewDataBoth View = "data+both"
)

// Coords is the data of the coordinates view: the coordinates of one run
// of a function of n > 2 variables against the step.
type Coords struct {
	Run     int         // index into Scene.Runs of the run shown (its label is the panel's title)
	Names   []string    // the lines' names, e.g. "x[3]" (at most 8)
	K       []int       // the step of each point
	V       [][]float64 // V[line][point], len(V) == len(Names), each as long as K
	Omitted int         // coordinates not drawn (n − 8 when n > 8); a note says so
}

// ProjectionKind is how a 2-D scene shows a function of n > 2 variables.
type ProjectionKind int

const (
	// ProjectionSlice is f over two coordinates, the others held at a point.
	ProjectionSlice ProjectionKind = iota
	// ProjectionPlane is f over the plane of a path's two principal
	// directions through its end point.
	ProjectionPlane
)

// HeldAt is where a slice holds the coordinates it does not show.
type HeldAt int

const (
	// HeldAtStart holds them at the selected run's start.
	HeldAtStart HeldAt = iota
	// HeldAtCurrent holds them at its current point.
	HeldAtCurrent
	// HeldAtEnd holds them at its end point.
	HeldAtEnd
)

// Projection says that a 2-D scene shows an n-D function through a plane.
type Projection struct {
	Kind  ProjectionKind // ProjectionSlice or ProjectionPlane
	Held  HeldAt         // slice: where the other coordinates are held
	Share float64        // plane: the share (0…1) of the path's variance the plane explains
}

// Run is one trajectory, as plain point lists.
type Run struct {
	Label  string    // legend text, e.g. "gd lr=0.1"
	K      []int     // step of each point; nil means 0..len-1
	X, Y   []float64 // positions (Y nil/ignored for 1-D)
	F      []float64 // loss value at each point
	GX, GY []float64 // optional gradient at each point (arrow at the current point)
	VX, VY []float64 // optional velocity/update at each point
	// State is the run's optimizer state at the scene's current step,
	// drawn at its current point (Options.StateArrows, StateSteps,
	// StateAxes); nil for none.
	State *RunState
	// Eta is the step size of each point's update (its learning rate under
	// a schedule, or a line search's α; 0 at the start), drawn in the rate
	// panel (Options.Rate); nil for a run whose rate is constant.
	Eta []float64
	// Batch is the loss of the mini-batch each step used (NaN where there
	// is none, as at the start), drawn thin under the loss (F, the loss on
	// all the data); nil for a run without mini-batches.
	Batch []float64
	// Test is the loss on the test rows at each point (NaN where it was
	// not computed: it is drawn through the points that have one), dashed
	// beside the loss; nil for a run without a test set.
	Test       []float64
	DivergedAt int  // step at which the run diverged, -1 if none
	Hidden     bool // not drawn (and not used by the auto view)
}

// RunState is what makes a run's method what it is at the current step,
// in data units (see optimizer.RuleState); a zero field is not drawn.
type RunState struct {
	Arrow [2]float64    // a vector from the current point
	Steps [2]float64    // half-widths of the per-coordinate step ellipse
	Axes  [2][2]float64 // principal directions (unit vectors); Eigen their eigenvalues
	Eigen [2]float64
}

// Scene is everything a figure shows.
type Scene struct {
	// Key identifies F for background caching (e.g. the function source);
	// empty means no caching.
	Key string
	// F samples f (y ignored for 1-D); the background calls it from
	// several goroutines at once.
	F func(x, y float64) float64
	// Samples caps the samples of F per axis of the background and the
	// surface (0: no cap), for an F that is costly (a model's loss over
	// many rows).
	Samples int
	// Grad is the exact gradient of f, for the gradient field
	// (Options.Field); nil means no field can be drawn.
	Grad    func(x, y float64) (gx, gy float64)
	Dims    int          // 1 or 2 (anything else is treated as 2)
	Box     *Box         // nil = auto view (AutoBox)
	Minima  [][2]float64 // known minimisers (marked, and used by the auto view)
	FMin    *float64     // known minimum value (log loss plots |f - f*|)
	Runs    []Run        // up to 8 shown with the Okabe-Ito palette
	Current int          // step shown as current (marker larger); < 0 = last
	// HError is the data of the h-error view (ViewHError), nil when it is
	// not computed; the other views ignore it.
	HError *HErrorData
	// AxisNames name the contour and surface panels' axes; empty means
	// "x" and "y".
	AxisNames [2]string
	// Projection, when set, says the scene shows a function of more than
	// two variables through a slice or a plane (a note on the contour and
	// surface panels).
	Projection *Projection
	// Coords is the data of the coordinates views, nil for none.
	Coords *Coords
	// Data is the data of the data views, nil for none.
	Data *DataPanel
	// Accuracy is, for a classifier learning from data, each run's share
	// of rows classified right (F, between 0 and 1, at the steps K; Test
	// on the test rows), by the index of Runs; the data views draw it in
	// a panel under the loss. Empty for none.
	Accuracy []Run

	// valueLabel names the value axis of a loss panel ("f" when empty):
	// the coordinates and accuracy panels' scenes set it; noTestNote
	// leaves the test set's note off it (the loss panel beside has it).
	valueLabel string
	noTestNote bool
}

// Options are the rendering options of a figure.
type Options struct {
	View          View    // "" = ViewBoth
	Width, Height int     // exact pixel size (0 = 800x600)
	DPI           float64 // 0 = 96
	LogLoss       bool    // loss on a log scale
	Gradient      bool    // draw the gradient arrow at the current point
	Velocity      bool    // draw the velocity (update) arrow at the current point
	Scale         float64 // line/text scale for presentation mode, 0 = 1
	// Dark gives the figure a dark grey background with light axes, text
	// and grid, for a dark UI theme; the heat map is unchanged.
	Dark bool
	// HighContrast draws thicker trajectories with a black-and-white halo,
	// larger markers, bolder contour lines and black (white when Dark)
	// axes and text, for projectors and low vision.
	HighContrast bool
	// FreeAspect lets the contour panel stretch its data area to fill the
	// panel. By default the contour panel of a two-dimensional scene keeps
	// equal scales (one unit of x is as many pixels as one unit of y, so
	// circles are round and a gradient is drawn perpendicular to the level
	// curves) whenever the view box's height/width ratio is between 1/4 and
	// 4: the data area shrinks in one direction and is centred in the panel
	// (letterbox), with the axes along it. A more elongated box fills the
	// panel regardless. The curve view and the loss view always fill their
	// panel (their axes have different units).
	FreeAspect bool
	// Field draws the gradient field on the contour panel (ViewContour,
	// and the contour half of ViewBoth) of a two-dimensional scene with a
	// Scene.Grad: thin arrows of −∇f on a regular grid of 15 to 25 columns
	// (about one per 27 points times Scale), over the heat map and the
	// contour lines and under the runs, none within one grid cell of the
	// current point of a visible run. Arrow lengths compress |∇f|: an
	// arrow is 0.75 of a grid cell times min(1, log(1+g/m) / log(1+q/m)),
	// where g is |∇f| at the arrow, m the median and q the 95th percentile
	// of the finite non-zero |∇f| over the grid, so small gradients stay
	// proportional, large ones shrink logarithmically and none is longer
	// than 3/4 of a cell (none overlaps its neighbours). The field is part
	// of the cached background: it costs a frame nothing.
	Field bool
	// Camera is the viewpoint of the surface views (ViewSurface,
	// ViewSurfaceLoss); the zero value is DefaultCamera. Other views
	// ignore it.
	Camera Camera
	// Rate draws the learning rate of every step of the runs that have one
	// (Run.Eta) as a third panel under the loss panel, on the loss panel's
	// step axis (the loss and both views); a scene without such a run gets
	// no panel.
	Rate bool
	// StateArrows, StateSteps and StateAxes draw each run's optimizer state
	// (Run.State) at its current point: its arrow (momentum's velocity,
	// Adam's −η·m̂, Newton's next step), its per-coordinate effective steps
	// as an axis-aligned ellipse with those half-widths (AdaGrad, RMSProp,
	// Adam), and the Hessian's principal directions (Newton), in the run's
	// colour, on the contour panel of a two-dimensional scene.
	StateArrows, StateSteps, StateAxes bool
	// Labels are the words drawn on the figure (axis labels, legend
	// notes), for translation; nil, or an empty field, means the English
	// of DefaultLabels.
	Labels *Labels
}

// Animation sets the timing of a GIF written by SaveFile.
type Animation struct {
	Duration time.Duration // whole animation without the held last frame; 0 = 5s
	FPS      int           // frames per second; 0 = 20
}

// maxRuns is the number of runs drawn (the size of the Okabe-Ito palette).
const maxRuns = 8

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// normalized returns o with defaults filled in and nonsense values replaced.
func (o Options) normalized() Options {
	if o.View == "" {
		o.View = ViewBoth
	}
	if o.Width <= 0 {
		o.Width = 800
	}
	if o.Height <= 0 {
		o.Height = 600
	}
	if !(o.DPI > 0) || o.DPI > 2400 || math.IsInf(o.DPI, 0) {
		o.DPI = 96
	}
	if !(o.Scale > 0) || o.Scale > 20 || math.IsInf(o.Scale, 0) {
		o.Scale = 1
	}
	return o
}

// dims returns 1 for one-dimensional scenes and 2 otherwise.
func (s *Scene) dims() int {
	if s.Dims == 1 {
		return 1
	}
	return 2
}

// eval samples F safely: a nil F or a panicking F gives NaN.
func (s *Scene) eval(x, y float64) (v float64) {
	if s.F == nil {
		return math.NaN()
	}
	defer func() {
		if recover() != nil {
			v = math.NaN()
		}
	}()
	return s.F(x, y)
}

// grad samples Grad safely: a nil Grad or a panicking Grad gives NaN.
func (s *Scene) grad(x, y float64) (gx, gy float64) {
	if s.Grad == nil {
		return nan, nan
	}
	defer func() {
		if recover() != nil {
			gx, gy = nan, nan
		}
	}()
	return s.Grad(x, y)
}
