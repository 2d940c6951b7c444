package rules_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

// header is the start of a small valid ruleset (lines 1-6).
const header = `name: local
version: "2"
lists:
  area: {FAM: famiglia, DIS: disabilità}
  esiti: [INFORMAZIONE]
rules:
`

// areaRule is a valid rule (lines 7-10 after header).
const areaRule = `  - id: accesso-area
    kind: accesso
    severity: error
    lists: [area]
`

func TestLoadValid(t *testing.T) {
	rs, err := rules.Load(strings.NewReader(header+areaRule+`  - id: persona-data-nascita
    kind: persona
    severity: warning
    params: {max_age_years: 110}
`), "local.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if rs.Name != "local" || rs.Version != "2" || len(rs.Rules) != 2 || len(rs.Lists["area"]) != 2 || len(rs.Lists["esiti"]) != 1 {
		t.Fatalf("loaded %+v", rs)
	}
	r := rs.Rules[1]
	if r.Line != 11 || r.Params["max_age_years"] != 110 || r.Severity != rules.SeverityWarning {
		t.Errorf("rule %+v", r)
	}
	if rs.Lists["area"][1] != (rules.Code{Code: "DIS", Label: "disabilità"}) {
		t.Errorf("area list %+v", rs.Lists["area"])
	}
}

func TestLoadRefusals(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		line int
		msg  string
	}{
		{"unknown rule id", header + areaRule + "  - id: foo\n    kind: accesso\n    severity: error\n",
			11, `unknown rule id "foo" (known: accesso-area, accesso-cf, `},
		{"bad severity", header + "  - id: accesso-area\n    kind: accesso\n    severity: fatal\n",
			9, `rule "accesso-area": bad severity "fatal" (want error or warning)`},
		{"missing severity", header + "  - id: accesso-area\n    kind: accesso\n",
			7, `rule "accesso-area": missing severity`},
		{"bad kind", header + "  - id: accesso-area\n    kind: famiglia\n    severity: error\n",
			8, `rule "accesso-area": unknown kind "famiglia" (want one of: persona, accesso, cartella, intervento)`},
		{"kind of another check", header + "  - id: accesso-area\n    kind: cartella\n    severity: error\n",
			8, `rule "accesso-area": kind is cartella but the check applies to accesso records`},
		{"missing code list", header + "  - id: accesso-area\n    kind: accesso\n    severity: error\n    lists: [aree]\n",
			10, `rule "accesso-area": unknown code list "aree" (defined: area, esiti)`},
		{"default code list missing", header + "  - id: accesso-esito\n    kind: accesso\n    severity: error\n",
			7, `rule "accesso-esito": uses code list "esito" by default, which is not defined`},
		{"wrong number of lists", header + "  - id: accesso-area\n    kind: accesso\n    severity: error\n    lists: [area, esiti]\n",
			10, `rule "accesso-area": takes 1 code list(s) (like area), got 2`},
		{"duplicate rule id", header + areaRule + areaRule,
			11, `duplicate rule id "accesso-area" (first at line 7)`},
		{"missing name", "version: \"1\"\nrules: []\n",
			1, "missing name"},
		{"missing version", "name: x\n\nrules: []\n",
			1, "missing version"},
		{"empty version", "name: x\nversion: \"\"\n",
			2, "version is empty"},
		{"unknown top-level key", header + areaRule + "checks: []\n",
			11, `unknown key "checks" in the ruleset (allowed: name, version, source, lists, rules)`},
		{"unknown rule key", header + "  - id: accesso-area\n    kind: accesso\n    severity: error\n    level: 3\n",
			10, `unknown key "level" in a rule`},
		{"param of the wrong type", header + "  - id: persona-data-nascita\n    kind: persona\n    severity: error\n    params:\n      max_age_years: centoventi\n",
			11, `rule "persona-data-nascita": param max_age_years must be an integer, got "centoventi"`},
		{"string param given a number", header + "  - id: intervento-misura-b2\n    kind: intervento\n    severity: error\n    lists: [area]\n    params: {misura: 2}\n",
			11, `rule "intervento-misura-b2": param misura must be a string (quote numbers), got "2"`},
		{"unknown param", header + "  - id: persona-data-nascita\n    kind: persona\n    severity: error\n    params:\n      max_age: 100\n",
			11, `rule "persona-data-nascita": unknown param "max_age" (known: max_age_years)`},
		{"rule without id", header + "  - kind: accesso\n    severity: error\n",
			7, "rule without id"},
		{"duplicate key", header + "  - id: accesso-area\n    kind: accesso\n    kind: accesso\n",
			9, `duplicate key "kind" in a rule (first at line 8)`},
		{"duplicate code", "name: x\nversion: \"1\"\nlists:\n  l: [A, B, A]\n",
			4, `duplicate code "A" in code list l (first at line 4)`},
		{"lists not a mapping", "name: x\nversion: \"1\"\nlists: [a]\n",
			3, "lists must be a mapping"},
		{"rules not a list", "name: x\nversion: \"1\"\nrules: {a: b}\n",
			3, "rules must be a list"},
		{"YAML syntax", "name: x\nversion: \"1\"\nsource: a: b\n",
			3, "mapping values are not allowed in this context"},
		{"empty file", "", 0, "empty ruleset"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := rules.Load(strings.NewReader(tc.yaml), "local.yaml")
			var le *rules.LoadError
			if !errors.As(err, &le) {
				t.Fatalf("error %v (%T), want *LoadError", err, err)
			}
			if le.File != "local.yaml" || le.Line != tc.line || !strings.Contains(le.Msg, tc.msg) {
				t.Errorf("got %s:%d %q, want line %d and %q", le.File, le.Line, le.Msg, tc.line, tc.msg)
			}
		})
	}
}

