package session

import (
	"fmt"
	"strings"

	"gdlab/figure"
	"gdlab/optimizer"
	"gdlab/plotting"
)

// ndScene is the figure of a function of more than two variables, cached
// while the runs, their lengths, the selection and the projection stay as
// they are (projecting every point and finding the plane of a path are
// too dear for every frame).
type ndScene struct {
	key   string
	scene *plotting.Scene
}

// SetProjection chooses how the contour and surface views show a function
// of more than two variables: a slice or the plane of the selected run's
// path.
func (s *Session) SetProjection(p figure.Projection) {
	s.change(func() {
		s.proj, s.nd, s.view = p, ndScene{}, nil
	})
}

// Projection is the projection in use.
func (s *Session) Projection() figure.Projection {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.proj
}

// tracesLocked are the computed runs as the figure package takes them.
func (s *Session) tracesLocked() []figure.Trace {
	traces := make([]figure.Trace, len(s.runs))
	for i, r := range s.runs {
		traces[i] = figure.Trace{Config: r.cfg, Points: r.points, DivergedAt: -1, Hidden: r.hidden}
		if r.res != nil {
			traces[i].DivergedAt = r.res.DivergedAt
		}
	}
	return traces
}

// sceneNLocked is the figure of the computed runs of a function of n > 2
// variables at step k.
func (s *Session) sceneNLocked(k int) *plotting.Scene {
	var b strings.Builder
	fmt.Fprintf(&b, "%v|%d|%v", s.proj, s.selected, s.computing)
	if s.proj.Kind == plotting.ProjectionSlice && s.proj.Held == plotting.HeldAtCurrent {
		fmt.Fprintf(&b, "|k%d", k)
	}
	for _, r := range s.runs {
		fmt.Fprintf(&b, "|%d,%v", len(r.points), r.hidden)
	}
	if key := b.String(); s.nd.scene == nil || s.nd.key != key {
		s.nd = ndScene{key: key, scene: figure.SceneN(s.computed, s.tracesLocked(), k, s.selected, s.proj)}
	}
	sc := *s.nd.scene
	sc.Current = k
	return &sc
}

// startAtLocked is the start point of a tap at (a, b) on the figure of a
// function of n > 2 variables: that point of the plane shown.
func (s *Session) startAtLocked(a, b float64) []float64 {
	return figure.PlanePoint(s.computed, s.tracesLocked(), int(s.k), s.selected, s.proj, a, b)
}

// startTapped is config c started at the tap x on the figure of a
// function of dims variables.
func (s *Session) startTapped(c optimizer.Config, x [2]float64, dims int) optimizer.Config {
	if dims <= 2 || s.computed.F == nil || s.computed.F.Dims() != dims {
		c.Start, c.StartMore = x, nil
		return c
	}
	c.SetStart(s.startAtLocked(x[0], x[1]))
	return c
}
