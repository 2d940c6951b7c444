package cli

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestFormatCheckedOnce fails when a command checks -o itself: the root
// checks it against the formats the command declares before it runs
// (checkDeclaredFormat), so a second check in a RunE or a printer can only
// drift from the declaration.
func TestFormatCheckedOnce(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	checked := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "checkFormat" {
					checked++
					if fn.Name.Name != "checkDeclaredFormat" {
						t.Errorf("%s: %s calls checkFormat; declare the formats with Annotations: formats(...) instead",
							fset.Position(call.Pos()), fn.Name.Name)
					}
				}
				return true
			})
		}
	}
	if checked != 1 {
		t.Errorf("checkFormat is called %d times, want once (in checkDeclaredFormat)", checked)
	}
}
