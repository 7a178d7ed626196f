package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"
)

// decodeError turns an error of encoding/json decoding data into a message
// for a person editing the file: where (line and column) and what.
func decodeError(data []byte, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.ErrUnexpectedEOF):
		return fmt.Errorf("%s: unexpected end of the file: a closing }, ] or \" is missing", where(data, len(data)))
	case errors.As(err, &se):
		pos := clamp(int(se.Offset)-1, len(data))
		return fmt.Errorf("%s: %s", where(data, pos), syntaxMessage(se.Error(), data, pos))
	case errors.As(err, &te):
		return typeError(data, te)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return unknownField(data, strings.TrimPrefix(err.Error(), "json: unknown field "))
	}
	return errors.New(strings.TrimPrefix(err.Error(), "json: "))
}

// syntaxMessage is encoding/json's syntax error message msg with a hint for
// the usual mistakes made typing JSON by hand; data[pos] is the culprit.
func syntaxMessage(msg string, data []byte, pos int) string {
	if strings.Contains(msg, "exceeded max depth") {
		return "the lesson is nested too deeply (more than 10000 levels of [ or {)"
	}
	var c byte
	if pos < len(data) {
		c = data[pos]
	}
	hint := ""
	switch {
	case c == '/' || c == '#':
		hint = "JSON has no comments"
	case c == '\'':
		hint = "JSON strings need double quotes"
	case (c == '}' && strings.Contains(msg, "object key")) || (c == ']' && strings.Contains(msg, "beginning of value")):
		hint = "is there a comma before it? JSON allows none after the last item"
	case c == 'N' || c == 'I' || (c == '-' && bytes.HasPrefix(data[pos:], []byte("-I"))):
		hint = "JSON has no NaN or Infinity"
	case strings.Contains(msg, "after object key:value pair") || strings.Contains(msg, "after array element"):
		hint = "is a comma missing?"
	case strings.Contains(msg, "in string literal"):
		hint = `a line break or tab inside a string must be written \n or \t`
	case strings.Contains(msg, "looking for beginning of object key string"):
		hint = "a field name needs double quotes"
	}
	if hint != "" {
		return msg + " (" + hint + ")"
	}
	return msg
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
	var what string
	switch {
	case isNumber && want == "a number":
		what = fmt.Sprintf("%s is out of range for a number", got)
	case isNumber:
		what = fmt.Sprintf("must be %s, not %s", want, got)
	default:
		what = fmt.Sprintf("must be %s, not %s", want, describeValue(te.Value))
	}
	prefix, subject := describePath(path)
	return fmt.Errorf("%s: %s%s %s", where(data, pos), prefix, subject, what)
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
		return fmt.Errorf("unknown field %q", name)
	}
	fields := lessonFields
	prefix := ""
	if len(path) == 2 {
		fields = runFields
		prefix = fmt.Sprintf("run %d: ", path[1].index+1)
	}
	msg := fmt.Sprintf("%s: %sunknown field %q", where(data, pos), prefix, name)
	if s := suggest(name, fields); s != "" {
		return fmt.Errorf("%s (did you mean %q?)", msg, s)
	}
	return fmt.Errorf("%s (the fields are %s)", msg, strings.Join(fields, ", "))
}

// The field names of a lesson and of a run, in the order of the format.
var (
	lessonFields = jsonNames(reflect.TypeFor[fileLesson]())
	runFields    = jsonNames(reflect.TypeFor[fileRun]())
)

// jsonNames returns the JSON names of the fields of struct type t.
func jsonNames(t reflect.Type) []string {
	names := make([]string, t.NumField())
	for i := range names {
		names[i], _, _ = strings.Cut(t.Field(i).Tag.Get("json"), ",")
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
func describeType(t reflect.Type) string {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return "a value"
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "a whole number"
	case reflect.Float64, reflect.Float32:
		return "a number"
	case reflect.String:
		return "a string in double quotes"
	case reflect.Slice, reflect.Array:
		return "a list [ … ]"
	case reflect.Struct:
		return "an object { … }"
	}
	return "a " + t.Kind().String()
}

// describeValue names the kind of JSON value encoding/json calls v.
func describeValue(v string) string {
	switch v {
	case "string":
		return "a string"
	case "bool":
		return "true or false"
	case "array":
		return "a list"
	case "object":
		return "an object"
	case "number":
		return "a number"
	}
	return v
}

// describePath renders the path of a value: a prefix naming the run
// ("run 2: ") if it is inside one, and the subject ("\"lr\"", "\"start\"
// item 2", "run 3", "the lesson").
func describePath(path []pathElem) (prefix, subject string) {
	if len(path) >= 2 && path[0].key == "runs" && path[1].index >= 0 {
		run := path[1].index + 1
		if len(path) == 2 {
			return "", fmt.Sprintf("run %d", run)
		}
		prefix, path = fmt.Sprintf("run %d: ", run), path[2:]
	}
	switch {
	case len(path) == 0:
		return prefix, "the lesson"
	case len(path) >= 2 && path[1].index >= 0:
		return prefix, fmt.Sprintf("%q item %d", path[0].key, path[1].index+1)
	}
	return prefix, strconv.Quote(path[0].key)
}

// where renders byte offset pos of data as "line L, column C" (both from
// 1; columns count characters, not bytes).
func where(data []byte, pos int) string {
	pos = clamp(pos, len(data))
	before := data[:pos]
	line := 1 + bytes.Count(before, []byte("\n"))
	if i := bytes.LastIndexByte(before, '\n'); i >= 0 {
		before = before[i+1:]
	}
	return fmt.Sprintf("line %d, column %d", line, 1+utf8.RuneCount(before))
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
