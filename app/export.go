package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"gdlab/optimizer"
	"gdlab/plotting"
	"gdlab/report"
)

// exportSize is the smallest pixel size of an exported figure.
var exportSize = fyne.NewSize(1600, 1000)

// figureToExport is what is on screen, at least exportSize large.
func (u *UI) figureToExport(animation bool) (*plotting.Scene, plotting.Options, error) {
	s, o, ok := u.paint.shown()
	if !ok {
		return nil, o, errors.New(lang.L("there is no figure yet: press Run first"))
	}
	o.Width, o.Height = max(o.Width, int(exportSize.Width)), max(o.Height, int(exportSize.Height))
	if animation {
		o.Width, o.Height = 960, 600
		c := *s
		c.Current = -1
		s = &c
	}
	return s, o, nil
}

// ExportFigure writes the figure on screen to path (.png, .svg or .pdf).
func (u *UI) ExportFigure(path string) error {
	return u.exportTo(path, false)
}

// ExportGIF writes an animation of the runs to path.
func (u *UI) ExportGIF(path string) error { return u.exportTo(path, true) }

func (u *UI) exportTo(path string, animation bool) error {
	s, o, err := u.figureToExport(animation)
	if err != nil {
		return err
	}
	return plotting.SaveFile(path, s, o, plotting.Animation{Duration: 6 * time.Second})
}

// writeCSVFile writes every recorded step of a run of a function of dims
// variables to path, in report's iterate layout.
func writeCSVFile(path string, dims int, pts []optimizer.Point) error {
	if len(pts) == 0 {
		return errors.New(lang.L("the selected run has no steps yet"))
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.WriteCSV(f, report.Iterates, dims, []report.Run{{Points: pts}}); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// saveDialog asks for a file name and hands the chosen path to write, which
// runs off the main goroutine; the outcome is shown in the status bar.
func (u *UI) saveDialog(name string, exts []string, write func(path string) error) {
	if u.win == nil {
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			dialog.ShowError(err, u.win)
			return
		}
		if wc == nil {
			return // cancelled
		}
		path := wc.URI().Path()
		wc.Close()
		ext := strings.ToLower(filepath.Ext(path))
		if !contains(exts, ext) {
			os.Remove(path)
			dialog.ShowError(fmt.Errorf(lang.L("unsupported file type %q: use %s"), ext, strings.Join(exts, ", ")), u.win)
			return
		}
		u.Status.SetText(fmt.Sprintf(lang.L("Saving %s…"), filepath.Base(path)))
		go func() {
			err := write(path)
			u.do(func() {
				if err != nil {
					msg := errText(err)
					dialog.ShowError(errors.New(msg), u.win)
					u.Status.SetText(msg)
					return
				}
				u.Status.SetText(fmt.Sprintf(lang.L("Saved %s"), path))
			})
		}()
	}, u.win)
	d.SetFileName(name)
	if home, err := os.UserHomeDir(); err == nil {
		if l, err := storage.ListerForURI(storage.NewFileURI(home)); err == nil {
			d.SetLocation(l)
		}
	}
	d.Show()
}

func (u *UI) exportFigureDialog() {
	u.saveDialog("gradient-descent.png", []string{".png", ".svg", ".pdf"}, u.ExportFigure)
}

// ExportPython writes a NumPy script that reproduces the runs to path.
func (u *UI) ExportPython(path string) error {
	p, cs := u.state.Problem, make([]optimizer.Config, len(u.state.Runs))
	for i, r := range u.state.Runs {
		cs[i] = r.Config
	}
	if p.F == nil || len(cs) == 0 {
		return errors.New(lang.L("there is no figure yet: press Run first"))
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := report.WritePython(f, p, cs); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func (u *UI) exportPythonDialog() {
	u.saveDialog("gradient-descent.py", []string{".py"}, u.ExportPython)
}

func (u *UI) exportGIFDialog() {
	u.saveDialog("gradient-descent.gif", []string{".gif"}, u.ExportGIF)
}

func (u *UI) exportCSVDialog() {
	pts, dims := u.table, 2 // the points are read-only once recorded
	if f := u.state.Problem.F; f != nil {
		dims = f.Dims()
	}
	u.saveDialog("iterates.csv", []string{".csv"}, func(path string) error { return writeCSVFile(path, dims, pts) })
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
