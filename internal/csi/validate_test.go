package csi_test

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// check fails unless err is nil when want is "", or a csi.EINVALID with
// message want and a hint.
func check(t *testing.T, name string, err error, want string) {
	t.Helper()
	if want == "" {
		if err != nil {
			t.Errorf("%s: unexpected error %v", name, err)
		}
		return
	}
	if err == nil {
		t.Errorf("%s: accepted, want %q", name, want)
		return
	}
	if csi.ErrorCode(err) != csi.EINVALID || csi.ErrorMessage(err) != want || csi.ErrorHint(err) == "" {
		t.Errorf("%s: %s %q (hint %q), want EINVALID %q with a hint", name, csi.ErrorCode(err), csi.ErrorMessage(err), csi.ErrorHint(err), want)
	}
}

func TestOnboardInputValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		in   csi.OnboardInput
		want string
	}{
		{"automatic", csi.OnboardInput{Comune: "Desio", Anagrafe: csi.AnagrafeAutomatic}, ""},
		{"manual on a date", csi.OnboardInput{Comune: "Desio", Anagrafe: csi.AnagrafeManual, Date: "2024-02-29"}, ""},
		{"no mode", csi.OnboardInput{Comune: "Desio"}, `--anagrafe must be automatic or manual, not ""`},
		{"mode in capitals", csi.OnboardInput{Anagrafe: "Manual"}, `--anagrafe must be automatic or manual, not "Manual"`},
		{"no such day", csi.OnboardInput{Anagrafe: csi.AnagrafeManual, Date: "2023-02-29"}, `--date: "2023-02-29" is not a date`},
		{"Italian order", csi.OnboardInput{Anagrafe: csi.AnagrafeManual, Date: "01/02/2024"}, `--date: "01/02/2024" is not a date`},
	} {
		check(t, c.name, c.in.Validate(), c.want)
	}
}

func TestAssignInputValidate(t *testing.T) {
	t.Parallel()
	ok := csi.AssignInput{Ambito: "Desio", Nome: "Maria Rossi", Email: "maria.rossi@comune.desio.mb.it"}
	with := func(f func(*csi.AssignInput)) csi.AssignInput { in := ok; f(&in); return in }
	for _, c := range []struct {
		name string
		in   csi.AssignInput
		want string
	}{
		{"complete", ok, ""},
		{"from a date", with(func(in *csi.AssignInput) { in.From = "2024-01-31" }), ""},
		{"blank name", with(func(in *csi.AssignInput) { in.Nome = "  \t" }), "--name is empty"},
		{"bad email", with(func(in *csi.AssignInput) { in.Email = "maria" }), `--email "maria" is not a valid email address`},
		{"bad from", with(func(in *csi.AssignInput) { in.From = "2024-13-01" }), `--from: "2024-13-01" is not a date`},
	} {
		check(t, c.name, c.in.Validate(), c.want)
	}
}

func TestValidateEmail(t *testing.T) {
	t.Parallel()
	for s, valid := range map[string]bool{
		"nome.cognome@comune.monza.it":  true,
		"a+b@x.it":                      true,
		"":                              false,
		"nome@localhost":                false, // no dot in the domain
		"Maria <maria@comune.desio.it>": false, // a display name, not a plain address
		" maria@comune.desio.it":        false,
		"maria@@comune.desio.it":        false,
		"maria@comune.desio.it,b@x.it":  false,
	} {
		want := ""
		if !valid {
			want = `--email "` + s + `" is not a valid email address`
		}
		check(t, s, csi.ValidateEmail(s), want)
	}
}

func TestTokenInputValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		in   csi.TokenInput
		want string
	}{
		{"coordinator", csi.TokenInput{Name: "coord", Role: csi.RoleCoordinator}, ""},
		{"referent", csi.TokenInput{Name: "desio-referente", Role: csi.RoleReferent, Ambito: "Desio"}, ""},
		{"operator", csi.TokenInput{Name: "lissone.op_1", Role: csi.RoleOperator, Comune: "Lissone", Expires: "2025-01-01"}, ""},
		{"viewer", csi.TokenInput{Name: "v", Role: csi.RoleViewer}, ""},
		{"empty name", csi.TokenInput{Role: csi.RoleViewer}, `--name "" is not a valid token name`},
		{"capitals", csi.TokenInput{Name: "Desio", Role: csi.RoleViewer}, `--name "Desio" is not a valid token name`},
		{"leading dash", csi.TokenInput{Name: "-x", Role: csi.RoleViewer}, `--name "-x" is not a valid token name`},
		{"64 characters", csi.TokenInput{Name: strings.Repeat("a", 64), Role: csi.RoleViewer}, ""},
		{"65 characters", csi.TokenInput{Name: strings.Repeat("a", 65), Role: csi.RoleViewer},
			`--name "` + strings.Repeat("a", 65) + `" is not a valid token name`},
		{"unknown role", csi.TokenInput{Name: "x", Role: "admin"}, `--role must be coordinator, referent, operator or viewer, not "admin"`},
		{"referent without Ambito", csi.TokenInput{Name: "x", Role: csi.RoleReferent}, "a referent token needs --ambito"},
		{"operator without Comune", csi.TokenInput{Name: "x", Role: csi.RoleOperator}, "an operator token needs --comune"},
		{"viewer with Ambito", csi.TokenInput{Name: "x", Role: csi.RoleViewer, Ambito: "Desio"}, "--ambito applies to referent tokens only, not viewer"},
		{"referent with Comune", csi.TokenInput{Name: "x", Role: csi.RoleReferent, Ambito: "Desio", Comune: "Desio"},
			"--comune applies to operator tokens only, not referent"},
		{"bad expiry", csi.TokenInput{Name: "x", Role: csi.RoleViewer, Expires: "tomorrow"}, `--expires: "tomorrow" is not a date`},
	} {
		check(t, c.name, c.in.Validate(), c.want)
	}
}

func TestValidateRoleStatusMode(t *testing.T) {
	t.Parallel()
	for _, r := range []string{csi.RoleCoordinator, csi.RoleReferent, csi.RoleOperator, csi.RoleViewer} {
		check(t, r, csi.ValidateRole(r), "")
	}
	check(t, "Viewer", csi.ValidateRole("Viewer"), `--role must be coordinator, referent, operator or viewer, not "Viewer"`)
	for _, s := range []string{csi.StatusNotOnboarded, csi.StatusActive, csi.StatusSuspended, csi.StatusLeft} {
		check(t, s, csi.ValidateStatus(s), "")
	}
	check(t, "gone", csi.ValidateStatus("gone"), `unknown status "gone"`)
	check(t, "automatic", csi.ValidateAnagrafe(csi.AnagrafeAutomatic), "")
	check(t, "auto", csi.ValidateAnagrafe("auto"), `--anagrafe must be automatic or manual, not "auto"`)
}

func TestAnagrafeImportValidate(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		in   csi.AnagrafeImport
		want string
	}{
		{"snapshot", csi.AnagrafeImport{Comune: "Desio", Mode: csi.ModeSnapshot}, ""},
		{"delta as of a day", csi.AnagrafeImport{Comune: "Desio", Mode: csi.ModeDelta, AsOf: "2024-03-01"}, ""},
		{"no mode", csi.AnagrafeImport{Comune: "Desio"}, `--mode must be snapshot or delta, not ""`},
		{"full", csi.AnagrafeImport{Mode: "full"}, `--mode must be snapshot or delta, not "full"`},
		{"bad as-of", csi.AnagrafeImport{Mode: csi.ModeSnapshot, AsOf: "2024-3-1"}, `--as-of: "2024-3-1" is not a date`},
	} {
		check(t, c.name, c.in.Validate(), c.want)
	}
}
