package i18n

import (
	"slices"
	"strings"
	"testing"
)

func TestPlurals(t *testing.T) {
	it, en := NewPrinter(Italian), NewPrinter(English)
	for _, tc := range []struct {
		p    *Printer
		key  string
		args []any
		want string
	}{
		{it, "audit log intact: %d entries verified%s", []any{1, ""}, "registro delle operazioni integro: 1 voce verificata"},
		{it, "audit log intact: %d entries verified%s", []any{0, ""}, "registro delle operazioni integro: 0 voci verificate"},
		{it, "audit log intact: %d entries verified%s", []any{1234, ""}, "registro delle operazioni integro: 1.234 voci verificate"},
		{en, "audit log intact: %d entries verified%s", []any{1, ""}, "audit log intact: 1 entry verified"},
		{en, "audit log intact: %d entries verified%s", []any{2, ""}, "audit log intact: 2 entries verified"},
		{it, "Validation (csi validate): %d errors, %d warnings", []any{1, 15372}, "Validazione (csi validate): 1 errore, 15.372 avvisi"},
		{it, "Validation (csi validate): %d errors, %d warnings", []any{10, 1}, "Validazione (csi validate): 10 errori, 1 avviso"},
		{en, "Validation (csi validate): %d errors, %d warnings", []any{1, 1}, "Validation (csi validate): 1 error, 1 warning"},
		// A choice that names its count: the first of two.
		{it, "error: %d of %d files failed and were left as they were; the others were imported", []any{1, 3},
			"errore: 1 file su 3 non caricato, lasciato com'era; gli altri sono stati caricati"},
		{en, "error: %d of %d files failed and were left as they were; the others were imported", []any{2, 3},
			"error: 2 of 3 files failed and were left as they were; the others were imported"},
		{en, "error: %d of %d files failed and were left as they were; the others were imported", []any{1, 3},
			"error: 1 of 3 files failed and was left as it was; the others were imported"},
	} {
		if got := tc.p.T(tc.key, tc.args...); got != tc.want {
			t.Errorf("%s %q %v: got %q, want %q", tc.p.Lang(), tc.key, tc.args, got, tc.want)
		}
	}
}

// TestCatalogPlurals checks the plural choices of the catalog: each one
// follows a count (or names one) that is a %d, and each English text with
// choices is its key with the other forms chosen.
func TestCatalogPlurals(t *testing.T) {
	check := func(where, text string) {
		for _, loc := range choice.FindAllStringSubmatchIndex(text, -1) {
			arg := choiceArg(text, loc)
			var dverbs []int // argument numbers of the %d verbs
			next := 1
			for _, m := range fmtVerb.FindAllStringSubmatch(text, -1) {
				if m[0] == "%%" {
					continue
				}
				if m[1] != "" {
					next = atoi(m[1][1 : len(m[1])-1])
				}
				if strings.HasSuffix(m[0], "d") {
					dverbs = append(dverbs, next)
				}
				next++
			}
			if !slices.Contains(dverbs, arg) {
				t.Errorf("%s %q: the choice %q agrees with argument %d, which is not a %%d", where, text, text[loc[0]:loc[1]], arg)
			}
		}
	}
	for en, it := range italian {
		check("Italian", it)
		if strings.Contains(en, "{{") {
			t.Errorf("key %q holds a choice: the key is the English with the other forms", en)
		}
	}
	for en, text := range englishPlurals {
		if _, ok := italian[en]; !ok {
			t.Errorf("English plural %q has no Italian entry", en)
		}
		if got := otherForms(text); got != en {
			t.Errorf("English plural %q: with the other forms it reads %q, not its key", text, got)
		}
		if !choice.MatchString(text) {
			t.Errorf("English plural %q holds no choice", text)
		}
		check("English", text)
	}
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
