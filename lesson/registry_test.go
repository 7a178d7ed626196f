package lesson

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"gdlab/optimizer"
)

// dampeningJSON is a lesson with a hyperparameter that package lesson does
// not name anywhere: the registry alone makes it a field of the format.
const dampeningJSON = `{
  "format": "gdlab-lesson/1",
  "title": "Dampening",
  "function": "x^2 + y^2",
  "steps": 50,
  "runs": [
    {"method": "momentum", "lr": 0.01, "start": [3, 2], "dampening": 0.5}
  ]
}
`

// TestRegistryParamDampening decodes, configures and round-trips a run
// with dampening, a hyperparameter the package never names.
func TestRegistryParamDampening(t *testing.T) {
	l, err := Parse([]byte(dampeningJSON))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	if want := map[string]float64{"dampening": 0.5}; !reflect.DeepEqual(l.Runs[0].Params, want) {
		t.Errorf("Params = %v, want %v", l.Runs[0].Params, want)
	}
	cs, err := l.Configs()
	if err != nil {
		t.Fatal(err)
	}
	if got := cs[0].Param("dampening"); got != 0.5 {
		t.Errorf(`Param("dampening") = %g, want 0.5`, got)
	}
	want := optimizer.DefaultConfig().With("dampening", 0.5)
	want.Method, want.LR, want.Steps = optimizer.Momentum, 0.01, 50
	if !cs[0].Equal(want) {
		t.Errorf("config\n got %+v\nwant %+v", cs[0], want)
	}
	enc, err := Encode(l)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(enc, []byte(dampeningJSON)) {
		t.Errorf("Encode gives\n%s\nwant\n%s", enc, dampeningJSON)
	}
	back, err := Parse(enc)
	if err != nil || !reflect.DeepEqual(back, l) {
		t.Errorf("round trip gave %+v (%v), want %+v", back, err, l)
	}
}

// TestRegistryParamsAll checks every hyperparameter of the registry with
// every method that has it: given in a file (in any case), it reaches the
// config, and the lesson survives Encode and Parse; FromSettings records it.
func TestRegistryParamsAll(t *testing.T) {
	for _, m := range optimizer.Methods() {
		for _, p := range m.Params {
			v := p.Default
			if v == 0 || p.Check(v/2) == nil {
				v /= 2 // a value other than the default where one is valid
			}
			for _, field := range []string{p.Name, strings.ToUpper(p.Name)} {
				in := edit(t, `{"method": "gd", "lr": 0.1, "start": [3, 2]}`,
					`{"method": "`+string(m.Name)+`", "lr": 0.1, "start": [3, 2], "`+field+`": `+(&encoder{}).num(v)+`}`)
				l, err := Parse([]byte(in))
				if err != nil {
					t.Errorf("%s %s: %v", m.Name, field, err)
					continue
				}
				cs, _ := l.Configs()
				if got := cs[0].Param(p.Name); got != v && !(v == 0 && p.ZeroIsDefault) {
					t.Errorf("%s %s: Param = %g, want %g", m.Name, field, got, v)
				}
				enc, err := Encode(l)
				if err != nil || !strings.Contains(string(enc), `"`+p.Name+`": `) {
					t.Errorf("%s %s: Encode gives %s (%v)", m.Name, field, enc, err)
				}
				if back, err := Parse(enc); err != nil || !reflect.DeepEqual(back, l) {
					t.Errorf("%s %s: round trip gave %+v (%v)", m.Name, field, back, err)
				}
			}
			c := optimizer.DefaultConfig().With(p.Name, v)
			c.Method = m.Name
			r := FromSettings("T", "", optimizer.Problem{Source: "x^2 + y^2"}, []optimizer.Config{c}, 0).Runs[0]
			if got, ok := r.Params[p.Name]; (!ok || got != v) && !(v == 0 && p.ZeroIsDefault) {
				t.Errorf("%s: FromSettings recorded %s = %g, %v; want %g", m.Name, p.Name, got, ok, v)
			}
		}
	}
}

// TestRegistryParamFields checks that the run's fields are the fixed ones
// and then the registry's hyperparameters, in its order, and that an
// unknown field is matched against all of them.
func TestRegistryParamFields(t *testing.T) {
	fields := []string{"method", "lr", "start", "gradient", "convention", "h", "bound", "tol", "schedule", "warmup", "noise", "seed", "line_search", "batch"}
	for _, p := range optimizer.Params() {
		fields = append(fields, p.Name)
	}
	if !reflect.DeepEqual(runFields, fields) {
		t.Errorf("run fields %v, want %v", runFields, fields)
	}
	_, err := Parse([]byte(edit(t, `[3, 2]}`, `[3, 2], "dampenin": 0.1}`)))
	if want := `line 7, column 50: run 1: unknown field "dampenin" (did you mean "dampening"?)`; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	_, err = Parse([]byte(edit(t, `[3, 2]}`, `[3, 2], "colour": 1}`)))
	if want := `run 1: unknown field "colour" (the fields are ` + strings.Join(fields, ", ") + ")"; err == nil || !strings.HasSuffix(err.Error(), want) {
		t.Errorf("error %v, want it to end %s", err, want)
	}
}
