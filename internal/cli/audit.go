package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/spf13/cobra"
)

func newCmdAudit(f *Factory) *cobra.Command {
	cmd := newGroup("audit", f.T("Read, anchor and verify the append-only audit log"),
		"  csi audit list --since 2024-01-01\n  csi audit anchor -o json > anchor.json\n  csi audit verify --anchor anchor.json")
	cmd.AddCommand(newCmdAuditList(f), newCmdAuditAnchor(f), NewCmdAuditVerify(f, nil))
	return cmd
}

func newCmdAuditList(f *Factory) *cobra.Command {
	var since string
	var verify bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: f.T("List who changed what, when; --verify checks the hash chain"),
		Long: f.T(`List the audit log: every command that changed the store, with time (UTC),
actor, command, target and summary. Entries are hash-chained; --verify recomputes
the chain and fails (exit 1) if an entry was edited, removed or inserted, or if an
import, token, referent, validation run or Comune event has no entry (as
'csi audit verify', which also checks an anchor).`),
		Example: "  csi audit list --since 2024-06-01\n  csi audit list --verify",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.Services(cmd.Context())
			if err != nil {
				return err
			}
			if verify {
				return auditVerify(cmd.Context(), f, db)
			}
			es, err := db.ListAudit(cmd.Context(), since)
			if err != nil {
				return err
			}
			t := Table{Headers: []string{"id", "at", "actor", "command", "target", "summary"}}
			for _, e := range es {
				t.Rows = append(t.Rows, []string{strconv.FormatInt(e.ID, 10), e.At, e.Actor, e.Command, e.Target, e.Summary})
			}
			return f.PrintList(es, t, "the audit log has no entries in that period")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
	dateVar(cmd.Flags(), &since, "since", f.T("only entries from this date, YYYY-MM-DD"))
	cmd.Flags().BoolVar(&verify, "verify", false, f.T("verify the hash chain instead of listing"))
	return cmd
}

func auditVerify(ctx context.Context, f *Factory, db csi.AuditService) error {
	v, err := db.VerifyAudit(ctx)
	if err != nil {
		return err
	}
	return reportVerification(f, v, "")
}

// verificationTable is the CSV form of a verification.
func verificationTable(v *csi.AuditVerification) Table {
	return Table{Headers: []string{"ok", "entries", "problem", "bad_id"},
		Rows: [][]string{{strconv.FormatBool(v.OK), strconv.FormatInt(v.Entries, 10), v.Problem, strconv.FormatInt(v.BadID, 10)}}}
}

// reportVerification prints a verification (JSON, or a line when intact)
// and fails when the log was tampered with.
func reportVerification(f *Factory, v *csi.AuditVerification, extra string) error {
	done, err := f.Export(v, func() Table { return verificationTable(v) })
	if err != nil {
		return err
	}
	if !done && v.OK {
		fmt.Fprintln(f.IO.Out, f.T("audit log intact: %d entries verified%s", v.Entries, extra))
	}
	if !v.OK {
		return csi.Errorf(csi.ECONFLICT, "audit log tampered: %s", v.Problem).
			WithHint("restore the store from a backup and investigate who had write access to the file")
	}
	return nil
}
