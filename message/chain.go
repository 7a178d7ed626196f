package message

import (
	"errors"
	"io/fs"
)

// Chain is the error m about another error, its cause: a run's error, a
// function's parse error, the file system's. Its text is m's; As and Of
// find m, while errors.Is and errors.As look into the cause as well, so
// that errors.Is(err, fs.ErrNotExist) and errors.As(err, &exprErr) still
// work.
func Chain(m Message, cause error) error { return &chain{msg: m, cause: cause} }

// Reason is err as the argument of a message about it: Nested of its
// message when it has one, else its text as it is (an error from outside
// the program).
func Reason(err error) Arg {
	if m, ok := As(err); ok {
		return Nested(m)
	}
	return Text(err.Error())
}

// chain is Chain's error.
type chain struct {
	msg   Message
	cause error
}

// Error is the English text of the message.
func (c *chain) Error() string { return c.msg.Error() }

// Unwrap returns the message, for As and Of.
func (c *chain) Unwrap() error { return c.msg }

// Is reports whether the cause is target (errors.Is).
func (c *chain) Is(target error) bool { return errors.Is(c.cause, target) }

// As finds target in the cause (errors.As); a *Message target gets the
// chain's own message.
func (c *chain) As(target any) bool {
	if m, ok := target.(*Message); ok {
		*m = c.msg
		return true
	}
	return errors.As(c.cause, target)
}

// OpenError is the error of opening the file at path, keeping err as the
// cause: notFound or denied of the path for a file that does not exist or
// may not be read, else cannot of the path and the system's reason (its
// text without "open PATH: ").
func OpenError(path string, err error, notFound, denied, cannot Kind) error {
	p := Text(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return Chain(notFound.New(p), err)
	case errors.Is(err, fs.ErrPermission):
		return Chain(denied.New(p), err)
	}
	why := err
	var pe *fs.PathError
	if errors.As(err, &pe) {
		why = pe.Err
	}
	return Chain(cannot.New(p, Reason(why)), err)
}
