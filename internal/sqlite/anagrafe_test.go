package sqlite

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"golang.org/x/text/encoding/charmap"
)

func bytesSource(name string, data []byte) csi.Source {
	return csi.Source{Name: name, Size: int64(len(data)), Open: func() (io.ReadCloser, error) {
		return io.NopCloser(bytes.NewReader(data)), nil
	}}
}

func onboarded(t *testing.T, comune string) (*DB, context.Context) {
	t.Helper()
	db := newStore(t)
	ctx := actorCtx()
	if _, err := db.OnboardComune(ctx, csi.OnboardInput{Comune: comune, Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	return db, ctx
}

func win1252(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestImportDialects imports the same three people written in each dialect
// a Comune's software produces and checks counts and stored values exactly.
func TestImportDialects(t *testing.T) {
	const people = "BRMGPP50C12F704K|Brambilla|Giuseppe|M|1950-03-12|F704|Via Niccolò Tommaseo|\n" +
		"NCLZOE10A45D286L|Nicolò|Zoë|F|2010-01-05|D286|Piazza Città; lato €|\n" +
		"DNGNDR72E20Z129V|D'Angelo|Andrea|M|1972-05-20|Z129|Via \"Italia\"\n2° piano|\n"
	tests := []struct {
		name, enc, delim string
		file             []byte
		mapping          map[string]string
	}{
		{"utf8 bom comma", "utf-8", ",", append([]byte("\ufeff"), csvOf(people, ",", "\n", "codice_fiscale,cognome,nome,sesso,data_nascita,luogo_nascita,indirizzo", iso)...), nil},
		{"windows-1252 semicolon crlf", "windows-1252", ";", win1252(t, string(csvOf(people, ";", "\r\n", "CF;COGNOME;NOME;SESSO;DATA DI NASCITA;COMUNE NASCITA;INDIRIZZO", iso))), nil},
		{"dd/mm/yyyy tab renamed", "utf-8", "tab", csvOf(people, "\t", "\n", "Cod. Fiscale\tCognome\tNome\tGenere\tDt Nascita\tCod Comune Nascita\tVia", italian), nil},
		{"mapped headers pipe", "utf-8", "|", csvOf(people, "|", "\n", "ID_ASSISTITO|SURNAME|GIVEN|SEX|BORN|PLACE|ADDR", dashed),
			map[string]string{"codice_fiscale": "ID_ASSISTITO", "cognome": "SURNAME", "nome": "GIVEN", "sesso": "SEX", "data_nascita": "BORN", "luogo_nascita": "PLACE", "indirizzo": "ADDR"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			db, ctx := onboarded(t, "108033")
			req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30", ImportOptions: csi.ImportOptions{Map: tt.mapping}}
			sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("f.csv", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			if sum.Encoding != tt.enc || sum.Delimiter != tt.delim || sum.Rows != 3 || sum.Inserted != 3 || sum.Rejected != 0 {
				t.Fatalf("summary %+v", sum)
			}
			v, err := services(db).PersonHistory(ctx, "NCLZOE10A45D286L")
			if err != nil || len(v) != 1 {
				t.Fatal(v, err)
			}
			if v[0].Cognome != "Nicolò" || v[0].Nome != "Zoë" || v[0].Indirizzo != "Piazza Città; lato €" || v[0].DataNascita != "2010-01-05" {
				t.Errorf("stored %+v", v[0])
			}
			v, _ = services(db).PersonHistory(ctx, "DNGNDR72E20Z129V")
			if v[0].Cognome != "D'Angelo" || v[0].Indirizzo != "Via \"Italia\"\n2° piano" {
				t.Errorf("stored %+v", v[0])
			}
		})
	}
}

// Date writers for the dialect table.
var (
	iso     = func(d string) string { return d }
	italian = func(d string) string { return d[8:10] + "/" + d[5:7] + "/" + d[0:4] }
	dashed  = func(d string) string { return d[8:10] + "-" + d[5:7] + "-" + d[0:4] }
)

// csvOf writes rows given as |-separated fields (last field empty) with the
// delimiter, line ending and date style, quoting where needed.
func csvOf(rows, delim, eol, header string, date func(string) string) []byte {
	var b strings.Builder
	b.WriteString(header + eol)
	for _, line := range strings.Split(strings.TrimSuffix(rows, "|\n"), "|\n") {
		f := strings.Split(line, "|")
		f[4] = date(f[4])
		for i, v := range f {
			if strings.ContainsAny(v, delim+"\"\n") {
				f[i] = `"` + strings.ReplaceAll(v, `"`, `""`) + `"`
			}
		}
		b.WriteString(strings.Join(f, delim) + eol)
	}
	return []byte(b.String())
}

func TestImportWholeFileErrors(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	for name, tc := range map[string]struct{ data, want string }{
		"empty":          {"", "empty"},
		"header only":    {"codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\n", "no data rows"},
		"missing column": {"codice_fiscale;cognome;nome;sesso;luogo_nascita\nX;Y;Z;M;F704\n", `missing required column "data_nascita"`},
	} {
		_, err := services(db).ImportAnagrafe(ctx, req, bytesSource("f.csv", []byte(tc.data)))
		if csi.ErrorCode(err) != csi.EBADFILE || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: got %v, want a bad-file error containing %q", name, err, tc.want)
		}
	}
	var n int
	if err := db.SQL().QueryRow("SELECT (SELECT count(*) FROM persone) + (SELECT count(*) FROM imports)").Scan(&n); err != nil || n != 0 {
		t.Errorf("store changed by refused files: %d rows (%v)", n, err)
	}
}

// TestBulkImportRebuildsIndexes: a first import drops the person indexes to
// load faster; afterwards every index of the schema must be back, and the
// queries that lean on them must use them.
func TestBulkImportRebuildsIndexes(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	file := csvOf("BRMGPP50C12F704K|Brambilla|Giuseppe|M|1950-03-12|F704|Via Po|\n", ",", "\n",
		"codice_fiscale,cognome,nome,sesso,data_nascita,luogo_nascita,indirizzo", iso)
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
	if _, err := services(db).ImportAnagrafe(ctx, req, bytesSource("f.csv", file)); err != nil {
		t.Fatal(err)
	}
	for _, idx := range []string{"persone_cf", "persone_validity"} {
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = ?", idx).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("index %s missing after a bulk import", idx)
		}
	}
}

// TestPersonLookupsUseTheCFIndex: the per-person lookups of validation and
// of an update must find a person by codice fiscale, not scan a Comune
// through the residents-by-date index (which made validation 8x slower).
func TestPersonLookupsUseTheCFIndex(t *testing.T) {
	db, ctx := onboarded(t, "108033")
	for name, q := range map[string]string{"resident": residentQuery, "close": closeQuery} {
		args := make([]any, strings.Count(q, "?"))
		for i := range args {
			args[i] = "x"
		}
		rows, err := db.SQL().QueryContext(ctx, "EXPLAIN QUERY PLAN "+q, args...)
		if err != nil {
			t.Fatal(err)
		}
		var plan strings.Builder
		for rows.Next() {
			var id, parent, notused int
			var detail string
			if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(detail + "\n")
		}
		rows.Close()
		if !strings.Contains(plan.String(), "INDEX persone_cf (codice_fiscale=?)") {
			t.Errorf("%s: plan does not look the person up by CF:\n%s", name, plan.String())
		}
	}
}
