package postgres_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
)

// updatePeople is how many residents the update tests load.
const updatePeople = 300

// updateCF is the synthetic codice fiscale of person i (its surname code
// spells i in base 26).
func updateCF(i int) string {
	p := fmt.Sprintf("%c%c%cMRA80A01F704", 'A'+i/676%26, 'A'+i/26%26, 'A'+i%26)
	return p + string(codicefiscale.CheckChar(p))
}

// updateRow is person i's row at an address.
func updateRow(i int, addr string) string {
	return fmt.Sprintf("%s;Cognome%d;Nome%d;M;1980-01-01;F704;%s;", updateCF(i), i, i, addr)
}

func updateFile(rows []string) []byte {
	return []byte("codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;indirizzo;data_cancellazione\n" +
		strings.Join(rows, "\n") + "\n")
}

// newServices is app.Services over a fresh, migrated PostgreSQL store whose
// clock stops at 30/06/2024 10:00 UTC, with the context of a test actor.
func newServices(t *testing.T) (*app.Services, *postgres.DB, context.Context) {
	t.Helper()
	ctx := csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "test"})
	db, err := postgres.Open(ctx, pgtest.NewDatabase(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	now := time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC)
	db.Now = func() time.Time { return now }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	svc := app.New(db)
	svc.Now = db.Now
	return svc, db, ctx
}

// updateStore is app.Services over a fresh PostgreSQL store with Monza
// onboarded and loaded with updatePeople residents.
func updateStore(t *testing.T) (*app.Services, *postgres.DB, context.Context) {
	t.Helper()
	svc, db, ctx := newServices(t)
	if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	var rows []string
	for i := 0; i < updatePeople; i++ {
		rows = append(rows, updateRow(i, "Via Po 1"))
	}
	if _, err := importFile(ctx, svc, "2024-01-31", false, updateFile(rows)); err != nil {
		t.Fatal(err)
	}
	return svc, db, ctx
}

func importFile(ctx context.Context, svc *app.Services, asOf string, dry bool, data []byte) (*csi.ImportSummary, error) {
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: asOf}
	req.DryRun = dry
	src := csi.Source{Name: "f.csv", Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
	return svc.ImportAnagrafe(ctx, req, src)
}

// physical describes where and by which transaction each version was
// written: a version rewritten in place or moved changes its line.
func physical(t *testing.T, db *postgres.DB) map[string]string {
	t.Helper()
	rows, err := db.Pool().Query(context.Background(), `SELECT codice_fiscale || ' ' || valid_from,
		ctid::text || ' ' || xmin::text || ' ' || valid_to FROM persone`)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			t.Fatal(err)
		}
		out[k] = v
	}
	return out
}

// TestUpdateLeavesUnchangedRowsAlone: a snapshot update writes the changed,
// new and absent people and nothing else: the row of every unchanged
// resident keeps its place and the transaction that wrote it, a resident
// whose row is rejected is not closed, and a repeat of an unchanged
// resident is refused with the line it repeats.
func TestUpdateLeavesUnchangedRowsAlone(t *testing.T) {
	svc, db, ctx := updateStore(t)
	before := physical(t, db)
	var rows []string
	for i := 0; i < updatePeople-3; i++ { // the last three are absent
		switch {
		case i < 5:
			rows = append(rows, updateRow(i, "Via Nuova 2"))
		case i == 5:
			rows = append(rows, strings.Replace(updateRow(i, "Via Po 1"), "1980-01-01", "1980-02-31", 1))
		default:
			rows = append(rows, updateRow(i, "Via Po 1"))
		}
	}
	rows = append(rows, updateRow(6, "Via Po 1"), updateRow(updatePeople, "Via Nuova 2"), updateRow(updatePeople+1, "Via Nuova 2"))
	sum, err := importFile(ctx, svc, "2024-04-01", false, updateFile(rows))
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprintf("%d inserted, %d updated, %d unchanged, %d closed, %d rejected", sum.Inserted, sum.Updated, sum.Unchanged, sum.Closed, sum.Rejected)
	if want := "2 inserted, 5 updated, 291 unchanged, 3 closed, 2 rejected"; got != want {
		t.Errorf("summary %s, want %s", got, want)
	}
	var repeat string
	for _, r := range sum.Rejects {
		if r.Column == "codice_fiscale" {
			repeat = fmt.Sprintf("line %d: %s", r.Line, r.Reason)
		}
	}
	if want := fmt.Sprintf("line %d: codice_fiscale repeats line 8", updatePeople-1); repeat != want {
		t.Errorf("repeat reported as %q, want %q", repeat, want)
	}
	after := physical(t, db)
	for i := 0; i < updatePeople; i++ {
		k := updateCF(i) + " 2024-01-31"
		b, a := before[k], after[k]
		switch {
		case i < 5 || i >= updatePeople-3:
			if !strings.HasSuffix(a, " 2024-04-01") {
				t.Errorf("person %d (changed or absent) not closed: %q", i, a)
			}
		case a != b:
			t.Errorf("person %d (unchanged or rejected) rewritten: %q, then %q", i, b, a)
		}
	}
	if n := len(after); n != updatePeople+5+2 {
		t.Errorf("%d versions, want %d", n, updatePeople+7)
	}
}

// TestUpdateDryRunWritesNothing: a dry run of the same update reports the
// same counts and leaves every row as it was.
func TestUpdateDryRunWritesNothing(t *testing.T) {
	svc, db, ctx := updateStore(t)
	before := physical(t, db)
	var rows []string
	for i := 1; i < updatePeople; i++ {
		addr := "Via Po 1"
		if i%10 == 0 {
			addr = "Via Nuova 2"
		}
		rows = append(rows, updateRow(i, addr))
	}
	sum, err := importFile(ctx, svc, "2024-04-01", true, updateFile(rows))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated != 29 || sum.Closed != 1 || sum.Unchanged != 270 || !sum.DryRun {
		t.Errorf("dry run: %+v", sum)
	}
	after := physical(t, db)
	if fmt.Sprint(after) != fmt.Sprint(before) {
		t.Error("the dry run changed rows")
	}
}
