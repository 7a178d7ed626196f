// Command genicon draws the Gradient Descent Lab icon and writes it as a PNG.
// It is run by go generate in package assets:
//
//	go run ./internal/genicon -o icon.png
package main

import (
	"bytes"
	"flag"
	"fmt"
	"image/png"
	"io"
	"os"

	"gdlab/assets/internal/icon"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stderr))
}

// run parses args, draws the icon and writes it; it returns the exit code.
func run(args []string, stderr io.Writer) int {
	fs := flag.NewFlagSet("genicon", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "icon.png", "output PNG file")
	size := fs.Int("size", 512, fmt.Sprintf("width and height in pixels (%d to %d)", icon.MinSize, icon.MaxSize))
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "genicon: unexpected argument %q\n", fs.Arg(0))
		return 2
	}
	img, err := icon.Draw(*size)
	if err != nil {
		fmt.Fprintln(stderr, "genicon:", err)
		return 1
	}
	var buf bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&buf, img); err != nil {
		fmt.Fprintln(stderr, "genicon:", err)
		return 1
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintln(stderr, "genicon:", err)
		return 1
	}
	return 0
}
