package optimizer

import "gdlab/message"

// The stability sentences: local facts about one point, never a promise
// about the whole run. The German texts are in
// assets/translations/stability.de.json.
var (
	msgShrink       = message.Define("here, steps along the steepest direction shrink: lr %s is below the critical %s")
	msgNeutral      = message.Define("here, steps along the steepest direction neither grow nor shrink: lr %s is the critical rate")
	msgGrow         = message.Define("here, steps along the steepest direction grow: lr %s is above the critical %s")
	msgNotSmooth    = message.Define("no critical lr: f is not smooth at the %s (a kink or a tip, as of abs, relu, min, max or a cone), so it has no Hessian there")
	msgOverflow     = message.Define("no critical lr: f overflows at the %s (its value is too large for a float64)")
	msgNoneCritical = message.Define("no critical lr: with these settings no learning rate makes the steps along the steepest direction grow")
	msgDomain       = message.Define("no critical lr: f is not defined at the %s, which lies outside the function's domain")
)
