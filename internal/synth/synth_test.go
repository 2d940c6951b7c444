package synth

import (
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"errors"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

// province returns the province extract at the given scale and seed.
func province(t testing.TB, seed int64, scale float64) ([]byte, int) {
	t.Helper()
	var buf bytes.Buffer
	n, err := WriteProvince(&buf, Options{Seed: seed, Scale: scale})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), n
}

// parse splits an extract into rows of 16 fields, header checked.
func parse(t testing.TB, data []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(data))
	r.Comma = ';'
	r.FieldsPerRecord = 16
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(recs[0], Header()) {
		t.Fatalf("header = %v", recs[0])
	}
	return recs[1:]
}

func TestHeader(t *testing.T) {
	want := "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;cittadinanza;comune_residenza;" +
		"indirizzo;civico;cap;codice_famiglia;relazione_parentela;stato_civile;data_iscrizione;motivo_iscrizione"
	if got := strings.Join(Header(), ";"); got != want || len(Header()) != 16 {
		t.Errorf("Header() = %q", got)
	}
}

func TestComuni(t *testing.T) {
	cs := Comuni()
	total := 0
	for _, c := range cs {
		total += c.Popolazione
		if len(c.Istat) != 6 || len(c.Belfiore) != 4 || c.Nome == "" || c.Ambito == "" || pools().capByIst[c.Istat] == "" {
			t.Errorf("incomplete Comune %+v", c)
		}
	}
	if len(cs) != 55 || total != 870_193 {
		t.Errorf("%d Comuni, %d residents; want 55 and 870193", len(cs), total)
	}
	cs[0].Nome = "changed"
	if Comuni()[0].Nome == "changed" {
		t.Error("Comuni returns the package's own slice")
	}
}

func TestDeterminism(t *testing.T) {
	a, _ := province(t, 42, 0.01)
	b, _ := province(t, 42, 0.01)
	c, _ := province(t, 43, 0.01)
	if sha256.Sum256(a) != sha256.Sum256(b) {
		t.Error("same seed, different output")
	}
	if sha256.Sum256(a) == sha256.Sum256(c) {
		t.Error("different seeds, same output")
	}
}

func TestRowCounts(t *testing.T) {
	const scale = 0.013
	data, n := province(t, 1, scale)
	want := 0
	for _, c := range Comuni() {
		want += int(math.Round(float64(c.Popolazione) * scale))
	}
	if rows := len(parse(t, data)); n != want || rows != want {
		t.Errorf("WriteProvince returned %d and wrote %d rows, want %d", n, rows, want)
	}
	if !bytes.HasSuffix(data, []byte("\n")) || bytes.Contains(data, []byte("\r")) {
		t.Error("lines must end in LF")
	}
}

// TestWriteAnagrafeMatchesProvince checks that per-Comune extracts are the
// slices of the province file, so codici fiscali are unique across them.
func TestWriteAnagrafeMatchesProvince(t *testing.T) {
	const scale = 0.01
	opts := Options{Seed: 9, Scale: scale}
	prov, _ := province(t, 9, scale)
	var joined bytes.Buffer
	joined.WriteString(strings.Join(Header(), ";") + "\n")
	for _, c := range Comuni() {
		var buf bytes.Buffer
		n, err := WriteAnagrafe(&buf, c, opts)
		if err != nil || n != int(math.Round(float64(c.Popolazione)*scale)) {
			t.Fatalf("%s: %d rows, %v", c.Nome, n, err)
		}
		_, rows, _ := bytes.Cut(buf.Bytes(), []byte("\n"))
		joined.Write(rows)
	}
	if !bytes.Equal(joined.Bytes(), prov) {
		t.Error("the per-Comune extracts differ from the province extract")
	}
}

func TestWriteAnagrafeOtherComune(t *testing.T) {
	c := Comune{Istat: "015146", Belfiore: "F205", Nome: "Milano", Popolazione: 500}
	var buf bytes.Buffer
	n, err := WriteAnagrafe(&buf, c, Options{Seed: 1})
	if err != nil || n != 500 {
		t.Fatalf("WriteAnagrafe = %d, %v", n, err)
	}
	for _, r := range parse(t, buf.Bytes()) {
		if r[7] != "015146" || r[10] != "20121" {
			t.Fatalf("row %v: wrong Comune or CAP", r)
		}
	}
}

