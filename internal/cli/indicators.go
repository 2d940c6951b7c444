package cli

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/spf13/cobra"
)

// FormatMarkdown is the document format of indicator tables and reports.
const FormatMarkdown = "markdown"

func newCmdIndicators(f *Factory) *cobra.Command {
	cmd := newGroup("indicators", f.T("List the indicator catalogue and compute indicators"),
		"  csi indicators list\n  csi indicators show accessi-segretariato\n  csi indicators show cartelle-popolazione --year 2020 --by ambito -o json")
	cmd.AddCommand(newCmdIndicatorsList(f), NewCmdIndicatorsShow(f, nil))
	return cmd
}

func newCmdIndicatorsList(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "list",
		Short:   f.T("List the indicators with their one-line definitions"),
		Example: "  csi indicators list\n  csi indicators list -o json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			svc, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			defs, err := svc.ListIndicators(cmd.Context())
			if err != nil {
				return err
			}
			t := Table{Headers: []string{"group", "name", "version", "params", "by", "definition"}}
			for _, d := range defs {
				var ps []string
				for _, p := range d.Params {
					ps = append(ps, "--"+p)
				}
				title := d.Title // -o csv keeps the catalogue's English, as -o json
				if f.Output != FormatCSV {
					title = indicators.LocalizedTitle(d.Name, d.Title, f.Lang)
				}
				t.Rows = append(t.Rows, []string{d.Group, d.Name, d.Version, strings.Join(ps, " "), strings.Join(d.By, "|"), title})
			}
			return f.PrintList(defs, t, "the catalogue is empty")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

// IndicatorsShowOptions are the flags of `csi indicators show`.
type IndicatorsShowOptions struct {
	Name   string
	Params csi.IndicatorParams
}

// NewCmdIndicatorsShow builds `csi indicators show`; runF replaces the action in tests.
func NewCmdIndicatorsShow(f *Factory, runF func(*IndicatorsShowOptions) error) *cobra.Command {
	opts := &IndicatorsShowOptions{}
	cmd := &cobra.Command{
		Use:   "show NAME",
		Short: f.T("Compute one indicator for a period and a geography"),
		Long: f.T(`Compute one indicator of the catalogue ('csi indicators list') in the store.

--period takes YYYY-YYYY or YYYY, several separated by commas; --year a year; --at
and --since a date (YYYY-MM-DD; --at defaults to today). --by chooses the level the
rows are broken down by (rows for the levels above follow); --ambito or --comune
narrow the scope. --suppress-below N withholds counts from 1 to N-1: they print as
"<N", and in JSON the value is null and the row lists the key under "suppressed".
Counts that would let one of them be worked out (a total minus the other parts) are
withheld too and print as c (also listed under "complementary").

Every output states the indicator's version, the parameters (defaults filled), the
geography, the population source and the store snapshot (revision iI.aA: the last
import id and the last audit entry id, which change with every change of data).
On a terminal the seed's tables keep the seed's layout, and percentages get a bar.`),
		Example: `  csi indicators show accessi-segretariato --period 2015-2017,2018-2020
  csi indicators show cartelle-movimento --period 2018-2020 -o csv
  csi indicators show cartelle-popolazione --year 2020 --by ambito --suppress-below 5
  csi indicators show comuni-fasce --year 2020 -o json
  csi indicators show anagrafe-automatica --days 45 --by comune --ambito Desio`,
		Args: exactArgs(1, "an indicator name (see 'csi indicators list')"),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			var names []string
			for _, d := range indicators.Catalogue() {
				names = append(names, d.Name)
			}
			return names, cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Name = args[0]
			if runF != nil {
				return runF(opts)
			}
			return f.showIndicator(cmd.Context(), opts.Name, opts.Params)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV, FormatMarkdown),
	}
	addIndicatorFlags(f, cmd, &opts.Params)
	return cmd
}

