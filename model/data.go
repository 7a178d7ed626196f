package model

import (
	"math"
	"math/rand/v2"
	"sort"
)

// Data is a data set: rows of Inputs input columns (row-major in X) and a
// target each (a value, or a label 0 or 1 when Classification).
type Data struct {
	Name           string
	Description    string
	Inputs         int
	X, Y           []float64
	Classification bool
	Columns        []string // the names of the input columns, then of the target
}

// Rows is the number of rows.
func (d *Data) Rows() int { return len(d.Y) }

// Row is the inputs of row i.
func (d *Data) Row(i int) []float64 { return d.X[i*d.Inputs : (i+1)*d.Inputs] }

// DefaultSeed is the seed of the built-in data sets when none is given.
const DefaultSeed = 1

// dataStream is the second word of the PCG state of the data generators.
const dataStream = 0x6a09e667f3bcc908

// builtin is a built-in data set's generator and description.
type builtin struct {
	name, description string
	make              func(gen *rand.Rand) *Data
}

// builtins are the built-in data sets, in the order they are listed.
var builtins = []builtin{
	{"line", "50 points on the line y = 2x + 1, with noise", makeLine},
	{"parabola", "50 points on the parabola y = 0.5x² − x + 1, with noise", makeParabola},
	{"blobs", "two clusters of 50 points in the plane, labels 0 and 1", makeBlobs},
	{"moons", "two interleaved half moons of 100 points, labels 0 and 1", makeMoons},
	{"circles", "a circle of points inside another, labels 1 and 0", makeCircles},
	{"xor", "200 points in the square, label 1 where x1·x2 > 0: no line separates them", makeXOR},
}

// DataNames are the names of the built-in data sets.
func DataNames() []string {
	out := make([]string, len(builtins))
	for i, b := range builtins {
		out[i] = b.name
	}
	return out
}

// BuiltIn is the built-in data set called name, generated from seed (0:
// DefaultSeed); ok is false for an unknown name.
func BuiltIn(name string, seed uint64) (*Data, bool) {
	if seed == 0 {
		seed = DefaultSeed
	}
	for _, b := range builtins {
		if b.name == name {
			d := b.make(rand.New(rand.NewPCG(seed, dataStream)))
			d.Name, d.Description = b.name, b.description
			return d, true
		}
	}
	return nil, false
}

func makeLine(gen *rand.Rand) *Data {
	d := &Data{Inputs: 1, Columns: []string{"x", "y"}}
	for range 50 {
		x := 5 * gen.Float64()
		d.X, d.Y = append(d.X, x), append(d.Y, 2*x+1+0.5*gen.NormFloat64())
	}
	return d
}

func makeParabola(gen *rand.Rand) *Data {
	d := &Data{Inputs: 1, Columns: []string{"x", "y"}}
	for range 50 {
		x := 6*gen.Float64() - 3
		d.X, d.Y = append(d.X, x), append(d.Y, 0.5*x*x-x+1+0.3*gen.NormFloat64())
	}
	return d
}

// classes is an empty 2-D classification set.
func classes() *Data {
	return &Data{Inputs: 2, Classification: true, Columns: []string{"x1", "x2", "label"}}
}

func (d *Data) add(x1, x2, label float64) {
	d.X, d.Y = append(d.X, x1, x2), append(d.Y, label)
}

func makeBlobs(gen *rand.Rand) *Data {
	d := classes()
	for i := range 100 {
		c := float64(i % 2)
		d.add(3*c-1.5+0.8*gen.NormFloat64(), 2*c-1+0.8*gen.NormFloat64(), c)
	}
	return d
}

func makeMoons(gen *rand.Rand) *Data {
	d := classes()
	for i := range 100 {
		t := math.Pi * float64(i) / 99
		d.add(math.Cos(t)+0.1*gen.NormFloat64(), math.Sin(t)+0.1*gen.NormFloat64(), 0)
		d.add(1-math.Cos(t)+0.1*gen.NormFloat64(), 0.5-math.Sin(t)+0.1*gen.NormFloat64(), 1)
	}
	return d
}

func makeCircles(gen *rand.Rand) *Data {
	d := classes()
	for i := range 100 {
		t := 2 * math.Pi * float64(i) / 100
		d.add(math.Cos(t)+0.08*gen.NormFloat64(), math.Sin(t)+0.08*gen.NormFloat64(), 0)
		d.add(0.5*math.Cos(t)+0.08*gen.NormFloat64(), 0.5*math.Sin(t)+0.08*gen.NormFloat64(), 1)
	}
	return d
}

func makeXOR(gen *rand.Rand) *Data {
	d := classes()
	for range 200 {
		x1, x2 := 2*gen.Float64()-1, 2*gen.Float64()-1
		label := 0.0
		if x1*x2 > 0 {
			label = 1
		}
		d.add(x1, x2, label)
	}
	return d
}

// Split is d's rows split into a training and a test set: the test set is
// the fraction f of the rows (rounded, at least one row when f > 0 and at
// least one row left for training), chosen by a shuffle seeded with seed.
func (d *Data) Split(f float64, seed uint64) (train, test *Data) {
	n := d.Rows()
	k := int(math.Round(f * float64(n)))
	if f > 0 {
		k = max(1, min(k, n-1))
	}
	if k <= 0 {
		return d, nil
	}
	perm := rand.New(rand.NewPCG(seed, dataStream^1)).Perm(n)
	testRows := append([]int(nil), perm[:k]...)
	sort.Ints(testRows)
	trainRows := append([]int(nil), perm[k:]...)
	sort.Ints(trainRows)
	return d.subset(trainRows), d.subset(testRows)
}

// subset is the rows of d at rows, in that order.
func (d *Data) subset(rows []int) *Data {
	s := &Data{Name: d.Name, Description: d.Description, Inputs: d.Inputs, Classification: d.Classification, Columns: d.Columns}
	for _, i := range rows {
		s.X = append(s.X, d.Row(i)...)
		s.Y = append(s.Y, d.Y[i])
	}
	return s
}
