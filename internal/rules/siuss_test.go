package rules_test

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/rules"
)

// TestPersonaCFSiussPattern: omocodia letters in the place code pass, in the
// day or year of birth they break the SIUSS pattern; a valid omocodic code
// is never told to be copied again (persona-cf-check).
func TestPersonaCFSiussPattern(t *testing.T) {
	rs, err := rules.Builtin()
	if err != nil {
		t.Fatal(err)
	}
	c := rules.NewChecker(rs, newEnv())
	p := csi.PersonVersion{Cognome: "Soli", Nome: "Nina", Sesso: "F", DataNascita: "1975-08-08", LuogoNascita: "F704", Comune: "108033"}
	for cf, wantFinding := range map[string]bool{
		"SLONNI75M48F704N": false, // regular
		"SLONNI75M48FTLQS": false, // omocodia in the place code only
		"SLONNI75M4UFTLQP": true,  // a letter in the day of birth
		"SLONNI75MQUFTLQB": true,
	} {
		p.CodiceFiscale = cf
		var got []rules.Finding
		c.Persona(p, func(f rules.Finding) {
			if f.Rule == "persona-cf-check" || f.Rule == "persona-cf-siuss" {
				got = append(got, f)
			}
		})
		if (len(got) == 1) != wantFinding || len(got) > 1 {
			t.Errorf("%s: findings %+v, want one: %v", cf, got, wantFinding)
		}
		if len(got) == 1 && (got[0].Rule != "persona-cf-siuss" || got[0].Severity != csi.SeverityWarning ||
			!strings.HasPrefix(got[0].Message, "valid omocodic codice fiscale")) {
			t.Errorf("%s: %+v, want a persona-cf-siuss warning saying the code is valid and omocodic", cf, got[0])
		}
	}
}
