package lesson

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"strconv"

	"gdlab/message"
	"gdlab/optimizer"
)

// errTooLarge is the error for files over MaxFileSize.
var errTooLarge = msgTooLarge.New()

// fileLesson is the JSON form as read: pointers and slices tell a missing
// field from a zero one, and the box is a slice so that a wrong count is
// seen (a [4]float64 would silently pad or drop numbers).
type fileLesson struct {
	Format   *string     `json:"format"`
	Title    *string     `json:"title"`
	Text     *string     `json:"text"`
	Function *string     `json:"function"`
	Data     *fileData   `json:"data"`
	Box      []*float64  `json:"box"`
	Steps    *int        `json:"steps"`
	Speed    *float64    `json:"speed"`
	Runs     []*fileRun  `json:"runs"`
	Stops    []*fileStop `json:"stops"`
}

// fileData is a lesson's data source as read; a row's values are
// pointers so that a null is seen.
type fileData struct {
	Set          *string      `json:"set"`
	Columns      []string     `json:"columns"`
	Rows         [][]*float64 `json:"rows"`
	Seed         *uint64      `json:"seed"`
	Model        *string      `json:"model"`
	Batch        *int         `json:"batch"`
	TestFraction *float64     `json:"test_fraction"`
}

// source is the data source read: a set, or columns and rows (which of
// them, and what the rows hold, Lesson.Problem checks).
func (fd *fileData) source() (*DataSource, error) {
	if fd == nil {
		return nil, nil
	}
	d := &DataSource{Set: deref(fd.Set), Columns: fd.Columns, Seed: deref(fd.Seed), Model: deref(fd.Model),
		Batch: deref(fd.Batch), TestFraction: deref(fd.TestFraction)}
	if fd.Rows == nil {
		return d, nil
	}
	if fd.Columns == nil {
		return nil, wrap(msgData, msgRowsNoColumns.New())
	}
	d.Rows = make([][]float64, len(fd.Rows))
	for i, row := range fd.Rows {
		d.Rows[i] = make([]float64, len(row))
		for j, v := range row {
			if v == nil {
				return nil, wrap(msgData, msgRowNull.New(message.Int(i+1), message.Int(j+1)))
			}
			d.Rows[i][j] = *v
		}
	}
	return d, nil
}

// fileRun is the JSON form of a Run as read: its fixed fields, and the
// hyperparameters given, which the file holds as fields of the run named
// after the registry's parameters (see fileTypes).
type fileRun struct {
	Method     *string            `json:"method"`
	LR         *float64           `json:"lr"`
	Start      []*float64         `json:"start"`
	Gradient   *string            `json:"gradient"`
	Convention *string            `json:"convention"`
	H          *float64           `json:"h"`
	Bound      *float64           `json:"bound"`
	Tol        *float64           `json:"tol"`
	Schedule   *string            `json:"schedule"`
	Warmup     *int               `json:"warmup"`
	Noise      *float64           `json:"noise"`
	Seed       *uint64            `json:"seed"`
	LineSearch *string            `json:"line_search"`
	Batch      *int               `json:"batch"`
	Params     map[string]float64 `json:"-"`
}

// The types encoding/json decodes a lesson file into: fileLesson and
// fileRun with one *float64 field per hyperparameter of the registry added
// to the run, named in JSON as optimizer.Params names it. So encoding/json
// itself matches the parameters' names (regardless of case), reports the
// unknown fields and the values of the wrong type with their offsets, as it
// does for the fixed fields, and a new hyperparameter of the registry is a
// field of the format with no change here.
var lessonType, runType = fileTypes()

func fileTypes() (lesson, run reflect.Type) {
	fixed := reflect.TypeFor[fileRun]()
	var fields []reflect.StructField
	for i := range fixed.NumField() {
		fields = append(fields, fixed.Field(i))
	}
	for i, p := range optimizer.Params() {
		if slices.Contains(jsonNames(fixed), p.Name) {
			panic("lesson: the hyperparameter " + p.Name + " has the name of a field of a run") // caught by every test
		}
		fields = append(fields, reflect.StructField{Name: "P" + strconv.Itoa(i),
			Type: reflect.TypeFor[*float64](), Tag: reflect.StructTag(`json:"` + p.Name + `"`)})
	}
	run = reflect.StructOf(fields)
	fields = fields[:0]
	lt := reflect.TypeFor[fileLesson]()
	for i := range lt.NumField() {
		f := lt.Field(i)
		if f.Name == "Runs" {
			f.Type = reflect.SliceOf(reflect.PointerTo(run))
		}
		fields = append(fields, f)
	}
	return reflect.StructOf(fields), run
}

// decodeFile decodes the JSON of a lesson file into a fileLesson; dec is
// positioned after it.
func decodeFile(dec *json.Decoder) (*fileLesson, error) {
	v := reflect.New(lessonType)
	if err := dec.Decode(v.Interface()); err != nil {
		return nil, err
	}
	v = v.Elem()
	fl := &fileLesson{}
	dst := reflect.ValueOf(fl).Elem()
	for i := range dst.NumField() {
		if dst.Type().Field(i).Name != "Runs" {
			dst.Field(i).Set(v.Field(i))
		}
	}
	runs := v.FieldByName("Runs")
	if !runs.IsNil() {
		fl.Runs = make([]*fileRun, runs.Len())
	}
	for i := range fl.Runs {
		if r := runs.Index(i); !r.IsNil() {
			fl.Runs[i] = fromRunType(r.Elem())
		}
	}
	return fl, nil
}

