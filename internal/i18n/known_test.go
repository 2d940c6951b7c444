package i18n

import (
	"fmt"
	"testing"
)

func TestKnown(t *testing.T) {
	it, en := NewPrinter(Italian), NewPrinter(English)
	for _, tc := range []struct{ in, want string }{
		{"data_nascita is missing", "manca data_nascita"},
		{"data_fine 2024-01-01 is before data_inizio 2024-02-01", "data_fine 01/01/2024 è precedente a data_inizio 01/02/2024"},
		{`motivo_cancellazione "99" is not in code list motivo_cancellazione`, `motivo_cancellazione "99" non è nell'elenco dei codici motivo_cancellazione`},
		{"household F1 has no head (relazione_parentela 1) among its 1234 members", "la famiglia F1 non ha un intestatario (relazione_parentela 1) tra i suoi 1.234 componenti"},
		{"the codice fiscale encodes a different birth year and day than data_nascita", "il codice fiscale codifica un anno e giorno di nascita diverso da data_nascita"},
		{"Ente@Codice is the ente's Belfiore code", "Ente@Codice è il codice Belfiore dell'ente"},
		{"importo_mensile is missing", "manca importo_mensile"},
		// Not known: left as it is; a format with too little fixed text is not matched.
		{"a message of a ruleset of one's own", "a message of a ruleset of one's own"},
		{"ImportoQuotaEnte is -1.00", "ImportoQuotaEnte is -1.00"},
		{"", ""},
	} {
		if got := it.Known(tc.in); got != tc.want {
			t.Errorf("Known(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := en.Known(tc.in); got != tc.in {
			t.Errorf("English Known(%q) = %q, want it unchanged", tc.in, got)
		}
	}
}

// TestKnownFormatsMatchThemselves checks that every known format, filled
// with sample arguments, is found again and gets its own Italian text.
func TestKnownFormatsMatchThemselves(t *testing.T) {
	it := NewPrinter(Italian)
	for en, want := range known {
		locs := fmtVerb.FindAllStringIndex(en, -1)
		lit := len(fmtVerb.ReplaceAllString(en, ""))
		if len(locs) == 0 || lit < minLiteral {
			continue
		}
		var args []any
		for i, l := range locs { // distinct arguments, so that a swap shows
			switch en[l[1]-1] {
			case 'd':
				args = append(args, 7+i)
			case 'q':
				args = append(args, fmt.Sprintf("X%d", i))
			case '%':
			default:
				args = append(args, fmt.Sprintf("S%d", i))
			}
		}
		got := it.Known(sprintf(en, args...))
		texts := make([]string, len(args))
		for i, a := range args {
			texts[i] = fmt.Sprint(a)
		}
		wantText := sprintf(makeChoices(want, texts), args...)
		if got != wantText {
			t.Errorf("%q: Known gives %q, want %q", en, got, wantText)
		}
	}
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// TestKnownRejects checks the reasons of rejected rows, a date's reason
// inside one, and a plural choice filled from a count.
func TestKnownRejects(t *testing.T) {
	it := NewPrinter(Italian)
	for in, want := range map[string]string{
		"data_nascita is not a valid date: day 31 does not exist in February 1990 (it has 28 days)": "il campo data_nascita non contiene una data valida: il giorno 31 non esiste a febbraio 1990 (ha 28 giorni)",
		"codice_fiscale is malformed: has 4 bytes, want 16":                                         "codice_fiscale non valido: ha 4 caratteri, ne servono 16",
		"codice_fiscale is malformed: has 1 bytes, want 16":                                         "codice_fiscale non valido: ha 1 carattere, ne servono 16",
		"row has 1 fields, the header has 7":                                                        "la riga ha 1 campo, l'intestazione 7",
		"codice_fiscale repeats line 2":                                                             "codice_fiscale già presente alla riga 2",
		"cognome is empty":                                                                          "il campo cognome è vuoto",
	} {
		if got := it.Known(in); got != want {
			t.Errorf("Known(%q) = %q, want %q", in, got, want)
		}
	}
}
