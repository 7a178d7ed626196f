package app

import (
	"fmt"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"gdlab/session"
)

// player is the playback controls: play/pause, step back and forward,
// restart, the scrubber and the speed.
type player struct {
	PlayButton    *widget.Button
	BackButton    *widget.Button
	ForwardButton *widget.Button
	RestartButton *widget.Button
	Scrubber      *widget.Slider
	Speed         *widget.Slider // log10 of steps per second, 0 … 3
	SpeedLabel    *widget.Label
	StepLabel     *widget.Label

	seeking bool // set while the scrubber is moved from code
}

func newPlayer(s *session.Session) *player {
	p := &player{}
	p.PlayButton = widget.NewButtonWithIcon(lang.L("Play"), theme.MediaPlayIcon(), s.TogglePlay)
	p.BackButton = widget.NewButtonWithIcon("", theme.MediaSkipPreviousIcon(), func() { s.StepBy(-1) })
	p.ForwardButton = widget.NewButtonWithIcon("", theme.MediaSkipNextIcon(), func() { s.StepBy(1) })
	p.RestartButton = widget.NewButtonWithIcon("", theme.MediaReplayIcon(), s.Restart)
	p.Scrubber = widget.NewSlider(0, 100)
	p.Scrubber.OnChanged = func(v float64) {
		if !p.seeking {
			s.Seek(int(v))
		}
	}
	p.Speed = widget.NewSlider(0, 3)
	p.Speed.Step = 0.05
	p.SpeedLabel = widget.NewLabel("")
	p.Speed.OnChanged = func(v float64) {
		sp := roundSig(pow10(v), 2)
		p.SpeedLabel.SetText(fmt.Sprintf(lang.L("%g steps/s"), sp))
		s.SetSpeed(sp)
	}
	p.Speed.SetValue(1)
	p.StepLabel = widget.NewLabel("")
	return p
}

// layout is the rows under the figure: the scrubber, the speed, and the
// figure's switches.
func (p *player) layout(switches fyne.CanvasObject) fyne.CanvasObject {
	buttons := container.NewHBox(p.RestartButton, p.BackButton, p.PlayButton, p.ForwardButton)
	scrub := container.NewBorder(nil, nil, buttons, p.StepLabel, p.Scrubber)
	speed := container.NewBorder(nil, nil, widget.NewLabel(lang.L("speed")), p.SpeedLabel, p.Speed)
	return container.NewVBox(scrub, speed, switches)
}

// apply shows the playback state of st.
func (p *player) apply(st session.State) {
	p.seeking = true
	p.Scrubber.Max = math.Max(1, float64(st.MaxStep))
	p.Scrubber.SetValue(float64(st.Step))
	p.seeking = false
	p.StepLabel.SetText(fmt.Sprintf(lang.L("step %d of %d"), st.Step, st.MaxStep))
	if st.Playing {
		p.PlayButton.SetText(lang.L("Pause"))
		p.PlayButton.SetIcon(theme.MediaPauseIcon())
	} else {
		p.PlayButton.SetText(lang.L("Play"))
		p.PlayButton.SetIcon(theme.MediaPlayIcon())
	}
}
