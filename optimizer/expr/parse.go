package expr

import (
	"strconv"
	"unicode/utf8"
)

const (
	// MaxLen is the longest input Parse accepts, in characters (runes).
	MaxLen = 1000
	// MaxDepth is the deepest nesting Parse accepts: each parenthesis,
	// function call, sign and power exponent is one level.
	MaxDepth = 200
)

// expectOperand is the tail of messages where an operand is missing.
const expectOperand = `expected a number, x, y, a function or "("`

// parser is a recursive-descent parser over the tokens of one input.
//
// Grammar (lowest precedence first):
//
//	expr    = term { ("+" | "-") term }
//	term    = unary { ("*" | "/") unary | implicit unary }
//	unary   = ("-" | "+") unary | power
//	power   = primary [ ("^" | "**") unary ]     (right-associative)
//	primary = number | x | y | x[0] | x[1] | pi | e | name "(" args ")" | "(" expr ")"
//
// implicit multiplication applies when the previous token is a number or ")"
// and the next one starts a name or "(": 2x, 3(x+1), (x+1)(x-1), 2sin(x).
type parser struct {
	src          string
	toks         []token
	i            int
	depth        int
	usesX, usesY bool
}

// Parse compiles src into a Func. Errors are always *Error.
func Parse(src string) (*Func, error) {
	n, dims, err := parse(src)
	if err != nil {
		return nil, err
	}
	return newFunc(src, dims, n), nil
}

// parse parses src into a simplified tree and its dimension.
func parse(src string) (*node, int, *Error) {
	if n := utf8.RuneCountInString(src); n > MaxLen {
		return nil, 0, errorAt(src, MaxLen+1, "the input is "+strconv.Itoa(n)+
			" characters long: expected at most "+strconv.Itoa(MaxLen))
	}
	rs := []rune(src)
	toks, err := lex(src, rs)
	if err != nil {
		return nil, 0, err
	}
	if toks[0].kind == tEOF {
		return nil, 0, errorAt(src, 1, "empty input: expected a function of x (and y), e.g. x^2 + y^2")
	}
	p := &parser{src: src, toks: toks}
	root, err := p.expr()
	if err != nil {
		return nil, 0, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, 0, p.errAt(t, `unmatched ")": there is no "(" to close`)
		}
		if t.kind == tLParen {
			return nil, 0, p.errAt(t, `found "(" after `+p.prev().describe()+
				": expected an operator (write * to multiply: x*(...))")
		}
		return nil, 0, p.errAt(t, "found "+t.describe()+" after "+p.prev().describe()+
			": expected an operator (+ - * / ^) or the end of the input")
	}
	switch {
	case p.usesY:
		return root, 2, nil
	case p.usesX:
		return root, 1, nil
	}
	return nil, 0, errorAt(src, 1, "found no variable: the function must use x (and may use y)")
}

func (p *parser) peek() token { return p.toks[p.i] }

func (p *parser) next() token {
	t := p.toks[p.i]
	if t.kind != tEOF {
		p.i++
	}
	return t
}

// prev returns the token before the current one (the first token if none).
func (p *parser) prev() token {
	if p.i == 0 {
		return p.toks[0]
	}
	return p.toks[p.i-1]
}

func (p *parser) errAt(t token, msg string) *Error { return errorAt(p.src, t.col, msg) }

func (p *parser) isOp(ops ...string) bool {
	t := p.peek()
	if t.kind != tOp {
		return false
	}
	for _, op := range ops {
		if t.text == op {
			return true
		}
	}
	return false
}

// enter counts one nesting level opened at t; leave must follow.
func (p *parser) enter(t token) *Error {
	p.depth++
	if p.depth > MaxDepth {
		return p.errAt(t, "the expression is nested more than "+strconv.Itoa(MaxDepth)+
			" levels deep: expected simpler nesting")
	}
	return nil
}

func (p *parser) leave() { p.depth-- }

