package plotting

import (
	"image"
	"image/color"
	"math"
	"sort"

	"gonum.org/v1/plot/vg"
	vgdraw "gonum.org/v1/plot/vg/draw"
)

// surfaceVectorN is the mesh size of the vector (SVG, PDF) surface: every
// triangle is a path in the file, so it is coarser than the raster mesh.
const surfaceVectorN = 60

// vprim is one thing the vector surface draws, at its depth: a face (with
// its contour line pieces), a piece of a path, or a marker. The painter's
// algorithm draws them from the farthest to the nearest.
type vprim struct {
	depth float64
	face  bool // a face of the mesh (for the tests)
	draw  func(sc surfCanvas)
}

// writeSurfaceVector draws the surface panel r of the figure on c (the
// panel's part of a vector canvas): the back panes, then the faces, paths
// and markers back to front, then the axes and the legend.
func writeSurfaceVector(c vgdraw.Canvas, r image.Rectangle, s *Scene, o Options) {
	th := mainTheme(o, 2)
	fillColor(c, th.bg)
	mesh := newSurfaceMesh(s, viewBox(s), surfaceVectorN)
	fr := &surfaceFrame{pr: newProjector(o.Camera, r.Dx(), r.Dy(), o), mesh: mesh}
	sc := surfCanvas{c: c, hpx: r.Dy(), dpi: o.DPI}
	ax := newSurfaceAxes(mesh, o.labels())
	ax.names = s.axisNames()
	ax.drawPanes(sc, fr.pr, th)
	prims := surfaceFaces(mesh, fr.pr, th)
	var occupied, marks []vg.Point
	prims = append(prims, vectorRuns(sc, fr, s, o, th, &occupied, &marks)...)
	prims = append(prims, vectorMinima(fr, s, th)...)
	sortPrims(prims)
	for _, p := range prims {
		p.draw(sc)
	}
	ax.drawAxes(sc, fr.pr, th)
	marks = append(marks, drawNote(cropMargin(c, o.Scale), projectionNote(s, o.labels()), th)...)
	drawLegend(cropMargin(c, o.Scale), legendEntries(s, th, o.labels()), occupied, marks, th)
}

// sortPrims orders the primitives from the farthest to the nearest.
func sortPrims(prims []vprim) {
	sort.SliceStable(prims, func(i, j int) bool { return prims[i].depth < prims[j].depth })
}

// surfaceFaces returns the mesh's triangles as flat-coloured faces (the
// mean of their vertices' lit colours) with the pieces of the contour lines
// that cross them; triangles touching a hole are left out.
func surfaceFaces(m *surfaceMesh, pr projector, th *theme) []vprim {
	vs := m.screenVertices(pr)
	n := m.n
	cs := th.contour
	line := vgdraw.LineStyle{Color: cs, Width: vg.Length(th.contourW * th.scale)}
	out := make([]vprim, 0, 2*(n-1)*(n-1))
	// Vector canvases cannot clip: a face reaching out of the panel (the
	// camera zoomed in) is left out rather than drawn over its neighbour.
	w, h := float32(2*pr.cx), float32(2*pr.cy)
	inside := func(v svert) bool { return v.x >= 0 && v.y >= 0 && v.x <= w && v.y <= h }
	add := func(a, b, c svert) {
		if a.z != a.z || b.z != b.z || c.z != c.z || !inside(a) || !inside(b) || !inside(c) {
			return
		}
		col := color.RGBA{clamp8((a.r + b.r + c.r) / 3), clamp8((a.g + b.g + c.g) / 3), clamp8((a.b + b.b + c.b) / 3), 0xFF}
		out = append(out, vprim{depth: float64(a.z+b.z+c.z) / 3, face: true, draw: func(sc surfCanvas) {
			var p vg.Path
			p.Move(sc.pt(float64(a.x), float64(a.y)))
			p.Line(sc.pt(float64(b.x), float64(b.y)))
			p.Line(sc.pt(float64(c.x), float64(c.y)))
			p.Close()
			sc.c.SetColor(col)
			sc.c.Fill(p)
			// A hairline of the same colour closes the seams viewers
			// leave between anti-aliased neighbours.
			sc.c.SetLineStyle(vgdraw.LineStyle{Color: col, Width: 0.3})
			sc.c.Stroke(p)
		}})
		// Contour pieces a little nearer than their face, so that the
		// seams of its neighbours do not cut them.
		for _, seg := range levelCrossings(a, b, c) {
			out = append(out, vprim{depth: float64(max(a.z, b.z, c.z)) + 0.004, draw: func(sc surfCanvas) {
				sc.c.StrokeLines(line, []vg.Point{sc.pt(seg[0], seg[1]), sc.pt(seg[2], seg[3])})
			}})
		}
	}
	for j := 0; j+1 < n; j++ {
		for i := 0; i+1 < n; i++ {
			a, b, c, d := vs[j*n+i], vs[j*n+i+1], vs[(j+1)*n+i], vs[(j+1)*n+i+1]
			add(a, b, d)
			add(a, d, c)
		}
	}
	return out
}

// levelCrossings returns the pieces (x0, y0, x1, y1 in pixels) of the
// contour lines (the integers of the contour coordinate) crossing the
// triangle abc.
func levelCrossings(a, b, c svert) [][4]float64 {
	lo := math.Ceil(float64(min(a.c, b.c, c.c)))
	hi := float64(max(a.c, b.c, c.c))
	var out [][4]float64
	for l := lo; l <= hi; l++ {
		var pts [][2]float64
		for _, e := range [3][2]svert{{a, b}, {b, c}, {c, a}} {
			p, q := e[0], e[1]
			cp, cq := float64(p.c), float64(q.c)
			if (cp < l) == (cq < l) || cp == cq {
				continue
			}
			t := (l - cp) / (cq - cp)
			pts = append(pts, [2]float64{float64(p.x) + t*float64(q.x-p.x), float64(p.y) + t*float64(q.y-p.y)})
		}
		if len(pts) >= 2 {
			out = append(out, [4]float64{pts[0][0], pts[0][1], pts[1][0], pts[1][1]})
		}
	}
	return out
}

