package optimizer

import "gdlab/message"

// The reasons of the verdicts stalled, escaping and noisy, and their
// words. The German texts are in assets/translations/verdicts.de.json.
var (
	msgStallRounds  = message.Define("the numeric gradient is %s here although the exact gradient is %s: with h = %s and x as large as %s, x + h rounds to x, so f(x + h) − f(x − h) is 0 and the run cannot move")
	msgStallTiny    = message.Define("the numeric gradient is %s here although the exact gradient is %s: h = %s is so small next to x (as large as %s) that rounding wipes out the difference f(x + h) − f(x − h)")
	msgEscaping     = message.Define("f keeps falling while |x| grows from %s to %s, and no minimum is in reach: the run heads off to infinity")
	msgNoisy        = message.Define("the gradient noise (σ = %s) keeps shaking the steps: over the last %s steps x stayed about %s from their mean point, without settling")
	msgNoisyBatches = message.Define("each mini-batch pulls the steps its own way: over the last %s steps x stayed about %s from their mean point, without settling")
)

func init() {
	verdictWords[VerdictStalled] = message.Define("stalled")
	verdictWords[VerdictEscaping] = message.Define("escaping")
	verdictWords[VerdictNoisy] = message.Define("noisy")
}
