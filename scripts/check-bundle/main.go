package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one check command and returns the exit code: 0 when every
// check passed, 1 when one failed, 2 on a usage error.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprintln(stderr, "usage: check-bundle pe|elf|desktop|png [flags] FILE")
		return 2
	}
	cmd, args := args[0], args[1:]
	fs := flag.NewFlagSet("check-bundle "+cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		version    = fs.String("version", "", "expected version x.y.z (pe: the version resource)")
		name       = fs.String("name", "", "expected application name")
		categories = fs.String("categories", "", "comma-separated categories the desktop entry must list")
		execArg    = fs.String("exec-arg", "", "field code the desktop entry's Exec must pass, e.g. %f")
		mime       = fs.String("mime", "", "MIME type the desktop entry must declare")
		size       = fs.Int("size", 0, "expected width and height of the PNG")
		tags       = fs.String("tags", "migrated_fynedo,release", "comma-separated build tags the binary must carry")
	)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintf(stderr, "check-bundle %s: want exactly one FILE, got %d\n", cmd, fs.NArg())
		return 2
	}
	file := fs.Arg(0)
	var problems []string
	switch cmd {
	case "pe":
		problems = checkPE(file, peWant{Version: *version, Name: *name, Tags: splitList(*tags)})
	case "elf":
		problems = checkELF(file, splitList(*tags))
	case "desktop":
		problems = checkDesktop(file, desktopWant{
			Name:       *name,
			Categories: splitList(*categories),
			ExecArg:    *execArg,
			MimeType:   *mime,
		})
	case "png":
		problems = checkPNG(file, *size)
	default:
		fmt.Fprintf(stderr, "check-bundle: unknown check %q (want pe, elf, desktop or png)\n", cmd)
		return 2
	}
	if len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintf(stderr, "%s: %s\n", file, p)
		}
		return 1
	}
	fmt.Fprintf(stdout, "%s: %s ok\n", file, cmd)
	return 0
}

// splitList splits a comma-separated list, dropping empty items.
func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}
