package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/rogpeppe/go-internal/testscript"
)

// xsdCmd is the script command "xsd PATH...": every .xml file among the
// paths (files, or folders read one level deep) must validate against
// INPS's official XSD, the PS-PSA-SINA or the SINBA one by its content,
// with xmllint --schema; a path without any flow fails, so that a script
// cannot validate nothing. Without xmllint the script fails: the XSD check
// is never skipped.
func xsdCmd(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) == 0 {
		ts.Fatalf("usage: xsd PATH...")
	}
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		ts.Fatalf("xmllint is not installed: install libxml2-utils; every SIUSS flow must be validated against the XSD")
	}
	xsdDir, err := filepath.Abs(filepath.Join("..", "siuss", "testdata"))
	ts.Check(err)
	n := 0
	for _, p := range flowFiles(ts, args) {
		data, err := os.ReadFile(p)
		ts.Check(err)
		xsd := filepath.Join(xsdDir, "PS_PSA_SINA201812.xsd")
		if strings.Contains(string(data), "<SINBA ") {
			xsd = filepath.Join(xsdDir, "SINBA.xsd")
		}
		if out, err := exec.Command(bin, "--noout", "--schema", xsd, p).CombinedOutput(); err != nil {
			ts.Fatalf("%s does not validate against %s:\n%s", p, filepath.Base(xsd), out)
		}
		n++
	}
	if n == 0 {
		ts.Fatalf("xsd: no .xml flow in %s", strings.Join(args, " "))
	}
}

func flowFiles(ts *testscript.TestScript, args []string) []string {
	var out []string
	for _, a := range args {
		p := ts.MkAbs(a)
		st, err := os.Stat(p)
		ts.Check(err)
		if !st.IsDir() {
			out = append(out, p)
			continue
		}
		m, err := filepath.Glob(filepath.Join(p, "*.xml"))
		ts.Check(err)
		out = append(out, m...)
	}
	return out
}
