package cli

import (
	"context"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/spf13/cobra"
)

func newCmdComuni(f *Factory) *cobra.Command {
	cmd := newGroup("comuni", f.T("List, onboard and update the Comuni of the province"),
		"  csi comuni list --ambito Desio\n  csi comuni show Lissone\n  csi comuni onboard 108028 --anagrafe automatic")
	cmd.AddCommand(newCmdComuniList(f), newCmdComuniShow(f), NewCmdOnboard(f, nil), newCmdComuniUpdate(f), newCmdComuniOffboard(f), newCmdComuniAdd(f))
	return cmd
}

func comuniTable(cs []csi.Comune) Table {
	t := Table{Headers: []string{"istat", "nome", "ambito", "status", "anagrafe", "onboarded_on", "popolazione", "scheduled"}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.Istat, c.Nome, c.Ambito, c.Status, c.Anagrafe, c.OnboardedOn, strconv.Itoa(c.Popolazione), c.Scheduled})
	}
	return t
}

func newCmdComuniList(f *Factory) *cobra.Command {
	var filter csi.ComuneFilter
	cmd := &cobra.Command{
		Use:   "list",
		Short: f.T("List the Comuni, optionally of one Ambito or status"),
		Example: `  csi comuni list
  csi comuni list --ambito Vimercate --status active
  csi comuni list -o csv > comuni.csv`,
		Args: exactArgs(0, "no arguments (use --ambito or --status to filter)"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			cs, err := db.ListComuni(cmd.Context(), filter)
			if err != nil {
				return err
			}
			return f.PrintList(cs, comuniTable(cs), "no Comuni match")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&filter.Ambito, "ambito", "", f.T("only the Comuni of this Ambito"))
	cmd.Flags().StringVar(&filter.Status, "status", "", f.T("only this status: not_onboarded|active|suspended|left"))
	return cmd
}

func newCmdComuniShow(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "show ISTAT|NAME",
		Short: f.T("Show one Comune and its history"),
		Long: f.T(`Show one Comune, found by ISTAT code or by name (accents and case do not matter;
a unique part of the name is enough), with its onboarding and Ambito history.`),
		Example: "  csi comuni show 108033\n  csi comuni show \"cesano maderno\" -o json",
		Args:    exactArgs(1, "an ISTAT code or a Comune name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			c, err := db.FindComune(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			return f.PrintDetail(c, f.comuneDetail(c))
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func (f *Factory) comuneDetail(c *csi.ComuneDetail) Detail {
	d := Detail{Fields: [][2]string{
		{"istat", c.Istat}, {"belfiore", c.Belfiore}, {"nome", c.Nome}, {"ambito", c.Ambito},
		{"popolazione", strconv.Itoa(c.Popolazione)}, {"status", c.Status}, {"anagrafe", c.Anagrafe},
		{"onboarded_on", c.OnboardedOn}, {"offboarded_on", c.OffboardedOn}, {"contact", c.Contact},
		{"scheduled", c.Scheduled},
	}}
	h := Table{Headers: []string{"date", "event", "detail", "actor"}}
	for _, e := range c.History {
		h.Rows = append(h.Rows, []string{e.Date, e.Event, f.historyDetail(e.Event, e.Detail), e.Actor})
	}
	d.Sections = []Section{{Title: "History", Table: h}}
	return d
}

// historyDetail is the detail of a Comune's event as a terminal shows it.
// csi writes the details itself, in English (app's addHistory: "anagrafe
// automatic", "left the shared CSI", "active -> suspended"), and stores
// them with the event; a terminal shows their codes in the language, as
// the Comune's fields. Piped output and CSV keep the stored text, and so
// does the audit log's copy of it.
func (f *Factory) historyDetail(event, detail string) string {
	if !f.IO.OutTTY || f.Output != FormatTable {
		return detail
	}
	switch event {
	case "onboarded":
		if mode, ok := strings.CutPrefix(detail, "anagrafe "); ok {
			return "anagrafe " + f.Lang.Value("anagrafe", mode)
		}
	case "offboarded":
		if detail == "left the shared CSI" {
			return f.T("left the shared CSI")
		}
	case "contact":
		if detail == "contact changed" {
			return f.T("contact changed")
		}
	case "anagrafe", "status":
		if from, to, ok := strings.Cut(detail, " -> "); ok {
			return f.Lang.Value(event, from) + " -> " + f.Lang.Value(event, to)
		}
	}
	return detail
}

// printComune reports a changed Comune: its row in the chosen format.
func (f *Factory) printComune(c *csi.Comune, msg string) error {
	if f.Output == FormatTable {
		f.info("%s", msg)
	}
	return f.PrintList(c, comuniTable([]csi.Comune{*c}), "")
}

func newCmdComuniUpdate(f *Factory) *cobra.Command {
	var ambito, anagrafe, contact, status string
	var ch change
	in := csi.ComuneUpdate{}
	cmd := &cobra.Command{
		Use:   "update ISTAT|NAME",
		Short: f.T("Move a Comune to another Ambito or change its registry mode, contact or status"),
		Long: f.T(`Change a Comune. Every change is kept in its history with the date given by
--date (default today): moving it to another Ambito, switching its registry between
automatic and manual, a new contact, or suspending and reactivating it. A status
change takes effect on its date: one dated later is scheduled ('comuni show' lists
it). Suspending asks for confirmation on a terminal; scripts pass --yes, and
--dry-run shows the result without writing it.`),
		Example: `  csi comuni update Lissone --ambito "Carate Brianza" --date 2024-01-01
  csi comuni update 108012 --status suspended`,
		Args: exactArgs(1, "an ISTAT code or a Comune name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			in.Comune = args[0]
			fl := cmd.Flags()
			in.Ambito = optional(fl.Changed("ambito"), ambito)
			in.Anagrafe = optional(fl.Changed("anagrafe"), anagrafe)
			in.Contact = optional(fl.Changed("contact"), contact)
			in.Status = optional(fl.Changed("status"), status)
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			if in.Status != nil && *in.Status == csi.StatusSuspended {
				if done, err := f.guardSuspend(cmd.Context(), db, in, ch); done || err != nil {
					return err
				}
			}
			c, err := db.UpdateComune(cmd.Context(), in)
			if err != nil {
				return err
			}
			return f.printComune(c, f.T("updated %s", c.Nome))
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&ambito, "ambito", "", f.T("move the Comune to this Ambito"))
	fl.StringVar(&anagrafe, "anagrafe", "", f.T("registry mode: automatic|manual"))
	fl.StringVar(&contact, "contact", "", f.T("contact person or office"))
	fl.StringVar(&status, "status", "", f.T("active|suspended"))
	dateVar(fl, &in.Date, "date", f.T("date of the change, YYYY-MM-DD (default today)"))
	ch.flags(cmd, f)
	return cmd
}

func optional(set bool, v string) *string {
	if !set {
		return nil
	}
	return &v
}

func newCmdComuniOffboard(f *Factory) *cobra.Command {
	var date string
	var ch change
	cmd := &cobra.Command{
		Use:   "offboard ISTAT|NAME --date D",
		Short: f.T("Record that a Comune leaves the shared CSI"),
		Long: f.T(`Record that a Comune leaves the shared CSI on --date. Nothing is deleted: its records
and history stay. The change takes effect on its date: with a later date the Comune
stays a member until then ('comuni show' lists the scheduled change), and records
made while it was a member stay valid. It asks for confirmation on a terminal;
scripts pass --yes, and --dry-run shows the result without writing it.`),
		Example: "  csi comuni offboard Aicurzio --date 2024-12-31 --dry-run\n  csi comuni offboard Aicurzio --date 2024-12-31 --yes",
		Args:    exactArgs(1, "an ISTAT code or a Comune name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if date == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--date is required").WithHint("give the date the Comune leaves, YYYY-MM-DD")}
			}
			return offboardRun(cmd.Context(), f, args[0], date, ch)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	dateVar(cmd.Flags(), &date, "date", f.T("date the Comune leaves, YYYY-MM-DD (required)"))
	ch.flags(cmd, f)
	return cmd
}

func offboardRun(ctx context.Context, f *Factory, ref, date string, ch change) error {
	db, err := f.Services(ctx)
	if err != nil {
		return err
	}
	d, err := db.FindComune(ctx, ref)
	if err != nil {
		return err
	}
	plan, err := csi.PlanOffboard(d.Comune, date, f.Now().Format(csi.DateLayout))
	if err != nil {
		return err
	}
	day := f.Lang.Cell(i18n.Date, date)
	what := f.T("%s (%s) would leave the shared CSI on %s", d.Nome, d.Istat, day)
	if done, err := f.confirmChange(ch, plan, what, f.T("offboarding %s (%s) on %s", d.Nome, d.Istat, day)); done || err != nil {
		return err
	}
	c, err := db.OffboardComune(ctx, d.Istat, date)
	if err != nil {
		return err
	}
	if c.Status != csi.StatusLeft {
		return f.printComune(c, f.T("%s will leave the shared CSI on %s; until then it stays %s", c.Nome, day, c.Status))
	}
	return f.printComune(c, f.T("offboarded %s", c.Nome))
}

// guardSuspend confirms a suspension, or shows it with --dry-run (done).
func (f *Factory) guardSuspend(ctx context.Context, db csi.Services, in csi.ComuneUpdate, ch change) (bool, error) {
	d, err := db.FindComune(ctx, in.Comune)
	if err != nil {
		return false, err
	}
	if !csi.IsMember(d.Status) {
		return false, csi.Errorf(csi.ECONFLICT, "%s is not onboarded", d.Nome).WithHint("run 'csi comuni onboard %s' first", d.Istat)
	}
	date := in.Date
	if date == "" {
		date = f.Now().Format(csi.DateLayout)
	}
	plan := d.Comune
	if date > f.Now().Format(csi.DateLayout) {
		plan.Scheduled = strings.TrimPrefix(plan.Scheduled+", suspended from "+date, ", ")
	} else {
		plan.Status = csi.StatusSuspended
	}
	day := f.Lang.Cell(i18n.Date, date)
	what := f.T("%s (%s) would be suspended from %s", d.Nome, d.Istat, day)
	return f.confirmChange(ch, plan, what, f.T("suspending %s (%s) on %s", d.Nome, d.Istat, day))
}
