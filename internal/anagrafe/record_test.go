package anagrafe

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/dialect"
)

func parseAll(t *testing.T, csv string) ([]*Record, []*Reject) {
	t.Helper()
	r, err := dialect.Open(strings.NewReader(csv), Schema, dialect.Options{File: "t.csv"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := NewParser("108033", OldCodes, r.NumColumns())
	var recs []*Record
	var rejs []*Reject
	for {
		row, err := r.Next()
		if err != nil {
			break
		}
		rec, rej := p.Parse(row)
		if rej != nil {
			rejs = append(rejs, rej)
		} else {
			recs = append(recs, rec)
		}
	}
	return recs, rejs
}

func TestParseRejects(t *testing.T) {
	const head = "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;comune_residenza\n"
	recs, rejs := parseAll(t, head+
		"BRMGPP50C12F704A;Brambilla;Giuseppe;M;12/03/1950;F704;108033\n"+ // wrong check character
		"BRMGPP50;Brambilla;Giuseppe;M;12/03/1950;F704;108033\n"+ // malformed
		"CLMMRA55L41F704H;Colombo;Maria;F;01/07/1955;F704;015149\n"+ // old Monza code: accepted
		"CLMMRA55L41F704H;Colombo;Maria;F;01/07/1955;F704;108034\n") // another Comune
	if len(recs) != 1 || recs[0].CF != "CLMMRA55L41F704H" || recs[0].Values[ColDataNascita] != "1955-07-01" {
		t.Fatalf("records %+v", recs)
	}
	want := []struct {
		line     int
		column   string
		cf       string
		contains string
	}{
		{2, "codice_fiscale", "BRMGPP50C12F704K", "check character"},
		{3, "codice_fiscale", "", "malformed"},
		{5, "comune_residenza", "CLMMRA55L41F704H", "not the Comune"},
	}
	if len(rejs) != len(want) {
		t.Fatalf("rejects %+v", rejs)
	}
	for i, w := range want {
		r := rejs[i]
		if r.Line != w.line || r.Column != w.column || r.CF != w.cf || !strings.Contains(r.Reason, w.contains) {
			t.Errorf("reject %d = %+v, want %+v", i, r, w)
		}
	}
}

func TestParseSpreadsheetValues(t *testing.T) {
	const head = "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;comune_residenza;data_iscrizione;data_cancellazione\n"
	recs, rejs := parseAll(t, head+
		"BRMGPP50C12F704K;Brambilla;Giuseppe;M;19500312;F704;15149;00/00/0000;0000-00-00\n"+ // lost leading zero, zero dates
		"CLMMRA55L41F704H;Colombo;Maria;F;00/00/0000;F704;108033;;\n"+ // required zero date
		"NCLZOE10A45D286L;Nicolò;Zoë;F;05/01/2010;D286;8033;;\n"+ // padded, but another Comune
		"RSSMRA85T10F704Z;Rossi;Mario;M;1985-12-10;F704;10803;;\n") // not a code even padded
	if len(recs) != 1 {
		t.Fatalf("records %+v, rejects %+v", recs, rejs)
	}
	r := recs[0]
	if r.Values[ColDataNascita] != "1950-03-12" || r.Values[ColDataIscrizione] != "" || r.Values[ColDataCancellazione] != "" || r.Cancelled() {
		t.Errorf("record values %q", r.Values)
	}
	want := []struct {
		line           int
		column, reason string
	}{
		{3, "data_nascita", "data_nascita is empty (the zero date 00/00/0000)"},
		{4, "comune_residenza", "comune_residenza 8033 is not the Comune being imported (108033)"},
		{5, "comune_residenza", "comune_residenza 10803 has 5 digits, and 010803 (with the leading zeros an ISTAT code has) is not a known Comune code"},
	}
	if len(rejs) != len(want) {
		t.Fatalf("rejects %+v", rejs)
	}
	for i, w := range want {
		if rj := rejs[i]; rj.Line != w.line || rj.Column != w.column || rj.Reason != w.reason {
			t.Errorf("reject %d = %d %s %q, want %+v", i, rj.Line, rj.Column, rj.Reason, w)
		}
	}
}
