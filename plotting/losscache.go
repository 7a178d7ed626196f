package plotting

import (
	"fmt"
	"image"
	"image/draw"
	"math"
	"strings"

	vgdraw "gonum.org/v1/plot/vg/draw"
)

// lossCacheSize is the number of loss frames a Renderer keeps. Each holds
// references to the run slices it was built from, so keep it small.
const lossCacheSize = 4

// lossFrame is a loss panel without its curves (background, grid, axes,
// labels: what framePlot draws), with its transform and loss axis. During
// playback only the current step changes, so every frame copies it and
// draws just the curves.
type lossFrame struct {
	img *image.RGBA
	pn  panel
	ax  *lossAxis
	// groups are the decimated curves of the whole runs, by run index.
	groups map[int][]lossGroup
	// refs keeps the slices named (by address) in the cache key alive, so
	// that no other slice can take their address while the entry exists.
	refs []any
}

// lossKey identifies everything the loss frame depends on: the scene key,
// size and options (with the axis words of the labels), f*, and for every
// visible run its colour index, its divergence step and the identity of its
// F and K slices (address, length, first and last value). Runs may grow
// between frames (an append-only prefix, as while a run is computing): the
// length changes then. The current step and the legend (run labels,
// divergence notes) are not part of it (they are drawn per frame).
// The second result holds the slices named in the key.
func lossKey(s *Scene, o Options, runs []runView) (string, []any) {
	var b strings.Builder
	fmt.Fprintf(&b, "%q|%q|%dx%d|%g|%g|%v|%v|%s", s.Key, s.valueLabel, o.Width, o.Height, o.DPI, o.Scale, o.LogLoss, themeKey(o), o.labels().key())
	if s.FMin != nil {
		fmt.Fprintf(&b, "|f*=%x", math.Float64bits(*s.FMin))
	}
	refs := make([]any, 0, 2*len(runs))
	for _, v := range runs {
		f, k := v.r.F, v.r.K
		fmt.Fprintf(&b, "|%d:%d:%d:%p", v.index, v.r.DivergedAt, len(f), f)
		if len(f) > 0 {
			fmt.Fprintf(&b, ":%x:%x", math.Float64bits(f[0]), math.Float64bits(f[len(f)-1]))
		}
		fmt.Fprintf(&b, ":%d:%p", len(k), k)
		if len(k) > 0 {
			fmt.Fprintf(&b, ":%d", k[len(k)-1])
		}
		refs = append(refs, f, k)
	}
	return b.String(), refs
}

// renderLoss draws the loss panel into img: the frame (cached for scenes
// with a Key, built in place otherwise), then the curves up to the current
// step. It returns the panel's data area.
func (r *Renderer) renderLoss(img *image.RGBA, s *Scene, o Options, legend bool) panel {
	runs := lossRuns(s)
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var fr *lossFrame
	if s.Key == "" {
		lf := &lossFig{s: s, o: o, runs: runs, ax: newLossAxis(s, runs, o.LogLoss, o.labels()), legend: legend}
		fr = &lossFrame{img: img, ax: lf.ax}
		fr.pn = drawLossFrame(img, lf)
	} else {
		key, refs := lossKey(s, o, runs)
		key = fmt.Sprintf("%s|%dx%d", key, w, h)
		fr = r.loss.get(key, func() *lossFrame {
			ax := newLossAxis(s, runs, o.LogLoss, o.labels())
			fimg := image.NewRGBA(image.Rect(0, 0, w, h))
			pn := drawLossFrame(fimg, &lossFig{s: s, o: o, runs: runs, ax: ax})
			groups := make(map[int][]lossGroup, len(runs))
			for _, v := range runs {
				groups[v.index] = lossGroups(pn, v, ax, 0, v.n-1)
			}
			return &lossFrame{img: fimg, pn: pn, ax: ax, groups: groups, refs: refs}
		})
		rowW := 4 * w
		for y := range h {
			copy(img.Pix[y*img.Stride:y*img.Stride+rowW], fr.img.Pix[y*fr.img.Stride:y*fr.img.Stride+rowW])
		}
	}
	lf := &lossFig{s: s, o: o, runs: runs, ax: fr.ax, legend: legend, groups: fr.groups}
	rc := newRasterCanvas(img, o.DPI)
	lf.drawCurves(vgdraw.Canvas{Canvas: rc, Rectangle: fr.pn.rect}, fr.pn)
	return fr.pn
}

// drawLossFrame paints the background and framePlot of lf on img and
// returns the data area.
func drawLossFrame(img *image.RGBA, lf *lossFig) panel {
	draw.Draw(img, img.Rect, image.NewUniform(lf.theme().bg), image.Point{}, draw.Src)
	p := lf.framePlot()
	pn := plotPanel(p, img.Rect.Dx(), img.Rect.Dy(), lf.o.DPI, lf.o.Scale)
	rc := newRasterCanvas(img, lf.o.DPI)
	p.Draw(cropMargin(vgdraw.New(rc), lf.o.Scale))
	return pn
}
