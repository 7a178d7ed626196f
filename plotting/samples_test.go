package plotting

import "testing"

// TestSamplesCapTheBackground: Scene.Samples caps the background's and the
// surface's lattice (never below 8), and the lattice is the function's
// values wherever its rows were computed (in parallel).
func TestSamplesCapTheBackground(t *testing.T) {
	f := func(x, y float64) float64 { return x*x + 3*y }
	box := Box{XMin: -1, XMax: 1, YMin: 0, YMax: 2}
	for _, tc := range []struct{ samples, want int }{{0, 200}, {20, 20}, {3, 8}, {500, 200}} {
		s := &Scene{F: f, Dims: 2, Samples: tc.samples}
		g := sampleGrid(s, box, gridN)
		if g.nx != tc.want || g.ny != tc.want || len(g.v) != tc.want*tc.want {
			t.Fatalf("Samples %d: a %d×%d grid, want %d", tc.samples, g.nx, g.ny, tc.want)
		}
		n := tc.want
		d := 2 / float64(n-1) // both sides are 2 long
		for j := range n {
			for i := range n {
				x, y := -1+float64(i)*d, float64(j)*d
				if got := g.v[j*n+i]; got != f(x, y) {
					t.Fatalf("Samples %d: (%d, %d) = %v, want %v", tc.samples, i, j, got, f(x, y))
				}
			}
		}
		if m := newSurfaceMesh(s, box, surfaceMeshN); m.n != min(tc.want, surfaceMeshN) || len(m.z) != m.n*m.n {
			t.Errorf("Samples %d: a surface of %d nodes an axis", tc.samples, m.n)
		}
	}
}
