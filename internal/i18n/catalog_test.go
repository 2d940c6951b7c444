package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// usedKeys returns the keys of every T call in the module's code (tests
// and the bodies of T wrappers excluded), and the places of the calls whose key is not a literal, which
// the catalog test cannot check.
func usedKeys(t *testing.T) (keys map[string][]string, opaque []string) {
	t.Helper()
	keys = map[string][]string{}
	fset := token.NewFileSet()
	root := filepath.Join("..", "..")
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || strings.HasPrefix(d.Name(), ".")) && path != root {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(file, func(n ast.Node) bool {
			if fn, ok := n.(*ast.FuncDecl); ok && (fn.Name.Name == "T" || file.Name.Name == "csi" && (fn.Name.Name == "Errorf" || fn.Name.Name == "WithHint")) {
				return false // a wrapper forwarding its key, like Factory.T
			}
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			at := keyArg(file.Name.Name, call)
			if at < 0 || len(call.Args) <= at {
				return true
			}
			where := fset.Position(call.Pos()).String()
			if id, ok := call.Args[at].(*ast.Ident); ok && id.Name == "format" {
				return true // a wrapper (info, progress) forwarding its caller's key
			}
			lit, ok := call.Args[at].(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				opaque = append(opaque, where)
				return true
			}
			key, err := strconv.Unquote(lit.Value)
			if err != nil {
				t.Fatalf("%s: %v", where, err)
			}
			if !isT(call.Fun) && !hasWords(key) {
				return true // "%s: %v" says nothing to translate
			}
			keys[key] = append(keys[key], where)
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys, opaque
}

// keyArg returns the index of the argument of call that is a catalog key,
// or -1: the key of T (and of the CLI's info lines), the format of csi.Errorf (Errorf inside package
// csi) and of a domain error's WithHint, which csi.Error.Localize
// translates.
func keyArg(pkg string, call *ast.CallExpr) int {
	switch e := call.Fun.(type) {
	case *ast.SelectorExpr:
		switch e.Sel.Name {
		case "T", "WithHint", "info":
			return 0
		case "progress": // the demo's step lines
			if pkg == "cli" {
				return 0
			}
		case "PrintList": // the line of an empty list
			if pkg == "cli" {
				return 2
			}
		case "Errorf":
			if x, ok := e.X.(*ast.Ident); ok && x.Name == "csi" {
				return 1
			}
		}
	case *ast.Ident:
		switch {
		case e.Name == "T":
			return 0
		case e.Name == "Errorf" && pkg == "csi":
			return 1
		}
	}
	return -1
}

// hasWords reports whether a format has text beyond its verbs and
// punctuation, i.e. something to translate.
func hasWords(format string) bool {
	for _, r := range verb.ReplaceAllString(format, "") {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// isT reports whether fun is a call of a method or function named T, the
// name of every translating call (f.T, p.T).
func isT(fun ast.Expr) bool {
	switch e := fun.(type) {
	case *ast.SelectorExpr:
		return e.Sel.Name == "T"
	case *ast.Ident:
		return e.Name == "T"
	}
	return false
}

// TestCatalogMatchesCode fails when a message the code translates (T
// keys, and the formats of domain errors and their hints) has no
// Italian entry, when an entry is used by nothing, and when a key is not a
// literal (the test could not see it).
func TestCatalogMatchesCode(t *testing.T) {
	used, opaque := usedKeys(t)
	if len(used) == 0 {
		t.Fatal("found no T calls: the scan is broken")
	}
	// One key of each kind of call the scan reads: csi.Errorf, Errorf
	// inside package csi, WithHint, the CLI's info and the demo's steps.
	for _, key := range []string{"no Comune matches %q", "unknown status %q", "run 'csi comuni list' to see the names and codes",
		"the store is up to date", "printed the seed's tables"} {
		if _, ok := used[key]; !ok {
			t.Errorf("the scan did not find %q: it is broken", key)
		}
	}
	for _, where := range opaque {
		t.Errorf("%s: T is called with a key that is not a string literal; the catalog test cannot check it", where)
	}
	for key, places := range used {
		if _, ok := italian[key]; !ok {
			t.Errorf("%s: message %q has no Italian entry in catalog_it.go", places[0], key)
		}
	}
	for _, key := range Keys() {
		if _, ok := used[key]; !ok {
			t.Errorf("catalog_it.go: entry %q is used by no T call; remove it", key)
		}
	}
}

// verb matches a fmt verb with its flags, argument index, width and
// precision; %% is not a verb.
var verb = regexp.MustCompile(`%[-+# 0]*(\[\d+\])?[\d*]*(\.[\d*]*)?[a-zA-Z%]`)

func verbs(s string) []string {
	var vs []string
	for _, v := range verb.FindAllString(s, -1) {
		if v != "%%" {
			vs = append(vs, v[len(v)-1:])
		}
	}
	slices.Sort(vs)
	return vs
}

// TestCatalogVerbs fails when an Italian text does not take the same
// arguments as its English key, is empty, or holds "${" (which the
// catalog would read as a variable).
func TestCatalogVerbs(t *testing.T) {
	for en, it := range italian {
		if strings.TrimSpace(it) == "" {
			t.Errorf("%q has an empty Italian text", en)
			continue
		}
		if strings.Contains(en+it, "${") {
			t.Errorf("%q: \"${\" starts a variable in a catalog message; pass such text as an argument", en)
		}
		if got, want := verbs(it), verbs(en); !slices.Equal(got, want) {
			t.Errorf("%q: the Italian text takes verbs %v, the English %v", en, got, want)
		}
	}
}

func TestPrinter(t *testing.T) {
	it, en := NewPrinter(Italian), NewPrinter(English)
	if got, want := it.T("error: %s", "x"), "errore: x"; got != want {
		t.Errorf("Italian: got %q, want %q", got, want)
	}
	if got, want := en.T("error: %s", "x"), "error: x"; got != want {
		t.Errorf("English: got %q, want %q", got, want)
	}
	if it.Lang() != Italian || en.Lang() != English {
		t.Errorf("Lang: got %q and %q", it.Lang(), en.Lang())
	}
}

// TestCatalogCompiles compiles every message of the catalog, as T does on
// first use: a message that does not compile panics there, in a command,
// not at start.
func TestCatalogCompiles(t *testing.T) {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for _, key := range Keys() {
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("%q: %v", key, r)
				}
			}()
			setMessage(b, key, italian[key])
		}()
	}
}

// TestCompileOnFirstUse checks that a message is translated the first
// time it is asked for, from many goroutines at once, and that a key with
// no Italian text prints as it is.
func TestCompileOnFirstUse(t *testing.T) {
	it := NewPrinter(Italian)
	const key = "interrupted; nothing was changed"
	want := italian[key]
	var wg sync.WaitGroup
	got := make([]string, 8)
	for i := range got {
		wg.Go(func() { got[i] = it.T(key) })
	}
	wg.Wait()
	for i, g := range got {
		if g != want {
			t.Errorf("goroutine %d: got %q, want %q", i, g, want)
		}
	}
	if got := it.T("no such message %s", "x"); got != "no such message x" {
		t.Errorf("untranslated key: got %q", got)
	}
}

// TestPlainMatchesCatalog: a message T returns without the catalog (no
// arguments, no verb, choice or variable) is the text the catalog prints,
// in both languages, for every key of the catalog and for one it lacks.
func TestPlainMatchesCatalog(t *testing.T) {
	plain := 0
	for _, lang := range []Lang{Italian, English} {
		p := NewPrinter(lang)
		for _, key := range append(Keys(), "a message with no Italian text") {
			text, ok := p.plain(key)
			if !ok {
				continue
			}
			plain++
			compile(key)
			if want := p.p.Sprintf(key); text != want {
				t.Errorf("%s: %q is %q without the catalog, %q with it", lang, key, text, want)
			}
		}
	}
	if plain < 100 {
		t.Fatalf("only %d plain messages: the fast path is not taken", plain)
	}
}
