package app

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"gdlab/lesson"
)

// The window speaks the language of the system locale (LC_ALL, LC_MESSAGES,
// LANG, then LANGUAGE on Linux and BSD): German for de_*, English otherwise.
// Its strings are keys of lang.L, translated by assets/translations/*.json;
// the optimizer's sentences are English and are translated here by matching
// their patterns.

// translateVerdict translates an optimizer verdict or run status ("converged",
// "max-steps", …) into the window's language; the empty string stays empty.
func translateVerdict(v string) string {
	if v == "" {
		return ""
	}
	return lang.L(v)
}

// joinAnd joins two or more numbers (or words) with the language's "and":
// "2 and 4" in English, "2 und 4" in German.
func joinAnd(parts []string) string {
	return strings.Join(parts, " "+lang.L("and")+" ")
}

// builtInLessonStrings are the titles and texts of the built-in lessons,
// the lesson strings the translation packs know.
var builtInLessonStrings = sync.OnceValue(func() map[string]bool {
	known := map[string]bool{}
	for _, l := range lesson.BuiltIn() {
		known[l.Title] = true
		known[l.Text] = true
	}
	return known
})

// translateLessonString translates the title or the text of a built-in
// lesson into the window's language; any other string (a user's own lesson
// file, or one saved from the window in another language) is returned
// unchanged, without a lookup.
func translateLessonString(s string) string {
	if s == "" || !builtInLessonStrings()[s] {
		return s
	}
	return lang.L(s)
}

// sumNumber matches a number as optimizer.fmtNum writes it ("0.1", "1.0",
// "1e-06", "-2.5", "+Inf", "NaN").
const sumNumber = `([-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?|[-+]?Inf|NaN)`

// sumWhere matches the point the optimizer's sentence is about.
const sumWhere = `(current point|end point|start point)`

// saddleSuffix is appended by the optimizer to a critical-rate sentence at a
// saddle point.
const saddleSuffix = " along the upward-curving direction, but the surface curves downward in another (a saddle)"

// sentenceForm is one pattern of the optimizer's stability sentences and
// its rendering in the window's language from the submatches.
type sentenceForm struct {
	re     *regexp.Regexp
	render func(m []string) string
}

// rateForms are the sentences comparing the learning rate with the critical
// one; each may end with saddleSuffix.
var rateForms = []sentenceForm{
	{regexp.MustCompile(`^lr ` + sumNumber + ` is below the critical ` + sumNumber + `: converges$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("lr %s is below the critical %s: converges"), m[1], m[2])
		}},
	{regexp.MustCompile(`^lr ` + sumNumber + ` is the critical rate: it oscillates forever$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("lr %s is the critical rate: it oscillates forever"), m[1])
		}},
	{regexp.MustCompile(`^lr ` + sumNumber + ` is above the critical ` + sumNumber + `: diverges$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("lr %s is above the critical %s: diverges"), m[1], m[2])
		}},
}

// otherForms are the sentences without a critical learning rate.
var otherForms = []sentenceForm{
	{regexp.MustCompile(`^no critical lr: f is not finite at the ` + sumWhere + `, which lies outside the function's domain$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: f is not finite at the %s, which lies outside the function's domain"), translateWhere(m[1]))
		}},
	{regexp.MustCompile(`^no critical lr: the Hessian is not finite at the ` + sumWhere + `$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: the Hessian is not finite at the %s"), translateWhere(m[1]))
		}},
	{regexp.MustCompile(`^no critical lr: the function does not curve upward at the ` + sumWhere +
		` \((largest Hessian eigenvalue|f'') ` + sumNumber + `\), so there is no bowl to overshoot$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: the function does not curve upward at the %s (%s %s), so there is no bowl to overshoot"),
				translateWhere(m[1]), translateCurve(m[2]), m[3])
		}},
	{regexp.MustCompile(`^no critical lr: the function does not curve downward at the ` + sumWhere +
		` \((smallest Hessian eigenvalue|f'') ` + sumNumber + `\), so there is no hill to overshoot$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("no critical lr: the function does not curve downward at the %s (%s %s), so there is no hill to overshoot"),
				translateWhere(m[1]), translateCurve(m[2]), m[3])
		}},
	{regexp.MustCompile(`^([a-z0-9]+) adapts its step size to the gradients, so it has no fixed critical lr; gd's would be ` + sumNumber + ` here$`),
		func(m []string) string {
			return fmt.Sprintf(lang.L("%s adapts its step size to the gradients, so it has no fixed critical lr; gd's would be %s here"), m[1], m[2])
		}},
}

