package postgres_test

import (
	"reflect"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestComuneOnByIstatMatchesFullState checks the short path of ComuneOn
// for an ISTAT code (one Comune's row and timeline) against resolving the
// code over every Comune: the same Comune and status on each day of its
// history (onboarded, suspended, resumed later, scheduled to leave), the
// same answer for a Comune never onboarded, and the same error for an
// unknown code.
func TestComuneOnByIstatMatchesFullState(t *testing.T) {
	svc, db, ctx := newServices(t)
	if _, err := svc.OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	suspended, active := csi.StatusSuspended, csi.StatusActive
	for _, u := range []csi.ComuneUpdate{{Comune: "108033", Status: &suspended, Date: "2022-03-01"},
		{Comune: "108033", Status: &active, Date: "2023-09-01"}} {
		if _, err := svc.UpdateComune(ctx, u); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.OffboardComune(ctx, "108033", "2025-01-01"); err != nil {
		t.Fatal(err)
	}
	st, err := db.LoadComuni(ctx)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ref := range []string{"108033", " 108033 ", "108023"} {
		for _, day := range []string{"2019-12-31", "2020-01-01", "2022-03-01", "2023-01-01", "2023-09-01", "2024-06-30", "2025-01-01"} {
			got, err := db.ComuneOn(ctx, ref, day)
			want, werr := st.Resolve(ref, day)
			if err != nil || werr != nil {
				t.Fatalf("%q on %s: %v / %v", ref, day, err, werr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%q on %s:\n got %+v\nwant %+v", ref, day, got, want)
			}
			seen[got.Status] = true
		}
	}
	for _, s := range []string{csi.StatusActive, csi.StatusSuspended, csi.StatusLeft} {
		if !seen[s] {
			t.Errorf("no day with status %s: the test does not cover it", s)
		}
	}
	_, err = db.ComuneOn(ctx, "999999", "2024-06-30")
	_, werr := st.Resolve("999999", "2024-06-30")
	if err == nil || werr == nil || csi.ErrorMessage(err) != csi.ErrorMessage(werr) || csi.ErrorCode(err) != csi.ENOTFOUND {
		t.Errorf("unknown code: %v, want %v", err, werr)
	}
}
