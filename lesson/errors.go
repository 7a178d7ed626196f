package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"gdlab/message"
)

// decodeError turns an error of encoding/json decoding data into a message
// for a person editing the file: where (line and column) and what.
func decodeError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return msgAt.New(message.Nested(where(data, len(data))), message.Word(msgUnexpectedEOF))
	case errors.As(err, &se):
		pos := clamp(int(se.Offset)-1, len(data))
		return msgAt.New(message.Nested(where(data, pos)), message.Nested(syntaxMessage(se.Error(), data, pos)))
	case errors.As(err, &te):
		return typeError(data, te)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return unknownField(data, strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return msgNotJSON.New(message.Text(strings.TrimPrefix(err.Error(), "json: ")))
}

// The contexts of encoding/json's syntax errors ("invalid character 'x' "
// and the context), longest first where one ends another, and the kind of
// message of each.
var syntaxContexts = []struct {
	context string
	kind    message.Kind
}{
	{"looking for beginning of value", msgBadValue},
	{"looking for beginning of object key string", msgBadKey},
	{"after object key:value pair", msgAfterPair},
	{"after object key", msgAfterKey},
	{"after array element", msgAfterItem},
	{"in string literal", msgInString},
	{"in string escape code", msgInEscape},
	{`in \u hexadecimal character escape`, msgInHex},
	{"after decimal point in numeric literal", msgAfterPoint},
	{"in exponent of numeric literal", msgInExponent},
	{"in numeric literal", msgInNumber},
}

// literalContext is the character and context of a misspelt true, false
// or null.
var literalContext = regexp.MustCompile(`^(.+) in literal (true|false|null) \(expecting ('.')\)$`)

// syntaxMessage is the message of encoding/json's syntax error msg, with a
// hint for the usual mistakes made typing JSON by hand; data[pos] is the
// culprit.
func syntaxMessage(msg string, data []byte, pos int) message.Message {
	if strings.Contains(msg, "exceeded max depth") {
		return msgTooDeep.New(message.Int(maxDepth))
	}
	rest, ok := strings.CutPrefix(msg, "invalid character ")
	if !ok {
		return msgSyntax.New(message.Text(msg))
	}
	var m message.Message
	var kind message.Kind
	for _, c := range syntaxContexts {
		if char, ok := strings.CutSuffix(rest, " "+c.context); ok {
			m, kind = c.kind.New(message.Text(char)), c.kind
			break
		}
	}
	if m.IsZero() {
		lit := literalContext.FindStringSubmatch(rest)
		if lit == nil {
			return msgSyntax.New(message.Text(msg))
		}
		m = msgInLiteral.New(message.Text(lit[1]), message.Text(lit[2]), message.Text(lit[3]))
	}
	if hint, ok := syntaxHint(kind, data, pos); ok {
		return msgWithHint.New(message.Nested(m), message.Word(hint))
	}
	return m
}

// maxDepth is how deeply encoding/json lets arrays and objects nest.
const maxDepth = 10000

// syntaxHint returns the hint for a syntax error of kind at data[pos].
func syntaxHint(kind message.Kind, data []byte, pos int) (message.Kind, bool) {
	var c byte
	if pos < len(data) {
		c = data[pos]
	}
	switch {
	case c == '/' || c == '#':
		return hintComments, true
	case c == '\'':
		return hintQuotes, true
	case (c == '}' && kind == msgBadKey) || (c == ']' && kind == msgBadValue):
		return hintLastComma, true
	case c == 'N' || c == 'I' || (c == '-' && bytes.HasPrefix(data[pos:], []byte("-I"))):
		return hintNaN, true
	case kind == msgAfterPair || kind == msgAfterItem:
		return hintComma, true
	case kind == msgInString:
		return hintControl, true
	case kind == msgBadKey:
		return hintKeyQuotes, true
	case kind == msgAfterKey:
		return hintColon, true
	case kind == msgInEscape:
		return hintBackslash, true
	case kind == msgInHex:
		return hintHexDigits, true
	}
	return message.Kind{}, false
}

// typeError says which field has a value of the wrong kind, and where.
func typeError(data []byte, te *json.UnmarshalTypeError) error {
	path, pos, ok := locateValue(data, int(te.Offset))
	if !ok {
		pos = clamp(int(te.Offset)-1, len(data))
		path = nil
		if te.Field != "" {
			for _, k := range strings.Split(te.Field, ".") {
				path = append(path, pathElem{key: k, index: -1})
			}
		}
	}
	want := describeType(te.Type)
	got, isNumber := strings.CutPrefix(te.Value, "number ")
	run, subject := describePath(path)
	var what message.Message
	switch {
	case isNumber && want == wordNumber:
		what = msgOutOfRange.New(subject, message.Text(got))
	case isNumber:
		what = msgMustBe.New(subject, message.Word(want), message.Text(got))
	default:
		what = msgMustBe.New(subject, message.Word(want), describeValue(te.Value))
	}
	if run > 0 {
		what = msgRun.New(message.Int(run), message.Nested(what))
	}
	return msgAt.New(message.Nested(where(data, pos)), message.Nested(what))
}

