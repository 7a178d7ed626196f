package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"gdlab/plotting"
)

// labTheme is Fyne's theme with the classroom options: larger sizes for
// presentation mode, a high-contrast palette, and a light or dark variant
// chosen by the user instead of the system.
type labTheme struct {
	scale        float32            // 1, or presentationScale in presentation mode
	highContrast bool               // black on white (or white on black), stronger lines
	variant      *fyne.ThemeVariant // nil: follow the system
}

// presentationScale enlarges text, padding and icons in presentation mode.
const presentationScale = 1.5

func (t *labTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if t.variant != nil {
		v = *t.variant
	}
	if t.highContrast {
		dark := v == theme.VariantDark
		switch n {
		case theme.ColorNameForeground:
			return pick(dark, color.White, color.Black)
		case theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameMenuBackground, theme.ColorNameOverlayBackground:
			return pick(dark, color.Black, color.White)
		case theme.ColorNameInputBorder, theme.ColorNameSeparator:
			return pick(dark, color.Gray{0xd0}, color.Gray{0x30})
		case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
			return pick(dark, color.Gray{0xb0}, color.Gray{0x50})
		}
	}
	return theme.DefaultTheme().Color(n, v)
}

func pick(dark bool, d, l color.Color) color.Color {
	if dark {
		return d
	}
	return l
}

func (t *labTheme) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }

func (t *labTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return theme.DefaultTheme().Icon(n) }

func (t *labTheme) Size(n fyne.ThemeSizeName) float32 {
	s := theme.DefaultTheme().Size(n)
	if t.highContrast && (n == theme.SizeNameInputBorder || n == theme.SizeNameSeparatorThickness) {
		s *= 2
	}
	return s * t.scale
}

// dark tells whether the theme currently draws dark.
func (t *labTheme) dark() bool {
	if t.variant != nil {
		return *t.variant == theme.VariantDark
	}
	return fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark
}

// Presentation tells whether presentation mode is on.
func (u *UI) Presentation() bool { return u.look.scale > 1 }

// TogglePresentation switches presentation mode: larger text, thicker lines,
// full screen.
func (u *UI) TogglePresentation() { u.SetPresentation(!u.Presentation()) }

// SetPresentation turns presentation mode on or off.
func (u *UI) SetPresentation(on bool) {
	u.look.scale = 1
	if on {
		u.look.scale = presentationScale
	}
	if u.win != nil {
		u.win.SetFullScreen(on)
	}
	u.presenter.full = false // the class sees the figure: the controls step aside
	u.arrange()
	u.applyTheme()
}

// SetHighContrast turns the high-contrast palette on or off.
func (u *UI) SetHighContrast(on bool) {
	u.look.highContrast = on
	u.applyTheme()
}

// themeChoices are the variants offered in the appearance menu.
var themeChoices = []string{"system", "light", "dark"}

// SetThemeVariant chooses "light", "dark" or "system".
func (u *UI) SetThemeVariant(name string) {
	switch name {
	case "light":
		v := theme.VariantLight
		u.look.variant = &v
	case "dark":
		v := theme.VariantDark
		u.look.variant = &v
	default:
		u.look.variant = nil
	}
	u.applyTheme()
}

func (u *UI) themeVariantName() string {
	switch {
	case u.look.variant == nil:
		return "system"
	case *u.look.variant == theme.VariantDark:
		return "dark"
	}
	return "light"
}

// applyTheme installs the theme and matches the figure to it.
func (u *UI) applyTheme() {
	fyne.CurrentApp().Settings().SetTheme(u.look)
	scale := float64(u.look.scale)
	if u.look.scale > 1 {
		scale = 1.5
	}
	dark, hc := u.look.dark(), u.look.highContrast
	u.session.SetOptions(func(o *plotting.Options) {
		o.Scale, o.Dark, o.HighContrast = scale, dark, hc
	})
	if u.prefs != nil {
		u.prefs.saveTheme(u)
	}
}
