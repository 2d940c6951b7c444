package cli

import (
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdAmbiti(f *Factory) *cobra.Command {
	cmd := newGroup("ambiti", f.T("List the Ambiti territoriali and their figures"),
		"  csi ambiti list\n  csi ambiti show Desio")
	cmd.AddCommand(newCmdAmbitiList(f), newCmdAmbitiShow(f))
	return cmd
}

func ambitiTable(as []csi.Ambito) Table {
	t := Table{Headers: []string{"nome", "comuni", "onboarded", "anagrafe_automatic", "popolazione", "referente"}}
	for _, a := range as {
		t.Rows = append(t.Rows, []string{a.Nome, strconv.Itoa(a.Comuni), strconv.Itoa(a.Onboarded),
			strconv.Itoa(a.AnagrafeAutomatic), strconv.Itoa(a.Popolazione), a.Referente})
	}
	return t
}

func newCmdAmbitiList(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "list",
		Short: f.T("List the Ambiti: Comuni, onboarded, automatic registry, population, referent"),
		Example: `  csi ambiti list
  csi ambiti list -o json | jq '.[] | select(.referente == "")'`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			as, err := db.ListAmbiti(cmd.Context())
			if err != nil {
				return err
			}
			return f.PrintList(as, ambitiTable(as), "no Ambiti")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func newCmdAmbitiShow(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "show NAME",
		Short:   f.T("Show one Ambito with its Comuni"),
		Example: "  csi ambiti show Vimercate\n  csi ambiti show carate -o json",
		Args:    exactArgs(1, "an Ambito name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			a, err := db.FindAmbito(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			d := Detail{Fields: [][2]string{
				{"nome", a.Nome}, {"comuni", strconv.Itoa(a.Comuni)}, {"onboarded", strconv.Itoa(a.Onboarded)},
				{"anagrafe_automatic", strconv.Itoa(a.AnagrafeAutomatic)}, {"popolazione", strconv.Itoa(a.Popolazione)},
				{"referente", a.Referente}, {"referente_email", a.ReferenteEmail},
			}, Sections: []Section{{Title: "Comuni", Table: comuniTable(a.ComuniList)}}}
			return f.PrintDetail(a, d)
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}
