package app

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/siuss"
	"github.com/csi-mb/csi/internal/sqlite"
	"github.com/csi-mb/csi/internal/store"
)

// The export's tests run on a fake SIUSS source over a real store of each
// engine, and validate every flow they produce against INPS's XSDs.

var siussNow = time.Date(2024, 6, 30, 10, 0, 0, 0, time.UTC)

// fakeSource is a siussSource over fixed records; enti fall back to the
// Comune's Belfiore code from the catalogue.
type fakeSource struct {
	mu         sync.Mutex
	interventi []SiussIntervento
	sinba      []SiussSINBA
	enti       map[string]siuss.Ente
}

func (f *fakeSource) siussInterventi(_ context.Context, q SiussQuery, fn func(SiussIntervento) error) error {
	f.mu.Lock()
	list := append([]SiussIntervento(nil), f.interventi...)
	f.mu.Unlock()
	for _, it := range list {
		if contains(q.Comuni, it.Comune) {
			if err := fn(it); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *fakeSource) siussSINBA(_ context.Context, q SiussQuery, fn func(SiussSINBA) error) error {
	for _, r := range f.sinba {
		if contains(q.Comuni, r.Comune) {
			if err := fn(r); err != nil {
				return err
			}
		}
	}
	return nil
}

func (f *fakeSource) siussEnte(_ context.Context, istat string) (siuss.Ente, error) {
	e, ok := f.enti[istat]
	if !ok {
		return siuss.Ente{}, csi.Errorf(csi.ENOTFOUND, "no ente %s", istat)
	}
	return e, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// withCheck completes the first 15 characters of a codice fiscale.
func withCheck(first15 string) string { return first15 + string(codicefiscale.CheckChar(first15)) }

var operatore = withCheck("RSSMRA80A01F704")

func dec(s string) *siuss.Decimal {
	d, err := siuss.ParseDecimal(s)
	if err != nil {
		panic(err)
	}
	return &d
}

func benef(cf15, cognome string) siuss.Beneficiario {
	return siuss.Beneficiario{CodiceFiscale: withCheck(cf15), Cognome: cognome, Nome: "Nina", AnnoNascita: 1975,
		LuogoNascita: "F704", Sesso: "F", Cittadinanza: "100", Residenza: siuss.Residenza{Comune: "108033"}}
}

// periodica is a monthly contribution to a person not in charge.
func periodica(id, from, to string) siuss.Prestazione {
	return siuss.Prestazione{ID: id, PresenzaProvaMezzi: 4, Carattere: siuss.Periodica, Codice: "A1.04",
		ProtocolloDomanda: "P-" + id, DataInizio: from, DataFine: to, ImportoMensile: dec("150.00"),
		PresaCarico: siuss.PresaCaricoNo}
}

func occasionale(id, day string) siuss.Prestazione {
	return siuss.Prestazione{ID: id, PresenzaProvaMezzi: 4, Carattere: siuss.Occasionale, Codice: "A1.04",
		ProtocolloDomanda: "P-" + id, DataErogazione: day, Importo: dec("450.00"), PresaCarico: siuss.PresaCaricoNo}
}

func intervento(comune string, b siuss.Beneficiario, p siuss.Prestazione, hash uint64) SiussIntervento {
	return SiussIntervento{Comune: comune, Cartella: "C-" + p.ID, Prestazione: p, Beneficiario: b, InRegistry: true, Hash: hash}
}

var monza = siuss.Ente{Codice: "F704", Denominazione: "Comune di Monza", SedeLegale: "F704"}
var desio = siuss.Ente{Codice: "D286", Denominazione: "Comune di Desio", SedeLegale: "D286"}

// siussStore is a fresh store of one engine.
type siussStore struct {
	name string
	st   store.Store
}

func siussEngines(t *testing.T, fn func(t *testing.T, open func(*testing.T) siussStore)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, openSiussSQLite) })
	t.Run("postgres", func(t *testing.T) {
		pgtest.Required(t)
		fn(t, openSiussPostgres)
	})
}

func openSiussSQLite(t *testing.T) siussStore {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return siussNow }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return siussStore{name: "sqlite", st: db}
}

func openSiussPostgres(t *testing.T) siussStore {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, pgtest.NewDatabase(t), true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.Now = func() time.Time { return siussNow }
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return siussStore{name: "postgres", st: db}
}

// exportTest is an exporter over a store and a fake source, with a sink
// that validates every flow against the XSD.
type exportTest struct {
	t   *testing.T
	svc *Services
	src *fakeSource
	x   *siussExporter
}

func newExportTest(t *testing.T, s siussStore, src *fakeSource) *exportTest {
	svc := New(s.st)
	svc.Now = func() time.Time { return siussNow }
	state, err := s.st.LoadComuni(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range state.Comuni {
		if _, ok := src.enti[c.Istat]; !ok {
			src.enti[c.Istat] = siuss.Ente{Codice: c.Belfiore, Denominazione: "Comune di " + c.Nome, SedeLegale: c.Belfiore}
		}
	}
	return &exportTest{t: t, svc: svc, src: src, x: svc.exporter(src)}
}

func testCtx() context.Context {
	return csi.WithActor(context.Background(), csi.Actor{Name: "tester", Command: "siuss export"})
}

// xsdSink validates each flow it gets and keeps them by id.
type xsdSink struct {
	t     *testing.T
	mu    sync.Mutex
	flows map[string][]byte
	order []string
}

func newSink(t *testing.T) *xsdSink { return &xsdSink{t: t, flows: map[string][]byte{}} }

func (s *xsdSink) WriteFlow(id string, data []byte) error {
	s.t.Helper()
	mustValidateFlow(s.t, data)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.flows[id] = append([]byte(nil), data...)
	s.order = append(s.order, id)
	return nil
}

// mustValidateFlow runs xmllint --schema on a flow, against the PS or the
// SINBA XSD by its content; a machine without xmllint fails the test.
func mustValidateFlow(t *testing.T, data []byte) {
	t.Helper()
	xsd := filepath.Join("..", "siuss", "testdata", "PS_PSA_SINA201812.xsd")
	if strings.Contains(string(data), "<SINBA ") {
		xsd = filepath.Join("..", "siuss", "testdata", "SINBA.xsd")
	}
	bin, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint is not installed: install libxml2-utils; every SIUSS flow must be validated against the XSD")
	}
	path := filepath.Join(t.TempDir(), "flow.xml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command(bin, "--noout", "--schema", xsd, path).CombinedOutput(); err != nil {
		t.Fatalf("the flow does not validate against %s:\n%s\n%s", xsd, out, data)
	}
}
