package model

import (
	"math"
	"strings"

	"gdlab/message"
)

// NewData is a data set from its rows, as a lesson file holds them
// inline: columns names the inputs, then the target (a target called
// "label" makes a classification, its values 0 or 1), and each row has a
// value per column. The errors say which row and column, as LoadCSV's say
// which line: too few or too many columns, a column named twice, no rows,
// a row of the wrong length, a value that is not finite, a label that is
// not 0 or 1.
func NewData(name string, columns []string, rows [][]float64) (*Data, error) {
	if err := checkColumns(name, columns); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, msgInlineNoRows.New(message.Text(name))
	}
	d := &Data{Name: name, Inputs: len(columns) - 1, Columns: columns,
		Classification: isLabel(columns[len(columns)-1])}
	for i, row := range rows {
		if len(row) != len(columns) {
			return nil, msgInlineRowLen.New(message.Text(name), message.Int(i+1), message.Int(len(row)),
				message.Int(len(columns)), message.Text(strings.Join(columns, ", ")))
		}
		for k, v := range row {
			at := []message.Arg{message.Text(name), message.Int(i + 1), message.Quote(columns[k]), message.Value(v)}
			switch {
			case math.IsNaN(v) || math.IsInf(v, 0):
				return nil, msgInlineNotFinite.New(at...)
			case k == d.Inputs && d.Classification && v != 0 && v != 1:
				return nil, msgInlineNotLabel.New(at...)
			}
		}
		d.X, d.Y = append(d.X, row[:d.Inputs]...), append(d.Y, row[d.Inputs])
	}
	return d, nil
}

// Table is d's rows as NewData takes them: the inputs, then the target.
func (d *Data) Table() [][]float64 {
	rows := make([][]float64, d.Rows())
	for i := range rows {
		rows[i] = append(append(make([]float64, 0, d.Inputs+1), d.Row(i)...), d.Y[i])
	}
	return rows
}
