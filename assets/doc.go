// Package assets holds the files embedded into Gradient Descent Lab: the
// application icon (drawn by internal/genicon via go generate), the built-in
// lessons and the translations. It imports no GUI toolkit.
package assets
