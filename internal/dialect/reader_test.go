package dialect

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/iotest"
)

// testSchema is a cut-down registry schema.
var testSchema = Schema{Kind: "anagrafe", Columns: []Column{
	{Name: "codice_fiscale", Aliases: []string{"cf", "codicefiscale", "cod_fiscale", "codfisc"}, Required: true},
	{Name: "cognome", Required: true},
	{Name: "nome", Required: true},
	{Name: "data_nascita", Aliases: []string{"data_di_nascita", "dt_nascita", "datanascita"}},
	{Name: "comune_residenza", Aliases: []string{"istat_residenza", "codice_istat"}},
	{Name: "indirizzo", Aliases: []string{"via", "toponimo"}},
}}

// gotRow is what a test compares of one row.
type gotRow struct {
	Line   int
	Values []string // Get of every canonical column
	Raw    string
}

// readAll opens data and returns the dialect and every row, or the first error.
func readAll(t *testing.T, r io.Reader, schema Schema, opts Options, fp *Fingerprint) (Detected, []gotRow, error) {
	t.Helper()
	rd, err := Open(r, schema, opts, fp)
	if err != nil {
		return Detected{}, nil, err
	}
	var rows []gotRow
	for {
		row, err := rd.Next()
		if err == io.EOF {
			return rd.Detected(), rows, nil
		}
		if err != nil {
			return rd.Detected(), rows, err
		}
		g := gotRow{Line: row.Line, Raw: string(row.Raw)}
		for i := range schema.Columns {
			g.Values = append(g.Values, row.Get(i))
		}
		rows = append(rows, g)
	}
}

