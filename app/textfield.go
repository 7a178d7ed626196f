package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// textField is a form's text field that hands the window's Ctrl+letter
// shortcuts (Ctrl+R runs) on to the window: Fyne gives a focused Entry
// every shortcut and drops those the Entry does not know, so without it
// Ctrl+R would do nothing while the cursor is in a field — where a person
// who has just typed a learning rate has it.
type textField struct {
	widget.Entry
}

// newTextField is an empty single-line textField.
func newTextField() *textField {
	f := &textField{}
	f.ExtendBaseWidget(f)
	return f
}

// TypedShortcut implements fyne.Shortcutable.
func (f *textField) TypedShortcut(s fyne.Shortcut) {
	if passOn(f, s) {
		return
	}
	f.Entry.TypedShortcut(s)
}

// selectField is textField's SelectEntry: a text field with a menu of
// examples.
type selectField struct {
	widget.SelectEntry
}

// newSelectField is a selectField offering options.
func newSelectField(options []string) *selectField {
	f := &selectField{}
	f.ExtendBaseWidget(f)
	f.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	f.SetOptions(options)
	return f
}

// TypedShortcut implements fyne.Shortcutable.
func (f *selectField) TypedShortcut(s fyne.Shortcut) {
	if passOn(f, s) {
		return
	}
	f.SelectEntry.TypedShortcut(s)
}

// formEntry is a field of the form that shows an error: a textField, a
// selectField or the Entry inside one.
type formEntry interface {
	fyne.CanvasObject
	SetValidationError(error)
}

// passOn gives shortcut s to the window of field o when it is a
// Ctrl+letter shortcut of the window's (an Entry's own Ctrl+letters —
// copy, paste, undo, select all — come as other shortcut types, its
// Ctrl+arrows are not letters), and reports whether it did.
func passOn(o fyne.CanvasObject, s fyne.Shortcut) bool {
	cs, ok := s.(*desktop.CustomShortcut)
	if !ok || cs.Modifier != fyne.KeyModifierShortcutDefault || len(cs.KeyName) != 1 || cs.KeyName[0] < 'A' || cs.KeyName[0] > 'Z' {
		return false
	}
	c, ok := fyne.CurrentApp().Driver().CanvasForObject(o).(interface{ TypedShortcut(fyne.Shortcut) })
	if !ok {
		return false
	}
	c.TypedShortcut(s)
	return true
}