// vectorRuns returns the runs' path segments and markers as primitives
// (nearer than the surface they lie on by the depth bias), collecting the
// legend's occupied points and marks.
func vectorRuns(sc0 surfCanvas, fr *surfaceFrame, s *Scene, o Options, th *theme, occupied, marks *[]vg.Point) []vprim {
	var out []vprim
	mk := th.mark
	sc1 := vg.Length(o.Scale)
	for _, v := range positionRuns(s) {
		cur := v.upTo(s.Current)
		if cur < 0 {
			continue
		}
		col := th.runColor(v.index)
		sp := newSurfPath(fr, s, v, cur)
		for _, piece := range sp.pieces {
			for _, ch := range pathChunks(piece) {
				out = append(out, vprim{depth: ch.depth, draw: func(sc surfCanvas) {
					pts := make([]vg.Point, len(ch.pts))
					for i, p := range ch.pts {
						pts[i] = sc.pt(p.x, p.y)
					}
					if th.edgeW > 0 {
						sc.c.StrokeLines(vgdraw.LineStyle{Color: th.edge, Width: vg.Length(th.haloW+2*th.edgeW) * sc1}, pts)
					}
					sc.c.StrokeLines(vgdraw.LineStyle{Color: th.halo, Width: vg.Length(th.haloW) * sc1}, pts)
					sc.c.StrokeLines(vgdraw.LineStyle{Color: col, Width: vg.Length(th.pathW) * sc1}, pts)
				}})
			}
			for _, p := range piece {
				*occupied = append(*occupied, sc0.pt(p.x, p.y))
			}
		}
		for _, e := range sp.exits {
			out = append(out, vprim{depth: e.z + surfBias, draw: func(sc surfCanvas) {
				p := sc.pt(e.x, e.y)
				sc.c.SetColor(th.halo)
				sc.c.Fill(circlePath(p, vg.Length(4.5*mk)*sc1*0.75))
				cross(sc.c, p, vg.Length(3*mk)*sc1, col, vg.Length(1.8*mk)*sc1)
			}})
		}
		if p := sp.start; p != nil {
			*marks = append(*marks, sc0.pt(p.x, p.y))
			out = append(out, vprim{depth: p.z + surfBias, draw: func(sc surfCanvas) {
				ring(sc.c, th, sc.pt(p.x, p.y), vg.Length(4.5*mk)*sc1, col)
			}})
		}
		if p := sp.cur; p != nil {
			*marks = append(*marks, sc0.pt(p.x, p.y))
			last := cur == v.n-1 && cur > 0
			// The arrows reach out over the surface around the point: they
			// are drawn over anything less than arrowLift nearer.
			out = append(out, vprim{depth: p.z + arrowLift, draw: func(sc surfCanvas) {
				surfaceArrows(sc, fr, s, o, v, cur, *p, sp.world, col, th)
			}})
			out = append(out, vprim{depth: p.z + arrowLift, draw: func(sc surfCanvas) {
				pc := sc.pt(p.x, p.y)
				dot(sc.c, th, pc, vg.Length(5.5*mk)*sc1, col, 1.6*sc1)
				if last {
					cross(sc.c, pc, vg.Length(4*mk)*sc1, white, vg.Length(1.6*mk)*sc1)
				}
			}})
		}
	}
	return out
}

// arrowLift is how much nearer than its point (world units) the vector
// output draws a current point's ball and arrows.
const arrowLift = 0.15

// pathChunk is a polyline of a path drawn as one primitive.
type pathChunk struct {
	pts   []zpoint
	depth float64
}

// pathChunkPx is the screen length, in pixels, of a path's chunks: one
// stroke each (a halo stroked per segment would cover the colour of the
// previous segment), short enough for the surface to hide them one by one.
const pathChunkPx = 12

// pathChunks cuts a path piece into chunks of about pathChunkPx, sharing
// their end points, each at the depth of its nearest point plus the bias.
func pathChunks(piece []zpoint) []pathChunk {
	var out []pathChunk
	start, l := 0, 0.0
	for i := 1; i < len(piece); i++ {
		l += math.Hypot(piece[i].x-piece[i-1].x, piece[i].y-piece[i-1].y)
		if l >= pathChunkPx || i == len(piece)-1 {
			ch := pathChunk{pts: piece[start : i+1], depth: math.Inf(-1)}
			for _, p := range ch.pts {
				ch.depth = max(ch.depth, p.z+surfBias)
			}
			out = append(out, ch)
			start, l = i, 0
		}
	}
	return out
}

// vectorMinima returns the minimum markers as primitives.
func vectorMinima(fr *surfaceFrame, s *Scene, th *theme) []vprim {
	var out []vprim
	b := fr.mesh.box
	for _, m := range s.Minima {
		x, y := m[0], m[1]
		if !finite(x) || !finite(y) || x < b.XMin || x > b.XMax || y < b.YMin || y > b.YMax {
			continue
		}
		w := fr.mesh.world(x, y, s.eval(x, y))
		if !inWorldBox(w) {
			continue
		}
		px, py, z := fr.pr.project(w)
		out = append(out, vprim{depth: z + surfBias, draw: func(sc surfCanvas) {
			diamond(sc.c, sc.pt(px, py), vg.Length(3.5*th.mark*th.scale), th)
		}})
	}
	return out
}
