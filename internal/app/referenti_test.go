package app_test

import (
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func TestReferenteOneCurrent(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		e := newEngine(t)
		s := e.svc
		ctx := actorCtx()
		in := csi.AssignInput{Ambito: "Desio", Nome: "A", Email: "a@example.it", From: "2024-01-01"}
		if _, err := s.AssignReferente(ctx, in); err != nil {
			t.Fatal(err)
		}
		in.Nome = "B"
		if _, err := s.AssignReferente(ctx, in); csi.ErrorCode(err) != csi.ECONFLICT {
			t.Fatalf("second referent without replace: %v", err)
		}
		in.From, in.Replace = "2024-03-01", true
		if _, err := s.AssignReferente(ctx, in); err != nil {
			t.Fatal(err)
		}
		all, err := s.ListReferenti(ctx, true)
		if err != nil || len(all) != 2 || all[0].To != "2024-02-29" || all[1].To != "" {
			t.Fatalf("history = %+v, %v", all, err)
		}
	})
}
