package cli

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// emitting is a store whose Residents emits vs and, before each row,
// lets check see what was printed so far.
type emitting struct {
	csi.Services
	vs    []csi.PersonVersion
	check func(i int)
}

func (e emitting) Residents(_ context.Context, _, _ string, emit func(csi.PersonVersion) error) error {
	for i, v := range e.vs {
		e.check(i)
		if err := emit(v); err != nil {
			return err
		}
	}
	return nil
}

// TestResidentsPrintAsTheyAreRead: with -o json, -o csv and piped rows,
// each resident is printed before the next one is read, and the whole
// output is byte for byte what the list printer makes of the full list.
func TestResidentsPrintAsTheyAreRead(t *testing.T) {
	vs := []csi.PersonVersion{
		{Comune: "108033", CodiceFiscale: "RSSMRA85T10F704X", Cognome: "Rossi", Nome: "Mario", Indirizzo: "Via Po, 1"},
		{Comune: "108033", CodiceFiscale: "BNCLRA90A41F704Y", Cognome: "Bianchi", Nome: "Lara <&>"},
		{Comune: "108033", CodiceFiscale: "VRDGPP50C12F704K", Cognome: "Verdi", Nome: "Giuseppe\tJr"},
	}
	for _, format := range []string{FormatJSON, FormatCSV, FormatTable} {
		for _, rows := range [][]csi.PersonVersion{vs, {}} {
			var out, errOut bytes.Buffer
			f := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}, enEnv(nil))
			f.Output = format
			store := emitting{vs: rows, check: func(i int) {
				if i > 0 && !strings.Contains(out.String(), rows[i-1].CodiceFiscale) {
					t.Errorf("-o %s: row %d was not printed before row %d was read", format, i-1, i)
				}
			}}
			if err := f.printResidents(context.Background(), store, "Monza", ""); err != nil {
				t.Fatal(err)
			}
			var want, wantErr bytes.Buffer
			g := NewFactory(&IOStreams{In: &bytes.Buffer{}, Out: &want, ErrOut: &wantErr}, enEnv(nil))
			g.Output = format
			if err := g.PrintList(rows, versionsTable(rows, false), "no residents on that date"); err != nil {
				t.Fatal(err)
			}
			if out.String() != want.String() || errOut.String() != wantErr.String() {
				t.Errorf("-o %s, %d rows: printed\n%q\n%q\nwant\n%q\n%q", format, len(rows), out.String(), errOut.String(), want.String(), wantErr.String())
			}
		}
	}
}
