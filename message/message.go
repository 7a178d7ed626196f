package message

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// Translator turns a key into its template in some language; nil means
// English (the key itself).
type Translator func(key string) string

// Kind is one kind of message: its key, declared once with Define.
type Kind struct{ key string }

// Key is the kind's key: its English template.
func (k Kind) Key() string { return k.key }

// Arity is the number of arguments the kind takes.
func (k Kind) Arity() int { return Arity(k.key) }

// New makes a message of this kind from its arguments.
func (k Kind) New(args ...Arg) Message { return Message{Kind: k, Args: args} }

// Message is a sentence as data. It is an error too, whose text is English.
type Message struct {
	Kind Kind
	Args []Arg
}

// IsZero reports whether m is the zero Message (no sentence).
func (m Message) IsZero() bool { return m.Kind.key == "" }

// Render is the message's text in the language of tr (English when tr is
// nil), with nested messages rendered in the same language.
func (m Message) Render(tr Translator) string {
	if m.IsZero() {
		return ""
	}
	tmpl := m.Kind.key
	if tr != nil {
		tmpl = tr(tmpl)
	}
	if len(m.Args) == 0 {
		return tmpl
	}
	vals := make([]any, len(m.Args))
	for i, a := range m.Args {
		vals[i] = a.render(tr)
	}
	return fmt.Sprintf(tmpl, vals...)
}

// String is the English text.
func (m Message) String() string { return m.Render(nil) }

// Error is the English text.
func (m Message) Error() string { return m.Render(nil) }

// Arg is one typed argument of a message.
type Arg interface{ render(tr Translator) string }

type (
	numArg    float64
	approxArg float64
	valueArg  float64
	intArg    int
	textArg   string
	quoteArg  string
	msgArg    Message
)

func (a numArg) render(Translator) string    { return Num(float64(a)) }
func (a approxArg) render(Translator) string { return Short(float64(a)) }
func (a valueArg) render(Translator) string  { return strconv.FormatFloat(float64(a), 'g', -1, 64) }
func (a intArg) render(Translator) string    { return strconv.Itoa(int(a)) }
func (a textArg) render(Translator) string   { return string(a) }
func (a quoteArg) render(Translator) string  { return strconv.Quote(string(a)) }
func (a msgArg) render(tr Translator) string {
	return Message(a).Render(tr)
}

// Number is a computed number, with up to 6 significant digits and a ".0" on
// whole numbers so that they read as rates ("1.0", "0.1", "1e-06").
func Number(v float64) Arg { return numArg(v) }

// Approx is a computed magnitude with up to 6 significant digits and no
// ".0" ("0", "3", "5.18615e+13"): the size of a gradient or of x.
func Approx(v float64) Arg { return approxArg(v) }

// Value is a number as it was given (the shortest text that reads back as
// v: "0.1", "1e-05", "+Inf", "NaN").
func Value(v float64) Arg { return valueArg(v) }

// Int is a whole number.
func Int(n int) Arg { return intArg(n) }

// Text is a string shown as it is: a name, a list, a piece of input.
func Text(s string) Arg { return textArg(s) }

// Quote is a string shown in double quotes, with Go's escapes.
func Quote(s string) Arg { return quoteArg(s) }

// Nested is a message inside another one, rendered in the same language.
func Nested(m Message) Arg { return msgArg(m) }

// Word is a nested message of a kind without arguments: a translated word
// or phrase.
func Word(k Kind) Arg { return msgArg(k.New()) }

// Short formats a number with up to 6 significant digits ("0.1", "3",
// "1e-06"): how the window shows a value.
func Short(v float64) string {
	if v == 0 {
		v = 0 // -0 reads as 0
	}
	return strconv.FormatFloat(v, 'g', 6, 64)
}

// Num formats a computed number as Number shows it: Short, with a ".0" on
// whole numbers.
func Num(v float64) string {
	s := Short(v)
	if math.IsInf(v, 0) || math.IsNaN(v) || strings.ContainsAny(s, ".e") {
		return s
	}
	return s + ".0"
}

// verb matches the verbs a key may hold: %s and %[n]s; %% is a literal.
var verb = regexp.MustCompile(`%(\[[1-9][0-9]*\])?s|%%`)

// Arity is the number of arguments a template takes: the number of %s
// verbs, or the largest n of its %[n]s verbs.
func Arity(tmpl string) int {
	n, plain := 0, 0
	for _, m := range verb.FindAllStringSubmatch(tmpl, -1) {
		switch {
		case m[0] == "%%":
		case m[1] == "":
			plain++
		default:
			i, _ := strconv.Atoi(strings.Trim(m[1], "[]"))
			n = max(n, i)
		}
	}
	return max(n, plain)
}

// Verbs lists the verbs of a template in order (for checking that a
// translation has the verbs of its key).
func Verbs(tmpl string) []string { return verb.FindAllString(tmpl, -1) }

var (
	mu    sync.Mutex
	kinds = map[string]Kind{}
)

// Define declares a kind of message; call it once per kind, at package
// level. key is the English template: %s (or %[n]s) for each argument, and
// no other verb. Defining the same key twice returns the same kind.
func Define(key string) Kind {
	if strings.ContainsRune(strings.ReplaceAll(verb.ReplaceAllString(key, ""), "%%", ""), '%') {
		panic("message: key " + strconv.Quote(key) + " has a verb other than %s") // a programming error, caught at init by every test
	}
	mu.Lock()
	defer mu.Unlock()
	k := Kind{key}
	kinds[key] = k
	return k
}

// Kinds returns every kind defined so far, sorted by key: every kind of
// message the packages linked into the program can produce.
func Kinds() []Kind {
	mu.Lock()
	defer mu.Unlock()
	out := make([]Kind, 0, len(kinds))
	for _, k := range kinds {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].key < out[j].key })
	return out
}

// As finds the first Message in err's chain (an error that is a Message,
// or wraps one); ok is false when there is none.
func As(err error) (m Message, ok bool) {
	for err != nil {
		if m, ok := err.(Message); ok {
			return m, true
		}
		if u, ok := err.(interface{ Unwrap() error }); ok {
			err = u.Unwrap()
			continue
		}
		return Message{}, false
	}
	return Message{}, false
}

// Of renders err in the language of tr: its Message when it has one, else
// its own (English) text. Errors from outside the program (the file system)
// carry no Message.
func Of(err error, tr Translator) string {
	if err == nil {
		return ""
	}
	if m, ok := As(err); ok {
		return m.Render(tr)
	}
	return err.Error()
}
