package optimizer

import "math"

// stepper holds the state of one method's update rule and computes the
// update u (so that x ← x + u) from the gradient g. The arithmetic follows
// torch.optim's single-tensor implementations operation by operation, so
// results agree with PyTorch's float64 runs to the last few bits.
type stepper struct {
	method                   Method
	lr, mu, alpha, b1, b2, e float64
	a, b                     [2]float64 // momentum buffer / accumulator / Adam's m and v
	t                        int        // steps taken so far
	bc1Done, bc2Done         bool       // Adam's bias corrections have reached 1
}

func newStepper(c Config) stepper {
	return stepper{method: c.Method, lr: c.LR, mu: c.Momentum, alpha: c.Alpha,
		b1: c.Beta1, b2: c.Beta2, e: c.eps()}
}

// step returns the update for gradient (g0, g1) and advances the state.
func (s *stepper) step(g0, g1 float64) (u0, u1 float64) {
	s.t++
	switch s.method {
	case GD:
		return -s.lr * g0, -s.lr * g1
	case Ascent:
		// torch's maximize=True negates the gradient before the SGD step.
		return -s.lr * -g0, -s.lr * -g1
	case Momentum, Nesterov:
		if s.t == 1 {
			s.a = [2]float64{g0, g1} // torch starts the buffer as a copy of g
		} else {
			s.a[0] = s.a[0]*s.mu + g0
			s.a[1] = s.a[1]*s.mu + g1
		}
		if s.method == Momentum {
			return -s.lr * s.a[0], -s.lr * s.a[1]
		}
		return -s.lr * (g0 + s.mu*s.a[0]), -s.lr * (g1 + s.mu*s.a[1])
	case Adagrad:
		s.a[0] += g0 * g0
		s.a[1] += g1 * g1
		return -s.lr * (g0 / (math.Sqrt(s.a[0]) + s.e)), -s.lr * (g1 / (math.Sqrt(s.a[1]) + s.e))
	case RMSProp:
		s.a[0] = s.a[0]*s.alpha + (1-s.alpha)*(g0*g0)
		s.a[1] = s.a[1]*s.alpha + (1-s.alpha)*(g1*g1)
		return -s.lr * (g0 / (math.Sqrt(s.a[0]) + s.e)), -s.lr * (g1 / (math.Sqrt(s.a[1]) + s.e))
	case Adam:
		w := 1 - s.b1
		s.a[0] = lerp(s.a[0], g0, w)
		s.a[1] = lerp(s.a[1], g1, w)
		s.b[0] = s.b[0]*s.b2 + (1-s.b2)*(g0*g0)
		s.b[1] = s.b[1]*s.b2 + (1-s.b2)*(g1*g1)
		// Once 1 − β^t rounds to 1 it stays 1: skip the (then subnormal
		// and slow) powers.
		bc1, bc2 := 1.0, 1.0
		if !s.bc1Done {
			bc1 = 1 - math.Pow(s.b1, float64(s.t))
			s.bc1Done = bc1 == 1
		}
		if !s.bc2Done {
			bc2 = 1 - math.Pow(s.b2, float64(s.t))
			s.bc2Done = bc2 == 1
			bc2 = math.Sqrt(bc2)
		}
		size := s.lr / bc1
		d0 := math.Sqrt(s.b[0])/bc2 + s.e
		d1 := math.Sqrt(s.b[1])/bc2 + s.e
		return -size * (s.a[0] / d0), -size * (s.a[1] / d1)
	}
	return 0, 0
}

// lerp is torch's lerp (a + w(b − a), computed from the nearer end), which
// torch.optim.Adam uses for m ← β1 m + (1 − β1) g.
func lerp(a, b, w float64) float64 {
	if math.Abs(w) < 0.5 {
		return a + w*(b-a)
	}
	return b - (b-a)*(1-w)
}
