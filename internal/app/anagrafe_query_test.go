package app_test

import (
	"bytes"
	"errors"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/synth"
)

// TestResidentsStreams: Residents hands the rows to its callback one at a
// time, in the same order each time, while the query runs (a callback that stops the read
// stops it at once), and each row costs a bounded number of allocations,
// whatever the size of the Comune.
func TestResidentsStreams(t *testing.T) {
	eachEngine(t, func(t *testing.T, newEngine func(*testing.T) engine) {
		fx := newEngine(t)
		ctx := onboarded(t, fx, "108023")
		var c synth.Comune
		for _, m := range synth.Comuni() {
			if m.Istat == "108023" {
				c = m
			}
		}
		var buf bytes.Buffer
		if _, err := synth.WriteAnagrafe(&buf, c, synth.Options{Seed: 1, Scale: 0.02}); err != nil {
			t.Fatal(err)
		}
		if _, err := fx.svc.ImportAnagrafe(ctx, csi.AnagrafeImport{Comune: "108023", Mode: csi.ModeSnapshot, AsOf: "2024-06-01"},
			bytesSource("a.csv", buf.Bytes())); err != nil {
			t.Fatal(err)
		}
		total, err := fx.svc.CountResidents(ctx, "108023", "")
		if err != nil || total < 200 {
			t.Fatalf("%d residents, %v", total, err)
		}
		var seen []string
		stop := errors.New("enough")
		err = fx.svc.Residents(ctx, "108023", "", func(v csi.PersonVersion) error {
			seen = append(seen, v.Cognome+" "+v.Nome+" "+v.CodiceFiscale)
			if len(seen) == 10 {
				return stop
			}
			return nil
		})
		if !errors.Is(err, stop) || len(seen) != 10 {
			t.Fatalf("the callback's error did not stop the read: %v after %d rows", err, len(seen))
		}
		n := 0
		if err := fx.svc.Residents(ctx, "108023", "", func(v csi.PersonVersion) error {
			if n < len(seen) && v.Cognome+" "+v.Nome+" "+v.CodiceFiscale != seen[n] {
				t.Fatalf("row %d differs from the first read's", n)
			}
			n++
			return nil
		}); err != nil || n != total {
			t.Fatalf("%d rows, %v; want %d", n, err, total)
		}
		// Allocations per row do not grow with the Comune: a whole read of all
		// of them costs about as much per row as a read of ten.
		perRow := func(limit int) float64 {
			return testing.AllocsPerRun(3, func() {
				i := 0
				_ = fx.svc.Residents(ctx, "108023", "", func(csi.PersonVersion) error {
					if i++; i == limit {
						return stop
					}
					return nil
				})
			}) / float64(limit)
		}
		few, all := perRow(10), perRow(total)
		if all > few*1.5 || all > 100 {
			t.Errorf("%.1f allocations per row over %d rows, %.1f over 10: the read grows with the Comune", all, total, few)
		}
	})
}
