package httpapi

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/store"
)

// TestAppendFlussi checks that the hand-written answer of GET /flussi is
// byte for byte what encoding/json writes of the contract's structs, also
// for names that need escaping and for no flow at all.
func TestAppendFlussi(t *testing.T) {
	flows := []store.SiussFlow{
		{Ente: "F704", ID: "F704.PS.20240630.0000001", Tipo: "PS", TS: 1719741600123, XML: []byte(`<?xml version="1.0"?><Flusso a="è"/>`)},
		{Ente: "F704", ID: "F704.SINBA.20240630.0000002", Tipo: "SINBA", TS: 1719741600124, XML: []byte{0, 0xff, '"', '\\', '<', '>', '&'}},
		{Ente: "F704", ID: "F704.PS.20240630.0000003", Tipo: "PS", TS: 0, XML: nil},
	}
	for _, tc := range []struct {
		name  string
		flows []store.SiussFlow
		den   string
	}{
		{"three flows", flows, `Comune di "Monza" <&> \ è`},
		{"none", nil, "Comune di Desio"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out := []waasFlusso{}
			for _, f := range tc.flows {
				out = append(out, waasFlusso{CodiceEnte: f.Ente, DenominazioneEnte: tc.den, IDFlusso: f.ID,
					Tipo: waasTipo(f.Tipo), TSFlusso: app.TSFlusso(f.TS), Flusso: base64.StdEncoding.EncodeToString(f.XML)})
			}
			var want bytes.Buffer
			if err := json.NewEncoder(&want).Encode(map[string]any{"elenco_flussi": out}); err != nil {
				t.Fatal(err)
			}
			got := appendFlussi(nil, tc.flows, tc.den)
			if !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("appendFlussi:\n%s\nencoding/json:\n%s", got, want.Bytes())
			}
			if n := flussiSize(tc.flows, tc.den); n < len(got)-64 {
				t.Fatalf("flussiSize %d, the answer has %d bytes", n, len(got))
			}
		})
	}
}
