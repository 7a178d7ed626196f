// Package expr owns the function language of Gradient Descent Lab: it parses
// the text a person types (x^2 + y^2, x[0]**2 + x[1]**2, sin(x)*cos(y), ...)
// into a Func compiled once into closures for the value, the exact gradient
// (forward-mode automatic differentiation) and the exact Hessian, and reports
// bad input as an *Error carrying the column and a caret rendering.
package expr