// unknownField says which field name is not part of the format, where, and
// which was probably meant. quoted is the name as encoding/json quotes it.
func unknownField(data []byte, quoted string) error {
	name, err := strconv.Unquote(quoted)
	if err != nil {
		name = strings.Trim(quoted, `"`)
	}
	path, pos, ok := locateKey(data, name)
	if !ok {
		return msgUnknownField.New(message.Quote(name))
	}
	fields := lessonFields
	if len(path) == 2 {
		fields = runFields
	}
	what := msgFieldList.New(message.Quote(name), message.Text(strings.Join(fields, ", ")))
	if s := suggest(name, fields); s != "" {
		what = msgFieldGuess.New(message.Quote(name), message.Quote(s))
	}
	if len(path) == 2 {
		what = msgRun.New(message.Int(path[1].index+1), message.Nested(what))
	}
	return msgAt.New(message.Nested(where(data, pos)), message.Nested(what))
}

// The field names of a lesson and of a run (the fixed ones, then the
// registry's hyperparameters), in the order of the format.
var (
	lessonFields = jsonNames(reflect.TypeFor[fileLesson]())
	runFields    = jsonNames(runType)
)

// jsonNames returns the JSON names of the fields of struct type t that
// encoding/json reads.
func jsonNames(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("json"), ",")
		if name != "-" {
			names = append(names, name)
		}
	}
	return names
}

// suggest returns the name in names that name is probably a typo of: the
// same up to case, or at most two edits away (one for short names); "" if
// none is.
func suggest(name string, names []string) string {
	best, bestD := "", 3
	if utf8.RuneCountInString(name) <= 3 {
		bestD = 2
	}
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return n
		}
		if d := editDistance(strings.ToLower(name), n); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b counting an
// adjacent transposition as one edit (so "stpes" is one edit from
// "steps"). Long inputs are not compared (the result is then large).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 64 || len(rb) > 64 {
		return 1 << 30
	}
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// describeType names the kind of JSON value a Go type takes.
func describeType(t reflect.Type) message.Kind {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return wordValue
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return wordWholeNumber
	case reflect.Float64, reflect.Float32:
		return wordNumber
	case reflect.String:
		return wordQuoted
	case reflect.Slice, reflect.Array:
		return wordList
	case reflect.Struct:
		return wordObject
	}
	return wordValue
}

// describeValue names the kind of JSON value encoding/json calls v.
func describeValue(v string) message.Arg {
	switch v {
	case "string":
		return message.Word(wordString)
	case "bool":
		return message.Word(wordBool)
	case "array":
		return message.Word(wordAList)
	case "object":
		return message.Word(wordAnObject)
	case "number":
		return message.Word(wordNumber)
	}
	return message.Text(v)
}

// describePath renders the path of a value: the number of the run it is
// inside (from 1; 0 when it is in none), and the subject ("\"lr\"",
// "\"start\" item 2", "run 3", "the lesson").
func describePath(path []pathElem) (run int, subject message.Arg) {
	if len(path) >= 2 && path[0].key == "runs" && path[1].index >= 0 {
		n := path[1].index + 1
		if len(path) == 2 {
			return 0, message.Nested(msgRunSubject.New(message.Int(n)))
		}
		run, path = n, path[2:]
	}
	switch {
	case len(path) == 0:
		return run, message.Word(wordTheLesson)
	case len(path) >= 2 && path[1].index >= 0:
		return run, message.Nested(msgItem.New(message.Quote(path[0].key), message.Int(path[1].index+1)))
	}
	return run, message.Quote(path[0].key)
}

// where is byte offset pos of data as "line L, column C" (both from 1;
// columns count characters, not bytes).
func where(data []byte, pos int) message.Message {
	pos = clamp(pos, len(data))
	before := data[:pos]
	line := 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return msgWhere.New(message.Int(line), message.Int(1+utf8.RuneCount(before)))
}

// clamp returns pos limited to [0, n].
func clamp(pos, n int) int {
	return max(0, min(pos, n))
}

// skipSpace returns the offset of the first byte at or after pos in data
// that is neither white space nor a separator (':' or ',').
func skipSpace(data []byte, pos int) int {
	for pos = clamp(pos, len(data)); pos < len(data); pos++ {
		switch data[pos] {
		case ' ', '\t', '\n', '\r', ':', ',':
		default:
			return pos
		}
	}
	return pos
}
