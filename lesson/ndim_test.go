package lesson

import (
	"strings"
	"testing"
)

// TestLessonOfManyVariables: a lesson on a function of five variables
// takes a start of five numbers, gives its runs that start, round-trips
// exactly, and refuses a start of another length with a message that
// names both counts.
func TestLessonOfManyVariables(t *testing.T) {
	src := `{"format": "gdlab-lesson/1", "title": "Five", "function": "sum((x[i] - i)^2, i, 0, 4)", "steps": 10,
 "runs": [{"method": "adam", "lr": 0.1, "start": [3, 2, 1, 0, -1]}]}`
	l, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	p, err := l.Problem()
	if err != nil {
		t.Fatal(err)
	}
	cs, err := l.Configs()
	if err != nil {
		t.Fatal(err)
	}
	if got := cs[0].StartVec(5); p.F.Dims() != 5 || got[4] != -1 || got[2] != 1 {
		t.Errorf("dims %d, start %v", p.F.Dims(), got)
	}
	again := FromSettings(l.Title, l.Text, p, cs, 0)
	data, err := Encode(again)
	if err != nil {
		t.Fatal(err)
	}
	back, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	cs2, _ := back.Configs()
	data2, _ := Encode(back)
	if len(cs2) != 1 || string(data2) != string(data) || cs2[0].StartMore[2] != -1 {
		t.Errorf("round trip:\n%s\nthen\n%s", data, data2)
	}
	bad := strings.Replace(src, "[3, 2, 1, 0, -1]", "[3, 2]", 1)
	if _, err := Parse([]byte(bad)); err == nil || !strings.Contains(err.Error(), `"start" has 2 numbers, but the function has 5 variables: give 5 numbers`) {
		t.Errorf("a start of two numbers: %v", err)
	}
}
