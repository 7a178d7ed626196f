package report

import (
	"strconv"
	"strings"
)

// Exact is v as CSV and JSON write it: the shortest text that reads back as
// exactly v ("0.1", "1e-08", "2.4000000000000004", "NaN", "+Inf").
func Exact(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Text is v as the command line's text output shows it: at most 10
// significant digits, so that rounding noise in the last digits of a
// computed value does not show (2.4000000000000004 is "2.4"). A computed
// rate inside a sentence is shown by message.Num instead.
func Text(v float64) string { return strconv.FormatFloat(v, 'g', 10, 64) }

// Vector is a point or a gradient in the text output's form: "(3, 2)", or
// "(3)" for a function of x alone.
func Vector(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = Text(x)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
