package plotting

import (
	"bufio"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"

	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgpdf"
	"gonum.org/v1/plot/vg/vgsvg"
)

// SaveFile writes the figure to path, in the format named by its extension
// (case-insensitive): .png (the image Render draws), .svg and .pdf (vector),
// or .gif (an animation of the runs, see Animation). Any other extension is
// an error naming the supported ones. The file is only created once the
// scene and options have been checked.
func SaveFile(path string, s *Scene, o Options, anim Animation) (err error) {
	ext := strings.ToLower(filepath.Ext(path))
	switch ext {
	case ".png", ".svg", ".pdf", ".gif":
	default:
		return fmt.Errorf("unsupported file type %q: use .png, .svg, .pdf or .gif", filepath.Ext(path))
	}
	if s == nil {
		return errors.New("plotting: nil scene")
	}
	o = o.normalized()
	if err := checkView(o.View); err != nil {
		return err
	}
	if err := checkScene(s, o); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	w := bufio.NewWriter(f)
	if err := Write(w, ext, s, o, anim); err != nil {
		return err
	}
	return w.Flush()
}

// Write encodes the figure in the format named by ext (".png", ".svg",
// ".pdf" or ".gif") to w; SaveFile is Write to a file.
func Write(w io.Writer, ext string, s *Scene, o Options, anim Animation) error {
	if s == nil {
		return errors.New("plotting: nil scene")
	}
	o = o.normalized()
	if err := checkView(o.View); err != nil {
		return err
	}
	if err := checkScene(s, o); err != nil {
		return err
	}
	o = surfaceFallback(o, s)
	switch strings.ToLower(ext) {
	case ".png":
		img, err := NewRenderer().Render(nil, s, o)
		if err != nil {
			return err
		}
		return (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(w, img)
	case ".svg", ".pdf":
		return writeVector(w, strings.ToLower(ext), s, o)
	case ".gif":
		return writeGIF(w, s, o, anim)
	}
	return fmt.Errorf("unsupported file type %q: use .png, .svg, .pdf or .gif", ext)
}

// vectorCanvas is a vg canvas that can write itself out.
type vectorCanvas interface {
	vg.CanvasSizer
	io.WriterTo
}

// writeVector draws the figure with gonum's SVG or PDF back end. The same
// plot builders and overlay code as the raster path are used; the heat map
// is embedded as an image.
func writeVector(w io.Writer, ext string, s *Scene, o Options) error {
	wPt := vg.Length(float64(o.Width)/o.DPI) * vg.Inch
	hPt := vg.Length(float64(o.Height)/o.DPI) * vg.Inch
	var cv vectorCanvas
	if ext == ".svg" {
		cv = vgsvg.New(wPt, hPt)
	} else {
		pdf := vgpdf.New(wPt, hPt)
		pdf.EmbedFonts(true)
		cv = pdf
	}
	dc := vgdraw.New(cv)
	if isCoords(o.View) || isData(o.View) {
		if isCoords(o.View) {
			writeCoordsVector(dc, s, o)
		} else {
			writeDataVector(dc, s, o)
		}
		_, err := cv.WriteTo(w)
		return err
	}
	mainR, lossR := layout(o, s.dims())
	bg := themeOf(o).bg
	if o.View == ViewHError {
		pc := pointsCanvas(dc, image.Rect(0, 0, o.Width, o.Height), o)
		fillColor(pc, bg)
		hErrorPlot(s, o, themeOf(o).plain()).Draw(cropMargin(pc, o.Scale))
	}
	if !mainR.Empty() && isSurface(o.View) {
		writeSurfaceVector(pointsCanvas(dc, mainR, o), mainR, s, o)
	} else if !mainR.Empty() {
		pc := pointsCanvas(dc, mainR, o)
		fillColor(pc, bg)
		mf := newMainFig(s, viewBox(s))
		th := mainTheme(o, s.dims())
		if fieldOn(s, o) {
			mf.field = fieldPlotter{s: s, th: th}
		}
		p := mf.plot(th, true)
		p.Add(overlayPlotter{s: s, o: o, legend: true})
		p.Draw(aspectCanvas(p, cropMargin(pc, o.Scale), mf.dims, mf.box, o))
	}
	lossR, rateR := splitRate(lossR, s, o)
	if !lossR.Empty() {
		pc := pointsCanvas(dc, lossR, o)
		fillColor(pc, bg)
		lp, lc := newLossFig(s, o, mainR.Empty()).plot(), cropMargin(pc, o.Scale)
		lp.Draw(lc)
		if !rateR.Empty() {
			writeRateVector(dc, rateR, s, o, lp.DataCanvas(lc).Rectangle)
		}
	}
	_, err := cv.WriteTo(w)
	return err
}

// pointsCanvas returns the part of dc covering the pixel rectangle r of an
// o.Width × o.Height image (y down) in canvas points (y up).
func pointsCanvas(dc vgdraw.Canvas, r image.Rectangle, o Options) vgdraw.Canvas {
	pt := func(px int) vg.Length { return vg.Length(float64(px)/o.DPI) * vg.Inch }
	c := dc
	c.Rectangle = vg.Rectangle{
		Min: vg.Point{X: pt(r.Min.X), Y: pt(o.Height - r.Max.Y)},
		Max: vg.Point{X: pt(r.Max.X), Y: pt(o.Height - r.Min.Y)},
	}
	return c
}

// fillColor paints the canvas area in col.
func fillColor(c vgdraw.Canvas, col color.Color) {
	c.SetColor(col)
	c.Fill(c.Rectangle.Path())
}
