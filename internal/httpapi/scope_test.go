package httpapi_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestScopeDeclaresEveryMethod fails when csi.Services gains a method that
// the scoped services of scope*.go do not declare: such a method would be
// served unscoped to a coordinator and fail with an internal error for
// every other role until it is scoped.
func TestScopeDeclaresEveryMethod(t *testing.T) {
	files, err := filepath.Glob("scope*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no scope*.go files: %v", err)
	}
	declared := map[string]bool{}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == "scoped" {
					declared[fn.Name.Name] = true
				}
			}
		}
	}
	svc := reflect.TypeFor[csi.Services]()
	for i := range svc.NumMethod() {
		if m := svc.Method(i).Name; !declared[m] {
			t.Errorf("csi.Services.%s is not scoped: declare (*scoped).%s in internal/httpapi/scope*.go and add its routes to the matrix", m, m)
		}
	}
}