func TestLoadErrorString(t *testing.T) {
	e := &rules.LoadError{File: "file.yaml", Line: 12, Msg: `unknown rule id "foo" (known: a, b)`}
	if got, want := e.Error(), `file.yaml: line 12: unknown rule id "foo" (known: a, b)`; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	e = &rules.LoadError{File: "file.yaml", Msg: "empty ruleset"}
	if got, want := e.Error(), "file.yaml: empty ruleset"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

// editRule applies f to the YAML block of rule id in a ruleset file.
func editRule(t *testing.T, src, id string, f func(block string) string) string {
	t.Helper()
	start := strings.Index(src, "\n  - id: "+id+"\n")
	if start < 0 {
		t.Fatalf("rule %s not found", id)
	}
	end := strings.Index(src[start+1:], "\n  - id: ")
	if end < 0 {
		end = len(src)
	} else {
		end += start + 1
	}
	return src[:start] + f(src[start:end]) + src[end:]
}

func TestAdjustedCopy(t *testing.T) {
	b, err := os.ReadFile("dgr-2457-2019.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := editRule(t, string(b), "cartella-residente", func(s string) string {
		return strings.Replace(s, "severity: warning", "severity: error", 1)
	})
	src = editRule(t, src, "accesso-esito", func(string) string { return "" })
	rs, err := rules.Load(strings.NewReader(src), "local.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := rs.Rule("accesso-esito"); ok {
		t.Error("dropped rule accesso-esito still loaded")
	}
	if r, _ := rs.Rule("cartella-residente"); r.Severity != rules.SeverityError {
		t.Errorf("cartella-residente severity %s, want error", r.Severity)
	}
	c := rules.NewChecker(rs, newEnv())
	fs := collect(func(emit func(rules.Finding)) {
		access(func(a *csi.Accesso) { a.Esito = "CHIUSO" })(c, emit)
		cart(func(x *csi.Cartella) { x.CodiceFiscale = cfRossi })(c, emit)
	})
	if len(fs) != 1 || fs[0].Rule != "cartella-residente" || fs[0].Severity != rules.SeverityError {
		t.Errorf("findings %+v, want one cartella-residente error", fs)
	}
}

func TestAdjustedParams(t *testing.T) {
	b, err := os.ReadFile("dgr-2457-2019.yaml")
	if err != nil {
		t.Fatal(err)
	}
	src := editRule(t, string(b), "persona-data-nascita", func(s string) string {
		return strings.Replace(s, "max_age_years: 120", "max_age_years: 70", 1)
	})
	rs, err := rules.Load(strings.NewReader(src), "local.yaml")
	if err != nil {
		t.Fatal(err)
	}
	fs := collect(func(emit func(rules.Finding)) { rules.NewChecker(rs, newEnv()).Persona(brambilla(), emit) })
	if len(fs) != 1 || fs[0].Rule != "persona-data-nascita" || !strings.Contains(fs[0].Message, "70 years") {
		t.Errorf("findings %+v, want persona-data-nascita with 70 years", fs)
	}
}

func TestLoadEmptySections(t *testing.T) {
	rs, err := rules.Load(strings.NewReader("name: x\nversion: 1.0\nlists:\n  vuota:\nrules:\n"), "x.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if rs.Version != "1.0" || len(rs.Rules) != 0 || rs.Lists["vuota"] == nil {
		t.Errorf("loaded %+v", rs)
	}
	if _, err := rules.Load(strings.NewReader("- a\n- b\n"), "x.yaml"); err == nil || err.Error() != "x.yaml: line 1: the ruleset must be a mapping (key: value)" {
		t.Errorf("list at top level: %v", err)
	}
}
