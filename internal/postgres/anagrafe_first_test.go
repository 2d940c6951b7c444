package postgres_test

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestFirstLoadMatchesStagingPath loads the same delta file into Monza, a
// Comune with no version yet (the first load: COPY straight into persone),
// and into Desio, which has one resident (the staging path), and checks
// that both give the same summary and the same versions, in the same
// order: over several COPY batches, with a cancelled row, a rejected row
// and a repeated codice fiscale (refused, naming the line it repeats). A
// dry run of the first load before it leaves no gap in the import ids.
func TestFirstLoadMatchesStagingPath(t *testing.T) {
	svc, db, ctx := newServices(t)
	for _, c := range []string{"108033", "108023"} {
		if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
			t.Fatal(err)
		}
	}
	const n = 17000 // more than one COPY batch (updateCF spells 17,576 distinct codes)
	var rows []string
	for i := 0; i < n; i++ {
		row := updateRow(i, "Via Po 1")
		switch i {
		case 7:
			row += "2024-02-15" // cancelled
		case 9:
			row = strings.Replace(row, "1980-01-01", "1980-02-31", 1) // rejected
		}
		rows = append(rows, row)
	}
	rows = append(rows, updateRow(16000, "Via Nuova 2")) // repeats line 16002
	data := updateFile(rows)

	load := func(comune string, dry bool) *csi.ImportSummary {
		t.Helper()
		req := csi.AnagrafeImport{Comune: comune, Mode: csi.ModeDelta, AsOf: "2024-03-31"}
		req.DryRun = dry
		src := csi.Source{Name: "f.csv", Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}}
		sum, err := svc.ImportAnagrafe(ctx, req, src)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	if dry := load("108033", true); dry.ImportID != 0 || dry.Inserted != n-1 {
		t.Fatalf("dry run: import %d, %d inserted", dry.ImportID, dry.Inserted)
	}
	first := load("108033", false)
	if first.ImportID != 1 {
		t.Errorf("first load is import %d, want 1 (a dry run draws no id)", first.ImportID)
	}
	one := []byte("codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;indirizzo;data_cancellazione\n" + updateRow(n+5, "Via Po 1") + "\n")
	if _, err := importFile(ctx, svc, "2024-01-31", false, one); err == nil {
		// importFile imports into Monza; Desio needs its own resident.
		t.Fatal("Monza accepted an older extract")
	}
	req := csi.AnagrafeImport{Comune: "108023", Mode: csi.ModeSnapshot, AsOf: "2024-01-31"}
	src := csi.Source{Name: "one.csv", Size: int64(len(one)), Open: func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(one)), nil }}
	if _, err := svc.ImportAnagrafe(ctx, req, src); err != nil {
		t.Fatal(err)
	}
	staged := load("108023", false)

	if first.Inserted != n-1 || first.Rejected != 2 || first.Rows != n+1 {
		t.Errorf("first load: %d rows, %d inserted, %d rejected; want %d, %d, 2", first.Rows, first.Inserted, first.Rejected, n+1, n-1)
	}
	strip := func(s *csi.ImportSummary) csi.ImportSummary {
		c := *s
		c.Comune, c.ImportID, c.DurationMS = "", 0, 0
		return c
	}
	if a, b := strip(first), strip(staged); !reflect.DeepEqual(a, b) {
		t.Errorf("summaries differ:\nfirst  %+v\nstaged %+v", a, b)
	}
	if got := fmt.Sprint(first.Rejects); !strings.Contains(got, "codice_fiscale repeats line 16002") {
		t.Errorf("rejects %s: no repeat of line 16002", got)
	}
	versions := func(id int64) []string {
		t.Helper()
		rs, err := db.Pool().Query(ctx, `SELECT concat_ws('|', codice_fiscale, dati, codice_famiglia, relazione_parentela, row_hash,
			valid_from, valid_to, end_reason, closed_by, line) FROM persone WHERE import_id = $1 ORDER BY id`, id)
		if err != nil {
			t.Fatal(err)
		}
		defer rs.Close()
		var out []string
		for rs.Next() {
			var s string
			if err := rs.Scan(&s); err != nil {
				t.Fatal(err)
			}
			out = append(out, s)
		}
		return out
	}
	a, b := versions(first.ImportID), versions(staged.ImportID)
	if len(a) != n-1 || !reflect.DeepEqual(a, b) {
		t.Fatalf("versions: %d from the first load, %d staged, want %d and equal", len(a), len(b), n-1)
	}
	if cancelled := a[7]; !strings.HasSuffix(cancelled, "|2024-02-15|2024-02-15|cancelled|0|9") {
		t.Errorf("cancelled row stored as %s", cancelled)
	}
	var rec int64
	if err := db.Pool().QueryRow(ctx, "SELECT inserted FROM imports WHERE id = $1", first.ImportID).Scan(&rec); err != nil || rec != n-1 {
		t.Errorf("import record: %d inserted, %v", rec, err)
	}
}
