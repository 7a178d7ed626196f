package main

import (
	"fmt"
	"image/png"
	"os"
)

// checkPNG checks that path is a PNG of size × size pixels (any size when
// size is 0) that decodes completely, and returns what is wrong.
func checkPNG(path string, size int) []string {
	f, err := os.Open(path)
	if err != nil {
		return []string{err.Error()}
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		return []string{"not a PNG: " + err.Error()}
	}
	b := img.Bounds()
	if size > 0 && (b.Dx() != size || b.Dy() != size) {
		return []string{fmt.Sprintf("%dx%d pixels, want %dx%d", b.Dx(), b.Dy(), size, size)}
	}
	if b.Empty() {
		return []string{"empty image"}
	}
	return nil
}
