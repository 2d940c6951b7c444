package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// demoTables are the seed document's four tables, as `csi indicators show`
// computes them.
var demoTables = []struct {
	name   string
	params csi.IndicatorParams
}{
	{"accessi-segretariato", csi.IndicatorParams{Period: []string{"2015-2017", "2018-2020"}}},
	{"cartelle-movimento", csi.IndicatorParams{Period: []string{"2015-2017", "2018-2020"}}},
	{"cartelle-popolazione", csi.IndicatorParams{Year: 2020, By: csi.ByAmbito}},
	{"comuni-fasce", csi.IndicatorParams{Year: 2020}},
}

// validate runs `csi validate` over the whole store and returns its summary.
func (d *demo) validate(ctx context.Context) (*csi.ValidationSummary, error) {
	var out bytes.Buffer
	if err := validateRun(ctx, d.quiet(&out), &ValidateOptions{}); err != nil {
		return nil, err
	}
	var doc struct {
		Summary csi.ValidationSummary `json:"summary"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("reading the validation report: %w", err)
	}
	d.progress("validated with csi validate: %d errors, %d warnings", doc.Summary.Errors, doc.Summary.Warnings)
	return &doc.Summary, nil
}

// demoDoc is the -o json output of `csi demo`.
type demoDoc struct {
	Seed          int64                 `json:"seed"`
	Store         string                `json:"store"` // empty when temporary
	Files         string                `json:"files"` // empty when temporary
	Residents2020 int                   `json:"residents_2020"`
	Imports       []demoImport          `json:"imports"`
	Planted       []string              `json:"planted"`
	Validation    csi.ValidationSummary `json:"validation"`
	Indicators    []json.RawMessage     `json:"indicators"`
	Siuss         *demoSiuss            `json:"siuss"`
}

// demoImport counts the files of one kind the demo imported.
type demoImport struct {
	Kind  string `json:"kind"`
	Files int    `json:"files"`
	Rows  int    `json:"rows"`
}

// print prints the validation summary and the seed's tables.
func (d *demo) print(ctx context.Context, sum *csi.ValidationSummary) error {
	if d.f.Output == FormatJSON {
		return d.printJSON(ctx, sum)
	}
	out := d.f.IO.Out
	fmt.Fprintln(out, d.f.T("Validation (csi validate): %d errors, %d warnings", sum.Errors, sum.Warnings))
	for _, r := range sum.ByRule {
		if r.Count == 0 {
			continue
		}
		fmt.Fprintf(out, "  %-30s %-8s %s\n", r.Rule, d.f.severityWord(r.Severity), d.f.Lang.Int(int64(r.Count)))
	}
	d.printSiuss(d.siuss)
	for _, t := range demoTables {
		fmt.Fprintf(out, "\n== csi indicators show %s%s\n\n", t.name, paramFlags(t.params))
		if err := d.f.showIndicator(ctx, t.name, t.params); err != nil {
			return err
		}
	}
	d.progress("printed the seed's tables")
	d.footer()
	return nil
}

// severityWord is a rule's severity (error, warning) as a word of the
// user's language, for the demo's summary.
func (f *Factory) severityWord(s string) string {
	switch s {
	case csi.SeverityError:
		return f.T("error")
	case csi.SeverityWarning:
		return f.T("warning")
	}
	return s
}

// footer says where the kept store and files are.
func (d *demo) footer() {
	if d.f.Quiet {
		return
	}
	if d.opts.DB != "" {
		fmt.Fprintln(d.f.IO.ErrOut, d.f.T("csi demo: the store is kept at %s: try 'csi --db %s indicators list'", d.opts.DB, d.opts.DB))
	}
	if d.opts.Out != "" {
		fmt.Fprintln(d.f.IO.ErrOut, d.f.T("csi demo: the generated files are kept in %s", d.opts.Out))
	}
}

// paramFlags renders params as the command-line flags that give them.
func paramFlags(p csi.IndicatorParams) string {
	s := ""
	for i, per := range p.Period {
		if i == 0 {
			s += " --period " + per
		} else {
			s += "," + per
		}
	}
	if p.Year != 0 {
		s += fmt.Sprintf(" --year %d", p.Year)
	}
	if p.By != "" {
		s += " --by " + p.By
	}
	return s
}

func (d *demo) printJSON(ctx context.Context, sum *csi.ValidationSummary) error {
	doc := demoDoc{Seed: d.opts.Seed, Store: d.opts.DB, Files: d.opts.Out, Residents2020: d.m.Residents2020,
		Planted: d.m.Planted, Validation: *sum, Siuss: d.siuss}
	reg := demoImport{Kind: "anagrafe", Files: len(d.m.Registry)}
	for _, r := range d.m.Registry {
		reg.Rows += r.Rows
	}
	doc.Imports = append(doc.Imports, reg)
	for _, r := range d.m.Records {
		doc.Imports = append(doc.Imports, demoImport{Kind: r.Kind, Files: 1, Rows: r.Rows})
	}
	for _, t := range demoTables {
		var buf bytes.Buffer
		if err := d.quiet(&buf).showIndicator(ctx, t.name, t.params); err != nil {
			return err
		}
		doc.Indicators = append(doc.Indicators, json.RawMessage(bytes.TrimSpace(buf.Bytes())))
	}
	d.progress("computed the seed's tables")
	if _, err := d.f.Export(doc, nil); err != nil {
		return err
	}
	d.footer()
	return nil
}
