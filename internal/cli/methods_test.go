package cli

import (
	"bytes"
	"flag"
	"math"
	"os"
	"os/exec"
	"strings"
	"testing"

	"gdlab/optimizer"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's methods section from gdlab methods --markdown")

// TestDampeningIsTorchs checks --dampening against torch.optim.SGD's rule
// worked by hand: on f = x² + y² from (3, 2) the gradient is g = 2x, and
// with μ = 0.9, τ = 0.5, η = 0.1 (b₁ = g₁; bₜ = μbₜ₋₁ + (1 − τ)gₜ; x ← x − ηb)
//
//	k = 1: g = (6, 4)        b = (6, 4)                               x = (2.4, 1.6)
//	k = 2: g = (4.8, 3.2)    b = 0.9(6, 4) + 0.5(4.8, 3.2) = (7.8, 5.2)     x = (1.62, 1.08)
//	k = 3: g = (3.24, 2.16)  b = 0.9(7.8, 5.2) + 0.5(3.24, 2.16) = (8.64, 5.76)  x = (0.756, 0.504)
//
// so f = 13, 8.32, 3.7908, 0.825552 and the gradient at each point is 2x.
func TestDampeningIsTorchs(t *testing.T) {
	r := runJSON(t, "--func", "x^2+y^2", "--start", "3,2", "--method", "momentum", "--dampening", "0.5",
		"--lr", "0.1", "--steps", "3", "--trajectory")
	want := []struct {
		x [2]float64
		f float64
	}{{[2]float64{3, 2}, 13}, {[2]float64{2.4, 1.6}, 8.32}, {[2]float64{1.62, 1.08}, 3.7908}, {[2]float64{0.756, 0.504}, 0.825552}}
	tr := r.Runs[0].Trajectory
	if len(tr) != len(want) {
		t.Fatalf("%d points, want %d", len(tr), len(want))
	}
	near := func(a, b float64) bool { return math.Abs(a-b) <= 1e-12 }
	for k, w := range want {
		p := tr[k]
		if p.K != k || !near(p.X[0], w.x[0]) || !near(p.X[1], w.x[1]) || !near(p.F, w.f) ||
			!near(p.Grad[0], 2*w.x[0]) || !near(p.Grad[1], 2*w.x[1]) {
			t.Errorf("k = %d: x %v f %v grad %v; want x %v f %v grad 2x", k, p.X, p.F, p.Grad, w.x, w.f)
		}
	}
	out, errOut, code := cli("run", "--func", "x^2+y^2", "--method", "momentum", "--dampening", "1.5")
	if code != 2 || out != "" || !strings.Contains(errOut, "dampening 1.5") {
		t.Errorf("--dampening 1.5: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestHyperparameterFlagsAreTheRegistrys: every hyperparameter has its flag
// in run and plot, and only the flags given are set in the configs, so
// that the others are each method's own default.
func TestHyperparameterFlagsAreTheRegistrys(t *testing.T) {
	for _, cmd := range []string{"run", "plot"} {
		fs, _ := newFlagSet(cmd, &bytes.Buffer{})
		for _, p := range optimizer.Params() {
			f := fs.Lookup(p.Name)
			if f == nil || !strings.Contains(f.Usage, p.Symbol) || !strings.Contains(f.Usage, p.Range().String()) {
				t.Errorf("%s: flag --%s: %+v", cmd, p.Name, f)
			}
		}
	}
	ps := optimizer.Params()
	given, other := ps[0], ps[len(ps)-1]
	fs, o := newFlagSet("run", &bytes.Buffer{})
	methods := strings.Join(optimizer.MethodNames(), ",")
	if err := parseFlags(fs, []string{"--func", "x^2", "--method", methods, "--" + given.Name, "0.5"}); err != nil {
		t.Fatal(err)
	}
	j, err := o.job(fs)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range j.configs {
		if v, ok := c.Hyper.Get(given.Name); !ok || v != 0.5 {
			t.Errorf("%s: --%s 0.5 gives %v %v", c.Method, given.Name, v, ok)
		}
		if _, ok := c.Hyper.Get(other.Name); ok {
			t.Errorf("%s: --%s was not given but is set", c.Method, other.Name)
		}
	}
}

func TestMethodsListsTheRegistry(t *testing.T) {
	out, _, code := cli("methods")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	blocks := strings.Split(out, "\n\n")
	methods := optimizer.Methods()
	if len(blocks) != len(methods) {
		t.Fatalf("%d blocks for %d methods:\n%s", len(blocks), len(methods), out)
	}
	for i, m := range methods {
		b := blocks[i]
		if !strings.HasPrefix(b, string(m.Name)) || !strings.Contains(b, m.Doc.New().String()) || !strings.Contains(b, m.Rule) {
			t.Errorf("%s:\n%s", m.Name, b)
		}
		for _, p := range m.Params {
			if !strings.Contains(b, "--"+p.Name+" ") || !strings.Contains(b, paramText(p)) {
				t.Errorf("%s: no line for %s:\n%s", m.Name, p.Name, b)
			}
		}
	}
	md, _, code := cli("methods", "--markdown")
	if code != 0 || strings.Count(md, "\n") != 2+len(methods) || !strings.HasPrefix(md, "| method |") {
		t.Errorf("markdown: exit %d\n%s", code, md)
	}
	if !IsSubcommand("methods") || !strings.Contains(usageText, "gdlab methods") {
		t.Error("methods is not a listed subcommand")
	}
}

// TestREADMEListsTheMethods keeps the docs from drifting from the registry:
// README.md's methods section is gdlab methods --markdown. Run this test
// with -update-readme to rewrite the section.
func TestREADMEListsTheMethods(t *testing.T) {
	const path, begin, end = "../../README.md", "<!-- methods -->\n", "<!-- /methods -->"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md has no %q … %q section", strings.TrimSpace(begin), end)
	}
	want, _, _ := cli("methods", "--markdown")
	if got := readme[i+len(begin) : j]; got != want {
		if *updateREADME {
			if err := os.WriteFile(path, []byte(readme[:i+len(begin)]+want+readme[j:]), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
		t.Errorf("README.md's methods section is not `gdlab methods --markdown`; run\n"+
			"  CGO_ENABLED=0 go test ./internal/cli/ -run TestREADMEListsTheMethods -update-readme\n"+
			"got:\n%s\nwant:\n%s", got, want)
	}
}

// TestNoFyne: the CLI builds without cgo, so nothing under it may link Fyne.
func TestNoFyne(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command("go", "list", "-deps", "./...")
	cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
	out, err := cmd.Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	if strings.Contains(string(out), "fyne.io") {
		t.Errorf("internal/cli depends on Fyne:\n%s", out)
	}
}
