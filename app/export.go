package app

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"gdlab/optimizer"
	"gdlab/plotting"
)

// exportSize is the smallest pixel size of an exported figure.
var exportSize = fyne.NewSize(1600, 1000)

// figureToExport is what is on screen, at least exportSize large.
func (u *UI) figureToExport(animation bool) (*plotting.Scene, plotting.Options, error) {
	s, o, ok := u.Figure.Snapshot()
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

// ExportCSV writes every recorded step of the selected run to path.
func (u *UI) ExportCSV(path string) error { return writeCSVFile(path, u.table) }

func writeCSVFile(path string, pts []optimizer.Point) error {
	if len(pts) == 0 {
		return errors.New(lang.L("the selected run has no steps yet"))
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := writeCSV(f, pts); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func writeCSV(w io.Writer, pts []optimizer.Point) error {
	if len(pts) == 0 {
		return errors.New(lang.L("the selected run has no steps yet"))
	}
	cw := csv.NewWriter(w)
	cw.Write([]string{"k", "x", "y", "f", "gx", "gy", "dx", "dy"})
	g := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	for _, p := range pts {
		cw.Write([]string{strconv.Itoa(p.K), g(p.X[0]), g(p.X[1]), g(p.F), g(p.Grad[0]), g(p.Grad[1]), g(p.Update[0]), g(p.Update[1])})
	}
	cw.Flush()
	return cw.Error()
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
			u.Figure.do(func() {
				if err != nil {
					dialog.ShowError(err, u.win)
					u.Status.SetText(err.Error())
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

func (u *UI) exportGIFDialog() {
	u.saveDialog("gradient-descent.gif", []string{".gif"}, u.ExportGIF)
}

func (u *UI) exportCSVDialog() {
	pts := u.table // read-only once recorded
	u.saveDialog("iterates.csv", []string{".csv"}, func(path string) error { return writeCSVFile(path, pts) })
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
