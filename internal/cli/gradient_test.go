package cli

import (
	"strings"
	"testing"
)

func TestGradientPrintsTheFormulas(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--func", "x^2 + y^2"}, "∂f/∂x = 2*x\n∂f/∂y = 2*y\n"},
		{[]string{"--func", "x[0]**2 + x[1]**2"}, "∂f/∂x = 2*x\n∂f/∂y = 2*y\n"},
		{[]string{"--func", "x^3 - 3x"}, "∂f/∂x = 3*x^2 - 3\n"},
		{[]string{"--preset", "rosenbrock"}, "∂f/∂x = -2*(1 - x) - 400*x*(y - x^2)\n∂f/∂y = 200*(y - x^2)\n"},
		{[]string{"--preset", "rosenbrock", "--func", "sin(x)*cos(y)"}, "∂f/∂x = cos(x)*cos(y)\n∂f/∂y = -sin(x)*sin(y)\n"},
	} {
		out, errOut, code := cli(append([]string{"gradient"}, tc.args...)...)
		if code != 0 || out != tc.want || errOut != "" {
			t.Errorf("gradient %v: exit %d, stdout %q, stderr %q; want %q", tc.args, code, out, errOut, tc.want)
		}
	}
	if !IsSubcommand("gradient") || !strings.Contains(usageText, "gdlab gradient") {
		t.Error("gradient is not a listed subcommand")
	}
}

func TestGradientBadInputExitsTwo(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--func", "x + * y"}, "gdlab gradient: --func: column 5: "},
		{[]string{"--func", "sni(x)"}, "did you mean sin?"},
		{[]string{}, "--func is required"},
		{[]string{"--preset", "nope"}, "unknown preset"},
		{[]string{"--func", "x^2", "--lr", "0.1"}, "lr"},
		{[]string{"--func", "x^2", "extra"}, `unexpected argument "extra"`},
	} {
		out, errOut, code := cli(append([]string{"gradient"}, tc.args...)...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) {
			t.Errorf("gradient %v: exit %d, stdout %q, stderr %q; want 2 and %q", tc.args, code, out, errOut, tc.want)
		}
	}
	_, errOut, _ := cli("gradient", "--func", "x + * y")
	if !strings.Contains(errOut, "x + * y\n      ^") {
		t.Errorf("no caret under the column:\n%s", errOut)
	}
}
