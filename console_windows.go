//go:build windows

package main

import (
	"os"
	"syscall"
)

// attachConsole lets the subcommands print on Windows. The .exe is built as
// a GUI program, so it has no console of its own: when started from one,
// each standard stream that is not redirected is reopened on the parent
// process's console.
func attachConsole() {
	const attachParentProcess = ^uintptr(0) // ATTACH_PARENT_PROCESS, (DWORD)-1
	valid := func(f *os.File) bool { _, err := f.Stat(); return err == nil }
	if valid(os.Stdout) && valid(os.Stderr) {
		return // both redirected to files or pipes
	}
	attach := syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")
	if r, _, _ := attach.Call(attachParentProcess); r == 0 {
		return // not started from a console
	}
	con, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0)
	if err != nil {
		return
	}
	if !valid(os.Stdout) {
		os.Stdout = con
	}
	if !valid(os.Stderr) {
		os.Stderr = con
	}
}
