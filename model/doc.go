// Package model holds what gradient descent learns from: data sets (built
// in and generated from a seed, or read from a CSV file), models whose
// parameters are learned, and the loss of a model over data as an objective
// of the optimizer (optimizer.ObjectiveN over the parameters).
//
// # Data
//
// A Data set has rows of inputs (one or two columns) and a target: a value
// for regression, a label 0 or 1 for classification. The built-in sets are
// generated from a seed with math/rand/v2's PCG (the same seed gives the
// same points on every machine):
//
//	line      50 points, y = 2x + 1 + N(0, 0.5²), x uniform in [0, 5]
//	parabola  50 points, y = 0.5x² − x + 1 + N(0, 0.3²), x uniform in [−3, 3]
//	blobs     100 points in 2-D, two Gaussian clusters (σ = 0.8) at (−1.5, −1), label 0, and (1.5, 1), label 1
//	moons     200 points, two interleaved half circles (scikit-learn's make_moons, noise 0.1)
//	circles   200 points, a circle of radius 0.5 (label 1) inside one of radius 1 (label 0), noise 0.08
//	xor       200 points uniform in [−1, 1]², label 1 where x1·x2 > 0
//
// # Models and their parameters
//
//	linear        ŷ = w·x + b                       parameters w (w1, w2 for two inputs), b
//	polynomial:D  ŷ = Σⱼ wⱼ xʲ, j = 0…D             parameters w0 … wD (one input)
//	logistic      p = σ(w·x + b)                    parameters as linear
//	mlp:H         p = σ(W2·σ(W1ᵀx + b1) + b2)       the book's two-layer network on two inputs:
//	                                                W1[i][j] (input i, hidden unit j), b1[j], W2[j], b2: 4H + 1
//
// # Losses
//
// As torch defines them, with mean reduction: the mean squared error
// mean((ŷ − y)²) for regression, the binary cross-entropy
// −mean(y·log p + (1 − y)·log(1 − p)) for classification, computed from
// the logit z as mean(softplus(z) − y·z), which is exact and finite for
// every finite z.
//
// The exact gradient is written by hand for each model (backpropagation
// for the mlp, as the book's TwoLayerNet.gradient). The Hessian is that of
// the quadratic for linear models under the squared error, and otherwise
// the central difference of the exact gradient (step 1e-5·max(1, |w|)),
// which the optimizer uses only for its stability analysis and Newton's
// method.
//
// # Errors
//
// Every error is a message.Message (message.As finds it), so the window
// shows it in its own language (assets/translations/model.de.json); its
// Error text is English. An error of a CSV file starts with the file and
// the line, "FILE:LINE: ", and names the column. An error about another
// error keeps it: a syntax error wraps encoding/csv's *csv.ParseError, and
// an error opening the file the file system's (errors.Is(err,
// fs.ErrNotExist)). Spec.Learn's error is a *SpecError that names the part
// of the Spec at fault.
package model
