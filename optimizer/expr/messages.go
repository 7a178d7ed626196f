package expr

import "gdlab/message"

// The messages of the lexer and the parser. Each key is its English
// template; the German texts are in assets/translations/expr.de.json. The
// variable parts are typed arguments: a token is a nested message (see
// token.describe), a name is message.Text, a quoted piece of input
// message.Quote, a count message.Int, a character message.Text of its
// strconv.QuoteRune form, and an unknown name's hint a nested message.
var (
	// Error.Message: the column, then the message.
	msgColumn = message.Define("column %s: %s")

	// The tokens as the messages name them; a quoted token ("+", "sin") is
	// its quoted text, which reads the same in every language.
	wordEnd   = message.Define("the end of the input")
	msgNumber = message.Define("number %s")

	// The lexer's.
	msgBadChar        = message.Define("unexpected character %s: expected a number, x, y, a function, an operator (+ - * / ^ **) or a parenthesis")
	msgEquals         = message.Define(`unexpected "=": type only the right-hand side, e.g. x^2 + y^2`)
	msgSuperscript    = message.Define("unexpected character %s: write powers with ^, e.g. x^2")
	msgUnicodeMinus   = message.Define("unexpected character %s: expected the minus sign -")
	msgUnicodeTimes   = message.Define("unexpected character %s: expected the multiplication sign *")
	msgLonePoint      = message.Define(`malformed number ".": expected digits before or after the decimal point`)
	msgTwoPoints      = message.Define("malformed number %s: a number has at most one decimal point")
	msgPointInExp     = message.Define("malformed number %s: the exponent of a number must be a whole number")
	msgTwoExponents   = message.Define("malformed number %s: a number has at most one exponent")
	msgNumberTooLarge = message.Define("number %s is too large: expected at most about 1.8e308")

	// The parser's: the input as a whole.
	msgTooLong    = message.Define("the input is %s characters long: expected at most %s")
	msgEmpty      = message.Define("empty input: expected a function of x (and y), e.g. x^2 + y^2")
	msgNoVariable = message.Define("found no variable: the function must use x (and may use y)")
	msgTooDeep    = message.Define("the expression is nested more than %s levels deep: expected simpler nesting")

	// The parser's: a token where it does not fit.
	msgUnmatched        = message.Define(`unmatched ")": there is no "(" to close`)
	msgEmptyParens      = message.Define(`found ")" right after "(": expected an expression inside the parentheses`)
	msgIndexY           = message.Define(`found "[" after y: only x can be indexed (x[0] is x, x[1] is y)`)
	msgCallToken        = message.Define(`found "(" after %s: expected an operator (write * to multiply: x*(...))`)
	msgCallConstant     = message.Define(`found "(" after %s: expected an operator (write %s*( to multiply)`)
	msgMissingOperator  = message.Define("found %s after %s: expected an operator (+ - * / ^) or the end of the input")
	msgEndAfter         = message.Define(`unexpected end of input after %s: expected a number, x, y, a function or "("`)
	msgEnd              = message.Define(`unexpected end of input: expected a number, x, y, a function or "("`)
	msgAtStart          = message.Define(`found %s at the start: expected a number, x, y, a function or "("`)
	msgTwoOperators     = message.Define(`found %s after %s (two operators in a row): expected a number, x, y, a function or "("`)
	msgOperandAfter     = message.Define(`found %s after %s: expected a number, x, y, a function or "("`)
	msgOperand          = message.Define(`found %s: expected a number, x, y, a function or "("`)
	msgUnclosed         = message.Define(`missing ")": the "(" at column %s is never closed`)
	msgUnclosedJunk     = message.Define(`found %s after %s: expected an operator or ")" to close the "(" at column %s`)
	msgUnclosedCallJunk = message.Define(`found %s after %s: expected an operator, "," or ")" to close %s(`)
	msgUnclosedIndex    = message.Define(`found %s after "x[%s": expected "]"`)
	msgNoCallParen      = message.Define(`found %s after %s: expected "(" (functions are called like %s(x))`)

	// The parser's: the index of x[...].
	msgEmptyIndex    = message.Define(`found "]" right after "x[": expected an index, e.g. x[0]`)
	msgIndexNotConst = message.Define(`the index of x[%s] depends on a variable: expected a whole number, or an expression of the index of a sum such as x[i+1]`)
	msgIndexRange    = message.Define("found x[%s]: expected a whole number from 0 to %s as the index")
	msgIndexRangeAt  = message.Define("found x[%s], which is x[%s] here: expected a whole number from 0 to %s as the index")
	msgIndexOutside  = message.Define("%s is the index of the sum at column %s: it can be used only inside that sum")

	// The parser's: sum(EXPR, i, FIRST, LAST).
	msgSumIndex      = message.Define("found %s where sum expects the name of its index: write sum(EXPR, i, FIRST, LAST), e.g. sum(x[i]^2, i, 0, 9)")
	msgSumIndexJunk  = message.Define(`found %s after the index %s of sum: expected ","`)
	msgSumIndexClash = message.Define("%s cannot be the index of sum: it is already the name of %s")
	wordVariable     = message.Define("a variable")
	wordConstant     = message.Define("a constant")
	wordFunction     = message.Define("a function")
	wordOuterIndex   = message.Define("the index of an enclosing sum")
	msgSumBound      = message.Define("the bound %s of sum is not a whole number: expected an integer constant such as 0 or 9")
	msgSumOrder      = message.Define("sum from %s to %s: expected the last bound to be at least the first")
	msgSumTerms      = message.Define("sum from %s to %s has %s terms: expected at most %s")
	msgSumTooLarge   = message.Define("the sums written out are more than %s symbols long: expected fewer or shorter sums")

	// The parser's: the number of a function's arguments.
	msgTakes1None = message.Define("%s takes 1 argument, found none")
	msgTakesNNone = message.Define("%s takes %s arguments, found none")
	msgTakes1     = message.Define("%s takes 1 argument, found %s")
	msgTakesN     = message.Define("%s takes %s arguments, found %s")

	// The parser's: an unknown name, and the hint that follows it.
	msgUnknownName = message.Define("unknown name %s: %s")
	hintCase       = message.Define("did you mean %s? (names are case-sensitive)")
	hintJuxtaposed = message.Define("did you mean %s? (write * between variables)")
	hintLowerCase  = message.Define("did you mean %s? (names are lower case)")
	hintNear       = message.Define("did you mean %s?")
	hintVariables  = message.Define("the variables are x and y")
	hintFar        = message.Define("expected x, y, pi, e or a function such as sin")
)

