package expr

import "math"

// callDeriv is f'(u) for the call n = f(u), written in the language with
// the values the dual numbers use (funcs.go): tan' = 1 + tan^2, sqrt' =
// 1/(2 sqrt), abs' = sign (0 at 0), relu' = sign(relu(u)) (the step: 0 for
// u <= 0), sign' = 0.
func callDeriv(n *node) poly {
	u := n.a
	call := func(name string, a *node) *node { return callNode(unaryFuncs[name], a) }
	one := pconst(1)
	switch n.fn.name {
	case "sin":
		return pnode(call("cos", u))
	case "cos":
		return pneg(pnode(call("sin", u)))
	case "tan":
		return padd(one, pfactor(1, n, 2))
	case "asin", "acos":
		c := 1.0
		if n.fn.name == "acos" {
			c = -1
		}
		return pfactor(c, call("sqrt", binNode(kSub, constNode(1), powNode(u, constNode(2)))), -1)
	case "atan":
		return pfactor(1, binNode(kAdd, constNode(1), powNode(u, constNode(2))), -1)
	case "sinh":
		return pnode(call("cosh", u))
	case "cosh":
		return pnode(call("sinh", u))
	case "tanh":
		return padd(one, pfactor(-1, n, 2))
	case "exp":
		return pnode(n)
	case "log", "ln":
		return pdiv(one, monoOf(u))
	case "log2", "log10":
		base := 2.0
		if n.fn.name == "log10" {
			base = 10
		}
		return pdiv(pdiv(one, monoOf(u)), asMono(logOf(constNode(base))))
	case "sqrt":
		return pfactor(0.5, n, -1)
	case "abs":
		return pnode(call("sign", u))
	case "sign":
		return nil
	case "sigmoid":
		return pmul(pnode(n), pnode(binNode(kSub, constNode(1), n)))
	case "relu":
		return pnode(call("sign", n))
	case "softplus":
		return pnode(call("sigmoid", u))
	}
	return pconst(math.NaN()) // unreachable: every function of funcs.go is above
}
