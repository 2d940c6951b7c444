package cli

import (
	"encoding/xml"
	"fmt"
	"io"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
)

// maxShownPerRule is how many findings of a rule the terminal report lists.
const maxShownPerRule = 20

// findingSink receives findings as the store streams them. JSON and CSV
// write each at once; the terminal report keeps the first few per rule;
// JUnit, whose XML needs counts first, keeps them all.
type findingSink struct {
	f                *Factory
	ruleset, version string
	n                int
	csv              *csvWriter
	shown            map[string][]csi.Finding
	order            []string
	all              []csi.Finding
	failWarnings     bool // junit: a warning is a failure (--fail-on warning)
	// withFix adds each finding's fix (SIUSS findings carry one): a fix
	// column in CSV, a fix line per rule in the terminal report.
	withFix bool
	// command is what the report tells to run for the findings it does
	// not show ("csi validate" when empty).
	command string
}

func (f *Factory) newFindingSink(ruleset, version string) *findingSink {
	return &findingSink{f: f, ruleset: ruleset, version: version, shown: map[string][]csi.Finding{}}
}

func (s *findingSink) add(x csi.Finding) error {
	s.n++
	switch s.f.Output {
	case FormatJSON:
		return s.json(x)
	case FormatCSV:
		return s.csvRow(&x)
	case "junit", FormatXLSX:
		s.all = append(s.all, x)
		return nil
	}
	if _, ok := s.shown[x.Rule]; !ok {
		s.order = append(s.order, x.Rule)
	}
	if len(s.shown[x.Rule]) < maxShownPerRule {
		s.shown[x.Rule] = append(s.shown[x.Rule], x)
	} else if s.shown[x.Rule] == nil {
		s.shown[x.Rule] = []csi.Finding{}
	}
	return nil
}

func (s *findingSink) json(x csi.Finding) error {
	w := s.f.IO.Out
	if s.n == 1 {
		fmt.Fprint(w, "{\n  \"findings\": [\n    ")
	} else {
		fmt.Fprint(w, ",\n    ")
	}
	b, err := marshalJSON(x, "", "")
	if err != nil {
		return err
	}
	_, err = w.Write(b)
	return err
}

var findingHeaders = []string{"rule", "severity", "kind", "id", "comune", "field", "message"}

// csvRow writes the header the first time, then the finding x (none when
// nil: a run without findings still prints its header).
func (s *findingSink) csvRow(x *csi.Finding) error {
	if s.csv == nil {
		s.csv = s.f.newCSV(s.f.IO.Out)
		h := findingHeaders
		if s.withFix {
			h = append(append([]string(nil), h...), "fix")
		}
		if err := s.csv.Write(h); err != nil {
			return err
		}
	}
	if x == nil {
		return nil
	}
	row := []string{x.Rule, x.Severity, x.Kind, x.ID, x.Comune, x.Field, x.Message}
	if s.withFix {
		row = append(row, x.Fix)
	}
	return s.csv.Write(row)
}

// finish prints what only the end of the run knows.
func (s *findingSink) finish(run *csi.ValidationRun, sum *csi.ValidationSummary) error {
	switch s.f.Output {
	case FormatJSON:
		return s.finishJSON(run, sum)
	case FormatCSV:
		if err := s.csvRow(nil); err != nil {
			return err
		}
		s.csv.Flush()
		return s.csv.Error()
	case "junit":
		return s.junit(run, sum)
	case FormatXLSX:
		_, err := s.f.ExportTables(nil, nil, func() []Table { return validationSheets(s.f.tr, run, sum, s.all) })
		return err
	}
	return s.f.writeValidationText(run, sum, s.order, s.shown, s.command)
}

func (s *findingSink) finishJSON(run *csi.ValidationRun, sum *csi.ValidationSummary) error {
	w := s.f.IO.Out
	if s.n == 0 {
		fmt.Fprint(w, "{\n  \"findings\": [")
	} else {
		fmt.Fprint(w, "\n  ")
	}
	tail := map[string]any{"ruleset": s.ruleset, "ruleset_version": s.version, "scope": run.Scope, "summary": sum, "run": run}
	b, err := marshalJSON(tail, "", "  ")
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(w, "],\n  %s\n", b[4:]) // b starts with "{\n  "
	return err
}

