package lesson

import (
	"errors"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// validJSON is a small valid lesson that the error cases below break in one
// place each.
const validJSON = `{
  "format": "gdlab-lesson/1",
  "title": "T",
  "function": "x^2 + y^2",
  "steps": 10,
  "runs": [
    {"method": "gd", "lr": 0.1, "start": [3, 2]}
  ]
}`

// edit returns validJSON with old replaced by new (once); it fails the test
// if old is not there, so a row cannot silently test the valid file.
func edit(t *testing.T, old, new string) string {
	t.Helper()
	if !strings.Contains(validJSON, old) {
		t.Fatalf("%q is not in the valid lesson", old)
	}
	return strings.Replace(validJSON, old, new, 1)
}

func TestParseValid(t *testing.T) {
	l, err := Parse([]byte(validJSON))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := Lesson{Format: FormatV1, Title: "T", Function: "x^2 + y^2", Steps: 10,
		Runs: []Run{{Method: "gd", LR: 0.1, Start: []float64{3, 2}}}}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("Parse = %+v, want %+v", l, want)
	}
}

func TestParseOptionalFields(t *testing.T) {
	in := `{"format": "gdlab-lesson/1", "title": "Full", "text": "Some text.", "function": "x^2",
	"box": [-3, 3, -1, 9], "steps": 0, "speed": 1000, "runs": [
	{"method": "Adam", "lr": 0.5, "start": [2], "gradient": "numeric", "h": 0.01, "bound": 100,
	 "tol": 1e-9, "momentum": 0, "alpha": 0.5, "beta1": 0, "beta2": 0.5, "eps": 1e-6}]}`
	l, err := Parse([]byte(in))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	want := Lesson{Format: FormatV1, Title: "Full", Text: "Some text.", Function: "x^2",
		Box: &[4]float64{-3, 3, -1, 9}, Steps: 0, Speed: 1000,
		Runs: []Run{{Method: "Adam", LR: 0.5, Start: []float64{2}, Gradient: "numeric", H: 0.01, Bound: 100,
			Tol: 1e-9, Params: map[string]float64{"momentum": 0, "alpha": 0.5, "beta1": 0, "beta2": 0.5, "eps": 1e-6}}}}
	if !reflect.DeepEqual(l, want) {
		t.Errorf("Parse =\n%+v\nwant\n%+v", l, want)
	}
}

func TestParseBOMAndSpace(t *testing.T) {
	for _, in := range []string{"\xef\xbb\xbf" + validJSON, "\n\t " + validJSON + "\r\n\n"} {
		if _, err := Parse([]byte(in)); err != nil {
			t.Errorf("Parse(%.12q…): %v", in, err)
		}
	}
}

// parseError is a broken or hostile file and the whole message Parse must
// give for it.
type parseError struct{ name, in, want string }

