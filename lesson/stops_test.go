package lesson

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
)

// stopsJSON is a lesson with two stops.
const stopsJSON = `{
  "format": "gdlab-lesson/1",
  "title": "Stops",
  "function": "x^2 + y^2",
  "steps": 10,
  "runs": [
    {"method": "gd", "lr": 1.1, "start": [3, 2]}
  ],
  "stops": [
    {"step": 3, "text": "What will the next step do?"},
    {"step": 10, "text": "Where is it now?"}
  ]
}
`

// TestStopsRoundTrip decodes the stops and writes the file back exactly.
func TestStopsRoundTrip(t *testing.T) {
	l, err := Parse([]byte(stopsJSON))
	if err != nil {
		t.Fatal(err)
	}
	want := []Stop{{3, "What will the next step do?"}, {10, "Where is it now?"}}
	if !reflect.DeepEqual(l.Stops, want) {
		t.Errorf("stops %+v", l.Stops)
	}
	enc, err := Encode(l)
	if err != nil || !bytes.Equal(enc, []byte(stopsJSON)) {
		t.Errorf("Encode (%v):\n%s", err, enc)
	}
	if err := l.Validate(); err != nil {
		t.Error(err)
	}
}

// TestStopErrors: each wrong stop names the stop and says what is allowed.
func TestStopErrors(t *testing.T) {
	cases := map[string]string{
		`{"step": 0, "text": "?"}`:  `stop 1: step 0 must be from 1 to the lesson's 10 steps`,
		`{"step": 11, "text": "?"}`: `stop 1: step 11 must be from 1 to the lesson's 10 steps`,
		`{"step": 3, "text": " "}`:  `stop 1: "text" is empty`,
		`{"text": "?"}`:             `stop 1: "step" is missing`,
		`{"step": 3}`:               `stop 1: "text" is missing`,
		`null`:                      `stop 1: a stop must be an object`,
		`{"step": 3, "text": "a"}, {"step": 3, "text": "b"}`:      `stop 2: step 3 must come after the stop before it (step 3)`,
		`{"step": 2.5, "text": "a"}`:                              `"stops" item 1 must be a whole number, not 2.5`,
		`{"step": 3, "text": "` + strings.Repeat("a", 501) + `"}`: `stop 1: "text" is 501 characters long: at most 500 are allowed`,
	}
	for stops, want := range cases {
		src := strings.Replace(stopsJSON, `{"step": 3, "text": "What will the next step do?"},
    {"step": 10, "text": "Where is it now?"}`, stops, 1)
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%.40s: error %v, want %q", stops, err, want)
		}
	}
}