// translateSummary translates one of the optimizer's stability sentences
// (optimizer.Analysis.Summary, optimizer.PointAnalysis.Summary) into the
// window's language. A sentence of an unknown form is returned unchanged.
func translateSummary(s string) string {
	for _, f := range otherForms {
		if m := f.re.FindStringSubmatch(s); m != nil {
			return f.render(m)
		}
	}
	base, saddle := strings.CutSuffix(s, saddleSuffix)
	for _, f := range rateForms {
		if m := f.re.FindStringSubmatch(base); m != nil {
			out := f.render(m)
			if saddle {
				out += " " + lang.L("along the upward-curving direction, but the surface curves downward in another (a saddle)")
			}
			return out
		}
	}
	return s
}

// translateWhere translates the point a sentence is about; the German forms
// follow "im" (dative).
func translateWhere(w string) string {
	switch w {
	case "current point":
		return lang.L("current point")
	case "end point":
		return lang.L("end point")
	case "start point":
		return lang.L("start point")
	}
	return w
}

// translateCurve translates the curvature a sentence quotes; the second
// derivative of a 1-D function reads the same in every language.
func translateCurve(c string) string {
	switch c {
	case "largest Hessian eigenvalue":
		return lang.L("largest Hessian eigenvalue")
	case "smallest Hessian eigenvalue":
		return lang.L("smallest Hessian eigenvalue")
	}
	return c
}

// The engine's error messages (the parser's in gdlab/optimizer/expr and
// optimizer.Config.Validate's) are English. Each form is a messageForm: its
// English template, a key of lang.L whose %s verbs stand for the variable
// parts, and one slot per verb saying what the part looks like and how it
// is translated. The form's regexp is the template itself with each %s
// replaced by its slot's pattern, so a form cannot drift from its key, and
// in English (where a key translates to itself) a message is rebuilt
// exactly.

// slot is one variable part of a message: the regexp it matches (with no
// capturing group) and its translation; ok is false when the part is of no known form.
type slot struct {
	pat string
	tr  func(s string) (out string, ok bool)
}

// verbatim returns a part as it is: a quoted name, a number, a list of names.
func verbatim(s string) (string, bool) { return s, true }

// Slots of the engine's messages.
var (
	// slotQuoted is a Go-quoted string, as strconv.Quote and %q write it.
	slotQuoted = slot{`"(?:[^"\\]|\\.)*"`, verbatim}
	// slotRune is a Go-quoted character, as strconv.QuoteRune writes it.
	slotRune = slot{`'(?:[^'\\]|\\.)+'`, verbatim}
	// slotInt is a whole number as strconv.Itoa and %d write it.
	slotInt = slot{`-?[0-9]+`, verbatim}
	// slotFloat is a float64 as %v writes it ("0.1", "1e-05", "+Inf", "NaN"):
	// sumNumber without its group.
	slotFloat = slot{`[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:e[-+]?[0-9]+)?|[-+]?Inf|NaN`, verbatim}
	// slotNumText is a number as the user typed it ("2.5", "1e999").
	slotNumText = slot{`[0-9.][0-9.eE+-]*`, verbatim}
	// slotName is the name of a function or constant (sin, log10, pi).
	slotName = slot{`[a-z][a-z0-9]*`, verbatim}
	// slotList is the rest of the message, quoted as it is (a list of names).
	slotList = slot{`.+`, verbatim}
	// slotToken is a token as the parser describes it: `"+"`, `number 2.5`
	// or `the end of the input`.
	slotToken = slot{`"(?:[^"\\]|\\.)*"|number [0-9.][0-9.eE+-]*|the end of the input`, translateToken}
	// slotHint is what follows an unknown name: a suggestion or a reminder.
	slotHint = slot{`.+`, func(s string) (string, bool) { return matchForms(hintForms, s) }}
)

