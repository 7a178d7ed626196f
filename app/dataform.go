package app

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/lesson"
	"gdlab/model"
	"gdlab/optimizer"
)

// dataForm is the part of the form that learns from data instead of
// minimising the typed function: the data set, the model and the rows of
// a mini-batch. With a data set chosen, the runs minimise the model's loss
// over its parameters, which the start fields then hold.
type dataForm struct {
	DataSet   *widget.Select // "a function", a built-in data set, or a CSV file
	DataFile  *textField     // the CSV file's path
	Columns   *textField     // the CSV file's columns, inputs first, the target last
	Browse    *widget.Button // chooses the CSV file
	ModelName *selectField   // the model, as model.ParseModel reads it
	Batch     *textField     // rows per mini-batch of the selected run; empty or 0 for all
	TestShare *textField     // the fraction of rows held out as a test set; empty for none

	dataRow  fyne.CanvasObject  // the model and batch fields, shown with a data set
	fileRow  fyne.CanvasObject  // the CSV file's fields, shown with a CSV file
	learning *model.Learning    // the data problem of the fields, nil without a data set or while they are wrong
	learnKey string             // the data set and model learning was made for, to start afresh when they change
	inline   *lesson.DataSource // the rows of the lesson opened last that held its data, nil for none
	csv      csvCache           // the CSV file read last
}

// csvCache is a CSV file's columns as read, with what they were read from:
// the form reads its fields at every keystroke, and a file of a million
// rows takes a quarter of a second to read.
type csvCache struct {
	key  string // the path, the columns, the file's size and time
	data *model.Data
}

// csvRows is the rows of the CSV file of src in the columns field, read
// again only when the path, the columns or the file changed; the error is
// the window's text.
func (d *dataForm) csvRows(src lesson.DataSource) (*model.Data, error) {
	if src.Set == "" {
		return nil, errors.New(lang.L("choose a CSV file with a header row"))
	}
	spec := model.Spec{Data: src.Set, Columns: splitColumns(d.Columns.Text)}
	key := spec.Data + "\x00" + strings.Join(spec.Columns, "\x00")
	if st, err := os.Stat(spec.Data); err == nil {
		key += fmt.Sprintf("\x00%d\x00%d", st.Size(), st.ModTime().UnixNano())
	} else {
		key = "" // not there: read, for the file's error
	}
	if key == "" || d.csv.key != key {
		data, err := spec.LoadData()
		if err != nil {
			return nil, errors.New(errText(err))
		}
		d.csv = csvCache{key: key, data: data}
	}
	return d.csv.data, nil
}

// rowsData is the data set choice of the rows a lesson holds.
func rowsData() string { return lang.L("the lesson's rows") }

// rowsMode reports whether the data are the rows of a lesson.
func (d *dataForm) rowsMode() bool { return d.inline != nil && d.DataSet.Selected == rowsData() }

// noData is the data set choice that minimises the typed function.
func noData() string { return lang.L("none: minimise the function") }

// csvData is the data set choice of a CSV file.
func csvData() string { return lang.L("a CSV file") }

// csvMode reports whether the data come from a CSV file.
func (d *dataForm) csvMode() bool { return d.DataSet.Selected == csvData() }

// modelChoices are the models offered in the model field (any other
// model.ParseModel reads may be typed).
var modelChoices = []string{"linear", "polynomial:2", "polynomial:3", "logistic", "mlp:2", "mlp:4", "mlp:8"}

func newDataForm(changed func()) *dataForm {
	d := &dataForm{}
	d.DataSet = widget.NewSelect(append(append([]string{noData()}, model.DataNames()...), csvData()), nil)
	d.DataSet.SetSelectedIndex(0)
	d.DataSet.OnChanged = func(string) { changed() }
	d.DataFile, d.Columns = newTextField(), newTextField()
	d.DataFile.SetPlaceHolder("points.csv")
	d.Columns.SetText("x,y")
	d.DataFile.OnChanged = func(string) { changed() }
	d.Browse = widget.NewButtonWithIcon(lang.L("Open…"), theme.FolderOpenIcon(), nil) // the window sets what it opens
	d.Columns.OnChanged = func(string) { changed() }
	d.ModelName = newSelectField(modelChoices)
	d.ModelName.SetPlaceHolder(lang.L("default"))
	d.ModelName.OnChanged = func(string) { changed() }
	d.Batch = newTextField()
	d.Batch.SetPlaceHolder(lang.L("all"))
	d.Batch.OnChanged = func(string) { changed() }
	d.TestShare = newTextField()
	d.TestShare.SetPlaceHolder(lang.L("none"))
	d.TestShare.OnChanged = func(string) { changed() }
	return d
}

// dataMode reports whether a data set is chosen.
func (d *dataForm) dataMode() bool { return d.DataSet.SelectedIndex() > 0 }

// source is the fields as a lesson's data source (seed: the noise seed's
// field, which also makes the data); a test share the field does not hold
// is none (readData says what is wrong with it).
func (d *dataForm) source(seed uint64) lesson.DataSource {
	src := lesson.DataSource{Set: d.DataSet.Selected, Model: strings.TrimSpace(d.ModelName.Text), Seed: seed}
	switch {
	case d.csvMode():
		src.Set = strings.TrimSpace(d.DataFile.Text)
	case d.rowsMode():
		src.Set, src.Columns, src.Rows = "", d.inline.Columns, d.inline.Rows
	}
	src.TestFraction, _ = d.testShare()
	return src
}

