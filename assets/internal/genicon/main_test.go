package main

import (
	"bytes"
	"image"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name     string
		args     []string
		wantCode int
		wantSize int    // of the written PNG, 0 = nothing written
		wantErr  string // in stderr
	}{
		{name: "ok", args: []string{"-o", filepath.Join(dir, "a.png"), "-size", "32"}, wantSize: 32},
		{name: "too small", args: []string{"-o", filepath.Join(dir, "b.png"), "-size", "8"}, wantCode: 1, wantErr: "out of range"},
		{name: "bad flag", args: []string{"-nope"}, wantCode: 2, wantErr: "flag provided but not defined"},
		{name: "extra arg", args: []string{"-o", filepath.Join(dir, "c.png"), "extra"}, wantCode: 2, wantErr: "unexpected argument"},
		{name: "unwritable", args: []string{"-o", filepath.Join(dir, "missing", "d.png"), "-size", "16"}, wantCode: 1, wantErr: "genicon:"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stderr bytes.Buffer
			if code := run(tc.args, &stderr); code != tc.wantCode {
				t.Fatalf("exit code %d, want %d (stderr %q)", code, tc.wantCode, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.wantErr) {
				t.Errorf("stderr %q does not contain %q", stderr.String(), tc.wantErr)
			}
			if tc.wantSize == 0 {
				return
			}
			data, err := os.ReadFile(tc.args[1])
			if err != nil {
				t.Fatal(err)
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
			if err != nil || format != "png" || cfg.Width != tc.wantSize || cfg.Height != tc.wantSize {
				t.Errorf("wrote %s %dx%d (err %v), want png %dx%d", format, cfg.Width, cfg.Height, err, tc.wantSize, tc.wantSize)
			}
		})
	}
}
