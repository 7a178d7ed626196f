package message

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

var (
	testOuter = Define("run %s: %s")
	testInner = Define("lr %s is below the critical %s")
	testWord  = Define("end point")
	testSwap  = Define("%[2]s before %[1]s")
)

func TestRenderEnglishAndTranslated(t *testing.T) {
	m := testOuter.New(Int(2), Nested(testInner.New(Value(0.1), Number(1))))
	if got, want := m.String(), "run 2: lr 0.1 is below the critical 1.0"; got != want {
		t.Errorf("English: got %q, want %q", got, want)
	}
	de := map[string]string{
		"run %s: %s":                     "Durchlauf %s: %s",
		"lr %s is below the critical %s": "Lernrate %s liegt unter der kritischen %s",
	}
	tr := func(k string) string {
		if v, ok := de[k]; ok {
			return v
		}
		return k
	}
	if got, want := m.Render(tr), "Durchlauf 2: Lernrate 0.1 liegt unter der kritischen 1.0"; got != want {
		t.Errorf("German: got %q, want %q", got, want)
	}
	if got := testSwap.New(Text("a"), Text("b")).String(); got != "b before a" {
		t.Errorf("indexed verbs: got %q", got)
	}
	if got := testWord.New().String(); got != "end point" {
		t.Errorf("word: got %q", got)
	}
}

func TestArgs(t *testing.T) {
	for _, c := range []struct {
		arg  Arg
		want string
	}{
		{Number(1), "1.0"}, {Number(0.123456789), "0.123457"}, {Number(1e-6), "1e-06"},
		{Number(math.Inf(1)), "+Inf"}, {Number(math.NaN()), "NaN"}, {Number(-2), "-2.0"},
		{Value(1e-5), "1e-05"}, {Value(0.1), "0.1"}, {Value(-1), "-1"},
		{Int(-3), "-3"}, {Text(`a "b"`), `a "b"`}, {Quote(`a "b"`), `"a \"b\""`},
		{Word(testWord), "end point"},
	} {
		if got := c.arg.render(nil); got != c.want {
			t.Errorf("%#v: got %q, want %q", c.arg, got, c.want)
		}
	}
}

func TestArityAndVerbs(t *testing.T) {
	for _, c := range []struct {
		key  string
		want int
	}{
		{"no args", 0}, {"%s", 1}, {"%s and %s", 2}, {"%[2]s, %[1]s", 2}, {"100%% of %s", 1},
	} {
		if got := Arity(c.key); got != c.want {
			t.Errorf("Arity(%q) = %d, want %d", c.key, got, c.want)
		}
	}
	if got := strings.Join(Verbs("%[2]s, %[1]s and 5%%"), " "); got != "%[2]s %[1]s %%" {
		t.Errorf("Verbs: %q", got)
	}
}

func TestDefineRejectsOtherVerbs(t *testing.T) {
	for _, key := range []string{"%d steps", "lr %v", "%q is not"} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("Define(%q) accepted a verb other than %%s", key)
				}
			}()
			Define(key)
		}()
	}
}

func TestKindsAndAs(t *testing.T) {
	found := false
	for _, k := range Kinds() {
		if k == testOuter {
			found = true
		}
	}
	if !found {
		t.Error("Kinds does not list a defined kind")
	}
	m := testInner.New(Value(2), Number(1))
	err := fmt.Errorf("wrapped: %w", m)
	got, ok := As(err)
	if !ok || got.Kind != testInner {
		t.Fatalf("As did not find the message in %v", err)
	}
	if Of(err, nil) != m.String() || Of(errors.New("plain"), nil) != "plain" || Of(nil, nil) != "" {
		t.Error("Of renders the wrong text")
	}
}