// junit writes one test suite per rule, one failing test case per finding,
// and a passing case for a rule without findings.
func (s *findingSink) junit(run *csi.ValidationRun, sum *csi.ValidationSummary) error {
	type failure struct {
		Message string `xml:"message,attr"`
		Type    string `xml:"type,attr"`
		Text    string `xml:",chardata"`
	}
	type testcase struct {
		Name      string   `xml:"name,attr"`
		Classname string   `xml:"classname,attr"`
		Failure   *failure `xml:"failure,omitempty"`
		SystemOut string   `xml:"system-out,omitempty"`
	}
	type suite struct {
		Name     string     `xml:"name,attr"`
		Tests    int        `xml:"tests,attr"`
		Failures int        `xml:"failures,attr"`
		Cases    []testcase `xml:"testcase"`
	}
	type suites struct {
		XMLName  xml.Name `xml:"testsuites"`
		Name     string   `xml:"name,attr"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Suites   []suite  `xml:"testsuite"`
	}
	byRule := map[string][]csi.Finding{}
	for _, x := range s.all {
		byRule[x.Rule] = append(byRule[x.Rule], x)
	}
	out := suites{Name: fmt.Sprintf("csi validate %s %s (%s)", s.ruleset, s.version, run.Scope)}
	for _, rc := range sum.ByRule {
		su := suite{Name: rc.Rule}
		for _, x := range byRule[rc.Rule] {
			tc := testcase{Name: x.Kind + " " + x.ID, Classname: rc.Rule}
			text := fmt.Sprintf("%s %s, Comune %s, field %s: %s", x.Kind, x.ID, x.Comune, x.Field, x.Message)
			if x.Fix != "" {
				text += "; fix: " + x.Fix
			}
			if x.Severity == csi.SeverityError || s.failWarnings {
				tc.Failure = &failure{Message: x.Message, Type: x.Severity, Text: text}
				su.Failures++
			} else {
				tc.SystemOut = x.Severity + ": " + text
			}
			su.Cases = append(su.Cases, tc)
		}
		if len(su.Cases) == 0 {
			su.Cases = []testcase{{Name: "no findings", Classname: rc.Rule}}
		}
		su.Tests = len(su.Cases)
		out.Tests, out.Failures = out.Tests+su.Tests, out.Failures+su.Failures
		out.Suites = append(out.Suites, su)
	}
	w := s.f.IO.Out
	io.WriteString(w, xml.Header)
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}

func (f *Factory) writeValidationText(run *csi.ValidationRun, sum *csi.ValidationSummary, order []string, shown map[string][]csi.Finding, command string) error {
	if command == "" {
		command = "csi validate"
	}
	w := f.IO.Out
	fmt.Fprint(w, f.T("validation %s: %s %s, %s: %d records checked, %d errors, %d warnings",
		strconv.FormatInt(run.ID, 10), run.Ruleset, run.RulesetVersion, run.Scope, run.Checked, sum.Errors, sum.Warnings)+"\n\n")
	rt := Table{Headers: []string{"rule", "severity", "findings"}, Kinds: []Kind{KindText, KindText, KindCount}}
	for _, r := range sum.ByRule {
		if r.Count > 0 {
			rt.Rows = append(rt.Rows, []string{r.Rule, f.severity(r.Severity), strconv.Itoa(r.Count)})
		}
	}
	if len(rt.Rows) == 0 {
		fmt.Fprintln(w, f.T("no findings: every rule passed"))
		return nil
	}
	if err := f.writeTable(w, rt); err != nil {
		return err
	}
	ct := Table{Headers: []string{"comune", "nome", "errors", "warnings"}, Kinds: []Kind{KindText, KindText, KindCount, KindCount}}
	for _, c := range sum.ByComune {
		ct.Rows = append(ct.Rows, []string{c.Comune, c.Nome, strconv.Itoa(c.Errors), strconv.Itoa(c.Warnings)})
	}
	fmt.Fprintln(w)
	if err := f.writeTable(w, ct); err != nil {
		return err
	}
	counts := map[string]int{}
	for _, r := range sum.ByRule {
		counts[r.Rule] = r.Count
	}
	for _, rule := range order {
		fmt.Fprintf(w, "\n%s (%s)\n", rule, f.Lang.Int(int64(counts[rule])))
		if fs := shown[rule]; len(fs) > 0 && fs[0].Fix != "" {
			fmt.Fprintln(w, f.T("fix: %s", f.tr.Known(fs[0].Fix)))
		}
		ft := Table{Headers: []string{"severity", "kind", "id", "comune", "field", "message"}}
		for _, x := range shown[rule] {
			ft.Rows = append(ft.Rows, []string{f.severity(x.Severity), x.Kind, x.ID, x.Comune, x.Field, f.tr.Known(x.Message)})
		}
		if err := f.writeTable(w, ft); err != nil {
			return err
		}
		if rest := counts[rule] - len(shown[rule]); rest > 0 {
			fmt.Fprintln(w, f.T("... and %d more: %s -o csv | grep %s", rest, command, rule))
		}
	}
	return nil
}

// severity names a severity in the user's language, coloured on a terminal.
func (f *Factory) severity(s string) string {
	label := s
	switch s {
	case csi.SeverityError:
		label = f.T("error")
	case csi.SeverityWarning:
		label = f.T("warning")
	}
	if !f.IO.OutTTY {
		return label
	}
	color := "3"
	if s == csi.SeverityError {
		color = "1"
	}
	return f.IO.renderer(f.IO.Out).NewStyle().Foreground(lipglossColor(color)).Render(label)
}
