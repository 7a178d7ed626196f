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
package plotting
