// Command gdlab is Gradient Descent Lab: with no arguments (or a lesson file)
// it opens the window; the subcommands run, plot, presets and version use the
// same engine headless.
package main

import (
	"os"

	"gdlab/app"
)

// version is the release version, set at build time from FyneApp.toml
// (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	if len(os.Args) > 1 && isSubcommand(os.Args[1]) {
		attachConsole()
		os.Exit(runCLI(os.Args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(app.Main(os.Args[1:], version))
}
