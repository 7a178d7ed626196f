package expr

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"gdlab/message"
)

// Error is a problem in the text of a function: where it is and what is wrong.
// Parse returns only errors of this type.
type Error struct {
	Input string          // the whole input
	Col   int             // 1-based column (in runes) where the problem is
	Msg   message.Message // what was found and what was expected, e.g. `unknown name "sni": did you mean sin?`
}

// Error returns "column N: " followed by the message, in English.
func (e *Error) Error() string {
	return "column " + strconv.Itoa(e.Col) + ": " + e.Msg.String()
}

// Message is the error as a message, "column N: " and Msg, to be rendered
// in any language; its English text is Error().
func (e *Error) Message() message.Message {
	return msgColumn.New(message.Int(e.Col), message.Nested(e.Msg))
}

// Unwrap returns Message, so that message.As and message.Of find the
// error's message in a chain of errors.
func (e *Error) Unwrap() error { return e.Message() }

// Caret renders the error in two lines: the input, then a caret (^) under
// column Col. Tabs before the column are repeated in the second line so the
// caret stays aligned; line breaks in the input are shown as spaces so the
// rendering is always exactly two lines.
func (e *Error) Caret() string {
	var line, mark strings.Builder
	col := 1
	for _, r := range e.Input {
		if col < e.Col {
			if r == '\t' {
				mark.WriteByte('\t')
			} else {
				mark.WriteByte(' ')
			}
		}
		if r == '\n' || r == '\r' || r == '\v' || r == '\f' {
			r = ' '
		}
		line.WriteRune(r)
		col++
	}
	for ; col < e.Col; col++ { // a column past the end of the input
		mark.WriteByte(' ')
	}
	mark.WriteByte('^')
	return line.String() + "\n" + mark.String()
}

// errorAt builds an *Error for input at the 1-based rune column col.
func errorAt(input string, col int, msg message.Message) *Error {
	n := utf8.RuneCountInString(input)
	if col < 1 {
		col = 1
	}
	if col > n+1 {
		col = n + 1
	}
	return &Error{Input: input, Col: col, Msg: msg}
}

// suggest returns the hint for an unknown name: "did you mean sin?" for a
// near-miss of a function or constant name (by edit distance, with adjacent
// transpositions counting as one edit), a reminder of the variables for other
// single letters, or what a name may be when nothing is close.
func suggest(name string) message.Message {
	low := strings.ToLower(name)
	if low == "x" || low == "y" {
		return hintCase.New(message.Text(low))
	}
	if isXYWord(low) {
		parts := strings.Split(low, "")
		return hintJuxtaposed.New(message.Text(strings.Join(parts, "*")))
	}
	best, bestD := "", 1<<30
	consider := func(cand string) {
		d := editDistance(low, cand)
		if d < bestD || (d == bestD && cand < best) {
			best, bestD = cand, d
		}
	}
	for n := range unaryFuncs {
		consider(n)
	}
	for n := range binaryFuncs {
		consider(n)
	}
	for n := range constants {
		consider(n)
	}
	consider("sum")
	limit := 1
	if utf8.RuneCountInString(low) > 4 {
		limit = 2
	}
	if bestD == 0 {
		return hintLowerCase.New(message.Text(best))
	}
	if bestD <= limit && utf8.RuneCountInString(low) > 1 {
		return hintNear.New(message.Text(best))
	}
	if utf8.RuneCountInString(low) == 1 {
		return hintVariables.New()
	}
	return hintFar.New()
}

// isXYWord reports whether s is two or more letters, each x or y ("xy", "xxy").
func isXYWord(s string) bool {
	if len(s) < 2 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] != 'x' && s[i] != 'y' {
			return false
		}
	}
	return true
}

// editDistance is the optimal-string-alignment distance between a and b:
// insertions, deletions, substitutions and swaps of adjacent runes cost 1.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 { // names that long are never near a function name
		return len(ra)
	}
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
