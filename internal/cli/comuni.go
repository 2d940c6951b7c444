package cli

import (
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdComuni(f *Factory) *cobra.Command {
	cmd := newGroup("comuni", "List, onboard and update the Comuni of the province",
		"  csi comuni list --ambito Desio\n  csi comuni show Lissone\n  csi comuni onboard 108028 --anagrafe automatic")
	cmd.AddCommand(newCmdComuniList(f), newCmdComuniShow(f), NewCmdOnboard(f, nil), newCmdComuniUpdate(f), newCmdComuniOffboard(f))
	return cmd
}

func comuniTable(cs []csi.Comune) Table {
	t := Table{Headers: []string{"istat", "nome", "ambito", "status", "anagrafe", "onboarded_on", "popolazione"}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []string{c.Istat, c.Nome, c.Ambito, c.Status, c.Anagrafe, c.OnboardedOn, strconv.Itoa(c.Popolazione)})
	}
	return t
}

func newCmdComuniList(f *Factory) *cobra.Command {
	var filter csi.ComuneFilter
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List the Comuni, optionally of one Ambito or status",
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
	cmd.Flags().StringVar(&filter.Ambito, "ambito", "", "only the Comuni of this Ambito")
	cmd.Flags().StringVar(&filter.Status, "status", "", "only this status: not_onboarded|active|suspended|left")
	return cmd
}

func newCmdComuniShow(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "show ISTAT|NAME",
		Short: "Show one Comune and its history",
		Long: `Show one Comune, found by ISTAT code or by name (accents and case do not matter;
a unique part of the name is enough), with its onboarding and Ambito history.`,
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
			return f.PrintDetail(c, comuneDetail(c))
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func comuneDetail(c *csi.ComuneDetail) Detail {
	d := Detail{Fields: [][2]string{
		{"istat", c.Istat}, {"belfiore", c.Belfiore}, {"nome", c.Nome}, {"ambito", c.Ambito},
		{"popolazione", strconv.Itoa(c.Popolazione)}, {"status", c.Status}, {"anagrafe", c.Anagrafe},
		{"onboarded_on", c.OnboardedOn}, {"offboarded_on", c.OffboardedOn}, {"contact", c.Contact},
	}}
	h := Table{Headers: []string{"date", "event", "detail", "actor"}}
	for _, e := range c.History {
		h.Rows = append(h.Rows, []string{e.Date, e.Event, e.Detail, e.Actor})
	}
	d.Sections = []Section{{Title: "History", Table: h}}
	return d
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
	in := csi.ComuneUpdate{}
	cmd := &cobra.Command{
		Use:   "update ISTAT|NAME",
		Short: "Move a Comune to another Ambito or change its registry mode, contact or status",
		Long: `Change a Comune. Every change is kept in its history with the date given by
--date (default today): moving it to another Ambito, switching its registry between
automatic and manual, a new contact, or suspending and reactivating it.`,
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
			c, err := db.UpdateComune(cmd.Context(), in)
			if err != nil {
				return err
			}
			return f.printComune(c, "updated "+c.Nome)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	fl := cmd.Flags()
	fl.StringVar(&ambito, "ambito", "", "move the Comune to this Ambito")
	fl.StringVar(&anagrafe, "anagrafe", "", "registry mode: automatic|manual")
	fl.StringVar(&contact, "contact", "", "contact person or office")
	fl.StringVar(&status, "status", "", "active|suspended")
	fl.StringVar(&in.Date, "date", "", "date of the change, YYYY-MM-DD (default today)")
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
	cmd := &cobra.Command{
		Use:     "offboard ISTAT|NAME --date D",
		Short:   "Record that a Comune left the shared CSI",
		Long:    "Record that a Comune left the shared CSI on --date. Nothing is deleted: its records and history stay.",
		Example: "  csi comuni offboard Aicurzio --date 2024-12-31",
		Args:    exactArgs(1, "an ISTAT code or a Comune name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			if date == "" {
				return &usageError{csi.Errorf(csi.EINVALID, "--date is required").WithHint("give the date the Comune left, YYYY-MM-DD")}
			}
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			c, err := db.OffboardComune(cmd.Context(), args[0], date)
			if err != nil {
				return err
			}
			return f.printComune(c, "offboarded "+c.Nome)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	cmd.Flags().StringVar(&date, "date", "", "date the Comune left, YYYY-MM-DD (required)")
	return cmd
}
