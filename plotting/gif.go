package plotting

import (
	"image"
	"image/color"
	"image/gif"
	"io"
	"math"
	"sort"
	"time"
)

// holdLast is how long the last GIF frame stays, in 1/100 s.
const holdLast = 100

// frameSteps returns the steps shown by the animation frames: every k-th
// step so that the animation has about frames frames, always ending on the
// last step.
func frameSteps(s *Scene, frames int) []int {
	last := 0
	for _, v := range visibleRuns(s, func(r *Run) int { return max(len(r.X), len(r.F)) }) {
		if v.n > 0 {
			last = max(last, v.k(v.n-1))
		}
	}
	frames = max(frames, 1)
	k := max(1, int(math.Ceil(float64(last+1)/float64(frames))))
	var steps []int
	for st := 0; st < last; st += k {
		steps = append(steps, st)
	}
	return append(steps, last)
}

// writeGIF renders the animation: one frame per k steps so that it lasts
// anim.Duration at anim.FPS, the last frame held a second. Frames share one
// palette computed from the last (fullest) frame and are mapped through a
// colour look-up table (no dithering: fast, and flat areas stay flat).
func writeGIF(w io.Writer, s *Scene, o Options, anim Animation) error {
	if anim.Duration <= 0 {
		anim.Duration = 5 * time.Second
	}
	if anim.FPS <= 0 || anim.FPS > 100 {
		anim.FPS = 20
	}
	frames := int(math.Round(anim.Duration.Seconds() * float64(anim.FPS)))
	steps := frameSteps(s, frames)
	if o.View == ViewHError {
		steps = steps[len(steps)-1:] // a still figure: one frame
	}
	sc := *s
	if sc.Key == "" {
		sc.Key = "\x00gif" // one function per call: the fresh renderer may cache it
	}
	r := NewRenderer()
	img := image.NewRGBA(image.Rect(0, 0, o.Width, o.Height))
	sc.Current = steps[len(steps)-1]
	if _, err := r.Render(img, &sc, o); err != nil {
		return err
	}
	pal := buildPalette(img, themeOf(o))
	lut := newColorLUT(pal)
	delay := max(1, int(math.Round(100/float64(anim.FPS))))
	out := &gif.GIF{LoopCount: 0}
	for i, st := range steps {
		sc.Current = st
		if _, err := r.Render(img, &sc, o); err != nil {
			return err
		}
		out.Image = append(out.Image, lut.quantize(img, pal))
		d := delay
		if i == len(steps)-1 {
			d += holdLast
		}
		out.Delay = append(out.Delay, d)
	}
	return gif.EncodeAll(w, out)
}

// buildPalette returns 256 colours: the fixed colours of the figures (the
// theme's background, foreground and grid, white, greys, black, the run
// colours), then the most frequent colours of img at 5 bits per channel.
func buildPalette(img *image.RGBA, th *theme) color.Palette {
	var pal color.Palette
	for _, c := range []color.RGBA{th.bg, th.fg, th.grid, white, black, darkGrey, midGrey, lightGrey} {
		if nearestDist(pal, c) > 0 {
			pal = append(pal, c)
		}
	}
	for i := range maxRuns {
		pal = append(pal, th.runColor(i))
	}
	for g := 0x10; g < 0xFF; g += 0x20 {
		pal = append(pal, color.RGBA{uint8(g), uint8(g), uint8(g), 0xFF})
	}
	var hist [1 << 15]int
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y++ {
		row := img.Pix[img.PixOffset(b.Min.X, y):img.PixOffset(b.Max.X, y)]
		for i := 0; i+3 < len(row); i += 4 {
			hist[int(row[i]>>3)<<10|int(row[i+1]>>3)<<5|int(row[i+2]>>3)]++
		}
	}
	bins := make([]int, 0, 4096)
	for i, n := range hist {
		if n > 0 {
			bins = append(bins, i)
		}
	}
	sort.Slice(bins, func(i, j int) bool { return hist[bins[i]] > hist[bins[j]] })
	for _, bin := range bins {
		if len(pal) >= 256 {
			break
		}
		c := color.RGBA{uint8(bin>>10)<<3 | 4, uint8(bin>>5&31)<<3 | 4, uint8(bin&31)<<3 | 4, 0xFF}
		if nearestDist(pal, c) > 48 {
			pal = append(pal, c)
		}
	}
	return pal
}

// nearestDist returns the squared RGB distance from c to the nearest palette
// entry.
func nearestDist(pal color.Palette, c color.RGBA) int {
	best := math.MaxInt
	for _, p := range pal {
		q := p.(color.RGBA)
		dr, dg, db := int(q.R)-int(c.R), int(q.G)-int(c.G), int(q.B)-int(c.B)
		best = min(best, dr*dr+dg*dg+db*db)
	}
	return best
}

// colorLUT maps a colour at 5 bits per channel to its nearest palette index.
type colorLUT [1 << 15]uint8

// newColorLUT precomputes the nearest palette entry of every 5-bit colour.
func newColorLUT(pal color.Palette) *colorLUT {
	var lut colorLUT
	for i := range lut {
		c := color.RGBA{uint8(i>>10)<<3 | 4, uint8(i>>5&31)<<3 | 4, uint8(i&31)<<3 | 4, 0xFF}
		lut[i] = uint8(pal.Index(c))
	}
	return &lut
}

// quantize maps img to a paletted image through the table.
func (lut *colorLUT) quantize(img *image.RGBA, pal color.Palette) *image.Paletted {
	b := img.Bounds()
	out := image.NewPaletted(image.Rect(0, 0, b.Dx(), b.Dy()), pal)
	for y := 0; y < b.Dy(); y++ {
		row := img.Pix[img.PixOffset(b.Min.X, b.Min.Y+y):img.PixOffset(b.Max.X, b.Min.Y+y)]
		dst := out.Pix[y*out.Stride : y*out.Stride+b.Dx()]
		for x := range dst {
			i := 4 * x
			dst[x] = lut[int(row[i]>>3)<<10|int(row[i+1]>>3)<<5|int(row[i+2]>>3)]
		}
	}
	return out
}
