package main

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
)

// desktopWant is what checkDesktop expects of a desktop entry.
type desktopWant struct {
	Name       string   // exact Name; "" = any non-empty
	Categories []string // categories that must be listed
	ExecArg    string   // field code Exec must pass (e.g. %f); "" = none required
	MimeType   string   // MIME type that must be declared; "" = none required
}

// parseDesktop returns the keys of the [Desktop Entry] group of a desktop
// entry file (comments and other groups are skipped).
func parseDesktop(text string) (map[string]string, error) {
	keys := map[string]string{}
	group := ""
	seen := false
	sc := bufio.NewScanner(strings.NewReader(text))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		switch {
		case line == "" || strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "[") && strings.HasSuffix(line, "]"):
			group = line[1 : len(line)-1]
			seen = seen || group == "Desktop Entry"
		default:
			k, v, ok := strings.Cut(line, "=")
			if !ok {
				return nil, fmt.Errorf("line %d: %q is neither a group, a key=value nor a comment", n, line)
			}
			if group == "" {
				return nil, fmt.Errorf("line %d: key before the [Desktop Entry] group", n)
			}
			if group == "Desktop Entry" {
				keys[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	if !seen {
		return nil, fmt.Errorf("no [Desktop Entry] group")
	}
	return keys, sc.Err()
}

// checkDesktop checks the desktop entry file at path and returns what is wrong.
func checkDesktop(path string, want desktopWant) []string {
	b, err := os.ReadFile(path)
	if err != nil {
		return []string{err.Error()}
	}
	keys, err := parseDesktop(string(b))
	if err != nil {
		return []string{err.Error()}
	}
	return checkDesktopKeys(keys, want)
}

// checkDesktopKeys checks the keys of a [Desktop Entry] group.
func checkDesktopKeys(keys map[string]string, want desktopWant) []string {
	var problems []string
	bad := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if keys["Type"] != "Application" {
		bad("Type=%q, want Application", keys["Type"])
	}
	switch {
	case keys["Name"] == "":
		bad("no Name")
	case want.Name != "" && keys["Name"] != want.Name:
		bad("Name=%q, want %q", keys["Name"], want.Name)
	}
	exec := strings.Fields(keys["Exec"])
	if len(exec) == 0 {
		bad("no Exec")
	} else if want.ExecArg != "" && !slices.Contains(exec[1:], want.ExecArg) {
		bad("Exec=%q does not pass %s", keys["Exec"], want.ExecArg)
	}
	if keys["Icon"] == "" {
		bad("no Icon")
	}
	cats := splitSemicolons(keys["Categories"])
	for _, c := range want.Categories {
		if !slices.Contains(cats, c) {
			bad("Categories=%q does not list %s", keys["Categories"], c)
		}
	}
	if want.MimeType != "" && !slices.Contains(splitSemicolons(keys["MimeType"]), want.MimeType) {
		bad("MimeType=%q does not declare %s", keys["MimeType"], want.MimeType)
	}
	return problems
}

// splitSemicolons splits a desktop entry list ("a;b;").
func splitSemicolons(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ";") {
		if f != "" {
			out = append(out, f)
		}
	}
	return out
}
