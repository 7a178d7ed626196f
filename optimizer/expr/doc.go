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
//   - Numbers: 3, 2.5, .5, 1e-3, 1.5E+2. Variables x[0] … x[63] as in
//     NumPy code (MaxDims of them); x and y are other names of x[0] and
//     x[1]. Constants pi and e.
//   - An index is an expression in brackets that folds to a whole number
//     from 0 to 63: x[2], x[2*3-4], and inside a sum any arithmetic of
//     its index and numbers: x[i], x[i+1], x[i-1], x[2*i], x[(i+1)/2] (an
//     index that is not a whole number, or out of range, for some i is an
//     error). It cannot depend on a variable (x[x] is an error).
//   - A bounded sum, sum(EXPR, i, FIRST, LAST): EXPR added for i = FIRST,
//     FIRST+1, ..., LAST, e.g. sum((x[i] - i)^2, i, 0, 9) or the 10-D
//     Rosenbrock sum(100*(x[i+1] - x[i]^2)^2 + (1 - x[i])^2, i, 0, 8). The
//     index is a name (not x, y, a constant, a function, sum or the index
//     of an enclosing sum) known only inside EXPR, where it is a number
//     (usable in x[...] and in arithmetic). The bounds are whole-number
//     constants (they may use the indices of enclosing sums:
//     sum(sum(x[i]*x[j], j, 0, i), i, 0, 9)) with FIRST <= LAST and at most
//     MaxSumTerms (64) terms. Sums nest; written out, the sums of an input
//     may not exceed 32768 tokens. A sum is expanded as it is parsed, so it
//     is the same function as its terms written out (x[0]^2 + x[1]^2 +
//     ...), with the same Key.
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
// The dimension of a function (Dims) is one more than the highest index of
// a variable it uses: a function that uses only x is one-dimensional, one
// that uses y is two-dimensional, one that uses x[9] ten-dimensional; one
// that uses no variable is an error.
//
// # n dimensions
//
// Value, ValueGrad, NumericGrad and Hessian are the methods of a function
// of one or two variables (a function of more takes x[2], x[3] ... as 0
// there). ValueN, ValueGradN, NumericGradN and HessianN take the point as
// a slice of Dims() coordinates and work in every dimension; for Dims() <=
// 2 they are the 2-D methods. For more variables the gradient is computed
// by reverse-mode automatic differentiation (one pass forward and one back
// over the compiled expression, allocation-free), the Hessian by
// second-order forward mode along each pair of coordinates. Gradient,
// GradientLines and Python name the variables x and y for one or two
// variables and x[0], x[1], x[2] ... for more.
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
// the average of the two operands' derivatives. The n-dimensional gradient
// follows them too; where a factor of a product is infinite or NaN it may
// differ from the 2-D dual numbers (which may give NaN where it gives a
// number).
package expr
