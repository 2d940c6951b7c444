package cli

import (
	"bytes"
	"context"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/csi-mb/csi/internal/rules"
)

// TestValidateJUnit parses the JUnit report back: one suite per rule of the
// ruleset, a failing case per finding at or above --fail-on (warnings only
// with --fail-on warning), a passing case for a clean rule.
func TestValidateJUnit(t *testing.T) {
	errors := map[string]string{
		"cartella-chiusura-motivo cartella C1": "error",
		"cartella-area cartella C2":            "error",
	}
	all := map[string]string{
		"cartella-chiusura-motivo cartella C1": "error",
		"cartella-area cartella C2":            "error",
		"cartella-residente cartella C1":       "warning",
		"cartella-residente cartella C2":       "warning",
	}
	for _, tc := range []struct {
		flags []string
		want  map[string]string
	}{
		{nil, errors},
		{[]string{"--fail-on", "error"}, errors},
		{[]string{"--fail-on", "warning"}, all},
	} {
		t.Run(fmt.Sprint(tc.flags), func(t *testing.T) { checkJUnit(t, tc.flags, tc.want) })
	}
}

func checkJUnit(t *testing.T, flags []string, want map[string]string) {
	dir := t.TempDir()
	db := filepath.Join(dir, "csi.db")
	file := filepath.Join(dir, "cartelle.csv")
	data := "id_cartella;codice_fiscale;comune;data_apertura;data_chiusura;motivo_chiusura;area;case_manager\n" +
		"C1;BRMGPP50C12F704K;108033;2020-01-15;2020-02-01;;ANZ;AS1\n" +
		"C2;BRMGPP50C12F704K;108033;2020-03-01;;;XYZ;AS1\n"
	if err := os.WriteFile(file, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	runCSI(t, db, "init")
	runCSI(t, db, "comuni", "onboard", "108033")
	runCSI(t, db, "records", "import", "cartelle", file)
	var out, errOut bytes.Buffer
	io := &IOStreams{In: &bytes.Buffer{}, Out: &out, ErrOut: &errOut}
	env := map[string]string{"CSI_DB": db, "CSI_NOW": "2024-06-30"}
	if code := Run(context.Background(), append([]string{"validate", "-o", "junit"}, flags...), io, enEnv(env)); code != ExitValidation {
		t.Fatalf("exit %d, want %d: %s", code, ExitValidation, errOut.String())
	}
	var report struct {
		XMLName  xml.Name `xml:"testsuites"`
		Tests    int      `xml:"tests,attr"`
		Failures int      `xml:"failures,attr"`
		Suites   []struct {
			Name     string `xml:"name,attr"`
			Failures int    `xml:"failures,attr"`
			Cases    []struct {
				Name    string `xml:"name,attr"`
				Failure *struct {
					Type    string `xml:"type,attr"`
					Message string `xml:"message,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out.Bytes(), &report); err != nil {
		t.Fatalf("the JUnit report does not parse: %v\n%s", err, out.String())
	}
	rs, _ := rules.Builtin()
	if len(report.Suites) != len(rs.Rules) {
		t.Errorf("%d suites, want one per rule (%d)", len(report.Suites), len(rs.Rules))
	}
	failed := map[string]string{}
	for _, s := range report.Suites {
		for _, c := range s.Cases {
			if c.Failure != nil {
				failed[s.Name+" "+c.Name] = c.Failure.Type
			}
		}
	}
	if report.Failures != len(want) || len(failed) != len(want) {
		t.Errorf("failures %d (%v), want %v", report.Failures, failed, want)
	}
	for k, sev := range want {
		if failed[k] != sev {
			t.Errorf("case %q: severity %q, want %q", k, failed[k], sev)
		}
	}
}
