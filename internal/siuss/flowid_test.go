package siuss

import (
	"testing"
	"time"
)

// TestFlowID: ids have the current INPS shape, fit the XSD's 50 characters
// and read back.
func TestFlowID(t *testing.T) {
	day := time.Date(2024, 6, 30, 23, 59, 0, 0, time.UTC)
	for _, tc := range []struct {
		belfiore string
		tipo     Tipo
		counter  int
		want     string
	}{
		{"F704", TipoPS, 1, "F704.PS.20240630.0000001"},
		{"A087", TipoSINBA, 42, "A087.SINBA.20240630.0000042"},
		{"F704", TipoSINBA, MaxCounter, "F704.SINBA.20240630.9999999"},
	} {
		id, err := FlowID(tc.belfiore, tc.tipo, day, tc.counter)
		if err != nil || id != tc.want {
			t.Errorf("%s %s %d: %q %v, want %s", tc.belfiore, tc.tipo, tc.counter, id, err, tc.want)
			continue
		}
		if len(id) > MaxFlowIDLen {
			t.Errorf("%s has %d characters", id, len(id))
		}
		p, err := ParseFlowID(id)
		if err != nil || p.Ente != tc.belfiore || p.Tipo != tc.tipo || p.Counter != tc.counter || !p.Day.Equal(time.Date(2024, 6, 30, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("ParseFlowID(%s) = %+v, %v", id, p, err)
		}
	}
	for _, bad := range []struct {
		belfiore string
		tipo     Tipo
		counter  int
	}{{"F70", TipoPS, 1}, {"f704", TipoPS, 1}, {"F704", "PSA", 1}, {"F704", TipoPS, 0}, {"F704", TipoPS, MaxCounter + 1}} {
		if id, err := FlowID(bad.belfiore, bad.tipo, day, bad.counter); err == nil {
			t.Errorf("%+v: %s, want an error", bad, id)
		}
	}
	for _, bad := range []string{"H501.PS.INPS.20160423.115235", "H501.PS.20210520.00000004", "F704.PS.20241301.0000001", ""} {
		if _, err := ParseFlowID(bad); err == nil {
			t.Errorf("ParseFlowID(%q) succeeded", bad)
		}
	}
}
