// Package app owns the Gradient Descent Lab window: the form where a person
// types a function and the run settings, the figure that shows the trajectory
// live, and the hand-off of frames from worker goroutines to the UI. It is the
// only package that imports Fyne.
package app
