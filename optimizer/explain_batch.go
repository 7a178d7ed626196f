package optimizer

import (
	"strconv"
	"strings"

	"gdlab/message"
)

// batchGradient is the gradient line of step k of a run learning from
// mini-batches: the formula of the batch's gradient ∇f_B at x_{k−1}
// (exact, as the sampler gives it) and the note that says which batch B
// is, its rows and how many of the data's.
func (e *explainer) batchGradient(s Sampler, k int) (string, message.Message) {
	e.batched = true
	formula := "∇f_B(" + e.x(e.k-1) + ") = ∇f_B" + e.vec(e.xp) + " = " + e.vec(e.grad)
	rs, ok := s.(RowSampler)
	if !ok {
		return formula, msgWorkedSample.New(message.Int(k))
	}
	b := rs.SampleRows(k)
	return formula, msgWorkedBatch.New(message.Int(b.Batch), message.Int(b.Epoch),
		message.Int(len(b.Rows)), message.Int(b.Of), message.Int(b.Of-1), message.Text(rowList(b.Rows)))
}

// rowList writes rows as a list, the first WrapEntries − 1 and … when
// there are more than WrapEntries (a line of the worked step is not
// wrapped for it): [3, 17, 8].
func rowList(rows []int) string {
	n := len(rows)
	if n > WrapEntries {
		n = WrapEntries - 1
	}
	parts := make([]string, n, n+1)
	for i, r := range rows[:n] {
		parts[i] = strconv.Itoa(r)
	}
	if n < len(rows) {
		parts = append(parts, "…")
	}
	return "[" + strings.Join(parts, ", ") + "]"
}
