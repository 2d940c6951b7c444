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

// streamPrinters write a long result element by element as it comes (the
// residents, the findings), so they hold their own JSON and CSV writers;
// reportCheck is db.go's, not yet moved to Export.
var streamPrinters = map[string]bool{"add": true, "end": true, "csvRow": true, "finish": true, "reportCheck": true}

// TestOneExporter fails when a command writes JSON or CSV itself instead
// of through Export (output.go, output_export.go): one exporter per
// format, for every command, but the streaming printers.
func TestOneExporter(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]bool{"writeJSON": true, "writeCSV": true, "newCSVWriter": true, "Marshal": true, "MarshalIndent": true, "NewEncoder": true}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "output") {
			continue
		}
		file, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || streamPrinters[fn.Name.Name] {
				continue
			}
			ast.Inspect(fn, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				var called string
				switch fun := call.Fun.(type) {
				case *ast.Ident:
					called = fun.Name
				case *ast.SelectorExpr:
					if pkg, ok := fun.X.(*ast.Ident); ok && pkg.Name == "json" {
						called = fun.Sel.Name
					}
				}
				if writers[called] {
					t.Errorf("%s: %s writes its output with %s; use f.Export (output.go), the one exporter of every format",
						fset.Position(call.Pos()), fn.Name.Name, called)
				}
				return true
			})
		}
	}
}
