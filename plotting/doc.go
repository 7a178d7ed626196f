// Package plotting owns the figures: it turns a Scene (a sampler of f, a view
// box, runs as plain point lists) into images and PNG/SVG/PDF/GIF files with
// gonum/plot. It imports neither Fyne nor the optimizer.
package plotting
