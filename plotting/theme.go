package plotting

import (
	"fmt"
	"image/color"
)

// theme is the look of a figure, from the options: colours of the
// background, axes, text and grid (light or dark), and the widths and sizes
// of lines and markers (normal or high contrast), all times the scale. The
// heat map is the same in every theme.
type theme struct {
	scale float64
	dark  bool // Options.Dark
	hc    bool // Options.HighContrast

	bg         color.RGBA  // figure background
	fg         color.RGBA  // axes, ticks, labels, the 1-D curve, legend text
	grid       color.RGBA  // grid lines
	legendBg   color.NRGBA // legend box
	legendEdge color.RGBA  // legend frame
	contour    color.NRGBA // contour lines (over the heat map)
	contourW   float64     // contour line width (points at scale 1)
	axisW      float64     // axis and tick width
	curveW     float64     // width of f(x) in the curve view
	arrowClr   color.RGBA  // gradient arrow
	minimaEdge color.RGBA  // outline of the minimum markers
	fieldClr   color.NRGBA // gradient field arrows (Options.Field)
	fieldEdge  color.NRGBA // their dark casing, so they read on every colour of the heat map
	fieldW     float64     // field arrow shaft width
	fieldEdgeW float64     // width of the casing each side
	runs       [maxRuns]color.RGBA

	// Trajectories and markers.
	pathW  float64    // trajectory line width
	haloW  float64    // width of the halo under it
	lossW  float64    // loss curve width
	mark   float64    // marker size factor
	halo   color.RGBA // halo of paths, rings of markers (set per panel)
	edge   color.RGBA // outer edge around the halo (high contrast)
	edgeW  float64    // its width each side; 0 = none
	textPt float64    // legend text size
}

// Dark theme colours: a dark grey figure, light text.
var (
	darkBg    = color.RGBA{0x24, 0x25, 0x28, 0xFF}
	darkFg    = color.RGBA{0xE4, 0xE4, 0xE4, 0xFF}
	darkGrid  = color.RGBA{0x3E, 0x40, 0x44, 0xFF}
	darkEdge  = color.RGBA{0x5A, 0x5C, 0x60, 0xFF}
	darkBlack = color.RGBA{0xC8, 0xC8, 0xC8, 0xFF} // the palette's black run, readable on dark grey
)

// themeOf returns the theme of (normalized) options. The halo is the one of
// the contour panel (white, to read on the heat map); see plain.
func themeOf(o Options) *theme {
	th := &theme{
		scale: o.Scale, dark: o.Dark, hc: o.HighContrast,
		bg: white, fg: darkGrey, grid: lightGrey,
		legendBg: color.NRGBA{0xFF, 0xFF, 0xFF, 0xE0}, legendEdge: lightGrey,
		contour: contourClr, contourW: 0.6, axisW: 0.8, curveW: 1.6,
		arrowClr: darkGrey, minimaEdge: darkGrey, runs: okabeIto,
		pathW: 1.8, haloW: 3.6, lossW: 1.8, mark: 1, halo: halo, textPt: 10,
		fieldClr: color.NRGBA{0xF4, 0xF4, 0xF4, 0xF0}, fieldEdge: color.NRGBA{0x1A, 0x1A, 0x1A, 0xA0},
		fieldW: 0.8, fieldEdgeW: 0.45,
	}
	if o.Dark {
		th.bg, th.fg, th.grid = darkBg, darkFg, darkGrid
		th.legendBg, th.legendEdge = color.NRGBA{0x24, 0x25, 0x28, 0xE0}, darkEdge
		th.runs[maxRuns-1] = darkBlack
	}
	if o.HighContrast {
		th.fg = black
		if o.Dark {
			th.fg = white
		}
		th.contour, th.contourW = color.NRGBA{0xFF, 0xFF, 0xFF, 0xC8}, 1.1
		th.axisW, th.curveW = 1.2, 2.4
		th.arrowClr, th.minimaEdge = black, black
		th.pathW, th.haloW, th.lossW, th.mark = 3, 5.6, 2.8, 1.45
		th.edge, th.edgeW = black, 1
		th.fieldClr, th.fieldEdge = color.NRGBA{0xFF, 0xFF, 0xFF, 0xFF}, color.NRGBA{0x00, 0x00, 0x00, 0xFF}
		th.fieldW, th.fieldEdgeW = 1.2, 0.7
		th.textPt = 11
	}
	return th
}

// plain returns the theme for a panel without the heat map (curve, loss):
// halos and marker rings in the background colour.
func (th *theme) plain() *theme {
	c := *th
	c.halo = th.bg
	if th.dark {
		c.edgeW = 0 // a black edge would vanish on the dark grey
	}
	return &c
}

// mainTheme returns the theme of the main panel: the contour panel's halos
// read on the heat map, the curve panel's are the background.
func mainTheme(o Options, dims int) *theme {
	th := themeOf(o)
	if dims == 1 {
		return th.plain()
	}
	return th
}

// runColor returns the colour of the i-th run in this theme.
func (th *theme) runColor(i int) color.RGBA { return th.runs[((i%maxRuns)+maxRuns)%maxRuns] }

// themeKey is the part of the options that changes colours and widths (for
// the cache keys).
func themeKey(o Options) string { return fmt.Sprintf("dark=%v,hc=%v", o.Dark, o.HighContrast) }

// RunColor is the colour of the i-th run in figures drawn with these
// options: RunColor(i), except that with Dark the palette's black (the
// eighth run) is drawn light grey, to read on the dark background.
func (o Options) RunColor(i int) color.RGBA { return themeOf(o.normalized()).runColor(i) }
