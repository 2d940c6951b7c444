package app_test

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

const issue9Header = "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita"

// issue9People are three residents of Monza, as valid rows.
var issue9People = []string{
	"BRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;F704",
	"CLMMRA55L41F704H;Colombo;Maria;F;1955-07-01;F704",
	"BRMLCU85S30F704M;Brambilla;Luca;M;1985-11-30;F704",
}

func issue9File(rows ...string) []byte {
	return []byte(issue9Header + "\n" + strings.Join(rows, "\n") + "\n")
}

func snapshotReq(asOf string) csi.AnagrafeImport {
	return csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: asOf}
}

// TestSnapshotKeepsResidentsOfRejectedRows: a row refused for its number
// of fields still names its resident by the field at the CF column's
// position; that resident is present, not closed, and a later valid row
// with the same CF is not taken for a repeat of the rejected one.
func TestSnapshotKeepsResidentsOfRejectedRows(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People...))); err != nil {
			t.Fatal(err)
		}
		v2 := issue9File(
			issue9People[0]+";extra",                             // wrong field count, CF readable
			"CLMMRA55L41F704H;Colombo;Maria;F;1955-07-01;F704;x", // same
			issue9People[1],                                      // then Maria's valid row
			"BRMLCU85S30F704M;Brambilla;Luca;M;31/02/1985;F704",  // bad date, CF readable
		)
		sum, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-06-30"), bytesSource("v2.csv", v2))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Closed != 0 || sum.Rejected != 3 || sum.Unchanged != 1 {
			t.Errorf("closed %d, rejected %d, unchanged %d; want 0, 3, 1 (rejects %+v)", sum.Closed, sum.Rejected, sum.Unchanged, sum.Rejects)
		}
		n, err := fx.svc.CountResidents(ctx, "108033", "2024-06-30")
		if err != nil || n != 3 {
			t.Errorf("residents after the snapshot: %d (%v), want 3", n, err)
		}
	})
}

// TestMassExitGuardShowsTheRejects: when the residents a snapshot would
// close are behind rejected rows, the refusal says so and does not
// suggest --allow-mass-exit, which would close them all.
func TestMassExitGuardShowsTheRejects(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People...))); err != nil {
			t.Fatal(err)
		}
		v2 := issue9File(issue9People[0], "CLMMRA55L41F704;Colombo;Maria;F;1955-07-01;F704", "BRMLCU85S30F70;Brambilla;Luca;M;1985-11-30;F704")
		_, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-06-30"), bytesSource("v2.csv", v2))
		if csi.ErrorCode(err) != csi.ECONFLICT {
			t.Fatalf("got %v, want the mass-exit refusal", err)
		}
		msg := err.Error()
		hint := csi.ErrorHint(err)
		if !strings.Contains(msg, "2 rows were rejected") || !strings.Contains(msg, "line 3: codice_fiscale is malformed") {
			t.Errorf("message does not show the rejects: %q", msg)
		}
		if strings.Contains(hint, "--allow-mass-exit") || !strings.Contains(hint, "fix the rejected rows") {
			t.Errorf("hint %q: want a fix of the rejected rows, not --allow-mass-exit", hint)
		}
		if strings.Contains(msg, "CLMMRA55L41F704") {
			t.Errorf("message shows a codice fiscale: %q", msg)
		}
	})
}

// TestAllRowsRejectedWritesNothing: a file whose every row is refused is
// unusable: nothing is written (no version, no import record, no
// closure), and the summary still lists the rejects.
func TestAllRowsRejectedWritesNothing(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People[0]))); err != nil {
			t.Fatal(err)
		}
		before := storeCounts(t, fx)
		sum, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-06-30"), bytesSource("v2.csv", issue9File("XX;Brambilla;Giuseppe;M;1950-03-12;F704", "YY;Rossi;Anna;F;1990-02-28;F205")))
		if err != nil {
			t.Fatal(err)
		}
		if sum.Rows != 2 || sum.Rejected != 2 || sum.Closed != 0 || sum.ImportID != 0 || len(sum.Rejects) != 2 {
			t.Errorf("summary %+v: want 2 rows, 2 rejected, nothing closed, no import id", sum)
		}
		if after := storeCounts(t, fx); after != before {
			t.Errorf("store changed: %s, was %s", after, before)
		}
	})
}

// TestImportSummaryNamesTheImport: the summary reports its import_id; a
// re-import (no-op) reports the file's dialect and columns field by field,
// as the first import did; a dry run reports no id (none exists).
func TestImportSummaryNamesTheImport(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		file := issue9File(issue9People...)
		dry := snapshotReq("2024-03-31")
		dry.DryRun = true
		sum, err := fx.svc.ImportAnagrafe(ctx, dry, bytesSource("v1.csv", file))
		if err != nil || sum.ImportID != 0 {
			t.Fatalf("dry run: import_id %v (%v), want none", sum, err)
		}
		first, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", file))
		if err != nil {
			t.Fatal(err)
		}
		if first.ImportID != 1 {
			t.Errorf("import_id %d, want 1", first.ImportID)
		}
		again, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", file))
		if err != nil {
			t.Fatal(err)
		}
		if !again.Noop || again.ImportID != 1 || again.Encoding != "utf-8" || again.Delimiter != ";" || again.LineEnding != "LF" ||
			strings.Join(again.Columns, ",") != strings.Join(first.Columns, ",") || len(again.Columns) != 6 {
			t.Errorf("no-op summary %+v", again)
		}
	})
}

// TestAsOfInTheFutureIsRefused: a mistyped --as-of beyond tomorrow would
// lock the Comune (the next real extract is older); it needs Force.
func TestAsOfInTheFutureIsRefused(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		file := bytesSource("v1.csv", issue9File(issue9People...))
		_, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2030-01-01"), file)
		if csi.ErrorCode(err) != csi.EINVALID || !strings.Contains(err.Error(), "--as-of 2030-01-01 is in the future") ||
			!strings.Contains(csi.ErrorHint(err), "--force") {
			t.Fatalf("got %v, want a refusal of the future --as-of", err)
		}
		if c := storeCounts(t, fx); !strings.HasPrefix(c, "0 versions") {
			t.Errorf("store changed: %s", c)
		}
		if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-07-01"), file); err != nil {
			t.Errorf("tomorrow's extract refused: %v", err)
		}
		forced := snapshotReq("2030-01-01")
		forced.Force = true
		if _, err := fx.svc.ImportAnagrafe(ctx, forced, bytesSource("v2.csv", issue9File(issue9People[:2]...))); err == nil || strings.Contains(err.Error(), "future") {
			// v2 closes one of three residents: the mass-exit guard, not the date, refuses it.
			t.Errorf("forced future import: %v, want only the mass-exit guard", err)
		}
	})
}
