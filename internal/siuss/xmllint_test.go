package siuss

import (
	"os"
	"strings"
	"testing"
)

// TestXMLLintRejectsInvalidFlows keeps the XSD check honest: INPS's own
// examples validate, and the same flows broken in ways the schema forbids
// are refused.
func TestXMLLintRejectsInvalidFlows(t *testing.T) {
	ps, err := os.ReadFile("testdata/ex1_ps.xml")
	if err != nil {
		t.Fatal(err)
	}
	sinba, err := os.ReadFile("testdata/ex2_sinba.xml")
	if err != nil {
		t.Fatal(err)
	}
	mustValidate(t, xsdPS, ps)
	mustValidate(t, xsdSINBA, sinba)
	for _, tc := range []struct {
		name, xsd, old, new string
		data                []byte
	}{
		{"hours as HH:MM", xsdPS, `OreServizioMensile="2.59"`, `OreServizioMensile="02:30"`, ps},
		{"decimal comma", xsdPS, `ImportoMensile="101.23"`, `ImportoMensile="101,23"`, ps},
		{"ISTAT citizenship letters", xsdPS, `CodiceCittadinanza="380"`, `CodiceCittadinanza="IT"`, ps},
		{"wrong namespace", xsdPS, `xmlns="http://inps.it/Casellario"`, `xmlns="http://inps.it/Other"`, ps},
		{"period 13", xsdPS, `PeriodoErogazione="1"`, `PeriodoErogazione="13"`, ps},
		{"SINBA date not MM/YYYY", xsdSINBA, `DataPrimaSegnalazione="01/2010"`, `DataPrimaSegnalazione="2010-01"`, sinba},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(tc.data), tc.old, tc.new, 1)
			if bad == string(tc.data) {
				t.Fatalf("%q is not in the example", tc.old)
			}
			if xmllint(t, tc.xsd, []byte(bad)) == "" {
				t.Errorf("xmllint accepted a flow with %s", tc.name)
			}
		})
	}
}
