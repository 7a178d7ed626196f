package optimizer

import "gdlab/message"

// The optimizer's messages. Each key is its English template; the German
// texts are in assets/translations/optimizer.de.json.
var (
	// Config.Validate.
	msgDims             = message.Define("the function has %s variables: it may have 1 to %s")
	msgSampledGonum     = message.Define("%s takes steps on all the data with its line search: it cannot learn from mini-batches (use the whole data set as the batch)")
	msgStartLen         = message.Define("the start has %s coordinates, the function %s variables: give one number for each")
	msgStartCoord       = message.Define("start coordinate x[%s] = %s is not a finite number")
	msgUnknownMethod    = message.Define("unknown method %s: valid methods are %s")
	msgMethod           = message.Define("method %s: valid methods are %s")
	msgLR               = message.Define("lr %s: the learning rate must be a positive finite number")
	msgStartX           = message.Define("start x %s: must be a finite number")
	msgStartY           = message.Define("start y %s: must be a finite number")
	msgStepsNegative    = message.Define("steps %s: must be 0 or more")
	msgStepsTooMany     = message.Define("steps %s: at most %s steps are allowed")
	msgGradient         = message.Define("gradient %s: must be %s or %s")
	msgH                = message.Define("h %s: the numeric-gradient step must be a positive finite number")
	msgBound            = message.Define("bound %s: the divergence bound must be positive")
	msgTol              = message.Define("tol %s: the tolerance must be 0 (off) or a positive finite number")
	msgBatchRows        = message.Define("batch %s: the rows of a mini-batch must be 1 or more (0: no batch size of its own)")
	msgParam            = message.Define("%s %s: %s must be %s")
	msgConvention       = message.Define("convention %s: valid conventions are %s")
	msgBookDampening    = message.Define("dampening %s: the book's momentum has no dampening, so τ must be 0 or unset (or use the convention torch)")
	msgUnknownSchedule  = message.Define("unknown schedule %s: valid schedules are %s")
	msgBadSchedule      = message.Define("schedule %s: write %s")
	msgWarmup           = message.Define("warmup %s: must be 0 (none) or a whole number of steps ≥ 1")
	msgNoise            = message.Define("noise %s: σ must be 0 (none) or a positive finite number")
	msgLineSearch       = message.Define("line search %s: valid line searches are %s")
	msgNoLineSearch     = message.Define("line search %s: %s has none; only %s takes a line search")
	msgNoRateToSchedule = message.Define("schedule %s: %s has no learning rate to schedule (it chooses its steps by a line search)")
	msgNoRateToSearch   = message.Define("noise %s: %s needs exact gradients for its line search; noise goes with the methods that have a learning rate")

	// The worked step of a run learning from mini-batches: the note of its
	// gradient's line (Worked.Notes).
	msgWorkedBatch  = message.Define("B: mini-batch %s of epoch %s, %s of the %s rows 0…%s: %s")
	msgWorkedSample = message.Define("B: the sample of update %s")

	// ParseConvention.
	msgUnknownConvention = message.Define("unknown convention %s: valid conventions are %s")

	// Param.Range.
	msgRangeClosed     = message.Define("from %s to %s")
	msgRangeClosedOpen = message.Define("at least %s and below %s")
	msgRangeOpenClosed = message.Define("above %s and at most %s")
	msgRangeOpen       = message.Define("above %s and below %s")
	msgRangeAtLeast    = message.Define("a finite number ≥ %s")
	msgRangeAbove      = message.Define("a finite number > %s")
	msgRangeOrDefault  = message.Define("0 (the method's default) or %s")

	// Run.
	msgNoFunction       = message.Define("no function: the problem has no objective")
	msgNothingRun       = message.Define("nothing was run: %s")
	msgVerbatim         = message.Define("%s") // an error from outside the program, as it is
	msgPythonNoiseSteps = message.Define("a NumPy script of a noisy run holds the run's noise, one number per coordinate a step: %s steps are more than the %s it takes")
	msgArmijoFailed     = message.Define("step %s could not be taken: the Armijo line search found no step from %s that lowers f by at least c·α·‖∇f‖² (c = 1e-4) after %s halvings of η")
	msgSingular         = message.Define("step %s could not be taken: H + λI is singular at %s (determinant 0 or not finite), so Newton's step is undefined there; a damping λ > 0 makes it solvable")
	// A newton run that came to rest on a saddle or a maximum.
	msgNewtonSaddle = message.Define("Newton's step goes to the stationary point nearest in its quadratic model whatever its kind: here a saddle or a maximum, not a minimum")

	// The stability sentences of Analysis and PointAnalysis.
	msgSaddleSuffix   = message.Define("%s, but the surface curves downward in another direction (a saddle)")
	msgHessianInf     = message.Define("no critical lr: the Hessian is not finite at the %s")
	msgNoBowl         = message.Define("no critical lr: the function does not curve upward at the %s (%s %s), so there is no bowl to overshoot")
	msgNoHill         = message.Define("no critical lr: the function does not curve downward at the %s (%s %s), so there is no hill to overshoot")
	msgAdaptive       = message.Define("%s adapts its step size to the gradients, so it has no fixed critical lr; gd's would be %s here")
	msgLineSearchRate = message.Define("%s chooses each step size by a line search and has no learning rate, so no lr is critical; gd's critical lr would be %s here")
	wordCurrentPoint  = message.Define("current point")
	wordStartPoint    = message.Define("start point")
	wordEndPoint      = message.Define("end point")
	wordLargestEigen  = message.Define("largest Hessian eigenvalue")
	wordSmallestEigen = message.Define("smallest Hessian eigenvalue")
	wordSecondDeriv   = message.Define("f''")
)

