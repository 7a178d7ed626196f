package lesson

import "testing"

// BenchmarkParse reads the largest built-in lesson (decode and validate).
func BenchmarkParse(b *testing.B) {
	_, files := builtInFiles(b)
	big := files[0]
	for _, f := range files {
		if len(f) > len(big) {
			big = f
		}
	}
	b.SetBytes(int64(len(big)))
	for b.Loop() {
		if _, err := Parse(big); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuiltIn reads the whole built-in pack, as the lessons menu does.
func BenchmarkBuiltIn(b *testing.B) {
	for b.Loop() {
		if len(BuiltIn()) == 0 {
			b.Fatal("no lessons")
		}
	}
}

// BenchmarkEncode writes the largest built-in lesson.
func BenchmarkEncode(b *testing.B) {
	ls := BuiltIn()
	l := ls[len(ls)-1]
	for b.Loop() {
		if _, err := Encode(l); err != nil {
			b.Fatal(err)
		}
	}
}
