package app

import (
	"image"
	"image/color"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// FigureView shows the figure's image. It only draws: the images are
// rendered elsewhere (the painter, off the main goroutine) and handed in
// with show. It reports its size in pixels, taps in pixels, and the
// gestures that turn the surface view (drags, scrolls, double taps) to
// its gestures.
type FigureView struct {
	widget.BaseWidget
	image    *canvas.Image
	Tip      *widget.Label // the read-out under the pointer (hover), hidden when the pointer is away
	tipBox   *fyne.Container
	tipLayer *fyne.Container   // holds tipBox where MouseMoved puts it, over the image
	onResize func()            // the pixel size changed (any goroutine may then read Pixels)
	onTap    func(image.Point) // a tap, in pixels of the image
	gestures figureGestures    // set by the UI; nil members ignore the gesture

	mu     sync.Mutex
	pixels image.Point
}

// NewFigureView returns an empty view.
func NewFigureView(onResize func(), onTap func(image.Point)) *FigureView {
	v := &FigureView{onResize: onResize, onTap: onTap}
	v.image = canvas.NewImageFromImage(image.NewUniform(color.Transparent))
	v.image.FillMode = canvas.ImageFillStretch
	v.image.ScaleMode = canvas.ImageScaleFastest
	v.Tip = widget.NewLabel("")
	v.Tip.TextStyle.Monospace = true
	bg := canvas.NewRectangle(color.NRGBA{R: 0x20, G: 0x20, B: 0x20, A: 0xe0})
	bg.CornerRadius = 4
	v.tipBox = container.NewStack(bg, v.Tip)
	v.tipBox.Hide()
	v.tipLayer = container.NewWithoutLayout(v.tipBox)
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer implements fyne.Widget: the image, and over it the tip,
// placed where MouseMoved puts it.
func (v *FigureView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(v.image, v.tipLayer))
}

// MinSize keeps the figure readable.
func (v *FigureView) MinSize() fyne.Size { return fyne.NewSize(360, 260) }

func (v *FigureView) scale() float32 {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		return c.Scale()
	}
	return 1
}

// Resize lays the view out and reports a new pixel size.
func (v *FigureView) Resize(s fyne.Size) {
	v.BaseWidget.Resize(s)
	sc := v.scale()
	px := image.Pt(int(s.Width*sc+0.5), int(s.Height*sc+0.5))
	v.mu.Lock()
	changed := px != v.pixels
	v.pixels = px
	v.mu.Unlock()
	if changed && v.onResize != nil {
		v.onResize()
	}
}

// Pixels is the view's size in pixels; safe from any goroutine.
func (v *FigureView) Pixels() image.Point {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.pixels
}

// Tapped reports the tap's position in pixels.
func (v *FigureView) Tapped(ev *fyne.PointEvent) {
	if v.onTap != nil {
		sc := v.scale()
		v.onTap(image.Pt(int(ev.Position.X*sc), int(ev.Position.Y*sc)))
	}
}

// Dragged reports a drag by its movement and the view's width, both in
// Fyne units (a drag turns the surface view).
func (v *FigureView) Dragged(ev *fyne.DragEvent) {
	if v.gestures.drag != nil {
		v.gestures.drag(ev.Dragged.DX, ev.Dragged.DY, v.Size().Width)
	}
}

// DragEnd reports the end of a drag.
func (v *FigureView) DragEnd() {
	if v.gestures.dragEnd != nil {
		v.gestures.dragEnd()
	}
}

// Scrolled reports the scroll in wheel notches, positive away from the
// user (a scroll zooms the surface view).
func (v *FigureView) Scrolled(ev *fyne.ScrollEvent) {
	if v.gestures.scroll != nil && ev.Scrolled.DY != 0 {
		v.gestures.scroll(float64(ev.Scrolled.DY) / scrollNotch)
	}
}

// DoubleTapped reports a double tap's position in pixels (it resets the
// surface view's camera).
func (v *FigureView) DoubleTapped(ev *fyne.PointEvent) {
	if v.gestures.doubleTap != nil {
		sc := v.scale()
		v.gestures.doubleTap(image.Pt(int(ev.Position.X*sc), int(ev.Position.Y*sc)))
	}
}

// show puts img on screen; call on the main goroutine.
func (v *FigureView) show(img image.Image) {
	v.image.Image = img
	v.image.Refresh()
}

// Image returns the image on screen; call on the main goroutine.
func (v *FigureView) Image() image.Image { return v.image.Image }

// MouseIn implements desktop.Hoverable.
func (v *FigureView) MouseIn(ev *desktop.MouseEvent) { v.MouseMoved(ev) }

// MouseMoved shows the read-out of the point under the pointer (what
// gestures.hover says about it) in a small label beside the pointer, kept
// inside the view; nothing there hides it.
func (v *FigureView) MouseMoved(ev *desktop.MouseEvent) {
	if v.gestures.hover == nil {
		return
	}
	sc := v.scale()
	text, ok := v.gestures.hover(image.Pt(int(ev.Position.X*sc), int(ev.Position.Y*sc)))
	if !ok {
		v.hideTip()
		return
	}
	v.Tip.SetText(text)
	size := v.tipBox.MinSize()
	pos := ev.Position.Add(fyne.NewPos(14, 14))
	if pos.X+size.Width > v.Size().Width {
		pos.X = ev.Position.X - 14 - size.Width
	}
	if pos.Y+size.Height > v.Size().Height {
		pos.Y = ev.Position.Y - 14 - size.Height
	}
	v.tipBox.Resize(size)
	v.tipBox.Move(pos)
	v.tipBox.Show()
	canvas.Refresh(v.tipLayer) // a container's Show does not repaint; the image needs none
}

// hideTip hides the read-out and repaints where it was.
func (v *FigureView) hideTip() {
	if v.tipBox.Visible() {
		v.tipBox.Hide()
		canvas.Refresh(v.tipLayer)
	}
}

// MouseOut implements desktop.Hoverable: the read-out goes with the
// pointer.
func (v *FigureView) MouseOut() { v.hideTip() }
