package expr

import (
	"unicode/utf8"

	"gdlab/message"
)

const (
	// MaxLen is the longest input Parse accepts, in characters (runes).
	MaxLen = 1000
	// MaxDepth is the deepest nesting Parse accepts: each parenthesis,
	// function call, sign and power exponent is one level.
	MaxDepth = 200
)

// parser is a recursive-descent parser over the tokens of one input.
//
// Grammar (lowest precedence first):
//
//	expr    = term { ("+" | "-") term }
//	term    = unary { ("*" | "/") unary | implicit unary }
//	unary   = ("-" | "+") unary | power
//	power   = primary [ ("^" | "**") unary ]     (right-associative)
//	primary = number | x | y | x "[" expr "]" | pi | e | index | sum | name "(" args ")" | "(" expr ")"
//	sum     = "sum" "(" expr "," index "," expr "," expr ")"
//
// The expression of an index x[...] and the bounds of a sum must fold to
// constants (they may use the indices of enclosing sums). A sum is expanded
// while parsing: its body is parsed once per value of its index, with the
// index bound to that value (see parser.sum).
//
// implicit multiplication applies when the previous token is a number or ")"
// and the next one starts a name or "(": 2x, 3(x+1), (x+1)(x-1), 2sin(x).
type parser struct {
	src     string
	rs      []rune
	toks    []token
	i       int
	depth   int
	maxVar  int            // the highest index of a variable used, -1 for none
	env     []binding      // the indices of the sums being expanded, innermost last
	work    int            // the tokens parsed in expanding sums (see maxSumWork)
	indices map[string]int // the index names of the sums of the input: the column of the first such sum
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
		return nil, 0, errorAt(src, MaxLen+1, msgTooLong.New(message.Int(n), message.Int(MaxLen)))
	}
	rs := []rune(src)
	toks, err := lex(src, rs)
	if err != nil {
		return nil, 0, err
	}
	if toks[0].kind == tEOF {
		return nil, 0, errorAt(src, 1, msgEmpty.New())
	}
	p := &parser{src: src, rs: rs, toks: toks, maxVar: -1, indices: sumIndices(toks)}
	root, err := p.expr()
	if err != nil {
		return nil, 0, err
	}
	if t := p.peek(); t.kind != tEOF {
		if t.kind == tRParen {
			return nil, 0, p.errAt(t, msgUnmatched.New())
		}
		if t.kind == tLParen {
			return nil, 0, p.errAt(t, msgCallToken.New(p.prev().describe()))
		}
		return nil, 0, p.errAt(t, msgMissingOperator.New(t.describe(), p.prev().describe()))
	}
	if p.maxVar < 0 {
		return nil, 0, errorAt(src, 1, msgNoVariable.New())
	}
	return root, p.maxVar + 1, nil
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

func (p *parser) errAt(t token, msg message.Message) *Error { return errorAt(p.src, t.col, msg) }

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
		return p.errAt(t, msgTooDeep.New(message.Int(MaxDepth)))
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
	if p.i == 0 {
		switch t.kind {
		case tEOF:
			return p.errAt(t, msgEnd.New())
		case tOp:
			return p.errAt(t, msgAtStart.New(t.describe()))
		}
		return p.errAt(t, msgOperand.New(t.describe()))
	}
	after := p.prev().describe()
	switch t.kind {
	case tEOF:
		return p.errAt(t, msgEndAfter.New(after))
	case tRParen:
		if p.prev().kind == tLParen {
			return p.errAt(t, msgEmptyParens.New())
		}
	case tOp:
		if p.prev().kind == tOp {
			return p.errAt(t, msgTwoOperators.New(t.describe(), after))
		}
	}
	return p.errAt(t, msgOperandAfter.New(t.describe(), after))
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
		return p.errAt(t, msgUnclosed.New(message.Int(open.col)))
	}
	return p.errAt(t, msgUnclosedJunk.New(t.describe(), p.prev().describe(), message.Int(open.col)))
}

// name resolves the identifier t: a variable, a constant or a function call.
func (p *parser) name(t token) (*node, *Error) {
	switch t.text {
	case "x":
		if p.peek().kind == tLBracket {
			return p.index()
		}
		return p.variable(0), nil
	case "y":
		if p.peek().kind == tLBracket {
			return nil, p.errAt(p.peek(), msgIndexY.New())
		}
		return p.variable(1), nil
	case "sum":
		return p.sum(t)
	}
	c, ok := constants[t.text]
	if v, bound := p.lookup(t.text); bound {
		c, ok = float64(v), true
	}
	if ok {
		if p.peek().kind == tLParen {
			return nil, p.errAt(p.peek(), msgCallConstant.New(message.Text(t.text), message.Text(t.text)))
		}
		return constNode(c), nil
	}
	fn, unary := unaryFuncs[t.text]
	bk, binary := binaryFuncs[t.text]
	if !unary && !binary {
		if col, ok := p.indices[t.text]; ok {
			return nil, p.errAt(t, msgIndexOutside.New(message.Text(t.text), message.Int(col)))
		}
		return nil, p.errAt(t, msgUnknownName.New(message.Quote(shorten(t.text)), message.Nested(suggest(t.text))))
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

// args parses the parenthesised, comma-separated arguments of the function
// named by fn and checks their number.
func (p *parser) args(fn token, arity int) ([]*node, *Error) {
	open := p.peek()
	if open.kind != tLParen {
		return nil, p.errAt(open, msgNoCallParen.New(open.describe(), message.Text(fn.text), message.Text(fn.text)))
	}
	p.next()
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	if c := p.peek(); c.kind == tRParen {
		return nil, p.errAt(c, takes(fn.text, arity, 0))
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
			err.Msg = msgUnclosedCallJunk.New(t.describe(), p.prev().describe(), message.Text(fn.text))
		}
		return nil, err
	}
	switch {
	case len(args) > arity:
		return nil, p.errAt(extra, takes(fn.text, arity, len(args)))
	case len(args) < arity:
		return nil, p.errAt(p.prev(), takes(fn.text, arity, len(args)))
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
