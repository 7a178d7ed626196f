package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// contains reports whether one of problems contains s.
func contains(problems []string, s string) bool {
	return strings.Contains(strings.Join(problems, "\n"), s)
}

// buildGo builds an empty Go program for goos/amd64 with the extra go build
// arguments and returns the executable's path.
func buildGo(t *testing.T, goos string, cgo bool, args ...string) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a Go program")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "main.go")
	if err := os.WriteFile(src, []byte("package main\n\nfunc main() {}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	exe := filepath.Join(dir, "prog")
	cmd := exec.Command(goBin, append(append([]string{"build", "-o", exe}, args...), src)...)
	cmd.Env = append(os.Environ(), "GOOS="+goos, "GOARCH=amd64", "GOFLAGS=", "CGO_ENABLED=0")
	if cgo {
		cmd.Env = append(cmd.Env, "CGO_ENABLED=1")
	}
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

func TestCheckELF(t *testing.T) {
	if runtime.GOOS != "linux" || runtime.GOARCH != "amd64" {
		t.Skip("needs to run linux/amd64 binaries' toolchain")
	}
	plain := buildGo(t, "linux", false)
	problems := checkELF(plain, []string{"release"})
	for _, want := range []string{"not stripped", `without the tag "release"`, "-trimpath", "without cgo"} {
		if !contains(problems, want) {
			t.Errorf("plain build: problems %q, want one containing %q", problems, want)
		}
	}
	if contains(problems, "machine") {
		t.Errorf("plain build: problems %q name the machine of an x86-64 binary", problems)
	}
	release := buildGo(t, "linux", true, "-trimpath", "-tags", "migrated_fynedo,release", "-ldflags", "-s -w")
	if problems := checkELF(release, []string{"migrated_fynedo", "release"}); len(problems) > 0 {
		t.Errorf("release build: problems %q, want none", problems)
	}
}

func TestCheckNotABinary(t *testing.T) {
	path := filepath.Join(t.TempDir(), "text.exe")
	if err := os.WriteFile(path, []byte("MZ but nothing else"), 0o644); err != nil {
		t.Fatal(err)
	}
	if p := checkELF(path, nil); !contains(p, "not an ELF file") {
		t.Errorf("checkELF problems %q", p)
	}
	if p := checkPE(path, peWant{}); !contains(p, "not a PE file") {
		t.Errorf("checkPE problems %q", p)
	}
	if p := checkPE(filepath.Join(t.TempDir(), "missing.exe"), peWant{}); len(p) == 0 {
		t.Error("checkPE: no problem for a missing file")
	}
}

// TestCheckPEOnPlainGoExe cross-compiles a console program without resources
// and checks that every missing property is reported.
func TestCheckPEOnPlainGoExe(t *testing.T) {
	exe := buildGo(t, "windows", false)
	problems := checkPE(exe, peWant{Version: "0.1.0", Tags: []string{"release"}})
	for _, want := range []string{"subsystem 3", "no resources", `without the tag "release"`, "built without cgo"} {
		if !contains(problems, want) {
			t.Errorf("problems %q, want one containing %q", problems, want)
		}
	}
	if contains(problems, "not a PE file") || contains(problems, "machine") {
		t.Errorf("problems %q: a valid AMD64 PE file was rejected", problems)
	}
}

func TestCheckPNG(t *testing.T) {
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := png.Encode(&buf, image.NewNRGBA(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(dir, "a.png")
	bad := filepath.Join(dir, "b.png")
	if err := os.WriteFile(good, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, buf.Bytes()[:buf.Len()/2], 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path    string
		size    int
		problem string
	}{
		{path: good, size: 8},
		{path: good, size: 0},
		{path: good, size: 512, problem: "8x8 pixels, want 512x512"},
		{path: bad, size: 8, problem: "not a PNG"},
		{path: filepath.Join(dir, "none.png"), problem: "no such file"},
	} {
		p := checkPNG(tc.path, tc.size)
		if tc.problem == "" && len(p) > 0 || tc.problem != "" && !contains(p, tc.problem) {
			t.Errorf("checkPNG(%s, %d) = %q, want %q", filepath.Base(tc.path), tc.size, p, tc.problem)
		}
	}
}

func TestRunUsage(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
	}{
		{args: nil, code: 2},
		{args: []string{"nope", "x"}, code: 2},
		{args: []string{"png"}, code: 2},
		{args: []string{"png", "-bogus", "x"}, code: 2},
		{args: []string{"png", filepath.Join(t.TempDir(), "none.png")}, code: 1},
	} {
		var out, errOut bytes.Buffer
		if code := run(tc.args, &out, &errOut); code != tc.code {
			t.Errorf("run(%q) = %d, want %d (stderr %q)", tc.args, code, tc.code, errOut.String())
		}
	}
}
