package expr

import (
	"errors"
	"strconv"
	"unicode"

	"gdlab/message"
)

// tokKind is the kind of a token.
type tokKind int

const (
	tEOF tokKind = iota
	tNum
	tIdent
	tOp // + - * / ^ **
	tLParen
	tRParen
	tLBracket
	tRBracket
	tComma
)

// token is one lexical unit of the input, with its 1-based rune column.
type token struct {
	kind tokKind
	text string
	num  float64
	col  int
}

// describe names a token for an error message: `"+"`, `number 2.5`,
// `"sin"`, `the end of the input`. A quoted token reads the same in every
// language; the others are nested messages.
func (t token) describe() message.Arg {
	switch t.kind {
	case tEOF:
		return message.Word(wordEnd)
	case tNum:
		return message.Nested(msgNumber.New(message.Text(t.text)))
	}
	return message.Text(strconv.Quote(t.text))
}

// lex splits the runes of src into tokens, ending with a tEOF token.
func lex(src string, rs []rune) ([]token, *Error) {
	var toks []token
	i := 0
	for i < len(rs) {
		r := rs[i]
		col := i + 1
		switch {
		case unicode.IsSpace(r):
			i++
		case isDigit(r) || r == '.':
			t, next, err := lexNumber(src, rs, i)
			if err != nil {
				return nil, err
			}
			toks = append(toks, t)
			i = next
		case unicode.IsLetter(r) || r == '_':
			j := i + 1
			for j < len(rs) && (unicode.IsLetter(rs[j]) || unicode.IsDigit(rs[j]) || rs[j] == '_') {
				j++
			}
			toks = append(toks, token{kind: tIdent, text: string(rs[i:j]), col: col})
			i = j
		case r == '*' && i+1 < len(rs) && rs[i+1] == '*':
			toks = append(toks, token{kind: tOp, text: "**", col: col})
			i += 2
		case r == '+' || r == '-' || r == '*' || r == '/' || r == '^':
			toks = append(toks, token{kind: tOp, text: string(r), col: col})
			i++
		case r == '(':
			toks = append(toks, token{kind: tLParen, text: "(", col: col})
			i++
		case r == ')':
			toks = append(toks, token{kind: tRParen, text: ")", col: col})
			i++
		case r == '[':
			toks = append(toks, token{kind: tLBracket, text: "[", col: col})
			i++
		case r == ']':
			toks = append(toks, token{kind: tRBracket, text: "]", col: col})
			i++
		case r == ',':
			toks = append(toks, token{kind: tComma, text: ",", col: col})
			i++
		default:
			c := message.Text(strconv.QuoteRune(r))
			msg := msgBadChar.New(c)
			switch r {
			case '=':
				msg = msgEquals.New()
			case '²', '³':
				msg = msgSuperscript.New(c)
			case '−', '–':
				msg = msgUnicodeMinus.New(c)
			case '×', '·', '⋅':
				msg = msgUnicodeTimes.New(c)
			}
			return nil, errorAt(src, col, msg)
		}
	}
	toks = append(toks, token{kind: tEOF, col: len(rs) + 1})
	return toks, nil
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// lexNumber reads a number starting at rs[i]: digits, an optional decimal
// point with digits, and an optional exponent (e or E, an optional sign and
// digits). An e not followed by digits is not part of the number, so 2e is 2*e
// and 2exp(x) is 2*exp(x).
func lexNumber(src string, rs []rune, i int) (token, int, *Error) {
	start := i
	digits := 0
	for i < len(rs) && isDigit(rs[i]) {
		i++
		digits++
	}
	if i < len(rs) && rs[i] == '.' {
		i++
		for i < len(rs) && isDigit(rs[i]) {
			i++
			digits++
		}
	}
	if digits == 0 {
		return token{}, 0, errorAt(src, start+1, msgLonePoint.New())
	}
	exponent := exponentAt(rs, i)
	if exponent {
		i++ // e or E
		if rs[i] == '+' || rs[i] == '-' {
			i++
		}
		for i < len(rs) && isDigit(rs[i]) {
			i++
		}
	}
	if i < len(rs) && (rs[i] == '.' || exponent && exponentAt(rs, i)) {
		end := i
		for end < len(rs) && (isDigit(rs[end]) || rs[end] == '.' || rs[end] == 'e' || rs[end] == 'E') {
			end++
		}
		kind := msgTwoPoints
		switch {
		case exponent && rs[i] == '.':
			kind = msgPointInExp
		case exponent:
			kind = msgTwoExponents
		}
		return token{}, 0, errorAt(src, i+1, kind.New(message.Quote(string(rs[start:end]))))
	}
	text := string(rs[start:i])
	v, err := strconv.ParseFloat(text, 64)
	if err != nil {
		var ne *strconv.NumError
		if !errors.As(err, &ne) || ne.Err != strconv.ErrRange || v != 0 {
			return token{}, 0, errorAt(src, start+1, msgNumberTooLarge.New(message.Text(text)))
		}
		// An underflow to zero (1e-400) is accepted as 0.
	}
	return token{kind: tNum, text: text, num: v, col: start + 1}, i, nil
}

// exponentAt reports whether an exponent (e or E, an optional sign, a digit)
// starts at rs[i].
func exponentAt(rs []rune, i int) bool {
	if i >= len(rs) || (rs[i] != 'e' && rs[i] != 'E') {
		return false
	}
	i++
	if i < len(rs) && (rs[i] == '+' || rs[i] == '-') {
		i++
	}
	return i < len(rs) && isDigit(rs[i])
}
