// Package lesson owns the lesson files of Gradient Descent Lab: a function,
// one to eight runs and a paragraph for the class, as JSON. It reads them
// strictly (Parse, Load, LoadFile), writes them atomically (Save), turns them
// into an optimizer.Problem and optimizer.Configs, and serves the built-in pack.
//
// # The file format
//
// One lesson per file, a JSON object (UTF-8; a leading byte-order mark is
// ignored; at most 1 MiB):
//
//	{
//	  "format": "gdlab-lesson/1",
//	  "title": "Learning rate too large",
//	  "text": "One paragraph for the class: what to look at, what to try.",
//	  "function": "x^2 + y^2",
//	  "box": [-5, 5, -5, 5],
//	  "steps": 100,
//	  "speed": 10,
//	  "runs": [
//	    {"method": "gd", "lr": 1, "start": [3, 2]},
//	    {"method": "gd", "lr": 1.1, "start": [3, 2], "gradient": "numeric", "h": 0.0001}
//	  ],
//	  "stops": [
//	    {"step": 3, "text": "What will the next step do?"}
//	  ]
//	}
//
// The fields:
//
//   - format (required): always "gdlab-lesson/1".
//   - title (required): a short name for the lessons menu, at most 200
//     characters.
//   - text: one paragraph shown next to the figure, at most 20,000
//     characters.
//   - function (required unless data is given): the function in the function language of
//     gdlab/optimizer/expr, e.g. "x^2 + y^2" or "x[0]**2 + x[1]**2".
//   - data (instead of function): the data a model learns from, whose
//     loss over the model's parameters the runs minimise: a built-in data
//     set, {"set": "moons", "seed": 2} (line, parabola, blobs, moons,
//     circles or xor; seed default 1), or the data itself,
//     {"columns": ["x", "label"], "rows": [[-2, 0], [1.5, 1], …]}, a row
//     per point with a value per column, the inputs first and the target
//     last (a target called "label" is a class, 0 or 1). With either, the
//     optional "model" (linear, polynomial:D, logistic or mlp:H; default
//     linear for values, logistic for labels), "batch" (rows per
//     mini-batch, shuffled every epoch; default all) and "test_fraction"
//     (the share of rows held out as a test set, between 0 and 1). The
//     runs' "start" is then the model's parameters; box is not used.
//   - box: the view [XMIN, XMAX, YMIN, YMAX], with XMIN < XMAX and YMIN < YMAX.
//     When it is absent and the function is one of the presets (the same
//     function once parsed, so "x**2+y**2" is the preset "x^2 + y^2"), the
//     preset's view is used, else the window chooses one.
//   - steps (required): the number of updates of every run, 0 to 10,000,000.
//   - speed: the playback speed in steps per second, 1 to 1000; absent means
//     the window's own choice.
//   - runs (required): 1 to 8 runs, all computed on the same function and
//     played in lockstep.
//   - stops: up to 50 pauses of the playback, each {"step": K, "text": …}
//     with K from 1 to steps, strictly increasing, and a text of 1 to 500
//     characters: playing reaches step K, pauses there and shows the text
//     (a question or a remark for the class) in large type until Space or
//     Play continues.
//
// Each run is an object with:
//
//   - method (required): gd, ascent, momentum, nesterov, adagrad, rmsprop or
//     adam (as optimizer.ParseMethod reads them);
//   - lr (required): the learning rate, a positive number;
//   - start (required): [x, y], or [x] for a function of x alone;
//   - gradient: "exact" (the default) or "numeric" (central difference);
//   - convention: "torch" (the default: torch.optim's update rules) or
//     "book" (the rules of Deep Learning from Scratch's common/optimizer.py);
//   - h: the numeric-gradient step, default 1e-4;
//   - bound: the divergence bound on |x| and |y|, default 1e6;
//   - tol: stop as converged when the gradient's length is at most tol
//     (default 0: off, every run makes all its steps);
//   - schedule: the learning-rate schedule, none (default), step:S:G,
//     exp:G, cosine:T[:MIN] or invsqrt, with torch.optim.lr_scheduler's
//     semantics (stepped after every update), and warmup: a linear warmup
//     over the first N updates (default 0: none);
//   - noise: σ of the N(0, σ²) noise added to every gradient coordinate
//     (default 0: none) and seed: its generator's seed, and that of the
//     run's mini-batches (default 1; the same seed gives the same run
//     everywhere);
//   - line_search: "armijo" for gd's backtracking line search from lr
//     (default none);
//   - batch: in a lesson with data, the rows of this run's mini-batches,
//     shuffled every epoch from its seed (default: the data's batch, else
//     all the rows), so that runs on 1, 8 and all the rows can be compared;
//   - the method's hyperparameters as the registry names them (run
//     gdlab methods for each method's list, defaults and valid ranges), each
//     a field of the run like the others: today momentum (μ, default 0.9; for
//     momentum and nesterov), dampening (τ, default 0; momentum), alpha
//     (rmsprop's α, 0.99), beta1 and beta2 (adam's β1 and β2, 0.9 and
//     0.999) and eps (ε, the method's torch default; 0 means that default;
//     adagrad, rmsprop and adam). A hyperparameter the method has no use for
//     is ignored, but must still be valid. A file is written with them after
//     the other fields, in the registry's order.
//
// Numbers are JSON numbers (1e-6 is fine; NaN and infinities cannot be
// written). Unknown fields are errors, so a misspelt "stpes" is reported
// instead of silently ignored; field names are matched regardless of case
// ("Steps" is "steps"), as encoding/json matches them. null counts as
// absent, except inside "start" and "box", where it is an error.
//
// # Errors
//
// Reading never panics and never half-applies a file: Parse, Load and
// LoadFile return a Lesson only when the whole file is valid. Their errors
// say where and what, for a person editing the file by hand:
//
//	line 5, column 12: "steps" must be a whole number, not a string
//	line 5, column 3: unknown field "stpes" (did you mean "steps"?)
//	line 7, column 50: run 1: unknown field "dampenin" (did you mean "dampening"?)
//	line 5, column 16: invalid character '/' looking for beginning of object key string (JSON has no comments)
//	line 9, column 1: unexpected end of the file: a closing }, ] or " is missing
//	function: column 7: unknown name "sni": did you mean sin?
//	run 2: lr -1: the learning rate must be a positive finite number
//	/home/ann/lesson.json does not exist
//
// Every error is a message.Message (message.As finds it), so the window
// shows it in its own language; its Error text is English. An error about
// another error keeps it: a function error wraps the *expr.Error, so
// errors.As finds its column and caret rendering, and an error opening or
// saving a file wraps the file system's, so errors.Is(err, fs.ErrNotExist)
// tells a missing file.
package lesson
