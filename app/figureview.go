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

// Frame is one picture to show: a scene to render plus the status text that
// goes with it. Frames of an older generation than the newest are stale.
type Frame struct {
	Gen    uint64
	Scene  *plotting.Scene
	Status string
	Final  bool          // the last frame of a run
	Done   chan struct{} // closed once the frame has been handed to the UI (or dropped)
}

// FigureView shows the figure. Frames are rendered by its own goroutine, off
// the main goroutine, into the back one of two buffers; the finished image is
// swapped in with one fyne.DoAndWait per frame. Requests that arrive while a frame
// renders are coalesced: only the newest is drawn.
type FigureView struct {
	widget.BaseWidget
	image   *canvas.Image
	plotter *plotting.Renderer
	present func(Frame, func())
	do      func(func()) // runs a func on the main goroutine and waits for it

	mu      sync.Mutex
	next    *Frame // newest frame not yet rendered
	last    *Frame // newest frame rendered, re-rendered on resize
	pixels  image.Point
	resized time.Time
	wake    chan struct{}
	quit    chan struct{}
	done    []chan struct{} // Done channels of coalesced frames
	bufs    [2]*image.RGBA
	front   int
}

// resizeDebounce is how long the view waits after a resize before rendering
// at the new pixel size.
const resizeDebounce = 120 * time.Millisecond

// minFrameInterval caps the frame rate at about 60 Hz.
const minFrameInterval = 16 * time.Millisecond

// NewFigureView starts the view's render goroutine. present is called on the
// main goroutine with each rendered frame and a func that puts its image on
// screen; it decides whether the frame is still wanted. do hands a func to
// the main goroutine and waits for it (fyne.DoAndWait in the app).
func NewFigureView(present func(Frame, func()), do func(func())) *FigureView {
	v := &FigureView{
		plotter: plotting.NewRenderer(),
		present: present,
		do:      do,
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
func (v *FigureView) MinSize() fyne.Size { return fyne.NewSize(320, 240) }

// Resize re-renders the figure at the new pixel size, after a short pause.
func (v *FigureView) Resize(s fyne.Size) {
	v.BaseWidget.Resize(s)
	scale := float32(1)
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		scale = c.Scale()
	}
	px := image.Pt(int(s.Width*scale+0.5), int(s.Height*scale+0.5))
	v.mu.Lock()
	if px != v.pixels {
		v.pixels = px
		v.resized = time.Now()
		if v.next == nil && v.last != nil {
			again := *v.last
			again.Final, again.Done = false, nil
			v.next = &again
		}
	}
	v.mu.Unlock()
	v.poke()
}

// Draw asks for f to be rendered; safe from any goroutine.
func (v *FigureView) Draw(f Frame) {
	v.mu.Lock()
	if v.next != nil && v.next.Done != nil {
		v.done = append(v.done, v.next.Done)
	}
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

// Image returns the image on screen (for tests); call on the main goroutine.
func (v *FigureView) Image() image.Image { return v.image.Image }

func (v *FigureView) poke() {
	select {
	case v.wake <- struct{}{}:
	default:
	}
}

func (v *FigureView) loop() {
	var lastFrame time.Time
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
		if d := minFrameInterval - time.Since(lastFrame); d > 0 {
			time.Sleep(d)
		}
		v.mu.Lock()
		f, px, done := v.next, v.pixels, v.done
		v.next, v.done = nil, nil
		if f != nil {
			v.last = f
		}
		v.mu.Unlock()
		if f == nil {
			continue
		}
		if f.Done != nil {
			done = append(done, f.Done)
		}
		if px.X < 16 || px.Y < 16 {
			px = image.Pt(800, 500) // not laid out yet
		}
		back := v.bufs[1-v.front]
		if back == nil || back.Bounds().Size() != px {
			back = image.NewRGBA(image.Rectangle{Max: px})
		}
		img, err := v.plotter.Render(back, f.Scene, plotting.Options{View: plotting.ViewBoth, Width: px.X, Height: px.Y})
		lastFrame = time.Now()
		frame := *f
		if err != nil {
			frame.Status = "Cannot draw the figure: " + err.Error()
		}
		// Wait for the swap, so that the next frame never draws into the image on screen.
		v.do(func() {
			v.present(frame, func() {
				if err == nil {
					v.bufs[1-v.front] = img
					v.front = 1 - v.front
					v.image.Image = img
					v.image.Refresh()
				}
			})
			for _, d := range done {
				close(d)
			}
		})
	}
}