// kinds lists every kind above, for the test of the translations.
var kinds = []message.Kind{
	msgColumn,
	wordEnd, msgNumber,
	msgBadChar, msgEquals, msgSuperscript, msgUnicodeMinus, msgUnicodeTimes,
	msgLonePoint, msgTwoPoints, msgPointInExp, msgTwoExponents, msgNumberTooLarge,
	msgTooLong, msgEmpty, msgNoVariable, msgTooDeep,
	msgUnmatched, msgEmptyParens, msgIndexY, msgCallToken, msgCallConstant,
	msgMissingOperator, msgEndAfter, msgEnd, msgAtStart, msgTwoOperators,
	msgOperandAfter, msgOperand, msgUnclosed, msgUnclosedJunk,
	msgUnclosedCallJunk, msgUnclosedIndex, msgNoCallParen,
	msgEmptyIndex, msgIndexNotConst, msgIndexRange, msgIndexRangeAt, msgIndexOutside,
	msgSumIndex, msgSumIndexJunk, msgSumIndexClash,
	wordVariable, wordConstant, wordFunction, wordOuterIndex,
	msgSumBound, msgSumOrder, msgSumTerms, msgSumTooLarge,
	msgTakes1None, msgTakesNNone, msgTakes1, msgTakesN,
	msgUnknownName, hintCase, hintJuxtaposed, hintLowerCase, hintNear,
	hintVariables, hintFar,
}

// takes is the message for a call of fn with found arguments where it takes
// arity.
func takes(fn string, arity, found int) message.Message {
	name := message.Text(fn)
	switch {
	case found == 0 && arity == 1:
		return msgTakes1None.New(name)
	case found == 0:
		return msgTakesNNone.New(name, message.Int(arity))
	case arity == 1:
		return msgTakes1.New(name, message.Int(found))
	}
	return msgTakesN.New(name, message.Int(arity), message.Int(found))
}
