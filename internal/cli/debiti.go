package cli

import (
	"context"
	"encoding/json"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/debiti"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

// newCmdDebiti builds `csi debiti`, the regional debiti informativi that
// are not SIUSS flows: Misura B2 and Dopo di Noi.
func newCmdDebiti(f *Factory) *cobra.Command {
	cmd := newGroup("debiti", f.T("Regional debiti informativi: the Misura B2 and Dopo di Noi reports (provisional layout)"),
		"  csi debiti report b2 --ambito Monza --period 2024\n  csi debiti report dopo-di-noi --ambito Desio --period 2024-01-01..2024-06-30 -o csv > ddn.csv\n  csi debiti definition b2 -o json > b2.json")
	cmd.AddCommand(NewCmdDebitiReport(f, nil), newCmdDebitiDefinition(f))
	return cmd
}

// DebitiReportOptions are the flags of `csi debiti report`.
type DebitiReportOptions struct {
	Report         string
	Scope          csi.ValidateScope
	Period         string
	DefinitionFile string
}

// NewCmdDebitiReport builds `csi debiti report`; runF replaces the action in tests.
func NewCmdDebitiReport(f *Factory, runF func(*DebitiReportOptions) error) *cobra.Command {
	opts := &DebitiReportOptions{}
	cmd := &cobra.Command{
		Use:   "report b2|dopo-di-noi --ambito A --period P",
		Short: f.T("Fill the regional Misura B2 or Dopo di Noi report of an Ambito for a period"),
		Long: f.T(`Fill the report an Ambito owes the Region for Misura B2 (FNA) or Dopo di Noi
(L. 112/2016): one row per beneficiary and measure, from the interventi whose misura is
the report's (B2, DDN) in the period (a periodic one when its months overlap it, a
one-off one when it was delivered in it), with the beneficiary's registry data valid on
the benefit's date, the amounts, the dates, the total paid in the period and the other
measures the person had.

No public record layout of the Region's flows was found: the report follows an embedded,
versioned definition that is PROVISIONAL (said in the table, in -o json as "provisional"
and "definition", and on stderr for -o csv). When the Region publishes its layout,
--definition FILE replaces it: a JSON file of the same shape ('csi debiti definition b2
-o json' prints the embedded one).

--period is a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30). The
report holds personal data (codici fiscali): each run is recorded in the audit log, and
-o xlsx --out FILE writes a file readable by its owner only.`),
		Example: `  csi debiti report b2 --ambito Monza --period 2024
  csi debiti report dopo-di-noi --ambito Desio --period 2024-01-01..2024-06-30 -o csv > ddn.csv
  csi debiti report b2 --ambito Vimercate --period 2024 -o xlsx --out b2-2024.xlsx
  csi debiti report b2 --ambito Monza --period 2024 --definition tracciato-regione-b2.json -o json`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 {
				return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("name the report: b2 or dopo-di-noi")).
					WithHint("%s", f.T("e.g. csi debiti report b2 --ambito Monza --period 2024"))}
			}
			return nil
		},
		ValidArgs: debiti.Reports,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Report = args[0]
			if err := checkDebitiFlags(f, opts); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return debitiReportRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&opts.Scope.Ambito, "ambito", "", f.T("the Ambito whose Comuni report"))
	fl.StringVar(&opts.Scope.Comune, "ente", "", f.T("one Comune instead of an Ambito (ISTAT code or name)"))
	fl.StringVar(&opts.Period, "period", "", f.T("the period: a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30) (required)"))
	fl.StringVar(&opts.DefinitionFile, "definition", "", f.T("definition file (JSON) replacing the embedded, provisional one"))
	return cmd
}

