package app_test

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestAuditRecordsTheAPICaller checks that an entry made for an API request
// names the token, its role, the remote address and the request id, and
// that the hash chain covers them.
func TestAuditRecordsTheAPICaller(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s := e.svc
		ctx := csi.WithPrincipal(actorCtx(), &csi.Principal{Token: "desio-ref", Role: csi.RoleReferent, Ambito: "Desio",
			Remote: "127.0.0.1:50000", RequestID: "req-1"})
		if _, err := s.OnboardComune(actorCtx(), csi.OnboardInput{Comune: "Desio", Anagrafe: "manual"}); err != nil {
			t.Fatal(err)
		}
		if err := s.RecordAccess(ctx, "comune 108023", "read residents"); err != nil {
			t.Fatal(err)
		}
		es, _ := s.ListAudit(ctx, "")
		en := es[1]
		if en.Actor != "token:desio-ref (referent)" || en.Remote != "127.0.0.1:50000" || en.RequestID != "req-1" || es[0].Remote != "" {
			t.Fatalf("entries = %+v", es)
		}
		if v, err := s.VerifyAudit(ctx); err != nil || !v.OK || v.Entries != 2 {
			t.Fatalf("verify = %+v, %v", v, err)
		}
		for _, q := range append(e.guards, "UPDATE audit SET remote = '10.0.0.1:1' WHERE id = 2") {
			if err := e.exec(q); err != nil {
				t.Fatal(err)
			}
		}
		if v, _ := s.VerifyAudit(ctx); v.OK || v.Problem != "entry 2 was modified" {
			t.Errorf("after editing the remote address: %+v", v)
		}
	})
}

func TestAuditVerifyDetectsTampering(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		for _, tc := range []struct{ name, sql, want string }{
			{"edited", "UPDATE audit SET summary = 'nothing happened' WHERE id = 2", "entry 2 was modified"},
			{"deleted", "DELETE FROM audit WHERE id = 2", "entries 2 to 2 are missing"},
			{"last deleted", "DELETE FROM audit WHERE id = 3", "the log ends at entry 2"},
			{"actor changed", "UPDATE audit SET actor = 'someone' WHERE id = 1", "entry 1 was modified"},
		} {
			t.Run(tc.name, func(t *testing.T) {
				e := newEngine(t)
				s := e.svc
				ctx := actorCtx()
				for _, c := range []string{"108001", "108002", "108003"} {
					if _, err := s.OnboardComune(ctx, csi.OnboardInput{Comune: c, Anagrafe: "manual"}); err != nil {
						t.Fatal(err)
					}
				}
				if v, err := s.VerifyAudit(ctx); err != nil || !v.OK || v.Entries != 3 {
					t.Fatalf("before tampering: %+v %v", v, err)
				}
				if err := e.exec(tc.sql); err == nil || !strings.Contains(err.Error(), "append-only") {
					t.Fatalf("the trigger did not refuse: %v", err)
				}
				// A hand edit of the file: drop the guards first, as an attacker would.
				for _, q := range append(e.guards, tc.sql) {
					if err := e.exec(q); err != nil {
						t.Fatal(err)
					}
				}
				v, err := s.VerifyAudit(ctx)
				if err != nil || v.OK || !strings.Contains(v.Problem, tc.want) {
					t.Fatalf("after tampering: %+v %v; want problem %q", v, err, tc.want)
				}
			})
		}
	})
}
