// Package packtest checks a package's translation packs against the kinds
// of message it defines, for that package's tests (as net/http/httptest
// serves net/http's): every kind has its English and German entry, the
// German has the verbs and the arity of the key and is no copy of the
// English, and the packs hold nothing else.
package packtest

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gdlab/message"
)

// englishWord is a word that a translation must change.
var englishWord = regexp.MustCompile(`[A-Za-z]{4,}`)

// Check reads dir/NAME.de.json and dir/NAME.en.json and checks them against
// kinds; words listed in same (names such as JSON or XMIN) may stay as they
// are in German.
func Check(t testing.TB, dir, name string, kinds []message.Kind, same ...string) {
	t.Helper()
	de, en := Read(t, dir, name+".de.json"), Read(t, dir, name+".en.json")
	own := Keys(t, kinds)
	keep := strings.NewReplacer(pairs(same)...)
	for _, k := range kinds {
		key := k.Key()
		if en[key] != key {
			t.Errorf("%s.en.json: %q = %q, want the key", name, key, en[key])
		}
		g, ok := de[key]
		if !ok {
			t.Errorf("%s.de.json: no translation of %q", name, key)
			continue
		}
		kv, gv := message.Verbs(key), message.Verbs(g)
		slices.Sort(kv)
		slices.Sort(gv)
		if !slices.Equal(kv, gv) || message.Arity(g) != k.Arity() {
			t.Errorf("%s.de.json: %q = %q: verbs %v, want %v", name, key, g, message.Verbs(g), message.Verbs(key))
		}
		if englishWord.MatchString(keep.Replace(key)) && g == key {
			t.Errorf("%s.de.json: %q is not translated", name, key)
		}
	}
	for file, pack := range map[string]map[string]string{"de": de, "en": en} {
		for key := range pack {
			if !own[key] {
				t.Errorf("%s.%s.json: %q is no kind of the package", name, file, key)
			}
		}
	}
}

// Keys is the set of the kinds' keys; a kind listed twice is an error.
func Keys(t testing.TB, kinds []message.Kind) map[string]bool {
	t.Helper()
	own := map[string]bool{}
	for _, k := range kinds {
		if own[k.Key()] {
			t.Errorf("kind %q is listed twice", k.Key())
		}
		own[k.Key()] = true
	}
	return own
}

func pairs(words []string) []string {
	var p []string
	for _, w := range words {
		p = append(p, w, "")
	}
	return p
}

// Read reads the pack dir/file: a flat JSON object of strings.
func Read(t testing.TB, dir, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, file))
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]string
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	return m
}

// Defined returns the keys of every message.Define call in the Go files of
// dir that are not tests, so that a package's test can check that its list
// of kinds misses none. A Define of a key that is no string literal is an
// error.
func Defined(t testing.TB, dir string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			if key, ok := defineKey(t, fset, n); ok {
				keys = append(keys, key)
			}
			return true
		})
	}
	return keys
}

// defineKey is the key of n when n is a call message.Define(KEY).
func defineKey(t testing.TB, fset *token.FileSet, n ast.Node) (string, bool) {
	call, ok := n.(*ast.CallExpr)
	if !ok {
		return "", false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || sel.Sel.Name != "Define" {
		return "", false
	}
	if id, ok := sel.X.(*ast.Ident); !ok || id.Name != "message" || len(call.Args) != 1 {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		t.Errorf("%s: message.Define of a non-literal key", fset.Position(call.Pos()))
		return "", false
	}
	key, err := strconv.Unquote(lit.Value)
	if err != nil {
		t.Fatal(err)
	}
	return key, true
}
