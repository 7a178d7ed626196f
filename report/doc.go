// Package report writes the optimizer's runs for people and programs: the
// CSV layouts of the command line (every run of a set, one after another)
// and of the window's iterate export (one run with its updates), from one
// writer, and the number formats that the command line's outputs share.
//
// It is plain Go (no Fyne, no cgo), so the command line and the window use
// the same code and tests run without a display.
package report
