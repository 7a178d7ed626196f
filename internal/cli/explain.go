package cli

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"gdlab/optimizer"
)

// checkH refuses an --h that is not a positive number: a numeric-gradient
// step of 0 or less is no step (0 does not mean the default here).
func checkH(fs *flag.FlagSet, o *options) error {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "h" })
	if given && !(o.h > 0) {
		return usagef("--h: the numeric-gradient step must be a positive number, not %v", o.h)
	}
	return nil
}

// writeExplained prints step k of every run as arithmetic (--explain K).
func writeExplained(w io.Writer, j job, results []optimizer.Result, k int) error {
	for i, r := range results {
		fmt.Fprintf(w, "run %d: %s, step %d\n", i+1, runHead(r.Config), k)
		ex, ok := optimizer.NewReplayer(j.problem, r.Config, r.Points).Explain(k)
		switch {
		case ok:
			fmt.Fprintln(w, "  "+strings.Join(ex.Wrapped(), "\n  "))
		case k > r.Steps:
			fmt.Fprintf(w, "  the run stopped at step %d (%s)\n", r.Steps, r.Status.Word())
		default:
			fmt.Fprintf(w, "  step %d is not recorded (a run of more than %d steps keeps every s-th step)\n", k, optimizer.FullRecordSteps)
		}
	}
	return nil
}
