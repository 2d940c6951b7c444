package sqlite

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

// recordFiles are imports whose rows insert, update, leave unchanged,
// reject, and adopt: interventi stored without a Comune before their
// cartelle came, then sent again with it (twice for I3, in two Comuni: only
// the first drops the copy).
var recordFiles = []struct{ kind, data string }{
	{"cartelle", "id_cartella;codice_fiscale;comune;data_apertura;area\n" +
		"1;RSSMRA80A01F704Z;108033;2020-01-10;minori\n2;VRDLGU70B02F704Y;108033;2020-02-10;anziani\n3;BNCNNA60C43F704X;108002;2020-03-10;disabili\n"},
	{"interventi", "id_intervento;id_cartella;codice_prestazione;carattere;importo_mensile;importo;comune\n" +
		"I1;9;A1.04;P;400,00;;\nI2;9;A2.07;O;;1,250;\nI3;9;A2.07;O;;15,00;\nI4;9;A2.07;O;;16,00;\n"},
	{"cartelle", "id_cartella;codice_fiscale;comune;data_apertura;area\n" +
		"9;RSSMRA80A01F704Z;108033;2020-01-10;minori\n9;BNCNNA60C43F704X;108002;2020-03-10;disabili\n"},
	{"interventi", "id_intervento;id_cartella;codice_prestazione;carattere;importo_mensile;importo;comune\n" +
		"I1;9;A1.04;P;400,00;;108033\nI2;9;A2.07;O;;1,250;108033\nI3;9;A2.07;O;;15,00;108033\nI3;9;A2.07;O;;15,00;108002\n" +
		"I5;1;A1.04;P;100,00;;108033\nI6;2;A1.04;P;200,00;;108033\nI7;3;A1.04;P;300,00;;108002\n"},
	{"interventi", "id_intervento;id_cartella;codice_prestazione;carattere;importo_mensile;importo;comune\n" +
		"I1;9;A1.04;P;450,00;;108033\nI2;9;A2.07;O;;1,250;108033\nI5;1;A1.04;P;100,00;;108033\nI5;1;A1.04;P;100,00;;108033\n" +
		"I6;2;A1.04;P;200,00;;108033\nI7;3;A1.04;P;300,00;;108002\nI8;3;A1.04;P;300,00;;108002\n"},
}

// importRecordFiles runs recordFiles on a fresh store and returns each
// summary and the stored rows.
func importRecordFiles(t *testing.T) []string {
	t.Helper()
	db, ctx := onboarded(t, "108033")
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108002", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	var out []string
	for i, f := range recordFiles {
		sum, err := services(db).ImportRecords(ctx, csi.RecordImport{Kind: f.kind}, bytesSource(fmt.Sprintf("f%d.csv", i), []byte(f.data)))
		if err != nil {
			t.Fatalf("file %d: %v", i, err)
		}
		sum.DurationMS = 0
		js, _ := json.Marshal(sum)
		out = append(out, string(js))
	}
	for _, table := range []string{"cartelle", "interventi"} {
		rows, err := db.SQL().QueryContext(ctx, "SELECT * FROM "+table+" ORDER BY comune, 1")
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			out = append(out, fmt.Sprint(vals...))
		}
		rows.Close()
	}
	return out
}

// TestChunkedRecordWritesMatchRowByRow: the multi-row upserts and the
// adoptions of a chunk store and count exactly what row-by-row writes do.
func TestChunkedRecordWritesMatchRowByRow(t *testing.T) {
	defer func(n int) { writeChunk = n }(writeChunk)
	writeChunk = 1 << 20 // every batch is shorter: row by row
	want := importRecordFiles(t)
	if !strings.Contains(want[3], `"updated":3`) || !strings.Contains(want[4], `"rejected":1`) {
		t.Fatalf("the scenario did not adopt and reject as planned:\n%s", strings.Join(want[:5], "\n"))
	}
	for _, n := range []int{2, 3} {
		writeChunk = n
		got := importRecordFiles(t)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("chunks of %d rows:\n%s\nwant (row by row):\n%s", n, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
}