func (p *parser) expr() (*node, *Error) {
	left, err := p.term()
	if err != nil {
		return nil, err
	}
	for p.isOp("+", "-") {
		op := p.next()
		right, err := p.term()
		if err != nil {
			return nil, err
		}
		if op.text == "+" {
			left = binNode(kAdd, left, right)
		} else {
			left = binNode(kSub, left, right)
		}
	}
	return left, nil
}

// implicit reports whether the next token is multiplied implicitly.
func (p *parser) implicit() bool {
	prev, t := p.prev().kind, p.peek().kind
	return (prev == tNum || prev == tRParen) && (t == tIdent || t == tLParen)
}

func (p *parser) term() (*node, *Error) {
	left, err := p.unary()
	if err != nil {
		return nil, err
	}
	for {
		k := kMul
		switch {
		case p.isOp("*"):
			p.next()
		case p.isOp("/"):
			p.next()
			k = kDiv
		case p.implicit():
		default:
			return left, nil
		}
		right, err := p.unary()
		if err != nil {
			return nil, err
		}
		left = binNode(k, left, right)
	}
}

func (p *parser) unary() (*node, *Error) {
	if !p.isOp("-", "+") {
		return p.power()
	}
	op := p.next()
	if err := p.enter(op); err != nil {
		return nil, err
	}
	defer p.leave()
	a, err := p.unary()
	if err != nil {
		return nil, err
	}
	if op.text == "-" {
		return negNode(a), nil
	}
	return a, nil
}

func (p *parser) power() (*node, *Error) {
	base, err := p.primary()
	if err != nil {
		return nil, err
	}
	if !p.isOp("^", "**") {
		return base, nil
	}
	op := p.next()
	if err := p.enter(op); err != nil {
		return nil, err
	}
	defer p.leave()
	exp, err := p.unary()
	if err != nil {
		return nil, err
	}
	return powNode(base, exp), nil
}

// missingOperand reports the token t found where an operand was expected.
func (p *parser) missingOperand(t token) *Error {
	after := ""
	if p.i > 0 {
		after = " after " + p.prev().describe()
	}
	switch t.kind {
	case tEOF:
		return p.errAt(t, "unexpected end of input"+after+": "+expectOperand)
	case tRParen:
		if p.i > 0 && p.prev().kind == tLParen {
			return p.errAt(t, `found ")" right after "(": expected an expression inside the parentheses`)
		}
	case tOp:
		if p.i == 0 {
			return p.errAt(t, "found "+t.describe()+" at the start: "+expectOperand)
		}
		if p.prev().kind == tOp {
			return p.errAt(t, "found "+t.describe()+after+" (two operators in a row): "+expectOperand)
		}
	}
	return p.errAt(t, "found "+t.describe()+after+": "+expectOperand)
}

func (p *parser) primary() (*node, *Error) {
	t := p.peek()
	switch t.kind {
	case tNum:
		p.next()
		return constNode(t.num), nil
	case tLParen:
		p.next()
		if err := p.enter(t); err != nil {
			return nil, err
		}
		defer p.leave()
		if p.peek().kind == tRParen {
			return nil, p.missingOperand(p.peek())
		}
		e, err := p.expr()
		if err != nil {
			return nil, err
		}
		if err := p.closeParen(t); err != nil {
			return nil, err
		}
		return e, nil
	case tIdent:
		p.next()
		return p.name(t)
	}
	return nil, p.missingOperand(t)
}

// closeParen consumes the ")" that closes the "(" open at open.
func (p *parser) closeParen(open token) *Error {
	t := p.peek()
	switch t.kind {
	case tRParen:
		p.next()
		return nil
	case tEOF:
		return p.errAt(t, `missing ")": the "(" at column `+strconv.Itoa(open.col)+" is never closed")
	}
	return p.errAt(t, "found "+t.describe()+" after "+p.prev().describe()+
		`: expected an operator or ")" to close the "(" at column `+strconv.Itoa(open.col))
}

