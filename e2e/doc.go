// Package e2e checks the real gdlab binary as a person uses it: it starts the
// window under Xvfb, types and clicks with xdotool, takes screenshots with
// ImageMagick and closes the window through the window manager protocol.
// The tests need the e2e build tag and the binary's path (-binary).
package e2e
