package app

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// presenter is presentation mode's layout: the figure over one compact row
// of what a teacher needs during a lesson (restart, step back, play/pause,
// step forward, the scrubber, the speed); Tab, or the row's button, brings
// the rest of the window (form, run list, readout) back at presentation
// size, and hides it again.
type presenter struct {
	Controls *widget.Button // shows or hides the rest of the window
	full     bool           // the rest is shown
}

func newPresenter(toggle func()) *presenter {
	return &presenter{Controls: widget.NewButtonWithIcon(lang.L("Controls"), theme.MenuIcon(), toggle)}
}

// compactRow is the player's controls in one row: its buttons, the
// scrubber with the step, and the speed, then extra.
func (p *player) compactRow(extra ...fyne.CanvasObject) fyne.CanvasObject {
	buttons := container.NewHBox(p.RestartButton, p.BackButton, p.PlayButton, p.ForwardButton)
	speed := container.NewGridWrap(fyne.NewSize(theme.TextSize()*8, p.Speed.MinSize().Height), p.Speed)
	right := container.NewHBox(append([]fyne.CanvasObject{p.StepLabel, speed, p.SpeedLabel}, extra...)...)
	return container.NewBorder(nil, nil, buttons, right, p.Scrubber)
}

// figureOnly is the presentation view: the figure, with a lesson's stop
// over it, above the compact row.
func (u *UI) figureOnly() fyne.CanvasObject {
	return container.NewBorder(nil, container.NewPadded(u.player.compactRow(u.presenter.Controls)), nil, nil,
		container.NewStack(u.Figure, container.NewVBox(u.stopCard)))
}

// toggleControls shows or hides the rest of the window in presentation
// mode.
func (u *UI) toggleControls() {
	if !u.Presentation() {
		return
	}
	u.presenter.full = !u.presenter.full
	u.arrange()
}

// arrange lays the window out for its mode: the form beside the figure and
// its details; in presentation mode the figure alone over the compact row,
// or (with the controls shown) the usual layout with more room for the
// figure.
func (u *UI) arrange() {
	on := u.Presentation()
	if on && !u.presenter.full {
		u.body.Objects = []fyne.CanvasObject{u.figureOnly()}
		u.toolbarBox.Hide()
		u.Status.Hide()
	} else {
		u.Split.Trailing = u.Tabs
		u.body.Objects = []fyne.CanvasObject{u.Split}
		u.toolbarBox.Show()
		u.Status.Show()
		u.figureSplit.Offset = detailsOffset
		if on {
			u.figureSplit.Offset = presentationOffset
		}
		u.figureSplit.Refresh()
		u.Split.Refresh()
		u.Tabs.Refresh()
	}
	u.body.Refresh()
}

// installTab makes Tab, when no field has focus, show or hide the rest of
// the window in presentation mode. Fyne moves the focus on Tab after the
// key-down handler: the focus is taken back, so that Space still plays.
func (u *UI) installTab(c fyne.Canvas) {
	dc, ok := c.(desktop.Canvas)
	if !ok {
		return
	}
	dc.SetOnKeyDown(func(ev *fyne.KeyEvent) {
		if ev.Name != fyne.KeyTab || !u.Presentation() {
			return
		}
		u.toggleControls()
		time.AfterFunc(20*time.Millisecond, func() { fyne.Do(c.Unfocus) })
	})
}
