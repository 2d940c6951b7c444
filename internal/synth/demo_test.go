package synth

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

// memFile keeps one file of WriteDemo in memory.
type memFile struct {
	bytes.Buffer
	files map[string][]byte
	name  string
}

func (f *memFile) Close() error { f.files[f.name] = f.Bytes(); return nil }

func writeDemoMem(t testing.TB, opts Options, history bool) (*Manifest, map[string][]byte) {
	t.Helper()
	files := map[string][]byte{}
	m, err := WriteDemo(opts, history, func(name string) (io.WriteCloser, error) {
		return &memFile{files: files, name: name}, nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return m, files
}

// readRecords parses a ';' records file into maps by column name.
func readRecords(t testing.TB, data []byte) []map[string]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = rec[i]
		}
		out = append(out, row)
	}
	return out
}

// openOn reports whether a cartella is open on day d (spec §8).
func openOn(c map[string]string, d string) bool {
	return c["data_apertura"] <= d && (c["data_chiusura"] == "" || c["data_chiusura"] > d)
}

// TestDemoSeedFigures computes the seed's tables from the generated files
// at full scale, independently of the store, and compares them with the
// published figures (spec §9).
func TestDemoSeedFigures(t *testing.T) {
	m, files := writeDemoMem(t, Options{Seed: 1}, false)
	// Table 3: the residents on 1/1/2020 are the rows of the 2020 extracts.
	pop := map[string]int{}
	total := 0
	for _, f := range m.Registry {
		if f.AsOf != "2020-01-01" {
			continue
		}
		n := bytes.Count(files[f.File], []byte("\n")) - 1
		if n != f.Rows {
			t.Errorf("%s: %d rows, manifest says %d", f.File, n, f.Rows)
		}
		pop[f.Comune] = n
		total += n
	}
	if total != SeedResidents2020 || m.Residents2020 != SeedResidents2020 || len(pop) != 55 {
		t.Errorf("residents on 1/1/2020 = %d (manifest %d) in %d Comuni, want 870193 in 55", total, m.Residents2020, len(pop))
	}
	// Table 1.
	ambito := map[string]string{}
	for _, c := range Comuni() {
		ambito[c.Istat] = c.Ambito
	}
	acc := map[string]map[string]int{"2015-2017": {}, "2018-2020": {}}
	for _, a := range readRecords(t, files["accessi.csv"]) {
		switch y := a["data_accesso"][:4]; {
		case y >= "2015" && y <= "2017":
			acc["2015-2017"][ambito[a["comune"]]]++
		case y >= "2018" && y <= "2020":
			acc["2018-2020"][ambito[a["comune"]]]++
		}
	}
	for _, s := range SeedAccessi {
		if acc["2015-2017"][s.Ambito] != s.P2015 || acc["2018-2020"][s.Ambito] != s.P2018 {
			t.Errorf("accessi of %s = %d, %d; want %d, %d", s.Ambito, acc["2015-2017"][s.Ambito], acc["2018-2020"][s.Ambito], s.P2015, s.P2018)
		}
	}
	checkCartelle(t, readRecords(t, files["cartelle.csv"]), pop)
}

// checkCartelle checks table 2, table 3 and the 45/5/5 distribution.
func checkCartelle(t *testing.T, cartelle []map[string]string, pop map[string]int) {
	t.Helper()
	balance := 0
	for _, c := range cartelle {
		if openOn(c, "2014-12-31") {
			balance++
		}
	}
	if balance != 743 {
		t.Errorf("open on 31/12/2014 = %d, want 743", balance)
	}
	want := map[string][2]int{"2015": {720, 17}, "2016": {270, 73}, "2017": {9736, 5689}, "2018": {1825, 781},
		"2019": {2072, 901}, "2020": {1959, 1041}}
	got := map[string][2]int{}
	open2020, new2020 := map[string]int{}, 0
	for _, c := range cartelle {
		g := got[c["data_apertura"][:4]]
		g[0]++
		got[c["data_apertura"][:4]] = g
		if c["data_chiusura"] != "" {
			g := got[c["data_chiusura"][:4]]
			g[1]++
			got[c["data_chiusura"][:4]] = g
		}
		if openOn(c, "2020-12-31") {
			open2020[c["comune"]]++
			if c["data_apertura"] >= "2020-01-01" {
				new2020++
			}
		}
	}
	for y, w := range want {
		if got[y] != w {
			t.Errorf("%s: opened/closed %v, want %v", y, got[y], w)
		}
	}
	sum := 0
	var bands [3]int
	for istat, p := range pop {
		a := open2020[istat]
		sum += a
		switch {
		case 100*a < p:
			bands[0]++
		case 100*a <= 2*p:
			bands[1]++
		default:
			bands[2]++
		}
	}
	if sum != 8823 || new2020 != 1959 || bands != SeedBands {
		t.Errorf("open on 31/12/2020 = %d, of which new %d; bands %v; want 8823, 1959, [45 5 5]", sum, new2020, bands)
	}
}