func addIndicatorFlags(f *Factory, cmd *cobra.Command, p *csi.IndicatorParams) {
	fl := cmd.Flags()
	fl.StringSliceVar(&p.Period, "period", nil, f.T("periods YYYY-YYYY or YYYY, comma-separated (default the seed's 2015-2017,2018-2020)"))
	fl.IntVar(&p.Year, "year", 0, f.T("year (default 2020)"))
	dateVar(fl, &p.At, "at", f.T("reference date YYYY-MM-DD (default today)"))
	dateVar(fl, &p.Since, "since", f.T("first day counted, YYYY-MM-DD (default 2022-01-01)"))
	fl.IntVar(&p.Days, "days", 0, f.T("window in days of a regular registry update (default 45)"))
	fl.StringVar(&p.By, "by", "", f.T("break rows down by comune|ambito|provincia (default per indicator)"))
	fl.StringVar(&p.Ambito, "ambito", "", f.T("only the Comuni of this Ambito"))
	fl.StringVar(&p.Comune, "comune", "", f.T("only this Comune (ISTAT code or name)"))
	fl.IntVar(&p.SuppressBelow, "suppress-below", 0, f.T("withhold counts from 1 to N-1 (print <N)"))
	_ = cmd.RegisterFlagCompletionFunc("by", fixedCompletion(csi.ByComune, csi.ByAmbito, csi.ByProvincia))
}

// showIndicator computes an indicator through the services and prints it
// in the chosen output format exactly as `csi indicators show` does; `csi
// demo` calls it to print the seed's tables.
func (f *Factory) showIndicator(ctx context.Context, name string, params csi.IndicatorParams) error {
	svc, err := f.Services(ctx)
	if err != nil {
		return err
	}
	res, err := svc.ComputeIndicator(ctx, name, params)
	if err != nil {
		return err
	}
	def, err := indicators.Find(name)
	if err != nil {
		return err
	}
	return f.printIndicator(def, res)
}

// printIndicator prints a computed result in the chosen output format.
func (f *Factory) printIndicator(def csi.IndicatorDef, res *csi.IndicatorResult) error {
	sheets := func() []Table { return []Table{indicatorTable(def, res, false, f.tr)} }
	if done, err := f.ExportTables(res, func() Table { return indicatorCSV(res) }, sheets); done {
		return err
	}
	if f.Output == FormatMarkdown {
		if err := f.indicatorMarkdown(def, res); err != nil {
			return err
		}
		for _, n := range res.Notes {
			fmt.Fprintf(f.IO.Out, "\n> %s\n", f.noteText(n))
		}
		return nil
	}
	lt := indicatorTable(def, res, f.IO.OutTTY, f.tr)
	meta := f.IO.Out
	if !f.IO.OutTTY {
		// Piped, stdout carries only the rows; what they are goes to stderr.
		if f.Quiet {
			meta = nil
		} else {
			meta = f.IO.ErrOut
		}
	}
	if meta != nil {
		fmt.Fprintf(meta, "%s\n", indicators.LocalizedTitle(res.Indicator, res.Title, f.Lang))
		lines := indicators.LocalMeta(res, f.tr)
		width := 0
		for _, kv := range lines {
			width = max(width, utf8.RuneCountInString(kv[0])+1)
		}
		for _, kv := range lines {
			fmt.Fprintf(meta, "  %-*s %s\n", width, kv[0]+":", kv[1])
		}
	}
	f.printNotes(res.Notes)
	if len(lt.Rows) == 0 {
		f.info("no rows: nothing in scope")
		return nil
	}
	return f.writeTable(f.IO.Out, lt)
}

// indicatorCSV is the flat form of a result, one row per JSON row; each
// row also carries what the result is (indicator, version, parameters,
// geography, population source, snapshot), so that a CSV file read alone
// says where it comes from. Withheld counts read "<N".
func indicatorCSV(res *csi.IndicatorResult) Table {
	flat := indicators.Flat(res, indicators.Format{})
	meta := []string{res.Indicator, res.Version, indicators.ParamsText(res.Params), res.Geography,
		indicators.PopulationText(res.Population), res.Snapshot.Revision}
	t := Table{Headers: append(flat.Headers, "indicator", "version", "params", "geography", "population", "snapshot")}
	if len(flat.Headers) == 0 {
		t.Headers = t.Headers[len(t.Headers)-len(meta):]
	}
	for _, r := range flat.Rows {
		t.Rows = append(t.Rows, append(r, meta...))
	}
	return t
}
