package model

import (
	"encoding/csv"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gdlab/message"
	"gdlab/message/packtest"
)

// TestTranslations checks that kinds lists every kind the package defines,
// that model.de.json translates exactly those, each with the verbs and the
// arity of its key, and that model.en.json maps each key to itself.
func TestTranslations(t *testing.T) {
	own := packtest.Keys(t, kinds)
	for _, key := range packtest.Defined(t, ".") {
		if !own[key] {
			t.Errorf("kind %q is defined but not in kinds", key)
		}
	}
	packtest.Check(t, "../assets/translations", "model", kinds)
}

// german renders err in German from model.de.json, listing the keys it
// found no German for.
func german(t *testing.T, err error) (string, []string) {
	t.Helper()
	de := packtest.Read(t, "../assets/translations", "model.de.json")
	var missing []string
	s := message.Of(err, func(key string) string {
		if g, ok := de[key]; ok {
			return g
		}
		missing = append(missing, key)
		return key
	})
	return s, missing
}

// modelErrors are the errors of bad CSV files, models and specs, by name.
func modelErrors(t *testing.T) map[string]error {
	t.Helper()
	errs := map[string]error{}
	for name, text := range map[string]string{
		"empty": "", "no column": "x,z\n1,2\n", "not a number": "x,y\n1,2\n3,abc\n",
		"missing field": "x,y\n1\n", "no rows": "x,y\n", "binary": "x,y\n1,\x00\x01\n",
		"open quote": "x,y\n1,\"2\n", "bare quote": "x,y\n1,2\"3\n",
	} {
		errs["csv "+name] = second(LoadCSV("e.csv", strings.NewReader(text), []string{"x", "y"}))
	}
	errs["csv label"] = second(LoadCSV("l.csv", strings.NewReader("x,label\n1,2\n"), []string{"x", "label"}))
	errs["csv one column"] = second(LoadCSV("e.csv", strings.NewReader("x\n1\n"), []string{"x"}))
	errs["csv read error"] = second(LoadCSV("e.csv", errReader{}, []string{"x", "y"}))
	errs["model unknown"] = second(ParseModel("cubic", 1))
	errs["model inputs"] = second(ParseModel("mlp:4", 1))
	line, _ := BuiltIn("line", 1)
	blobs, _ := BuiltIn("blobs", 1)
	errs["loss classifies"] = second(NewLoss(Model{Kind: Logistic, Inputs: 1}, line))
	errs["loss values"] = second(NewLoss(Model{Kind: Linear, Inputs: 2}, blobs))
	errs["loss inputs"] = second(NewLoss(Model{Kind: Linear, Inputs: 2}, line))
	errs["loss no rows"] = second(NewLoss(Model{Kind: Linear, Inputs: 1}, &Data{Name: "none", Inputs: 1}))
	dir := t.TempDir()
	for name, s := range map[string]Spec{
		"spec data":          {Data: "spiral"},
		"spec model":         {Data: "line", Model: "logistic"},
		"spec test fraction": {Data: "line", TestFraction: 1.5},
		"spec missing file":  {Data: filepath.Join(dir, "missing.csv")},
		"spec folder":        {Data: dir + ".csv"},
	} {
		if name == "spec folder" {
			os.Mkdir(s.Data, 0o755)
		}
		errs[name] = second(s.Learn())
	}
	for name, err := range errs {
		if err == nil {
			t.Fatalf("%s: no error", name)
		}
	}
	return errs
}

// errReader is a reader that fails.
type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errors.New("the disk is on fire") }

// second returns the error of a two-valued call.
func second[T any](_ T, err error) error { return err }

// TestErrorsAreMessages checks that every error of the package is a
// message whose English is the error's text, and whose German leaves no key
// untranslated.
func TestErrorsAreMessages(t *testing.T) {
	for name, err := range modelErrors(t) {
		m, ok := message.As(err)
		if !ok {
			t.Errorf("%s: %v is no message", name, err)
			continue
		}
		if m.String() != err.Error() {
			t.Errorf("%s: message %q, error %q", name, m, err)
		}
		de, missing := german(t, err)
		same := de == err.Error() && name != "csv read error" // "FILE: " and the reader's own words
		if len(missing) > 0 || strings.Contains(de, "%!") || same {
			t.Errorf("%s: German %q (English %q) leaves %q untranslated", name, de, err, missing)
		}
	}
}

// TestGermanCSVErrorsKeepThePlace checks that a CSV file's error says in
// German too in which file, line and column the problem is, and that an
// error of encoding/csv is still there for errors.As.
func TestGermanCSVErrorsKeepThePlace(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"x,y\n1,2\n3,abc\n", `e.csv:3: Spalte "y": "abc" ist keine endliche Zahl`},
		{"x,y\n1\n", `e.csv:2: Spalte "y" fehlt (die Zeile hat 1 Felder)`},
		{"x,z\n1,2\n", `e.csv:1: keine Spalte "y" in der Kopfzeile (sie enthält x, z)`},
		{"x,y\n1,2\"3\n", `e.csv:2: Spalte 4: einzelnes " in einem Feld ohne Anführungszeichen`},
	} {
		_, err := LoadCSV("e.csv", strings.NewReader(tc.text), []string{"x", "y"})
		if de, _ := german(t, err); de != tc.want {
			t.Errorf("%q: German %q, want %q (English %q)", tc.text, de, tc.want, err)
		}
	}
	_, err := LoadCSV("e.csv", strings.NewReader("x,y\n1,2\"3\n"), []string{"x", "y"})
	var pe *csv.ParseError
	if !errors.As(err, &pe) || !errors.Is(err, csv.ErrBareQuote) || err.Error() != `e.csv:2: column 4: bare " in non-quoted-field` {
		t.Errorf("bare quote: %v (%v)", err, pe)
	}
}

// TestSpecErrorsNameTheField checks that a Spec's error is a *SpecError
// that names the part at fault and carries the message, and that an error
// opening the file wraps the file system's.
func TestSpecErrorsNameTheField(t *testing.T) {
	errs := modelErrors(t)
	for name, field := range map[string]string{
		"spec data": "data", "spec model": "model",
		"spec test fraction": "test-fraction", "spec missing file": "data", "spec folder": "data",
	} {
		var se *SpecError
		if !errors.As(errs[name], &se) || se.Field != field {
			t.Errorf("%s: %v: field %+v, want %q", name, errs[name], se, field)
		}
		if _, ok := message.As(errs[name]); !ok {
			t.Errorf("%s: %v is no message", name, errs[name])
		}
	}
	if err := errs["spec missing file"]; !errors.Is(err, fs.ErrNotExist) || !strings.HasSuffix(err.Error(), "missing.csv does not exist") {
		t.Errorf("missing file: %v", err)
	}
	if err := errs["spec folder"]; !strings.HasSuffix(err.Error(), ".csv is a folder, not a CSV file") {
		t.Errorf("folder: %v", err)
	}
	if err := errs["spec test fraction"]; err.Error() != "1.5 is not a fraction between 0 and 1" {
		t.Errorf("test fraction: %v", err)
	}
}
