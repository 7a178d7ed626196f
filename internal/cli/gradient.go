package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
)

// cmdGradient prints the gradient of a function as formulas of the
// function language, one line per variable:
//
//	∂f/∂x = -2*(1 - x) - 400*x*(y - x^2)
//	∂f/∂y = 200*(y - x^2)
//
// (only ∂f/∂x for a function of x alone). The function is --func, or the
// --preset's; a function that does not parse is reported as by run, with
// the caret, and exit status 2.
func cmdGradient(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gdlab gradient", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fn := fs.String("func", "", "the function, e.g. \"x^2 + y^2\" or \"x[0]**2 + x[1]**2\"")
	preset := fs.String("preset", "", "a built-in function (see gdlab presets); --func overrides it")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	src := *fn
	if *preset != "" {
		p, ok := optimizer.PresetByName(*preset)
		if !ok {
			return usagef("unknown preset %q; the presets are: %s", *preset, strings.Join(optimizer.PresetNames(), ", "))
		}
		if src == "" {
			src = p.Func
		}
	}
	if src == "" {
		return usagef("--func is required, e.g. --func %q (or --preset NAME)", optimizer.DefaultFunction)
	}
	problem, err := (&options{}).problem(src)
	if err != nil {
		return err
	}
	f, ok := problem.F.(*expr.Func)
	if !ok {
		return fmt.Errorf("the function %q has no formula for its gradient", src)
	}
	for _, line := range f.GradientLines() {
		fmt.Fprintln(stdout, line)
	}
	return nil
}
