package cli

import (
	"bytes"
	"math"
	"path/filepath"
	"strings"
	"testing"

	"gdlab/optimizer"
)

// TestConventionBookRunsTheBooksRules checks --convention book against the
// book's Momentum worked by hand on its f = x²/20 + y² from (−7, 2) with
// η = 0.1, μ = 0.9 (g = (x/10, 2y); v ← μv − ηg; x ← x + v):
//
//	k = 1: g = (−0.7, 4)       v = (0.07, −0.4)         x = (−6.93, 1.6)
//	k = 2: g = (−0.693, 3.2)   v = (0.1323, −0.68)      x = (−6.7977, 0.92)
//	k = 3: g = (−0.67977, 1.84) v = (0.187047, −0.796)  x = (−6.610653, 0.124)
//
// torch's momentum is the same heavy ball (b = −v/η), so --convention torch
// gives these points too, up to rounding; Nesterov differs between the two.
func TestConventionBookRunsTheBooksRules(t *testing.T) {
	want := [][2]float64{{-7, 2}, {-6.93, 1.6}, {-6.7977, 0.92}, {-6.610653, 0.124}}
	args := []string{"--func", "x^2/20 + y^2", "--start", "-7,2", "--method", "momentum", "--lr", "0.1", "--steps", "3", "--trajectory"}
	for _, conv := range []string{"book", "torch", "BOOK"} {
		r := runJSON(t, append(args, "--convention", conv)...)
		tr := r.Runs[0].Trajectory
		if len(tr) != len(want) {
			t.Fatalf("%s: %d points, want %d", conv, len(tr), len(want))
		}
		for k, w := range want {
			if math.Abs(tr[k].X[0]-w[0]) > 1e-12 || math.Abs(tr[k].X[1]-w[1]) > 1e-12 {
				t.Errorf("%s: k = %d at %v, want %v", conv, k, tr[k].X, w)
			}
		}
	}
	nesterov := func(conv string) []float64 {
		a := append([]string{}, args...)
		a[5] = "nesterov"
		return runJSON(t, append(a, "--convention", conv)...).Runs[0].Trajectory[1].X
	}
	// The book's first Nesterov step is x − (1 + μ + μ²)ηg = −7 + 2.71·0.07; torch's −7 + 1.9·0.07.
	if b, tc := nesterov("book"), nesterov("torch"); math.Abs(b[0]-(-6.8103)) > 1e-12 || math.Abs(tc[0]-(-6.867)) > 1e-12 {
		t.Errorf("nesterov's first step: book %v, torch %v", b, tc)
	}
}

// TestConventionDefaultIsTorch: without --convention every run is torch's,
// output byte for byte as with --convention torch, and the flag applies to
// every config of a run set.
func TestConventionDefaultIsTorch(t *testing.T) {
	args := []string{"run", "--preset", "rosenbrock", "--method", "gd,momentum,nesterov,adagrad,rmsprop,adam", "--lr", "0.001,0.01", "--steps", "200", "--format", "json", "--trajectory"}
	plain, _, c1 := cli(args...)
	torch, _, c2 := cli(append(args, "--convention", "torch")...)
	book, _, c3 := cli(append(args, "--convention", "book")...)
	if c1 != 0 || c2 != 0 || c3 != 0 || plain != torch || plain == book {
		t.Errorf("exit %d %d %d; default = torch: %v, torch = book: %v", c1, c2, c3, plain == torch, torch == book)
	}
	for conv, want := range map[string]optimizer.Convention{"": optimizer.ConventionTorch, "book": optimizer.ConventionBook} {
		fs, o := newFlagSet("run", &bytes.Buffer{})
		a := []string{"--func", "x^2+y^2", "--method", "gd,momentum,adam", "--lr", "0.1,0.2"}
		if conv != "" {
			a = append(a, "--convention", conv)
		}
		if err := parseFlags(fs, a); err != nil {
			t.Fatal(err)
		}
		j, err := o.job(fs)
		if err != nil || len(j.configs) != 6 {
			t.Fatalf("%q: %d configs, %v", conv, len(j.configs), err)
		}
		for _, c := range j.configs {
			if c.Convention != want {
				t.Errorf("--convention %q: %s lr %v has %q", conv, c.Method, c.LR, c.Convention)
			}
		}
	}
}

// TestConventionBadInput: a convention that is none, and dampening with the
// book's momentum, exit 2 with the message; the help names the conventions.
func TestConventionBadInput(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--func", "x^2", "--convention", "keras"}, `--convention: unknown convention "keras": valid conventions are torch, book`},
		{[]string{"plot", "--func", "x^2", "-o", filepath.Join(t.TempDir(), "a.png"), "--convention", "pytorch"}, `--convention: unknown convention "pytorch": valid conventions are torch, book`},
		{[]string{"run", "--func", "x^2", "--method", "momentum", "--dampening", "0.5", "--convention", "book"}, "dampening 0.5: the book's momentum has no dampening"},
	} {
		out, errOut, code := cli(tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
	if _, errOut, code := cli("run", "--func", "x^2", "--method", "momentum", "--dampening", "0.5"); code != 0 {
		t.Errorf("torch's dampening: exit %d: %s", code, errOut)
	}
	for _, cmd := range []string{"run", "plot"} {
		fs, _ := newFlagSet(cmd, &bytes.Buffer{})
		f, eps := fs.Lookup("convention"), fs.Lookup("eps")
		if f == nil || f.DefValue != "torch" || !strings.Contains(f.Usage, "torch or book") || !strings.Contains(eps.Usage, "--convention torch only") {
			t.Errorf("%s: --convention %+v, --eps %q", cmd, f, eps.Usage)
		}
	}
}

// TestConventionBookPlots: plot takes --convention book.
func TestConventionBookPlots(t *testing.T) {
	path := filepath.Join(t.TempDir(), "book.svg")
	_, errOut, code := cli("plot", "--func", "x^2/20 + y^2", "--start", "-7,2", "--method", "sgd,momentum,adagrad,adam",
		"--lr", "0.3", "--steps", "30", "--convention", "book", "-o", path, "--width", "320", "--height", "240")
	if code != 0 {
		t.Errorf("exit %d: %s", code, errOut)
	}
}
