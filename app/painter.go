package app

import (
	"image"
	"sync"
	"time"

	"fyne.io/fyne/v2"

	"gdlab/plotting"
	"gdlab/session"
)

// painter renders the session's frames on its own goroutine, off the main
// goroutine, into the back one of two buffers, and hands each finished
// image with its state to the main goroutine in one call of do, which waits
// for it so that the next frame never draws into the image on screen. This
// is the one place where background work reaches the widgets. Frames that
// arrive while one renders are coalesced: only the newest is drawn, so a
// stale frame never replaces a newer one.
type painter struct {
	view    *FigureView
	plotter *plotting.Renderer
	do      func(func())                            // runs a func on the main goroutine and waits for it
	present func(img image.Image, st session.State) // on the main goroutine, img nil when nothing was drawn

	mu      sync.Mutex
	next    *session.Frame // newest frame not yet rendered
	last    *session.Frame // newest frame rendered, re-rendered on resize
	resized time.Time
	wake    chan struct{}
	quit    chan struct{}
	bufs    [2]*image.RGBA
	front   int
}

// resizeDebounce is how long the painter waits after a resize before
// rendering at the new pixel size.
const resizeDebounce = 120 * time.Millisecond

func newPainter(do func(func()), present func(image.Image, session.State)) *painter {
	p := &painter{plotter: plotting.NewRenderer(), do: do, present: present,
		wake: make(chan struct{}, 1), quit: make(chan struct{})}
	go p.loop()
	return p
}

// draw asks for f to be rendered; safe from any goroutine.
func (p *painter) draw(f session.Frame) {
	p.mu.Lock()
	p.next = &f
	p.mu.Unlock()
	p.poke()
}

// resized renders the last frame again at the view's new size, after a
// short pause.
func (p *painter) resize() {
	p.mu.Lock()
	p.resized = time.Now()
	if p.next == nil && p.last != nil {
		again := *p.last
		p.next = &again
	}
	p.mu.Unlock()
	p.poke()
}

func (p *painter) close() {
	select {
	case <-p.quit:
	default:
		close(p.quit)
	}
}

func (p *painter) poke() {
	select {
	case p.wake <- struct{}{}:
	default:
	}
}

// shown returns the newest rendered frame's scene and options at the view's
// pixel size (what is on screen); ok is false before the first frame.
func (p *painter) shown() (*plotting.Scene, plotting.Options, bool) {
	p.mu.Lock()
	last := p.last
	p.mu.Unlock()
	if last == nil || last.Scene == nil {
		return nil, plotting.Options{}, false
	}
	o := last.Options
	px := p.view.Pixels()
	o.Width, o.Height = px.X, px.Y
	return last.Scene, o, true
}

// dataAt is the point of the plane under pixel pt of the view (on the
// contour, or on the curve of f(x)); ok is false elsewhere.
func (p *painter) dataAt(pt image.Point) (x, y float64, ok bool) {
	s, o, ok := p.shown()
	if !ok {
		return 0, 0, false
	}
	return p.plotter.DataAt(s, o, pt)
}

func (p *painter) loop() {
	for {
		select {
		case <-p.quit:
			return
		case <-p.wake:
		}
		p.mu.Lock()
		wait := resizeDebounce - time.Since(p.resized)
		p.mu.Unlock()
		if wait > 0 {
			time.Sleep(wait)
			p.poke()
			continue
		}
		p.mu.Lock()
		f := p.next
		p.next = nil
		if f != nil {
			p.last = f
		}
		p.mu.Unlock()
		if f != nil {
			p.paint(*f)
		}
	}
}

// paint renders f into the back buffer and swaps it in on the main goroutine.
func (p *painter) paint(f session.Frame) {
	px := p.view.Pixels()
	if px.X < 16 || px.Y < 16 {
		px = image.Pt(800, 500) // not laid out yet
	}
	var img *image.RGBA
	if f.Scene != nil {
		back := p.bufs[1-p.front]
		if back == nil || back.Bounds().Size() != px {
			back = image.NewRGBA(image.Rectangle{Max: px})
		}
		o := f.Options
		o.Width, o.Height = px.X, px.Y
		var err error
		if img, err = p.plotter.Render(back, f.Scene, o); err != nil {
			img = nil
			fyne.LogError("rendering the figure", err)
		}
	}
	p.do(func() {
		var shown image.Image
		if img != nil {
			p.bufs[1-p.front] = img
			p.front = 1 - p.front
			shown = img
		}
		p.present(shown, f.State)
	})
}
