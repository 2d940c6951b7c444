package debiti

import (
	"slices"
	"strings"
	"testing"
)

// TestBuiltinDefinitions: both embedded definitions load, are provisional,
// name themselves and filter on their measure.
func TestBuiltinDefinitions(t *testing.T) {
	for name, misura := range map[string]string{"b2": "B2", "dopo-di-noi": "DDN"} {
		d, err := Builtin(name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d.Name != name || !d.Provisional || d.Version == "" || !slices.Equal(d.Filters.Misura, []string{misura}) {
			t.Errorf("%s: %+v", name, d)
		}
		var keys []string
		for _, c := range d.Columns {
			keys = append(keys, c.Key)
		}
		for _, want := range []string{"codice_fiscale", "comune_residenza", "totale_erogato", "altre_misure"} {
			if !slices.Contains(keys, want) {
				t.Errorf("%s lacks column %s (domain.md 3.2)", name, want)
			}
		}
	}
	if _, err := Builtin("b1"); err == nil || !strings.Contains(err.Error(), `unknown report "b1"`) {
		t.Errorf("Builtin(b1): %v", err)
	}
}

const good = `{"name": "b2", "version": "r-1", "title": {"it": "x"}, "filters": {"misura": [" b2 "]},
 "code_lists": {"s": {"A1.11": "BUONO"}},
 "columns": [{"key": "cf", "label": {"it": "CF"}, "type": "text", "source": "beneficiario.codice_fiscale"},
             {"key": "s", "label": {"en": "S"}, "type": "list", "source": "intervento.codice_prestazione", "code_list": "s"}]}`

// TestParseDefinition: a good file, and each kind of bad one refused with
// the file, the line or the field named.
func TestParseDefinition(t *testing.T) {
	d, err := Parse([]byte(good), "r.json", "b2")
	if err != nil {
		t.Fatal(err)
	}
	if d.Provisional || !slices.Equal(d.Filters.Misura, []string{"B2"}) || d.Columns[1].Label.In("it") != "S" || d.Columns[0].Label.In("en") != "CF" {
		t.Errorf("parsed %+v", d)
	}
	edit := func(old, new string) string {
		if !strings.Contains(good, old) {
			t.Fatalf("%q not in the good definition", old)
		}
		return strings.Replace(good, old, new, 1)
	}
	for _, c := range []struct{ name, data, want string }{
		{"syntax", edit(`"title"`, `,"title"`), "r.json: line 1: invalid character"},
		{"type", edit(`"version": "r-1"`, `"version": 1`), "r.json: line 1: version: is number, want string"},
		{"unknown field", edit(`"title"`, `"titolo": 1, "title"`), `r.json: unknown field "titolo"`},
		{"two documents", good + "{}", "r.json: more than one JSON document"},
		{"truncated", good[:40], "r.json: "},
		{"other report", good, `r.json: name: is "b2", this is the dopo-di-noi report`},
		{"no name", edit(`"name": "b2", `, ""), "r.json: name: missing"},
		{"bad version", edit(`"r-1"`, `"r 1"`), `r.json: version: "r 1" is not a version`},
		{"no title", edit(`"title": {"it": "x"}`, `"title": {}`), "r.json: title: missing"},
		{"no misura", edit(`[" b2 "]`, `[]`), "r.json: filters.misura: missing"},
		{"empty misura", edit(`[" b2 "]`, `["B2", " "]`), "r.json: filters.misura[1]: empty"},
		{"bad key", edit(`"key": "cf"`, `"key": "C F"`), `r.json: columns[0] (C F).key: "C F" is not a key`},
		{"no label", edit(`"label": {"it": "CF"}`, `"label": {}`), "r.json: columns[0] (cf).label: missing"},
		{"bad type", edit(`"type": "text"`, `"type": "string"`), `r.json: columns[0] (cf).type: "string" is not one of text, date, amount, integer, list`},
		{"bad source", edit(`"beneficiario.codice_fiscale"`, `"beneficiario.cf"`), `r.json: columns[0] (cf).source: "beneficiario.cf" is not a source`},
		{"bad column source", edit(`"intervento.codice_prestazione"`, `"intervento.nope"`), `r.json: columns[1] (s).source: "intervento.nope" is not a source`},
		{"bad code list", edit(`"code_list": "s"`, `"code_list": "t"`), `r.json: columns[1] (s).code_list: "t" is not in code_lists`},
		{"repeated key", edit(`"key": "s"`, `"key": "cf"`), `r.json: columns[1] (cf).key: "cf" repeats columns[0]`},
	} {
		want := "b2"
		if c.name == "other report" {
			want = "dopo-di-noi"
		}
		_, err := Parse([]byte(c.data), "r.json", want)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
	if _, err := Parse([]byte(`{"name": "b2", "version": "1", "title": {"it": "x"}, "filters": {"misura": ["B2"]}, "columns": []}`), "r.json", ""); err == nil || !strings.Contains(err.Error(), "columns: missing") {
		t.Errorf("no columns: %v", err)
	}
}

// TestParsePeriod: a year, years, days; the rest refused.
func TestParsePeriod(t *testing.T) {
	for in, want := range map[string][2]string{
		"2024": {"2024-01-01", "2024-12-31"}, "2023-2024": {"2023-01-01", "2024-12-31"},
		"2024-01-01..2024-06-30": {"2024-01-01", "2024-06-30"}, " 2024-02-29 .. 2024-02-29 ": {"2024-02-29", "2024-02-29"},
	} {
		f, to, err := ParsePeriod(in)
		if err != nil || f != want[0] || to != want[1] {
			t.Errorf("%q: %s %s %v, want %v", in, f, to, err, want)
		}
	}
	for _, in := range []string{"", "24", "2024-13", "2025-2024", "2024-06-30..2024-01-01", "2024-02-30..2024-03-01", "2024..", "x"} {
		if _, _, err := ParsePeriod(in); err == nil {
			t.Errorf("%q: accepted", in)
		}
	}
}
