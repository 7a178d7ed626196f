package lesson

import (
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gdlab/message"
	"gdlab/message/packtest"
	"gdlab/optimizer/expr"
)

// TestTranslations checks that kinds lists every kind the package defines,
// that lesson.de.json translates exactly those, each with the verbs and the
// arity of its key, and that lesson.en.json maps each key to itself.
func TestTranslations(t *testing.T) {
	own := packtest.Keys(t, kinds)
	for _, key := range packtest.Defined(t, ".") {
		if !own[key] {
			t.Errorf("kind %q is defined but not in kinds", key)
		}
	}
	packtest.Check(t, "../assets/translations", "lesson", kinds, "JSON", "XMIN", "XMAX", "YMIN", "YMAX")
}

// TestErrorsAreMessages checks that every error of the package is a
// message whose English is the error's text, and that its German rendering
// (lesson.de.json with the translations of the packages whose messages it
// nests, where they exist) leaves none of the package's keys untranslated.
func TestErrorsAreMessages(t *testing.T) {
	de := map[string]string{}
	complete := true
	for _, name := range []string{"lesson.de.json", "expr.de.json", "optimizer.de.json", "model.de.json"} {
		m := packtest.Read(t, "../assets/translations", name)
		for k, v := range m {
			de[k] = v
		}
	}
	own := map[string]bool{}
	for _, k := range kinds {
		own[k.Key()] = true
	}
	errs := allErrors(t)
	if len(errs) < 100 {
		t.Fatalf("only %d errors to check", len(errs))
	}
	for name, err := range errs {
		m, ok := message.As(err)
		if !ok {
			t.Errorf("%s: %v is no message", name, err)
			continue
		}
		if m.String() != err.Error() {
			t.Errorf("%s: message %q, error %q", name, m, err)
		}
		var missing []string
		german := m.Render(func(key string) string {
			if g, ok := de[key]; ok {
				return g
			}
			if own[key] || complete {
				missing = append(missing, key)
			}
			return key
		})
		if len(missing) > 0 || strings.Contains(german, "%!") {
			t.Errorf("%s: German %q leaves %q untranslated", name, german, missing)
		}
	}
}

// allErrors returns the errors of many broken files and lessons, by name.
func allErrors(t *testing.T) map[string]error {
	errs := map[string]error{}
	for _, tt := range append(parseErrors(t), syntaxErrors(t)...) {
		_, err := Parse([]byte(tt.in))
		if err == nil {
			t.Fatalf("%s: no error", tt.name)
		}
		errs["parse "+tt.name] = err
	}
	good, err := Parse([]byte(validJSON))
	if err != nil {
		t.Fatal(err)
	}
	for name, change := range map[string]func(*Lesson){
		"NaN box":         func(l *Lesson) { l.Box = &[4]float64{0, math.NaN(), 0, 1} },
		"NaN speed":       func(l *Lesson) { l.Speed = math.NaN() },
		"unknown param":   func(l *Lesson) { l.Runs[0].Params = map[string]float64{"gamma": 1} },
		"empty method":    func(l *Lesson) { l.Runs[0].Method = " " },
		"infinite start":  func(l *Lesson) { l.Runs[0].Start[1] = math.Inf(1) },
		"bad function":    func(l *Lesson) { l.Function = "x +* y" },
		"long text":       func(l *Lesson) { l.Text = strings.Repeat("a", MaxText+1) },
		"1-D start given": func(l *Lesson) { l.Runs[0].Start = []float64{1} },
	} {
		l := good
		l.Runs = []Run{{Method: "gd", LR: 0.1, Start: []float64{3, 2}}}
		change(&l)
		errs["validate "+name] = l.Validate()
		errs["save "+name] = Save(filepath.Join(t.TempDir(), "x.json"), l)
	}
	for name, change := range map[string][2]string{
		"data model":    {`"model": "linear"`, `"model": "logistic"`},
		"data batch":    {`"batch": 10`, `"batch": -1`},
		"data mlp":      {`"model": "linear"`, `"model": "mlp:4"`},
		"data no model": {`"model": "linear"`, `"model": "cubic"`},
	} {
		errs["parse "+name] = second(Parse([]byte(strings.Replace(dataLesson, change[0], change[1], 1))))
	}
	dir := t.TempDir()
	errs["load missing"] = second(LoadFile(filepath.Join(dir, "missing.json")))
	errs["load folder"] = second(LoadFile(dir))
	errs["load read error"] = second(Load(errReader{errors.New("boom")}))
	errs["save into folder"] = Save(dir, good)
	errs["save into missing folder"] = Save(filepath.Join(dir, "missing", "x.json"), good)
	l := good
	l.Runs = []Run{{Method: "gd", LR: 0.1, Start: []float64{1, 2}, Bound: math.Inf(1)}}
	errs["save infinite bound"] = Save(filepath.Join(dir, "x.json"), l)
	if os.Geteuid() != 0 {
		locked := filepath.Join(dir, "locked.json")
		if err := os.WriteFile(locked, []byte(validJSON), 0o000); err != nil {
			t.Fatal(err)
		}
		errs["load locked"] = second(LoadFile(locked))
	}
	for name, err := range errs {
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
	}
	return errs
}

// second returns the error of a two-valued call.
func second[T any](_ T, err error) error { return err }

// TestErrorChains checks that a message about another error keeps that
// error: errors.As finds the function's *expr.Error and errors.Is the file
// system's error, while message.As and errors.As(&message.Message) give the
// outer message.
func TestErrorChains(t *testing.T) {
	l, err := Parse([]byte(validJSON))
	if err != nil {
		t.Fatal(err)
	}
	l.Function = "x +* y"
	err = Save(filepath.Join(t.TempDir(), "x.json"), l)
	var ee *expr.Error
	if !errors.As(err, &ee) || ee.Input != "x +* y" {
		t.Errorf("Save error %v does not wrap the *expr.Error", err)
	}
	var m message.Message
	if !errors.As(err, &m) || m.String() != err.Error() || !strings.HasPrefix(m.String(), "the lesson cannot be saved: function: column ") {
		t.Errorf("errors.As(&message.Message) = %q, error %q", m, err)
	}
	if m2, ok := message.As(err); !ok || m2.String() != err.Error() {
		t.Errorf("message.As = %q, %v", m2, ok)
	}
	_, err = LoadFile(filepath.Join(t.TempDir(), "missing.json"))
	if !errors.Is(err, fs.ErrNotExist) || !strings.HasSuffix(err.Error(), "missing.json does not exist") {
		t.Errorf("LoadFile of a missing file: %v", err)
	}
	if _, ok := message.As(err); !ok {
		t.Errorf("LoadFile error %v is no message", err)
	}
}
