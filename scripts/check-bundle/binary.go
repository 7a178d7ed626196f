package main

import (
	"debug/buildinfo"
	"debug/elf"
	"fmt"
	"slices"
	"strings"
)

// checkELF checks that path is a stripped x86-64 ELF executable built with
// the given tags, and returns what is wrong.
func checkELF(path string, tags []string) []string {
	f, err := elf.Open(path)
	if err != nil {
		return []string{"not an ELF file: " + err.Error()}
	}
	defer f.Close()
	var problems []string
	if f.Machine != elf.EM_X86_64 {
		problems = append(problems, fmt.Sprintf("machine %v, want EM_X86_64", f.Machine))
	}
	if f.Type != elf.ET_EXEC && f.Type != elf.ET_DYN {
		problems = append(problems, fmt.Sprintf("type %v, want an executable", f.Type))
	}
	if s := f.Section(".symtab"); s != nil {
		problems = append(problems, "has a .symtab section: not stripped")
	}
	if s := f.Section(".debug_info"); s != nil {
		problems = append(problems, "has DWARF (.debug_info): not stripped")
	}
	return append(problems, checkBuildInfo(path, tags)...)
}

// checkBuildInfo checks the Go build information of the binary at path: a
// release build (-trimpath) with cgo and every tag in tags.
//
// The -ldflags (main.version) cannot be checked here: the go command does not
// record them in the build info of a -trimpath build.
func checkBuildInfo(path string, tags []string) []string {
	bi, err := buildinfo.ReadFile(path)
	if err != nil {
		return []string{"no Go build info: " + err.Error()}
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	var problems []string
	have := strings.Split(settings["-tags"], ",")
	for _, t := range tags {
		if !slices.Contains(have, t) {
			problems = append(problems, fmt.Sprintf("built without the tag %q (tags: %q)", t, settings["-tags"]))
		}
	}
	if settings["-trimpath"] != "true" {
		problems = append(problems, "not built with -trimpath: not a release build")
	}
	if settings["CGO_ENABLED"] != "1" {
		problems = append(problems, "built without cgo")
	}
	return problems
}
