package expr

import (
	"math"
	"strconv"
	"strings"

	"gdlab/message"
)

const (
	// MaxDims is the largest dimension of a function: its variables are
	// x[0] … x[MaxDims-1].
	MaxDims = 64
	// MaxSumTerms is the largest number of terms of one sum.
	MaxSumTerms = 64
	// maxSumWork bounds the tokens parsed in expanding the sums of one
	// input (nested sums multiply their bodies).
	maxSumWork = 1 << 15
	// maxBound bounds the magnitude of a sum's bounds.
	maxBound = 1 << 20
)

// binding is the index of a sum being expanded and its current value.
type binding struct {
	name string
	val  int
}

// variable is the variable x[i], recorded for the dimension.
func (p *parser) variable(i int) *node {
	p.maxVar = max(p.maxVar, i)
	return varNode(i)
}

// lookup returns the value of the index name of an enclosing sum.
func (p *parser) lookup(name string) (int, bool) {
	for i := len(p.env) - 1; i >= 0; i-- {
		if p.env[i].name == name {
			return p.env[i].val, true
		}
	}
	return 0, false
}

// text is the input from the token at a up to the token at b (exclusive),
// trimmed.
func (p *parser) text(a, b token) string {
	return strings.TrimSpace(string(p.rs[a.col-1 : b.col-1]))
}

// index parses the [expr] after x: an expression of numbers and the indices
// of enclosing sums whose value is a whole number from 0 to MaxDims-1.
func (p *parser) index() (*node, *Error) {
	open := p.next() // [
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	first := p.peek()
	if first.kind == tRBracket {
		return nil, p.errAt(first, msgEmptyIndex.New())
	}
	saved := p.maxVar
	e, err := p.expr()
	if err != nil {
		return nil, err
	}
	c := p.peek()
	text := p.text(first, c)
	if c.kind != tRBracket {
		return nil, p.errAt(c, msgUnclosedIndex.New(c.describe(), message.Text(text)))
	}
	p.next()
	p.maxVar = saved
	if e.k != kConst {
		return nil, p.errAt(first, msgIndexNotConst.New(message.Text(text)))
	}
	v := e.c
	if v != math.Trunc(v) || v < 0 || v >= MaxDims {
		value := strconv.FormatFloat(v, 'g', -1, 64)
		if value == text {
			return nil, p.errAt(first, msgIndexRange.New(message.Text(text), message.Int(MaxDims-1)))
		}
		return nil, p.errAt(first, msgIndexRangeAt.New(message.Text(text), message.Text(value), message.Int(MaxDims-1)))
	}
	return p.variable(int(v)), nil
}

// sumIndices finds the index names of the sums in toks (the name after the
// first top-level comma of sum(...)), each with the column of its first sum,
// to explain an index used outside its sum.
func sumIndices(toks []token) map[string]int {
	var out map[string]int
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != tIdent || toks[i].text != "sum" || toks[i+1].kind != tLParen {
			continue
		}
		commas, _ := scanArgs(toks, i+2)
		if len(commas) == 0 || toks[commas[0]+1].kind != tIdent {
			continue
		}
		if out == nil {
			out = make(map[string]int)
		}
		if _, seen := out[toks[commas[0]+1].text]; !seen {
			out[toks[commas[0]+1].text] = toks[i].col
		}
	}
	return out
}

// scanArgs finds, from the token at start (just after an opening
// parenthesis), the top-level commas and the closing parenthesis (close is
// -1 if the input ends first).
func scanArgs(toks []token, start int) (commas []int, close int) {
	depth := 0
	for i := start; i < len(toks); i++ {
		switch toks[i].kind {
		case tLParen, tLBracket:
			depth++
		case tRBracket:
			depth--
		case tRParen:
			if depth == 0 {
				return commas, i
			}
			depth--
		case tComma:
			if depth == 0 {
				commas = append(commas, i)
			}
		case tEOF:
			return commas, -1
		}
	}
	return commas, -1
}

