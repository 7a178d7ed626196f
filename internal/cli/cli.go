// Package cli is gdlab's command line: the subcommands run, plot, presets,
// methods and version, which use the engine headless. It never imports
// Fyne, so it builds and is tested without cgo; the program's main package
// hands a subcommand's arguments to Main.
//
// The hyperparameter flags, the method list and every default come from the
// optimizer's registry (optimizer.Params, optimizer.Methods,
// optimizer.DefaultConfig); nothing here names a method or a hyperparameter.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"gdlab/optimizer"
	"gdlab/report"
)

// Exit statuses of the CLI.
const (
	exitOK      = 0
	exitFailure = 1 // the work could not be done (e.g. the output file cannot be written)
	exitUsage   = 2 // bad input: unknown flag, malformed number, unparsable function
)

// IsSubcommand reports whether s, the program's first argument, is one of
// the CLI's subcommands (or a request for its usage), to be handed to Main;
// anything else opens the window.
func IsSubcommand(s string) bool {
	switch s {
	case "run", "plot", "gradient", "presets", "methods", "version", "help", "-h", "-help", "--help":
		return true
	}
	return false
}

const usageText = `Gradient Descent Lab — watch gradient descent work.

Usage:
  gdlab                      open the window
  gdlab LESSON.json          open the window with a lesson file
  gdlab run  --func EXPR [flags]            print the run (text, json or csv)
  gdlab plot --func EXPR -o FILE [flags]    write the figure (.png .svg .pdf .gif)
  gdlab gradient --func EXPR                print the gradient as formulas (or --preset NAME)
  gdlab presets              list the built-in functions
  gdlab methods [--markdown] list the methods and their hyperparameters
  gdlab version              print the version

Run "gdlab run --help" or "gdlab plot --help" for the flags.
`

// usageError is bad input: reported on stderr with exit status 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, a ...any) error { return usageError{fmt.Sprintf(format, a...)} }

// Main executes the subcommand args[0] with the arguments that follow it,
// writing its output to stdout and its errors to stderr, and returns the
// process exit status: 0 on success (a diverging run is a success), 1 when
// the work could not be done, 2 on bad input. version is what "gdlab
// version" prints.
func Main(args []string, stdout, stderr io.Writer, version string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usageText)
		return exitUsage
	}
	var err error
	switch args[0] {
	case "version":
		fmt.Fprintln(stdout, "gdlab", version)
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usageText)
		return exitOK
	case "presets":
		err = cmdPresets(stdout)
	case "methods":
		err = cmdMethods(args[1:], stdout, stderr)
	case "run":
		err = cmdRun(args[1:], stdout, stderr)
	case "plot":
		err = cmdPlot(args[1:], stdout, stderr)
	case "gradient":
		err = cmdGradient(args[1:], stdout, stderr)
	default:
		err = usagef("unknown command %q; run \"gdlab help\"", args[0])
	}
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, new(usageError)):
		fmt.Fprintln(stderr, "gdlab "+args[0]+": "+err.Error())
		return exitUsage
	default:
		fmt.Fprintln(stderr, "gdlab "+args[0]+": "+err.Error())
		return exitFailure
	}
}

func cmdPresets(w io.Writer) error {
	g := report.Exact
	for _, p := range optimizer.Presets() {
		fmt.Fprintf(w, "%-16s %s\n", p.Name, p.Func)
		fmt.Fprintf(w, "%-16s view x∈[%s, %s] y∈[%s, %s], start (%s, %s)", "",
			g(p.Box.XMin), g(p.Box.XMax), g(p.Box.YMin), g(p.Box.YMax), g(p.Start[0]), g(p.Start[1]))
		if p.FMin != nil {
			fmt.Fprintf(w, ", minimum f* = %s", g(*p.FMin))
		}
		fmt.Fprintln(w)
	}
	return nil
}

func cmdRun(args []string, stdout, stderr io.Writer) error {
	fs, o := newFlagSet("run", stderr)
	explain := fs.Int("explain", 0, "print step `K` of every run as arithmetic instead of the results")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := checkH(fs, o); err != nil {
		return err
	}
	if *explain < 0 {
		return usagef("--explain: the step must be 1 or more, not %d", *explain)
	}
	job, err := o.job(fs)
	if err != nil {
		return err
	}
	if !oneOf(o.format, "text", "json", "csv", "python") {
		return usagef("--format: %q is not one of text, json, csv, python", o.format)
	}
	if o.format == "python" && *explain == 0 {
		script, err := report.PythonScript(job.problem, job.configs)
		if err != nil {
			return usagef("--format python: %v", err)
		}
		_, err = io.WriteString(stdout, script)
		return err
	}
	results := job.run()
	if *explain > 0 {
		return writeExplained(stdout, job, results, *explain)
	}
	switch o.format {
	case "json":
		return writeJSON(stdout, job, results, o.trajectory)
	case "csv":
		return writeCSV(stdout, job, results)
	default:
		return writeText(stdout, job, results)
	}
}
