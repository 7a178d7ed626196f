package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"gdlab/optimizer"
)

// num is a float64 that encodes as null in JSON when it is not finite
// (a diverged run's values), since JSON has no NaN or Inf.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	if !isFinite(float64(n)) {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, float64(n), 'g', -1, 64), nil
}

func isFinite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

func nums(v []float64) []num {
	out := make([]num, len(v))
	for i, x := range v {
		out[i] = num(x)
	}
	return out
}

type jsonOutput struct {
	Function string    `json:"function"`
	Dims     int       `json:"dims"`
	Runs     []jsonRun `json:"runs"`
}

// jsonStep is one entry of a run's trajectory; k = 0 is the start.
type jsonStep struct {
	K    int   `json:"k"`
	X    []num `json:"x"`
	F    num   `json:"f"`
	Grad []num `json:"grad"`
}

type jsonFinal struct {
	X    []num `json:"x"`
	F    num   `json:"f"`
	Grad []num `json:"grad"`
}

type jsonCurvature struct {
	Hessian     [][]num `json:"hessian"`
	Eigenvalues []num   `json:"eigenvalues"`
}

type jsonAnalysis struct {
	Start      jsonCurvature `json:"start"`
	End        jsonCurvature `json:"end"`
	CriticalLR *num          `json:"critical_lr"`
	Summary    string        `json:"summary"`
}

type jsonRun struct {
	Method     string       `json:"method"`
	LR         num          `json:"lr"`
	Gradient   string       `json:"gradient"`
	Start      []num        `json:"start"`
	Status     string       `json:"status"`
	Verdict    string       `json:"verdict"`
	Steps      int          `json:"steps"`
	DivergedAt *int         `json:"diverged_at"`
	Final      jsonFinal    `json:"final"`
	Analysis   jsonAnalysis `json:"analysis"`
	Trajectory []jsonStep   `json:"trajectory,omitempty"`
}

func writeJSON(w io.Writer, j job, results []optimizer.Result, trajectory bool) error {
	dims := j.problem.F.Dims()
	out := jsonOutput{Function: j.problem.Source, Dims: dims, Runs: make([]jsonRun, len(results))}
	for i, r := range results {
		c := r.Config
		jr := jsonRun{
			Method:   string(c.Method),
			LR:       num(c.LR),
			Gradient: string(c.Gradient),
			Start:    nums(c.Start[:dims]),
			Status:   string(r.Status),
			Verdict:  string(r.Verdict),
			Steps:    r.Steps,
			Final:    jsonFinal{X: nums(r.Final.X[:dims]), F: num(r.Final.F), Grad: nums(r.Final.Grad[:dims])},
			Analysis: jsonAnalysis{
				Start:   curvature(r.Analysis.Start),
				End:     curvature(r.Analysis.End),
				Summary: r.Analysis.Summary,
			},
		}
		if r.DivergedAt >= 0 {
			k := r.DivergedAt
			jr.DivergedAt = &k
		}
		if r.Analysis.CriticalLR != nil {
			v := num(*r.Analysis.CriticalLR)
			jr.Analysis.CriticalLR = &v
		}
		if trajectory {
			jr.Trajectory = make([]jsonStep, len(r.Points))
			for k, p := range r.Points {
				jr.Trajectory[k] = jsonStep{K: p.K, X: nums(p.X[:dims]), F: num(p.F), Grad: nums(p.Grad[:dims])}
			}
		}
		out.Runs[i] = jr
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func curvature(c optimizer.Curvature) jsonCurvature {
	out := jsonCurvature{Hessian: make([][]num, len(c.Hessian)), Eigenvalues: nums(c.Eigenvalues)}
	for i, row := range c.Hessian {
		out.Hessian[i] = nums(row)
	}
	return out
}

func writeCSV(w io.Writer, j job, results []optimizer.Result) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"run", "method", "lr", "k", "x", "y", "f", "gx", "gy"})
	two := j.problem.F.Dims() == 2
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	for i, r := range results {
		for _, p := range r.Points {
			y, gy := "", ""
			if two {
				y, gy = f(p.X[1]), f(p.Grad[1])
			}
			cw.Write([]string{strconv.Itoa(i + 1), string(r.Config.Method), f(r.Config.LR), strconv.Itoa(p.K),
				f(p.X[0]), y, f(p.F), f(p.Grad[0]), gy})
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeText(w io.Writer, j job, results []optimizer.Result) error {
	dims := j.problem.F.Dims()
	vars := "x, y"
	if dims == 1 {
		vars = "x"
	}
	fmt.Fprintf(w, "f(%s) = %s\n", vars, j.problem.Source)
	for i, r := range results {
		c := r.Config
		fmt.Fprintf(w, "\nrun %d: %s, lr %s, %s gradient, start %s\n", i+1, c.Method, g(c.LR), c.Gradient, vec(c.Start[:dims]))
		status := fmt.Sprintf("%s after %d steps", r.Status, r.Steps)
		if r.Status == optimizer.Diverged {
			status = fmt.Sprintf("diverged at step %d", r.DivergedAt)
		}
		fmt.Fprintf(w, "  status     %s\n", status)
		fmt.Fprintf(w, "  verdict    %s\n", r.Verdict)
		fmt.Fprintf(w, "  final      x = %s   f = %s   |grad f| = %s\n",
			vec(r.Final.X[:dims]), g(r.Final.F), g(math.Hypot(r.Final.Grad[0], r.Final.Grad[1])))
		if r.Analysis.Summary != "" {
			fmt.Fprintf(w, "  stability  %s\n", r.Analysis.Summary)
		}
	}
	return nil
}

func g(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }

func vec(v []float64) string {
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = g(x)
	}
	return "(" + strings.Join(parts, ", ") + ")"
}
