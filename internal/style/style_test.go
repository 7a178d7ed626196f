package style

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// maxLines is the longest a function may be. A longer one says why in its
// doc comment, with the words "80 lines" (e.g. "longer than 80 lines
// because splitting the hot loop costs 7 %, see BenchmarkRun").
const maxLines = 80

// sources are the module's Go files that are not tests or generated code.
func sources(t *testing.T) []string {
	t.Helper()
	root := filepath.Join("..", "..")
	var files []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "build" || d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 50 {
		t.Fatalf("found only %d Go files under %s", len(files), root)
	}
	return files
}

func TestFunctionsAreShort(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range sources(t) {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parser.ParseFile(fset, path, src, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			lines := fset.Position(fd.End()).Line - fset.Position(fd.Pos()).Line + 1
			if lines > maxLines && !strings.Contains(fd.Doc.Text(), "80 lines") {
				t.Errorf("%s: %s is %d lines long (at most %d, or say why in its doc comment)",
					fset.Position(fd.Pos()), fd.Name.Name, lines, maxLines)
			}
		}
	}
}

func TestExportedNamesHaveDocComments(t *testing.T) {
	fset := token.NewFileSet()
	for _, path := range sources(t) {
		f, err := parser.ParseFile(fset, path, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if ast.IsGenerated(f) || f.Name.Name == "main" {
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Name.IsExported() && fd.Doc == nil && exportedRecv(fd) {
				t.Errorf("%s: %s has no doc comment", fset.Position(fd.Pos()), fd.Name.Name)
			}
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.TYPE {
				for _, s := range gd.Specs {
					ts := s.(*ast.TypeSpec)
					if ts.Name.IsExported() && gd.Doc == nil && ts.Doc == nil {
						t.Errorf("%s: type %s has no doc comment", fset.Position(ts.Pos()), ts.Name.Name)
					}
				}
			}
		}
	}
}

// exportedRecv reports whether fd is a function or a method of an exported
// type (methods of unexported types are not part of the API).
func exportedRecv(fd *ast.FuncDecl) bool {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return true
	}
	typ := fd.Recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	if ix, ok := typ.(*ast.IndexExpr); ok {
		typ = ix.X
	}
	id, ok := typ.(*ast.Ident)
	return ok && id.IsExported()
}
