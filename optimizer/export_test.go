package optimizer

// ReplayedUpdates is, for the tests of package optimizer_test, the update
// the replayer's rule takes at every step k = 1, 2, … of the run of c that
// recorded pts, fed the gradients the replayer gives it (index 0 is nil).
func ReplayedUpdates(p Problem, c Config, pts []Point) [][]float64 {
	rp := NewReplayer(p, c, pts)
	rp.restart()
	out := make([][]float64, len(pts))
	for k := 1; k < len(pts); k++ {
		rp.setRate(k)
		out[k] = stepVec(rp.r, rp.grad(k-1))
	}
	return out
}