// translateToken translates the parser's description of a token; a quoted
// token reads the same in every language.
func translateToken(s string) (string, bool) {
	if n, ok := strings.CutPrefix(s, "number "); ok {
		return fmt.Sprintf(lang.L("number %s"), n), true
	}
	if s == "the end of the input" {
		return lang.L("the end of the input"), true
	}
	return s, strings.HasPrefix(s, `"`)
}

// messageForm is one form of an engine message.
type messageForm struct {
	key   string // the English template and the key of its translation
	slots []slot // one per %s of key, in order
	re    *regexp.Regexp
}

// form builds the messageForm of key with its slots; key's only verbs are
// %s, one per slot.
func form(key string, slots ...slot) messageForm {
	parts := strings.Split(key, "%s")
	var b strings.Builder
	b.WriteString("^")
	for i, p := range parts {
		if i > 0 && i-1 < len(slots) {
			b.WriteString("(" + slots[i-1].pat + ")")
		}
		b.WriteString(regexp.QuoteMeta(p))
	}
	b.WriteString("$")
	return messageForm{key: key, slots: slots, re: regexp.MustCompile(b.String())}
}

// matchForms renders s by the first of forms it matches, in the window's
// language; ok is false when s (or one of its parts) is of no known form.
func matchForms(forms []messageForm, s string) (out string, ok bool) {
	for _, f := range forms {
		m := f.re.FindStringSubmatch(s)
		if m == nil || len(m) != len(f.slots)+1 {
			continue
		}
		args := make([]any, len(f.slots))
		for i, sl := range f.slots {
			a, ok := sl.tr(m[i+1])
			if !ok {
				return s, false
			}
			args[i] = a
		}
		if len(args) == 0 {
			return lang.L(f.key), true
		}
		return fmt.Sprintf(lang.L(f.key), args...), true
	}
	return s, false
}

// expectOperand is the tail of the parser's messages where an operand is
// missing.
const expectOperand = `expected a number, x, y, a function or "("`

// parseForms are the messages of expr.Error (after "column N: "), the more
// specific forms first.
var parseForms = []messageForm{
	// The lexer's.
	form(`unexpected character %s: expected a number, x, y, a function, an operator (+ - * / ^ **) or a parenthesis`, slotRune),
	form(`unexpected "=": type only the right-hand side, e.g. x^2 + y^2`),
	form(`unexpected character %s: write powers with ^, e.g. x^2`, slotRune),
	form(`unexpected character %s: expected the minus sign -`, slotRune),
	form(`unexpected character %s: expected the multiplication sign *`, slotRune),
	form(`malformed number ".": expected digits before or after the decimal point`),
	form(`malformed number %s: a number has at most one decimal point`, slotQuoted),
	form(`malformed number %s: the exponent of a number must be a whole number`, slotQuoted),
	form(`malformed number %s: a number has at most one exponent`, slotQuoted),
	form(`number %s is too large: expected at most about 1.8e308`, slotNumText),
	// The parser's.
	form(`the input is %s characters long: expected at most %s`, slotInt, slotInt),
	form(`empty input: expected a function of x (and y), e.g. x^2 + y^2`),
	form(`found no variable: the function must use x (and may use y)`),
	form(`the expression is nested more than %s levels deep: expected simpler nesting`, slotInt),
	form(`unmatched ")": there is no "(" to close`),
	form(`found ")" right after "(": expected an expression inside the parentheses`),
	form(`found "[" after y: only x can be indexed (x[0] is x, x[1] is y)`),
	form(`found "(" after %s: expected an operator (write * to multiply: x*(...))`, slotToken),
	form(`found "(" after %s: expected an operator (write %s*( to multiply)`, slotName, slotName),
	form(`found %s after %s: expected an operator (+ - * / ^) or the end of the input`, slotToken, slotToken),
	form(`unexpected end of input after %s: `+expectOperand, slotToken),
	form(`unexpected end of input: ` + expectOperand),
	form(`found %s at the start: `+expectOperand, slotToken),
	form(`found %s after %s (two operators in a row): `+expectOperand, slotToken, slotToken),
	form(`found %s after %s: `+expectOperand, slotToken, slotToken),
	form(`found %s: `+expectOperand, slotToken),
	form(`missing ")": the "(" at column %s is never closed`, slotInt),
	form(`found %s after %s: expected an operator or ")" to close the "(" at column %s`, slotToken, slotToken, slotInt),
	form(`found %s after %s: expected an operator, "," or ")" to close %s(`, slotToken, slotToken, slotName),
	form(`found %s after "x[": expected x[0] or x[1]`, slotToken),
	form(`found %s after "x[%s": expected "]"`, slotToken, slotInt),
	form(`found %s after %s: expected "(" (functions are called like %s(x))`, slotToken, slotName, slotName),
	form(`%s takes 1 argument, found none`, slotName),
	form(`%s takes %s arguments, found none`, slotName, slotInt),
	form(`%s takes 1 argument, found %s`, slotName, slotInt),
	form(`%s takes %s arguments, found %s`, slotName, slotInt, slotInt),
	form(`unknown name %s: %s`, slotQuoted, slotHint),
}

