package lesson

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// listDir returns the names in dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestSaveRoundTrip(t *testing.T) {
	dir := t.TempDir()
	for i, l := range BuiltIn() {
		path := filepath.Join(dir, "lesson.json")
		if err := Save(path, l); err != nil {
			t.Fatalf("Save lesson %d: %v", i+1, err)
		}
		got, err := LoadFile(path)
		if err != nil {
			t.Fatalf("LoadFile after Save of lesson %d: %v", i+1, err)
		}
		if !reflect.DeepEqual(got, l) {
			t.Errorf("lesson %d changed on the round trip:\n got %+v\nwant %+v", i+1, got, l)
		}
	}
	if names := listDir(t, dir); !reflect.DeepEqual(names, []string{"lesson.json"}) {
		t.Errorf("folder holds %v after saving, want only lesson.json", names)
	}
	st, err := os.Stat(filepath.Join(dir, "lesson.json"))
	if err != nil {
		t.Fatal(err)
	}
	if m := st.Mode().Perm(); m != 0o644 {
		t.Errorf("saved file mode %v, want -rw-r--r--", m)
	}
}

func TestSaveSetsFormat(t *testing.T) {
	l, err := Parse([]byte(validJSON))
	if err != nil {
		t.Fatal(err)
	}
	l.Format = ""
	path := filepath.Join(t.TempDir(), "x.json")
	if err := Save(path, l); err != nil {
		t.Fatalf("Save: %v", err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "{\n  \"format\": \"gdlab-lesson/1\",\n") {
		t.Errorf("saved file starts %.40q, want the format first", data)
	}
}

// TestSaveAtomic checks that a failed save leaves the target as it was and
// no temporary file behind.
func TestSaveAtomic(t *testing.T) {
	good, err := Parse([]byte(validJSON))
	if err != nil {
		t.Fatal(err)
	}
	bad := good
	bad.Runs = nil
	const old = "old content\n"
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string) string // returns the path to save to
		l     Lesson
		want  string // substring of the error
	}{
		{"write fails before rename", func(t *testing.T, dir string) string {
			testHookBeforeRename = func(tmp string) error {
				if _, err := os.Stat(tmp); err != nil {
					t.Errorf("temporary file %s missing before the rename: %v", tmp, err)
				}
				if filepath.Dir(tmp) != dir {
					t.Errorf("temporary file %s is not in the target's folder %s", tmp, dir)
				}
				return errors.New("disk full")
			}
			t.Cleanup(func() { testHookBeforeRename = nil })
			return filepath.Join(dir, "lesson.json")
		}, good, "saving the lesson: disk full"},
		{"target is a folder", func(t *testing.T, dir string) string {
			p := filepath.Join(dir, "sub")
			if err := os.Mkdir(p, 0o755); err != nil {
				t.Fatal(err)
			}
			return p
		}, good, "is a folder: choose a file name"},
		{"folder does not exist", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "missing", "lesson.json")
		}, good, "saving the lesson: "},
		{"invalid lesson", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "lesson.json")
		}, bad, `the lesson cannot be saved: "runs": a lesson has 1 to 8 runs, this one has 0`},
		{"unencodable number", func(t *testing.T, dir string) string {
			return filepath.Join(dir, "lesson.json")
		}, func() Lesson {
			l := good
			l.Runs = []Run{{Method: "gd", LR: 0.1, Start: []float64{1, 2}, Bound: math.Inf(1)}}
			return l
		}(),
			"cannot be written in a lesson file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "lesson.json"), []byte(old), 0o600); err != nil {
				t.Fatal(err)
			}
			path := tt.setup(t, dir)
			before := listDir(t, dir)
			err := Save(path, tt.l)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Save error %v, want one containing %q", err, tt.want)
			}
			if got, err := os.ReadFile(filepath.Join(dir, "lesson.json")); err != nil || string(got) != old {
				t.Errorf("target now holds %q (%v), want it unchanged", got, err)
			}
			if after := listDir(t, dir); !reflect.DeepEqual(after, before) {
				t.Errorf("folder holds %v after the failed save, want %v (no temporary files)", after, before)
			}
		})
	}
}

// TestSaveReadOnlyFolder needs a user that permissions apply to (root may
// write anywhere).
func TestSaveReadOnlyFolder(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: folder permissions do not apply")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "lesson.json")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	l := BuiltIn()[0]
	if err := Save(path, l); err == nil {
		t.Fatal("Save into a read-only folder succeeded")
	}
	if got, _ := os.ReadFile(path); string(got) != "old" {
		t.Errorf("target holds %q, want it unchanged", got)
	}
	if names := listDir(t, dir); !reflect.DeepEqual(names, []string{"lesson.json"}) {
		t.Errorf("folder holds %v, want only lesson.json", names)
	}
}

func TestSaveReplaces(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "lesson.json")
	ls := BuiltIn()
	for _, l := range ls[:2] {
		if err := Save(path, l); err != nil {
			t.Fatal(err)
		}
	}
	got, err := LoadFile(path)
	if err != nil || got.Title != ls[1].Title {
		t.Errorf("after two saves the file holds %q (%v), want the second lesson %q", got.Title, err, ls[1].Title)
	}
}

func TestEncodeNumbers(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{0, "0"}, {1, "1"}, {-1.5, "-1.5"}, {0.1, "0.1"}, {1e-4, "0.0001"}, {9.9e-5, "9.9e-5"},
		{1e-6, "1e-6"}, {1e-8, "1e-8"}, {123456, "123456"}, {1e7, "1e7"}, {1.2e13, "1.2e13"},
		{-2.5e-300, "-2.5e-300"}, {math.MaxFloat64, "1.7976931348623157e308"}, {0.999, "0.999"},
	}
	for _, tt := range tests {
		e := &encoder{}
		if got := e.num(tt.v); got != tt.want || e.err != nil {
			t.Errorf("num(%g) = %q (%v), want %q", tt.v, got, e.err, tt.want)
		}
	}
}

func TestEncodeStrings(t *testing.T) {
	l, err := Parse([]byte(validJSON))
	if err != nil {
		t.Fatal(err)
	}
	l.Title = `a < b & "c" \ d`
	l.Text = "line\nbreak\ttab é ∇"
	data, err := Encode(l)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"title": "a < b & \"c\" \\ d"`) {
		t.Errorf("title not encoded plainly:\n%s", data)
	}
	got, err := Parse(data)
	if err != nil || got.Title != l.Title || got.Text != l.Text {
		t.Errorf("round trip gave %q %q (%v)", got.Title, got.Text, err)
	}
}
