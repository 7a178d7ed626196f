package lesson

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"gdlab/message"
	"gdlab/message/packtest"
	"gdlab/model"
	"gdlab/optimizer"
)

// dataLesson learns the line with mini-batches.
const dataLesson = `{"format": "gdlab-lesson/1", "title": "Fitting a line", "data": {"set": "line", "seed": 3, "model": "linear", "batch": 10},
 "steps": 50, "runs": [{"method": "gd", "lr": 0.02, "start": [0, 0]}]}`

// TestLessonsThatLearnFromData: a lesson's data source gives the loss of
// its model as the problem (two parameters, mini-batches of 10), encodes
// and parses back exactly, and bad sources are refused with a message.
func TestLessonsThatLearnFromData(t *testing.T) {
	l, err := Parse([]byte(dataLesson))
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.Problem()
	if err != nil || p.F.Dims() != 2 || !strings.Contains(p.Source, "linear on line") || p.Vars[0] != "w" {
		t.Fatalf("problem %q (%v), %v", p.Source, p.Vars, err)
	}
	if cs, err := l.Configs(); err != nil || cs[0].Batch != 10 || optimizer.SamplerOf(p.F, cs[0]) == nil {
		t.Fatalf("the run does not learn from the data's batches of 10: %+v %v", cs, err)
	}
	data, err := Encode(l)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(data)
	if err != nil || !reflect.DeepEqual(back.Data, l.Data) || back.Function != "" {
		t.Fatalf("round trip: %+v %v\n%s", back.Data, err, data)
	}
	if again, _ := Encode(back); string(again) != string(data) {
		t.Errorf("not exact:\n%s\n%s", data, again)
	}
	for _, tc := range []struct{ from, to, want string }{
		{`"set": "line"`, `"set": "spiral"`, `"set" "spiral" is not a built-in data set`},
		{`"title": "Fitting a line",`, `"title": "Fitting a line", "function": "x^2",`, `give "function" or "data", not both`},
		{`"model": "linear"`, `"model": "logistic"`, `data: model logistic classifies`},
		{`"set": "line", `, ``, `data: give "set" (a built-in data set) or "columns" and "rows" (the data itself)`},
		{`"batch": 10`, `"batch": -2`, `data: batch -2: the rows of a mini-batch must be 1 or more`},
		{`"start": [0, 0]`, `"start": [0, 0, 0]`, `"start" has 3 numbers`},
	} {
		bad := strings.Replace(dataLesson, tc.from, tc.to, 1)
		if _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s → %s: %v, want %q", tc.from, tc.to, err, tc.want)
		}
	}
}

// TestDataErrorsNestTheModelsMessage: a data source the model package
// refuses gives a lesson error that nests the model package's message, so
// that it is translated as a whole, and that still is a *model.SpecError
// naming the field.
func TestDataErrorsNestTheModelsMessage(t *testing.T) {
	_, err := Parse([]byte(strings.Replace(dataLesson, `"model": "linear"`, `"model": "logistic"`, 1)))
	var se *model.SpecError
	if !errors.As(err, &se) || se.Field != "model" {
		t.Fatalf("%v: no *model.SpecError of the model (%+v)", err, se)
	}
	de := map[string]string{}
	for _, name := range []string{"lesson.de.json", "model.de.json"} {
		for k, v := range packtest.Read(t, "../assets/translations", name) {
			de[k] = v
		}
	}
	german := message.Of(err, func(key string) string { return de[key] })
	want := "Daten: Modell logistic klassifiziert: die Daten line haben Werte, keine Klassen 0 und 1 (nehmen Sie linear oder polynomial:D)"
	if german != want {
		t.Errorf("German %q, want %q", german, want)
	}
}

// rowsLesson holds its data: four points of a classification.
const rowsLesson = `{"format": "gdlab-lesson/1", "title": "Four points",
 "data": {"columns": ["x", "label"], "model": "logistic", "test_fraction": 0.25, "rows": [[-2, 0], [-1, 0], [1, 1], [2.5, 1]]},
 "steps": 20, "runs": [{"method": "gd", "lr": 0.5, "start": [0, 0]}]}`

