// Package session holds the runs being computed and played back: the one
// owner of the run list, the player clock and the frames to draw. It is
// plain Go (no Fyne) and safe for use from any goroutine: the window calls
// it on the main goroutine, the optimizer's goroutines report progress into
// it, and its own player goroutine turns every change into at most one Frame
// per frameInterval (about 60 Hz) — never one per optimizer step.
//
// A run list is a list of Items (settings and visibility). Editing an item
// marks the session stale (State.Stale) until the next computation; adding,
// removing or replacing runs computes at once. A Frame carries an immutable
// State snapshot for the widgets and the plotting.Scene to render.
package session
