// Package localefix keeps Fyne from logging an error at start-up when the
// locale is the C locale with an encoding (LANG=C.UTF-8, common in containers
// and CI): Fyne's locale library reads "C.UTF-8" as the language "C" and
// fails to parse it. When the locale is C or POSIX and LANGUAGE is unset,
// it sets LANGUAGE=en, which that library reads instead; nothing else
// changes.
//
// Import it for its side effect. It must run before fyne.io/fyne/v2/lang is
// initialised: Go initialises packages in import-path order among those whose
// imports are ready, and "gdlab/..." sorts before "golang.org/x/text/...",
// on which Fyne's lang package depends, so this init always runs first.
package localefix

import (
	"os"
	"strings"
)

func init() { apply(os.Getenv, os.Setenv) }

// apply sets LANGUAGE=en when the locale in effect is C or POSIX with an
// encoding suffix and LANGUAGE is not set.
func apply(getenv func(string) string, setenv func(string, string) error) {
	for _, k := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		v := getenv(k)
		if v == "" {
			continue
		}
		base, _, _ := strings.Cut(v, ".")
		if (base == "C" || base == "POSIX") && v != base && getenv("LANGUAGE") == "" {
			setenv("LANGUAGE", "en")
		}
		return
	}
}
