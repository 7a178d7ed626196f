// Package expr owns the function language of Gradient Descent Lab: it parses
// the text a person types (x^2 + y^2, x[0]**2 + x[1]**2, sin(x)*cos(y), ...)
// into a Func compiled once into closures for the value, the exact gradient
// (forward-mode automatic differentiation) and the exact Hessian, and reports
// bad input as an *Error carrying the column and a caret rendering. An
// error's message is data (gdlab/message): Error() is its English text and
// Message() renders in any language (the German texts are in
// assets/translations/expr.de.json). Func.Key names a parsed function
// whatever its spelling, for finding presets.
//
// # The language
//
//   - Numbers: 3, 2.5, .5, 1e-3, 1.5E+2. Variables x and y, also spelled
//     x[0] and x[1] as in NumPy code. Constants pi and e.
//   - Operators + - * / and the power ^ (also **). Power is right-associative
//     and binds tighter than a sign: -x^2 is -(x^2), 2^3^2 is 512, and a sign
//     may follow an operator: 2*-3, x^-1, x**-2, --x.
//   - Implicit multiplication after a number or a closing parenthesis: 2x,
//     3(x+1), (x+1)(x-1), 2sin(x). Between names it is an error (write x*y).
//   - Functions of one argument: sin cos tan asin acos atan sinh cosh tanh
//     exp log (natural) ln log2 log10 sqrt abs sign sigmoid relu softplus;
//     of two: min max pow atan2 (atan2(y, x) as in math.Atan2). Names
//     lists them.
//   - Whitespace is allowed anywhere between tokens. Input is limited to
//     MaxLen characters and MaxDepth levels of nesting.
//
// A function that uses only x is one-dimensional (Dims() == 1); one that
// uses y is two-dimensional; one that uses neither is an error.
//
// # Numerics
//
// Constant subexpressions are folded at parse time. A constant integer
// power is compiled into multiplications (x^2 is x*x, x^-2 is 1/(x*x)); a
// constant exponent that is a fraction with an odd denominator (x^(1/3),
// x^(2/3)) takes the real root for negative x; other real exponents are
// math.Pow (NaN for a negative base). Outside a function's domain the result
// is NaN or ±Inf, never a panic. An operand that does not depend on a
// variable contributes exactly 0 to that partial derivative even where its
// own derivative is infinite (d/dy of sqrt(x) + y at x = 0 is 1).
//
// At kinks the derivatives follow fixed conventions (those of PyTorch):
// abs'(0) = 0, relu'(0) = 0, sign' = 0 everywhere, and min/max on a tie take
// the average of the two operands' derivatives.
package expr
