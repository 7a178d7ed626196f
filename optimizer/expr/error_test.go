package expr

import (
	"errors"
	"strings"
	"testing"

	"gdlab/message"
)

// errorCase is an input that does not parse: the column and the English
// message of its error.
type errorCase struct {
	name, src string
	col       int
	msg       string
}

// errorCases has one row per kind of error (TestErrors, TestErrorMessages).
func errorCases() []errorCase {
	long := "x" + strings.Repeat("+x", 500) // 1001 characters
	deep := strings.Repeat("(", 201) + "x" + strings.Repeat(")", 201)
	return append([]errorCase{
		{"empty", "", 1, "empty input: expected a function of x (and y), e.g. x^2 + y^2"},
		{"blank", "  \t", 1, "empty input: expected a function of x (and y), e.g. x^2 + y^2"},
		{"unexpected end", "x^2 +", 6, `unexpected end of input after "+": expected a number, x, y, a function or "("`},
		{"unknown function", "sni(x)", 1, `unknown name "sni": did you mean sin?`},
		{"unknown function 2", "x + sqr(y)", 5, `unknown name "sqr": did you mean sqrt?`},
		{"unknown long name", "x + sigmiod(y)", 5, `unknown name "sigmiod": did you mean sigmoid?`},
		{"unknown variable", "x + z", 5, `unknown name "z": the variables are x and y`},
		{"upper case variable", "X^2", 1, `unknown name "X": did you mean x? (names are case-sensitive)`},
		{"upper case function", "SIN(x)", 1, `unknown name "SIN": did you mean sin? (names are lower case)`},
		{"juxtaposed variables", "xy", 1, `unknown name "xy": did you mean x*y? (write * between variables)`},
		{"long unknown name", "x + abcdefghijklmnopqrstuvwxyz", 5, `unknown name "abcdefghijklmnopqrst...": expected x, y, pi, e or a function such as sin`},
		{"far unknown name", "banana", 1, `unknown name "banana": expected x, y, pi, e or a function such as sin`},
		{"too many arguments", "sin(x, y)", 6, "sin takes 1 argument, found 2"},
		{"too few arguments", "max(x)", 6, "max takes 2 arguments, found 1"},
		{"no arguments", "cos()", 5, "cos takes 1 argument, found none"},
		{"function without parentheses", "sin x", 5, `found "x" after sin: expected "(" (functions are called like sin(x))`},
		{"missing parenthesis", "(x+1", 5, `missing ")": the "(" at column 1 is never closed`},
		{"missing call parenthesis", "sin(x", 6, `missing ")": the "(" at column 4 is never closed`},
		{"extra parenthesis", "x+1)", 4, `unmatched ")": there is no "(" to close`},
		{"empty parentheses", "x*()", 4, `found ")" right after "(": expected an expression inside the parentheses`},
		{"two operators", "x + * y", 5, `found "*" after "+" (two operators in a row): expected a number, x, y, a function or "("`},
		{"operator at start", "*x", 1, `found "*" at the start: expected a number, x, y, a function or "("`},
		{"malformed number", "1.2.3x", 4, `malformed number "1.2.3": a number has at most one decimal point`},
		{"malformed exponent", "x^1e5.5", 6, `malformed number "1e5.5": the exponent of a number must be a whole number`},
		{"two exponents", "1e5e5*x", 4, `malformed number "1e5e5": a number has at most one exponent`},
		{"superscript", "x² + y", 2, `unexpected character '²': write powers with ^, e.g. x^2`},
		{"unicode minus", "x − y", 3, `unexpected character '−': expected the minus sign -`},
		{"unicode times", "2×x", 2, `unexpected character '×': expected the multiplication sign *`},
		{"lone point", "x + .", 5, `malformed number ".": expected digits before or after the decimal point`},
		{"huge number", "1e999x", 1, "number 1e999 is too large: expected at most about 1.8e308"},
		{"too long", long, 1001, "the input is 1001 characters long: expected at most 1000"},
		{"too deep", deep, 201, "the expression is nested more than 200 levels deep: expected simpler nesting"},
		{"no variable", "2 + 3", 1, "found no variable: the function must use x (and may use y)"},
		{"bad character", "x # y", 3, `unexpected character '#': expected a number, x, y, a function, an operator (+ - * / ^ **) or a parenthesis`},
		{"equation", "f = x^2", 3, `unexpected "=": type only the right-hand side, e.g. x^2 + y^2`},
		{"missing operator", "x y", 3, `found "y" after "x": expected an operator (+ - * / ^) or the end of the input`},
		{"two numbers", "2 3x", 3, `found number 3 after number 2: expected an operator (+ - * / ^) or the end of the input`},
		{"call a variable", "x(y+1)", 2, `found "(" after "x": expected an operator (write * to multiply: x*(...))`},
		{"call a constant", "pi(x)", 3, `found "(" after pi: expected an operator (write pi*( to multiply)`},
		{"bad index", "x[1.5]", 3, "found x[1.5]: expected a whole number from 0 to 63 as the index"},
		{"unclosed index", "x[0 1", 5, `found number 1 after "x[0": expected "]"`},
		{"index on y", "y[0]", 2, `found "[" after y: only x can be indexed (x[0] is x, x[1] is y)`},
		{"junk inside parentheses", "(x y)", 4, `found "y" after "x": expected an operator or ")" to close the "(" at column 1`},
		{"junk inside call", "sin(x y)", 7, `found "y" after "x": expected an operator, "," or ")" to close sin(`},
		{"runes count as columns", "é + x", 1, `unknown name "é": the variables are x and y`},
	}, ndimErrorCases()...)
}

