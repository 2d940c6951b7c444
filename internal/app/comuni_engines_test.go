package app_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
)

func actorCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "maria", Command: "test"})
}

// step is one call of the sequence; its result (or error) is compared as
// JSON across engines.
type step struct {
	name string
	call func(ctx context.Context, s *app.Services, e engine) (any, error)
}

func ptr(s string) *string { return &s }

// outcome renders a step's result: the value, or the error's code,
// message and hint.
func outcome(v any, err error) string {
	if err != nil {
		var hint string
		if ce, ok := err.(*csi.Error); ok {
			hint = ce.Hint
		}
		b, _ := json.Marshal(map[string]string{"code": csi.ErrorCode(err), "error": err.Error(), "hint": hint})
		return string(b)
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// secrets are the secrets of the tokens created by the sequence, by
// engine, to authenticate with later.
var secrets = map[string]map[string]string{}

func createToken(in csi.TokenInput) func(context.Context, *app.Services, engine) (any, error) {
	return func(ctx context.Context, s *app.Services, e engine) (any, error) {
		nt, err := s.CreateToken(ctx, in)
		if err != nil {
			return nil, err
		}
		if secrets[e.name] == nil {
			secrets[e.name] = map[string]string{}
		}
		secrets[e.name][nt.Name] = nt.Secret
		if !strings.HasPrefix(nt.Secret, csi.TokenPrefix) {
			return nil, csi.Errorf(csi.EINVALID, "secret without prefix")
		}
		nt.Secret = "(secret)"
		return nt, nil
	}
}

func authenticate(name string) func(context.Context, *app.Services, engine) (any, error) {
	return func(ctx context.Context, s *app.Services, e engine) (any, error) {
		return s.Authenticate(ctx, secrets[e.name][name])
	}
}

var sequence = []step{
	{"list Desio", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.ListComuni(ctx, csi.ComuneFilter{Ambito: "desio"})
	}},
	{"list bad status", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.ListComuni(ctx, csi.ComuneFilter{Status: "gone"})
	}},
	{"ambiguous name", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.FindComune(ctx, "brianza") }},
	{"unknown code", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.FindComune(ctx, "999999") }},
	{"onboard Lissone", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.OnboardComune(ctx, csi.OnboardInput{Comune: "lissone", Anagrafe: "automatic", Date: "2024-01-15", Contact: "ufficio@comune.lissone.mb.it"})
	}},
	{"onboard Desio", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.OnboardComune(ctx, csi.OnboardInput{Comune: "Desio", Anagrafe: "manual"})
	}},
	{"onboard twice", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.OnboardComune(ctx, csi.OnboardInput{Comune: "desio", Anagrafe: "manual"})
	}},
	{"update Desio", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.UpdateComune(ctx, csi.ComuneUpdate{Comune: "desio", Anagrafe: ptr("automatic"), Contact: ptr("x@desio.it")})
	}},
	{"suspend later", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.UpdateComune(ctx, csi.ComuneUpdate{Comune: "desio", Status: ptr("suspended"), Date: "2024-09-01"})
	}},
	{"nothing to change", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.UpdateComune(ctx, csi.ComuneUpdate{Comune: "desio", Contact: ptr("x@desio.it")})
	}},
	{"move Lissone", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.UpdateComune(ctx, csi.ComuneUpdate{Comune: "lissone", Ambito: ptr("carate")})
	}},
	{"offboard later", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.OffboardComune(ctx, "Lissone", "2025-06-30")
	}},
	{"offboard twice", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.OffboardComune(ctx, "Lissone", "2025-07-30")
	}},
	{"offboard not onboarded", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.OffboardComune(ctx, "Seregno", "2024-06-30")
	}},
	{"show Desio", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.FindComune(ctx, "desio") }},
	{"show Lissone", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.FindComune(ctx, "108028") }},
	{"list active", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.ListComuni(ctx, csi.ComuneFilter{Status: "active"})
	}},
	{"ambiti", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.ListAmbiti(ctx) }},
	{"ambito Carate", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.FindAmbito(ctx, "carate") }},
	{"ambito unknown", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.FindAmbito(ctx, "milano") }},
	{"assign", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.AssignReferente(ctx, csi.AssignInput{Ambito: "desio", Nome: "Anna Verdi", Email: "anna.verdi@example.it", Comune: "desio", From: "2024-01-01"})
	}},
	{"assign again", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.AssignReferente(ctx, csi.AssignInput{Ambito: "desio", Nome: "Bruno Neri", Email: "bruno.neri@example.it"})
	}},
	{"assign wrong Comune", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.AssignReferente(ctx, csi.AssignInput{Ambito: "desio", Nome: "Bruno Neri", Email: "bruno.neri@example.it", Comune: "lissone", Replace: true})
	}},
	{"replace", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.AssignReferente(ctx, csi.AssignInput{Ambito: "desio", Nome: "Bruno Neri", Email: "bruno.neri@example.it", From: "2024-05-01", Replace: true})
	}},
	{"assign Monza", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.AssignReferente(ctx, csi.AssignInput{Ambito: "monza", Nome: "Carla Bianchi", Email: "carla.bianchi@example.it", From: "2024-02-01"})
	}},
	{"end Monza", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.EndReferente(ctx, "monza", "2024-06-01")
	}},
	{"end Monza again", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.EndReferente(ctx, "monza", "2024-06-02")
	}},
	{"referents", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.ListReferenti(ctx, false) }},
	{"referent history", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.ListReferenti(ctx, true) }},
	{"ambiti after", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.ListAmbiti(ctx) }},
	{"token coordinator", createToken(csi.TokenInput{Name: "coord", Role: csi.RoleCoordinator})},
	{"token operator", createToken(csi.TokenInput{Name: "op-lissone", Role: csi.RoleOperator, Comune: "lissone", Expires: "2025-01-01"})},
	{"token referent", createToken(csi.TokenInput{Name: "ref-desio", Role: csi.RoleReferent, Ambito: "desio"})},
	{"token taken", createToken(csi.TokenInput{Name: "coord", Role: csi.RoleViewer})},
	{"token after the taken one", createToken(csi.TokenInput{Name: "viewer", Role: csi.RoleViewer})},
	{"revoke", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.RevokeToken(ctx, "ref-desio")
	}},
	{"revoke again", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.RevokeToken(ctx, "ref-desio")
	}},
	{"revoke unknown", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.RevokeToken(ctx, "nobody") }},
	{"tokens", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.ListTokens(ctx) }},
	{"authenticate operator", authenticate("op-lissone")},
	{"authenticate revoked", authenticate("ref-desio")},
	{"authenticate unknown", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.Authenticate(ctx, csi.TokenPrefix+strings.Repeat("a", 52))
	}},
	{"record access", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return nil, s.RecordAccess(csi.WithPrincipal(ctx, &csi.Principal{Token: "coord", Role: csi.RoleCoordinator, Remote: "127.0.0.1", RequestID: "r1"}), "comune 108028", "residents read")
	}},
	{"audit", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.ListAudit(ctx, "") }},
	{"audit since", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.ListAudit(ctx, "2024-07-01")
	}},
	{"audit bad since", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		return s.ListAudit(ctx, "yesterday")
	}},
	{"verify", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.VerifyAudit(ctx) }},
	{"anchor", func(ctx context.Context, s *app.Services, _ engine) (any, error) { return s.AuditHead(ctx) }},
	{"edit entry 3", func(ctx context.Context, s *app.Services, e engine) (any, error) {
		return tamper(ctx, s, e, true, "UPDATE audit SET summary = 'nothing happened' WHERE id = 3")
	}},
	{"anchor after edit", func(ctx context.Context, s *app.Services, _ engine) (any, error) {
		a, err := s.AuditHead(ctx)
		if err != nil {
			return nil, err
		}
		return s.VerifyAnchor(ctx, *a)
	}},
	{"cut the tail", func(ctx context.Context, s *app.Services, e engine) (any, error) {
		return tamper(ctx, s, e, false, "DELETE FROM audit WHERE id >= (SELECT max(id) FROM audit)")
	}},
}

