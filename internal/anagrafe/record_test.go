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