// sum parses sum(EXPR, i, A, B), the sum of EXPR for i from A to B, into
// the tree of the sum written out: EXPR is parsed once per value of i.
func (p *parser) sum(fn token) (*node, *Error) {
	open := p.peek()
	if open.kind != tLParen {
		return nil, p.errAt(open, msgNoCallParen.New(open.describe(), message.Text(fn.text), message.Text(fn.text)))
	}
	p.next()
	if err := p.enter(open); err != nil {
		return nil, err
	}
	defer p.leave()
	body := p.i
	commas, end, err := p.sumShape(open)
	if err != nil {
		return nil, err
	}
	name := p.toks[commas[0]+1].text
	if err := p.checkIndexName(p.toks[commas[0]+1]); err != nil {
		return nil, err
	}
	p.i = commas[1] + 1
	first, last := p.peek(), p.toks[commas[2]+1]
	a, err := p.bound(commas[2])
	if err != nil {
		return nil, err
	}
	b, err := p.bound(end)
	if err != nil {
		return nil, err
	}
	if a > b {
		return nil, p.errAt(last, msgSumOrder.New(message.Int(a), message.Int(b)))
	}
	if b-a+1 > MaxSumTerms {
		return nil, p.errAt(first, msgSumTerms.New(message.Int(a), message.Int(b), message.Int(b-a+1), message.Int(MaxSumTerms)))
	}
	if p.work += (b - a + 1) * (commas[0] - body); p.work > maxSumWork {
		return nil, p.errAt(fn, msgSumTooLarge.New(message.Int(maxSumWork)))
	}
	var acc *node
	for v := a; v <= b; v++ {
		p.i = body
		p.env = append(p.env, binding{name, v})
		term, err := p.expr()
		p.env = p.env[:len(p.env)-1]
		if err != nil {
			return nil, err
		}
		if p.i != commas[0] {
			return nil, p.junkInSum()
		}
		if acc == nil {
			acc = term
		} else {
			acc = binNode(kAdd, acc, term)
		}
	}
	p.i = end + 1
	return acc, nil
}

// sumShape checks that the sum opened at open has four arguments, the
// second a name, and returns the positions of its commas and of its ")".
func (p *parser) sumShape(open token) ([]int, int, *Error) {
	commas, end := scanArgs(p.toks, p.i)
	switch {
	case end < 0:
		return nil, 0, p.errAt(p.toks[len(p.toks)-1], msgUnclosed.New(message.Int(open.col)))
	case end == p.i:
		return nil, 0, p.errAt(p.toks[end], takes("sum", 4, 0))
	case len(commas) > 3:
		return nil, 0, p.errAt(p.toks[commas[3]], takes("sum", 4, len(commas)+1))
	case len(commas) < 3:
		return nil, 0, p.errAt(p.toks[end], takes("sum", 4, len(commas)+1))
	}
	if t := p.toks[commas[0]+1]; t.kind != tIdent {
		return nil, 0, p.errAt(t, msgSumIndex.New(t.describe()))
	}
	if commas[1] != commas[0]+2 {
		t := p.toks[commas[0]+2]
		return nil, 0, p.errAt(t, msgSumIndexJunk.New(t.describe(), message.Text(p.toks[commas[0]+1].text)))
	}
	return commas, end, nil
}

// checkIndexName refuses an index named like a variable, a constant, a
// function or the index of an enclosing sum.
func (p *parser) checkIndexName(t token) *Error {
	what := wordFunction
	_, unary := unaryFuncs[t.text]
	_, binary := binaryFuncs[t.text]
	_, constant := constants[t.text]
	_, outer := p.lookup(t.text)
	switch {
	case t.text == "x" || t.text == "y":
		what = wordVariable
	case constant:
		what = wordConstant
	case outer:
		what = wordOuterIndex
	case !unary && !binary && t.text != "sum":
		return nil
	}
	return p.errAt(t, msgSumIndexClash.New(message.Text(t.text), message.Word(what)))
}

// bound parses a bound of a sum, which ends at the token at end: a whole
// number (an expression of numbers and the indices of enclosing sums).
func (p *parser) bound(end int) (int, *Error) {
	start := p.peek()
	saved := p.maxVar
	e, err := p.expr()
	if err != nil {
		return 0, err
	}
	if p.i != end {
		return 0, p.junkInSum()
	}
	p.maxVar = saved
	p.next() // the comma or ")"
	if e.k != kConst || e.c != math.Trunc(e.c) || math.Abs(e.c) > maxBound {
		return 0, p.errAt(start, msgSumBound.New(message.Text(p.text(start, p.toks[end]))))
	}
	return int(e.c), nil
}

// junkInSum reports the token after an argument of sum that ends too early.
func (p *parser) junkInSum() *Error {
	t := p.peek()
	return p.errAt(t, msgUnclosedCallJunk.New(t.describe(), p.prev().describe(), message.Text("sum")))
}
