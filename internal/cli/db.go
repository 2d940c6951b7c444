package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"
)

func newCmdInit(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "init",
		Short: "Create or upgrade the store and load the reference data",
		Long: `Create the store (mode 0600, WAL) if it does not exist, apply any pending schema
migrations and (re)load the embedded reference data: the 5 Ambiti, the 55 Comuni
of Monza e Brianza, the national Comuni and the foreign-state codes. Comuni already
in the store keep their Ambito and onboarding state.`,
		Example: `  csi init
  csi --db /srv/csi/csi.db init`,
		Args: exactArgs(0, "no arguments"),
		RunE: func(cmd *cobra.Command, _ []string) error {
			db, err := f.openRaw(cmd.Context(), true)
			if err != nil {
				return err
			}
			done, err := db.Migrate(cmd.Context())
			if err != nil {
				return err
			}
			f.info("store %s ready (%d migration(s) applied, reference data loaded)", db.Path(), len(done))
			return nil
		},
		Annotations: formats(FormatTable),
	}
}

func newCmdDB(f *Factory) *cobra.Command {
	cmd := newGroup("db", "Maintain the store: migrations and backups", "  csi db status\n  csi db backup /backup/csi-2024-06-30.db")
	cmd.AddCommand(newCmdDBMigrate(f), newCmdDBStatus(f), newCmdDBBackup(f))
	return cmd
}

func newCmdDBMigrate(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:     "migrate",
		Short:   "Apply the pending schema migrations",
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
		Short:   "Show the schema migrations and whether each is applied",
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
		Short: "Write a consistent copy of the store, even while it is in use",
		Long: `Write a consistent copy of the store to FILE (mode 0600). Other csi commands may
keep writing meanwhile; the copy reflects one moment. FILE must not exist.`,
		Example: "  csi db backup /backup/csi-$(date +%F).db",
		Args:    exactArgs(1, "the backup file name"),
		RunE: func(cmd *cobra.Command, args []string) error {
			db, err := f.openRaw(cmd.Context(), false)
			if err != nil {
				return err
			}
			if err := db.Backup(cmd.Context(), args[0]); err != nil {
				return err
			}
			f.info("%s", fmt.Sprintf("backup written to %s", args[0]))
			return nil
		},
		Annotations: formats(FormatTable),
	}
}
