package synth

import (
	"bytes"
	"io"
	"strings"
	"testing"
)

type memFiles map[string]*bytes.Buffer

type nopCloser struct{ *bytes.Buffer }

func (nopCloser) Close() error { return nil }

func (m memFiles) create(name string) (io.WriteCloser, error) {
	m[name] = &bytes.Buffer{}
	return nopCloser{m[name]}, nil
}

// TestWriteMonitoring: the registers depend on the seed only, hold every
// event type in both years, and the operator ids are synthetic.
func TestWriteMonitoring(t *testing.T) {
	a, b, c := memFiles{}, memFiles{}, memFiles{}
	ma, err := WriteMonitoring(1, a.create)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := WriteMonitoring(1, b.create); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteMonitoring(2, c.create); err != nil {
		t.Fatal(err)
	}
	for name := range a {
		if a[name].String() != b[name].String() {
			t.Errorf("%s differs for the same seed", name)
		}
	}
	if a[ma.Eventi].String() == c[ma.Eventi].String() {
		t.Error("the events do not depend on the seed")
	}
	ev := a[ma.Eventi].String()
	for _, tipo := range []string{"incontro_istituzionale", "corso_assistenti_sociali", "corso_amministrativi", "formazione_debiti", "tavolo_linee_guida"} {
		for _, y := range []string{";2022-", ";2023-"} {
			if !strings.Contains(ev, "\n"+tipo+y) {
				t.Errorf("no %s in %s", tipo, y[1:5])
			}
		}
	}
	if n := strings.Count(ev, "\n") - 1; n != ma.Events {
		t.Errorf("%d event rows, manifest says %d", n, ma.Events)
	}
	ops := a[ma.Operatori[0]].String()
	if !strings.HasPrefix(strings.Split(ops, "\n")[1], "utente.108") || len(ma.Operatori) != 2 {
		t.Errorf("operators: %q", ops[:80])
	}
}