// The words for a run's status and verdict, for the window and the CLI.
var (
	statusWords = map[Status]message.Kind{
		MaxSteps:  message.Define("max-steps"),
		Converged: message.Define("converged"),
		Diverged:  message.Define("diverged"),
		Singular:  message.Define("singular"),
		Failed:    message.Define("failed"),
		Cancelled: message.Define("cancelled"),
		Invalid:   message.Define("invalid"),
	}
	verdictWords = map[Verdict]message.Kind{
		VerdictConverged:   message.Define("converged"),
		VerdictSaddle:      message.Define("saddle"),
		VerdictOscillating: message.Define("oscillating"),
		VerdictDiverged:    message.Define("diverged"),
		VerdictSlow:        message.Define("slow"),
		VerdictPlateau:     message.Define("plateau"),
		VerdictUnsettled:   message.Define("unsettled"),
		VerdictInvalid:     message.Define("invalid"),
	}
	msgStatusAfter = message.Define("%s after %s steps")
	msgDivergedAt  = message.Define("diverged at step %s")
	msgWithVerdict = message.Define("%s (%s)")
)

// Word is the status as a translatable word.
func (s Status) Word() message.Message { return statusWords[s].New() }

// Word is the verdict as a translatable word.
func (v Verdict) Word() message.Message { return verdictWords[v].New() }

// Outcome is how a run ended in a few words: "max-steps after 100 steps
// (converged)", "diverged at step 70".
func (r Result) Outcome() message.Message {
	var m message.Message
	switch r.Status {
	case Diverged:
		m = msgDivergedAt.New(message.Int(r.DivergedAt))
	case MaxSteps, Converged, Singular, Failed:
		m = msgStatusAfter.New(message.Nested(r.Status.Word()), message.Int(r.Steps))
	default:
		m = r.Status.Word()
	}
	if r.Verdict != "" && string(r.Verdict) != string(r.Status) {
		m = msgWithVerdict.New(message.Nested(m), message.Nested(r.Verdict.Word()))
	}
	return m
}
