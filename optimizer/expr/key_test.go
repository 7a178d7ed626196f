package expr

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// TestKey checks that texts of the same tree share a key and that the key
// reads as the tree with the fewest parentheses.
func TestKey(t *testing.T) {
	for _, tc := range []struct {
		key  string
		srcs []string
	}{
		{"x^2+y^2", []string{"x^2+y^2", "x^2 + y^2", "x[0]**2 + x[1]**2", "x ^ 2 + y ^ 2", "(x^2)+(y^2)", "pow(x, 2) + y^2", "x^2.0 + y^(1+1)", "\tx^2\n+y^2 "}},
		{"2*x", []string{"2x", "2*x", "2 * x", "(2)(x)", "2(x)", "(1+1)x", "4/2*x"}},
		{"(1-x)^2+100*(y-x^2)^2", []string{"(1-x)^2 + 100(y-x^2)^2", "(1 - x)**2 + 100*(y - x**2)**2", "(1-x[0])^2+1e2*(x[1]-x[0]^2)^2"}},
		{"sin(x)*cos(y)", []string{"sin(x)*cos(y)", "sin(x) * cos(y)", "(sin(x))*(cos(y))", "sin((x))*cos(x[1])"}},
		{"-x^2", []string{"-x^2", "-(x^2)", "-(x)^2", "---x^2", "+-x**2"}},
		{"(-x)^2", []string{"(-x)^2", "(-x)**2", "pow(-x, 2)"}},
		{"x", []string{"x", "--x", "+x", "((x))", "x^1", "x[0]"}},
		{"x-y-1", []string{"x-y-1", "(x-y)-1", "x - y - 1"}},
		{"x-(y-1)", []string{"x-(y-1)", "x - (y - 1)"}},
		{"x/y/2", []string{"x/y/2", "(x/y)/2"}},
		{"x/(y*2)", []string{"x/(y*2)", "x/((y)(2))"}},
		{"x*-y", []string{"x*-y", "x*(-y)", "x * -y"}},
		{"x--2", []string{"x-(-2)", "x - -2", "x--2"}},
		{"x+-2*y", []string{"x + (-2)*y", "x + -2y", "x+-2*y"}},
		{"x^-2", []string{"x^-2", "x**-2", "x^(-2)", "pow(x, -2)", "x^(0-2)"}},
		{"x^y^2", []string{"x^y^2", "x^(y^2)", "x**y**2", "pow(x, pow(y, 2))"}},
		{"(x^y)^2", []string{"(x^y)^2", "pow(pow(x, y), 2)"}},
		{"x^0.5", []string{"x^0.5", "x^.5", "x^(1/2)", "x^5e-1"}},
		{"x^0.3333333333333333", []string{"x^(1/3)", "x**(1/3)"}},
		{"x*3.141592653589793", []string{"x*pi", "x*3.141592653589793", "x*(pi)"}},
		{"x*1e+06", []string{"x*1e6", "x*1000000", "x*1E+6", "x*(1000*1000)"}},
		{"1+y*x", []string{"1 + y*x", "1+x[1]*x[0]"}},
		{"min(x,y)+max(x,-y)+atan2(y,x)", []string{"min(x, y) + max(x, -y) + atan2(y, x)", "min(x,y)+max(x,-y)+atan2(x[1],x[0])"}},
		{"ln(x)", []string{"ln(x)", "ln (x)"}},
		{"log(x)", []string{"log(x)", "log((x))"}},
		{"x*-0", []string{"x*-0", "x*(-0)"}},
		{"x*Inf", []string{"x*(1/0)", "x*(2/0)"}},
		{"x+NaN", []string{"x+log(-1)", "x+0/0"}},
		{"1", []string{"x^0", "(x+1)^0", "x[0]^0"}},
		{"1 [x, y]", []string{"y^0", "x^0*y^0"}},
		{"x+0 [x, y]", []string{"x + 0*y^0", "x + 0y^0"}},
		{"x^2*y", []string{"x^2*y", "x**2*y", "x^2 y", "(x)^2y"}},
	} {
		for _, src := range tc.srcs {
			f, err := Parse(src)
			if err != nil {
				t.Errorf("Parse(%q): %v", src, err)
				continue
			}
			if got := f.Key(); got != tc.key {
				t.Errorf("Parse(%q).Key() = %q, want %q", src, got, tc.key)
			}
		}
	}
}

