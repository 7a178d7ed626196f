// Package optimizer owns the numerics of a gradient-descent run: the update
// rules (gd, ascent, momentum, nesterov, adagrad, rmsprop, adam, exactly as
// torch.optim documents them; newton; cg, bfgs and lbfgs from gonum's
// optimize, each major iteration one step), the run engine with its stop
// rules and trajectory, run sets, verdicts, the stability analysis and the
// presets.
// It knows nothing of windows or figures.
package optimizer
