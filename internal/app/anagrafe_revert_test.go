package app_test

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
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People...))); err != nil {
			t.Fatal(err)
		}
		before := storeCounts(t, fx)
		history := func() string {
			return fx.scalar(t, `SELECT string_agg(codice_fiscale || ' ' || valid_from || '-' || valid_to || ' ' || end_reason, '; ' ORDER BY id)
			FROM persone`)
		}
		want := history()
		// Giuseppe moves, Maria is gone, Anna is new; the date is mistyped.
		v2 := issue9File("BRMGPP50C12F704K;Brambilla;Giuseppe;M;1950-03-12;Z129", issue9People[2], "RSSNNA90B68F205K;Rossi;Anna;F;1990-02-28;F205")
		req := snapshotReq("2024-07-01")
		req.AllowMassExit = true
		sum, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("v2.csv", v2))
		if err != nil || sum.Updated != 1 || sum.Closed != 1 || sum.Inserted != 1 {
			t.Fatalf("update: %+v %v", sum, err)
		}
		dry, err := fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: sum.ImportID, DryRun: true})
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
		rev, err := fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: sum.ImportID})
		wantSum.DryRun = false
		if err != nil || *rev != wantSum {
			t.Fatalf("revert %+v %v, want %+v", rev, err, wantSum)
		}
		if got := history(); got != want {
			t.Errorf("history after revert:\n%s\nwant\n%s", got, want)
		}
		audit := fx.scalar(t, "SELECT summary FROM audit ORDER BY id DESC LIMIT 1")
		if audit != "anagrafe revert of import 2 (snapshot as of 2024-07-01): 2 versions removed, 2 reopened" {
			t.Errorf("audit %q", audit)
		}
		kinds := fx.scalar(t, "SELECT string_agg(id || ' ' || kind, ', ' ORDER BY id) FROM imports")
		if kinds != "1 anagrafe, 2 anagrafe-reverted" {
			t.Errorf("import log after revert: %s (before the update: %s)", kinds, before)
		}
		if _, err := fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: 2}); csi.ErrorCode(err) != csi.ECONFLICT || err.Error() != "import 2 was already reverted" {
			t.Errorf("second revert: %v", err)
		}
		again, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("v2.csv", v2))
		if err != nil || again.Noop || again.ImportID != 3 {
			t.Errorf("the reverted file imported again: %+v %v, want a new import 3", again, err)
		}
	})
}

// TestRevertRefusesAllButTheLatest: only a Comune's latest import can be
// undone (later ones built on it); an unknown id is not found.
func TestRevertRefusesAllButTheLatest(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		for i, f := range [][]byte{issue9File(issue9People...), issue9File(append(issue9People, "RSSNNA90B68F205K;Rossi;Anna;F;1990-02-28;F205")...)} {
			if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq([]string{"2024-03-31", "2024-06-30"}[i]), bytesSource("v.csv", f)); err != nil {
				t.Fatal(err)
			}
		}
		before := storeCounts(t, fx)
		_, err := fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: 1})
		if csi.ErrorCode(err) != csi.ECONFLICT || err.Error() != "import 1 is not the latest import of Monza (108033): import 2 is" ||
			csi.ErrorHint(err) != "revert the later imports first, newest first: csi anagrafe revert 2" {
			t.Errorf("got %v (%s)", err, csi.ErrorHint(err))
		}
		_, err = fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: 9})
		if csi.ErrorCode(err) != csi.ENOTFOUND || !strings.Contains(csi.ErrorHint(err), "csi anagrafe imports") {
			t.Errorf("unknown import: %v", err)
		}
		if after := storeCounts(t, fx); after != before {
			t.Errorf("store changed by refused reverts: %s, was %s", after, before)
		}
	})
}

// TestRevertRefusesAnImportThatDidNotRecordItsClosures: an import made
// before persone.closed_by existed cannot be undone exactly.
func TestRevertRefusesAnImportThatDidNotRecordItsClosures(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		if _, err := fx.svc.ImportAnagrafe(ctx, snapshotReq("2024-03-31"), bytesSource("v1.csv", issue9File(issue9People...))); err != nil {
			t.Fatal(err)
		}
		req := snapshotReq("2024-06-30")
		req.AllowMassExit = true
		if _, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("v2.csv", issue9File(issue9People[:2]...))); err != nil {
			t.Fatal(err)
		}
		fx.mustExec(t, "UPDATE persone SET closed_by = 0")
		before := storeCounts(t, fx)
		_, err := fx.svc.RevertImport(ctx, csi.RevertRequest{ImportID: 2})
		if csi.ErrorCode(err) != csi.ECONFLICT || !strings.Contains(err.Error(), "cannot be reverted exactly") {
			t.Errorf("got %v, want a refusal", err)
		}
		if after := storeCounts(t, fx); after != before {
			t.Errorf("store changed: %s, was %s", after, before)
		}
	})
}