// tamper edits the log as someone with the store's files would: past the
// append-only guard, which (when guarded) refuses first.
func tamper(ctx context.Context, s *app.Services, e engine, guarded bool, q string) (any, error) {
	if !guarded {
		if err := e.exec(q); err != nil {
			return nil, err
		}
		return s.VerifyAudit(ctx)
	}
	if err := e.exec(q); err == nil || !strings.Contains(err.Error(), "append-only") {
		return nil, csi.Errorf(csi.EINVALID, "the guard did not refuse: %v", err)
	}
	for _, g := range append(e.guards, q) {
		if err := e.exec(g); err != nil {
			return nil, err
		}
	}
	return s.VerifyAudit(ctx)
}

// TestEnginesAgree runs one sequence of Comuni, Ambiti, referents, tokens
// and audit calls through the services on SQLite and on PostgreSQL and
// compares every result as JSON.
func TestEnginesAgree(t *testing.T) {
	lite := run(t, sqliteEngine(t))
	checkSequence(t, lite)
	if !pgtest.Announce() {
		t.Skipf("PostgreSQL half not run: %s is not set", pgtest.Env)
	}
	pg := run(t, postgresEngine(t))
	for i, st := range sequence {
		if lite[i] != pg[i] {
			t.Errorf("%s:\n sqlite:   %s\n postgres: %s", st.name, lite[i], pg[i])
		}
	}
}

func run(t *testing.T, e engine) []string {
	t.Helper()
	s, ctx := e.svc, actorCtx()
	out := make([]string, len(sequence))
	for i, st := range sequence {
		out[i] = outcome(st.call(ctx, s, e))
	}
	return out
}

// checkSequence pins what the sequence must show on SQLite, so that two
// engines agreeing on a wrong answer still fail.
func checkSequence(t *testing.T, got []string) {
	t.Helper()
	want := map[string]string{
		"ambiguous name":            `"code":"invalid","error":"\"brianza\" matches `,
		"onboard twice":             `"code":"conflict"`,
		"suspend later":             `"status":"active"`,
		"show Desio":                `"scheduled":"suspended from 2024-09-01"`,
		"offboard later":            `"scheduled":"left from 2025-06-30"`,
		"offboard twice":            `already leaving the shared CSI on 2025-06-30`,
		"assign again":              `already has a current referent`,
		"replace":                   `"from":"2024-05-01"`,
		"referent history":          `"to":"2024-04-30"`,
		"end Monza again":           `has no current referent`,
		"token taken":               `a token named coord already exists`,
		"token after the taken one": `"id":4,`,
		"authenticate operator":     `"role":"operator","ambito":"Carate Brianza","comune":"108028"`,
		"authenticate revoked":      `was revoked on 2024-06-30`,
		"verify":                    `{"ok":true,"entries":`,
		"edit entry 3":              `"problem":"entry 3 was modified"`,
		"anchor after edit":         `"ok":false`,
		"cut the tail":              `"ok":false`,
		"audit since":               `[]`,
	}
	for i, st := range sequence {
		if w, ok := want[st.name]; ok && !strings.Contains(got[i], w) {
			t.Errorf("%s: got %s, want it to contain %s", st.name, got[i], w)
		}
	}
}