// TestDemoRecordsConsistent checks what validation relies on in the
// generated records, apart from the planted problems.
func TestDemoRecordsConsistent(t *testing.T) {
	m, files := writeDemoMem(t, Options{Seed: 3, Scale: 0.3}, true)
	if len(m.Planted) < 10 {
		t.Errorf("planted %v", m.Planted)
	}
	cartelle := map[string]map[string]string{}
	openByPerson := map[string]int{}
	for _, c := range readRecords(t, files["cartelle.csv"]) {
		cartelle[c["id_cartella"]] = c
		if err := codicefiscale.Validate(c["codice_fiscale"]); err != nil {
			t.Errorf("cartella %s: %v", c["id_cartella"], err)
		}
		if c["data_chiusura"] != "" && c["data_chiusura"] <= c["data_apertura"] {
			t.Errorf("cartella %s closed before it opened", c["id_cartella"])
		}
		if (c["data_chiusura"] == "") != (c["motivo_chiusura"] == "") && !strings.Contains(strings.Join(m.Planted, "\n"), "closing reason") {
			t.Errorf("cartella %s: closing date and reason disagree", c["id_cartella"])
		}
		if c["data_chiusura"] == "" {
			openByPerson[c["comune"]+c["codice_fiscale"]]++
		}
	}
	dups := 0
	for _, n := range openByPerson {
		dups += n - 1
	}
	if dups > 1 {
		t.Errorf("%d people have more than one open cartella; only one is planted", dups)
	}
	bad := 0
	for _, x := range readRecords(t, files["interventi.csv"]) {
		c, ok := cartelle[x["id_cartella"]]
		end := c["data_chiusura"]
		if end == "" {
			end = "9999"
		}
		switch {
		case !ok,
			x["carattere"] == "P" && (x["data_inizio"] < c["data_apertura"] || x["data_fine"] > end || x["importo_mensile"] == ""),
			x["carattere"] == "O" && (x["data_erogazione"] < c["data_apertura"] || x["data_erogazione"] > end || x["importo"] == ""),
			x["misura"] == "B2" && (x["carattere"] != "P" || !strings.HasPrefix(x["codice_prestazione"], "A1.")),
			x["codice_prestazione"] >= "A2.16" && x["codice_prestazione"] <= "A2.29" && x["presa_in_carico"] != "S":
			bad++
		}
	}
	if bad != 5 { // the five planted interventi
		t.Errorf("%d interventi break a rule, want the 5 planted", bad)
	}
}

// TestDemoImportOrder checks that every Comune's extracts come in date
// order, as the registry import requires, even at a small scale.
func TestDemoImportOrder(t *testing.T) {
	for _, history := range []bool{false, true} {
		m, _ := writeDemoMem(t, Options{Seed: 2, Scale: 0.01}, history)
		last := map[string]string{}
		for _, f := range m.Registry {
			if f.AsOf <= last[f.Comune] {
				t.Errorf("%s as of %s comes after an extract as of %s", f.File, f.AsOf, last[f.Comune])
			}
			last[f.Comune] = f.AsOf
		}
		want := 55 + 5 // the 2020 extracts and the updates
		if history {
			want += 55 + 10
		}
		if len(m.Registry) != want {
			t.Errorf("history %v: %d extracts, want %d", history, len(m.Registry), want)
		}
	}
}

func TestDemoDeterministic(t *testing.T) {
	digest := func(seed int64) [32]byte {
		_, files := writeDemoMem(t, Options{Seed: seed, Scale: 0.02}, false)
		h := sha256.New()
		for _, name := range []string{"accessi.csv", "cartelle.csv", "interventi.csv", "anagrafe/108033-2020-01-01.csv"} {
			h.Write(files[name])
		}
		return [32]byte(h.Sum(nil))
	}
	a, b := digest(5), digest(5)
	if a != b {
		t.Error("same seed, different files")
	}
	if a == digest(6) {
		t.Error("different seeds, same files")
	}
}