// parseErrors has one row per kind of broken or hostile file.
func parseErrors(t *testing.T) []parseError {
	long := strings.Repeat("é", MaxTitle+1)
	tests := []parseError{
		{"empty", "", "the lesson file is empty"},
		{"blank", " \n\t ", "the lesson file is empty"},
		{"not an object", "[1, 2]", "line 1, column 1: the lesson must be an object { … }, not a list"},
		{"null", "null", `"format" is missing: a lesson file says "format": "gdlab-lesson/1"`},
		{"string for number", edit(t, `"steps": 10`, `"steps": "10"`),
			`line 5, column 12: "steps" must be a whole number, not a string`},
		{"fraction for whole number", edit(t, `"steps": 10`, `"steps": 1.5`),
			`line 5, column 12: "steps" must be a whole number, not 1.5`},
		{"huge whole number", edit(t, `"steps": 10`, `"steps": 1e30`),
			`line 5, column 12: "steps" must be a whole number, not 1e30`},
		{"number out of range", edit(t, `"lr": 0.1`, `"lr": 1e400`),
			`line 7, column 28: run 1: "lr" 1e400 is out of range for a number`},
		{"number for string", edit(t, `"title": "T"`, `"title": 5`),
			`line 3, column 12: "title" must be a string in double quotes, not a number`},
		{"bool for number", edit(t, `"lr": 0.1`, `"lr": true`),
			`line 7, column 28: run 1: "lr" must be a number, not true or false`},
		{"string in run", edit(t, `"lr": 0.1`, `"lr": "0.1"`),
			`line 7, column 28: run 1: "lr" must be a number, not a string`},
		{"string in list", edit(t, `[3, 2]`, `[3, "2"]`),
			`line 7, column 46: run 1: "start" item 2 must be a number, not a string`},
		{"object for list", edit(t, `"runs": [
    {"method": "gd", "lr": 0.1, "start": [3, 2]}
  ]`, `"runs": {}`), `line 6, column 11: "runs" must be a list [ … ], not an object`},
		{"number for run", edit(t, `"runs": [`, `"runs": [7, `),
			`line 6, column 12: run 1 must be an object { … }, not a number`},
		{"null run", edit(t, `"runs": [`, `"runs": [null, `), "run 1: a run must be an object { … }, not null"},
		{"null in start", edit(t, `[3, 2]`, `[3, null]`), `run 1: "start" item 2 must be a number, not null`},
		{"null in box", edit(t, `"steps": 10`, `"box": [null, 1, 2, 3], "steps": 10`),
			`"box" item 1 must be a number, not null`},
		{"unknown field", edit(t, `"steps"`, `"stpes"`),
			`line 5, column 3: unknown field "stpes" (did you mean "steps"?)`},
		{"unknown run field", edit(t, `"lr"`, `"lrr"`),
			`line 7, column 22: run 1: unknown field "lrr" (did you mean "lr"?)`},
		{"unknown field, no guess", edit(t, `"steps": 10`, `"steps": 10, "colour": "red"`),
			`line 5, column 16: unknown field "colour" (the fields are format, title, text, function, data, box, steps, speed, runs, stops)`},
		{"trailing comma", edit(t, `"steps": 10`, `"steps": 10,}`),
			`line 5, column 15: invalid character '}' looking for beginning of object key string (is there a comma before it? JSON allows none after the last item)`},
		{"comment", edit(t, `"steps": 10`, `"steps": 10, // ten`),
			`line 5, column 16: invalid character '/' looking for beginning of object key string (JSON has no comments)`},
		{"single quotes", edit(t, `"title": "T"`, `'title': "T"`),
			`line 3, column 3: invalid character '\'' looking for beginning of object key string (JSON strings need double quotes)`},
		{"missing comma", edit(t, `"steps": 10,`, `"steps": 10`),
			`line 6, column 3: invalid character '"' after object key:value pair (is a comma missing?)`},
		{"NaN", edit(t, `"lr": 0.1`, `"lr": NaN`),
			`line 7, column 28: invalid character 'N' looking for beginning of value (JSON has no NaN or Infinity)`},
		{"line break in string", edit(t, `"title": "T"`, "\"title\": \"T\nU\""),
			`line 3, column 14: invalid character '\n' in string literal (a line break or tab inside a string must be written \n or \t)`},
		{"cut short", validJSON[:40], `line 3, column 9: unexpected end of the file: a closing }, ] or " is missing`},
		{"two lessons", validJSON + "\n{}", "line 10, column 1: unexpected text after the end of the lesson (a file holds one lesson, one {…})"},
		{"missing format", edit(t, `"format": "gdlab-lesson/1",`, ""),
			`"format" is missing: a lesson file says "format": "gdlab-lesson/1"`},
		{"other format", edit(t, `gdlab-lesson/1`, `gdlab-lesson/2`),
			`format "gdlab-lesson/2" is not supported: this version of Gradient Descent Lab reads "gdlab-lesson/1"`},
		{"missing title", edit(t, `"title": "T",`, ""), `"title" is missing`},
		{"blank title", edit(t, `"title": "T"`, `"title": " \t"`), `"title" is missing`},
		{"long title", edit(t, `"title": "T"`, `"title": "`+long+`"`), `"title" is 201 characters long: at most 200 are allowed`},
		{"missing function", edit(t, `"function": "x^2 + y^2",`, ""), `"function" is missing`},
		{"bad function", edit(t, `x^2 + y^2`, `x^2 + sni(y)`), `function: column 7: unknown name "sni": did you mean sin?`},
		{"missing steps", edit(t, `"steps": 10,`, ""), `"steps" is missing`},
		{"negative steps", edit(t, `"steps": 10`, `"steps": -1`), `"steps" -1: must be a whole number from 0 to 10000000`},
		{"too many steps", edit(t, `"steps": 10`, `"steps": 10000001`), `"steps" 10000001: must be a whole number from 0 to 10000000`},
		{"zero speed", edit(t, `"steps": 10`, `"steps": 10, "speed": 0`), `"speed" 0: must be from 1 to 1000 steps per second`},
		{"fast speed", edit(t, `"steps": 10`, `"steps": 10, "speed": 1001`), `"speed" 1001: must be from 1 to 1000 steps per second`},
		{"short box", edit(t, `"steps": 10`, `"box": [1, 2, 3], "steps": 10`), `"box" has 3 numbers: it needs 4, [XMIN, XMAX, YMIN, YMAX]`},
		{"long box", edit(t, `"steps": 10`, `"box": [1, 2, 3, 4, 5], "steps": 10`), `"box" has 5 numbers: it needs 4, [XMIN, XMAX, YMIN, YMAX]`},
		{"reversed box x", edit(t, `"steps": 10`, `"box": [1, 0, 0, 1], "steps": 10`), `"box" [1 0 0 1]: XMIN (1) must be less than XMAX (0)`},
		{"empty box y", edit(t, `"steps": 10`, `"box": [0, 1, 2, 2], "steps": 10`), `"box" [0 1 2 2]: YMIN (2) must be less than YMAX (2)`},
		{"no runs", edit(t, `{"method": "gd", "lr": 0.1, "start": [3, 2]}`, ""), `"runs": a lesson has 1 to 8 runs, this one has 0`},
		{"missing runs", `{"format": "gdlab-lesson/1", "title": "T", "function": "x", "steps": 1}`, `"runs": a lesson has 1 to 8 runs, this one has 0`},
		{"nine runs", edit(t, `{"method": "gd", "lr": 0.1, "start": [3, 2]}`,
			strings.Repeat(`{"method": "gd", "lr": 0.1, "start": [3, 2]}, `, 8)+`{"method": "gd", "lr": 0.1, "start": [3, 2]}`),
			`"runs": a lesson has 1 to 8 runs, this one has 9`},
		{"missing method", edit(t, `"method": "gd", `, ""), `run 1: "method" is missing`},
		{"unknown method", edit(t, `"gd"`, `"sdg"`), `run 1: unknown method "sdg": valid methods are gd, ascent, momentum, nesterov, adagrad, rmsprop, adam, newton, cg, bfgs, lbfgs`},
		{"missing lr", edit(t, `"lr": 0.1, `, ""), `run 1: "lr" is missing`},
		{"zero lr", edit(t, `"lr": 0.1`, `"lr": 0`), "run 1: lr 0: the learning rate must be a positive finite number"},
		{"negative lr", edit(t, `"lr": 0.1`, `"lr": -1`), "run 1: lr -1: the learning rate must be a positive finite number"},
		{"missing start", edit(t, `, "start": [3, 2]`, ""), `run 1: "start" is missing`},
		{"short start", edit(t, `[3, 2]`, `[3]`), `run 1: "start" has 1 number, but the function uses x and y: give [x, y]`},
		{"long start", edit(t, `[3, 2]`, `[3, 2, 1]`), `run 1: "start" has 3 numbers, but the function uses x and y: give [x, y]`},
		{"2-D start for 1-D", edit(t, `x^2 + y^2`, `x^2`), `run 1: "start" has 2 numbers, but the function uses only x: give [x]`},
		{"bad gradient", edit(t, `[3, 2]}`, `[3, 2], "gradient": "numerical"}`), `run 1: gradient "numerical": must be "exact" or "numeric"`},
		{"empty gradient", edit(t, `[3, 2]}`, `[3, 2], "gradient": ""}`), `run 1: gradient "": must be "exact" or "numeric"`},
		{"zero h", edit(t, `[3, 2]}`, `[3, 2], "h": 0}`), "run 1: h 0: the numeric-gradient step must be a positive finite number"},
		{"zero bound", edit(t, `[3, 2]}`, `[3, 2], "bound": 0}`), "run 1: bound 0: the divergence bound must be a positive number"},
		{"negative tol", edit(t, `[3, 2]}`, `[3, 2], "tol": -1}`), "run 1: tol -1: the tolerance must be 0 (off) or a positive finite number"},
		{"negative momentum", edit(t, `[3, 2]}`, `[3, 2], "momentum": -1}`), "run 1: " + checkError(t, "momentum", -1)},
		{"alpha above 1", edit(t, `[3, 2]}`, `[3, 2], "alpha": 1.5}`), "run 1: " + checkError(t, "alpha", 1.5)},
		{"beta1 of 1", edit(t, `[3, 2]}`, `[3, 2], "beta1": 1}`), "run 1: " + checkError(t, "beta1", 1)},
		{"negative beta2", edit(t, `[3, 2]}`, `[3, 2], "beta2": -0.1}`), "run 1: " + checkError(t, "beta2", -0.1)},
		{"negative eps", edit(t, `[3, 2]}`, `[3, 2], "eps": -1e-8}`), "run 1: " + checkError(t, "eps", -1e-8)},
		{"second run", edit(t, `[3, 2]}`, `[3, 2]}, {"method": "gd", "lr": -2, "start": [0, 0]}`), "run 2: lr -2: the learning rate must be a positive finite number"},
		{"deep arrays", strings.Repeat("[", 100000), "line 1, column 10001: the lesson is nested too deeply (more than 10000 levels of [ or {)"},
		{"deep objects", strings.Repeat(`{"runs":`, 20000), "line 1, column 80001: the lesson is nested too deeply (more than 10000 levels of [ or {)"},
		{"deep inside a run", edit(t, `[3, 2]`, strings.Repeat("[", 50000)+strings.Repeat("]", 50000)),
			"line 7, column 10039: the lesson is nested too deeply (more than 10000 levels of [ or {)"},
		{"balanced deep nesting", strings.Repeat("[", 9000) + strings.Repeat("]", 9000),
			"line 1, column 1: the lesson must be an object { … }, not a list"},
	}
	for _, p := range optimizer.Params() { // every hyperparameter of the registry is checked
		if p.Check(-1) != nil {
			tests = append(tests, parseError{"negative " + p.Name,
				edit(t, `[3, 2]}`, `[3, 2], "`+p.Name+`": -1}`), "run 1: " + p.Check(-1).Error()})
		}
	}
	return tests
}

