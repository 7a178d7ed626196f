package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"gdlab/message"
	"gdlab/optimizer"
)

// Save writes l to the file at path, atomically: the lesson is written to
// a temporary file in the same folder, flushed to disk, and renamed over
// path, so path holds either its old content or the whole new lesson, never
// a part. The lesson is validated first (its Format is set to FormatV1);
// an invalid lesson is not written. On any error the temporary file is
// removed and path is left as it was.
func Save(path string, l Lesson) error {
	l.Format = FormatV1
	if err := l.Validate(); err != nil {
		return wrap(msgCannotSave, err)
	}
	data, err := Encode(l)
	if err != nil {
		return err
	}
	if len(data) > MaxFileSize { // a file no one could open again: rows inline, too many of them
		return wrap(msgCannotSave, msgTooLarge.New())
	}
	return writeAtomic(path, data)
}

// Encode returns the file form of l: pretty-printed JSON with the fields in
// the order of the format, one run per line (its fixed fields, then its
// hyperparameters in the order of optimizer.Params), and numbers in their
// shortest form (1e-6, 0.001, 1e13). It does not validate l; it fails only
// on numbers JSON cannot hold (NaN, ±Inf).
func Encode(l Lesson) ([]byte, error) {
	e := &encoder{}
	e.b.WriteString("{\n")
	e.field("  ", "format", e.str(l.Format))
	e.field(",\n  ", "title", e.str(l.Title))
	if l.Text != "" {
		e.field(",\n  ", "text", e.str(l.Text))
	}
	if d := l.Data; d != nil {
		e.data(d)
	} else {
		e.field(",\n  ", "function", e.str(l.Function))
	}
	if l.Box != nil {
		e.field(",\n  ", "box", e.nums(l.Box[:]))
	}
	e.field(",\n  ", "steps", strconv.Itoa(l.Steps))
	if l.Speed != 0 {
		e.field(",\n  ", "speed", e.num(l.Speed))
	}
	e.b.WriteString(",\n  \"runs\": [")
	for i, r := range l.Runs {
		if i > 0 {
			e.b.WriteByte(',')
		}
		e.b.WriteString("\n    {")
		e.field("", "method", e.str(r.Method))
		e.field(", ", "lr", e.num(r.LR))
		e.field(", ", "start", e.nums(r.Start))
		if r.Gradient != "" {
			e.field(", ", "gradient", e.str(r.Gradient))
		}
		if r.Convention != "" {
			e.field(", ", "convention", e.str(r.Convention))
		}
		for _, f := range []struct {
			name string
			v    float64
		}{{"h", r.H}, {"bound", r.Bound}, {"tol", r.Tol}} {
			if f.v != 0 {
				e.field(", ", f.name, e.num(f.v))
			}
		}
		e.extras(r)
		for _, name := range paramOrder(r.Params) {
			e.field(", ", name, e.num(r.Params[name]))
		}
		e.b.WriteByte('}')
	}
	if len(l.Runs) > 0 {
		e.b.WriteString("\n  ")
	}
	e.b.WriteString("]")
	e.stops(l.Stops)
	e.b.WriteString("\n}\n")
	if e.err != nil {
		return nil, e.err
	}
	return e.b.Bytes(), nil
}

// paramOrder returns the names in params in the order of the registry
// (optimizer.Params), then any others (which Validate rejects) sorted.
func paramOrder(params map[string]float64) []string {
	var names []string
	for _, p := range optimizer.Params() {
		if _, ok := params[p.Name]; ok {
			names = append(names, p.Name)
		}
	}
	var others []string
	for name := range params {
		if !slices.Contains(names, name) {
			others = append(others, name)
		}
	}
	slices.Sort(others)
	return append(names, others...)
}

// encoder builds the file form of a lesson, keeping the first error.
type encoder struct {
	b   bytes.Buffer
	err error
}

// field writes sep, the quoted name, a colon and the encoded value.
func (e *encoder) field(sep, name, value string) {
	e.b.WriteString(sep)
	e.b.WriteString(strconv.Quote(name))
	e.b.WriteString(": ")
	e.b.WriteString(value)
}

// str encodes s as a JSON string, leaving <, > and & as they are. (A
// string always encodes: invalid UTF-8 becomes U+FFFD.)
func (e *encoder) str(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}

