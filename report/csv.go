package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"gdlab/optimizer"
)

// Run is one run's trajectory as a CSV file shows it.
type Run struct {
	Method optimizer.Method
	LR     float64
	Points []optimizer.Point // every recorded step, k = 0 first
}

// RunOf is the run of a result: its method, learning rate and points.
func RunOf(r optimizer.Result) Run {
	return Run{Method: r.Config.Method, LR: r.Config.LR, Points: r.Points}
}

// Layout chooses the columns of a CSV file.
type Layout int

const (
	// RunSet is the command line's layout (gdlab run --format csv):
	// run,method,lr,k,x,y,f,gx,gy,eta,fevals,gevals, every run one after
	// another, numbered from 1: lr is the run's learning rate, eta the
	// step's own (scheduled, or the line search's α), fevals and gevals the
	// evaluations of f and ∇f the step cost.
	RunSet Layout = iota
	// Iterates is the window's iterate export:
	// k,x,y,f,gx,gy,dx,dy,eta,fevals,gevals for each step of the runs given
	// (usually one), dx and dy being the update that reached the point (0
	// at k = 0), eta, fevals and gevals as in RunSet.
	Iterates
)

// column is one column of a layout: its header and its cell of point p of
// the run numbered n (from 1). second marks the cells of y, which are empty
// for a function of x alone.
type column struct {
	name   string
	second bool
	cell   func(n int, r Run, p optimizer.Point) string
}

var (
	colRun    = column{"run", false, func(n int, _ Run, _ optimizer.Point) string { return strconv.Itoa(n) }}
	colMethod = column{"method", false, func(_ int, r Run, _ optimizer.Point) string { return string(r.Method) }}
	colLR     = column{"lr", false, func(_ int, r Run, _ optimizer.Point) string { return Exact(r.LR) }}
	colK      = column{"k", false, func(_ int, _ Run, p optimizer.Point) string { return strconv.Itoa(p.K) }}
	colX      = column{"x", false, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.X[0]) }}
	colY      = column{"y", true, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.X[1]) }}
	colF      = column{"f", false, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.F) }}
	colGX     = column{"gx", false, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.Grad[0]) }}
	colGY     = column{"gy", true, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.Grad[1]) }}
	colDX     = column{"dx", false, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.Update[0]) }}
	colDY     = column{"dy", true, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.Update[1]) }}
	// The step's own rate (scheduled, or the line search's α; 0 at k = 0
	// and for the methods without one) and the evaluations it cost.
	colEta    = column{"eta", false, func(_ int, _ Run, p optimizer.Point) string { return Exact(p.LR) }}
	colFEvals = column{"fevals", false, func(_ int, _ Run, p optimizer.Point) string { return strconv.Itoa(int(p.Evals[0])) }}
	colGEvals = column{"gevals", false, func(_ int, _ Run, p optimizer.Point) string { return strconv.Itoa(int(p.Evals[1])) }}
)

// columns are the layouts' columns in order.
var columns = map[Layout][]column{
	RunSet:   {colRun, colMethod, colLR, colK, colX, colY, colF, colGX, colGY, colEta, colFEvals, colGEvals},
	Iterates: {colK, colX, colY, colF, colGX, colGY, colDX, colDY, colEta, colFEvals, colGEvals},
}

// vectorColumns are, for a function of n ≥ 3 variables, the columns that
// replace each pair of a layout's x and y columns: x0 … x{n−1} for x and y,
// g0 … for gx and gy, d0 … for dx and dy.
var vectorColumns = map[string]struct {
	prefix string
	of     func(p optimizer.Point, i int) float64
}{
	"x":  {"x", optimizer.Point.Coord},
	"gx": {"g", optimizer.Point.GradCoord},
	"dx": {"d", optimizer.Point.UpdateCoord},
}

// layoutColumns are the columns of layout l for a function of dims
// variables.
func layoutColumns(l Layout, dims int) []column {
	if dims <= 2 {
		return columns[l]
	}
	var out []column
	for _, c := range columns[l] {
		v, ok := vectorColumns[c.name]
		switch {
		case c.second:
		case ok:
			for i := range dims {
				of := v.of
				out = append(out, column{v.prefix + strconv.Itoa(i), false, func(_ int, _ Run, p optimizer.Point) string {
					return Exact(of(p, i))
				}})
			}
		default:
			out = append(out, c)
		}
	}
	return out
}

// Header is the first line of a CSV file in layout l for a function of
// dims variables, the column names.
func (l Layout) Header(dims int) []string {
	cols := layoutColumns(l, dims)
	names := make([]string, len(cols))
	for i, c := range cols {
		names[i] = c.name
	}
	return names
}

// WriteCSV writes runs to w in layout l, for a function of dims variables:
// the header, then one line per point of each run in order. With dims 1
// the columns of y (y, gy, dy) are empty; with dims ≥ 3 each pair of x and
// y columns is one column per coordinate (x0 … x{n−1}, g0 …, d0 …).
// Numbers are written exactly (see Exact). The error is w's.
func WriteCSV(w io.Writer, l Layout, dims int, runs []Run) error {
	cols := layoutColumns(l, dims)
	cw := csv.NewWriter(w)
	cw.Write(l.Header(dims))
	cells := make([]string, len(cols))
	for i, r := range runs {
		for _, p := range r.Points {
			for j, c := range cols {
				cells[j] = ""
				if !c.second || dims >= 2 {
					cells[j] = c.cell(i+1, r, p)
				}
			}
			if err := cw.Write(cells); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}
