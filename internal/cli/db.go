package cli

import (
	"context"
	"fmt"
	"strconv"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"

	"github.com/spf13/cobra"
)

func newCmdInit(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: f.T("Create or upgrade the store and load the reference data"),
		Long: f.T(`Create the store (mode 0600, WAL) if it does not exist, apply any pending schema
migrations and (re)load the embedded reference data: the 5 Ambiti, the 55 Comuni
of Monza e Brianza, the national Comuni and the foreign-state codes. Comuni already
in the store keep their Ambito and onboarding state.`),
		Example: `  csi init
  csi --db /srv/csi/csi.db init`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, done, err := f.createStore(cmd.Context())
			if err != nil {
				return err
			}
			f.info("store %s ready (%d migration(s) applied, reference data loaded)", db.Describe(), len(done))
			return nil
		},
		Annotations: formats(FormatTable),
	}
}

func newCmdDB(f *Factory) *cobra.Command {
	cmd := newGroup("db", f.T("Maintain the store: migrations and backups"), "  csi db status\n  csi db backup /backup/csi-2024-06-30.db")
	cmd.AddCommand(newCmdDBMigrate(f), newCmdDBStatus(f), newCmdDBBackup(f), newCmdDBCheck(f))
	return cmd
}

func newCmdDBMigrate(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "migrate",
		Short:   f.T("Apply the pending schema migrations"),
		Example: "  csi db migrate",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.openRaw(cmd.Context(), false)
			if err != nil {
				return err
			}
			done, err := db.Migrate(cmd.Context())
			if err != nil {
				return err
			}
			if len(done) == 0 {
				f.info("the store is up to date")
			}
			for _, m := range done {
				f.info("applied migration %04d %s", m.Version, m.Name)
			}
			return nil
		},
		Annotations: formats(FormatTable),
	}
}

func newCmdDBStatus(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "status",
		Short:   f.T("Show the schema migrations and whether each is applied"),
		Example: "  csi db status\n  csi db status -o json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.openRaw(cmd.Context(), false)
			if err != nil {
				return err
			}
			ms, err := db.MigrationStatus(cmd.Context())
			if err != nil {
				return err
			}
			t := Table{Headers: []string{"version", "name", "applied_at"}}
			for _, m := range ms {
				at := m.AppliedAt
				if at == "" {
					at = "pending"
				}
				t.Rows = append(t.Rows, []string{strconv.Itoa(m.Version), m.Name, at})
			}
			return f.PrintList(ms, t, "no migrations")
		},
		Annotations: formats(FormatTable, FormatJSON, FormatCSV),
	}
}

func newCmdDBBackup(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "backup FILE",
		Short: f.T("Write a consistent copy of the store, even while it is in use"),
		Long: f.T(`Write a consistent copy of the store to FILE (mode 0600). Other csi commands may
keep writing meanwhile; the copy reflects one moment. FILE must not exist. The store
passes SQLite's quick_check first: a damaged store is not copied (exit 1).`),
		Example: "  csi db backup /backup/csi-$(date +%F).db",
		Args:    exactArgs(1, "the backup file name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := f.openRaw(cmd.Context(), false)
			if err != nil {
				return err
			}
			// A copy of a damaged store would pass for a good backup.
			if problems, err := db.IntegrityCheck(cmd.Context(), true); err != nil {
				return err
			} else if len(problems) > 0 {
				return db.Damaged(problems)
			}
			if err := db.Backup(cmd.Context(), args[0]); err != nil {
				return err
			}
			f.info("backup written to %s", args[0])
			return nil
		},
		Annotations: formats(FormatTable),
	}
}

// dbCheck is the result of `csi db check`.
type dbCheck struct {
	OK    bool   `json:"ok"`
	Store string `json:"store"`
	// Integrity lists what PRAGMA integrity_check found; empty when sound.
	Integrity []string               `json:"integrity"`
	Audit     *csi.AuditVerification `json:"audit"`
}

func newCmdDBCheck(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:         "check",
		Annotations: formats(FormatTable, FormatJSON),
		Short:       f.T("Check the store file (PRAGMA integrity_check) and the audit log"),
		Long: f.T(`Check the whole store: SQLite's integrity_check reads every page, table and index
(a damaged store can answer queries wrongly without an error), then the audit log's
hash chain and its cross-check against the imports, tokens, referents, validation
runs and Comune events (as 'csi audit verify'). Exit 0 when both pass, 1 with the
first problem otherwise; -o json prints both results.`),
		Example: "  csi db check\n  csi db check -o json",
		Args:    exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.openRaw(cmd.Context(), false)
			if err != nil {
				return err
			}
			res, err := checkStore(cmd.Context(), db, servicesOver(db, f.Now))
			if err != nil {
				return err
			}
			return reportCheck(f, db, res)
		},
	}
}

// checkStore runs the engine's integrity check, then (on a sound store)
// the audit checks of the services over it.
func checkStore(ctx context.Context, db store.Admin, svc csi.AuditService) (*dbCheck, error) {
	problems, err := db.IntegrityCheck(ctx, false)
	if err != nil {
		return nil, err
	}
	res := &dbCheck{Store: db.Describe(), Integrity: append([]string{}, problems...)}
	if len(problems) == 0 {
		if res.Audit, err = svc.VerifyAudit(ctx); err != nil {
			return nil, err
		}
	}
	res.OK = len(problems) == 0 && res.Audit.OK
	return res, nil
}

func reportCheck(f *Factory, db store.Admin, res *dbCheck) error {
	if f.Output == FormatJSON {
		if err := writeJSON(f.IO.Out, res); err != nil {
			return err
		}
	} else if res.OK {
		fmt.Fprintln(f.IO.Out, f.T("store %s: integrity ok; audit log intact: %d entries verified", res.Store, res.Audit.Entries))
	}
	switch {
	case len(res.Integrity) > 0:
		return db.Damaged(res.Integrity)
	case !res.OK:
		return csi.Errorf(csi.ECONFLICT, "audit log tampered: %s", res.Audit.Problem).
			WithHint("restore the store from a backup and investigate who had write access to the file")
	}
	return nil
}