func checkDebitiFlags(f *Factory, opts *DebitiReportOptions) error {
	switch {
	case !contains(debiti.Reports, opts.Report):
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("unknown report %q", opts.Report)).
			WithHint("%s", f.T("the reports are b2 and dopo-di-noi"))}
	case (opts.Scope.Ambito == "") == (opts.Scope.Comune == ""):
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("give --ambito or --ente, one of them")).
			WithHint("%s", f.T("--ambito names an Ambito, --ente one Comune (ISTAT code or name)"))}
	case opts.Period == "":
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("give the period with --period")).
			WithHint("%s", f.T("e.g. --period 2024 or --period 2024-01-01..2024-06-30"))}
	}
	if _, _, err := debiti.ParsePeriod(opts.Period); err != nil {
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("--period %q is not a period", opts.Period)).
			WithHint("%s", f.T("write a year (2024), years (2023-2024) or days (2024-01-01..2024-06-30)"))}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// debitiDefinition returns the embedded definition of the report, or the
// file's, checked.
func debitiDefinition(f *Factory, report, file string) (*debiti.Definition, error) {
	if file == "" {
		return debiti.Builtin(report)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%s", f.T("cannot read the definition %s", file)).
			WithHint("%s", f.T("give a definition file (see 'csi debiti definition %s -o json'), or leave out --definition for the embedded one", report))
	}
	d, err := debiti.Parse(data, file, report)
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "%v", err).
			WithHint("%s", f.T("fix the field named; 'csi debiti definition %s -o json' prints a valid definition", report))
	}
	return d, nil
}

func debitiReportRun(ctx context.Context, f *Factory, opts *DebitiReportOptions) error {
	def, err := debitiDefinition(f, opts.Report, opts.DefinitionFile)
	if err != nil {
		return err
	}
	if f.Remote != "" {
		return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("csi debiti works on a local store only: the remote API has no debiti routes")).
			WithHint("%s", f.T("run it on the server's machine with --db; unset CSI_REMOTE"))}
	}
	st, err := f.Store(ctx)
	if err != nil {
		return err
	}
	from, to, _ := debiti.ParsePeriod(opts.Period)
	rep, err := servicesOver(st, f.Now).DebitiReport(ctx, app.DebitiRequest{Definition: def, Scope: opts.Scope, From: from, To: to})
	if err != nil {
		return err
	}
	return f.printDebiti(rep)
}

// debitiJSON is the -o json form of a report: its rows as objects keyed
// by the definition's column keys.
type debitiJSON struct {
	Report      string           `json:"report"`
	Definition  debitiDefRef     `json:"definition"`
	Provisional bool             `json:"provisional"`
	Source      string           `json:"source"`
	Scope       string           `json:"scope"`
	From        string           `json:"from"`
	To          string           `json:"to"`
	Columns     []string         `json:"columns"`
	Rows        []map[string]any `json:"rows"`
}

type debitiDefRef struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// jsonValue types a cell: integers and amounts as numbers, empty as null.
func jsonValue(typ, v string) any {
	switch {
	case v == "":
		return nil
	case typ == debiti.TypeInteger || typ == debiti.TypeAmount:
		return json.Number(v)
	}
	return v
}

func cellKind(typ string) i18n.Kind {
	switch typ {
	case debiti.TypeDate:
		return i18n.Date
	case debiti.TypeAmount:
		return i18n.Money
	case debiti.TypeInteger:
		return i18n.Count
	}
	return i18n.Text
}

