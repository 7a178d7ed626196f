package expr

import "testing"

func TestPython(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{"x^2 + y^2", "x[0]**2+x[1]**2"},
		{"x[0]**2 + x[1]**2", "x[0]**2+x[1]**2"},
		{"(1 - x)^2 + 100(y - x^2)^2", "(1-x[0])**2+100*(x[1]-x[0]**2)**2"},
		{"-x^2", "-x[0]**2"},
		{"2^3^x", "2**3**x[0]"},
		{"1e-5*x + exp(y)", "1e-05*x[0]+np.exp(x[1])"},
		{"sigmoid(x) + max(x, y) + ln(x)", "sigmoid(x[0])+np.maximum(x[0],x[1])+np.log(x[0])"},
		{"sin(pi*x)", "np.sin(3.141592653589793*x[0])"},
		{"x + 0*y^0", "x[0]+0"},
	} {
		f, err := Parse(tc.src)
		if err != nil {
			t.Fatal(err)
		}
		if got := f.Python(); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.src, got, tc.want)
		}
	}
}
