package cli

import (
	"flag"
	"strconv"
	"strings"

	"gdlab/figure"
	"gdlab/plotting"
)

// projectionFlags are the flags that choose how a function of more than
// two variables is drawn on the contour and surface panels.
type projectionFlags struct {
	slice, held *string
	plane       *bool
}

// newProjectionFlags defines --slice, --held and --plane on fs.
func newProjectionFlags(fs *flag.FlagSet) projectionFlags {
	return projectionFlags{
		slice: fs.String("slice", "", "for a function of more than 2 variables: the contour and surface show f over coordinates `I,J` (default 0,1),\nthe others held at the --held point of the first run, with the paths projected onto the slice"),
		held:  fs.String("held", "start", "with --slice: hold the other coordinates at the first run's `start` or end point"),
		plane: fs.Bool("plane", false, "for a function of more than 2 variables: the contour and surface show f over the plane of the first run's path\n(its two principal directions through its end point, Li et al. 2018), with the share of the path's variance it explains"),
	}
}

// projection checks the flags and returns the projection they ask for, for
// a function of dims variables.
func (p projectionFlags) projection(fs *flag.FlagSet, dims int) (figure.Projection, error) {
	var pr figure.Projection
	set := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
	for _, name := range []string{"slice", "held", "plane"} {
		if set[name] && dims <= 2 {
			return pr, usagef("--%s is for functions of more than 2 variables; this one has %d", name, dims)
		}
	}
	if set["plane"] && *p.plane && (set["slice"] || set["held"]) {
		return pr, usagef("--plane and --slice/--held choose different pictures: give one of them")
	}
	if *p.plane {
		pr.Kind = plotting.ProjectionPlane
		return pr, nil
	}
	switch strings.TrimSpace(*p.held) {
	case "start":
		pr.Held = plotting.HeldAtStart
	case "end":
		pr.Held = plotting.HeldAtEnd
	default:
		return pr, usagef("--held: %q is not start or end", *p.held)
	}
	pr.I, pr.J = 0, 1
	if *p.slice == "" {
		return pr, nil
	}
	parts := strings.Split(*p.slice, ",")
	if len(parts) != 2 {
		return pr, usagef("--slice: %q is not two coordinates I,J (e.g. 0,2)", *p.slice)
	}
	var ij [2]int
	for k, s := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || v < 0 || v >= dims {
			return pr, usagef("--slice: %q is not a coordinate of this function: they are 0 to %d", strings.TrimSpace(s), dims-1)
		}
		ij[k] = v
	}
	if ij[0] == ij[1] {
		return pr, usagef("--slice: %q names one coordinate twice: give two different ones", *p.slice)
	}
	pr.I, pr.J = ij[0], ij[1]
	return pr, nil
}
