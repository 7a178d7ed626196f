package app

import (
	"bytes"
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
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
	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// translationPacks are the translation packs the window ships, by file name.
var translationPacks = []string{"en.json", "de.json"}

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

// usedKeys are the keys the window looks up: every lang.L call with a
// string literal in the package's source (tests excluded), and the values
// that reach lang.L through a variable: the optimizer's verdicts and
// statuses, the theme names and the built-in lessons' titles and texts.
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
	for _, k := range optimizerConsts(t, "Verdict", "Status") {
		keys[k] = true
	}
	for _, k := range themeChoices {
		keys[k] = true
	}
	for k := range lessonKeys(t) {
		keys[k] = true
	}
	return keys
}

// lessonKeys are the titles and texts of the built-in lessons.
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

// optimizerConsts are the values of the optimizer package's string constants
// of the named types, read from its source so that a new verdict or status
// cannot be missed.
func optimizerConsts(t *testing.T, types ...string) []string {
	t.Helper()
	want := map[string]bool{}
	for _, ty := range types {
		want[ty] = true
	}
	files, err := filepath.Glob(filepath.Join("..", "optimizer", "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var vals []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok || gd.Tok != token.CONST {
				continue
			}
			for _, spec := range gd.Specs {
				vs := spec.(*ast.ValueSpec)
				ty, ok := vs.Type.(*ast.Ident)
				if !ok || !want[ty.Name] {
					continue
				}
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						s, _ := strconv.Unquote(lit.Value)
						vals = append(vals, s)
					}
				}
			}
		}
	}
	if len(vals) < 10 {
		t.Fatalf("found only %d verdicts and statuses in ../optimizer: %q", len(vals), vals)
	}
	return vals
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
	for k, v := range readPack(t, "en.json") {
		if k != v {
			t.Errorf("en.json: %q translates to %q, want the key itself", k, v)
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
	for k, v := range readPack(t, "de.json") {
		want, got := numbersIn(k), numbersIn(v)
		if strings.Join(want, " ") != strings.Join(got, " ") {
			t.Errorf("de.json: %q\nquotes %q, its translation %q\nquotes %q", k, want, v, got)
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
	verdicts := []struct{ v, want string }{
		{string(optimizer.VerdictConverged), "konvergiert"},
		{string(optimizer.VerdictOscillating), "oszilliert"},
		{string(optimizer.VerdictDiverged), "divergiert"},
		{string(optimizer.VerdictSaddle), "Sattelpunkt"},
		{string(optimizer.VerdictSlow), "langsam"},
		{string(optimizer.Cancelled), "abgebrochen"},
		{"", ""},
	}
	for _, tc := range verdicts {
		if got := translateVerdict(tc.v); got != tc.want {
			t.Errorf("translateVerdict(%q) = %q, want %q", tc.v, got, tc.want)
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
		for _, s := range []string{l.Title, l.Text} {
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
	make   func(t *testing.T) string
	german string
}

// summaryAt is the sentence of optimizer.AnalyseAt for src with method m and
// learning rate lr at (x, y).
func summaryAt(src string, m optimizer.Method, lr, x, y float64) func(t *testing.T) string {
	return func(t *testing.T) string {
		f, err := expr.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		c := optimizer.DefaultConfig()
		c.Method, c.LR = m, lr
		return optimizer.AnalyseAt(f, c, [2]float64{x, y}).Summary
	}
}

// summaryAfter is the sentence of a whole run of gd on src (at its end point, or
// at its start point when it diverged).
func summaryAfter(src string, lr float64, steps int) func(t *testing.T) string {
	return func(t *testing.T) string {
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
		"Lernrate 0.1 liegt unter der kritischen Lernrate 1.0: konvergiert"},
	{"critical", summaryAt("x^2 + y^2", optimizer.GD, 1, 3, 2),
		"Lernrate 1.0 ist genau die kritische Lernrate: oszilliert endlos"},
	{"above", summaryAt("x^2 + y^2", optimizer.GD, 1.1, 3, 2),
		"Lernrate 1.1 liegt über der kritischen Lernrate 1.0: divergiert"},
	{"below at a saddle", summaryAt("x^2 - y^2", optimizer.GD, 0.1, 1, 0),
		"Lernrate 0.1 liegt unter der kritischen Lernrate 1.0: konvergiert entlang der nach oben gekrümmten Richtung, doch in einer anderen Richtung ist die Fläche nach unten gekrümmt (ein Sattelpunkt)"},
	{"critical at a saddle", summaryAt("x^2 - y^2", optimizer.GD, 1, 1, 0),
		"Lernrate 1.0 ist genau die kritische Lernrate: oszilliert endlos entlang der nach oben gekrümmten Richtung, doch in einer anderen Richtung ist die Fläche nach unten gekrümmt (ein Sattelpunkt)"},
	{"above at a saddle", summaryAt("x^2 - y^2", optimizer.GD, 2, 1, 0),
		"Lernrate 2.0 liegt über der kritischen Lernrate 1.0: divergiert entlang der nach oben gekrümmten Richtung, doch in einer anderen Richtung ist die Fläche nach unten gekrümmt (ein Sattelpunkt)"},
	{"adaptive", summaryAt("x^2 + y^2", optimizer.Adam, 0.1, 3, 2),
		"adam passt die Schrittweite an die Gradienten an und hat daher keine feste kritische Lernrate; für gd läge sie hier bei 1.0"},
	{"no bowl", summaryAt("-x^2 - y^2", optimizer.GD, 0.1, 3, 2),
		"Keine kritische Lernrate: Die Funktion ist im aktuellen Punkt nicht nach oben gekrümmt (größter Eigenwert der Hesse-Matrix -2.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
	{"no bowl 1-D", summaryAt("-x^2", optimizer.GD, 0.1, 3, 0),
		"Keine kritische Lernrate: Die Funktion ist im aktuellen Punkt nicht nach oben gekrümmt (f'' -2.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
	{"no hill", summaryAt("x^2 + y^2", optimizer.Ascent, 0.1, 3, 2),
		"Keine kritische Lernrate: Die Funktion ist im aktuellen Punkt nicht nach unten gekrümmt (kleinster Eigenwert der Hesse-Matrix 2.0), es gibt also keinen Hügel, über den ein Schritt hinausschießen könnte"},
	{"not finite", summaryAt("sqrt(x) + y^2", optimizer.GD, 0.1, -1, 2),
		"Keine kritische Lernrate: Die Hesse-Matrix ist im aktuellen Punkt nicht endlich"},
	{"end point", summaryAfter("x", 0.1, 10),
		"Keine kritische Lernrate: Die Funktion ist im Endpunkt nicht nach oben gekrümmt (f'' 0.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
	{"start point", summaryAfter("-x^2 - y^2", 0.1, 1000),
		"Keine kritische Lernrate: Die Funktion ist im Startpunkt nicht nach oben gekrümmt (größter Eigenwert der Hesse-Matrix -2.0), es gibt also keine Mulde, über die ein Schritt hinausschießen könnte"},
}

// unknownSentences are not stability summaryCases: they pass unchanged.
var unknownSentences = []string{
	"",
	"Ready",
	"lr 0.1 is below the critical 1.0: converges!",
	"the learning rate is fine",
	"lr abc is below the critical 1.0: converges",
	"no critical lr: the Hessian is not finite at the moon",
	"something" + saddleSuffix,
}

func TestTranslateSummaryGerman(t *testing.T) {
	made := make([]string, len(summaryCases))
	for i, s := range summaryCases {
		made[i] = s.make(t) // before switching: the optimizer does not depend on it
	}
	withLocale(t, "LANG=de_DE.UTF-8")
	for i, s := range summaryCases {
		if got := translateSummary(made[i]); got != s.german {
			t.Errorf("%s: translateSummary(%q)\n = %q\nwant %q", s.name, made[i], got, s.german)
		}
	}
	for _, s := range unknownSentences {
		if got := translateSummary(s); got != s {
			t.Errorf("translateSummary(%q) = %q, want it unchanged", s, got)
		}
	}
}

func TestTranslateSummaryEnglish(t *testing.T) {
	withLocale(t, "LANG=en_US.UTF-8")
	// The English pack's templates rebuild each summaryCase exactly.
	for _, s := range summaryCases {
		in := s.make(t)
		if got := translateSummary(in); got != in {
			t.Errorf("%s: translateSummary(%q) = %q, want it unchanged in English", s.name, in, got)
		}
	}
	for _, s := range unknownSentences {
		if got := translateSummary(s); got != s {
			t.Errorf("translateSummary(%q) = %q, want it unchanged", s, got)
		}
	}
	if got, want := joinAnd([]string{"2", "-2"}), "2 and -2"; got != want {
		t.Errorf("joinAnd = %q, want %q", got, want)
	}
}
