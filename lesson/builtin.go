package lesson

import (
	"io/fs"
	"path"
	"sort"

	"gdlab/assets"
)

// BuiltIn returns the built-in lesson pack (assets.Lessons) in teaching
// order, the order of the file names (01-textbook.json, 02-…). The slice
// and the lessons are fresh on every call, so the caller may modify them.
// Every built-in lesson is valid (the tests check it); a file that is not
// is left out rather than crash the program.
func BuiltIn() []Lesson {
	names, err := fs.Glob(assets.Lessons, "lessons/*.json")
	if err != nil {
		return nil
	}
	sort.Strings(names)
	lessons := make([]Lesson, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(assets.Lessons, path.Clean(name))
		if err != nil {
			continue
		}
		if l, err := Parse(data); err == nil {
			lessons = append(lessons, l)
		}
	}
	return lessons
}
