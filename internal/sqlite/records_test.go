package sqlite

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
)

// importRecords imports one records file or fails the test.
func importRecords(t *testing.T, db *DB, kind, name, data string) *csi.ImportSummary {
	t.Helper()
	sum, err := app.New(db).ImportRecords(actorCtx(), csi.RecordImport{Kind: kind}, bytesSource(name, []byte(data)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sum
}

// cartellaRow returns the CF and opening date stored for a Comune's cartella.
func cartellaRow(t *testing.T, db *DB, comune, id string) string {
	t.Helper()
	var cf, apertura string
	err := db.SQL().QueryRow("SELECT codice_fiscale, data_apertura FROM cartelle WHERE comune = ? AND id_cartella = ?",
		comune, id).Scan(&cf, &apertura)
	if err != nil {
		t.Fatalf("cartella %s/%s: %v", comune, id, err)
	}
	return cf + " " + apertura
}

const cartelleHeader = "id_cartella;codice_fiscale;comune;data_apertura;data_chiusura;motivo_chiusura;area;case_manager\n"

// TestRecordIDsPerComune: a cartella id another Comune already uses is a
// different record; it neither overwrites the first nor takes its interventi.
func TestRecordIDsPerComune(t *testing.T) {
	db := newStore(t)
	importRecords(t, db, "cartelle", "monza.csv", cartelleHeader+"7;BRMGPP50C12F704K;108033;2020-01-15;;;ANZ;AS1\n")
	sum := importRecords(t, db, "cartelle", "desio.csv", cartelleHeader+"7;NCLZOE10A45D286L;108023;2021-05-05;;;FAM;AS3\n")
	if sum.Inserted != 1 || sum.Updated != 0 || sum.Rejected != 0 {
		t.Fatalf("Desio's cartella 7: %+v, want 1 inserted", sum)
	}
	if got := cartellaRow(t, db, "108033", "7"); got != "BRMGPP50C12F704K 2020-01-15" {
		t.Errorf("Monza's cartella 7 became %q", got)
	}
	importRecords(t, db, "interventi", "int.csv", "id_intervento;id_cartella;codice_prestazione;comune\nI1;7;A1.04;108033\n")
	var cf string
	if err := db.SQL().QueryRow(`SELECT c.codice_fiscale FROM interventi i JOIN cartelle c
		ON c.comune = i.comune AND c.id_cartella = i.id_cartella WHERE i.id_intervento = 'I1'`).Scan(&cf); err != nil || cf != "BRMGPP50C12F704K" {
		t.Errorf("Monza's intervento I1 belongs to %q (%v), want Monza's person", cf, err)
	}
}

// TestRecordUpdateKeepsPerson: the same Comune and id with changed dates is
// an update; with another valid CF it is refused and the record kept.
func TestRecordUpdateKeepsPerson(t *testing.T) {
	db := newStore(t)
	importRecords(t, db, "cartelle", "a.csv", cartelleHeader+"7;BRMGPP50C12F704K;108033;2020-01-15;;;ANZ;AS1\n")
	sum := importRecords(t, db, "cartelle", "b.csv", cartelleHeader+"7;BRMGPP50C12F704K;108033;2020-02-01;2021-12-31;4;ANZ;AS1\n")
	if sum.Updated != 1 || sum.Rejected != 0 {
		t.Fatalf("changed dates: %+v, want 1 updated", sum)
	}
	sum = importRecords(t, db, "cartelle", "c.csv", cartelleHeader+"7;NCLZOE10A45D286L;108033;2020-02-01;;;ANZ;AS1\n")
	if sum.Rejected != 1 || sum.Updated != 0 || len(sum.Rejects) != 1 || sum.Rejects[0].Column != "codice_fiscale" {
		t.Fatalf("another person: %+v, want 1 rejected on codice_fiscale", sum)
	}
	if got := cartellaRow(t, db, "108033", "7"); got != "BRMGPP50C12F704K 2020-02-01" {
		t.Errorf("cartella 7 became %q", got)
	}
}

// TestMigrateRecordsByComune: records stored before the records were keyed
// by Comune keep their values, and interventi take their cartella's Comune.
func TestMigrateRecordsByComune(t *testing.T) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.SQL().Exec(`CREATE TABLE schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`); err != nil {
		t.Fatal(err)
	}
	all, err := db.MigrationStatus(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range all {
		if m.Version < 7 {
			if err := db.apply(ctx, m); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, q := range []string{
		`INSERT INTO cartelle VALUES ('7', 'BRMGPP50C12F704K', '108033', '2020-01-15', '', '', 'ANZ', 'AS1', 1, 1)`,
		`INSERT INTO interventi VALUES ('I1', '7', 'A1.04', 'O', '', '', NULL, '2021-03-10', 100, '', 'N', 2, 2)`,
		`INSERT INTO interventi VALUES ('I2', '9', 'A1.04', 'O', '', '', NULL, '2021-03-10', 100, '', 'N', 3, 2)`,
		`INSERT INTO accessi VALUES ('A1', '2020-01-10', '108033', 'COMUNE', '', 'FAM', 'INFORMAZIONE', 'op1', 4, 3)`,
	} {
		if _, err := db.SQL().Exec(q); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var got []string
	rows, err := db.SQL().Query(`SELECT comune || '/' || id_intervento || '/' || id_cartella || '/' || importo FROM interventi
		UNION ALL SELECT comune || '/' || id_cartella || '/' || data_apertura FROM cartelle
		UNION ALL SELECT comune || '/' || id_accesso || '/' || row_hash FROM accessi ORDER BY 1`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	want := "/I2/9/100 108033/7/2020-01-15 108033/A1/4 108033/I1/7/100"
	if strings.Join(got, " ") != want {
		t.Errorf("after migrating: %q, want %q", strings.Join(got, " "), want)
	}
}

const interventiHeader = "id_intervento;id_cartella;codice_prestazione;carattere;importo_mensile;importo\n"

// TestImportAmountsFileDecimal: an ambiguous amount is read with the
// decimal separator the file's other amounts show, and refused when none do.
func TestImportAmountsFileDecimal(t *testing.T) {
	db := newStore(t)
	importRecords(t, db, "interventi", "comma.csv", interventiHeader+"I1;C1;A1.04;P;400,00;\nI2;C1;A2.07;O;;1,250\nI3;C1;A2.07;O;;1.250\n")
	importRecords(t, db, "interventi", "point.csv", interventiHeader+"J1;C1;A1.04;P;12.50;\nJ2;C1;A2.07;O;;1,250\nJ3;C1;A2.07;O;;1.250\n")
	for id, want := range map[string]int64{"I1": 40000, "I2": 125, "I3": 125000, "J1": 1250, "J2": 125000, "J3": 125} {
		var got int64
		err := db.SQL().QueryRow("SELECT coalesce(importo, importo_mensile) FROM interventi WHERE id_intervento = ?", id).Scan(&got)
		if err != nil || got != want {
			t.Errorf("%s: %d cents (%v), want %d", id, got, err, want)
		}
	}
	sum := importRecords(t, db, "interventi", "none.csv", interventiHeader+"K1;C1;A2.07;O;;1,250\nK2;C1;A2.07;O;;12\n")
	if sum.Rejected != 1 || len(sum.Rejects) != 1 || sum.Rejects[0].Line != 2 || sum.Rejects[0].Column != "importo" {
		t.Errorf("ambiguous amount alone: %+v, want line 2 rejected on importo", sum.Rejects)
	}
}

// TestInterventoTakesLaterCartellaComune: an intervento imported before its
// cartella has no Comune; imported again after it, it takes the cartella's
// Comune and is updated, not doubled.
func TestInterventoTakesLaterCartellaComune(t *testing.T) {
	db := newStore(t)
	importRecords(t, db, "interventi", "a.csv", interventiHeader+"I1;9;A2.07;O;;100,00\n")
	importRecords(t, db, "cartelle", "c.csv", cartelleHeader+"9;BRMGPP50C12F704K;108033;2020-01-15;;;ANZ;AS1\n")
	sum := importRecords(t, db, "interventi", "b.csv", interventiHeader+"I1;9;A2.07;O;;120,00\n")
	if sum.Updated != 1 || sum.Inserted != 0 {
		t.Errorf("after its cartella: %+v, want 1 updated", sum)
	}
	var got string
	if err := db.SQL().QueryRow("SELECT group_concat(comune || '/' || importo) FROM interventi").Scan(&got); err != nil || got != "108033/12000" {
		t.Errorf("interventi %q (%v), want one in 108033", got, err)
	}
}