func TestOptions(t *testing.T) {
	for _, s := range []float64{-1, math.NaN(), math.Inf(1)} {
		if _, err := WriteProvince(&bytes.Buffer{}, Options{Scale: s}); err == nil {
			t.Errorf("scale %v accepted", s)
		}
		if _, err := WriteAnagrafe(&bytes.Buffer{}, Comuni()[0], Options{Scale: s}); err == nil {
			t.Errorf("scale %v accepted by WriteAnagrafe", s)
		}
	}
	o, err := Options{}.withDefaults()
	if err != nil || o.Scale != 1 || !o.AsOf.Equal(defaultAsOf) {
		t.Errorf("defaults = %+v, %v", o, err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestWriteError(t *testing.T) {
	if _, err := WriteProvince(failWriter{}, Options{Scale: 0.01}); err == nil {
		t.Error("write error not reported")
	}
}

func TestCountryCodes(t *testing.T) {
	data, err := os.ReadFile("data/stati-esteri.csv")
	if err != nil {
		t.Fatal(err)
	}
	recs, _ := csv.NewReader(bytes.NewReader(data)).ReadAll()
	names := map[string]string{}
	for _, r := range recs[1:] {
		names[r[0]] = r[1]
	}
	for _, c := range countries {
		if name, ok := names[c.Belfiore]; !ok || !strings.Contains(strings.ToLower(name), strings.ToLower(c.Name[:3])) {
			t.Errorf("%s: %s is %q in stati-esteri.csv", c.Name, c.Belfiore, name)
		}
		if len(c.Istat) != 3 || c.Istat == "100" {
			t.Errorf("%s: bad ISTAT code %q", c.Name, c.Istat)
		}
	}
}

func TestNameLists(t *testing.T) {
	lists := map[string][]string{
		"surnames": italianSurnames, "maleOld": maleOld, "maleNew": maleNew,
		"femaleOld": femaleOld, "femaleNew": femaleNew, "streets": streets,
	}
	for _, c := range countries {
		lists[c.Name] = slices.Concat(c.Surnames, c.Male, c.Female)
	}
	for name, l := range lists {
		seen := map[string]bool{}
		for _, s := range l {
			if seen[s] && name != "Egitto" && name != "Pakistan" {
				t.Errorf("%s: %q twice", name, s)
			}
			seen[s] = true
			if strings.ContainsAny(s, ";\"\n") || strings.TrimSpace(s) != s {
				t.Errorf("%s: %q cannot be written unquoted", name, s)
			}
		}
	}
	if len(italianSurnames) < 150 {
		t.Errorf("%d surnames, want at least 150", len(italianSurnames))
	}
}

// asOf is the default extract date as a day.
var asOf = dayOf(defaultAsOf)

func TestProvinceIsConsistent(t *testing.T) {
	for seed := int64(5); seed < 8; seed++ {
		data, _ := province(t, seed, 0.04)
		checkExtract(t, parse(t, data), asOf, true)
	}
}

// checkExtract checks every row and family of an extract dated until.
func checkExtract(t *testing.T, rows [][]string, until day, ordered bool) {
	t.Helper()
	seen := map[string]bool{}
	for i, r := range rows {
		if seen[r[0]] {
			t.Fatalf("row %d: codice fiscale repeated", i)
		}
		seen[r[0]] = true
		checkRow(t, i, r, until)
	}
	checkFamilies(t, rows, ordered)
}

// checkRow checks one row on its own.
func checkRow(t *testing.T, i int, r []string, until day) {
	t.Helper()
	birth, ok1 := parseDay(r[4])
	iscr, ok2 := parseDay(r[14])
	if !ok1 || !ok2 || birth > iscr || iscr > until {
		t.Fatalf("row %d: bad dates %s %s", i, r[4], r[14])
	}
	p := codicefiscale.Person{Surname: r[1], Name: r[2], Sex: r[3][0], Birth: birth.time(), Place: r[5]}
	if ms, err := codicefiscale.Compare(r[0], p); err != nil || len(ms) != 0 {
		t.Fatalf("row %d: codice fiscale does not match the data: %v %v", i, ms, err)
	}
	foreignBorn, foreignCitizen := r[5][0] == 'Z', r[6] != "100"
	if foreignBorn && !foreignCitizen || !slices.Contains([]string{"1", "3", "4"}, r[15]) ||
		!slices.Contains([]string{"1", "2", "3", "4"}, r[13]) || len(r[11]) != 8 || len(r[10]) != 5 {
		t.Fatalf("row %d: bad codes %v", i, r[5:])
	}
	if r[15] == "1" && foreignBorn {
		t.Fatalf("row %d: born abroad but registered at birth", i)
	}
}

// checkFamilies checks that every family has exactly one intestatario
// and at most one spouse, and that children are at least 13 years younger
// than the intestatario. Generated extracts (ordered) also list each
// family's rows together, intestatario first; Mutate appends newborns.
func checkFamilies(t *testing.T, rows [][]string, ordered bool) {
	t.Helper()
	fams := map[string][]int{}
	var last string
	for i, r := range rows {
		key := r[7] + "/" + r[11]
		if ordered && key != last && (fams[key] != nil || r[12] != "1") {
			t.Fatalf("row %d: family rows not together or not intestatario first", i)
		}
		fams[key] = append(fams[key], i)
		last = key
	}
	for _, idx := range fams {
		checkFamily(t, rows, idx)
	}
}

// checkFamily checks the rows idx of one family.
func checkFamily(t *testing.T, rows [][]string, idx []int) {
	t.Helper()
	count := map[string]int{}
	var head day
	for _, i := range idx {
		count[rows[i][12]]++
		if rows[i][12] == "1" {
			head, _ = parseDay(rows[i][4])
		}
	}
	if count["1"] != 1 || count["2"] > 1 {
		t.Fatalf("row %d: family with %d intestatari and %d spouses", idx[0], count["1"], count["2"])
	}
	for _, i := range idx {
		if b, _ := parseDay(rows[i][4]); rows[i][12] == "3" && b < head.addYears(13) {
			t.Fatalf("row %d: child too close in age to the intestatario: %v", i, rows[i])
		}
	}
}

func TestPopulationShape(t *testing.T) {
	data, _ := province(t, 3, 0.05)
	rows := parse(t, data)
	var young, old, foreignBorn, omocode int
	for _, r := range rows {
		b, _ := parseDay(r[4])
		switch age := b.years(asOf); {
		case age < 15:
			young++
		case age >= 65:
			old++
		}
		if r[5][0] == 'Z' {
			foreignBorn++
		}
		if info, _ := codicefiscale.Decode(r[0]); info.Omocodia > 0 {
			omocode++
		}
	}
	n := float64(len(rows))
	checkShare(t, "aged 0-14", float64(young)/n, 0.11, 0.17)
	checkShare(t, "aged 65+", float64(old)/n, 0.19, 0.27)
	checkShare(t, "foreign-born", float64(foreignBorn)/n, 0.07, 0.11)
	checkShare(t, "omocode", float64(omocode)/n, 0.0003, 0.003)
}

func checkShare(t *testing.T, what string, got, lo, hi float64) {
	t.Helper()
	if got < lo || got > hi {
		t.Errorf("share %s = %.4f, want %.4f–%.4f", what, got, lo, hi)
	}
}

func TestDates(t *testing.T) {
	for _, s := range []string{"1970-01-01", "1900-02-28", "2000-02-29", "2020-12-31", "1899-12-31"} {
		d, ok := parseDay(s)
		if !ok || string(appendDay(nil, d)) != s || d.time().Format(time.DateOnly) != s {
			t.Errorf("round trip of %s failed: %v", s, d)
		}
	}
	for _, s := range []string{"", "2020-13-01", "2020/01/01", "20x0-01-01"} {
		if _, ok := parseDay(s); ok {
			t.Errorf("parseDay(%q) succeeded", s)
		}
	}
	if a := fromCivil(1985, 12, 10).years(fromCivil(2020, 12, 9)); a != 34 {
		t.Errorf("age = %d, want 34", a)
	}
}

func BenchmarkWriteProvince(b *testing.B) {
	for b.Loop() {
		var cw countWriter
		if _, err := WriteProvince(&cw, Options{Seed: 1, Scale: 0.1}); err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(cw))
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) {
	*c += countWriter(len(p))
	return len(p), nil
}
