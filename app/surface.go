package app

import (
	"crypto/sha256"
	"encoding/hex"
	"image"
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"gdlab/plotting"
	"gdlab/session"
)

// figureGestures are what the figure view does with the gestures beyond a
// tap; each runs on the main goroutine.
type figureGestures struct {
	drag      func(dx, dy, width float32) // a drag by dx, dy over a view width wide (Fyne units)
	dragEnd   func()
	scroll    func(notches float64) // positive away from the user
	doubleTap func(px image.Point)
	hover     func(px image.Point) (string, bool) // the read-out of the point under the pointer (hover.go)
}

// scrollNotch is the scroll distance of one wheel notch in Fyne units on
// Linux and Windows (Fyne's desktop driver scales a notch by 25).
const scrollNotch = 25

// maxScrollNotches bounds the zoom of one scroll event: Fyne's driver
// accelerates fast wheels and touchpads by a factor of 125.
const maxScrollNotches = 5

// surfaceControl turns the surface view with the mouse: the camera shown
// and the function it belongs to (the camera is remembered per function).
// Owned by the main goroutine.
type surfaceControl struct {
	camera plotting.Camera // the camera in the session's options
	of     string          // the function the camera belongs to ("" before the first)
}

// installSurfaceGestures connects the figure view's gestures to the
// surface view's camera.
func (u *UI) installSurfaceGestures() {
	u.Figure.gestures = figureGestures{
		drag: func(dx, dy, w float32) {
			if u.onSurface() && w > 0 {
				u.setCamera(u.surf.camera.Turned(float64(-180*dx/w), float64(180*dy/w)), false)
			}
		},
		dragEnd: func() {
			if u.onSurface() {
				u.prefs.saveCamera(u.surf.of, u.surf.camera)
			}
		},
		scroll: func(n float64) {
			if u.onSurface() {
				n = math.Max(-maxScrollNotches, math.Min(maxScrollNotches, n))
				u.setCamera(u.surf.camera.Zoomed(math.Pow(1.1, n)), true)
			}
		},
		doubleTap: func(px image.Point) {
			if u.onSurface() {
				u.setCamera(plotting.Camera{}, true)
				return
			}
			u.tapped(px) // elsewhere a double tap is a tap
		},
	}
}

// onSurface reports whether the figure shows the surface of a function of
// x and y (a function of x alone is drawn as its curve instead).
func (u *UI) onSurface() bool {
	switch u.session.Options().View {
	case plotting.ViewSurface, plotting.ViewSurfaceLoss:
	default:
		return false
	}
	f := u.state.Problem.F
	return f == nil || f.Dims() == 2
}

// setCamera shows the surface from c; save remembers it for the function.
// The session renders at most one frame per interval however many drag
// events arrive, and the painter draws only the newest.
func (u *UI) setCamera(c plotting.Camera, save bool) {
	u.surf.camera = c
	u.session.SetOptions(func(o *plotting.Options) { o.Camera = c })
	if save {
		u.prefs.saveCamera(u.surf.of, c)
	}
}

// followFunction puts the camera remembered for the shown function in the
// options when the function changes (the default camera for a new one).
func (u *UI) followFunction(st session.State) {
	src := cameraKey(st.Problem.Source)
	if src == "" || src == u.surf.of {
		return
	}
	u.surf.of = src
	c, _ := u.prefs.camera(src)
	if c != u.surf.camera {
		u.surf.camera = c
		u.session.SetOptions(func(o *plotting.Options) { o.Camera = c })
	}
}

// cameraKey is the key under which a function's camera is remembered: its
// source without white space, or for a long source its SHA-256 (so that
// the preferences stay small).
func cameraKey(src string) string {
	k := strings.Join(strings.Fields(src), "")
	if len(k) > maxCameraKey {
		sum := sha256.Sum256([]byte(k))
		k = "sha256:" + hex.EncodeToString(sum[:16])
	}
	return k
}

// maxCameraKey is the longest function source kept as it is in a key.
const maxCameraKey = 120

// widestOption lays out one select so wide that its longest option is
// never cut short ("surface and loss" beside "contour and loss"), at the
// theme's text size, which presentation mode enlarges.
type widestOption struct{ options []string }

// MinSize implements fyne.Layout.
func (l widestOption) MinSize(objs []fyne.CanvasObject) fyne.Size {
	m := objs[0].MinSize()
	for _, o := range l.options {
		w := fyne.MeasureText(o, theme.TextSize(), fyne.TextStyle{}).Width
		m.Width = max(m.Width, w+theme.IconInlineSize()+4*theme.InnerPadding())
	}
	return m
}

// Layout implements fyne.Layout.
func (l widestOption) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(size)
}