// TestKeyDiffers checks pairs of texts of different trees.
func TestKeyDiffers(t *testing.T) {
	for _, pair := range [][2]string{
		{"x+y", "y+x"},
		{"x-y-1", "x-(y-1)"},
		{"x/y/2", "x/(y/2)"},
		{"x*y*2", "x*(y*2)"},
		{"-x^2", "(-x)^2"},
		{"-2^x", "(-2)^x"},
		{"x^y^2", "(x^y)^2"},
		{"-2*x", "-(2*x)"},
		{"-x*y", "-(x*y)"},
		{"x*0", "x*-0"},
		{"ln(x)", "log(x)"},
		{"x^2", "x*x"},
		{"x^0.5", "sqrt(x)"},
		{"x", "x+0"},
		{"x+0", "x + 0*y^0"},
		{"x^0", "y^0"},
		{"x^3", "x^3.0000001"},
		{"min(x,y)", "max(x,y)"},
		{"atan2(x,y)", "atan2(y,x)"},
		{"x*1e6", "x*1e6+1"},
	} {
		a, b := mustParse(t, pair[0]), mustParse(t, pair[1])
		if a.Key() == b.Key() {
			t.Errorf("%q and %q share the key %q", pair[0], pair[1], a.Key())
		}
	}
}

// TestKeyRoundTrip checks on random expressions that a key parses back to
// the tree it was printed from, so that different trees have different
// keys (a key names one tree).
func TestKeyRoundTrip(t *testing.T) {
	g := exprGen{rand.New(rand.NewPCG(3, 4))}
	n := 0
	for range 5000 {
		src := g.expr(5)
		if checkKeyRoundTrip(t, src) {
			n++
		}
	}
	if n < 4000 {
		t.Errorf("only %d of 5000 keys were checked", n)
	}
}

// checkKeyRoundTrip checks that the key of src parses back to the tree of
// src; it reports false when src does not parse or its key cannot be parsed
// (a key with Inf or NaN, of a tree without variables or marked twoD, or too
// long for Parse).
func checkKeyRoundTrip(t *testing.T, src string) bool {
	t.Helper()
	n, dims, err := parse(src)
	if err != nil {
		return false
	}
	k := key(n, dims)
	if strings.Contains(k, "Inf") || strings.Contains(k, "NaN") || strings.Contains(k, " [") || !hasX(n) && !hasY(n) {
		return false
	}
	m, mdims, err := parse(k)
	if err != nil {
		if strings.Contains(err.Msg.String(), "expected at most") || strings.Contains(err.Msg.String(), "nested more than") {
			return false
		}
		t.Fatalf("%q: key %q does not parse: %v", src, k, err)
	}
	if !sameTree(n, m) || mdims != dims {
		t.Fatalf("%q: key %q parses to another tree", src, k)
	}
	return true
}

// hasX reports whether the tree n uses x.
func hasX(n *node) bool {
	return n != nil && (n.k == kX || hasX(n.a) || hasX(n.b))
}

// sameTree reports whether a and b are the same tree, constants bit for bit.
func sameTree(a, b *node) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.k == b.k && math.Float64bits(a.c) == math.Float64bits(b.c) &&
		math.Float64bits(a.sgn) == math.Float64bits(b.sgn) && a.n == b.n &&
		a.fn == b.fn && sameTree(a.a, b.a) && sameTree(a.b, b.b)
}