// TestDemoRegistryMatchesProvince checks that the demo's 2020 extracts hold
// the rows of WriteAnagrafe, sorted by codice fiscale.
func TestDemoRegistryMatchesProvince(t *testing.T) {
	opts := Options{Seed: 1, Scale: 0.02}
	_, files := writeDemoMem(t, opts, false)
	c := Comuni()[1]
	var buf bytes.Buffer
	if _, err := WriteAnagrafe(&buf, c, opts); err != nil {
		t.Fatal(err)
	}
	want := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")[1:]
	got := strings.Split(strings.TrimSuffix(string(files["anagrafe/"+c.Istat+"-2020-01-01.csv"]), "\n"), "\n")[1:]
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	index := map[string]bool{}
	for _, w := range want {
		index[w] = true
	}
	for i, g := range got {
		if !index[g] || (i > 0 && got[i-1][:16] >= g[:16]) {
			t.Fatalf("row %d %.16s not from WriteAnagrafe or not in CF order", i, g)
		}
	}
}

// TestDemoSiuss: the interventi carry the SIUSS fields, most complete and a
// realistic share not; the SINA assessments are of people in charge for
// disability or old age, the SINBA records of children's cartelle.
func TestDemoSiuss(t *testing.T) {
	_, files := writeDemoMem(t, Options{Seed: 3, Scale: 0.3}, false)
	cartelle := map[string]map[string]string{}
	for _, c := range readRecords(t, files["cartelle.csv"]) {
		cartelle[c["id_cartella"]] = c
	}
	rows := readRecords(t, files["interventi.csv"])
	noProtocol, partialDSU, quote := 0, 0, 0
	for _, x := range rows {
		if x["protocollo_domanda"] == "" {
			noProtocol++
		}
		if n := btoi(x["numero_protocollo_dsu"] != "") + btoi(x["anno_protocollo_dsu"] != "") + btoi(x["data_dsu"] != ""); n == 1 || n == 2 {
			partialDSU++
		}
		if x["quota_ente"] != "" {
			quote++
		}
	}
	n := len(rows)
	if noProtocol == 0 || noProtocol > n/5 || partialDSU == 0 || partialDSU > n/10 || quote < n/5 {
		t.Errorf("%d interventi: %d without protocollo, %d with a partial DSU, %d with quote", n, noProtocol, partialDSU, quote)
	}
	sina := readRecords(t, files["valutazioni-sina.csv"])
	for _, v := range sina {
		if _, err := time.Parse(time.DateOnly, v["data_valutazione"]); err != nil || codicefiscale.Validate(v["codice_fiscale"]) != nil {
			t.Errorf("assessment %v", v)
		}
	}
	sinba := readRecords(t, files["sinba.csv"])
	for _, s := range sinba {
		c, ok := cartelle[s["id_cartella"]]
		if !ok || c["area"] != "FAM" || s["prestazioni"] == "" || len(s["data_prima_segnalazione"]) != 7 {
			t.Errorf("SINBA record %v of cartella %v", s, c)
		}
	}
	if len(sina) < 100 || len(sinba) < 100 {
		t.Errorf("%d assessments, %d SINBA records", len(sina), len(sinba))
	}
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// TestWriteDemoEachTellsEachExtract: WriteDemoEach tells of every registry
// extract once its file is closed, in the manifest's import order, with the
// Comuni and Referenti already known; an error of ready stops it.
func TestWriteDemoEachTellsEachExtract(t *testing.T) {
	files := map[string][]byte{}
	create := func(name string) (io.WriteCloser, error) { return &memFile{files: files, name: name}, nil }
	var told []RegistryFile
	m, err := WriteDemoEach(Options{Seed: 3, Scale: 0.01}, false, create, func(m *Manifest, f RegistryFile) error {
		if len(m.Comuni) != 55 || len(m.Referenti) != 5 {
			t.Fatalf("told of %s with %d Comuni and %d referents", f.File, len(m.Comuni), len(m.Referenti))
		}
		if files[f.File] == nil {
			t.Errorf("told of %s before it was closed", f.File)
		}
		told = append(told, f)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(told) != 60 || !slices.Equal(told, m.Registry) {
		t.Errorf("told of %d extracts, the manifest lists %d (or another order)", len(told), len(m.Registry))
	}
	stop := errors.New("stop")
	n := 0
	_, err = WriteDemoEach(Options{Seed: 3, Scale: 0.01}, false, create, func(*Manifest, RegistryFile) error {
		if n++; n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("ready's error: got %v after %d extracts, want it after 3", err, n)
	}
}
