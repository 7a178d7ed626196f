package optimizer

import (
	"fmt"
	"strings"
)

// Method names an update rule. Every rule is the one documented for
// torch.optim with a constant learning rate η and no weight decay, so a run
// can be reproduced step for step in PyTorch. g is the gradient at the
// current point, t = 1, 2, … the step number; all state starts at zero.
type Method string

const (
	// GD is plain gradient descent (torch.optim.SGD):
	//	x ← x − η g
	GD Method = "gd"
	// Ascent is gradient ascent (torch.optim.SGD with maximize=True):
	//	x ← x + η g
	Ascent Method = "ascent"
	// Momentum is heavy-ball momentum (torch.optim.SGD, momentum=μ,
	// dampening 0), μ = Config.Momentum (default 0.9):
	//	b ← μ b + g
	//	x ← x − η b
	Momentum Method = "momentum"
	// Nesterov is torch's Nesterov momentum (torch.optim.SGD, nesterov=True),
	// μ = Config.Momentum (default 0.9):
	//	b ← μ b + g
	//	x ← x − η (g + μ b)
	Nesterov Method = "nesterov"
	// Adagrad is torch.optim.Adagrad (lr_decay 0, initial accumulator 0),
	// ε = Config.Eps (default 1e-10):
	//	G ← G + g²
	//	x ← x − η g / (√G + ε)
	Adagrad Method = "adagrad"
	// RMSProp is torch.optim.RMSprop (not centered, no momentum),
	// α = Config.Alpha (default 0.99), ε = Config.Eps (default 1e-8):
	//	s ← α s + (1 − α) g²
	//	x ← x − η g / (√s + ε)
	RMSProp Method = "rmsprop"
	// Adam is torch.optim.Adam (amsgrad off) with bias correction,
	// β1, β2 = Config.Beta1, Config.Beta2 (defaults 0.9, 0.999),
	// ε = Config.Eps (default 1e-8):
	//	m ← β1 m + (1 − β1) g
	//	v ← β2 v + (1 − β2) g²
	//	m̂ = m / (1 − β1^t),  v̂ = v / (1 − β2^t)
	//	x ← x − η m̂ / (√v̂ + ε)
	Adam Method = "adam"
)

// Methods lists every method in the order menus and help texts show them.
var Methods = []Method{GD, Ascent, Momentum, Nesterov, Adagrad, RMSProp, Adam}

// ParseMethod returns the method named s (case and surrounding spaces do not
// matter; "sgd" is accepted for gd and "rmsprop"'s torch spelling "RMSprop"
// too). The error lists the valid names.
func ParseMethod(s string) (Method, error) {
	name := strings.ToLower(strings.TrimSpace(s))
	if name == "sgd" {
		name = string(GD)
	}
	for _, m := range Methods {
		if string(m) == name {
			return m, nil
		}
	}
	return "", fmt.Errorf("unknown method %q: valid methods are %s", s, methodList())
}

// valid reports whether m is one of Methods.
func (m Method) valid() bool {
	for _, k := range Methods {
		if k == m {
			return true
		}
	}
	return false
}

// defaultEps is the torch default ε of m (0 for methods without one).
func (m Method) defaultEps() float64 {
	switch m {
	case Adagrad:
		return 1e-10
	case RMSProp, Adam:
		return 1e-8
	}
	return 0
}

func methodList() string {
	names := make([]string, len(Methods))
	for i, m := range Methods {
		names[i] = string(m)
	}
	return strings.Join(names, ", ")
}
