package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
)

// AppID is the application's reverse-DNS identifier (also in FyneApp.toml).
const AppID = "io.github.gdlab.gradientdescentlab"

// Main opens the window and blocks until it is closed; it returns the
// process exit status.
func Main(args []string, version string) int {
	if len(args) > 0 {
		fmt.Fprintf(os.Stderr, "gdlab: unknown command %q (try gdlab help)\n", args[0])
		return 2
	}
	a := fyneapp.NewWithID(AppID)
	w := a.NewWindow("Gradient Descent Lab")
	ui := NewUI(w)
	w.SetContent(ui.Content())
	w.Resize(fyne.NewSize(1180, 720))
	w.SetMaster()
	w.SetOnClosed(ui.Close)
	ui.Preview()
	w.ShowAndRun()
	return 0
}
