package app

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"gdlab/lesson"
	"gdlab/message"
)

// The window speaks the language of the system locale (LC_ALL, LC_MESSAGES,
// LANG, then LANGUAGE on Linux and BSD): German for de_*, English otherwise.
// Its own strings are keys of lang.L; the engine's sentences are
// message.Messages, rendered here from the same translation packs
// (assets/translations/*.json). This file is the one place where the window
// turns a message into text.

// translate is the window's language as a message.Translator.
func translate(key string) string { return lang.L(key) }

// render is m in the window's language.
func render(m message.Message) string { return m.Render(translate) }

// errText is err in the window's language: its message when it has one (an
// error of the engine, the parser or a lesson file), else its own text.
func errText(err error) string { return message.Of(err, translate) }

// formatNum prints a number compactly for the form, the readout and the
// status line.
func formatNum(v float64) string { return message.Short(v) }

// joinAnd joins two or more numbers (or words) with the language's "and":
// "2 and 4" in English, "2 und 4" in German.
func joinAnd(parts []string) string {
	return strings.Join(parts, " "+lang.L("and")+" ")
}

// builtInLessonStrings are the titles, texts and stops of the built-in lessons,
// the lesson strings the translation packs know.
var builtInLessonStrings = sync.OnceValue(func() map[string]bool {
	known := map[string]bool{}
	for _, l := range lesson.BuiltIn() {
		known[l.Title] = true
		known[l.Text] = true
		for _, st := range l.Stops {
			known[st.Text] = true
		}
	}
	return known
})

// translateLessonString translates the title or the text of a built-in
// lesson into the window's language; any other string (a user's own lesson
// file, or one saved from the window in another language) is returned
// unchanged, without a lookup.
func translateLessonString(s string) string {
	if s == "" || !builtInLessonStrings()[s] {
		return s
	}
	return lang.L(s)
}
