package app

import (
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"gdlab/figure"
	"gdlab/model"
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
	vars []string // the variables' names, nil for x[0] …
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
func (b *planeBar) follow(dims int, vars []string) {
	if dims == b.dims && slices.Equal(vars, b.vars) {
		return
	}
	b.vars = vars
	b.dims = dims
	if dims <= 2 {
		b.box.Hide()
		return
	}
	names := make([]string, dims)
	for i := range names {
		names[i] = "x[" + strconv.Itoa(i) + "]"
		if len(vars) == dims {
			names[i] = vars[i] // a model's parameters
		}
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

// followDims shows the plane bar and the views that fit the computed
// problem: the coordinates of a function of more than two variables, the
// data of a model learning from it (chosen when a model comes in).
func (u *UI) followDims(st session.State) {
	f := st.Problem.F
	if f == nil {
		return
	}
	learning := 0
	if model.LossOf(f) != nil {
		learning = 1
	}
	u.planes.follow(f.Dims(), st.Problem.Vars)
	key := [2]int{f.Dims(), learning}
	if key == u.viewsFor {
		return
	}
	was := u.viewsFor
	u.viewsFor = key
	var fit []viewChoice
	for _, c := range allViewChoices {
		if (!c.many || f.Dims() > 2) && (!c.data || learning == 1) {
			fit = append(fit, c)
		}
	}
	selected := u.ViewChoice.Selected
	u.ViewChoice.SetOptions(viewNames(fit))
	switch names := u.ViewChoice.Options; {
	case learning == 1 && was[1] == 0:
		u.ViewChoice.SetSelected(lang.L("data, loss over the parameters and loss"))
	case slices.Contains(names, selected):
		u.ViewChoice.SetSelected(selected)
	default:
		u.ViewChoice.SetSelectedIndex(0)
	}
}

// viewChoice is a view of the view choice: its name, and whether it needs
// a function of more than two variables or a model learning from data.
type viewChoice struct {
	name       string
	view       plotting.View
	many, data bool
}

// allViewChoices are the views the window offers, in order.
var allViewChoices = []viewChoice{
	{"contour and loss", plotting.ViewBoth, false, false},
	{"error of the numeric gradient", plotting.ViewHError, false, false},
	{"surface and loss", plotting.ViewSurfaceLoss, false, false},
	{"surface", plotting.ViewSurface, false, false},
	{"coordinates and loss", plotting.ViewCoordsLoss, true, false},
	{"coordinates", plotting.ViewCoords, true, false},
	{"data, loss over the parameters and loss", plotting.ViewDataBoth, false, true},
	{"data", plotting.ViewData, false, true},
}

// viewNames are the choices' names in the window's language.
func viewNames(cs []viewChoice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = lang.L(c.name)
	}
	return out
}
