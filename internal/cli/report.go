package cli

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
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
		Long: f.T(`Write one document with every indicator of the catalogue for the period, for the
annual monitoring and the biennial evaluation report: per Ambito with the province
total where the indicator allows it, year-based indicators once per year, process
indicators at the end of the period (or today, if it has not ended). Each table
comes with a generated sentence that reads it, its parameters, population source,
store snapshot and indicator version.

-o markdown (the default) writes Markdown; -o html one self-contained HTML file
(inline style sheet and SVG bar charts, nothing fetched from a network, laid out for
printing); -o json the computed results with their sentences.`),
		Example: `  csi report --period 2022-2023 > monitoraggio-2022-2023.md
  csi report --period 2022-2023 -o html > relazione-biennio.html
  csi report --period 2023 --suppress-below 5 -o html > pubblicazione-2023.html`,
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

// reportJSON is the -o json form of the report.
type reportJSON struct {
	Period      string          `json:"period"`
	GeneratedAt string          `json:"generated_at"`
	Sections    []reportSection `json:"sections"`
}

type reportSection struct {
	Heading  string               `json:"heading"`
	Sentence string               `json:"sentence"`
	Result   *csi.IndicatorResult `json:"result"`
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
	var results []*csi.IndicatorResult
	for _, item := range report.Plan(p, csi.Day(now), opts.SuppressBelow) {
		res, err := svc.ComputeIndicator(ctx, item.Name, item.Params)
		if err != nil {
			return err
		}
		results = append(results, res)
	}
	rep, err := report.New(p, now.UTC().Format("2006-01-02T15:04:05Z"), opts.SuppressBelow, results)
	if err != nil {
		return err
	}
	switch f.Output {
	case FormatHTML:
		return rep.WriteHTML(f.IO.Out)
	case FormatXLSX:
		_, err := f.ExportTables(nil, nil, func() []Table { return reportSheets(rep) })
		return err
	case FormatJSON:
		out := reportJSON{Period: p.Label(), GeneratedAt: rep.GeneratedAt}
		for _, s := range rep.Sections {
			out.Sections = append(out.Sections, reportSection{report.Heading(s.Result), s.Sentence, s.Result})
		}
		_, err := f.Export(out, nil)
		return err
	}
	return rep.WriteMarkdown(f.IO.Out)
}
