package cli

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"

	"gonum.org/v1/gonum/floats"

	"gdlab/optimizer"
	"gdlab/report"
)

// num is a float64 that encodes as null in JSON when it is not finite
// (a diverged run's values), since JSON has no NaN or Inf.
type num float64

func (n num) MarshalJSON() ([]byte, error) {
	if !isFinite(float64(n)) {
		return []byte("null"), nil
	}
	return []byte(report.Exact(float64(n))), nil
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
	Params   []string  `json:"params,omitempty"` // the variables' names: a model's parameters with --data
	Runs     []jsonRun `json:"runs"`
}

// jsonStep is one entry of a run's trajectory; k = 0 is the start.
type jsonStep struct {
	K     int      `json:"k"`
	X     []num    `json:"x"`
	F     num      `json:"f"`
	Grad  []num    `json:"grad"`
	LR    num      `json:"lr"`    // the step's own rate (scheduled, or the line search's α); 0 at k = 0
	Evals [2]int32 `json:"evals"` // evaluations of f and of ∇f the step cost
	// Loss and FullLoss are, with --data, the loss of the mini-batch the
	// step used and the loss on all the training rows (f; null, as f and
	// grad, at a step that did not evaluate it: see optimizer.Sampler's
	// FullEvery).
	Loss     *num `json:"loss,omitempty"`
	FullLoss *num `json:"full_loss,omitempty"`
}

type jsonFinal struct {
	X    []num `json:"x"`
	F    num   `json:"f"`
	Grad []num `json:"grad"`
}

type jsonCurvature struct {
	Hessian     [][]num `json:"hessian"`
	Eigenvalues []num   `json:"eigenvalues"`
	Steepest    []num   `json:"steepest_direction"` // the unit eigenvector of the largest eigenvalue
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
	Convention string       `json:"convention"`
	Schedule   string       `json:"schedule,omitempty"`    // as --schedule reads it
	Warmup     int          `json:"warmup,omitempty"`      // --warmup
	Noise      num          `json:"noise,omitempty"`       // --noise σ
	Seed       uint64       `json:"seed,omitempty"`        // --seed, with noise
	LineSearch string       `json:"line_search,omitempty"` // --line-search
	Batch      int          `json:"batch,omitempty"`       // the run's rows per mini-batch, from a list of --batch sizes
	Start      []num        `json:"start"`
	Status     string       `json:"status"`
	Verdict    string       `json:"verdict"`
	Reason     string       `json:"reason,omitempty"` // why, for stalled and escaping
	Steps      int          `json:"steps"`
	DivergedAt *int         `json:"diverged_at"`
	Final      jsonFinal    `json:"final"`
	Analysis   jsonAnalysis `json:"analysis"`
	Trajectory []jsonStep   `json:"trajectory,omitempty"`
	dataResult
}

