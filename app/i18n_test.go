package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"math"
	"path"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"

	"gdlab/assets"
	"gdlab/lesson"
	"gdlab/message"
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// translationPacks are the window's own translation packs, by file name.
var translationPacks = []string{"en.json", "de.json"}

// messagePacks are the packs of the engine's messages (every other file of
// assets/translations), by language: "de" → the German packs' names.
func messagePacks(t *testing.T, lang string) []string {
	t.Helper()
	names, err := fs.Glob(assets.Translations, "translations/*."+lang+".json")
	if err != nil || len(names) < 3 {
		t.Fatalf("message packs for %s: %v, %v", lang, names, err)
	}
	for i, n := range names {
		names[i] = path.Base(n)
	}
	return names
}

// readPack reads a translation pack from the embedded assets, as the app
// loads it, and checks that it is a flat JSON object of non-empty strings
// with no key given twice and nothing go-i18n would read differently.
func readPack(t *testing.T, name string) map[string]string {
	t.Helper()
	data, err := fs.ReadFile(assets.Translations, "translations/"+name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		t.Fatalf("%s: want a JSON object, got %v (%v)", name, tok, err)
	}
	pack := map[string]string{}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		key := tok.(string) // object keys are strings
		tok, err = dec.Token()
		if err != nil {
			t.Fatalf("%s: %q: %v", name, key, err)
		}
		val, ok := tok.(string)
		if !ok {
			t.Fatalf("%s: %q: want a string, got %v", name, key, tok)
		}
		if _, dup := pack[key]; dup {
			t.Errorf("%s: key %q given twice", name, key)
		}
		pack[key] = val
	}
	if tok, err := dec.Token(); err != nil || tok != json.Delim('}') {
		t.Fatalf("%s: unterminated object: %v (%v)", name, tok, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		t.Fatalf("%s: text after the object", name)
	}
	// go-i18n reads these keys as parts of a message, not as message IDs, and
	// {{ as the start of a template.
	reserved := map[string]bool{"id": true, "description": true, "hash": true, "leftdelim": true,
		"rightdelim": true, "zero": true, "one": true, "two": true, "few": true, "many": true,
		"other": true, "translation": true}
	for k, v := range pack {
		switch {
		case reserved[strings.ToLower(k)]:
			t.Errorf("%s: key %q is reserved by go-i18n: the whole file would be rejected", name, k)
		case v == "":
			t.Errorf("%s: %q has an empty translation (go-i18n would fall back with an error)", name, k)
		case strings.Contains(k, "{{") || strings.Contains(v, "{{"):
			t.Errorf("%s: %q would be read as a go-i18n template", name, k)
		}
	}
	return pack
}

// usedKeys are the keys the window's own pack (en.json, de.json) holds:
// every lang.L call with a string literal in the package's source (tests
// excluded), and the values that reach lang.L through a variable: the theme
// names and the built-in lessons' titles and texts. The engine's messages
// have packs of their own (see TestEveryMessageKindIsTranslated).
func usedKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || !isLangL(call.Fun) || len(call.Args) == 0 {
				return true
			}
			lit, ok := call.Args[0].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				t.Logf("%s: lang.L with a computed key (covered by the dynamic sets?)", fset.Position(call.Pos()))
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", fset.Position(lit.Pos()), err)
			}
			keys[s] = true
			return true
		})
	}
	if len(keys) == 0 {
		t.Fatal("found no lang.L calls: is the test running in the package directory?")
	}
	for _, k := range themeChoices {
		keys[k] = true
	}
	for _, c := range allViewChoices {
		keys[c.name] = true
	}
	for k := range lessonKeys(t) {
		keys[k] = true
	}
	return keys
}

// lessonKeys are the titles, texts and stops of the built-in lessons.
func lessonKeys(t *testing.T) map[string]bool {
	t.Helper()
	keys := map[string]bool{}
	ls := lesson.BuiltIn()
	if len(ls) == 0 {
		t.Fatal("no built-in lessons")
	}
	for _, l := range ls {
		keys[l.Title] = true
		keys[l.Text] = true
		for _, st := range l.Stops {
			keys[st.Text] = true
		}
	}
	return keys
}

