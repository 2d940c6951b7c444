package app

import (
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
)

func TestMassExitRowsPlural(t *testing.T) {
	for n, want := range map[int]string{1: "and 1 row was rejected (line 3: x)", 2: "and 2 rows were rejected (line 3: x)"} {
		err := massExitError(&csi.ImportSummary{Rejected: n, Rejects: []csi.RejectedRow{{Line: 3, Reason: "x"}, {Line: 4, Reason: "x"}}}, 2, 3)
		if msg := err.Error(); !strings.Contains(msg, "(66.7%), more than 10%, "+want) {
			t.Errorf("mass-exit message with %d rows rejected: %q", n, msg)
		}
	}
}
