package app

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func TestRowsWerePlural(t *testing.T) {
	for n, want := range map[int]string{1: "1 row was", 2: "2 rows were", 0: "0 rows were"} {
		if got := rowsWere(n); got != want {
			t.Errorf("rowsWere(%d) = %q, want %q", n, got, want)
		}
	}
	err := massExitError(&csi.ImportSummary{Rejected: 1, Rejects: []csi.RejectedRow{{Line: 3, Reason: "x"}}}, 2, 3)
	if msg := err.Error(); !strings.Contains(msg, "and 1 row was rejected (") {
		t.Errorf("mass-exit message %q", msg)
	}
}
