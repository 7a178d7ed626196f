// Command gdlab is Gradient Descent Lab: with no arguments (or a lesson file)
// it opens the window; the subcommands run, plot, presets, methods and
// version use the same engine headless (package gdlab/internal/cli).
package main

import (
	"os"

	"gdlab/app"
	"gdlab/internal/cli"
)

// version is the release version, set at build time from FyneApp.toml
// (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	if len(os.Args) > 1 && cli.IsSubcommand(os.Args[1]) {
		attachConsole()
		os.Exit(cli.Main(os.Args[1:], os.Stdout, os.Stderr, version))
	}
	os.Exit(app.Main(os.Args[1:], version))
}
