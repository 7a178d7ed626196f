// Package plotting owns the figures: it turns a Scene (a sampler of f, a view
// box, runs as plain point lists) into images and PNG/SVG/PDF/GIF files with
// gonum/plot. It imports neither Fyne nor the optimizer.
//
// Views: contour (viridis heat map on a log-like scale under log-spaced
// contour lines, trajectories in Okabe–Ito colours), loss (linear or log,
// decimated per pixel column, exploding runs clipped), curve (f(x) with the
// points and the tangent) and both. A Renderer caches the expensive
// background per Scene.Key, box, size, DPI and scale, and draws only the runs
// over a copy of it per frame; it is safe for concurrent use.
package plotting