// name resolves the identifier t: a variable, a constant or a function call.
func (p *parser) name(t token) (*node, *Error) {
	switch t.text {
	case "x":
		p.usesX = true
		if p.peek().kind == tLBracket {
			return p.index(t)
		}
		return &node{k: kX}, nil
	case "y":
		p.usesY = true
		if p.peek().kind == tLBracket {
			return nil, p.errAt(p.peek(), `found "[" after y: only x can be indexed (x[0] is x, x[1] is y)`)
		}
		return &node{k: kY}, nil
	}
	if c, ok := constants[t.text]; ok {
		if p.peek().kind == tLParen {
			return nil, p.errAt(p.peek(), `found "(" after `+t.text+": expected an operator (write "+t.text+"*( to multiply)")
		}
		return constNode(c), nil
	}
	fn, unary := unaryFuncs[t.text]
	bk, binary := binaryFuncs[t.text]
	if !unary && !binary {
		return nil, p.errAt(t, "unknown name "+strconv.Quote(shorten(t.text))+": "+suggest(t.text))
	}
	arity := 1
	if binary {
		arity = 2
	}
	args, err := p.args(t, arity)
	if err != nil {
		return nil, err
	}
	if unary {
		return callNode(fn, args[0]), nil
	}
	if bk == kPow {
		return powNode(args[0], args[1]), nil
	}
	return binNode(bk, args[0], args[1]), nil
}

// index parses the [0] or [1] after x (the NumPy spelling of x and y).
func (p *parser) index(x token) (*node, *Error) {
	p.next() // [
	t := p.next()
	if t.kind != tNum || (t.text != "0" && t.text != "1") {
		return nil, p.errAt(t, "found "+t.describe()+` after "x[": expected x[0] or x[1]`)
	}
	if c := p.peek(); c.kind != tRBracket {
		return nil, p.errAt(c, "found "+c.describe()+` after "x[`+t.text+`": expected "]"`)
	}
	p.next()
	if t.text == "1" {
		p.usesY = true
		return &node{k: kY}, nil
	}
	return &node{k: kX}, nil
}

// args parses the parenthesised, comma-separated arguments of the function
// named by fn and checks their number.
func (p *parser) args(fn token, arity int) ([]*node, *Error) {
	open := p.peek()
	if open.kind != tLParen {
		return nil, p.errAt(open, "found "+open.describe()+" after "+fn.text+
			`: expected "(" (functions are called like `+fn.text+"(x))")
	}
	p.next()
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	plural := func(n int) string {
		if n == 1 {
			return "1 argument"
		}
		return strconv.Itoa(n) + " arguments"
	}
	if c := p.peek(); c.kind == tRParen {
		return nil, p.errAt(c, fn.text+" takes "+plural(arity)+", found none")
	}
	var args []*node
	var extra token // the first comma past the last allowed argument (kind tEOF until seen)
	for {
		a, err := p.expr()
		if err != nil {
			return nil, err
		}
		args = append(args, a)
		if p.peek().kind != tComma {
			break
		}
		if len(args) == arity && extra.kind == tEOF {
			extra = p.peek()
		}
		p.next()
	}
	if err := p.closeParen(open); err != nil {
		if t := p.peek(); t.kind != tEOF {
			err.Msg = "found " + t.describe() + " after " + p.prev().describe() +
				`: expected an operator, "," or ")" to close ` + fn.text + "("
		}
		return nil, err
	}
	switch {
	case len(args) > arity:
		return nil, p.errAt(extra, fn.text+" takes "+plural(arity)+", found "+strconv.Itoa(len(args)))
	case len(args) < arity:
		return nil, p.errAt(p.prev(), fn.text+" takes "+plural(arity)+", found "+strconv.Itoa(len(args)))
	}
	return args, nil
}

// shorten cuts a name longer than 24 characters for an error message.
func shorten(s string) string {
	if utf8.RuneCountInString(s) <= 24 {
		return s
	}
	return string([]rune(s)[:20]) + "..."
}
