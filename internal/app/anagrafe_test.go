package app_test

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"golang.org/x/text/encoding/charmap"
)

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
	{
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
				eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
					dialectCase(t, newEngine(t), tt.file, tt.mapping, tt.enc, tt.delim)
				})
			})
		}
	}
}

// dialectCase imports one dialect's file and checks what was stored.
func dialectCase(t *testing.T, fx engine, file []byte, mapping map[string]string, enc, delim string) {
	ctx := onboarded(t, fx, "108033")
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30", ImportOptions: csi.ImportOptions{Map: mapping}}
	sum, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("f.csv", file))
	if err != nil {
		t.Fatal(err)
	}
	if sum.Encoding != enc || sum.Delimiter != delim || sum.Rows != 3 || sum.Inserted != 3 || sum.Rejected != 0 {
		t.Fatalf("summary %+v", sum)
	}
	v, err := fx.svc.PersonHistory(ctx, "NCLZOE10A45D286L")
	if err != nil || len(v) != 1 {
		t.Fatal(v, err)
	}
	if v[0].Cognome != "Nicolò" || v[0].Nome != "Zoë" || v[0].Indirizzo != "Piazza Città; lato €" || v[0].DataNascita != "2010-01-05" {
		t.Errorf("stored %+v", v[0])
	}
	v, _ = fx.svc.PersonHistory(ctx, "DNGNDR72E20Z129V")
	if v[0].Cognome != "D'Angelo" || v[0].Indirizzo != "Via \"Italia\"\n2° piano" {
		t.Errorf("stored %+v", v[0])
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
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108033")
		req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-30"}
		for name, tc := range map[string]struct{ data, want string }{
			"empty":          {"", "empty"},
			"header only":    {"codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita\n", "no data rows"},
			"missing column": {"codice_fiscale;cognome;nome;sesso;luogo_nascita\nX;Y;Z;M;F704\n", `missing required column "data_nascita"`},
		} {
			_, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("f.csv", []byte(tc.data)))
			if csi.ErrorCode(err) != csi.EBADFILE || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("%s: got %v, want a bad-file error containing %q", name, err, tc.want)
			}
		}
		if n := fx.scalar(t, "SELECT ((SELECT count(*) FROM persone) + (SELECT count(*) FROM imports)) || ''"); n != "0" {
			t.Errorf("store changed by refused files: %s rows", n)
		}
	})
}
