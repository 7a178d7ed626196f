package app

import (
	"encoding/json"
	"math"
	"strconv"

	"fyne.io/fyne/v2"

	"gdlab/optimizer"
	"gdlab/optimizer/expr"
	"gdlab/plotting"
)

// prefs remembers the last function and settings, the theme, presentation
// mode and the split position, in Fyne's preferences.
type prefs struct{ p fyne.Preferences }

func newPrefs(p fyne.Preferences) *prefs { return &prefs{p} }

// save stores the function and the selected run's settings, with the
// hyperparameters of its method under their registry names.
func (s *prefs) save(src string, c optimizer.Config) {
	if s == nil {
		return
	}
	s.p.SetString("function", src)
	s.p.SetString("method", string(c.Method))
	s.p.SetFloat("lr", c.LR)
	s.p.SetInt("steps", c.Steps)
	s.p.SetFloatList("start", c.StartVec(2+len(c.StartMore)))
	s.p.SetString("gradient", string(c.Gradient))
	s.p.SetFloat("h", c.H)
	s.p.SetString("schedule", c.Schedule.String())
	s.p.SetInt("warmup", c.Schedule.Warmup)
	s.p.SetFloat("noise", c.Noise)
	s.p.SetString("seed", strconv.FormatUint(c.Seed, 10))
	s.p.SetString("lineSearch", string(c.LineSearch))
	spec, _ := c.Method.Spec()
	for _, p := range spec.Params {
		s.p.SetFloat(p.Name, c.Param(p.Name))
	}
}

// settings returns the remembered function and settings; ok is false on a
// first launch (or when what is stored is not valid any more).
func (s *prefs) settings() (src string, c optimizer.Config, ok bool) {
	if s == nil {
		return "", c, false
	}
	src = s.p.String("function")
	if src == "" {
		return "", c, false
	}
	f, err := expr.Parse(src)
	if err != nil {
		return "", c, false
	}
	d := optimizer.DefaultConfig()
	c = d
	if m, err := optimizer.ParseMethod(s.p.StringWithFallback("method", string(d.Method))); err == nil {
		c.Method = m
	}
	c.LR = s.p.FloatWithFallback("lr", d.LR)
	c.Steps = s.p.IntWithFallback("steps", d.Steps)
	if st := s.p.FloatList("start"); len(st) >= 2 && len(st) <= optimizer.MaxDims {
		c.SetStart(st)
	}
	if s.p.String("gradient") == string(optimizer.Numeric) {
		c.Gradient = optimizer.Numeric
	}
	c.H = s.p.FloatWithFallback("h", d.H)
	s.extras(&c)
	spec, _ := c.Method.Spec()
	for _, p := range spec.Params {
		if v := s.p.FloatWithFallback(p.Name, math.NaN()); !math.IsNaN(v) {
			c.Hyper.Set(p.Name, v)
		}
	}
	if c.Validate(f.Dims()) != nil || c.Steps > maxWindowSteps {
		return "", c, false
	}
	return src, c, true
}

// extras reads the remembered schedule, noise and line search into c (its
// method already read); what does not parse or fit the method leaves them
// all at their defaults.
func (s *prefs) extras(c *optimizer.Config) {
	seed, _ := strconv.ParseUint(s.p.String("seed"), 10, 64)
	t := optimizer.ExtrasText{Schedule: s.p.String("schedule"), Warmup: s.p.Int("warmup"), Noise: s.p.Float("noise"),
		Seed: seed, LineSearch: s.p.String("lineSearch")}
	if _, err := c.SetExtras(t); err != nil {
		c.Schedule, c.Noise, c.Seed, c.LineSearch = optimizer.Schedule{}, 0, optimizer.DefaultSeed, optimizer.NoLineSearch
	}
}

func (s *prefs) saveTheme(u *UI) {
	s.p.SetString("theme", u.themeVariantName())
	s.p.SetBool("presentation", u.Presentation())
	s.p.SetBool("highContrast", u.look.highContrast)
}

func (s *prefs) saveSplit(u *UI) { s.p.SetFloat("split", u.Split.Offset) }

