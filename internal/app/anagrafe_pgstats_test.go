package app_test

import (
	"bytes"
	"strconv"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/synth"
)

// TestImportAnalyzesStaleStatistics: on PostgreSQL, an import into a Comune
// whose residents the planner's statistics do not know (a large load that
// autovacuum has not analyzed yet) first analyzes persone, so that its joins
// with the staging table are not planned as nested loops over thousands of
// rows (37 s instead of under one for a Comune of 13,715 residents).
func TestImportAnalyzesStaleStatistics(t *testing.T) {
	fx := postgresFixture(t)
	ctx := onboarded(t, fx, "108033")
	fx.exec(t, "ALTER TABLE persone SET (autovacuum_enabled = false)")
	var c synth.Comune
	for _, m := range synth.Comuni() {
		if m.Istat == "108033" {
			c = m
		}
	}
	var buf bytes.Buffer
	if _, err := synth.WriteAnagrafe(&buf, c, synth.Options{Seed: 1, Scale: 0.05}); err != nil {
		t.Fatal(err)
	}
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-06-01"}
	if _, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("a.csv", buf.Bytes())); err != nil {
		t.Fatal(err)
	}
	n, _ := strconv.Atoi(fx.scalar(t, "SELECT count(*)::text FROM persone WHERE comune = '108033'"))
	if n < 1000 {
		t.Fatalf("%d residents: too few for the check", n)
	}
	if got := fx.scalar(t, "SELECT reltuples::bigint::text FROM pg_class WHERE relname = 'persone'"); got != "-1" {
		t.Fatalf("persone analyzed after its first load (reltuples %s): the test cannot tell", got)
	}
	// The next month's extract: the last ten residents have left.
	data := buf.Bytes()
	for range 10 {
		data = data[:bytes.LastIndexByte(data[:len(data)-1], '\n')+1]
	}
	req.AsOf = "2024-07-01"
	if _, err := fx.svc.ImportAnagrafe(ctx, req, bytesSource("b.csv", data)); err != nil {
		t.Fatal(err)
	}
	got, _ := strconv.Atoi(fx.scalar(t, "SELECT reltuples::bigint::text FROM pg_class WHERE relname = 'persone'"))
	if got < n {
		t.Errorf("persone's statistics count %d rows after the second import, want at least %d: not analyzed", got, n)
	}
}
