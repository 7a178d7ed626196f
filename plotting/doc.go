// Package plotting owns the figures: it turns a Scene (a sampler of f, a view
// box, runs as plain point lists) into images and PNG/SVG/PDF/GIF files with
// gonum/plot. It imports neither Fyne nor the optimizer.
//
// Views: contour (viridis heat map on a log-like scale under log-spaced
// contour lines, trajectories in Okabe–Ito colours), loss (linear or log,
// decimated per pixel column, exploding runs clipped), curve (f(x) with the
// points and the tangent), both, and h-error (the error of the forward and
// the central difference against the step h on log–log axes, from
// Scene.HError: how good the numeric gradient is). Options.Field adds the
// gradient field (arrows of −∇f from Scene.Grad) to the contour panel, in
// its cached background. The contour panel keeps equal scales
// (circles stay round, a gradient is drawn perpendicular to the level
// curves) by letterboxing its data area when the view box's height/width
// ratio is between 1/4 and 4; a more elongated box, or Options.FreeAspect,
// fills the panel. Options.Scale, Dark and HighContrast set
// the presentation (bigger text and lines; a dark figure; thick haloed paths
// and large markers). Options.Labels supplies the words a figure draws (the
// loss axis label and notes, the legend's run names and divergence notes)
// for translation; nil keeps the English of DefaultLabels. A Renderer caches the expensive parts per Scene.Key,
// size and options — the contour or curve background, and the loss panel's
// axes with its decimated curves (per run slices, which may only grow by
// appending) — and draws only the runs up to the current step over copies of
// them per frame; DataAt maps a pixel back to data coordinates for hit
// testing. A Renderer is safe for concurrent use.
//
// The surface views (ViewSurface, and ViewSurfaceLoss beside the loss view)
// draw f over the view box as a lit 3-D surface with a small software
// renderer of its own (surface*.go, vectors and matrices from gonum's
// spatial/r3): f sampled on a 120×120 mesh (cached per Scene.Key and box),
// seen through an orthographic Options.Camera (azimuth, elevation, zoom;
// Matplotlib's −60°, 30° by default), its triangles filled with a z-buffer
// in bands of rows on all cores, coloured per vertex by the heat map's
// colour map (viridis on the same log1p scale, so the two views read
// alike) under ambient + diffuse light, with the contour view's levels
// drawn as lines on the surface. Heights are linear in f unless f is so
// skewed over the box that the median lies in the bottom 2 % of its range;
// then they use the colours' log1p scale and the f axis says "log scale"
// (Labels.LogScale). Values that are not finite leave holes. The axes box
// has back panes with grid lines and ticks along its front edges. The runs
// are drawn on the surface at their f: paths, dots, start rings, balls at
// the current points, end crosses, the gradient and update arrows, and the
// known minima, each depth-tested against the z-buffer with a small bias,
// so that a ridge hides what is behind it; a run leaving the box is cut at
// its edge and marked there (the axes never stretch to follow it). The
// Renderer caches the rendered surface with its z-buffer per camera, size
// and theme, and a playback frame copies it and draws only the runs.
// DataAt maps a pixel on the surface back to its (x, y) through the
// z-buffer. SVG and PDF draw the faces of a 60×60 mesh, the path segments
// and the markers back to front (painter's algorithm) as vector paths;
// PNG, GIF and the window are raster. A one-dimensional scene has no
// surface: the surface views fall back to the curve views (ViewCurve,
// ViewBoth).
package plotting