// isLangL reports whether fun is lang.L.
func isLangL(fun ast.Expr) bool {
	sel, ok := fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "L" {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	return ok && id.Name == "lang"
}

func TestTranslationKeys(t *testing.T) {
	used := usedKeys(t)
	for _, name := range translationPacks {
		pack := readPack(t, name)
		var missing, unused []string
		for k := range used {
			if _, ok := pack[k]; !ok {
				missing = append(missing, k)
			}
		}
		for k := range pack {
			if !used[k] {
				unused = append(unused, k)
			}
		}
		sort.Strings(missing)
		sort.Strings(unused)
		for _, k := range missing {
			t.Errorf("%s: no translation for %q", name, k)
		}
		for _, k := range unused {
			t.Errorf("%s: %q is not used by the window", name, k)
		}
	}
}

func TestEnglishPackIsIdentity(t *testing.T) {
	for _, name := range append([]string{"en.json"}, messagePacks(t, "en")...) {
		for k, v := range readPack(t, name) {
			if k != v {
				t.Errorf("%s: %q translates to %q, want the key itself", name, k, v)
			}
		}
	}
}

// verbRE matches a fmt verb with its flags, width and precision.
var verbRE = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*(?:\d+|\*)?(?:\.(?:\d+|\*)?)?[a-zA-Z%]`)

func TestFormatVerbsMatch(t *testing.T) {
	prose := lessonKeys(t) // not format strings: a % there is a percent sign
	for _, name := range translationPacks {
		for k, v := range readPack(t, name) {
			if prose[k] {
				continue
			}
			want, got := verbRE.FindAllString(k, -1), verbRE.FindAllString(v, -1)
			if strings.Join(want, " ") != strings.Join(got, " ") {
				t.Errorf("%s: %q has verbs %q, its translation %q has %q", name, k, want, v, got)
			}
		}
	}
}

// digitsRE matches a number in a text: digits with an optional decimal part.
var digitsRE = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)

// groupRE matches a thousands separator: English 1,000,000, German 1 000 000.
var groupRE = regexp.MustCompile(`([0-9])[, ]([0-9]{3})\b`)

// numbersIn are the numbers in s, sorted, with thousands separators removed.
func numbersIn(s string) []string {
	for { // matches overlap ("1,000,000"): remove one separator per match until none is left
		t := groupRE.ReplaceAllString(s, "$1$2")
		if t == s {
			break
		}
		s = t
	}
	ns := digitsRE.FindAllString(s, -1)
	sort.Strings(ns)
	return ns
}

// TestNumbersMatch checks that a translation quotes the same numbers as
// its English text (a lesson's settings, results and steps to try).
func TestNumbersMatch(t *testing.T) {
	for _, name := range append([]string{"de.json"}, messagePacks(t, "de")...) {
		for k, v := range readPack(t, name) {
			want, got := numbersIn(k), numbersIn(v)
			if strings.Join(want, " ") != strings.Join(got, " ") {
				t.Errorf("%s: %q\nquotes %q, its translation %q\nquotes %q", name, k, want, v, got)
			}
		}
	}
}

// withLocale makes the window speak the language of the given environment
// (as if the program had been started with it) until the test ends; vars
// are name=value pairs, the locale variables not named are unset.
func withLocale(t *testing.T, vars ...string) {
	t.Helper()
	switch runtime.GOOS {
	case "linux", "freebsd", "openbsd", "netbsd", "dragonfly", "solaris", "illumos":
	default:
		t.Skipf("the locale comes from the environment only on Linux and BSD, not on %s", runtime.GOOS)
	}
	en, err := fs.ReadFile(assets.Translations, "translations/en.json")
	if err != nil {
		t.Fatal(err)
	}
	// Registered before t.Setenv, so it runs after the environment is back.
	// The package's other tests never load the packs (Main does): German
	// lookups then read as English. Registering the English texts for "de"
	// puts that back, and reloading picks the language of the environment.
	t.Cleanup(func() {
		if err := lang.AddTranslationsForLocale(en, "de"); err != nil {
			t.Error(err)
		}
	})
	env := map[string]string{"LANGUAGE": "", "LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}
	for _, kv := range vars {
		k, v, _ := strings.Cut(kv, "=")
		env[k] = v
	}
	for k, v := range env {
		t.Setenv(k, v)
	}
	// Fyne chooses the language each time translations are added.
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		t.Fatalf("loading the translations: %v", err)
	}
}

func TestLanguageFromLocale(t *testing.T) {
	tests := []struct {
		env  []string
		want string // lang.L("learning rate")
	}{
		{[]string{"LANG=de_DE.UTF-8"}, "Lernrate"},
		{[]string{"LANG=de_AT.UTF-8"}, "Lernrate"},
		{[]string{"LANG=de_CH"}, "Lernrate"},
		{[]string{"LC_ALL=de_DE.UTF-8", "LANG=en_US.UTF-8"}, "Lernrate"},
		{[]string{"LC_MESSAGES=de_DE.UTF-8", "LANG=en_US.UTF-8"}, "Lernrate"},
		{[]string{"LANGUAGE=de:en", "LANG=en_US.UTF-8"}, "Lernrate"},
		{[]string{"LANG=en_US.UTF-8"}, "learning rate"},
		{[]string{"LANG=en_GB.UTF-8"}, "learning rate"},
		{[]string{"LC_ALL=en_US.UTF-8", "LANG=de_DE.UTF-8"}, "learning rate"},
		{[]string{"LANG=fr_FR.UTF-8"}, "learning rate"}, // no French pack: English
		{[]string{"LANG=C"}, "learning rate"},
		{nil, "learning rate"},
	}
	for _, tc := range tests {
		name := strings.Join(tc.env, ",")
		if name == "" {
			name = "no locale"
		}
		t.Run(name, func(t *testing.T) {
			withLocale(t, tc.env...)
			if got := lang.L("learning rate"); got != tc.want {
				t.Errorf("lang.L(%q) = %q, want %q", "learning rate", got, tc.want)
			}
		})
	}
	// Each subtest put lang back as the other tests expect it, whatever the
	// environment of the test run: the English texts.
	if got := lang.L("learning rate"); got != "learning rate" {
		t.Errorf("after the subtests lang.L(%q) = %q, want the English text", "learning rate", got)
	}
}

func TestGermanStrings(t *testing.T) {
	withLocale(t, "LANG=de_DE.UTF-8")
	tests := []struct{ key, want string }{
		{"learning rate", "Lernrate"},
		{"steps", "Schritte"},
		{"Sweep learning rates", "Lernraten durchprobieren"},
		{"exact", "exakt"},
		{"numeric", "numerisch"},
		{"Run %d at step %d: Hessian eigenvalues %s. %s", "Durchlauf %d bei Schritt %d: Eigenwerte der Hesse-Matrix %s. %s"},
		{"dark", "dunkel"},
	}
	for _, tc := range tests {
		if got := lang.L(tc.key); got != tc.want {
			t.Errorf("lang.L(%q) = %q, want %q", tc.key, got, tc.want)
		}
	}
	verdicts := []struct {
		m    message.Message
		want string
	}{
		{optimizer.VerdictConverged.Word(), "konvergiert"},
		{optimizer.VerdictOscillating.Word(), "oszilliert"},
		{optimizer.VerdictDiverged.Word(), "divergiert"},
		{optimizer.VerdictSaddle.Word(), "Sattelpunkt"},
		{optimizer.VerdictSlow.Word(), "langsam"},
		{optimizer.Cancelled.Word(), "abgebrochen"},
		{message.Message{}, ""},
	}
	for _, tc := range verdicts {
		if got := render(tc.m); got != tc.want {
			t.Errorf("render(%q) = %q, want %q", tc.m, got, tc.want)
		}
	}
	if got, want := joinAnd([]string{"2", "-2"}), "2 und -2"; got != want {
		t.Errorf("joinAnd = %q, want %q", got, want)
	}
}

func TestLessonStrings(t *testing.T) {
	ls := lesson.BuiltIn()
	if len(ls) == 0 {
		t.Fatal("no built-in lessons")
	}
	own := []string{"", "My lesson", "Meine Lektion", "A paragraph of my own."}
	withLocale(t, "LANG=de_DE.UTF-8")
	if got, want := translateLessonString(ls[0].Title), "Das Lehrbuchbeispiel"; got != want {
		t.Errorf("first lesson's title = %q, want %q", got, want)
	}
	if got := translateLessonString(ls[0].Text); !strings.HasPrefix(got, "Das ist das erste Beispiel der meisten Lehrbücher") {
		t.Errorf("first lesson's text = %q, want it in German", got)
	}
	for _, l := range ls {
		strs := []string{l.Title, l.Text}
		for _, st := range l.Stops {
			strs = append(strs, st.Text)
		}
		for _, s := range strs {
			if got := translateLessonString(s); got == s {
				t.Errorf("%q is not translated", s)
			}
		}
	}
	for _, s := range own {
		if got := translateLessonString(s); got != s {
			t.Errorf("translateLessonString(%q) = %q, want a user's own text unchanged", s, got)
		}
	}
}

// summaryCase is one of the optimizer's stability sentences, made by the
// optimizer itself, with its German translation.
type summaryCase struct {
	name   string
	make   func(t *testing.T) message.Message
	german string
}

// summaryAt is the sentence of optimizer.AnalyseAt for src with method m and
// learning rate lr at (x, y).
func summaryAt(src string, m optimizer.Method, lr, x, y float64) func(t *testing.T) message.Message {
	return func(t *testing.T) message.Message {
		f, err := expr.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		c := optimizer.DefaultConfig()
		c.Method, c.LR = m, lr
		return optimizer.AnalyseAt(f, c, []float64{x, y}).Summary
	}
}

// summaryAfter is the sentence of a whole run of gd on src (at its end point, or
// at its start point when it diverged).
func summaryAfter(src string, lr float64, steps int) func(t *testing.T) message.Message {
	return func(t *testing.T) message.Message {
		f, err := expr.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		c := optimizer.DefaultConfig()
		c.LR, c.Steps = lr, steps
		return optimizer.Run(context.Background(), optimizer.Problem{F: f, Source: src}, c, nil).Analysis.Summary
	}
}

var summaryCases = []summaryCase{
	{"below", summaryAt("x^2 + y^2", optimizer.GD, 0.1, 3, 2),
		"hier werden Schritte entlang der steilsten Richtung kleiner: Lernrate 0.1 liegt unter der kritischen Lernrate 1.0"},
	{"critical", summaryAt("x^2 + y^2", optimizer.GD, 1, 3, 2),
		"hier werden Schritte entlang der steilsten Richtung weder größer noch kleiner: Lernrate 1.0 ist genau die kritische Lernrate"},
	{"above", summaryAt("x^2 + y^2", optimizer.GD, 1.1, 3, 2),
		"hier werden Schritte entlang der steilsten Richtung größer: Lernrate 1.1 liegt über der kritischen Lernrate 1.0"},
	{"below at a saddle", summaryAt("x^2 - y^2", optimizer.GD, 0.1, 1, 0),
		"hier werden Schritte entlang der steilsten Richtung kleiner: Lernrate 0.1 liegt unter der kritischen Lernrate 1.0, doch in einer anderen Richtung ist die Fläche nach unten gekrümmt (ein Sattelpunkt)"},
	{"critical at a saddle", summaryAt("x^2 - y^2", optimizer.GD, 1, 1, 0),
		"hier werden Schritte entlang der steilsten Richtung weder größer noch kleiner: Lernrate 1.0 ist genau die kritische Lernrate, doch in einer anderen Richtung ist die Fläche nach unten gekrümmt (ein Sattelpunkt)"},
	{"above at a saddle", summaryAt("x^2 - y^2", optimizer.GD, 2, 1, 0),
		"hier werden Schritte entlang der steilsten Richtung größer: Lernrate 2.0 liegt über der kritischen Lernrate 1.0, doch in einer anderen Richtung ist die Fläche nach unten gekrümmt (ein Sattelpunkt)"},
	{"adaptive", summaryAt("x^2 + y^2", optimizer.Adam, 0.1, 3, 2),
		"adam passt die Schrittweite an die Gradienten an und hat daher keine feste kritische Lernrate; für gd läge sie hier bei 1.0"},
	{"no bowl", summaryAt("-x^2 - y^2", optimizer.GD, 0.1, 3, 2),
		"Keine kritische Lernrate: Die Funktion ist im aktuellen Punkt nicht nach oben gekrümmt (größter Eigenwert der Hesse-Matrix -2.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
	{"no bowl 1-D", summaryAt("-x^2", optimizer.GD, 0.1, 3, 0),
		"Keine kritische Lernrate: Die Funktion ist im aktuellen Punkt nicht nach oben gekrümmt (f'' -2.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
	{"no hill", summaryAt("x^2 + y^2", optimizer.Ascent, 0.1, 3, 2),
		"Keine kritische Lernrate: Die Funktion ist im aktuellen Punkt nicht nach unten gekrümmt (kleinster Eigenwert der Hesse-Matrix 2.0), es gibt also keinen Hügel, über den ein Schritt hinausschießen könnte"},
	{"not finite", summaryAt("sqrt(x) + y^2", optimizer.GD, 0.1, 0, 2),
		"Keine kritische Lernrate: Die Hesse-Matrix ist im aktuellen Punkt nicht endlich"},
	{"outside the domain", summaryAt("sqrt(x) + y^2", optimizer.GD, 0.1, -1, 2),
		"Keine kritische Lernrate: f ist im aktuellen Punkt nicht definiert, der Punkt liegt außerhalb des Definitionsbereichs der Funktion"},
	{"start outside the domain", summaryAfter("log(-1 - x^2) + y", 0.1, 10),
		"Keine kritische Lernrate: f ist im Startpunkt nicht definiert, der Punkt liegt außerhalb des Definitionsbereichs der Funktion"},
	{"end point", summaryAfter("x", 0.1, 10),
		"Keine kritische Lernrate: Die Funktion ist im Endpunkt nicht nach oben gekrümmt (f'' 0.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
	{"start point", summaryAfter("-x^2 - y^2", 0.1, 1000),
		"Keine kritische Lernrate: Die Funktion ist im Startpunkt nicht nach oben gekrümmt (größter Eigenwert der Hesse-Matrix -2.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
}

func TestStabilitySentencesInGerman(t *testing.T) {
	made := make([]message.Message, len(summaryCases))
	for i, s := range summaryCases {
		made[i] = s.make(t) // before switching: the optimizer does not depend on it
	}
	withLocale(t, "LANG=de_DE.UTF-8")
	for i, s := range summaryCases {
		if got := render(made[i]); got != s.german {
			t.Errorf("%s: render(%q)\n = %q\nwant %q", s.name, made[i], got, s.german)
		}
	}
}

func TestStabilitySentencesInEnglish(t *testing.T) {
	withLocale(t, "LANG=en_US.UTF-8")
	// The window's English is the message's own English.
	for _, s := range summaryCases {
		m := s.make(t)
		if got := render(m); got != m.String() || got == "" {
			t.Errorf("%s: render = %q, want %q", s.name, got, m.String())
		}
	}
	if got, want := joinAnd([]string{"2", "-2"}), "2 and -2"; got != want {
		t.Errorf("joinAnd = %q, want %q", got, want)
	}
}

// expectOperandDE is the German tail of the parser's messages where an
// operand is missing.
const expectOperandDE = `erwartet wird eine Zahl, x, y, eine Funktion oder "("`

// parseErrorCase is a function text that expr.Parse rejects, with the
// German translation of the error's text; raw, when set, is an error text
// the parser cannot produce from any input, used instead.
type parseErrorCase struct {
	name, src, raw string
	german         string
}

// parseErrorCases have one row or more per form of expr.Error's message.
var parseErrorCases = []parseErrorCase{
	{name: "bad character", src: "x # y",
		german: `Spalte 3: unerwartetes Zeichen '#': erwartet wird eine Zahl, x, y, eine Funktion, ein Operator (+ - * / ^ **) oder eine Klammer`},
	{name: "apostrophe", src: "x ' y",
		german: `Spalte 3: unerwartetes Zeichen '\'': erwartet wird eine Zahl, x, y, eine Funktion, ein Operator (+ - * / ^ **) oder eine Klammer`},
	{name: "equation", src: "f = x^2",
		german: `Spalte 3: unerwartetes "=": bitte nur die rechte Seite eingeben, z. B. x^2 + y^2`},
	{name: "superscript", src: "x² + y",
		german: `Spalte 2: unerwartetes Zeichen '²': Potenzen werden mit ^ geschrieben, z. B. x^2`},
	{name: "unicode minus", src: "x − y",
		german: `Spalte 3: unerwartetes Zeichen '−': erwartet wird das Minuszeichen -`},
	{name: "unicode times", src: "2×x",
		german: `Spalte 2: unerwartetes Zeichen '×': erwartet wird das Malzeichen *`},
	{name: "lone point", src: "x + .",
		german: `Spalte 5: ungültige Zahl ".": erwartet werden Ziffern vor oder nach dem Dezimalpunkt`},
	{name: "two decimal points", src: "1.2.3x",
		german: `Spalte 4: ungültige Zahl "1.2.3": eine Zahl hat höchstens einen Dezimalpunkt`},
	{name: "fractional exponent", src: "x^1e5.5",
		german: `Spalte 6: ungültige Zahl "1e5.5": der Exponent einer Zahl muss ganzzahlig sein`},
	{name: "two exponents", src: "1e5e5*x",
		german: `Spalte 4: ungültige Zahl "1e5e5": eine Zahl hat höchstens einen Exponenten`},
	{name: "huge number", src: "1e999x",
		german: `Spalte 1: die Zahl 1e999 ist zu groß: erlaubt sind höchstens etwa 1.8e308`},
	{name: "too long", src: "x" + strings.Repeat("+x", 500),
		german: `Spalte 1001: die Eingabe ist 1001 Zeichen lang: erlaubt sind höchstens 1000`},
	{name: "empty", src: "",
		german: `Spalte 1: leere Eingabe: erwartet wird eine Funktion von x (und y), z. B. x^2 + y^2`},
	{name: "no variable", src: "2 + 3",
		german: `Spalte 1: keine Variable gefunden: die Funktion muss x enthalten (und darf y enthalten)`},
	{name: "too deep", src: strings.Repeat("(", 201) + "x" + strings.Repeat(")", 201),
		german: `Spalte 201: der Ausdruck ist mehr als 200 Ebenen tief verschachtelt: bitte einfacher schreiben`},
	{name: "extra parenthesis", src: "x+1)",
		german: `Spalte 4: ")" ohne Gegenstück: es gibt kein "(", das damit geschlossen würde`},
	{name: "empty parentheses", src: "x*()",
		german: `Spalte 4: ")" direkt nach "(": erwartet wird ein Ausdruck zwischen den Klammern`},
	{name: "index on y", src: "y[0]",
		german: `Spalte 2: "[" nach y: nur x kann indiziert werden (x[0] ist x, x[1] ist y)`},
	{name: "call a variable", src: "x(y+1)",
		german: `Spalte 2: "(" nach "x": erwartet wird ein Operator (zum Multiplizieren * schreiben: x*(...))`},
	{name: "call a constant", src: "pi(x)",
		german: `Spalte 3: "(" nach pi: erwartet wird ein Operator (zum Multiplizieren pi*( schreiben)`},
	{name: "missing operator", src: "x y",
		german: `Spalte 3: "y" nach "x": erwartet wird ein Operator (+ - * / ^) oder das Ende der Eingabe`},
	{name: "two numbers", src: "2 3x",
		german: `Spalte 3: Zahl 3 nach Zahl 2: erwartet wird ein Operator (+ - * / ^) oder das Ende der Eingabe`},
	{name: "unexpected end", src: "x^2 +",
		german: `Spalte 6: unerwartetes Ende der Eingabe nach "+": ` + expectOperandDE},
	{name: "end without a token before", raw: `unexpected end of input: expected a number, x, y, a function or "("`,
		german: `Spalte 1: unerwartetes Ende der Eingabe: ` + expectOperandDE},
	{name: "operator at start", src: "*x",
		german: `Spalte 1: "*" am Anfang: ` + expectOperandDE},
	{name: "two operators", src: "x + * y",
		german: `Spalte 5: "*" nach "+" (zwei Operatoren hintereinander): ` + expectOperandDE},
	{name: "operator after parenthesis", src: "(*x)",
		german: `Spalte 2: "*" nach "(": ` + expectOperandDE},
	{name: "parenthesis at start", src: ")",
		german: `Spalte 1: ")" am Anfang: ` + expectOperandDE},
	{name: "missing parenthesis", src: "(x+1",
		german: `Spalte 5: ")" fehlt: die Klammer "(" in Spalte 1 wird nicht geschlossen`},
	{name: "missing call parenthesis", src: "x + sin(x",
		german: `Spalte 10: ")" fehlt: die Klammer "(" in Spalte 8 wird nicht geschlossen`},
	{name: "junk inside parentheses", src: "(x y)",
		german: `Spalte 4: "y" nach "x": erwartet wird ein Operator oder ")" zum Schließen der Klammer "(" in Spalte 1`},
	{name: "junk inside call", src: "sin(x y)",
		german: `Spalte 7: "y" nach "x": erwartet wird ein Operator, "," oder ")" zum Schließen von sin(`},
	{name: "bad index", src: "x[1.5]",
		german: `Spalte 3: x[1.5]: erwartet wird als Index eine ganze Zahl von 0 bis 63`},
	{name: "index cut off", src: "x[",
		german: `Spalte 3: unerwartetes Ende der Eingabe nach "[": erwartet wird eine Zahl, x, y, eine Funktion oder "("`},
	{name: "unclosed index", src: "x[0 1",
		german: `Spalte 5: Zahl 1 nach "x[0": erwartet wird "]"`},
	{name: "function without parentheses", src: "sin x",
		german: `Spalte 5: "x" nach sin: erwartet wird "(" (Funktionen werden so aufgerufen: sin(x))`},
	{name: "function at the end", src: "x + log10",
		german: `Spalte 10: Ende der Eingabe nach log10: erwartet wird "(" (Funktionen werden so aufgerufen: log10(x))`},
	{name: "no argument", src: "cos()",
		german: `Spalte 5: cos braucht 1 Argument, erhält aber keines`},
	{name: "no arguments", src: "x*max()",
		german: `Spalte 7: max braucht 2 Argumente, erhält aber keines`},
	{name: "too many arguments", src: "sin(x, y)",
		german: `Spalte 6: sin braucht 1 Argument, erhält aber 2`},
	{name: "too few arguments", src: "max(x)",
		german: `Spalte 6: max braucht 2 Argumente, erhält aber 1`},
	{name: "far too many arguments", src: "atan2(x, y, 1)",
		german: `Spalte 11: atan2 braucht 2 Argumente, erhält aber 3`},
	{name: "misspelt function", src: "sni(x)",
		german: `Spalte 1: unbekannter Name "sni": meinten Sie sin?`},
	{name: "misspelt long function", src: "x + sigmiod(y)",
		german: `Spalte 5: unbekannter Name "sigmiod": meinten Sie sigmoid?`},
	{name: "upper case variable", src: "X^2",
		german: `Spalte 1: unbekannter Name "X": meinten Sie x? (Groß- und Kleinschreibung wird unterschieden)`},
	{name: "upper case function", src: "SIN(x)",
		german: `Spalte 1: unbekannter Name "SIN": meinten Sie sin? (Namen werden kleingeschrieben)`},
	{name: "juxtaposed variables", src: "xy",
		german: `Spalte 1: unbekannter Name "xy": meinten Sie x*y? (zwischen Variablen steht ein *)`},
	{name: "unknown variable", src: "x + z",
		german: `Spalte 5: unbekannter Name "z": die Variablen heißen x und y`},
	{name: "non-ASCII name", src: "é + x",
		german: `Spalte 1: unbekannter Name "é": die Variablen heißen x und y`},
	{name: "far unknown name", src: "banana",
		german: `Spalte 1: unbekannter Name "banana": erwartet wird x, y, pi, e oder eine Funktion wie sin`},
	{name: "long unknown name", src: "x + abcdefghijklmnopqrstuvwxyz",
		german: `Spalte 5: unbekannter Name "abcdefghijklmnopqrst...": erwartet wird x, y, pi, e oder eine Funktion wie sin`},
}

// msg is the case's error as the parser makes it; raw is the key of a kind
// no input produces, made into an error at column 1.
func (c parseErrorCase) msg(t *testing.T) *expr.Error {
	t.Helper()
	if c.raw != "" {
		for _, k := range message.Kinds() {
			if k.Key() == c.raw {
				return &expr.Error{Col: 1, Msg: k.New()}
			}
		}
		t.Fatalf("%s: no kind %q", c.name, c.raw)
	}
	_, err := expr.Parse(c.src)
	var pe *expr.Error
	if !errors.As(err, &pe) {
		t.Fatalf("%s: Parse(%q) error = %v, want an *expr.Error", c.name, c.src, err)
	}
	return pe
}

// configErrorCase is a run's settings that Config.Validate rejects, with the
// German translation of its message.
type configErrorCase struct {
	name   string
	dims   int
	set    func(c *optimizer.Config)
	german string
}

// methodNames lists the optimizer's methods as Validate names them.
func methodNames() string { return strings.Join(optimizer.MethodNames(), ", ") }

// configErrorCases have one row or more per message of Config.Validate.
var configErrorCases = []configErrorCase{
	{"dims", 65, func(c *optimizer.Config) {},
		"die Funktion hat 65 Variablen: erlaubt sind 1 bis 64"},
	{"start length", 3, func(c *optimizer.Config) {},
		"der Start hat 2 Koordinaten, die Funktion 3 Variablen: geben Sie für jede eine Zahl an"},
	{"start coordinate", 3, func(c *optimizer.Config) { c.SetStart([]float64{1, 2, math.Inf(1)}) },
		"die Startkoordinate x[2] = +Inf ist keine endliche Zahl"},
	{"method", 2, func(c *optimizer.Config) { c.Method = "sgd" },
		`Verfahren "sgd": gültige Verfahren sind ` + methodNames()},
	{"lr zero", 2, func(c *optimizer.Config) { c.LR = 0 },
		"Lernrate 0: die Lernrate muss eine positive, endliche Zahl sein"},
	{"lr negative", 2, func(c *optimizer.Config) { c.LR = -0.25 },
		"Lernrate -0.25: die Lernrate muss eine positive, endliche Zahl sein"},
	{"lr NaN", 1, func(c *optimizer.Config) { c.LR = math.NaN() },
		"Lernrate NaN: die Lernrate muss eine positive, endliche Zahl sein"},
	{"lr infinite", 2, func(c *optimizer.Config) { c.LR = math.Inf(1) },
		"Lernrate +Inf: die Lernrate muss eine positive, endliche Zahl sein"},
	{"start x", 2, func(c *optimizer.Config) { c.Start[0] = math.Inf(-1) },
		"Start x -Inf: muss eine endliche Zahl sein"},
	{"start y", 2, func(c *optimizer.Config) { c.Start[1] = math.NaN() },
		"Start y NaN: muss eine endliche Zahl sein"},
	{"negative steps", 2, func(c *optimizer.Config) { c.Steps = -1 },
		"Schrittzahl -1: muss 0 oder größer sein"},
	{"too many steps", 2, func(c *optimizer.Config) { c.Steps = optimizer.MaxStepsLimit + 1 },
		"Schrittzahl 100000001: erlaubt sind höchstens 100000000 Schritte"},
	{"gradient", 2, func(c *optimizer.Config) { c.Gradient = "fast" },
		`Gradient "fast": muss "exact" oder "numeric" sein`},
	{"h", 2, func(c *optimizer.Config) { c.H = -1e-5 },
		"h -1e-05: die Schrittweite des numerischen Gradienten muss eine positive, endliche Zahl sein"},
	{"bound", 2, func(c *optimizer.Config) { c.Bound = -1 },
		"Schranke -1: die Divergenzschranke muss positiv sein"},
	{"tol", 2, func(c *optimizer.Config) { c.Tol = -0.5 },
		"Toleranz -0.5: die Toleranz muss 0 (aus) oder eine positive, endliche Zahl sein"},
	{"momentum", 2, func(c *optimizer.Config) { c.Hyper.Set("momentum", -0.9) },
		"momentum -0.9: μ muss mindestens 0 und kleiner als 1 sein"},
	{"dampening", 2, func(c *optimizer.Config) { c.Hyper.Set("dampening", 2) },
		"dampening 2: τ muss zwischen 0 und 1 sein"},
	{"alpha", 2, func(c *optimizer.Config) { c.Hyper.Set("alpha", 1.5) },
		"alpha 1.5: α muss mindestens 0 und kleiner als 1 sein"},
	{"beta1", 2, func(c *optimizer.Config) { c.Hyper.Set("beta1", 1) },
		"beta1 1: β1 muss mindestens 0 und kleiner als 1 sein"},
	{"beta2", 2, func(c *optimizer.Config) { c.Hyper.Set("beta2", -0.1) },
		"beta2 -0.1: β2 muss mindestens 0 und kleiner als 1 sein"},
	{"eps", 2, func(c *optimizer.Config) { c.Hyper.Set("eps", math.Inf(1)) },
		"eps +Inf: ε muss 0 (die Voreinstellung des Verfahrens) oder eine endliche Zahl > 0 sein"},
}

// msg is Config.Validate's message for the case.
func (c configErrorCase) msg(t *testing.T) error {
	t.Helper()
	cfg := optimizer.DefaultConfig()
	c.set(&cfg)
	err := cfg.Validate(c.dims)
	if err == nil {
		t.Fatalf("%s: Validate accepted %+v", c.name, cfg)
	}
	return err
}

// madeErrors are the parse and the config error cases, made by the engine
// before the language is switched (it does not depend on it).
func madeErrors(t *testing.T) (parse []*expr.Error, config []error) {
	t.Helper()
	for _, c := range parseErrorCases {
		parse = append(parse, c.msg(t))
	}
	for _, c := range configErrorCases {
		config = append(config, c.msg(t))
	}
	return parse, config
}

func TestEngineErrorsInGerman(t *testing.T) {
	parse, config := madeErrors(t)
	withLocale(t, "LANG=de_DE.UTF-8")
	for i, c := range parseErrorCases {
		if got := errText(parse[i]); got != c.german {
			t.Errorf("%s: %q in German\n = %q\nwant %q", c.name, parse[i], got, c.german)
		}
	}
	for i, c := range configErrorCases {
		if got := errText(config[i]); got != c.german {
			t.Errorf("%s: %q in German\n = %q\nwant %q", c.name, config[i], got, c.german)
		}
	}
}

func TestEngineErrorsInEnglish(t *testing.T) {
	parse, config := madeErrors(t)
	withLocale(t, "LANG=en_US.UTF-8")
	// The window's English is the engine's own English text.
	for i, e := range parse {
		if got := errText(e); got != e.Error() {
			t.Errorf("%s: %q in the window, want %q", parseErrorCases[i].name, got, e.Error())
		}
	}
	for i, e := range config {
		if got := errText(e); got != e.Error() {
			t.Errorf("%s: %q in the window, want %q", configErrorCases[i].name, got, e.Error())
		}
	}
}

// quotedRE matches a Go-quoted string or character in a message.
var quotedRE = regexp.MustCompile(`"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)+'`)

// quotedIn are the quoted names and characters in s, sorted.
func quotedIn(s string) []string {
	q := quotedRE.FindAllString(s, -1)
	sort.Strings(q)
	return q
}

// sameFacts reports why the translation de of the English message en
// quotes other numbers or names, or "" when they are the same.
func sameFacts(en, de string) string {
	if a, b := strings.Join(numbersIn(en), " "), strings.Join(numbersIn(de), " "); a != b {
		return "numbers " + a + " became " + b
	}
	if a, b := strings.Join(quotedIn(en), " "), strings.Join(quotedIn(de), " "); a != b {
		return "quoted names " + a + " became " + b
	}
	return ""
}

// generatedSources are every sequence of up to three tokens from a small
// alphabet that exercises the parser's errors, and each parse error case's
// input with one of the alphabet's tokens inserted at every position.
func generatedSources() []string {
	alphabet := []string{"x", "y", "2", "1.5", "1e3", "(", ")", "[", "]", "0", ",", "+", "*",
		"^", "sin", "max", "pi", "X", "xy", "#", ".", " ", "="}
	srcs := []string{""}
	level := []string{""}
	for range 3 {
		var next []string
		for _, s := range level {
			for _, a := range alphabet {
				next = append(next, s+a)
			}
		}
		srcs = append(srcs, next...)
		level = next
	}
	for _, c := range parseErrorCases {
		rs := []rune(c.src)
		if c.src == "" || len(rs) > 40 {
			continue
		}
		for i := 0; i <= len(rs); i++ {
			for _, a := range alphabet {
				srcs = append(srcs, string(rs[:i])+a+string(rs[i:]))
			}
		}
	}
	return srcs
}

// TestAnyParseErrorInGerman renders the error of each generated input:
// every one must be translated, quote the same numbers and names in German
// as in English, and read in English as the parser wrote it.
func TestAnyParseErrorInGerman(t *testing.T) {
	var errs []*expr.Error
	seen := map[string]bool{}
	for _, src := range generatedSources() {
		_, err := expr.Parse(src)
		var pe *expr.Error
		if errors.As(err, &pe) && !seen[pe.Error()] {
			seen[pe.Error()] = true
			errs = append(errs, pe)
		}
	}
	parse, config := madeErrors(t)
	errs = append(errs, parse...)
	if len(errs) < 500 {
		t.Fatalf("only %d distinct errors from the generated inputs", len(errs))
	}
	withLocale(t, "LANG=en_US.UTF-8")
	for _, e := range errs {
		if got := errText(e); got != e.Error() {
			t.Errorf("%q in English reads %q", e.Error(), got)
		}
	}
	withLocale(t, "LANG=de_DE.UTF-8")
	check := func(en, de string) {
		if de == en {
			t.Errorf("%q is not translated", en)
		} else if why := sameFacts(en, de); why != "" {
			t.Errorf("%q = %q: %s", en, de, why)
		}
	}
	for _, e := range errs {
		check(e.Error(), errText(e))
	}
	for _, e := range config {
		check(e.Error(), errText(e))
	}
}

// sameInGerman are the message keys whose German reads like the English.
var sameInGerman = map[string]bool{
	"%s": true, "%s (%s)": true, "%s: %s": true, "f''": true, "β1": true, "β2": true, "ε": true,
	"AdaGrad (torch.optim.Adagrad)": true, "RMSProp (torch.optim.RMSprop)": true,
}

// TestEveryMessageKindIsTranslated walks every kind of message the program
// can produce (every message.Define linked into the window): each has its
// German in a message pack with the same verbs, renders in German with
// arguments of its arity without a formatting error, and does not fall back
// to English; no pack holds a key that is no kind any more.
func TestEveryMessageKindIsTranslated(t *testing.T) {
	de, en := map[string]string{}, map[string]bool{}
	for _, name := range messagePacks(t, "de") {
		for k, v := range readPack(t, name) {
			if old, dup := de[k]; dup && old != v {
				t.Errorf("%s: %q is in two packs with two translations", name, k)
			}
			de[k] = v
		}
	}
	for _, name := range messagePacks(t, "en") {
		for k := range readPack(t, name) {
			en[k] = true
		}
	}
	kinds := map[string]bool{}
	for _, k := range message.Kinds() {
		key := k.Key()
		kinds[key] = true
		tr, ok := de[key]
		switch {
		case !ok:
			t.Errorf("no German for %q", key)
			continue
		case !en[key]:
			t.Errorf("no English pack entry for %q", key)
		case tr == key && !sameInGerman[key]:
			t.Errorf("the German of %q is the English", key)
		}
		if a, b := sortedVerbs(key), sortedVerbs(tr); a != b || message.Arity(key) != message.Arity(tr) {
			t.Errorf("%q has verbs %s, its German %q has %s", key, a, tr, b)
		}
		args := make([]message.Arg, k.Arity())
		for i := range args {
			args[i] = message.Text("⟨" + strconv.Itoa(i+1) + "⟩")
		}
		out := k.New(args...).Render(func(key string) string { return de[key] })
		if strings.Contains(out, "%!") {
			t.Errorf("%q renders in German as %q", key, out)
		}
	}
	for k := range de {
		if !kinds[k] {
			t.Errorf("the message packs hold %q, which is no kind of message", k)
		}
	}
}

func sortedVerbs(s string) string {
	v := message.Verbs(s)
	sort.Strings(v)
	return strings.Join(v, " ")
}
