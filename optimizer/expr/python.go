package expr

import (
	"strings"
	"unicode"
)

// pythonNames are the NumPy spellings of the language's names; sigmoid,
// relu, softplus and rpow are defined by the script's prelude (see
// PythonPrelude), with the same conventions as the language.
var pythonNames = map[string]string{
	"x": "x[0]", "y": "x[1]", "Inf": "np.inf", "NaN": "np.nan",
	"sin": "np.sin", "cos": "np.cos", "tan": "np.tan", "asin": "np.arcsin", "acos": "np.arccos",
	"atan": "np.arctan", "sinh": "np.sinh", "cosh": "np.cosh", "tanh": "np.tanh", "exp": "np.exp",
	"log": "np.log", "ln": "np.log", "log2": "np.log2", "log10": "np.log10", "sqrt": "np.sqrt",
	"abs": "np.abs", "sign": "np.sign", "sigmoid": "sigmoid", "relu": "relu", "softplus": "softplus",
	"min": "np.minimum", "max": "np.maximum", "atan2": "np.arctan2",
}

// PythonPrelude defines the functions of the language that NumPy lacks, with
// the language's conventions, for scripts that use Python.
const PythonPrelude = `def sigmoid(u):
    return 1 / (1 + np.exp(-u)) if u >= 0 else np.exp(u) / (1 + np.exp(u))


def relu(u):
    return u if u > 0 else 0.0 * u


def softplus(u):
    return u + np.log1p(np.exp(-u)) if u > 0 else np.log1p(np.exp(u))
`

// Python returns f as a NumPy expression of the vector x (x[0] for x, x[1]
// for y, x[2] ... as they are), printed from the parsed tree (its Key) with ^ as **: the same
// precedence and associativity, so no parentheses change. Functions become
// NumPy's (or the prelude's, PythonPrelude). Powers with a fractional
// exponent of a negative base are NaN in NumPy, where the language takes
// the real root (x^(1/3)): scripts of such functions differ there.
func (f *Func) Python() string {
	key := f.key
	if i := strings.Index(key, " ["); i >= 0 { // the mark of a variable folded away
		key = key[:i]
	}
	var b strings.Builder
	rs := []rune(key)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case r == '^':
			b.WriteString("**")
			i++
		case unicode.IsLetter(r) && !isExponent(rs, i):
			j := i
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j])) {
				j++
			}
			name := string(rs[i:j])
			if py, ok := pythonNames[name]; ok && !(name == "x" && j < len(rs) && rs[j] == '[') {
				name = py
			}
			b.WriteString(name)
			i = j
		default:
			b.WriteRune(r)
			i++
		}
	}
	return b.String()
}

// isExponent reports whether the letter at rs[i] is the e of a number's
// exponent (1e-05), not a name.
func isExponent(rs []rune, i int) bool {
	return rs[i] == 'e' && i > 0 && (unicode.IsDigit(rs[i-1]) || rs[i-1] == '.') &&
		i+1 < len(rs) && (unicode.IsDigit(rs[i+1]) || rs[i+1] == '-' || rs[i+1] == '+')
}