// saveFigure stores the figure's switches: log loss and the arrows.
func (s *prefs) saveFigure(u *UI) {
	if s == nil {
		return
	}
	s.p.SetBool("logLoss", u.LogLoss.Checked)
	s.p.SetBool("gradientArrow", u.ShowGradient.Checked)
	s.p.SetBool("updateArrow", u.ShowVelocity.Checked)
	s.p.SetBool("gradientField", u.ShowField.Checked)
	s.p.SetBool("ratePanel", u.ShowRate.Checked)
	s.p.SetBool("stateArrows", u.ShowArrows.Checked)
	s.p.SetBool("stateSteps", u.ShowSteps.Checked)
	s.p.SetBool("stateAxes", u.ShowAxes.Checked)
	s.p.SetBool("showResults", u.ShowResults.Checked)
}

// restoreLook applies the remembered theme, presentation mode and split.
func (s *prefs) restoreLook(u *UI) {
	u.look.highContrast = s.p.Bool("highContrast")
	u.SetThemeVariant(s.p.StringWithFallback("theme", "system"))
	if s.p.Bool("presentation") {
		u.SetPresentation(true)
	}
	u.LogLoss.SetChecked(s.p.Bool("logLoss"))
	u.ShowGradient.SetChecked(s.p.Bool("gradientArrow"))
	u.ShowVelocity.SetChecked(s.p.Bool("updateArrow"))
	u.ShowField.SetChecked(s.p.Bool("gradientField"))
	u.ShowRate.SetChecked(s.p.Bool("ratePanel"))
	u.ShowArrows.SetChecked(s.p.Bool("stateArrows"))
	u.ShowSteps.SetChecked(s.p.Bool("stateSteps"))
	u.ShowAxes.SetChecked(s.p.Bool("stateAxes"))
	u.ShowResults.SetChecked(s.p.Bool("showResults"))
	if v := s.p.FloatWithFallback("split", 0.3); v > 0.1 && v < 0.9 {
		u.Split.Offset = v
		u.Split.Refresh()
	}
}

// maxCameras is how many functions' surface cameras are remembered.
const maxCameras = 20

// savedCamera is one function's remembered surface camera.
type savedCamera struct {
	F         string  `json:"f"`
	Azimuth   float64 `json:"az"`
	Elevation float64 `json:"el"`
	Zoom      float64 `json:"zoom"`
}

// cameras returns the remembered cameras, the most recently used last.
func (s *prefs) cameras() []savedCamera {
	var list []savedCamera
	if err := json.Unmarshal([]byte(s.p.String("surfaceCameras")), &list); err != nil {
		return nil
	}
	return list
}

// camera returns the surface camera remembered for the function key (see
// cameraKey); the zero Camera (the default view) when there is none.
func (s *prefs) camera(key string) (plotting.Camera, bool) {
	if s == nil {
		return plotting.Camera{}, false
	}
	for _, c := range s.cameras() {
		if c.F == key {
			d := plotting.DefaultCamera() // Turned and Zoomed apply the camera's limits
			return d.Turned(c.Azimuth-d.Azimuth, c.Elevation-d.Elevation).Zoomed(c.Zoom), true
		}
	}
	return plotting.Camera{}, false
}

// saveCamera remembers the surface camera of the function key, as the most
// recent of at most maxCameras; the default camera is forgotten instead.
func (s *prefs) saveCamera(key string, c plotting.Camera) {
	if s == nil || key == "" {
		return
	}
	var list []savedCamera
	for _, old := range s.cameras() {
		if old.F != key {
			list = append(list, old)
		}
	}
	if c != (plotting.Camera{}) && c != plotting.DefaultCamera() {
		list = append(list, savedCamera{F: key, Azimuth: c.Azimuth, Elevation: c.Elevation, Zoom: c.Zoom})
	}
	if len(list) > maxCameras {
		list = list[len(list)-maxCameras:]
	}
	data, err := json.Marshal(list)
	if err != nil {
		return
	}
	s.p.SetString("surfaceCameras", string(data))
}
