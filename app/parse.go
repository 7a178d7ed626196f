package app

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"gdlab/optimizer/expr"
)

// funcError is a parse error shown under the function field: the message,
// then the input with a caret under the column.
type funcError struct{ e *expr.Error }

func (f funcError) Error() string { return f.e.Error() + "\n" + f.e.Caret() }

// parseFunc parses the function field.
func parseFunc(text string) (*expr.Func, error) {
	f, err := expr.Parse(text)
	if err != nil {
		var pe *expr.Error
		if errors.As(err, &pe) {
			return nil, funcError{pe}
		}
		return nil, err
	}
	return f, nil
}

// parseNumber parses a numeric field, naming the field in its message.
func parseNumber(name, text string) (float64, error) {
	t := strings.TrimSpace(text)
	if t == "" {
		return 0, fmt.Errorf("%s: enter a number", name)
	}
	v, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s: %q is not a number", name, t)
	}
	return v, nil
}
