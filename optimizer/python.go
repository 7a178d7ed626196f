package optimizer

import "strconv"

// PythonRule returns the update rule of config c as Python with NumPy: the
// lines that set its state up before the first step and the lines of one
// step, which read the gradient g and the point x (NumPy arrays) and assign
// x. The arithmetic is the rule's, in torch.optim's order, so that a script
// reproduces a run to rounding. The methods of gonum's optimize (cg, bfgs,
// lbfgs) have no such rule: PythonSupported says so, and their step is a
// line that raises NotImplementedError rather than a wrong update.
func PythonRule(c Config) (init, step []string) {
	r := newRule(c.withDefaults(2), nil)
	lr := py(c.LR)
	if !c.plain() {
		lr = "lr" // the script sets lr before each step: the schedule's rate or the line search's α
	}
	if p, ok := r.(interface {
		python(string) ([]string, []string)
	}); ok {
		return p.python(lr)
	}
	return nil, nil
}

func py(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

func (r *gdRule) python(lr string) ([]string, []string) {
	if r.maximize {
		return nil, []string{"x = x - " + lr + " * -g"}
	}
	return nil, []string{"x = x - " + lr + " * g"}
}

func (r *momentumRule) python(lr string) ([]string, []string) {
	step := []string{"b = g.copy() if b is None else b * " + py(r.mu) + " + " + py(r.damp) + " * g"}
	if r.nesterov {
		return []string{"b = None"}, append(step, "x = x - "+lr+" * (g + "+py(r.mu)+" * b)")
	}
	return []string{"b = None"}, append(step, "x = x - "+lr+" * b")
}

func (r *adagradRule) python(lr string) ([]string, []string) {
	return []string{"G = np.zeros_like(x)"},
		[]string{"G = G + g * g", "x = x - " + lr + " * (g / (np.sqrt(G) + " + py(r.eps) + "))"}
}

func (r *rmspropRule) python(lr string) ([]string, []string) {
	return []string{"s = np.zeros_like(x)"},
		[]string{"s = s * " + py(r.alpha) + " + " + py(1-r.alpha) + " * (g * g)",
			"x = x - " + lr + " * (g / (np.sqrt(s) + " + py(r.eps) + "))"}
}

func (r *adamRule) python(lr string) ([]string, []string) {
	return []string{"m = np.zeros_like(x)", "v = np.zeros_like(x)", "t = 0"},
		[]string{"t += 1",
			"m = m + " + py(1-r.b1) + " * (g - m)",
			"v = v * " + py(r.b2) + " + " + py(1-r.b2) + " * (g * g)",
			"x = x - " + lr + " / (1 - " + py(r.b1) + " ** t) * (m / (np.sqrt(v) / np.sqrt(1 - " + py(r.b2) + " ** t) + " + py(r.eps) + "))"}
}

func (r *bookMomentumRule) python(lr string) ([]string, []string) {
	return []string{"v = np.zeros_like(x)"},
		[]string{"v = " + py(r.mu) + " * v - " + lr + " * g", "x = x + v"}
}

func (r *bookNesterovRule) python(lr string) ([]string, []string) {
	return []string{"v = np.zeros_like(x)"},
		[]string{"v = v * " + py(r.mu) + " - " + lr + " * g", "x = x + (" + py(r.mu2) + " * v - " + nesterovLG(r, lr) + " * g)"}
}

func (r *bookAdagradRule) python(lr string) ([]string, []string) {
	return []string{"h = np.zeros_like(x)"},
		[]string{"h = h + g * g", "x = x - " + lr + " * g / (np.sqrt(h) + 1e-7)"}
}

func (r *bookRMSpropRule) python(lr string) ([]string, []string) {
	return []string{"h = np.zeros_like(x)"},
		[]string{"h = h * " + py(r.rho) + " + " + py(1-r.rho) + " * g * g", "x = x - " + lr + " * g / (np.sqrt(h) + 1e-7)"}
}

func (r *bookAdamRule) python(lr string) ([]string, []string) {
	return []string{"m = np.zeros_like(x)", "v = np.zeros_like(x)", "t = 0"},
		[]string{"t += 1",
			"lr_t = " + lr + " * np.sqrt(1.0 - " + py(r.b2) + " ** t) / (1.0 - " + py(r.b1) + " ** t)",
			"m = m + " + py(1-r.b1) + " * (g - m)",
			"v = v + " + py(1-r.b2) + " * (g * g - v)",
			"x = x - lr_t * m / (np.sqrt(v) + 1e-7)"}
}

// nesterovLG is the book's (1 + μ)·η as the script writes it: the number,
// or the product with the variable lr under a schedule.
func nesterovLG(r *bookNesterovRule, lr string) string {
	if lr == "lr" {
		return "((1 + " + py(r.mu) + ") * lr)"
	}
	return py(r.lg)
}

// python is Newton's step: it needs hessian(x), the exact Hessian as a
// 2×2 NumPy array (for a 1-D function only [0][0] is used), and solves the
// damped system with np.linalg.solve (the engine's explicit 2×2 solve
// agrees to rounding).
func (r *newtonRule) python(lr string) ([]string, []string) {
	return nil, []string{
		"H = hessian(x)[:x.size, :x.size] + " + py(r.lambda) + " * np.eye(x.size)",
		"if not np.all(np.isfinite(H)) or np.linalg.det(H) == 0:",
		"    break  # singular: the run stops",
		"x = x - " + lr + " * np.linalg.solve(H, g)",
	}
}
