package model

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLoadCSV reads a regression and a classification file, and refuses
// every kind of bad file with a message naming the file, the line and the
// column.
func TestLoadCSV(t *testing.T) {
	d, err := LoadCSV("fit.csv", strings.NewReader("x,y,note\n1,3,a\n2, 5 ,b\n"), []string{"x", "y"})
	if err != nil || d.Rows() != 2 || d.Inputs != 1 || d.Classification || d.Y[1] != 5 {
		t.Fatalf("regression: %+v %v", d, err)
	}
	d, err = LoadCSV("c.csv", strings.NewReader("x1,x2,label\n0.5,1,0\n-1,2,1\n"), []string{"x1", "x2", "label"})
	if err != nil || d.Rows() != 2 || d.Inputs != 2 || !d.Classification || d.X[2] != -1 {
		t.Fatalf("classification: %+v %v", d, err)
	}
	for _, tc := range []struct{ text, want string }{
		{"", "e.csv: the file is empty: it needs a header row naming its columns"},
		{"x,z\n1,2\n", `e.csv:1: no column "y" in the header (it has x, z)`},
		{"x,y\n1,2\n3,abc\n", `e.csv:3: column "y": "abc" is not a finite number`},
		{"x,y\n1,NaN\n", `e.csv:2: column "y": "NaN" is not a finite number`},
		{"x,y\n1\n", `e.csv:2: column "y" is missing (the line has 1 fields)`},
		{"x,y\n", "e.csv: no rows after the header"},
		{"x,y\n1,\x00\x01\n", "e.csv:2: not a text file"},
		{"x,y\n1,\"2\n", "e.csv:2: column"},
		{"x,y\n1,2\n\n\n3,abc\n", `e.csv:5: column "y": "abc" is not a finite number`}, // blank lines count
		{"x,y,x\n1,2,3\n", `e.csv:1: the header names column "x" twice (columns 1 and 3): rename one`},
	} {
		if _, err := LoadCSV("e.csv", strings.NewReader(tc.text), []string{"x", "y"}); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: %v, want %q", tc.text, err, tc.want)
		}
	}
	if _, err := LoadCSV("l.csv", strings.NewReader("x,label\n1,2\n"), []string{"x", "label"}); err == nil ||
		err.Error() != `l.csv:2: column "label": "2" is not a label 0 or 1` {
		t.Errorf("label 2: %v", err)
	}
	var big strings.Builder
	big.WriteString("x,y\n")
	for i := 0; i <= MaxRows; i++ {
		big.WriteString("1,2\n")
	}
	if _, err := LoadCSV("big.csv", strings.NewReader(big.String()), []string{"x", "y"}); err == nil || !strings.Contains(err.Error(), "big.csv: more than 1000000 rows (line 1000002)") {
		t.Errorf("too many rows: %v", err)
	}
}

// BenchmarkLoadCSV loads a 1,000,000-row two-column file (issue 15:
// ≤ 1.5 s and ≤ 200 MB), reporting the heap it grows by.
func BenchmarkLoadCSV(b *testing.B) {
	path := filepath.Join(b.TempDir(), "big.csv")
	f, _ := os.Create(path)
	w := bufio.NewWriter(f)
	w.WriteString("x,y\n")
	for i := range MaxRows {
		fmt.Fprintf(w, "%g,%g\n", float64(i)/1e4, 2*float64(i)/1e4+1)
	}
	w.Flush()
	f.Close()
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		f, _ := os.Open(path)
		d, err := LoadCSV("big.csv", bufio.NewReaderSize(f, 1<<20), []string{"x", "y"})
		f.Close()
		if err != nil || d.Rows() != MaxRows {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/1e6, "MB-allocated")
	}
}

// TestCSVByteOrderMarkAndColumnsTwice: a byte-order mark before the header
// (as spreadsheets write) is not part of the first column's name; a
// column asked for twice is refused.
func TestCSVByteOrderMarkAndColumnsTwice(t *testing.T) {
	d, err := LoadCSV("b.csv", strings.NewReader("\ufeffx,y\n1,2\n2,4\n"), []string{"x", "y"})
	if err != nil || d.Rows() != 2 || d.X[1] != 2 {
		t.Fatalf("with a byte-order mark: %+v %v", d, err)
	}
	_, err = LoadCSV("b.csv", strings.NewReader("x,y\n1,2\n"), []string{"x", "x"})
	if err == nil || err.Error() != `b.csv: column "x" is given twice: give each column once, the inputs first, the target last` {
		t.Errorf("x,x: %v", err)
	}
}

// TestMLPSize: mlp:15 has 61 parameters, mlp:16 would have 65, more than
// a function may have.
func TestMLPSize(t *testing.T) {
	if m, err := ParseModel("mlp:15", 2); err != nil || m.NumParams() != 61 {
		t.Errorf("mlp:15: %v %v", m, err)
	}
	if _, err := ParseModel("mlp:16", 2); err == nil || !strings.Contains(err.Error(), "mlp:H (H = 1 … 15)") {
		t.Errorf("mlp:16: %v", err)
	}
}
