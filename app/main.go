package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"gdlab/assets"
	_ "gdlab/internal/localefix" // before Fyne reads the locale
	"gdlab/optimizer"
	"gdlab/session"
)

// AppID is the application's reverse-DNS identifier (also in FyneApp.toml).
const AppID = "io.github.gdlab.gradientdescentlab"

// Main opens the window (with the lesson file args[0], if given) and blocks
// until it is closed; it returns the process exit status.
func Main(args []string, version string) int {
	if len(args) > 1 {
		fmt.Fprintln(os.Stderr, "gdlab: give at most one lesson file (try gdlab help)")
		return 2
	}
	if err := lang.AddTranslationsFS(assets.Translations, "translations"); err != nil {
		fyne.LogError("loading translations", err)
	}
	a := fyneapp.NewWithID(AppID)
	a.SetIcon(fyne.NewStaticResource(assets.IconName, assets.Icon))
	w := a.NewWindow("Gradient Descent Lab")
	u := NewUI(w)
	u.version = version
	u.prefs = newPrefs(a.Preferences())
	w.SetContent(u.Content())
	u.installKeys(w)
	u.prefs.restoreLook(u)
	u.Launch(args)
	w.SetOnClosed(func() {
		u.prefs.saveSplit(u)
		u.Close()
	})
	w.Resize(fyne.NewSize(1240, 780))
	w.SetMaster()
	w.ShowAndRun()
	return 0
}

// Launch shows the first runs: the lesson file in args, else the last
// settings, else the textbook example — computed and drawn at step 0.
func (u *UI) Launch(args []string) {
	def, _ := u.problem(optimizer.DefaultFunction)
	u.start(def, []session.Item{{Config: optimizer.DefaultConfig()}})
	if len(args) == 1 {
		if err := u.OpenLessonFile(args[0]); err != nil {
			u.Status.SetText(err.Error())
			if u.win != nil {
				dialog.ShowError(err, u.win)
			}
		}
		return
	}
	if src, c, ok := u.prefs.settings(); ok {
		if p, err := u.problem(src); err == nil {
			u.start(p, []session.Item{{Config: c}})
		}
	}
}

func (u *UI) showAbout() {
	if u.win == nil {
		return
	}
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Gradient Descent Lab %s\n\nWatch gradient descent work on a function you type.\nFor teachers in front of a class and students checking their understanding.\n\nLicence: MIT. Built with Fyne and gonum."), u.version))
	dialog.ShowCustom(lang.L("About"), lang.L("Close"), container.NewPadded(msg), u.win)
}
