package model

import (
	"encoding/csv"
	"errors"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"gdlab/message"
)

// MaxRows is the most rows a CSV file of data may have.
const MaxRows = 1_000_000

// LoadCSV reads data from the CSV file name (read from r): a header row,
// then one row per point. columns names the columns to take, the inputs
// first and the target last (x,y or x1,x2,y); a target column called
// "label" makes the data a classification (its values must be 0 or 1).
// Other columns are ignored. Every error names the file, and where it can
// the line and the column: no header, a column missing from it, a field
// that is not a finite number, a label that is not 0 or 1, no rows, a
// binary file, more than MaxRows rows; nothing is loaded then.
//
// encoding/csv reads the records (quoted fields included); a record is
// checked for NUL bytes and invalid UTF-8, which no text file has.
func LoadCSV(name string, r io.Reader, columns []string) (*Data, error) {
	if err := checkColumns(name, columns); err != nil {
		return nil, err
	}
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return nil, msgEmptyFile.New(message.Text(name))
	}
	if err != nil {
		return nil, csvError(name, err)
	}
	if err := textRecord(name, 1, header); err != nil {
		return nil, err
	}
	if len(header) > 0 { // a byte-order mark, as some spreadsheets write
		header[0] = strings.TrimPrefix(header[0], "\ufeff")
	}
	idx, err := columnIndex(name, header, columns)
	if err != nil {
		return nil, err
	}
	target := columns[len(columns)-1]
	d := &Data{Name: name, Inputs: len(columns) - 1, Columns: columns,
		Classification: isLabel(target)}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, csvError(name, err)
		}
		line, _ := cr.FieldPos(0) // blank lines are skipped: count them too
		if err := d.addRecord(name, line, rec, idx, columns); err != nil {
			return nil, err
		}
		if d.Rows() > MaxRows {
			return nil, msgTooManyRows.New(message.Text(name), message.Int(MaxRows), message.Int(line), message.Int(MaxRows))
		}
	}
	if d.Rows() == 0 {
		return nil, msgNoRows.New(message.Text(name))
	}
	return d, nil
}

// isLabel reports whether a target column of this name holds classes 0
// and 1: a target called "label".
func isLabel(column string) bool { return strings.EqualFold(strings.TrimSpace(column), "label") }

// checkColumns reports columns that are no data set's: not two or three
// (the inputs, then the target), or one of them named twice.
func checkColumns(name string, columns []string) error {
	if len(columns) < 2 || len(columns) > 3 {
		return msgColumnCount.New(message.Text(name), message.Int(len(columns)))
	}
	for k, c := range columns {
		for _, earlier := range columns[:k] {
			if strings.TrimSpace(earlier) == strings.TrimSpace(c) {
				return msgColumnTwice.New(message.Text(name), message.Quote(strings.TrimSpace(c)))
			}
		}
	}
	return nil
}

// columnIndex is the position of each of columns in the header.
func columnIndex(name string, header, columns []string) ([]int, error) {
	idx := make([]int, len(columns))
	for k, c := range columns {
		c = strings.TrimSpace(c)
		idx[k] = -1
		for i, h := range header {
			if strings.TrimSpace(h) != c {
				continue
			}
			if idx[k] >= 0 {
				return nil, msgHeaderTwice.New(message.Text(name), message.Quote(c), message.Int(idx[k]+1), message.Int(i+1))
			}
			idx[k] = i
		}
		if idx[k] < 0 {
			return nil, msgNoColumn.New(message.Text(name), message.Quote(c), message.Text(strings.Join(header, ", ")))
		}
	}
	return idx, nil
}

// addRecord adds the row of the record on line.
func (d *Data) addRecord(name string, line int, rec []string, idx []int, columns []string) error {
	if err := textRecord(name, line, rec); err != nil {
		return err
	}
	for k, i := range idx {
		if i >= len(rec) {
			return msgFieldMissing.New(message.Text(name), message.Int(line), message.Quote(columns[k]), message.Int(len(rec)))
		}
		s := strings.TrimSpace(rec[i])
		v, err := strconv.ParseFloat(s, 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return msgNotFinite.New(message.Text(name), message.Int(line), message.Quote(columns[k]), message.Quote(s))
		}
		if k < d.Inputs {
			d.X = append(d.X, v)
			continue
		}
		if d.Classification && v != 0 && v != 1 {
			return msgNotLabel.New(message.Text(name), message.Int(line), message.Quote(columns[k]), message.Quote(s))
		}
		d.Y = append(d.Y, v)
	}
	return nil
}

// textRecord reports a record that is not text: a NUL byte or invalid
// UTF-8.
func textRecord(name string, line int, rec []string) error {
	for _, f := range rec {
		if strings.IndexByte(f, 0) >= 0 || !utf8.ValidString(f) {
			return msgBinary.New(message.Text(name), message.Int(line))
		}
	}
	return nil
}

// csvError is a CSV syntax error with the file's name, its line and its
// column, or an error reading the file with the file's name; it wraps err.
func csvError(name string, err error) error {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		return message.Chain(msgCSVSyntax.New(message.Text(name), message.Int(pe.Line), message.Int(pe.Column), reason(pe.Err)), err)
	}
	return wrap(msgCSVRead, err, message.Text(name))
}