// hintForms are the hints after an unknown name.
var hintForms = []messageForm{
	form(`did you mean %s? (names are case-sensitive)`, slotName),
	form(`did you mean %s? (write * between variables)`, slot{`[xy](?:\*[xy])+`, verbatim}),
	form(`did you mean %s? (names are lower case)`, slotName),
	form(`did you mean %s?`, slotName),
	form(`the variables are x and y`),
	form(`expected x, y, pi, e or a function such as sin`),
}

// configForms are the messages of optimizer.Config.Validate.
var configForms = []messageForm{
	form(`dims %s: a function has 1 or 2 variables`, slotInt),
	form(`method %s: valid methods are %s`, slotQuoted, slotList),
	form(`lr %s: the learning rate must be a positive finite number`, slotFloat),
	form(`start x %s: must be a finite number`, slotFloat),
	form(`start y %s: must be a finite number`, slotFloat),
	form(`steps %s: must be 0 or more`, slotInt),
	form(`steps %s: at most %s steps are allowed`, slotInt, slotInt),
	form(`gradient %s: must be %s or %s`, slotQuoted, slotQuoted, slotQuoted),
	form(`h %s: the numeric-gradient step must be a positive finite number`, slotFloat),
	form(`bound %s: the divergence bound must be positive`, slotFloat),
	form(`tol %s: the tolerance must be 0 (off) or a positive finite number`, slotFloat),
	form(`momentum %s: μ must be a finite number ≥ 0`, slotFloat),
	form(`alpha %s: α must be between 0 and 1`, slotFloat),
	form(`beta1 %s: β1 must be in [0, 1)`, slotFloat),
	form(`beta2 %s: β2 must be in [0, 1)`, slotFloat),
	form(`eps %s: ε must be 0 (the method's default) or a positive finite number`, slotFloat),
}

// parseErrorRE splits expr.Error's text into the column and the message.
var parseErrorRE = regexp.MustCompile(`^column ([0-9]+): (.*)$`)

// translateParseError translates the text of an expr.Error ("column N: "
// and the message) into the window's language. A text of an unknown form is
// returned unchanged; in English every text is returned unchanged.
func translateParseError(msg string) string {
	m := parseErrorRE.FindStringSubmatch(msg)
	if m == nil {
		return msg
	}
	body, ok := matchForms(parseForms, m[2])
	if !ok {
		return msg
	}
	return fmt.Sprintf(lang.L("column %s: %s"), m[1], body)
}

// translateConfigError translates a message of optimizer.Config.Validate
// into the window's language. A message of an unknown form is returned
// unchanged; in English every message is returned unchanged.
func translateConfigError(msg string) string {
	out, _ := matchForms(configForms, msg)
	return out
}