// TestLessonsHoldTheirRows: a lesson may hold its data inline, a row per
// point; it learns from them (a test share held out), encodes a row to a
// line and parses back exactly, and rows that are no data set are refused
// saying which row.
func TestLessonsHoldTheirRows(t *testing.T) {
	l, err := Parse([]byte(rowsLesson))
	if err != nil {
		t.Fatal(err)
	}
	spec, err := l.Data.Spec()
	if err != nil {
		t.Fatal(err)
	}
	lr, err := spec.Learn()
	if err != nil || lr.Train.D.Rows() != 3 || lr.Test == nil || !lr.Train.M.Classifier() {
		t.Fatalf("learning: %+v %v", lr, err)
	}
	data, err := Encode(l)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"rows": [
    [-2, 0],
    [-1, 0],`) {
		t.Errorf("rows not one to a line:\n%s", data)
	}
	back, err := Parse(data)
	if err != nil || !reflect.DeepEqual(back.Data, l.Data) {
		t.Fatalf("round trip: %+v %v\n%s", back.Data, err, data)
	}
	for _, tc := range []struct{ from, to, want string }{
		{`[2.5, 1]`, `[2.5, 2]`, `data: rows: row 4: column "label": 2 is not a label 0 or 1`},
		{`[-1, 0]`, `[-1]`, `data: rows: row 2 has 1 values; the 2 columns are x, label`},
		{`[-1, 0]`, `[-1, null]`, `data: "rows": row 2, value 2 is null: give a number`},
		{`"columns": ["x", "label"], `, ``, `data: "rows" needs "columns"`},
		{`"columns": ["x", "label"], `, `"set": "blobs", "columns": ["x", "label"], `, `data: give "set" or "rows", not both`},
		{`"rows": [[-2, 0], [-1, 0], [1, 1], [2.5, 1]]`, `"rows": []`, `data: rows: no rows`},
		{`"columns": ["x", "label"]`, `"columns": ["x", "x"]`, `column "x" is given twice`},
	} {
		bad := strings.Replace(rowsLesson, tc.from, tc.to, 1)
		if _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s → %s: %v, want %q", tc.from, tc.to, err, tc.want)
		}
	}
	noRows := strings.Replace(rowsLesson, `, "rows": [[-2, 0], [-1, 0], [1, 1], [2.5, 1]]`, ``, 1)
	if _, err := Parse([]byte(noRows)); err == nil || !strings.Contains(err.Error(), `"columns" names the columns of "rows"`) {
		t.Errorf("columns without rows: %v", err)
	}
}

// TestEachRunItsOwnBatch: runs of a lesson with data may have mini-batches
// of their own size (the book's comparison of 1, 8 and all rows; a run
// with none takes the data's), written
// back as they were; a batch on a function's run, or below 0, is refused.
func TestEachRunItsOwnBatch(t *testing.T) {
	src := strings.Replace(dataLesson, `"runs": [{"method": "gd", "lr": 0.02, "start": [0, 0]}]`,
		`"runs": [{"method": "gd", "lr": 0.02, "start": [0, 0], "batch": 1}, {"method": "gd", "lr": 0.02, "start": [0, 0], "seed": 4, "batch": 8}, {"method": "gd", "lr": 0.02, "start": [0, 0]}]`, 1)
	l, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	cs, err := l.Configs()
	if err != nil || cs[0].Batch != 1 || cs[1].Batch != 8 || cs[1].Seed != 4 || cs[2].Batch != 10 {
		t.Fatalf("configs %+v %v", cs, err)
	}
	data, _ := Encode(l)
	if !strings.Contains(string(data), `"seed": 4, "batch": 8}`) {
		t.Errorf("encoded:\n%s", data)
	}
	p, _ := l.Problem()
	back := FromData(l.Title, l.Text, *l.Data, p, cs, 0)
	if back.Runs[1].Batch != 8 || back.Runs[1].Seed != 4 || back.Runs[0].Batch != 1 {
		t.Errorf("from the configs: %+v", back.Runs)
	}
	for _, tc := range []struct{ lesson, want string }{
		{strings.Replace(src, `"batch": 1}`, `"batch": -1}`, 1), "run 1: batch -1: the rows of a mini-batch must be 1 or more"},
		{`{"format": "gdlab-lesson/1", "title": "t", "function": "x^2", "steps": 5, "runs": [{"method": "gd", "lr": 0.1, "start": [1], "batch": 4}]}`,
			`run 1: "batch" is for a lesson that learns from "data"`},
	} {
		if _, err := Parse([]byte(tc.lesson)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v, want %q", err, tc.want)
		}
	}
}