// fromRunType returns the fileRun of a decoded value of runType.
func fromRunType(v reflect.Value) *fileRun {
	fr := &fileRun{}
	dst := reflect.ValueOf(fr).Elem()
	n := dst.NumField()
	for i := range n {
		if dst.Type().Field(i).Name != "Params" {
			dst.Field(i).Set(v.Field(i))
		}
	}
	for i, p := range optimizer.Params() {
		if f := v.Field(n + i); !f.IsNil() {
			if fr.Params == nil {
				fr.Params = map[string]float64{}
			}
			fr.Params[p.Name] = f.Elem().Float()
		}
	}
	return fr
}

// Parse reads a lesson from the bytes of a lesson file and validates it.
// It returns a lesson only when the whole file is valid; the error, a
// message.Message, says where (line and column, or the field) and what is
// wrong.
func Parse(data []byte) (Lesson, error) {
	if len(data) > MaxFileSize {
		return Lesson{}, errTooLarge
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")) // a BOM from Windows editors
	if len(bytes.TrimSpace(data)) == 0 {
		return Lesson{}, msgEmpty.New()
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	fl, err := decodeFile(dec)
	if err != nil {
		return Lesson{}, decodeError(data, err)
	}
	if end := int(dec.InputOffset()); len(bytes.TrimSpace(data[end:])) > 0 {
		return Lesson{}, msgAt.New(message.Nested(where(data, skipSpace(data, end))), message.Word(msgTrailing))
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
		return Lesson{}, wrap(msgReading, err)
	}
	if len(data) > MaxFileSize {
		return Lesson{}, errTooLarge
	}
	return Parse(data)
}

// LoadFile reads and parses the lesson file at path. Errors in the file's
// content are Parse's (without the path); errors opening or reading it
// name the path, and wrap the file system's error (errors.Is(err,
// fs.ErrNotExist) tells a missing file).
func LoadFile(path string) (Lesson, error) {
	f, err := os.Open(path)
	if err != nil {
		return Lesson{}, openError(path, err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil {
		switch {
		case st.IsDir():
			return Lesson{}, msgIsFolder.New(message.Text(path))
		case st.Mode().IsRegular() && st.Size() > MaxFileSize:
			return Lesson{}, errTooLarge
		}
	}
	return Load(f)
}

// openError is the error of opening the lesson file at path: not found,
// not allowed, or the system's reason.
func openError(path string, err error) error {
	return message.OpenError(path, err, msgNotFound, msgNoPermission, msgCannotOpen)
}

// unwrapPath returns the reason of a *fs.PathError (whose text repeats the
// operation and the path), else err.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
	var err error
	if l.Data, err = fl.Data.source(); err != nil {
		return l, err
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
		return l, missing("steps")
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
	stops, err := fileStops(fl.Stops)
	if err != nil {
		return l, err
	}
	if err := checkStops(stops, l.Steps); err != nil {
		return l, err
	}
	l.Stops = stops
	if err := checkRunCount(len(fl.Runs)); err != nil {
		return l, err
	}
	l.Runs = make([]Run, len(fl.Runs))
	for i, fr := range fl.Runs {
		r, err := fr.run()
		if err != nil {
			return l, wrap(msgRun, err, message.Int(i+1))
		}
		l.Runs[i] = r
	}
	return l, nil
}

// fileStop is a stop as read: pointers tell a missing field.
type fileStop struct {
	Step *int    `json:"step"`
	Text *string `json:"text"`
}

// fileStops are the stops read, each with its step and text.
func fileStops(fs []*fileStop) ([]Stop, error) {
	var stops []Stop
	for i, f := range fs {
		switch {
		case f == nil:
			return nil, wrapStop(i, msgNullStop.New())
		case f.Step == nil:
			return nil, wrapStop(i, missing("step"))
		case f.Text == nil:
			return nil, wrapStop(i, missing("text"))
		}
		stops = append(stops, Stop{Step: *f.Step, Text: *f.Text})
	}
	return stops, nil
}

// wrapStop is err about stop i (counting from 0).
func wrapStop(i int, err message.Message) error {
	return msgStopWhere.New(message.Int(i+1), message.Nested(err))
}

// run checks the fields of a run whose absence or explicit zero a Run
// cannot tell apart and returns the Run. The hyperparameters are checked
// with the others by Validate (optimizer.Param.Check).
func (fr *fileRun) run() (Run, error) {
	if fr == nil {
		return Run{}, msgNullRun.New()
	}
	start, err := numbers("start", fr.Start)
	if err != nil {
		return Run{}, err
	}
	r := Run{Method: deref(fr.Method), Start: start, Gradient: deref(fr.Gradient), Convention: deref(fr.Convention), Params: fr.Params}
	switch {
	case fr.Method == nil:
		return r, missing("method")
	case fr.LR == nil:
		return r, missing("lr")
	case fr.Start == nil:
		return r, missing("start")
	case fr.Gradient != nil && *fr.Gradient == "":
		return r, msgEmptyGradient.New(message.Quote(string(optimizer.Exact)), message.Quote(string(optimizer.Numeric)))
	case fr.H != nil && !(*fr.H > 0):
		return r, msgH.New(message.Value(*fr.H))
	case fr.Bound != nil && !(*fr.Bound > 0):
		return r, msgBound.New(message.Value(*fr.Bound))
	}
	r.LR = *fr.LR
	r.H = deref(fr.H)
	r.Bound = deref(fr.Bound)
	r.Tol = deref(fr.Tol)
	r.Schedule, r.Warmup, r.Noise = deref(fr.Schedule), deref(fr.Warmup), deref(fr.Noise)
	r.Seed, r.LineSearch, r.Batch = deref(fr.Seed), deref(fr.LineSearch), deref(fr.Batch)
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
			return nil, msgNullItem.New(message.Nested(msgItem.New(message.Quote(name), message.Int(i+1))))
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
