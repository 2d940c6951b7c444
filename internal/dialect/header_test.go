package dialect

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestNormalizeHeader(t *testing.T) {
	tests := map[string]string{
		"Data di nascita":           "data_di_nascita",
		"COD.FISCALE":               "cod_fiscale",
		" Codice Fiscale ":          "codice_fiscale",
		"codice_fiscale":            "codice_fiscale",
		"Città":                     "citta",
		"CITTÀ DI RESIDENZA":        "citta_di_residenza",
		"Località (prov.)":          "localita_prov",
		"N° civico":                 "n_civico",
		"Nº":                        "no",
		"Citta\u0300":               "citta", // decomposed: a + combining grave
		"Œuvre Straße Ærø":          "oeuvre_strasse_aero",
		"Šimić Ž":                   "simic_z",
		"l’indirizzo":               "l_indirizzo", // Windows-1252 0x92
		"__a--b__":                  "a_b",
		"data_nascita (gg/mm/aaaa)": "data_nascita_gg_mm_aaaa",
		"":                          "",
		"***":                       "",
		"ΑΒΓ 12":                    "αβγ_12",
	}
	for in, want := range tests {
		if got := NormalizeHeader(in); got != want {
			t.Errorf("NormalizeHeader(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderBinding(t *testing.T) {
	tests := []struct {
		name    string
		header  string
		m       map[string]string
		columns map[string]string
		unknown []string
		first   []string // Get of each canonical column on the row "v0;v1;..."
	}{{
		name:    "aliases after normalisation",
		header:  "COD.FISCALE;Cognome;NOME;Data di nascita;Note;Via",
		columns: map[string]string{"codice_fiscale": "COD.FISCALE", "cognome": "Cognome", "nome": "NOME", "data_nascita": "Data di nascita", "indirizzo": "Via"},
		unknown: []string{"Note"},
		first:   []string{"v0", "v1", "v2", "v3", "", "v5"},
	}, {
		name:    "map overrides aliases",
		header:  "CF;CF_VECCHIO;surname;name;DT NASCITA",
		m:       map[string]string{"codice_fiscale": "cf vecchio", "Cognome": "SURNAME", "nome": "name"},
		columns: map[string]string{"codice_fiscale": "CF_VECCHIO", "cognome": "surname", "nome": "name", "data_nascita": "DT NASCITA"},
		unknown: []string{"CF"},
		first:   []string{"v1", "v2", "v3", "v4", "", ""},
	}, {
		name:    "empty header fields are not listed",
		header:  "cf;;cognome;nome;",
		columns: map[string]string{"codice_fiscale": "cf", "cognome": "cognome", "nome": "nome"},
		first:   []string{"v0", "v2", "v3", "", "", ""},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := strings.Count(tt.header, ";") + 1
			vals := make([]string, n)
			for i := range vals {
				vals[i] = "v" + string(rune('0'+i))
			}
			data := tt.header + "\n" + strings.Join(vals, ";") + "\n"
			det, rows, err := readAll(t, strings.NewReader(data), testSchema, Options{Map: tt.m}, nil)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(det.Columns, tt.columns) || !reflect.DeepEqual(det.Unknown, tt.unknown) {
				t.Errorf("columns %v unknown %q; want %v %q", det.Columns, det.Unknown, tt.columns, tt.unknown)
			}
			if !reflect.DeepEqual(rows[0].Values, tt.first) {
				t.Errorf("values %q, want %q", rows[0].Values, tt.first)
			}
		})
	}
}

func TestOpenErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		opts Options
		msg  string // Error()
		hint string
	}{{
		name: "empty file",
		data: "",
		msg:  "anagrafe.csv: file is empty",
		hint: "export the file again: it has no header and no rows",
	}, {
		name: "only a BOM",
		data: "\xEF\xBB\xBF",
		msg:  "anagrafe.csv: file is empty",
		hint: "export the file again: it has no header and no rows",
	}, {
		name: "only blank lines",
		data: "\r\n\r\n",
		msg:  "anagrafe.csv: file is empty",
		hint: "export the file again: it has only blank lines",
	}, {
		name: "missing required column",
		data: "cognome;nome;data_nascita\nRossi;Mario;1980-01-01\n",
		msg:  `anagrafe.csv: line 1: missing required column "codice_fiscale" (looked for: codice_fiscale, cf, codicefiscale, cod_fiscale, codfisc)`,
		hint: "add the column, or map it with --map codice_fiscale=YOUR_HEADER",
	}, {
		name: "missing required columns, after a blank line",
		data: "\ncf\tdata\n",
		msg: `anagrafe.csv: line 2: missing required columns "cognome" (looked for: cognome), ` +
			`"nome" (looked for: nome)`,
		hint: "add the columns, or map them with --map (e.g. --map cognome=YOUR_HEADER)",
	}, {
		name: "single column header suggests the delimiter",
		data: "cf:cognome:nome\n",
		msg:  `anagrafe.csv: line 1: missing required columns "codice_fiscale" (looked for: codice_fiscale, cf, codicefiscale, cod_fiscale, codfisc), "cognome" (looked for: cognome), "nome" (looked for: nome)`,
		hint: "add the columns, or map them with --map (e.g. --map codice_fiscale=YOUR_HEADER); the header has a single column: check the delimiter (--delimiter)",
	}, {
		name: "two headers for one column",
		data: "CF;Codice Fiscale;cognome;nome\n",
		msg:  `anagrafe.csv: line 1: columns "CF" and "Codice Fiscale" both match "codice_fiscale"`,
		hint: "remove one, or choose one with --map codice_fiscale=HEADER",
	}, {
		name: "unknown map key",
		data: "cf;cognome;nome\n",
		opts: Options{Map: map[string]string{"codice": "cf"}},
		msg:  `anagrafe.csv: --map: "codice" is not a column of anagrafe files (valid: codice_fiscale, cognome, nome, data_nascita, comune_residenza, indirizzo)`,
		hint: "the name left of '=' must be one of the valid names",
	}, {
		name: "mapped header not in the file",
		data: "cf;cognome;nome\n",
		opts: Options{Map: map[string]string{"indirizzo": "Via e civico"}},
		msg:  `anagrafe.csv: line 1: --map indirizzo: the header has no such column`,
		hint: "columns in the file: cf, cognome, nome",
	}, {
		name: "two columns mapped to one header",
		data: "cf;cognome;nome\n",
		opts: Options{Map: map[string]string{"cognome": "x", "nome": "X"}},
		msg:  `anagrafe.csv: --map: "cognome" and "nome" are both mapped to the header "X"`,
		hint: "map each header to one column",
	}, {
		name: "unknown encoding",
		data: "cf;cognome;nome\n",
		opts: Options{Encoding: "ebcdic"},
		msg:  `anagrafe.csv: unknown encoding "ebcdic" (accepted: utf-8, windows-1252, iso-8859-1)`,
		hint: "use --encoding utf-8, windows-1252 or iso-8859-1",
	}, {
		name: "unsupported delimiter",
		data: "cf;cognome;nome\n",
		opts: Options{Delimiter: ':'},
		msg:  `anagrafe.csv: unsupported delimiter ':'`,
		hint: "use --delimiter ';', ',', tab or '|'",
	}, {
		name: "Excel workbook",
		data: "PK\x03\x04\x14\x00\x06\x00",
		msg:  "anagrafe.csv: file is a ZIP archive (an Excel .xlsx or .ods workbook?), not a CSV",
		hint: "save it as CSV (UTF-8 or Windows-1252) and import that file",
	}, {
		name: "UTF-16 without BOM",
		data: "c\x00f\x00;\x00",
		msg:  "anagrafe.csv: file contains NUL bytes: it is not CSV text (UTF-16, or a binary file?)",
		hint: "save it as CSV (UTF-8 or Windows-1252) and import that file",
	}, {
		name: "unterminated quote in the header",
		data: "cf;\"cognome;nome\n",
		msg:  "anagrafe.csv: line 1: unterminated quoted field: the quote opened on this line is never closed",
		hint: `close the quote; a quote inside a quoted field is written twice ("")`,
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.opts.File = "anagrafe.csv"
			_, err := Open(strings.NewReader(tt.data), testSchema, tt.opts, nil)
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("err = %v, want an *Error", err)
			}
			if e.Error() != tt.msg {
				t.Errorf("message\n got %s\nwant %s", e.Error(), tt.msg)
			}
			if e.Detail.Hint != tt.hint {
				t.Errorf("hint\n got %s\nwant %s", e.Detail.Hint, tt.hint)
			}
		})
	}
}