// checkError is the English error of optimizer.Param.Check for the
// hyperparameter called name and the value v (the optimizer words the
// ranges).
func checkError(t *testing.T, name string, v float64) string {
	t.Helper()
	for _, p := range optimizer.Params() {
		if p.Name == name {
			if err := p.Check(v); err != nil {
				return err.Error()
			}
			t.Fatalf("%s %v is valid", name, v)
		}
	}
	t.Fatalf("no hyperparameter %s in the registry", name)
	return ""
}

// TestParseErrors checks the whole message for each broken or hostile
// file: where and what.
func TestParseErrors(t *testing.T) {
	for _, tt := range parseErrors(t) {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Parse([]byte(tt.in))
			if err == nil {
				t.Fatalf("Parse succeeded with %+v, want error %q", l, tt.want)
			}
			if err.Error() != tt.want {
				t.Errorf("error\n got: %s\nwant: %s", err, tt.want)
			}
			if !reflect.DeepEqual(l, Lesson{}) {
				t.Errorf("Parse returned a partial lesson %+v with its error", l)
			}
		})
	}
}

func TestParseFunctionErrorUnwraps(t *testing.T) {
	_, err := Parse([]byte(edit(t, `x^2 + y^2`, `x^2 + `)))
	var ee *expr.Error
	if !errors.As(err, &ee) {
		t.Fatalf("error %v does not wrap an *expr.Error", err)
	}
	if ee.Input != "x^2 + " || ee.Col < 1 {
		t.Errorf("expr.Error = %+v, want the function text and a column", ee)
	}
}

