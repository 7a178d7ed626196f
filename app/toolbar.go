package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/lesson"
	"gdlab/optimizer"
	"gdlab/session"
)

// toolbar is the row of actions above everything.
func (u *UI) toolbar() *widget.Toolbar {
	return widget.NewToolbar(
		widget.NewToolbarAction(theme.FolderOpenIcon(), u.openLessonDialog),
		widget.NewToolbarAction(theme.DocumentSaveIcon(), u.saveLessonDialog),
		widget.NewToolbarAction(theme.DocumentCreateIcon(), u.WriteLesson),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.MediaPlayIcon(), u.Run),
		widget.NewToolbarAction(theme.MediaStopIcon(), u.Stop),
		widget.NewToolbarSeparator(),
		widget.NewToolbarAction(theme.FileImageIcon(), u.exportFigureDialog),
		widget.NewToolbarAction(theme.MediaVideoIcon(), u.exportGIFDialog),
		widget.NewToolbarAction(theme.FileTextIcon(), u.exportPythonDialog),
		widget.NewToolbarSpacer(),
		widget.NewToolbarAction(theme.ComputerIcon(), u.TogglePresentation),
		u.lookAction(),
		widget.NewToolbarAction(theme.InfoIcon(), u.showAbout),
	)
}

// lookAction is the toolbar button with the appearance menu: light, dark or
// the system's, high contrast, presentation mode.
func (u *UI) lookAction() *widget.ToolbarAction {
	a := widget.NewToolbarAction(theme.ColorPaletteIcon(), nil)
	a.OnActivated = func() {
		item := func(label string, checked bool, f func()) *fyne.MenuItem {
			i := fyne.NewMenuItem(label, f)
			i.Checked = checked
			return i
		}
		var items []*fyne.MenuItem
		for _, name := range themeChoices {
			name := name
			items = append(items, item(lang.L(name), u.themeVariantName() == name, func() { u.SetThemeVariant(name) }))
		}
		items = append(items, fyne.NewMenuItemSeparator(),
			item(lang.L("High contrast"), u.look.highContrast, func() { u.SetHighContrast(!u.look.highContrast) }),
			item(lang.L("Presentation mode"), u.Presentation(), u.TogglePresentation))
		menu := fyne.NewMenu("", items...)
		if u.win == nil {
			return
		}
		c := u.win.Canvas()
		widget.ShowPopUpMenuAtPosition(menu, c, fyne.NewPos(c.Size().Width-260, 40))
	}
	return a
}

// showMenu pops up the lessons and preset functions under the menu button.
func (u *UI) showMenu() {
	var lessons []*fyne.MenuItem
	for _, l := range lesson.BuiltIn() {
		l := l
		lessons = append(lessons, fyne.NewMenuItem(translateLessonString(l.Title), func() { u.OpenLesson(l) }))
	}
	var presets []*fyne.MenuItem
	for _, p := range optimizer.Presets() {
		p := p
		presets = append(presets, fyne.NewMenuItem(p.Name+"   "+p.Func, func() { u.LoadPreset(p.Name) }))
	}
	lessonsItem := fyne.NewMenuItem(lang.L("Lessons"), nil)
	lessonsItem.ChildMenu = fyne.NewMenu("", lessons...)
	presetsItem := fyne.NewMenuItem(lang.L("Functions"), nil)
	presetsItem.ChildMenu = fyne.NewMenu("", presets...)
	menu := fyne.NewMenu("", lessonsItem, presetsItem,
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("Open lesson file…"), u.openLessonDialog),
		fyne.NewMenuItem(lang.L("Save as lesson file…"), u.saveLessonDialog),
		fyne.NewMenuItem(lang.L("Export as Python…"), u.exportPythonDialog))
	c := fyne.CurrentApp().Driver().CanvasForObject(u.Menu)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(u.Menu).AddXY(0, u.Menu.Size().Height)
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

// LoadPreset puts a built-in function, its start and its view in the form,
// keeping one run, and computes it.
func (u *UI) LoadPreset(name string) {
	p, ok := optimizer.PresetByName(name)
	if !ok {
		return
	}
	it, _ := u.session.Item(u.selected)
	cfg := it.Config
	cfg.SetStart(p.Start[:])
	u.hideLesson()
	u.setSource(nil) // a preset is a function: no data
	prob, err := u.problem(p.Func)
	if err != nil {
		return
	}
	u.start(prob, []session.Item{{Config: cfg}})
}

// installKeys binds the keyboard: keys act when no text field has focus.
func (u *UI) installKeys(w fyne.Window) {
	c := w.Canvas()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) { u.TypedKey(ev.Name) })
	u.installTab(c)
	ctrl := func(k fyne.KeyName, f func()) {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}, func(fyne.Shortcut) { f() })
	}
	ctrl(fyne.KeyR, u.Run)
	ctrl(fyne.KeyS, u.exportFigureDialog)
	ctrl(fyne.KeyO, u.openLessonDialog)
	ctrl(fyne.KeyE, u.exportCSVDialog)
	ctrl(fyne.KeyG, u.exportGIFDialog)
	ctrl(fyne.KeyY, u.exportPythonDialog)
	// The desktop driver reports Ctrl+Y as redo, whatever has focus.
	c.AddShortcut(&fyne.ShortcutRedo{}, func(fyne.Shortcut) { u.exportPythonDialog() })
	ctrl(fyne.KeyP, u.TogglePresentation)
	ctrl(fyne.KeyQ, func() { fyne.CurrentApp().Quit() })
}

// TypedKey handles a key pressed while no text field has focus.
func (u *UI) TypedKey(k fyne.KeyName) {
	switch k {
	case fyne.KeySpace:
		u.session.TogglePlay()
	case fyne.KeyRight:
		u.session.StepBy(1)
	case fyne.KeyLeft:
		u.session.StepBy(-1)
	case fyne.KeyHome:
		u.session.Seek(0)
	case fyne.KeyEnd:
		u.session.SeekEnd()
	case fyne.KeyF11:
		u.TogglePresentation()
	case fyne.KeyEscape:
		if u.Presentation() {
			u.SetPresentation(false)
		}
	}
}