// TestErrors checks the column and the message of every kind of error.
func TestErrors(t *testing.T) {
	for _, tc := range errorCases() {
		_, err := Parse(tc.src)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: Parse(%q) error = %v, want an *Error", tc.name, tc.src, err)
			continue
		}
		if msg := e.Msg.String(); e.Col != tc.col || msg != tc.msg || e.Input != tc.src {
			t.Errorf("%s: Parse(%q) = column %d %q, want column %d %q", tc.name, tc.src, e.Col, msg, tc.col, tc.msg)
		}
	}
}

// TestNestingLimit checks that exactly MaxDepth levels are accepted.
func TestNestingLimit(t *testing.T) {
	for _, src := range []string{
		strings.Repeat("(", MaxDepth) + "x" + strings.Repeat(")", MaxDepth),
		strings.Repeat("-", MaxDepth) + "x",
		strings.Repeat("ln(", MaxDepth) + "x" + strings.Repeat(")", MaxDepth),
	} {
		if _, err := Parse(src); err != nil {
			t.Errorf("Parse(%.20q...): %v", src, err)
		}
	}
	for _, src := range []string{
		strings.Repeat("-", MaxDepth+1) + "x",
		strings.Repeat("x^", MaxDepth+1) + "2",
		strings.Repeat("ln(", MaxDepth+1) + "x" + strings.Repeat(")", MaxDepth+1),
	} {
		_, err := Parse(src)
		var e *Error
		if !errors.As(err, &e) || !strings.Contains(e.Msg.String(), "nested more than 200 levels") {
			t.Errorf("Parse(%.20q...) = %v, want a nesting error", src, err)
		}
	}
	if _, err := Parse(strings.Repeat("x+", 499) + "x"); err != nil {
		t.Errorf("a long flat sum (999 characters): %v", err)
	}
}

// msgTest is the message of the errors of TestErrorRendering.
var msgTest = message.Define("m")

// TestErrorRendering checks Error() and the two-line Caret().
func TestErrorRendering(t *testing.T) {
	m := msgTest.New()
	for _, tc := range []struct {
		e           Error
		text, caret string
	}{
		{Error{"sni(x)", 1, m}, "column 1: m", "sni(x)\n^"},
		{Error{"x + * y", 5, m}, "column 5: m", "x + * y\n    ^"},
		{Error{"x^2 +", 6, m}, "column 6: m", "x^2 +\n     ^"},
		{Error{"\tx #", 4, m}, "column 4: m", "\tx #\n\t  ^"},
		{Error{"x\n+ #", 5, m}, "column 5: m", "x + #\n    ^"},
		{Error{"é + #", 5, m}, "column 5: m", "é + #\n    ^"},
	} {
		if got := tc.e.Error(); got != tc.text {
			t.Errorf("Error() = %q, want %q", got, tc.text)
		}
		if got := tc.e.Caret(); got != tc.caret {
			t.Errorf("Caret() = %q, want %q", got, tc.caret)
		}
	}
}

// TestEditDistance checks the distance behind the "did you mean" hints.
func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"sin", "sin", 0}, {"sni", "sin", 1}, {"sqr", "sqrt", 1}, {"", "abc", 3},
		{"kitten", "sitting", 3}, {"tnah", "tanh", 1}, {"ab", "ba", 1},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
