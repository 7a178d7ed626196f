package report

import (
	"bytes"
	"errors"
	"math"
	"testing"

	"gdlab/optimizer"
)

func points() []optimizer.Point {
	return []optimizer.Point{
		{K: 0, X: [2]float64{3, 2}, F: 13, Grad: [2]float64{6, 4}, Evals: [2]int32{1, 1}},
		{K: 1, X: [2]float64{2.4000000000000004, 1.6}, F: 8.32, Grad: [2]float64{4.8, 3.2}, Update: [2]float64{-0.6, -0.4}, LR: 0.1, Evals: [2]int32{1, 1}},
	}
}

func TestRunSetLayoutIsTheCLIs(t *testing.T) {
	var b bytes.Buffer
	runs := []Run{{Method: optimizer.GD, LR: 0.1, Points: points()}, {Method: optimizer.Adam, LR: 1e-3, Points: points()[:1]}}
	if err := WriteCSV(&b, RunSet, 2, runs); err != nil {
		t.Fatal(err)
	}
	want := "run,method,lr,k,x,y,f,gx,gy,eta,fevals,gevals\n" +
		"1,gd,0.1,0,3,2,13,6,4,0,1,1\n" +
		"1,gd,0.1,1,2.4000000000000004,1.6,8.32,4.8,3.2,0.1,1,1\n" +
		"2,adam,0.001,0,3,2,13,6,4,0,1,1\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestIteratesLayoutIsTheWindowsExport(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, Iterates, 2, []Run{{Points: points()}}); err != nil {
		t.Fatal(err)
	}
	want := "k,x,y,f,gx,gy,dx,dy,eta,fevals,gevals\n" +
		"0,3,2,13,6,4,0,0,0,1,1\n" +
		"1,2.4000000000000004,1.6,8.32,4.8,3.2,-0.6,-0.4,0.1,1,1\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestOneDimensionLeavesTheYColumnsEmpty(t *testing.T) {
	pts := []optimizer.Point{{K: 0, X: [2]float64{3, 0}, F: math.Inf(1), Grad: [2]float64{math.NaN(), 0}}}
	for _, tc := range []struct {
		l    Layout
		want string
	}{
		{RunSet, "run,method,lr,k,x,y,f,gx,gy,eta,fevals,gevals\n1,gd,0.5,0,3,,+Inf,NaN,,0,0,0\n"},
		{Iterates, "k,x,y,f,gx,gy,dx,dy,eta,fevals,gevals\n0,3,,+Inf,NaN,,0,,0,0,0\n"},
	} {
		var b bytes.Buffer
		if err := WriteCSV(&b, tc.l, 1, []Run{{Method: optimizer.GD, LR: 0.5, Points: pts}}); err != nil || b.String() != tc.want {
			t.Errorf("layout %d: %v\n%q, want\n%q", tc.l, err, b.String(), tc.want)
		}
	}
}

type failing struct{}

func (failing) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestTheWritersErrorIsReturned(t *testing.T) {
	if err := WriteCSV(failing{}, RunSet, 2, []Run{{Points: points()}}); err == nil || err.Error() != "disk full" {
		t.Errorf("error %v", err)
	}
}

func TestNumberFormats(t *testing.T) {
	for _, tc := range []struct{ got, want string }{
		{Exact(0.1), "0.1"}, {Exact(1e-8), "1e-08"}, {Exact(2.4000000000000004), "2.4000000000000004"},
		{Text(2.4000000000000004), "2.4"}, {Text(1.0000000001e-20), "1e-20"}, {Text(1.000000001e-20), "1.000000001e-20"}, {Text(13), "13"},
		{Vector([]float64{3, 2}), "(3, 2)"}, {Vector([]float64{-1.5}), "(-1.5)"},
	} {
		if tc.got != tc.want {
			t.Errorf("%q, want %q", tc.got, tc.want)
		}
	}
}

func TestRunOf(t *testing.T) {
	r := optimizer.Result{Config: optimizer.Config{Method: optimizer.Momentum, LR: 0.2}, Points: points()}
	if got := RunOf(r); got.Method != optimizer.Momentum || got.LR != 0.2 || len(got.Points) != 2 {
		t.Errorf("%+v", got)
	}
}
