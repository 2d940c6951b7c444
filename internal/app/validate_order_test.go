package app_test

import (
	"context"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// TestValidationStreamsInKeyOrder: on both engines the validation
// reader streams every kind of record in the order the port names, keys
// compared byte by byte, in every scope, after updates that move rows in
// storage (a snapshot update closes versions; PostgreSQL rewrites an
// updated row elsewhere in the table, and SQLite reads a Comune's subset
// through an index in another order). Findings come in this order, so a
// run's report is the same on SQLite and PostgreSQL line for line.
func TestValidationStreamsInKeyOrder(t *testing.T) {
	for name, open := range map[string]func(*testing.T) engine{"sqlite": sqliteEngine, "postgres": postgresEngine} {
		t.Run(name, func(t *testing.T) {
			eng := open(t)
			svc := recordsServices(t, eng)
			for _, st := range scenario[:12] { // the imports
				if out := st.run(t, svc); strings.HasPrefix(out, "error:") && !strings.Contains(st.name, "visite") {
					t.Fatalf("%s: %s", st.name, out)
				}
			}
			// Rows inserted against key order: the streams must sort them.
			for _, q := range []string{
				`INSERT INTO accessi SELECT 'Z' || id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore, row_hash, import_id FROM accessi`,
				`INSERT INTO accessi SELECT '0' || id_accesso, '2000-01-01', comune, sportello, codice_fiscale, area, esito, operatore, row_hash, import_id FROM accessi WHERE id_accesso NOT LIKE 'Z%'`,
				`UPDATE persone SET line = line + 1 WHERE comune = '108002'`,
			} {
				if err := eng.exec(q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			ctx := context.Background()
			for _, scope := range [][]string{nil, {"108033", "108002"}, {"108002"}, {"108023", "108033", "999999"}} {
				rd, err := eng.st.OpenValidation(ctx)
				if err != nil {
					t.Fatal(err)
				}
				check := func(what string, keys []string) {
					t.Helper()
					if len(keys) < 2 && scope == nil {
						t.Errorf("%s: %d rows in the whole store; the test proves nothing", what, len(keys))
					}
					for i := 1; i < len(keys); i++ {
						if keys[i-1] >= keys[i] {
							t.Errorf("scope %v: %s %d (%q) comes after %q", scope, what, i, keys[i], keys[i-1])
						}
					}
				}
				var persons, accessi, cartelle, interventi []string
				key := func(parts ...string) string { return strings.Join(parts, "\x00") }
				errs := []error{
					rd.EachCurrentPerson(ctx, scope, func(p csi.PersonVersion) error {
						persons = append(persons, key(p.Comune, p.CodiceFiscale))
						return nil
					}),
					rd.EachAccesso(ctx, scope, func(a csi.Accesso) error {
						accessi = append(accessi, key(a.Comune, a.ID))
						return nil
					}),
					rd.EachCartella(ctx, scope, func(c csi.Cartella) error {
						cartelle = append(cartelle, key(c.Comune, c.CodiceFiscale, c.ID))
						return nil
					}),
					rd.EachIntervento(ctx, scope, func(x csi.Intervento) error {
						interventi = append(interventi, key(x.Comune, x.ID))
						return nil
					}),
				}
				rd.Close()
				for _, err := range errs {
					if err != nil {
						t.Fatal(err)
					}
				}
				check("person", persons)
				check("accesso", accessi)
				check("cartella", cartelle)
				check("intervento", interventi)
			}
		})
	}
}
