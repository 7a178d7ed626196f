package expr

import "math"

// unaryFunc describes a function of one argument by its value and its first
// and second derivatives. d1 and d2 return the value too, so the compiled
// gradient and Hessian closures evaluate each function once per call.
type unaryFunc struct {
	name string
	f    func(u float64) float64
	d1   func(u float64) (f, df float64)
	d2   func(u float64) (f, df, ddf float64)
}

// binaryFuncs lists the functions of two arguments; they are compiled by
// dedicated code in the compilers (see node kinds kMin, kMax, kPow, kAtan2).
var binaryFuncs = map[string]kind{
	"min":   kMin,
	"max":   kMax,
	"pow":   kPow,
	"atan2": kAtan2,
}

// binaryOrder is the order in which Names lists the functions of two arguments.
var binaryOrder = []string{"min", "max", "pow", "atan2"}

// unaryOrder is the order in which Names lists the functions of one argument.
var unaryOrder = []string{
	"sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh",
	"exp", "log", "ln", "log2", "log10", "sqrt", "abs", "sign",
	"sigmoid", "relu", "softplus",
}

// constants are the named constants of the language.
var constants = map[string]float64{
	"pi": math.Pi,
	"e":  math.E,
}

// Names returns the names of the functions of the language, the functions of
// one argument first, then those of two (min max pow atan2), for help texts.
// The slice is a fresh copy that the caller may modify.
func Names() []string {
	out := make([]string, 0, len(unaryOrder)+len(binaryOrder))
	out = append(out, unaryOrder...)
	return append(out, binaryOrder...)
}

const (
	ln2  = math.Ln2
	ln10 = math.Ln10
)

// sign returns -1, 0 or +1 (NaN for NaN).
func sign(u float64) float64 {
	switch {
	case u > 0:
		return 1
	case u < 0:
		return -1
	case u == 0:
		return 0
	}
	return math.NaN()
}

// sigmoid is the logistic function 1/(1+e^-u), computed without overflow.
func sigmoid(u float64) float64 {
	if u >= 0 {
		return 1 / (1 + math.Exp(-u))
	}
	z := math.Exp(u)
	return z / (1 + z)
}

// softplus is log(1+e^u), computed without overflow.
func softplus(u float64) float64 {
	if u > 0 {
		return u + math.Log1p(math.Exp(-u))
	}
	return math.Log1p(math.Exp(u))
}

// relu is max(u, 0); relu(NaN) is NaN.
func relu(u float64) float64 {
	if u > 0 {
		return u
	}
	if u <= 0 {
		return 0
	}
	return u
}

// step is the derivative convention shared by relu: 1 for u > 0, 0 for u <= 0
// (the one-sided value from the left at the kink, as PyTorch does), NaN for NaN.
func step(u float64) float64 {
	if u > 0 {
		return 1
	}
	if u <= 0 {
		return 0
	}
	return u
}