// nums encodes vs as a JSON list of numbers on one line.
func (e *encoder) nums(vs []float64) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = e.num(v)
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// num encodes v in its shortest form: plain for 1e-4 ≤ |v| < 1e7 (and 0),
// with an exponent otherwise (1e-6, 2.5e13).
func (e *encoder) num(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		if e.err == nil {
			e.err = msgNotWritable.New(message.Value(v))
		}
		return "0"
	}
	if a := math.Abs(v); a != 0 && (a < 1e-4 || a >= 1e7) {
		s := strconv.FormatFloat(v, 'e', -1, 64) // 1e-06, 2.5e+13
		mant, exp, _ := strings.Cut(s, "e")
		sign := ""
		if exp[0] == '-' {
			sign = "-"
		}
		return mant + "e" + sign + strings.TrimLeft(exp[1:], "0")
	}
	return strconv.FormatFloat(v, 'f', -1, 64)
}

// testHookBeforeRename, when set by a test, runs after the temporary file
// is written and closed and before it is renamed; an error from it aborts
// the save as a failed write would.
var testHookBeforeRename func(tmp string) error

// writeAtomic replaces the file at path with data: it writes a temporary
// file in the same folder, syncs and closes it, and renames it over path.
// On error the temporary file is removed and path is untouched.
func writeAtomic(path string, data []byte) (err error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return msgSaveFolder.New(message.Text(path))
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".*.tmp")
	if err != nil {
		return saveError(dir, err)
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close() // harmless when already closed
			os.Remove(tmp)
			err = saveError(dir, err)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if testHookBeforeRename != nil {
		if err = testHookBeforeRename(tmp); err != nil {
			return err
		}
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// saveError is the error of writing a lesson into the folder dir: the
// folder is missing, not writable, or the system's reason. It wraps err.
func saveError(dir string, err error) error {
	d := message.Text(filepath.Clean(dir))
	var why message.Arg
	switch {
	case errors.Is(err, fs.ErrNotExist):
		why = message.Nested(msgNoFolder.New(d))
	case errors.Is(err, fs.ErrPermission):
		why = message.Nested(msgFolderDenied.New(d))
	default:
		why = reason(unwrapPath(err))
	}
	return message.Chain(msgSaving.New(why), err)
}

// syncDir flushes the folder entry of a renamed file to disk where the
// system allows it (best effort: the rename has happened either way).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// extras writes the run's schedule, warmup, noise, seed and line search,
// those that are set.
// data writes the data source: its set or its columns, its settings, and
// its rows, one to a line.
func (e *encoder) data(d *DataSource) {
	e.b.WriteString(",\n  \"data\": {")
	if d.Rows != nil {
		cols := make([]string, len(d.Columns))
		for i, c := range d.Columns {
			cols[i] = e.str(c)
		}
		e.field("", "columns", "["+strings.Join(cols, ", ")+"]")
	} else {
		e.field("", "set", e.str(d.Set))
	}
	if d.Seed != 0 {
		e.field(", ", "seed", strconv.FormatUint(d.Seed, 10))
	}
	if d.Model != "" {
		e.field(", ", "model", e.str(d.Model))
	}
	if d.Batch != 0 {
		e.field(", ", "batch", strconv.Itoa(d.Batch))
	}
	if d.TestFraction != 0 {
		e.field(", ", "test_fraction", e.num(d.TestFraction))
	}
	if d.Rows != nil {
		e.b.WriteString(`, "rows": [`)
		for i, row := range d.Rows {
			if i > 0 {
				e.b.WriteByte(',')
			}
			e.b.WriteString("\n    " + e.nums(row))
		}
		e.b.WriteString("\n  ]")
	}
	e.b.WriteString("}")
}

func (e *encoder) extras(r Run) {
	if r.Schedule != "" {
		e.field(", ", "schedule", e.str(r.Schedule))
	}
	if r.Warmup != 0 {
		e.field(", ", "warmup", strconv.Itoa(r.Warmup))
	}
	if r.Noise != 0 {
		e.field(", ", "noise", e.num(r.Noise))
	}
	if r.Seed != 0 {
		e.field(", ", "seed", strconv.FormatUint(r.Seed, 10))
	}
	if r.LineSearch != "" {
		e.field(", ", "line_search", e.str(r.LineSearch))
	}
	if r.Batch != 0 {
		e.field(", ", "batch", strconv.Itoa(r.Batch))
	}
}

// stops writes the lesson's stops, one per line, if it has any.
func (e *encoder) stops(stops []Stop) {
	if len(stops) == 0 {
		return
	}
	e.b.WriteString(",\n  \"stops\": [")
	for i, st := range stops {
		if i > 0 {
			e.b.WriteByte(',')
		}
		e.b.WriteString("\n    {")
		e.field("", "step", strconv.Itoa(st.Step))
		e.field(", ", "text", e.str(st.Text))
		e.b.WriteByte('}')
	}
	e.b.WriteString("\n  ]")
}
