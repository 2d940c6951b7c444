package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdAnagrafeStatus(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "status",
		Short: f.T("Per Comune: last import, as-of date, residents, rejected rows, days since update"),
		Long: f.T(`Show, for every onboarded Comune (and any Comune with imports), the last registry
import, the date its extract refers to, the current residents, the rows rejected by
that import and the days since it ran: the "regular updates" made visible.`),
		Example: "  csi anagrafe status\n  csi anagrafe status -o json | jq '.[] | select(.days_since_update > 45)'",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			st, err := db.AnagrafeStatus(cmd.Context())
			if err != nil {
				return err
			}
			t := Table{Headers: []string{"istat", "nome", "ambito", "anagrafe", "last_import", "as_of", "residents", "rejected", "days_since_update"}}
			for _, s := range st {
				days := "never"
				if s.DaysSinceUpdate != nil {
					days = strconv.Itoa(*s.DaysSinceUpdate)
				}
				t.Rows = append(t.Rows, []string{s.Istat, s.Nome, s.Ambito, s.Anagrafe, s.LastImport, s.AsOf,
					strconv.Itoa(s.Residents), strconv.Itoa(s.Rejected), days})
			}
			return f.PrintList(st, t, "no Comune is onboarded yet; see 'csi comuni onboard --help'")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func versionsTable(vs []csi.PersonVersion, history bool) Table {
	t := Table{Headers: []string{"comune", "codice_fiscale", "cognome", "nome", "sesso", "data_nascita", "luogo_nascita", "indirizzo", "civico", "codice_famiglia", "valid_from", "valid_to", "end_reason"}}
	if !history {
		t.Headers = t.Headers[:10]
	}
	for _, v := range vs {
		row := []string{v.Comune, v.CodiceFiscale, v.Cognome, v.Nome, v.Sesso, v.DataNascita, v.LuogoNascita, v.Indirizzo, v.Civico, v.CodiceFamiglia}
		if history {
			row = append(row, v.ValidFrom, v.ValidTo, v.EndReason)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func newCmdAnagrafeHistory(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "history CF",
		Short: f.T("Show every version of one person's registry record"),
		Long: f.T(`Show every version of one person's registry record, in every Comune, with the
period each was valid and why it ended (changed, absent from a snapshot, cancelled).`),
		Example: "  csi anagrafe history RSSMRA85T10F704X\n  csi anagrafe history RSSMRA85T10F704X -o json",
		Args:    exactArgs(1, "a codice fiscale"),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			vs, err := db.PersonHistory(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			return f.PrintList(vs, versionsTable(vs, true), "no versions")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func newCmdAnagrafeResidents(f *Factory) *cobra.Command {
	var comune, at string
	var count bool
	cmd := &cobra.Command{
		Use:   "residents --comune C [--at D]",
		Short: f.T("List (or count) the residents of a Comune on a date"),
		Example: `  csi anagrafe residents --comune Monza --at 2020-01-01 --count
  csi anagrafe residents --comune 108023 -o csv > residenti.csv`,
		Args: exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			if comune == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--comune is required").WithHint("e.g. --comune Monza")}
			}
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			if count {
				n, err := db.CountResidents(cmd.Context(), comune, at)
				if err != nil {
					return err
				}
				return f.printCount(n)
			}
			return f.printResidents(cmd.Context(), db, comune, at)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&comune, "comune", "", f.T("Comune: ISTAT code or name (required)"))
	dateVar(cmd.Flags(), &at, "at", f.T("date, YYYY-MM-DD (default today)"))
	cmd.Flags().BoolVar(&count, "count", false, f.T("print only the number of residents"))
	return cmd
}

// printResidents prints the residents as they are read, in every output
// but the terminal's table (which needs all rows to size its columns): a
// whole Comune is never held in memory for -o json, -o csv, -o xlsx or a
// pipe.
func (f *Factory) printResidents(ctx context.Context, db csi.Services, comune, at string) error {
	if f.Output == FormatXLSX {
		return f.streamXLSX(versionsTable(nil, false), func(add func([]string) error) error {
			return db.Residents(ctx, comune, at, func(v csi.PersonVersion) error {
				return add(versionsTable([]csi.PersonVersion{v}, false).Rows[0])
			})
		})
	}
	if f.Output == FormatTable && f.IO.OutTTY {
		vs := []csi.PersonVersion{}
		err := db.Residents(ctx, comune, at, func(v csi.PersonVersion) error { vs = append(vs, v); return nil })
		if err != nil {
			return err
		}
		return f.PrintList(vs, versionsTable(vs, false), "no residents on that date")
	}
	p := &rowPrinter{f: f, headers: versionsTable(nil, false).Headers}
	err := db.Residents(ctx, comune, at, func(v csi.PersonVersion) error {
		return p.add(v, versionsTable([]csi.PersonVersion{v}, false).Rows[0])
	})
	if err != nil {
		return err
	}
	return p.end("no residents on that date")
}

// rowPrinter prints a list one element at a time, byte for byte as
// PrintList prints the whole list, for -o json, -o csv and piped rows.
type rowPrinter struct {
	f       *Factory
	headers []string
	n       int
	csv     *csvWriter
}

func (p *rowPrinter) add(v any, row []string) error {
	w := p.f.IO.Out
	defer func() { p.n++ }()
	switch p.f.Output {
	case FormatJSON:
		b, err := marshalJSON(v, "  ", "  ")
		if err != nil {
			return err
		}
		sep := ",\n  "
		if p.n == 0 {
			sep = "[\n  "
		}
		_, err = io.WriteString(w, sep+string(b))
		return err
	case FormatCSV:
		if p.csv == nil {
			p.csv = p.f.newCSV(w)
			if err := p.csv.Write(p.headers); err != nil {
				return err
			}
		}
		if err := p.csv.Write(row); err != nil {
			return err
		}
		p.csv.Flush()
		return p.csv.Error()
	}
	_, err := fmt.Fprintln(w, tsvReplacer.Replace(strings.Join(row, "\x00")))
	return err
}

// end closes the list; an empty one says so as PrintList does.
func (p *rowPrinter) end(empty string) error {
	w := p.f.IO.Out
	switch {
	case p.f.Output == FormatJSON && p.n == 0:
		_, err := io.WriteString(w, "[]\n")
		return err
	case p.f.Output == FormatJSON:
		_, err := io.WriteString(w, "\n]\n")
		return err
	case p.f.Output == FormatCSV && p.csv == nil:
		return p.f.writeCSV(w, Table{Headers: p.headers})
	case p.f.Output == FormatCSV:
		p.csv.Flush()
		return p.csv.Error()
	case p.n == 0:
		p.f.info("%s", empty)
	}
	return nil
}

func (f *Factory) printCount(n int) error {
	table := func() Table { return Table{Headers: []string{"residents"}, Rows: [][]string{{strconv.Itoa(n)}}} }
	if done, err := f.Export(map[string]int{"residents": n}, table); done {
		return err
	}
	_, err := fmt.Fprintln(f.IO.Out, n)
	return err
}

func newCmdAnagrafeImports(f *Factory) *cobra.Command {
	var comune string
	cmd := &cobra.Command{
		Use:     "imports [--comune C]",
		Short:   f.T("List the import log, newest first"),
		Example: "  csi anagrafe imports --comune Monza\n  csi anagrafe imports -o csv",
		Args:    exactArgs(0, "only flags"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			rs, err := db.ListImports(cmd.Context(), comune)
			if err != nil {
				return err
			}
			i := strconv.Itoa
			t := Table{Headers: []string{"id", "comune", "file", "mode", "as_of", "rows", "inserted", "updated", "unchanged", "closed", "rejected", "actor", "at"}}
			for _, r := range rs {
				t.Rows = append(t.Rows, []string{strconv.FormatInt(r.ID, 10), r.Comune, r.File, importMode(r), r.AsOf, i(r.Rows),
					i(r.Inserted), i(r.Updated), i(r.Unchanged), i(r.Closed), i(r.Rejected), r.Actor, r.At})
			}
			return f.PrintList(rs, t, "no imports yet")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&comune, "comune", "", f.T("only the imports of this Comune"))
	return cmd
}