func TestParseMapFile(t *testing.T) {
	in := "# registry of Comune X\n\ncodice_fiscale = COD. FISCALE\nData Nascita=DT_NASC=2\n"
	m, err := ParseMapFile(strings.NewReader(in), "map.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{"codice_fiscale": "COD. FISCALE", "data_nascita": "DT_NASC=2"}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("got %q, want %q", m, want)
	}
	errs := map[string]string{
		"cf=CF\nnonsense\n":   `map.txt: line 2: expected canonical=header, got "nonsense"`,
		"\n\ncf=\n":           `map.txt: line 3: expected canonical=header, got "cf="`,
		"cf=a\n# x\nCF = b\n": `map.txt: line 3: "cf" is already mapped on line 1`,
		"=header\n":           `map.txt: line 1: expected canonical=header, got "=header"`,
	}
	for in, want := range errs {
		if _, err := ParseMapFile(strings.NewReader(in), "map.txt"); err == nil || err.Error() != want {
			t.Errorf("%q: err = %v, want %s", in, err, want)
		}
	}
}

func TestParseEncodingAndDelimiter(t *testing.T) {
	for in, want := range map[string]string{"": "", "UTF8": "utf-8", "cp1252": "windows-1252", "Windows-1252": "windows-1252",
		"latin1": "iso-8859-1", "ISO-8859-1": "iso-8859-1"} {
		if got, err := ParseEncoding(in); err != nil || got != want {
			t.Errorf("ParseEncoding(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for in, want := range map[string]rune{"": 0, ";": ';', "comma": ',', "tab": '\t', "\t": '\t', "|": '|'} {
		if got, err := ParseDelimiter(in); err != nil || got != want {
			t.Errorf("ParseDelimiter(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := ParseDelimiter(":"); err == nil {
		t.Error("ParseDelimiter(\":\") succeeded")
	}
}

func TestSniffDelimiter(t *testing.T) {
	tests := []struct {
		data string
		want string
	}{
		{"a;b;c\n1;2,5;3\n4;5,0;6\n", ";"},               // decimal commas do not fool it
		{"a,b,c\n\"x;y\",2,3\n", ","},                    // delimiters inside quotes do not count
		{"a\tb\n1\t2\n", "\t"},                           // tab
		{"a|b|c\n1|2|3\n", "|"},                          // pipe
		{"a;b,c\n1;2,3\n", ";"},                          // tie: ';' wins
		{"a,b,c\n1,2,3\n4,5\n7;8,9\n", ","},              // ',' consistent on more rows
		{"only\nvalues\n", ";"},                          // no evidence
		{"a;\"multi\nline\";c\n1;2;3\n", ";"},            // quoted newline in the header row
		{"nome,note\nA,\"uno;due;tre\"\nB,\"x\"\n", ","}, // ';' only inside quotes
	}
	for _, tt := range tests {
		rd, err := Open(strings.NewReader(tt.data), Schema{}, Options{}, nil)
		if err != nil {
			t.Fatalf("%q: %v", tt.data, err)
		}
		if got := rd.Detected().Delimiter; got != tt.want {
			t.Errorf("%q: delimiter %q, want %q", tt.data, got, tt.want)
		}
	}
}
