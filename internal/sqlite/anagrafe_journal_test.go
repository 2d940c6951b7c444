package sqlite

import (
	"context"
	"os"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// journalMode is the journal mode a new connection to db's file finds.
func journalMode(t *testing.T, ctx context.Context, db *DB) string {
	t.Helper()
	var mode string
	if err := db.SQL().QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	return mode
}

// beginLoad opens a registry import of a 1 MB file into Monza.
func beginLoad(t *testing.T, ctx context.Context, db *DB, dry bool) *writer {
	t.Helper()
	w, err := db.BeginRegistryImport(ctx, store.RegistryStart{Comune: "108033", File: "f.csv", SHA256: "x",
		Mode: string(csi.ModeSnapshot), AsOf: "2024-06-30", Actor: "tester", Size: 1 << 20, DryRun: dry})
	if err != nil {
		t.Fatal(err)
	}
	return w.(*writer)
}

// TestFirstLoadUnderRollbackJournal: a Comune's first load, by a command
// that is the store's sole user, runs under a rollback journal, also into a
// store holding another Comune, and leaves the store in WAL mode when it
// ends, committed or not. csi serve (SoleUser unset), a dry run, an update
// and a store another connection holds keep WAL mode throughout.
func TestFirstLoadUnderRollbackJournal(t *testing.T) {
	for _, tc := range []struct {
		name            string
		sole, dry, held bool
		before          string // a Comune loaded before
		want            string
	}{
		{"sole user", true, false, false, "", "delete"},
		{"into a populated store", true, false, false, "108001", "delete"},
		{"update", true, false, false, "108033", "wal"},
		{"server", false, false, false, "", "wal"},
		{"dry run", true, true, false, "", "wal"},
		{"store held by another connection", true, false, true, "", "wal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, ctx := onboarded(t, "108033")
			if tc.before != "" {
				loadTwo(t, ctx, db, tc.before)
			}
			db.SoleUser = tc.sole
			if tc.held {
				other := secondConn(t, db)
				if n := journalMode(t, ctx, other); n != "wal" {
					t.Fatalf("the other connection found %s", n)
				}
			}
			w := beginLoad(t, ctx, db, tc.dry)
			var mode string
			if err := w.tx.QueryRowContext(ctx, "PRAGMA journal_mode").Scan(&mode); err != nil {
				t.Fatal(err)
			}
			if mode != tc.want || w.journal != (tc.want == "delete") {
				t.Fatalf("journal_mode %s (journal %v) during the import, want %s", mode, w.journal, tc.want)
			}
			w.Rollback(ctx)
			if got := journalMode(t, ctx, db); got != "wal" {
				t.Fatalf("journal_mode %s after the import, want wal", got)
			}
		})
	}
}

// loadTwo imports two residents into comune, onboarding it when needed.
func loadTwo(t *testing.T, ctx context.Context, db *DB, comune string) {
	t.Helper()
	if comune != "108033" {
		if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: comune, Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	file := []byte("codice_fiscale,cognome,nome,sesso,data_nascita,luogo_nascita,indirizzo\n" +
		"BRMGPP50C12F704K,Brambilla,Giuseppe,M,1950-03-12,F704,Via Po\n" +
		"RSSMRA80A01F704F,Rossi,Mario,M,1980-01-01,F704,Via Po\n")
	req := csi.AnagrafeImport{Comune: comune, Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("f.csv", file))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Inserted != 2 {
		t.Fatalf("inserted %d, want 2: %+v", sum.Inserted, sum.Rejects)
	}
}

// TestFirstLoadCommitsUnderRollbackJournal: a whole first load under the
// rollback journal commits its rows and audit entry, leaves no journal
// file, and the store is in WAL mode again for the next command.
func TestFirstLoadCommitsUnderRollbackJournal(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	db.SoleUser = true
	loadTwo(t, ctx, db, "108033")
	if _, err := os.Stat(db.Path() + "-journal"); !os.IsNotExist(err) {
		t.Fatalf("a rollback journal was left behind: %v", err)
	}
	other := secondConn(t, db)
	if got := journalMode(t, ctx, other); got != "wal" {
		t.Fatalf("journal_mode %s after the import, want wal", got)
	}
	var n int
	if err := other.SQL().QueryRowContext(ctx, "SELECT count(*) FROM persone WHERE comune = '108033' AND valid_to = ''").Scan(&n); err != nil || n != 2 {
		t.Fatalf("%d current residents (%v), want 2", n, err)
	}
	if res, err := services(other).VerifyAudit(ctx); err != nil || !res.OK {
		t.Fatalf("audit chain after the import: %+v %v", res, err)
	}
}
