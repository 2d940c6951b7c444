package sqlite

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestRevertUndoesTheLatestImport: reverting a snapshot removes the
// versions it created and reopens those it closed (changed and absent
// people alike), drops it from the import log, audits it, and lets a
// corrected extract of an earlier date in.
func TestRevertUndoesTheLatestImport(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	if _, err := services(db).ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People...))); err != nil {
		t.Fatal(err)
	}
	before := storeCounts(t, db)
	history := func() string {
		var s string
		if err := db.SQL().QueryRow(`SELECT group_concat(codice_fiscale || ' ' || valid_from || '-' || valid_to || ' ' || end_reason, '; ')
			FROM (SELECT * FROM persone ORDER BY id)`).Scan(&s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	want := history()
	// Giuseppe moves, Maria is gone, Anna is new; the date is mistyped.
	v2 := issue9File("BRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;Z129", issue9People[2], "RSSNNA90B68F205K;Rossi;Anna;F;1990-02-28;F205")
	req := snapshotReq("2024-07-01")
	req.AllowMassExit = true
	sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("v2.csv", v2))
	if err != nil || sum.Updated != 1 || sum.Closed != 1 || sum.Inserted != 1 {
		t.Fatalf("update: %+v %v", sum, err)
	}
	dry, err := services(db).RevertImport(ctx, csi.RevertRequest{ImportID: sum.ImportID, DryRun: true})
	if err != nil {
		t.Fatal(err)
	}
	wantSum := csi.RevertSummary{ImportID: 2, Comune: "108033", File: "v2.csv", Mode: "snapshot", AsOf: "2024-07-01", Removed: 2, Reopened: 2, DryRun: true}
	if *dry != wantSum {
		t.Errorf("dry run %+v, want %+v", *dry, wantSum)
	}
	if got := history(); got == want {
		t.Fatalf("the dry run reverted the import")
	}
	rev, err := services(db).RevertImport(ctx, csi.RevertRequest{ImportID: sum.ImportID})
	wantSum.DryRun = false
	if err != nil || *rev != wantSum {
		t.Fatalf("revert %+v %v, want %+v", rev, err, wantSum)
	}
	if got := history(); got != want {
		t.Errorf("history after revert:\n%s\nwant\n%s", got, want)
	}
	var audit string
	if err := db.SQL().QueryRow("SELECT summary FROM audit ORDER BY id DESC LIMIT 1").Scan(&audit); err != nil {
		t.Fatal(err)
	}
	if audit != "anagrafe revert of import 2 (snapshot as of 2024-07-01): 2 versions removed, 2 reopened" {
		t.Errorf("audit %q", audit)
	}
	var kinds string
	if err := db.SQL().QueryRow("SELECT group_concat(id || ' ' || kind, ', ') FROM imports").Scan(&kinds); err != nil {
		t.Fatal(err)
	}
	if kinds != "1 anagrafe, 2 anagrafe-reverted" {
		t.Errorf("import log after revert: %s (before the update: %s)", kinds, before)
	}
	if _, err := services(db).RevertImport(ctx, csi.RevertRequest{ImportID: 2}); csi.ErrorCode(err) != csi.ECONFLICT || err.Error() != "import 2 was already reverted" {
		t.Errorf("second revert: %v", err)
	}
	again, err := services(db).ImportAnagrafe(ctx, req, bytesSource("v2.csv", v2))
	if err != nil || again.Noop || again.ImportID != 3 {
		t.Errorf("the reverted file imported again: %+v %v, want a new import 3", again, err)
	}
}

// TestRevertRefusesAllButTheLatest: only a Comune's latest import can be
// undone (later ones built on it); an unknown id is not found.
func TestRevertRefusesAllButTheLatest(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	for i, f := range [][]byte{issue9File(issue9People...), issue9File(append(issue9People, "RSSNNA90B68F205K;Rossi;Anna;F;1990-02-28;F205")...)} {
		if _, err := services(db).ImportAnagrafe(ctx, snapshotReq([]string{"2024-03-31", "2024-06-30"}[i]), bytesSource("v.csv", f)); err != nil {
			t.Fatal(err)
		}
	}
	before := storeCounts(t, db)
	_, err := services(db).RevertImport(ctx, csi.RevertRequest{ImportID: 1})
	if csi.ErrorCode(err) != csi.ECONFLICT || err.Error() != "import 1 is not the latest import of Monza (108033): import 2 is" ||
		csi.ErrorHint(err) != "revert the later imports first, newest first: csi anagrafe revert 2" {
		t.Errorf("got %v (%s)", err, csi.ErrorHint(err))
	}
	_, err = services(db).RevertImport(ctx, csi.RevertRequest{ImportID: 9})
	if csi.ErrorCode(err) != csi.ENOTFOUND || !strings.Contains(csi.ErrorHint(err), "csi anagrafe imports") {
		t.Errorf("unknown import: %v", err)
	}
	if after := storeCounts(t, db); after != before {
		t.Errorf("store changed by refused reverts: %s, was %s", after, before)
	}
}

// TestRevertRefusesAnImportThatDidNotRecordItsClosures: an import made
// before persone.closed_by existed cannot be undone exactly.
func TestRevertRefusesAnImportThatDidNotRecordItsClosures(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	if _, err := services(db).ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People...))); err != nil {
		t.Fatal(err)
	}
	req := snapshotReq("2024-06-30")
	req.AllowMassExit = true
	if _, err := services(db).ImportAnagrafe(ctx, req, bytesSource("v2.csv", issue9File(issue9People[:2]...))); err != nil {
		t.Fatal(err)
	}
	if _, err := db.SQL().Exec("UPDATE persone SET closed_by = 0"); err != nil {
		t.Fatal(err)
	}
	before := storeCounts(t, db)
	_, err := services(db).RevertImport(ctx, csi.RevertRequest{ImportID: 2})
	if csi.ErrorCode(err) != csi.ECONFLICT || !strings.Contains(err.Error(), "cannot be reverted exactly") {
		t.Errorf("got %v, want a refusal", err)
	}
	if after := storeCounts(t, db); after != before {
		t.Errorf("store changed: %s, was %s", after, before)
	}
}