// fingerprint scans data, failing the test on error.
func fingerprint(t *testing.T, data []byte) *Fingerprint {
	t.Helper()
	fp, err := Scan(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return &fp
}

func TestDialects(t *testing.T) {
	tests := []struct {
		name   string
		data   string
		enc    string // Options.Encoding
		det    Detected
		rows   []gotRow
		header []string
	}{{
		name: "utf-8 with BOM, comma, LF",
		data: "\xEF\xBB\xBFCF,Cognome,Nome,Data di nascita\nRSSMRA80A01F704X,Rossi,Niccolò,01/02/1980\nVRDLCU85B41F205Y,Verdi,Lucia,1985-02-01\n",
		det:  Detected{Encoding: "utf-8", BOM: true, Delimiter: ",", LineEnding: "LF"},
		rows: []gotRow{
			{2, []string{"RSSMRA80A01F704X", "Rossi", "Niccolò", "01/02/1980", "", ""}, "RSSMRA80A01F704X,Rossi,Niccolò,01/02/1980"},
			{3, []string{"VRDLCU85B41F205Y", "Verdi", "Lucia", "1985-02-01", "", ""}, "VRDLCU85B41F205Y,Verdi,Lucia,1985-02-01"},
		},
	}, {
		name: "windows-1252, semicolon, CRLF",
		data: "codice_fiscale;COGNOME;NOME;Citt\xE0;Via\r\nRSSMRA80A01F704X\xA0;D\x92Amico;Nicol\xE0;108033;Piazza \x80uro 1\x81\r\n",
		det:  Detected{Encoding: "windows-1252", Delimiter: ";", LineEnding: "CRLF"},
		rows: []gotRow{
			{2, []string{"RSSMRA80A01F704X", "D’Amico", "Nicolà", "", "", "Piazza €uro 1\u0081"},
				"RSSMRA80A01F704X\u00a0;D’Amico;Nicolà;108033;Piazza €uro 1\u0081"},
		},
	}, {
		name: "iso-8859-1, tab, LF",
		data: "cf\tcognome\tnome\tistat_residenza\nRSSMRA80A01F704X\tPer\xF2\tJos\xE9\t015149\n",
		det:  Detected{Encoding: "iso-8859-1", Delimiter: "\t", LineEnding: "LF"},
		rows: []gotRow{{2, []string{"RSSMRA80A01F704X", "Però", "José", "", "015149", ""}, "RSSMRA80A01F704X\tPerò\tJosé\t015149"}},
	}, {
		name: "pipe, CR, trailing empty lines",
		data: "CF|Cognome|Nome\rA1| Rossi |Anna\r\rB2|Bianchi|Ugo\r\r",
		det:  Detected{Encoding: "utf-8", Delimiter: "|", LineEnding: "CR"},
		rows: []gotRow{
			{2, []string{"A1", "Rossi", "Anna", "", "", ""}, "A1| Rossi |Anna"},
			{4, []string{"B2", "Bianchi", "Ugo", "", "", ""}, "B2|Bianchi|Ugo"},
		},
	}, {
		name: "forced latin1 reads 0x80 as a control character",
		data: "cf;cognome;nome\nA;\x80;\xE0\n",
		enc:  "Latin1",
		det:  Detected{Encoding: "iso-8859-1", Delimiter: ";", LineEnding: "LF"},
		rows: []gotRow{{2, []string{"A", "\u0080", "à", "", "", ""}, "A;\u0080;à"}},
	}, {
		name: "no final line break",
		data: "cf;cognome;nome\r\nA;B;C",
		det:  Detected{Encoding: "utf-8", Delimiter: ";", LineEnding: "CRLF"},
		rows: []gotRow{{2, []string{"A", "B", "C", "", "", ""}, "A;B;C"}},
	}}
	for _, tt := range tests {
		for _, withFP := range []bool{true, false} {
			t.Run(tt.name, func(t *testing.T) {
				var fp *Fingerprint
				if withFP {
					fp = fingerprint(t, []byte(tt.data))
				}
				det, rows, err := readAll(t, strings.NewReader(tt.data), testSchema, Options{Encoding: tt.enc}, fp)
				if err != nil {
					t.Fatal(err)
				}
				det.Header, det.Columns, det.Unknown = nil, nil, nil
				if !reflect.DeepEqual(det, tt.det) {
					t.Errorf("detected %+v, want %+v", det, tt.det)
				}
				if !reflect.DeepEqual(rows, tt.rows) {
					t.Errorf("rows\n got %+v\nwant %+v", rows, tt.rows)
				}
			})
		}
	}
}

func TestDetectedString(t *testing.T) {
	d := Detected{Encoding: "utf-8", BOM: true, Delimiter: "\t", LineEnding: "CRLF"}
	if got, want := d.String(), "utf-8 with BOM, delimiter tab, CRLF"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	d = Detected{Encoding: "windows-1252", Delimiter: ";", LineEnding: "LF"}
	if got, want := d.String(), `windows-1252, delimiter ";", LF`; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestQuotedFields(t *testing.T) {
	data := "cf;cognome;nome;via\r\n" + // line 1
		"A;\"Rossi; Bianchi\";\"Anna \"\"Nina\"\"\";\"Via Roma 1\r\nscala B\r\ninterno 3\"\r\n" + // lines 2-4
		"B;Verdi;Ugo;\"Via\nLunga\"\r\n" + // lines 5-6
		"\r\n" + // line 7, empty
		"C;O\"Neil;  \"Al\"  ;\"\"\r\n" + // line 8
		"D;\"x\"y;z;\"a\rb\"\r\n" // lines 9-10
	want := []gotRow{
		{2, []string{"A", "Rossi; Bianchi", `Anna "Nina"`, "", "", "Via Roma 1\nscala B\ninterno 3"},
			"A;\"Rossi; Bianchi\";\"Anna \"\"Nina\"\"\";\"Via Roma 1\r\nscala B\r\ninterno 3\""},
		{5, []string{"B", "Verdi", "Ugo", "", "", "Via\nLunga"}, "B;Verdi;Ugo;\"Via\nLunga\""},
		{8, []string{"C", `O"Neil`, "Al", "", "", ""}, "C;O\"Neil;  \"Al\"  ;\"\""},
		{9, []string{"D", "xy", "z", "", "", "a\nb"}, "D;\"x\"y;z;\"a\rb\""},
	}
	for name, r := range readers(data) {
		t.Run(name, func(t *testing.T) {
			_, rows, err := readAll(t, r, testSchema, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(rows, want) {
				t.Errorf("rows\n got %+v\nwant %+v", rows, want)
			}
		})
	}
}

// readers returns data behind readers that deliver it in different chunks.
func readers(data string) map[string]io.Reader {
	return map[string]io.Reader{
		"whole":    strings.NewReader(data),
		"one byte": iotest.OneByteReader(strings.NewReader(data)),
		"half":     iotest.HalfReader(strings.NewReader(data)),
	}
}

func TestHeaderOnly(t *testing.T) {
	for _, data := range []string{"cf;cognome;nome", "cf;cognome;nome\r\n", "\xEF\xBB\xBFcf;cognome;nome\n\n\n"} {
		rd, err := Open(strings.NewReader(data), testSchema, Options{}, nil)
		if err != nil {
			t.Fatalf("%q: %v", data, err)
		}
		if row, err := rd.Next(); err != io.EOF {
			t.Errorf("%q: Next = %v, %v; want io.EOF", data, row, err)
		}
		if got := rd.BytesRead(); got != int64(len(data)) {
			t.Errorf("%q: BytesRead = %d, want %d", data, got, len(data))
		}
	}
}

func TestNumFields(t *testing.T) {
	data := "cf;cognome;nome;via\nA;B;C;D\nA;B\nA;B;C;D;E\n"
	rd, err := Open(strings.NewReader(data), testSchema, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rd.NumColumns() != 4 {
		t.Errorf("NumColumns = %d, want 4", rd.NumColumns())
	}
	for _, want := range []int{4, 2, 5} {
		row, err := rd.Next()
		if err != nil {
			t.Fatal(err)
		}
		if row.NumFields() != want {
			t.Errorf("line %d: NumFields = %d, want %d", row.Line, row.NumFields(), want)
		}
		if want == 2 && (row.Get(2) != "" || !row.Has(2) || row.Has(3)) {
			t.Errorf("short row: Get(2) = %q, Has(2) = %v, Has(3) = %v", row.Get(2), row.Has(2), row.Has(3))
		}
	}
}

func TestUnterminatedQuote(t *testing.T) {
	data := "cf;cognome;nome\nA;B;C\nD;\"E;F\nG;H;I\n"
	rd, err := Open(strings.NewReader(data), testSchema, Options{File: "a.csv"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rd.Next(); err != nil {
		t.Fatal(err)
	}
	_, err = rd.Next()
	want := "a.csv: line 3: unterminated quoted field: the quote opened on this line is never closed"
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if _, again := rd.Next(); again != err {
		t.Errorf("second Next = %v, want the same error", again)
	}
}

func TestLargeRecords(t *testing.T) {
	big := strings.Repeat("x;\"\"y\n", 10000) // 60 KB inside each of six quoted fields
	var b strings.Builder
	b.WriteString("cf;cognome;nome\n")
	for i := 0; i < 20000; i++ {
		b.WriteString("RSSMRA80A01F704X;Rossi;Mario\n")
	}
	b.WriteString("Q;" + strings.Repeat("\""+big+"\";", 6) + "end\n")
	b.WriteString("Z;Last;Row")
	data := b.String()
	for name, r := range readers(data) {
		t.Run(name, func(t *testing.T) {
			_, rows, err := readAll(t, r, testSchema, Options{}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 20002 {
				t.Fatalf("%d rows, want 20002", len(rows))
			}
			q, z := rows[20000], rows[20001]
			unquoted := strings.ReplaceAll(big, `""`, `"`)
			if q.Line != 20002 || q.Values[1] != unquoted || q.Values[2] != unquoted || !strings.HasSuffix(q.Raw, ";end") {
				t.Errorf("quoted row: line %d, values %d and %d bytes", q.Line, len(q.Values[1]), len(q.Values[2]))
			}
			if z.Line != 20003+60000 || z.Values[1] != "Last" {
				t.Errorf("last row: %+v", z)
			}
		})
	}
}

func TestBytesRead(t *testing.T) {
	data := "cf;cognome;nome\r\nA;B;C\r\nD;E;F\r\n"
	rd, err := Open(strings.NewReader(data), testSchema, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := rd.Next(); err != nil {
		t.Fatal(err)
	}
	if got := rd.BytesRead(); got != 24 {
		t.Errorf("after one row BytesRead = %d, want 24", got)
	}
	for {
		if _, err := rd.Next(); err != nil {
			break
		}
	}
	if got := rd.BytesRead(); got != int64(len(data)) {
		t.Errorf("at EOF BytesRead = %d, want %d", got, len(data))
	}
}

func TestEncodingFromPrefix(t *testing.T) {
	ascii := "cf;cognome;nome\n" + strings.Repeat("RSSMRA80A01F704X;Rossi;Mario\n", 3000) // > 64 KiB
	t.Run("ASCII prefix turns into windows-1252", func(t *testing.T) {
		det, rows, err := readAll(t, strings.NewReader(ascii+"A;Nicol\xE0;\x80\n"), testSchema, Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		last := rows[len(rows)-1]
		if det.Encoding != "windows-1252" || last.Values[1] != "Nicolà" || last.Values[2] != "€" {
			t.Errorf("encoding %s, last row %q", det.Encoding, last.Values)
		}
	})
	t.Run("UTF-8 prefix then invalid byte: that line alone is windows-1252", func(t *testing.T) {
		data := "cf;cognome;nome\nA;Niccolò;B\n" + ascii[16:] + "A;Nicol\xE0;B\n"
		det, rows, err := readAll(t, strings.NewReader(data), testSchema, Options{File: "x.csv"}, nil)
		if err != nil {
			t.Fatal(err)
		}
		first, last := rows[0], rows[len(rows)-1]
		if det.Encoding != "utf-8" || det.Fallback != "windows-1252" || det.FallbackLines != 1 ||
			first.Values[1] != "Niccolò" || last.Values[1] != "Nicolà" {
			t.Errorf("detected %+v, rows %q %q", det, first.Values, last.Values)
		}
	})
	t.Run("--encoding utf-8 then invalid byte", func(t *testing.T) {
		data := "cf;cognome;nome\nA;Niccolò;B\n" + ascii[16:] + "A;Nicol\xE0;B\n"
		_, _, err := readAll(t, strings.NewReader(data), testSchema, Options{File: "x.csv", Encoding: "utf-8"}, nil)
		want := "x.csv: line 3003: invalid UTF-8 (byte 0xE0) in a file read as utf-8"
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %s", err, want)
		}
	})
	t.Run("ISO-8859-1 prefix turns into windows-1252", func(t *testing.T) {
		data := "cf;cognome;nome\nA;Nicol\xE0;B\n" + ascii[16:] + "A;\x80;\xE8\n"
		det, rows, err := readAll(t, strings.NewReader(data), testSchema, Options{}, nil)
		if err != nil {
			t.Fatal(err)
		}
		first, last := rows[0], rows[len(rows)-1]
		if det.Encoding != "windows-1252" || first.Values[1] != "Nicolà" || last.Values[1] != "€" || last.Values[2] != "è" {
			t.Errorf("encoding %s, rows %q %q", det.Encoding, first.Values, last.Values)
		}
	})
	t.Run("BOM then invalid byte", func(t *testing.T) {
		data := "\xEF\xBB\xBFcf;cognome;nome\nA;Nicol\xE0;B\n"
		det, rows, err := readAll(t, strings.NewReader(data), testSchema, Options{}, fingerprint(t, []byte(data)))
		if err != nil || det.Encoding != "utf-8" || det.FallbackLines != 1 || rows[0].Values[1] != "Nicolà" {
			t.Errorf("err %v, detected %+v, rows %+v", err, det, rows)
		}
	})
}

func TestEncodingLineByLine(t *testing.T) {
	utf8Rows := strings.Repeat("RSSMRA80A01F704X;Cantù;Niccolò\r\n", 5)
	tests := []struct {
		name     string
		data     string
		enc      string // Detected.Encoding
		fallback string
		lines    int
		want     []string // cognome of each row
	}{{
		name: "one ANSI line in a UTF-8 file",
		data: "cf;cognome;nome\r\n" + utf8Rows + "A;Cant\xF9;Nicol\xF2\r\n" + utf8Rows,
		enc:  "utf-8", fallback: "windows-1252", lines: 1,
		want: slices.Concat(slices.Repeat([]string{"Cantù"}, 5), []string{"Cantù"}, slices.Repeat([]string{"Cantù"}, 5)),
	}, {
		name: "a quoted field over lines in both encodings",
		data: "cf;cognome;nome\nA;\"Cantù\nCant\xF9 \x80\";B\nC;Zoë;D\n",
		enc:  "utf-8", fallback: "windows-1252", lines: 1,
		want: []string{"Cantù\nCantù €", "Zoë"},
	}, {
		name: "one UTF-8 line in a Windows-1252 file",
		data: "cf;cognome;nome\nA;Cant\xF9;B\nC;Nicol\xF2 \x80;D\nE;Zoë;F\n",
		enc:  "windows-1252", fallback: "utf-8", lines: 1,
		want: []string{"Cantù", "Nicolò €", "Zoë"},
	}}
	for _, tt := range tests {
		for _, withFP := range []bool{true, false} {
			t.Run(fmt.Sprintf("%s/fingerprint %v", tt.name, withFP), func(t *testing.T) {
				var fp *Fingerprint
				if withFP {
					fp = fingerprint(t, []byte(tt.data))
				}
				det, rows, err := readAll(t, strings.NewReader(tt.data), testSchema, Options{}, fp)
				if err != nil {
					t.Fatal(err)
				}
				if det.Encoding != tt.enc || det.Fallback != tt.fallback || det.FallbackLines != tt.lines {
					t.Errorf("detected %s, %d lines %s; want %s, %d lines %s", det.Encoding, det.FallbackLines, det.Fallback,
						tt.enc, tt.lines, tt.fallback)
				}
				var got []string
				for _, r := range rows {
					got = append(got, r.Values[1])
				}
				if !reflect.DeepEqual(got, tt.want) {
					t.Errorf("cognome %q, want %q", got, tt.want)
				}
			})
		}
	}
}

func TestRowAccessors(t *testing.T) {
	data := "cognome;CF;nome;extra\n Rossi ;\" A1 \";Anna;x;y\n"
	rd, err := Open(strings.NewReader(data), testSchema, Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	row, err := rd.Next()
	if err != nil {
		t.Fatal(err)
	}
	if got := string(row.Bytes(1)); got != "Rossi" {
		t.Errorf("Bytes(cognome) = %q", got)
	}
	if got := string(row.Bytes(0)); got != "A1" {
		t.Errorf("Bytes(codice_fiscale) = %q", got)
	}
	if row.Bytes(5) != nil || row.Has(5) || row.Get(5) != "" {
		t.Errorf("absent column: Bytes %q, Has %v, Get %q", row.Bytes(5), row.Has(5), row.Get(5))
	}
	if row.NumFields() != 5 || row.Field(3) != "x" || row.Field(4) != "y" || row.Field(5) != "" || row.Field(-1) != "" {
		t.Errorf("fields: %d %q %q", row.NumFields(), row.Field(3), row.Field(4))
	}
}

func TestRecordLimits(t *testing.T) {
	long := strings.Repeat("x", maxRecord+1)
	tests := map[string]string{
		"cf;cognome;nome\nA;B;" + long:                                            "line 2: line longer than 16 MiB",
		"cf;cognome;nome\nA;B;C\n\nD;\"E\n" + long + "\n":                         "line 4: quoted field not closed within 16 MiB: the quote opened on this line",
		"cf;cognome;nome\nA;" + strings.Repeat("é", maxField/2) + "x;C\n":         `line 2: column "cognome": field longer than 64 KiB (65537 bytes)`,
		"cf;cognome;nome;\nA;B;C;\"" + strings.Repeat("x\n", maxField) + "\";D\n": `line 2: column "field 4": field longer than 64 KiB (131072 bytes)`,
		"\n\ncf;" + strings.Repeat("x", maxHeader) + "\nA;B\n":                    "line 3: header line longer than 64 KiB",
		"cf;" + long: "line 1: header line longer than 64 KiB",
	}
	for data, want := range tests {
		_, _, err := readAll(t, strings.NewReader(data), testSchema, Options{}, nil)
		if err == nil || err.Error() != want {
			t.Errorf("err = %v, want %s", err, want)
		}
	}
}

func TestOpenWithMapFile(t *testing.T) {
	m, err := ParseMapFile(strings.NewReader("codice_fiscale=Cod. fiscale (CF)\nnome = Nome proprio\n"), "map.txt")
	if err != nil {
		t.Fatal(err)
	}
	data := "\"Cod. fiscale (CF)\";Cognome;\"Nome proprio\";Nome\nA;B;C;D\n"
	det, rows, err := readAll(t, strings.NewReader(data), testSchema, Options{Map: m}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"A", "B", "C", "", "", ""}; !reflect.DeepEqual(rows[0].Values, want) {
		t.Errorf("values %q, want %q", rows[0].Values, want)
	}
	if !reflect.DeepEqual(det.Unknown, []string{"Nome"}) {
		t.Errorf("unknown %q", det.Unknown)
	}
}

func TestSepLine(t *testing.T) {
	tests := []struct {
		name, data string
		opts       Options
		delim      string
		lines      []int
	}{
		{"semicolon", "sep=;\r\ncf;cognome;nome\r\nA;B;C\r\nD;E;F\r\n", Options{}, ";", []int{3, 4}},
		{"comma, quoted, after a BOM", "\xEF\xBB\xBF\"sep=,\"\ncf,cognome,nome\nA,B,C\n", Options{}, ",", []int{3}},
		{"padded by Excel", "SEP=|||\ncf|cognome|nome\nA|B|C\n", Options{}, "|", []int{3}},
		{"--delimiter wins", "sep=,\ncf;cognome;nome\nA;B;C\n", Options{Delimiter: ';'}, ";", []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			det, rows, err := readAll(t, strings.NewReader(tt.data), testSchema, tt.opts, nil)
			if err != nil {
				t.Fatal(err)
			}
			var lines []int
			for _, r := range rows {
				lines = append(lines, r.Line)
				if r.Values[0] == "" || r.Values[2] == "" {
					t.Errorf("line %d: values %q", r.Line, r.Values)
				}
			}
			if det.Delimiter != tt.delim || !det.SepLine || !reflect.DeepEqual(lines, tt.lines) {
				t.Errorf("delimiter %q, sep line %v, lines %v; want %q, true, %v", det.Delimiter, det.SepLine, lines, tt.delim, tt.lines)
			}
		})
	}
	errs := map[string]string{
		"sep=:\ncf:cognome:nome\n":  `x.csv: line 1: the sep= line names ':' as the delimiter, which is not supported`,
		"sep=;\r\n":                 "x.csv: file is empty",
		"sep=;\ncf;nome\nA;B\n":     `x.csv: line 2: missing required column "cognome"`,
		"sep=;x\ncf;cognome;nome\n": `x.csv: line 1: missing required columns "codice_fiscale"`,
	}
	for data, want := range errs {
		_, _, err := readAll(t, strings.NewReader(data), testSchema, Options{File: "x.csv"}, nil)
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("%q: err = %v, want %s", data, err, want)
		}
	}
}

func TestTrailingDelimiter(t *testing.T) {
	tests := []struct {
		name, data string
		trailing   bool
		fields     []int // NumFields of each row
	}{
		{"every data row", "cf;cognome;nome\nA;B;C;\nD;E; F ; \n\nG;\"H\";\"I\";\"\"\n", true, []int{3, 3, 3}},
		{"later rows without it, or with a value there", "cf;cognome;nome\n" + strings.Repeat("A;B;C;\n", sniffLines) + "D;E;F\nG;H;I;J\n",
			true, append(slices.Repeat([]int{3}, sniffLines+1), 4)},
		{"header and rows alike", "cf;cognome;nome;\nA;B;C;\n", false, []int{4}},
		{"not every sampled row", "cf;cognome;nome\nA;B;C;\nD;E;F\n", false, []int{4, 3}},
		{"a value in the extra field", "cf;cognome;nome\nA;B;C;D\n", false, []int{4}},
		{"no data rows", "cf;cognome;nome\n", false, nil},
	}
	for _, tt := range tests {
		for name, r := range readers(tt.data) {
			t.Run(tt.name+"/"+name, func(t *testing.T) {
				rd, err := Open(r, testSchema, Options{}, nil)
				if err != nil {
					t.Fatal(err)
				}
				var fields []int
				for {
					row, err := rd.Next()
					if err == io.EOF {
						break
					}
					if err != nil {
						t.Fatal(err)
					}
					fields = append(fields, row.NumFields())
				}
				if rd.Detected().TrailingDelimiter != tt.trailing || !reflect.DeepEqual(fields, tt.fields) {
					t.Errorf("trailing %v, fields %v; want %v, %v", rd.Detected().TrailingDelimiter, fields, tt.trailing, tt.fields)
				}
			})
		}
	}
}
