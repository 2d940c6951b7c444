package dialect

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"sync"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// benchSchema is the 16-column registry layout of the generated file.
var benchSchema = Schema{Kind: "anagrafe", Columns: []Column{
	{Name: "codice_fiscale", Required: true}, {Name: "cognome"}, {Name: "nome"}, {Name: "sesso"},
	{Name: "data_nascita"}, {Name: "luogo_nascita"}, {Name: "cittadinanza"}, {Name: "comune_residenza"},
	{Name: "indirizzo"}, {Name: "civico"}, {Name: "cap"}, {Name: "codice_famiglia"},
	{Name: "relazione_parentela"}, {Name: "stato_civile"}, {Name: "data_iscrizione"}, {Name: "motivo_iscrizione"},
}}

var (
	benchOnce   sync.Once
	benchData   []byte // ~20 MB, UTF-8, semicolons, CRLF, 2% of rows with a quoted field
	benchQuoted []byte // the same rows with every field quoted
)

// benchFiles generates the registry extracts of about 20 MB.
func benchFiles() (plain, quoted []byte) {
	benchOnce.Do(func() {
		rng := rand.New(rand.NewPCG(1, 2))
		surnames := []string{"Rossi", "Brambilla", "Colombo", "Niccolò", "D'Angelo", "Ferrari", "Galbiati", "Pirovano"}
		names := []string{"Mario", "Giulia", "José", "Luca", "Anna Maria", "Francesco", "Chiara", "Zoë"}
		streets := []string{"Via Roma", "Corso Milano", "Piazza Trento e Trieste", "Via Lecco", "Viale Elvezia"}
		var p, q bytes.Buffer
		header := "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;cittadinanza;comune_residenza;" +
			"indirizzo;civico;cap;codice_famiglia;relazione_parentela;stato_civile;data_iscrizione;motivo_iscrizione"
		p.WriteString(header + "\r\n")
		q.WriteString(quoteAll(header) + "\r\n")
		for p.Len() < 20<<20 {
			street := streets[rng.IntN(len(streets))]
			if rng.IntN(50) == 0 {
				street = `"Via Lecco; scala ""B"""`
			}
			line := fmt.Sprintf("RSSMRA%02dA%02dF704%c;%s;%s;%c;%02d/%02d/%d;F704;100;108033;%s;%d;20900;%07d;%d;%d;%d-%02d-%02d;%d",
				rng.IntN(100), rng.IntN(70), 'A'+rng.IntN(26), surnames[rng.IntN(len(surnames))], names[rng.IntN(len(names))],
				"MF"[rng.IntN(2)], 1+rng.IntN(28), 1+rng.IntN(12), 1930+rng.IntN(90), street,
				1+rng.IntN(200), rng.IntN(1e7), 1+rng.IntN(3), 1+rng.IntN(4), 1990+rng.IntN(30), 1+rng.IntN(12), 1+rng.IntN(28), 1+rng.IntN(9))
			p.WriteString(line + "\r\n")
			if !strings.Contains(line, `"`) {
				q.WriteString(quoteAll(line) + "\r\n")
			}
		}
		benchData, benchQuoted = p.Bytes(), q.Bytes()
	})
	return benchData, benchQuoted
}

// quoteAll quotes every field of a line without quotes.
func quoteAll(line string) string {
	return `"` + strings.ReplaceAll(line, ";", `";"`) + `"`
}

// benchFile returns the plain benchmark file.
func benchFile() []byte {
	plain, _ := benchFiles()
	return plain
}

// benchRead parses data once, calling get on every row.
func benchRead(b *testing.B, data []byte, fp *Fingerprint, get func(*Row)) {
	rd, err := Open(bytes.NewReader(data), benchSchema, Options{}, fp)
	if err != nil {
		b.Fatal(err)
	}
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			b.Fatal(err)
		}
		get(row)
	}
}

// BenchmarkNext measures Next alone over the UTF-8 file.
func BenchmarkNext(b *testing.B) {
	data := benchFile()
	fp, _ := Scan(bytes.NewReader(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		benchRead(b, data, &fp, func(*Row) {})
	}
}

// BenchmarkNextVariants measures other encodings and quoting, with and
// without reading every value (Get allocates one string per row).
func BenchmarkNextVariants(b *testing.B) {
	plain, quoted := benchFiles()
	cp1252, err := charmap.Windows1252.NewEncoder().Bytes(plain)
	if err != nil {
		b.Fatal(err)
	}
	files := []struct {
		name string
		data []byte
	}{{"utf-8", plain}, {"windows-1252", cp1252}, {"all-quoted", quoted}}
	for _, f := range files {
		fp, _ := Scan(bytes.NewReader(f.data))
		for _, get := range []bool{false, true} {
			name := f.name
			if get {
				name += "+Get"
			}
			b.Run(name, func(b *testing.B) {
				b.SetBytes(int64(len(f.data)))
				b.ReportAllocs()
				for b.Loop() {
					benchRead(b, f.data, &fp, getAll(get))
				}
			})
		}
	}
}

// sink keeps the compiler from dropping the values read in benchmarks.
var sink int

// getAll returns a row callback that reads every value, or does nothing.
func getAll(get bool) func(*Row) {
	if !get {
		return func(*Row) {}
	}
	return func(r *Row) {
		for i := range benchSchema.Columns {
			sink += len(r.Get(i))
		}
	}
}

// BenchmarkScan measures the fingerprint pass.
func BenchmarkScan(b *testing.B) {
	data := benchFile()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Scan(bytes.NewReader(data)); err != nil {
			b.Fatal(err)
		}
	}
}