func (f *Factory) printDebiti(rep *app.DebitiReport) error {
	def := rep.Definition
	keys := make([]string, len(def.Columns))
	kinds := make([]i18n.Kind, len(def.Columns))
	for i, c := range def.Columns {
		keys[i], kinds[i] = c.Key, cellKind(c.Type)
	}
	data := debitiJSON{Report: def.Name, Definition: debitiDefRef{def.Name, def.Version}, Provisional: def.Provisional,
		Source: def.Source, Scope: rep.Scope, From: rep.From, To: rep.To, Columns: keys, Rows: []map[string]any{}}
	for _, r := range rep.Rows {
		m := make(map[string]any, len(r))
		for i, c := range def.Columns {
			m[c.Key] = jsonValue(c.Type, r[i])
		}
		data.Rows = append(data.Rows, m)
	}
	provisional := strconv.FormatBool(def.Provisional)
	meta := [][2]string{{"report", def.Name}, {"definition", def.Name + " " + def.Version}, {"provisional", provisional},
		{"scope", rep.Scope}, {"period", rep.From + ".." + rep.To}, {"source", def.Source}}
	table := func() Table {
		return Table{Headers: keys, Rows: rep.Rows, Kinds: kinds, Title: def.Name, Meta: meta}
	}
	if f.Output == FormatCSV && def.Provisional {
		f.info("%s", f.T("PROVISIONAL layout: definition %s %s, not yet the Region's; see 'csi debiti report --help'", def.Name, def.Version))
	}
	if done, err := f.Export(data, table); done {
		return err
	}
	lang := string(f.Lang)
	headers := make([]string, len(def.Columns))
	for i, c := range def.Columns {
		headers[i] = c.Label.In(lang)
	}
	title := def.Title.In(lang)
	if def.Provisional {
		title += " — " + f.T("PROVISIONAL layout")
	}
	fields := [][2]string{{"report", def.Name}, {"definition", def.Name + " " + def.Version}, {"provisional", provisional},
		{"scope", rep.Scope}, {"period", rep.From + ".." + rep.To}, {"rows", strconv.Itoa(len(rep.Rows))}}
	return f.writeDetail(Detail{Fields: fields,
		Sections: []Section{{Title: title, Table: Table{Headers: headers, Rows: rep.Rows, Kinds: kinds}}}})
}

func newCmdDebitiDefinition(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "definition b2|dopo-di-noi",
		Short: f.T("Print the embedded definition of a report (JSON), to start a replacement from"),
		Long: f.T(`Print the embedded, provisional definition of a regional report as JSON: name,
version, provisional, title, source, filters (misura codes, optional prestazione codes),
code_lists and columns (key, label it/en, type text|date|amount|integer|list, source,
optional code_list); -o table lists its fields and columns. Edit a copy of the -o json
form to the Region's layout and pass it to 'csi debiti report --definition FILE'.`),
		Example:   "  csi debiti definition b2\n  csi debiti definition b2 -o json > tracciato-b2.json",
		ValidArgs: debiti.Reports,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) != 1 || !contains(debiti.Reports, args[0]) {
				return &usageError{csi.Errorf(csi.EINVALID, "%s", f.T("name the report: b2 or dopo-di-noi")).
					WithHint("%s", f.T("e.g. csi debiti definition b2"))}
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := debiti.Builtin(args[0])
			if err != nil {
				return err
			}
			return f.printDebitiDefinition(d)
		},
		Annotations: formats(FormatTable, FormatJSON),
	}
}

// printDebitiDefinition prints a definition: -o json as the file that
// replaces it, -o table its fields and columns.
func (f *Factory) printDebitiDefinition(d *debiti.Definition) error {
	if done, err := f.Export(d, nil); done {
		return err
	}
	lang := string(f.Lang)
	cols := Table{Headers: []string{"key", "type", "source", "code_list", "label"}}
	for _, c := range d.Columns {
		cols.Rows = append(cols.Rows, []string{c.Key, c.Type, c.Source, c.CodeList, c.Label.In(lang)})
	}
	lists := Table{Headers: []string{"code_list", "code", "value"}}
	for _, name := range slices.Sorted(maps.Keys(d.CodeLists)) {
		for _, code := range slices.Sorted(maps.Keys(d.CodeLists[name])) {
			lists.Rows = append(lists.Rows, []string{name, code, d.CodeLists[name][code]})
		}
	}
	return f.writeDetail(Detail{
		Fields: [][2]string{{"name", d.Name}, {"version", d.Version}, {"provisional", strconv.FormatBool(d.Provisional)},
			{"title", d.Title.In(lang)}, {"misura", strings.Join(d.Filters.Misura, " ")},
			{"prestazioni", strings.Join(d.Filters.Prestazioni, " ")}, {"source", d.Source}},
		Sections: []Section{{Title: f.T("Columns"), Table: cols}, {Title: f.T("Code lists"), Table: lists}},
	})
}
