package optimizer

import (
	"strings"
	"unicode"
)

// WrapEntries is the most entries of a vector one line of a wrapped
// worked step writes (Worked.Wrapped): a longer vector goes on in rows of
// this many.
const WrapEntries = 6

// Wrapped is the worked step as lines to print. A line of Lines in which
// no vector (no bracket) has more than WrapEntries entries is kept as it
// is; a longer one is written in full over several lines: broken before
// each = and ≈ of the formula, before each +, − or / followed by a term
// that holds such a vector, and inside each such vector after every
// WrapEntries entries (a matrix of more rows after every row), each
// continuation indented under what it continues. Nothing is cut: the
// lines of one formula, joined with single spaces, read as the formula.
func (w Worked) Wrapped() []string {
	var out []string
	for _, l := range w.Lines {
		out = append(out, wrapFormula(l)...)
	}
	return out
}

// formula is a line of a worked step with its brackets matched.
type formula struct {
	r       []rune
	entries []int // the entries of the group opened at rune i (0: not an opening bracket)
	depth   []int // the brackets open around rune i (an opening bracket not counted)
}

// parseFormula matches the brackets of s; ok is false when they do not
// balance (the line is then kept as it is).
func parseFormula(s string) (f formula, ok bool) {
	r := []rune(s)
	f = formula{r: r, entries: make([]int, len(r)), depth: make([]int, len(r))}
	var open []int
	for i, c := range r {
		f.depth[i] = len(open)
		switch c {
		case '(', '[':
			open = append(open, i)
			f.entries[i] = 1
		case ')', ']':
			if len(open) == 0 {
				return f, false
			}
			open = open[:len(open)-1]
			f.depth[i] = len(open)
		case ',':
			if len(open) > 0 {
				f.entries[open[len(open)-1]]++
			}
		}
	}
	return f, len(open) == 0
}

// long reports whether r[a:b] holds a group of more than WrapEntries
// entries.
func (f formula) long(a, b int) bool {
	for i := a; i < b; i++ {
		if f.entries[i] > WrapEntries {
			return true
		}
	}
	return false
}

// cut splits r[a:b] before the operators ops written between spaces
// outside all brackets (" = "); with onlyLong, only before a part that
// holds a long vector. Every part after the first starts at its operator.
func (f formula) cut(a, b int, ops string, onlyLong bool) [][2]int {
	var at []int
	for i := a; i+2 < b; i++ {
		if f.depth[i] == 0 && f.opAt(i, ops) {
			at = append(at, i)
		}
	}
	parts, start := [][2]int{}, a
	for j, i := range at {
		end := b
		if j+1 < len(at) {
			end = at[j+1]
		}
		if !onlyLong || f.long(i, end) {
			parts = append(parts, [2]int{start, i})
			start = i + 1
		}
	}
	return append(parts, [2]int{start, b})
}

// opAt reports whether r[i:i+3] is one of ops between spaces.
func (f formula) opAt(i int, ops string) bool {
	return i+2 < len(f.r) && f.r[i] == ' ' && f.r[i+2] == ' ' && strings.ContainsRune(ops, f.r[i+1])
}

// partEnd is where the part after the operator at i ends: at the next
// operator +, − at its depth or at the end of its bracket.
func (f formula) partEnd(i int) int {
	d := f.depth[i]
	for j := i + 3; j < len(f.r); j++ {
		if f.depth[j] < d || f.depth[j] == d && f.opAt(j, "+−") {
			return j
		}
	}
	return len(f.r)
}

// wrapFormula is one line of a worked step as Wrapped writes it.
func wrapFormula(s string) []string {
	f, ok := parseFormula(s)
	if !ok || !f.long(0, len(f.r)) {
		return []string{s}
	}
	w := &wrapWriter{f: f}
	pieces := f.cut(0, len(f.r), "=≈", false)
	head := pieces[0]
	w.write(head[0], head[1])
	eq := width(f.r[head[0]:head[1]]) + 1 // the = of each piece under the first
	if f.long(head[0], head[1]) || eq > 20 {
		eq = 4
	}
	for j, p := range pieces[1:] {
		for i, t := range f.cut(p[0], p[1], "+−/", true) {
			if i == 0 && j == 0 {
				w.put(' ') // the first = stays on the line of the head
			} else {
				w.newline(eq + 2*min(i, 1))
			}
			w.write(t[0], t[1])
		}
	}
	return w.done()
}

// wrapWriter writes the parts of a formula into lines, knowing the
// column it is at.
type wrapWriter struct {
	f     formula
	lines []string
	cur   strings.Builder
	col   int
}

// group is a bracket being written: the column after it, its entries, how
// many go on one line and the commas written so far.
type group struct{ col, n, per, seen int }

// write writes r[a:b], breaking long groups after every per entries.
func (w *wrapWriter) write(a, b int) {
	r := w.f.r
	var open []group
	for i := a; i < b; i++ {
		c := r[i]
		switch {
		case c == '(' || c == '[':
			w.put(c)
			per := WrapEntries
			if i+1 < len(r) && (r[i+1] == '(' || r[i+1] == '[') {
				per = 1 // a matrix: a row a line
			}
			open = append(open, group{col: w.col, n: w.f.entries[i], per: per})
			continue
		case (c == ')' || c == ']') && len(open) > 0:
			open = open[:len(open)-1]
		case c == ' ' && len(open) > 0 && open[len(open)-1].n == 1 && w.f.opAt(i, "+−") && w.f.long(i, w.f.partEnd(i)):
			w.newline(open[len(open)-1].col) // inside (a − b): b under a
			continue
		case c == ',' && len(open) > 0:
			g := &open[len(open)-1]
			g.seen++
			if g.n > WrapEntries && g.seen%g.per == 0 {
				w.put(c)
				w.newline(g.col)
				if i+1 < b && r[i+1] == ' ' {
					i++
				}
				continue
			}
		}
		w.put(c)
	}
}

// put writes one rune.
func (w *wrapWriter) put(c rune) {
	w.cur.WriteRune(c)
	if !unicode.Is(unicode.Mn, c) {
		w.col++
	}
}

// newline ends the line and starts the next at column indent.
func (w *wrapWriter) newline(indent int) {
	w.lines = append(w.lines, strings.TrimRight(w.cur.String(), " "))
	w.cur.Reset()
	w.cur.WriteString(strings.Repeat(" ", indent))
	w.col = indent
}

// done is the lines written.
func (w *wrapWriter) done() []string {
	return append(w.lines, strings.TrimRight(w.cur.String(), " "))
}

// width is the columns text takes: its runes but combining marks (the hat
// of m̂).
func width(text []rune) int {
	n := 0
	for _, c := range text {
		if !unicode.Is(unicode.Mn, c) {
			n++
		}
	}
	return n
}
