package expr

import (
	"errors"
	"strings"
	"testing"

	"gdlab/message"
	"gdlab/message/packtest"
)

// TestErrorMessages checks that the message of every kind of error renders
// as Error() in English, and in German without a verb left over.
func TestErrorMessages(t *testing.T) {
	de := readTranslations(t, "de")
	tr := func(key string) string {
		if s, ok := de[key]; ok {
			return s
		}
		return key
	}
	for _, tc := range errorCases() {
		_, err := Parse(tc.src)
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: Parse(%q) error = %v, want an *Error", tc.name, tc.src, err)
			continue
		}
		if got := e.Message().String(); got != e.Error() {
			t.Errorf("%s: Message() = %q, Error() = %q", tc.name, got, e.Error())
		}
		if m, ok := message.As(err); !ok || m.String() != e.Error() {
			t.Errorf("%s: message.As = %q, %v, want %q", tc.name, m, ok, e.Error())
		}
		german := e.Message().Render(tr)
		if strings.Contains(german, "%!") || german == e.Error() || !strings.HasPrefix(german, "Spalte ") {
			t.Errorf("%s: German %q (English %q)", tc.name, german, e.Error())
		}
	}
}

// TestTranslations checks that expr.de.json translates exactly the kinds
// of the package, each with the verbs of its key, and that expr.en.json maps
// each key to itself.
func TestTranslations(t *testing.T) {
	own := packtest.Keys(t, kinds)
	// Every kind linked into the test binary is the package's, or the tests'.
	for _, k := range message.Kinds() {
		if !own[k.Key()] && k != msgTest {
			t.Errorf("kind %q is not in kinds", k.Key())
		}
	}
	packtest.Check(t, "../../assets/translations", "expr", kinds)
}

// readTranslations reads the translation file of expr for lang.
func readTranslations(t *testing.T, lang string) map[string]string {
	return packtest.Read(t, "../../assets/translations", "expr."+lang+".json")
}
