package cli

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"testing"
)

// checkDemoFlows validates every flow the demo wrote against INPS's XSD,
// in one xmllint run; a demo that wrote no flow fails.
func checkDemoFlows(t *testing.T, dir string) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.xml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the demo wrote no SIUSS flow in %s (%v)", dir, err)
	}
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed: install libxml2-utils; every SIUSS flow must be validated against the XSD")
	}
	args := append([]string{"--noout", "--schema", filepath.Join("..", "siuss", "testdata", "PS_PSA_SINA201812.xsd")}, files...)
	out, err := exec.Command(bin, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("the demo's flows do not all validate: %v\n%s", err, firstLines(out, 20))
	}
	if n := bytes.Count(out, []byte(" validates\n")); n != len(files) {
		t.Errorf("xmllint validated %d of the demo's %d flows", n, len(files))
	}
}

func firstLines(b []byte, n int) []byte {
	lines := bytes.SplitN(b, []byte("\n"), n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return bytes.Join(lines, []byte("\n"))
}
