package app

import (
	"image"
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"gdlab/plotting"
)

// Frame is one picture to show: a scene to render with its options, and the
// state of the lab that the widgets show alongside it.
type Frame struct {
	Scene   *plotting.Scene // nil: nothing to draw yet
	Options plotting.Options
	State   labState
}

// FigureView shows the figure. Frames are rendered by its own goroutine, off
// the main goroutine, into the back one of two buffers; the finished image is
// swapped in with one hand-off to the main goroutine per frame, which waits
// for the swap so that the next frame never draws into the image on screen.
// Frames that arrive while one renders are coalesced: only the newest is
// drawn, so a stale frame never replaces a newer one.
type FigureView struct {
	widget.BaseWidget
	image   *canvas.Image
	plotter *plotting.Renderer
	present func(Frame)  // called on the main goroutine after each swap
	do      func(func()) // runs a func on the main goroutine and waits for it
	onTap   func(x, y float64)

	mu      sync.Mutex
	next    *Frame // newest frame not yet rendered
	last    *Frame // newest frame rendered, re-rendered on resize
	pixels  image.Point
	resized time.Time
	wake    chan struct{}
	quit    chan struct{}
	bufs    [2]*image.RGBA
	front   int
}

// resizeDebounce is how long the view waits after a resize before rendering
// at the new pixel size.
const resizeDebounce = 120 * time.Millisecond

// NewFigureView starts the view's render goroutine. present is called on the
// main goroutine with each frame once its image is on screen; do hands a func
// to the main goroutine and waits for it (fyne.DoAndWait in the app); onTap
// gets the data coordinates of a tap on the contour or curve.
func NewFigureView(present func(Frame), do func(func()), onTap func(x, y float64)) *FigureView {
	v := &FigureView{
		plotter: plotting.NewRenderer(),
		present: present,
		do:      do,
		onTap:   onTap,
		wake:    make(chan struct{}, 1),
		quit:    make(chan struct{}),
	}
	v.image = canvas.NewImageFromImage(image.NewUniform(color.Transparent))
	v.image.FillMode = canvas.ImageFillStretch
	v.image.ScaleMode = canvas.ImageScaleFastest
	v.ExtendBaseWidget(v)
	go v.loop()
	return v
}

// CreateRenderer implements fyne.Widget.
func (v *FigureView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(v.image)
}

// MinSize keeps the figure readable.
func (v *FigureView) MinSize() fyne.Size { return fyne.NewSize(360, 260) }

func (v *FigureView) scale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		return c.Scale()
	}
	return 1
}

// Resize re-renders the figure at the new pixel size, after a short pause.
func (v *FigureView) Resize(s fyne.Size) {
	v.BaseWidget.Resize(s)
	sc := v.scale()
	px := image.Pt(int(s.Width*sc+0.5), int(s.Height*sc+0.5))
	v.mu.Lock()
	if px != v.pixels {
		v.pixels = px
		v.resized = time.Now()
		if v.next == nil && v.last != nil {
			again := *v.last
			v.next = &again
		}
	}
	v.mu.Unlock()
	v.poke()
}

// Tapped sets the start point where the contour (or curve) was tapped.
func (v *FigureView) Tapped(ev *fyne.PointEvent) {
	v.mu.Lock()
	last, px := v.last, v.pixels
	v.mu.Unlock()
	if last == nil || last.Scene == nil || v.onTap == nil {
		return
	}
	sc := v.scale()
	o := last.Options
	o.Width, o.Height = px.X, px.Y
	x, y, ok := v.plotter.DataAt(last.Scene, o, image.Pt(int(ev.Position.X*sc), int(ev.Position.Y*sc)))
	if ok {
		v.onTap(x, y)
	}
}

// Draw asks for f to be rendered; safe from any goroutine.
func (v *FigureView) Draw(f Frame) {
	v.mu.Lock()
	v.next = &f
	v.mu.Unlock()
	v.poke()
}

// Close stops the render goroutine.
func (v *FigureView) Close() {
	select {
	case <-v.quit:
	default:
		close(v.quit)
	}
}

// Image returns the image on screen; call on the main goroutine.
func (v *FigureView) Image() image.Image { return v.image.Image }

// Snapshot returns the newest rendered frame's scene and options at the
// current pixel size (for exporting what is on screen).
func (v *FigureView) Snapshot() (*plotting.Scene, plotting.Options, bool) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.last == nil || v.last.Scene == nil {
		return nil, plotting.Options{}, false
	}
	o := v.last.Options
	o.Width, o.Height = v.pixels.X, v.pixels.Y
	return v.last.Scene, o, true
}

func (v *FigureView) poke() {
	select {
	case v.wake <- struct{}{}:
	default:
	}
}

func (v *FigureView) loop() {
	for {
		select {
		case <-v.quit:
			return
		case <-v.wake:
		}
		v.mu.Lock()
		wait := resizeDebounce - time.Since(v.resized)
		v.mu.Unlock()
		if wait > 0 {
			time.Sleep(wait)
			v.poke()
			continue
		}
		v.mu.Lock()
		f, px := v.next, v.pixels
		v.next = nil
		if f != nil {
			v.last = f
		}
		v.mu.Unlock()
		if f == nil {
			continue
		}
		if px.X < 16 || px.Y < 16 {
			px = image.Pt(800, 500) // not laid out yet
		}
		var img *image.RGBA
		if f.Scene != nil {
			back := v.bufs[1-v.front]
			if back == nil || back.Bounds().Size() != px {
				back = image.NewRGBA(image.Rectangle{Max: px})
			}
			o := f.Options
			o.Width, o.Height = px.X, px.Y
			var err error
			if img, err = v.plotter.Render(back, f.Scene, o); err != nil {
				img = nil
				fyne.LogError("rendering the figure", err)
			}
		}
		frame := *f
		v.do(func() {
			if img != nil {
				v.bufs[1-v.front] = img
				v.front = 1 - v.front
				v.image.Image = img
				v.image.Refresh()
			}
			v.present(frame)
		})
	}
}
