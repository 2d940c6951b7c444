package cli

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/report"
	"github.com/spf13/cobra"
)

// FormatHTML is the self-contained HTML form of the report.
const FormatHTML = "html"

// ReportOptions are the flags of `csi report`.
type ReportOptions struct {
	Period        string
	SuppressBelow int
}

// NewCmdReport builds `csi report`; runF replaces the action in tests.
func NewCmdReport(f *Factory, runF func(*ReportOptions) error) *cobra.Command {
	opts := &ReportOptions{}
	cmd := &cobra.Command{
		Use:   "report --period YYYY-YYYY",
		Short: f.T("Write the monitoring report: every indicator of the catalogue for a period"),
		Long: f.T(`Write the report the coordinator files for the annual monitoring and the biennial
evaluation, in the plan's structure: the premessa (data sources, registry, store
snapshot), the state of play (the plan's published tables beside the previous
period of the same length), the input, process, output and outcome indicators of
the catalogue, and an annex with the tables per Comune (sorted by Ambito and name)
and the tables too long for the body. Each table comes with one generated sentence
that states what it shows and, where it helps, a chart with its axis and unit.
A year without records says so in words instead of showing zeros; an indicator
with nothing recorded shows its note (what to record, with which command).
--suppress-below N withholds small counts in every table and chart.

The report speaks the language of --lang (Italian by default), with its number and
date formats. -o markdown (the default) writes Markdown; -o html one self-contained
HTML file (inline style sheet and SVG charts, nothing fetched from a network; laid
out for phones, and for A4 when printed); -o xlsx --out FILE a workbook with one sheet
per table (typed cells, the metadata on each sheet); -o json the document and every
computed result with its sentence.`),
		Example: `  csi report --period 2022-2023 > monitoraggio-2022-2023.md
  csi report --period 2022-2023 -o html > relazione-biennio.html
  csi report --period 2023 --suppress-below 5 -o html > pubblicazione-2023.html
  csi report --period 2022-2023 -o xlsx --out monitoraggio-2022-2023.xlsx
  csi report --period 2022-2023 --lang en -o json > report-2022-2023.json`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if opts.Period == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--period is required").
					WithHint("e.g. csi report --period 2022-2023")}
			}
			if f.Output == FormatTable {
				f.Output = FormatMarkdown // the default -o; an explicit "-o table" is refused before RunE
			}
			if runF != nil {
				return runF(opts)
			}
			return reportRun(cmd.Context(), f, opts)
		},
		Annotations: formats(FormatMarkdown, FormatHTML, FormatJSON, FormatXLSX),
	}
	cmd.Flags().StringVar(&opts.Period, "period", "", f.T("the period, YYYY-YYYY or YYYY (required)"))
	cmd.Flags().IntVar(&opts.SuppressBelow, "suppress-below", 0, f.T("withhold counts from 1 to N-1 (print <N)"))
	return cmd
}

func reportRun(ctx context.Context, f *Factory, opts *ReportOptions) error {
	p, err := indicators.ParsePeriod(opts.Period)
	if err != nil {
		return err
	}
	svc, err := f.Services(ctx)
	if err != nil {
		return err
	}
	now := f.Now()
	in := report.Input{
		Period: p, GeneratedAt: now.UTC().Format("2006-01-02T15:04:05Z"), SuppressBelow: opts.SuppressBelow,
		Printer: i18n.NewPrinter(f.Lang), Items: report.Plan(p, csi.Day(now), opts.SuppressBelow),
	}
	// On a province-sized store the tables take a few seconds: progress
	// on stderr, as for an import.
	progress := f.newProgress(int64(len(in.Items)), f.T("tables"))
	defer progress.done()
	for i, item := range in.Items {
		res, err := svc.ComputeIndicator(ctx, item.Name, item.Params)
		if err != nil {
			return err
		}
		in.Results = append(in.Results, res)
		progress.update(int64(i+1), i+1)
	}
	progress.done()
	// A viewer may not read the registry status: the premessa says so.
	in.Registry, err = svc.AnagrafeStatus(ctx)
	switch {
	case err == nil:
		in.RegistryKnown = true
	case csi.ErrorCode(err) != csi.EFORBIDDEN:
		return err
	}
	doc, err := report.Build(in)
	if err != nil {
		return err
	}
	switch f.Output {
	case FormatHTML:
		return doc.WriteHTML(f.IO.Out)
	case FormatXLSX:
		_, err := f.ExportTables(nil, nil, func() []Table { return reportSheets(doc, f.tr) })
		return err
	case FormatJSON:
		_, err := f.Export(doc, nil)
		return err
	}
	return doc.WriteMarkdown(f.IO.Out)
}
