package lesson

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"gdlab/optimizer"
)

// extrasJSON is a lesson whose runs carry a schedule with warmup, gradient
// noise with its seed, and a line search.
const extrasJSON = `{
  "format": "gdlab-lesson/1",
  "title": "Schedules",
  "function": "x^2 + y^2",
  "steps": 50,
  "runs": [
    {"method": "gd", "lr": 0.1, "start": [3, 2], "schedule": "cosine:50:0.001", "warmup": 5, "noise": 0.5, "seed": 7},
    {"method": "gd", "lr": 1, "start": [3, 2], "line_search": "armijo"}
  ]
}
`

// TestExtrasRoundTrip decodes, configures and round-trips the schedule,
// the noise, the seed and the line search.
func TestExtrasRoundTrip(t *testing.T) {
	l, err := Parse([]byte(extrasJSON))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	cs, err := l.Configs()
	if err != nil {
		t.Fatal(err)
	}
	want := optimizer.Schedule{Kind: optimizer.Cosine, TMax: 50, MinLR: 0.001, Warmup: 5}
	if cs[0].Schedule != want || cs[0].Noise != 0.5 || cs[0].Seed != 7 || cs[0].LineSearch != "" {
		t.Errorf("run 1: %+v", cs[0])
	}
	if cs[1].LineSearch != optimizer.Armijo || cs[1].Seed != optimizer.DefaultSeed || !cs[1].Schedule.IsConstant() {
		t.Errorf("run 2: %+v", cs[1])
	}
	enc, err := Encode(l)
	if err != nil || !bytes.Equal(enc, []byte(extrasJSON)) {
		t.Errorf("Encode (%v) gives\n%s\nwant\n%s", err, enc, extrasJSON)
	}
	back := FromSettings("Schedules", "", optimizer.Problem{Source: "x^2 + y^2"}, cs, 0)
	for i := range back.Runs {
		if !reflect.DeepEqual(back.Runs[i], l.Runs[i]) {
			t.Errorf("FromSettings run %d: %+v, want %+v", i+1, back.Runs[i], l.Runs[i])
		}
	}
}

// TestExtrasErrors: a bad schedule, warmup, noise, seed or line search
// names the run and the field and says what is valid.
func TestExtrasErrors(t *testing.T) {
	cases := map[string]string{
		`"schedule": "linear"`:   `run 1: unknown schedule "linear": valid schedules are none, step:S:G, exp:G, cosine:T[:MIN], invsqrt`,
		`"schedule": "step:10"`:  `run 1: schedule "step:10": write step:S:G with a whole S ≥ 1 and G > 0, e.g. step:30:0.1`,
		`"warmup": -1`:           `run 1: warmup -1: must be 0 (none) or a whole number of steps ≥ 1`,
		`"noise": -0.5`:          `run 1: noise -0.5: σ must be 0 (none) or a positive finite number`,
		`"seed": -3`:             `seed`,
		`"line_search": "wolfe"`: `run 1: line search "wolfe": valid line searches are none, armijo`,
		`"schedule": 3`:          `schedule`,
	}
	for field, want := range cases {
		src := strings.Replace(extrasJSON, `"schedule": "cosine:50:0.001", "warmup": 5, "noise": 0.5, "seed": 7`, field, 1)
		_, err := Parse([]byte(src))
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: error %v, want it to contain %q", field, err, want)
		}
	}
	src := strings.Replace(extrasJSON, `"method": "gd", "lr": 1`, `"method": "adam", "lr": 1`, 1)
	if _, err := Parse([]byte(src)); err == nil || !strings.Contains(err.Error(), `run 2: line search "armijo": adam has none; only gd takes a line search`) {
		t.Errorf("armijo with adam: %v", err)
	}
}
