package app

import (
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"gdlab/figure"
	"gdlab/plotting"
	"gdlab/session"
)

// planeBar chooses how the contour and surface views show a function of
// more than two variables: a slice through two coordinates with the others
// held at the selected run's start, current or end point, or the plane of
// its path. It is shown only for such functions; its widgets are exported
// for tests.
type planeBar struct {
	Kind *widget.Select // slice or plane of the path
	I, J *widget.Select // the slice's coordinates
	Held *widget.Select // where the slice holds the others
	box  *fyne.Container
	dims int
	set  func(figure.Projection)
	sync bool
}

// newPlaneBar is the bar; set gets every projection chosen.
func newPlaneBar(set func(figure.Projection)) *planeBar {
	b := &planeBar{set: set}
	changed := func(string) { b.changed() }
	b.Kind = widget.NewSelect([]string{lang.L("slice"), lang.L("plane of the path")}, changed)
	b.I, b.J = widget.NewSelect(nil, changed), widget.NewSelect(nil, changed)
	b.Held = widget.NewSelect([]string{lang.L("held at the start"), lang.L("held at the current point"), lang.L("held at the end")}, changed)
	b.sync = true
	b.Kind.SetSelectedIndex(0)
	b.Held.SetSelectedIndex(0)
	b.sync = false
	b.box = container.NewHBox(container.New(widestOption{b.Kind.Options}, b.Kind), b.I, b.J,
		container.New(widestOption{b.Held.Options}, b.Held))
	b.box.Hide()
	return b
}

// follow shows the bar for a function of dims variables (hidden for one
// or two), with a choice of its coordinates.
func (b *planeBar) follow(dims int) {
	if dims == b.dims {
		return
	}
	b.dims = dims
	if dims <= 2 {
		b.box.Hide()
		return
	}
	names := make([]string, dims)
	for i := range names {
		names[i] = "x[" + strconv.Itoa(i) + "]"
	}
	b.sync = true
	b.I.SetOptions(names)
	b.J.SetOptions(names)
	b.I.SetSelectedIndex(0)
	b.J.SetSelectedIndex(1)
	b.sync = false
	b.box.Show()
	b.changed()
}

// projection is the projection the bar shows.
func (b *planeBar) projection() figure.Projection {
	var p figure.Projection
	if b.Kind.SelectedIndex() == 1 {
		p.Kind = plotting.ProjectionPlane
	}
	p.I, p.J = max(0, b.I.SelectedIndex()), max(0, b.J.SelectedIndex())
	p.Held = [...]plotting.HeldAt{plotting.HeldAtStart, plotting.HeldAtCurrent, plotting.HeldAtEnd}[max(0, b.Held.SelectedIndex())]
	return p
}

// changed hands the projection on, showing only the fields it uses.
func (b *planeBar) changed() {
	if b.sync {
		return
	}
	p := b.projection()
	for _, w := range []fyne.CanvasObject{b.I, b.J, b.Held} {
		if p.Kind == plotting.ProjectionPlane {
			w.Hide()
		} else {
			w.Show()
		}
	}
	b.set(p)
}

// followDims shows the plane bar and the views of a function of more than
// two variables when the computed function has them.
func (u *UI) followDims(st session.State) {
	f := st.Problem.F
	if f == nil || f.Dims() == u.planes.dims {
		return
	}
	u.planes.follow(f.Dims())
	if u.allViews == nil {
		u.allViews = u.ViewChoice.Options
	}
	i := u.ViewChoice.SelectedIndex()
	if f.Dims() > 2 {
		u.ViewChoice.SetOptions(u.allViews)
	} else {
		u.ViewChoice.SetOptions(u.allViews[:len(u.allViews)-len(coordViews)])
	}
	if i < 0 || i >= len(u.ViewChoice.Options) {
		i = 0 // a view of many variables for a function of one or two
	}
	u.ViewChoice.SetSelectedIndex(i)
}

// coordViews are the views of a function of more than two variables only,
// last in the view choice.
var coordViews = []plotting.View{plotting.ViewCoordsLoss, plotting.ViewCoords}