// testShare is the share of rows the test share field holds out: 0 for
// none.
func (d *dataForm) testShare() (float64, error) {
	t := strings.TrimSpace(d.TestShare.Text)
	if t == "" {
		return 0, nil
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || !(v > 0 && v < 1) {
		return 0, errors.New(lang.L("test rows: give a fraction between 0 and 1, e.g. 0.2, or nothing for none"))
	}
	return v, nil
}

// batchRows is the rows per batch field: the selected run's mini-batch
// size (0: all the rows).
func (d *dataForm) batchRows() (int, error) {
	t := strings.TrimSpace(d.Batch.Text)
	if t == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(t)
	if err != nil || n < 0 {
		return 0, errors.New(lang.L("rows per batch: give a whole number ≥ 1, or nothing for all"))
	}
	return n, nil
}

// setSource fills the fields from a lesson's data source (nil: none).
func (d *dataForm) setSource(s *lesson.DataSource) {
	if s == nil {
		d.DataSet.SetSelectedIndex(0)
		return
	}
	if s.Rows != nil {
		d.inline = s
		if !slices.Contains(d.DataSet.Options, rowsData()) {
			d.DataSet.Options = append(d.DataSet.Options, rowsData())
		}
		d.DataSet.SetSelected(rowsData())
	} else {
		d.DataSet.SetSelected(s.Set)
	}
	d.ModelName.SetText(s.Model)
	d.TestShare.SetText("")
	if s.TestFraction > 0 {
		d.TestShare.SetText(formatNum(s.TestFraction))
	}
}

// inlined is src, of a CSV file, with the file's rows in it as a lesson
// holds them: the lesson must open where the file is not.
func (d *dataForm) inlined(src lesson.DataSource) (lesson.DataSource, error) {
	data, err := d.csvRows(src)
	if err != nil {
		return src, err
	}
	src.Set, src.Columns, src.Rows = "", data.Columns, data.Table()
	return src, nil
}

// readData makes the data problem of the fields, showing a problem at its
// field; ok is false then.
func (c *form) readData() (*model.Learning, bool) {
	seed := uint64(optimizer.DefaultSeed)
	if v, err := strconv.ParseUint(strings.TrimSpace(c.Seed.Text), 10, 64); err == nil && v > 0 {
		seed = v
	}
	_, err := c.testShare()
	c.setError(c.TestShare, err)
	if err != nil {
		return nil, false
	}
	src := c.source(seed)
	spec, err := src.Spec()
	c.setError(c.DataFile, nil)
	if err != nil { // a lesson's rows that are no data set: Lesson.Problem has refused them already
		c.setError(c.TestShare, errors.New(errText(err)))
		return nil, false
	}
	if c.csvMode() {
		if spec.Rows, err = c.csvRows(src); err != nil {
			c.setError(c.DataFile, err)
			return nil, false
		}
	}
	l, err := spec.Learn()
	var se *model.SpecError
	c.setError(&c.ModelName.Entry, nil)
	if errors.As(err, &se) {
		var field formEntry = &c.ModelName.Entry
		if se.Field == "data" {
			field = c.DataFile
		}
		c.setError(field, errors.New(errText(se.Err)))
		return nil, false
	}
	if key := src.Set + "|" + src.Model; key != c.learnKey {
		c.learnKey = key // a new model: its own start
		c.syncing = true
		c.StartN.SetText(formatVector(l.Start))
		if len(l.Start) <= 2 {
			c.StartX.SetText(formatNum(l.Start[0]))
			if len(l.Start) == 2 {
				c.StartY.SetText(formatNum(l.Start[1]))
			}
		}
		c.dims = len(l.Start)
		c.syncing = false
	}
	return &l, true
}

// splitColumns reads the columns field: names separated by commas.
func splitColumns(s string) []string {
	var out []string
	for _, c := range strings.Split(s, ",") {
		out = append(out, strings.TrimSpace(c))
	}
	return out
}

// dataLayout is the data part of the form.
func (c *form) dataLayout() fyne.CanvasObject {
	c.fileRow = container.NewVBox(container.NewBorder(nil, nil, nil, c.Browse, c.field(lang.L("CSV file"), c.DataFile)),
		c.field(lang.L("columns: inputs, then the target (a target called label is a class 0/1)"), c.Columns))
	c.fileRow.Hide()
	c.dataRow = container.NewVBox(container.NewGridWithColumns(2, c.fieldOf(lang.L("model"), &c.ModelName.Entry, c.ModelName),
		c.field(lang.L("rows per batch"), c.Batch)), c.field(lang.L("share of the rows held out as a test set"), c.TestShare))
	c.dataRow.Hide()
	return container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel(lang.L("learn from data")), nil, c.DataSet), c.fileRow, c.dataRow)
}

// showDataMode shows the fields of the mode chosen: the function's, or
// the data's.
func (c *form) showDataMode() {
	if c.csvMode() {
		c.fileRow.Show()
	} else {
		c.fileRow.Hide()
	}
	if c.dataMode() {
		c.dataRow.Show()
		c.Func.Disable()
		c.FuncGradient.Hide()
		c.funcTitle.SetText(lang.L("Learning from data"))
		return
	}
	c.dataRow.Hide()
	c.Func.Enable()
	c.learnKey = ""
}

// browseCSV asks for a CSV file to learn from.
func (u *UI) browseCSV() { u.openDialog([]string{".csv"}, u.DataFile.SetText) }