// TestParseUnknownFieldCase: encoding/json matches field names regardless
// of case, and the package documents that; a differently cased duplicate
// is not an unknown field.
func TestParseUnknownFieldCase(t *testing.T) {
	l, err := Parse([]byte(edit(t, `"steps": 10`, `"Steps": 12`)))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if l.Steps != 12 {
		t.Errorf("Steps = %d, want 12", l.Steps)
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct{ in, want string }{
		{"stpes", "steps"}, {"STEPS", "steps"}, {"titel", "title"}, {"functon", "function"},
		{"lrate", ""}, {"xyzzy", ""}, {"bx", "box"}, {"", ""},
	}
	for _, tt := range tests {
		if got := suggest(tt.in, lessonFields); got != tt.want {
			t.Errorf("suggest(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestWhere checks line and column counting, in characters, from 1.
func TestWhere(t *testing.T) {
	data := []byte("ab\nçé\n\nx")
	tests := []struct {
		pos  int
		want string
	}{
		{0, "line 1, column 1"}, {2, "line 1, column 3"}, {3, "line 2, column 1"},
		{7, "line 2, column 3"}, {8, "line 3, column 1"}, {9, "line 4, column 1"},
		{-5, "line 1, column 1"}, {99, "line 4, column 2"},
	}
	for _, tt := range tests {
		if got := where(data, tt.pos).String(); got != tt.want {
			t.Errorf("where(%d) = %q, want %q", tt.pos, got, tt.want)
		}
	}
}

func TestLoadSizeLimit(t *testing.T) {
	pad := func(n int) []byte { // validJSON padded with spaces to n bytes
		return []byte(validJSON + strings.Repeat(" ", n-len(validJSON)))
	}
	if _, err := Load(strings.NewReader(string(pad(MaxFileSize)))); err != nil {
		t.Errorf("Load of exactly 1 MiB: %v", err)
	}
	for _, load := range []func([]byte) error{
		func(b []byte) error { _, err := Load(strings.NewReader(string(b))); return err },
		func(b []byte) error { _, err := Parse(b); return err },
	} {
		err := load(pad(MaxFileSize + 1))
		if err == nil || err.Error() != "the lesson file is larger than 1 MiB" {
			t.Errorf("1 MiB + 1 byte: error %v, want the size message", err)
		}
	}
	// An endless stream is read only up to the limit.
	r := &countingReader{}
	if _, err := Load(r); err == nil || err.Error() != "the lesson file is larger than 1 MiB" {
		t.Errorf("endless input: error %v, want the size message", err)
	}
	if r.n > MaxFileSize+1 {
		t.Errorf("Load read %d bytes of an endless stream, want at most %d", r.n, MaxFileSize+1)
	}
}

// countingReader is an endless stream of spaces that counts what is read.
type countingReader struct{ n int }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	r.n += len(p)
	return len(p), nil
}

func TestLoadReadError(t *testing.T) {
	boom := errors.New("boom")
	_, err := Load(io.MultiReader(strings.NewReader(validJSON[:20]), errReader{boom}))
	if !errors.Is(err, boom) {
		t.Errorf("Load error = %v, want it to wrap the read error", err)
	}
}

// errReader fails every read with err.
type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func TestLoadFile(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	big := filepath.Join(dir, "big.json")
	bad := filepath.Join(dir, "bad.json")
	for name, data := range map[string]string{
		good: validJSON,
		big:  validJSON + strings.Repeat(" ", MaxFileSize),
		bad:  edit(t, `"steps"`, `"stpes"`),
	} {
		if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if l, err := LoadFile(good); err != nil || l.Title != "T" {
		t.Errorf("LoadFile(good) = %+v, %v", l, err)
	}
	tests := []struct {
		path string
		ok   func(error) bool
		want string
	}{
		{big, func(err error) bool { return err.Error() == "the lesson file is larger than 1 MiB" }, "the size message"},
		{bad, func(err error) bool { return strings.HasPrefix(err.Error(), "line 5, column 3: unknown field") }, "the unknown field"},
		{filepath.Join(dir, "missing.json"), func(err error) bool { return errors.Is(err, fs.ErrNotExist) }, "not exist"},
		{dir, func(err error) bool { return strings.HasSuffix(err.Error(), "is a folder, not a lesson file") }, "a folder"},
	}
	for _, tt := range tests {
		_, err := LoadFile(tt.path)
		if err == nil || !tt.ok(err) {
			t.Errorf("LoadFile(%s): error %v, want %s", filepath.Base(tt.path), err, tt.want)
		}
	}
}

// TestValidateGoValues checks the values that a Lesson built in Go can hold
// but a file cannot express.
func TestValidateGoValues(t *testing.T) {
	ok := func() Lesson {
		l, err := Parse([]byte(validJSON))
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	nan := math.NaN()
	tests := []struct {
		name   string
		change func(*Lesson)
		want   string
	}{
		{"no format", func(l *Lesson) { l.Format = "" }, `"format" is missing: a lesson file says "format": "gdlab-lesson/1"`},
		{"NaN in box", func(l *Lesson) { l.Box = &[4]float64{0, nan, 0, 1} }, `"box" [0 NaN 0 1]: the numbers must be finite`},
		{"infinite box", func(l *Lesson) { l.Box = &[4]float64{0, 1, math.Inf(-1), 1} }, `"box" [0 1 -Inf 1]: the numbers must be finite`},
		{"NaN speed", func(l *Lesson) { l.Speed = nan }, `"speed" NaN: must be from 1 to 1000 steps per second`},
		{"slow speed", func(l *Lesson) { l.Speed = 0.5 }, `"speed" 0.5: must be from 1 to 1000 steps per second`},
		{"NaN lr", func(l *Lesson) { l.Runs[0].LR = nan }, "run 1: lr NaN: the learning rate must be a positive finite number"},
		{"infinite start", func(l *Lesson) { l.Runs[0].Start[1] = math.Inf(1) }, "run 1: start y +Inf: must be a finite number"},
		{"negative h", func(l *Lesson) { l.Runs[0].H = -1 }, "run 1: h -1: the numeric-gradient step must be a positive finite number"},
		{"nil start", func(l *Lesson) { l.Runs[0].Start = nil }, `run 1: "start" is missing`},
		{"no runs", func(l *Lesson) { l.Runs = nil }, `"runs": a lesson has 1 to 8 runs, this one has 0`},
		{"long text", func(l *Lesson) { l.Text = strings.Repeat("a", MaxText+1) }, `"text" is 20001 characters long: at most 20000 are allowed`},
	}
	for _, tt := range tests {
		l := ok()
		tt.change(&l)
		err := l.Validate()
		if err == nil || err.Error() != tt.want {
			t.Errorf("%s: Validate = %v, want %q", tt.name, err, tt.want)
		}
		if _, err := l.Problem(); err == nil {
			t.Errorf("%s: Problem accepted an invalid lesson", tt.name)
		}
		if _, err := l.Configs(); err == nil {
			t.Errorf("%s: Configs accepted an invalid lesson", tt.name)
		}
	}
}
