package lesson

import (
	"reflect"
	"strings"
	"testing"

	"gdlab/message"
)

// FuzzParse checks that Parse never panics, that its errors are messages,
// and that whatever it accepts is valid and survives Encode and Parse unchanged.
func FuzzParse(f *testing.F) {
	f.Add([]byte(validJSON))
	_, files := builtInFiles(f)
	for _, b := range files {
		f.Add(b)
	}
	for _, s := range []string{
		"", "null", "[]", "{}", `{"runs": [null]}`, `{"steps": 1e999}`, `{"box": [1, 2, 3, 4, 5]}`,
		strings.Repeat("[", 20000), `{"format": "gdlab-lesson/1", "title": "T", "function": "x", "steps": 1, "runs": [{"method": "gd", "lr": 1, "start": [1]}]}`,
		"\xef\xbb\xbf{\"a\": \"\xff\"}", `{"title": "\ud800"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		l, err := Parse(data)
		if err != nil {
			if err.Error() == "" {
				t.Error("empty error message")
			}
			if m, ok := message.As(err); !ok || m.String() != err.Error() {
				t.Errorf("error %q is no message (%q)", err, m)
			}
			return
		}
		if err := l.Validate(); err != nil {
			t.Fatalf("Parse accepted a lesson that Validate rejects: %v", err)
		}
		enc, err := Encode(l)
		if err != nil {
			t.Fatalf("Encode of a parsed lesson: %v", err)
		}
		back, err := Parse(enc)
		if err != nil {
			t.Fatalf("Parse of the encoded lesson: %v\n%s", err, enc)
		}
		if !reflect.DeepEqual(back, l) {
			t.Fatalf("round trip changed the lesson:\n%+v\n%+v", l, back)
		}
	})
}