// unaryFuncs holds the functions of one argument.
//
// Conventions at kinks (one-sided or subgradient values, as PyTorch):
//   - abs'(0) = 0 (the subgradient sign(0)); abs” = 0 everywhere.
//   - relu'(0) = 0 (the derivative from the left); relu” = 0 everywhere.
//   - sign' = 0 everywhere, including at 0 where sign jumps.
//
// Outside their domain the functions give NaN or ±Inf (log(-1) = NaN,
// log(0) = -Inf, sqrt'(0) = +Inf), never a panic.
var unaryFuncs = map[string]*unaryFunc{
	"sin": {f: math.Sin,
		d1: func(u float64) (float64, float64) { s, c := math.Sincos(u); return s, c },
		d2: func(u float64) (float64, float64, float64) { s, c := math.Sincos(u); return s, c, -s }},
	"cos": {f: math.Cos,
		d1: func(u float64) (float64, float64) { s, c := math.Sincos(u); return c, -s },
		d2: func(u float64) (float64, float64, float64) { s, c := math.Sincos(u); return c, -s, -c }},
	"tan": {f: math.Tan,
		d1: func(u float64) (float64, float64) { t := math.Tan(u); return t, 1 + t*t },
		d2: func(u float64) (float64, float64, float64) {
			t := math.Tan(u)
			d := 1 + t*t
			return t, d, 2 * t * d
		}},
	"asin": {f: math.Asin,
		d1: func(u float64) (float64, float64) { return math.Asin(u), 1 / math.Sqrt(1-u*u) },
		d2: func(u float64) (float64, float64, float64) {
			w := 1 - u*u
			d := 1 / math.Sqrt(w)
			return math.Asin(u), d, u * d / w
		}},
	"acos": {f: math.Acos,
		d1: func(u float64) (float64, float64) { return math.Acos(u), -1 / math.Sqrt(1-u*u) },
		d2: func(u float64) (float64, float64, float64) {
			w := 1 - u*u
			d := 1 / math.Sqrt(w)
			return math.Acos(u), -d, -u * d / w
		}},
	"atan": {f: math.Atan,
		d1: func(u float64) (float64, float64) { return math.Atan(u), 1 / (1 + u*u) },
		d2: func(u float64) (float64, float64, float64) {
			d := 1 / (1 + u*u)
			return math.Atan(u), d, -2 * u * d * d
		}},
	"sinh": {f: math.Sinh,
		d1: func(u float64) (float64, float64) { return math.Sinh(u), math.Cosh(u) },
		d2: func(u float64) (float64, float64, float64) { s := math.Sinh(u); return s, math.Cosh(u), s }},
	"cosh": {f: math.Cosh,
		d1: func(u float64) (float64, float64) { return math.Cosh(u), math.Sinh(u) },
		d2: func(u float64) (float64, float64, float64) { c := math.Cosh(u); return c, math.Sinh(u), c }},
	"tanh": {f: math.Tanh,
		d1: func(u float64) (float64, float64) { t := math.Tanh(u); return t, 1 - t*t },
		d2: func(u float64) (float64, float64, float64) {
			t := math.Tanh(u)
			d := 1 - t*t
			return t, d, -2 * t * d
		}},
	"exp": {f: math.Exp,
		d1: func(u float64) (float64, float64) { v := math.Exp(u); return v, v },
		d2: func(u float64) (float64, float64, float64) { v := math.Exp(u); return v, v, v }},
	"log": {f: math.Log,
		d1: func(u float64) (float64, float64) { return math.Log(u), 1 / u },
		d2: func(u float64) (float64, float64, float64) { return math.Log(u), 1 / u, -1 / (u * u) }},
	"log2": {f: math.Log2,
		d1: func(u float64) (float64, float64) { return math.Log2(u), 1 / (u * ln2) },
		d2: func(u float64) (float64, float64, float64) {
			return math.Log2(u), 1 / (u * ln2), -1 / (u * u * ln2)
		}},
	"log10": {f: math.Log10,
		d1: func(u float64) (float64, float64) { return math.Log10(u), 1 / (u * ln10) },
		d2: func(u float64) (float64, float64, float64) {
			return math.Log10(u), 1 / (u * ln10), -1 / (u * u * ln10)
		}},
	"sqrt": {f: math.Sqrt,
		d1: func(u float64) (float64, float64) { s := math.Sqrt(u); return s, 0.5 / s },
		d2: func(u float64) (float64, float64, float64) {
			s := math.Sqrt(u)
			return s, 0.5 / s, -0.25 / (s * u)
		}},
	"abs": {f: math.Abs,
		d1: func(u float64) (float64, float64) { return math.Abs(u), sign(u) },
		d2: func(u float64) (float64, float64, float64) { return math.Abs(u), sign(u), 0 }},
	"sign": {f: sign,
		d1: func(u float64) (float64, float64) { return sign(u), 0 },
		d2: func(u float64) (float64, float64, float64) { return sign(u), 0, 0 }},
	"sigmoid": {f: sigmoid,
		d1: func(u float64) (float64, float64) { s := sigmoid(u); return s, s * (1 - s) },
		d2: func(u float64) (float64, float64, float64) {
			s := sigmoid(u)
			d := s * (1 - s)
			return s, d, d * (1 - 2*s)
		}},
	"relu": {f: relu,
		d1: func(u float64) (float64, float64) { return relu(u), step(u) },
		d2: func(u float64) (float64, float64, float64) { return relu(u), step(u), 0 }},
	"softplus": {f: softplus,
		d1: func(u float64) (float64, float64) { return softplus(u), sigmoid(u) },
		d2: func(u float64) (float64, float64, float64) {
			s := sigmoid(u)
			return softplus(u), s, s * (1 - s)
		}},
}

func init() {
	for name, f := range unaryFuncs {
		f.name = name
	}
	ln := *unaryFuncs["log"]
	ln.name = "ln"
	unaryFuncs["ln"] = &ln
}