func writeJSON(w io.Writer, j job, results []optimizer.Result, trajectory bool) error {
	dims := j.problem.F.Dims()
	out := jsonOutput{Function: j.problem.Source, Dims: dims, Params: j.problem.Vars, Runs: make([]jsonRun, len(results))}
	for i, r := range results {
		c := r.Config
		var seed uint64
		if c.Noise > 0 {
			seed = c.Seed
		}
		jr := jsonRun{
			Seed:       seed,
			Method:     string(c.Method),
			LR:         num(c.LR),
			Gradient:   string(c.Gradient),
			Convention: string(c.Convention),
			Schedule:   c.Schedule.String(),
			Warmup:     c.Schedule.Warmup,
			Noise:      num(c.Noise),
			LineSearch: string(c.LineSearch),
			Batch:      c.Batch,
			Start:      nums(c.StartVec(dims)),
			Status:     string(r.Status),
			Verdict:    string(r.Verdict),
			Reason:     r.Reason.String(),
			Steps:      r.Steps,
			Final:      jsonFinal{X: nums(r.Final.Pos(dims)), F: num(r.Final.F), Grad: nums(r.Final.GradVec(dims))},
			Analysis: jsonAnalysis{
				Start:   curvature(r.Analysis.Start),
				End:     curvature(r.Analysis.End),
				Summary: r.Analysis.Summary.String(),
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
				jr.Trajectory[k] = jsonStep{K: p.K, X: nums(p.Pos(dims)), F: num(p.F), Grad: nums(p.GradVec(dims)), LR: num(p.LR), Evals: p.Evals}
				if lossOf(j.problem.F) != nil {
					batch, full := num(p.Batch), num(p.F)
					if optimizer.SamplerOf(j.problem.F, r.Config) == nil || p.K == 0 {
						batch = full // a full-batch step's batch is all the rows
					}
					jr.Trajectory[k].Loss, jr.Trajectory[k].FullLoss = &batch, &full
				}
			}
		}
		jr.dataResult = j.learned(r.Final.Pos(dims))
		out.Runs[i] = jr
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func curvature(c optimizer.Curvature) jsonCurvature {
	out := jsonCurvature{Hessian: make([][]num, len(c.Hessian)), Eigenvalues: nums(c.Eigenvalues), Steepest: nums(c.Steepest)}
	for i, row := range c.Hessian {
		out.Hessian[i] = nums(row)
	}
	return out
}

func writeCSV(w io.Writer, j job, results []optimizer.Result) error {
	runs := make([]report.Run, len(results))
	for i, r := range results {
		runs[i] = report.RunOf(r)
	}
	return report.WriteCSV(w, report.RunSet, j.problem.F.Dims(), runs)
}

func writeText(w io.Writer, j job, results []optimizer.Result) error {
	dims := j.problem.F.Dims()
	vars := "x, y"
	switch {
	case dims == 1:
		vars = "x"
	case dims > 2:
		vars = fmt.Sprintf("x[0], …, x[%d]", dims-1)
	}
	if len(j.problem.Vars) > 0 {
		vars = strings.Join(j.problem.Vars, ", ")
	}
	g, vec := report.Text, report.Vector
	fmt.Fprintf(w, "f(%s) = %s\n", vars, j.problem.Source)
	for i, r := range results {
		c := r.Config
		fmt.Fprintf(w, "\nrun %d: %s, %s gradient, start %s\n", i+1, runHead(c), c.Gradient, vec(c.StartVec(dims)))
		status := fmt.Sprintf("%s after %d steps", r.Status.Word(), r.Steps)
		if r.Status == optimizer.Diverged {
			status = fmt.Sprintf("diverged at step %d", r.DivergedAt)
		}
		fmt.Fprintf(w, "  status     %s\n", status)
		fmt.Fprintf(w, "  verdict    %s\n", r.Verdict.Word())
		if !r.Reason.IsZero() {
			fmt.Fprintf(w, "  why        %s\n", r.Reason)
		}
		fmt.Fprintf(w, "  final      x = %s   f = %s   |grad f| = %s\n",
			vec(r.Final.Pos(dims)), g(r.Final.F), g(floats.Norm(r.Final.GradVec(dims), 2)))
		if !r.Analysis.Summary.IsZero() {
			fmt.Fprintf(w, "  stability  %s\n", r.Analysis.Summary)
		}
		writeLearned(w, j.learned(r.Final.Pos(dims)))
		writeGradientCost(w, j, c)
	}
	return nil
}

// runHead names a run's method and how it sizes its steps: "gd, lr 0.1",
// with the schedule, warmup, line search and noise where set; a method
// without a learning rate by its name alone.
func runHead(c optimizer.Config) string {
	spec, _ := c.Method.Spec()
	if spec.NoLearningRate {
		return string(c.Method)
	}
	s := string(c.Method) + ", lr " + report.Text(c.LR)
	if sc := c.Schedule.String(); sc != "" {
		s += ", schedule " + sc
	}
	if c.Schedule.Warmup > 0 {
		s += fmt.Sprintf(", warmup %d", c.Schedule.Warmup)
	}
	if c.LineSearch != optimizer.NoLineSearch {
		s += ", line search " + string(c.LineSearch)
	}
	if c.Noise > 0 {
		s += fmt.Sprintf(", noise σ %s (seed %d)", report.Text(c.Noise), c.Seed)
	}
	if c.Batch > 0 {
		s += fmt.Sprintf(", batches of %d", c.Batch)
	}
	return s
}
