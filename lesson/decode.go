package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
)

// errTooLarge is the error for files over MaxFileSize.
var errTooLarge = errors.New("the lesson file is larger than 1 MiB")

// fileLesson is the JSON form as read: pointers and slices tell a missing
// field from a zero one, and the box is a slice so that a wrong count is
// seen (a [4]float64 would silently pad or drop numbers).
type fileLesson struct {
	Format   *string    `json:"format"`
	Title    *string    `json:"title"`
	Text     *string    `json:"text"`
	Function *string    `json:"function"`
	Box      []*float64 `json:"box"`
	Steps    *int       `json:"steps"`
	Speed    *float64   `json:"speed"`
	Runs     []*fileRun `json:"runs"`
}

// fileRun is the JSON form of a Run as read.
type fileRun struct {
	Method   *string    `json:"method"`
	LR       *float64   `json:"lr"`
	Start    []*float64 `json:"start"`
	Gradient *string    `json:"gradient"`
	H        *float64   `json:"h"`
	Bound    *float64   `json:"bound"`
	Tol      *float64   `json:"tol"`
	Momentum *float64   `json:"momentum"`
	Alpha    *float64   `json:"alpha"`
	Beta1    *float64   `json:"beta1"`
	Beta2    *float64   `json:"beta2"`
	Eps      *float64   `json:"eps"`
}

// Parse reads a lesson from the bytes of a lesson file and validates it.
// It returns a lesson only when the whole file is valid; the error says
// where (line and column, or the field) and what is wrong.
func Parse(data []byte) (Lesson, error) {
	if len(data) > MaxFileSize {
		return Lesson{}, errTooLarge
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from Windows editors
	if len(bytes.TrimSpace(data)) == 0 {
		return Lesson{}, errors.New("the lesson file is empty")
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var fl fileLesson
	if err := dec.Decode(&fl); err != nil {
		return Lesson{}, decodeError(data, err)
	}
	if end := int(dec.InputOffset()); len(bytes.TrimSpace(data[end:])) > 0 {
		pos := skipSpace(data, end)
		return Lesson{}, fmt.Errorf("%s: unexpected text after the end of the lesson (a file holds one lesson, one {…})", where(data, pos))
	}
	l, err := fl.lesson()
	if err != nil {
		return Lesson{}, err
	}
	if err := l.Validate(); err != nil {
		return Lesson{}, err
	}
	return l, nil
}

// Load reads a lesson file of at most MaxFileSize bytes from r and parses it.
func Load(r io.Reader) (Lesson, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return Lesson{}, fmt.Errorf("reading the lesson: %w", err)
	}
	if len(data) > MaxFileSize {
		return Lesson{}, errTooLarge
	}
	return Parse(data)
}

// LoadFile reads and parses the lesson file at path. Errors in the file's
// content are Parse's (without the path); errors opening or reading it
// name the path.
func LoadFile(path string) (Lesson, error) {
	f, err := os.Open(path)
	if err != nil {
		return Lesson{}, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		switch {
		case st.IsDir():
			return Lesson{}, fmt.Errorf("%s is a folder, not a lesson file", path)
		case st.Mode().IsRegular() && st.Size() > MaxFileSize:
			return Lesson{}, errTooLarge
		}
	}
	return Load(f)
}

// lesson checks the fields whose absence or explicit zero a Lesson cannot
// tell apart and returns the Lesson.
func (fl *fileLesson) lesson() (Lesson, error) {
	l := Lesson{
		Format:   deref(fl.Format),
		Title:    deref(fl.Title),
		Text:     deref(fl.Text),
		Function: deref(fl.Function),
	}
	if _, err := l.head(); err != nil {
		return l, err
	}
	if fl.Box != nil {
		box, err := numbers("box", fl.Box)
		if err != nil {
			return l, err
		}
		if err := checkBox(box); err != nil {
			return l, err
		}
		l.Box = (*[4]float64)(box)
	}
	if fl.Steps == nil {
		return l, errors.New(`"steps" is missing`)
	}
	l.Steps = *fl.Steps
	if err := checkSteps(l.Steps); err != nil {
		return l, err
	}
	if fl.Speed != nil {
		if err := checkSpeed(*fl.Speed); err != nil {
			return l, err
		}
		l.Speed = *fl.Speed
	}
	if len(fl.Runs) == 0 || len(fl.Runs) > MaxRuns {
		return l, fmt.Errorf(`"runs": a lesson has 1 to %d runs, this one has %d`, MaxRuns, len(fl.Runs))
	}
	l.Runs = make([]Run, len(fl.Runs))
	for i, fr := range fl.Runs {
		r, err := fr.run()
		if err != nil {
			return l, fmt.Errorf("run %d: %w", i+1, err)
		}
		l.Runs[i] = r
	}
	return l, nil
}

// run checks the fields of a run whose absence or explicit zero a Run
// cannot tell apart and returns the Run.
func (fr *fileRun) run() (Run, error) {
	if fr == nil {
		return Run{}, errors.New("a run must be an object { … }, not null")
	}
	start, err := numbers("start", fr.Start)
	if err != nil {
		return Run{}, err
	}
	r := Run{
		Method: deref(fr.Method), Start: start, Gradient: deref(fr.Gradient),
		Momentum: fr.Momentum, Alpha: fr.Alpha, Beta1: fr.Beta1, Beta2: fr.Beta2, Eps: fr.Eps,
	}
	switch {
	case fr.Method == nil:
		return r, errors.New(`"method" is missing`)
	case fr.LR == nil:
		return r, errors.New(`"lr" is missing`)
	case fr.Start == nil:
		return r, errors.New(`"start" is missing`)
	case fr.Gradient != nil && *fr.Gradient == "":
		return r, errors.New(`gradient "": must be "exact" or "numeric"`)
	case fr.H != nil && !(*fr.H > 0):
		return r, fmt.Errorf("h %v: the numeric-gradient step must be a positive finite number", *fr.H)
	case fr.Bound != nil && !(*fr.Bound > 0):
		return r, fmt.Errorf("bound %v: the divergence bound must be a positive number", *fr.Bound)
	}
	r.LR = *fr.LR
	r.H = deref(fr.H)
	r.Bound = deref(fr.Bound)
	r.Tol = deref(fr.Tol)
	return r, nil
}

// numbers returns the list of numbers ps of the field called name; a null
// item is an error (encoding/json would read it as 0). A nil list stays nil.
func numbers(name string, ps []*float64) ([]float64, error) {
	if ps == nil {
		return nil, nil
	}
	vs := make([]float64, len(ps))
	for i, p := range ps {
		if p == nil {
			return nil, fmt.Errorf("%q item %d must be a number, not null", name, i+1)
		}
		vs[i] = *p
	}
	return vs, nil
}

// deref returns *p, or the zero value when p is nil.
func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}
