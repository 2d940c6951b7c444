package synth

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/csv"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/codicefiscale"
)

func TestRegionSizes(t *testing.T) {
	cs := Region(1)
	if len(cs) != 1506 {
		t.Fatalf("Region has %d Comuni, want the 1,506 of Lombardy", len(cs))
	}
	total, mb, big := 0, 0, 0
	pops := make([]int, len(cs))
	for i, c := range cs {
		total += c.Popolazione
		pops[i] = c.Popolazione
		if c.MB {
			mb++
		}
		if c.Popolazione > 100_000 {
			big++
		}
		if c.Popolazione < regionMinResidents || len(c.Istat) != 6 || len(c.Belfiore) != 4 || c.Ambito == "" {
			t.Errorf("bad Comune %+v", c)
		}
		if c.Istat == "015146" && c.Popolazione != milanoResidents {
			t.Errorf("Milano has %d residents, want %d", c.Popolazione, milanoResidents)
		}
	}
	if total < RegionResidents*99/100 || total > RegionResidents*101/100 {
		t.Errorf("the region has %d residents, want about %d", total, RegionResidents)
	}
	if mb != 55 {
		t.Errorf("%d Comuni of Monza e Brianza, want 55", mb)
	}
	slices.Sort(pops)
	median := pops[len(pops)/2]
	// Heavy-tailed: a few large towns, a long tail of small Comuni.
	if big < 3 || big > 10 || median > 5_000 || median < 1_000 || total/len(pops) < 2*median {
		t.Errorf("size distribution: %d over 100,000, median %d, mean %d", big, median, total/len(pops))
	}
	// The provincial capitals (Monza included) are the largest after Milano.
	ranked := slices.Clone(cs)
	slices.SortFunc(ranked, func(a, b RegionComune) int { return b.Popolazione - a.Popolazione })
	for _, c := range ranked[1:6] {
		if !slices.Contains(regionCapitals, c.Istat) && c.Istat != "108033" {
			t.Errorf("%s (%d) is among the 3 largest after Milano, not a capital", c.Nome, c.Popolazione)
		}
	}
}

func TestRegionSeeded(t *testing.T) {
	a, b, c := Region(1), Region(1), Region(2)
	if !slices.Equal(a, b) {
		t.Error("Region(1) differs between calls")
	}
	if slices.Equal(a, c) {
		t.Error("Region(2) equals Region(1): the seed is not used")
	}
}

// regionFiles writes the region at scale into a new directory.
func regionFiles(t *testing.T, seed int64, scale float64) (string, RegionSummary) {
	t.Helper()
	dir := t.TempDir()
	sum, err := WriteRegion(dir, Options{Seed: seed, Scale: scale}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return dir, sum
}

func TestWriteRegion(t *testing.T) {
	dir, sum := regionFiles(t, 1, 0.002)
	if sum.Comuni != 1506 || sum.Largest.Istat != "015146" || sum.LargestRows != 2743 {
		t.Errorf("summary = %d Comuni, largest %s with %d rows", sum.Comuni, sum.Largest.Istat, sum.LargestRows)
	}
	manifest := readCSVFile(t, filepath.Join(dir, RegionManifest), ',')
	if len(manifest) != 1507 || strings.Join(manifest[0], ",") != "istat,nome,provincia,rows,file" {
		t.Fatalf("manifest: %d lines, header %v", len(manifest), manifest[0])
	}
	seen := map[string]string{}
	rows := 0
	for _, m := range manifest[1:] {
		recs := readCSVFile(t, filepath.Join(dir, m[4]), ';')
		if !slices.Equal(recs[0], Header()) {
			t.Fatalf("%s: header %v", m[4], recs[0])
		}
		if want, _ := strconv.Atoi(m[3]); len(recs)-1 != want || want < 1 {
			t.Errorf("%s: %d rows, manifest says %s", m[4], len(recs)-1, m[3])
		}
		for _, r := range recs[1:] {
			if err := codicefiscale.Validate(r[0]); err != nil {
				t.Fatalf("%s: %v", m[4], err)
			}
			if prev, dup := seen[r[0]]; dup {
				t.Fatalf("codice fiscale %s in %s and %s", r[0], prev, m[0])
			}
			seen[r[0]] = m[0]
			if r[7] != m[0] {
				t.Fatalf("%s: a row resides in %s", m[4], r[7])
			}
		}
		rows += len(recs) - 1
	}
	if rows != sum.Rows {
		t.Errorf("files hold %d rows, summary says %d", rows, sum.Rows)
	}
	onb := readCSVFile(t, filepath.Join(dir, RegionOnboarding), ',')
	if len(onb) != 1507 || strings.Join(onb[1], ",") != "012001,automatic,2020-01-01" {
		t.Errorf("onboarding file: %d lines, first %v", len(onb), onb[1])
	}
}

func TestWriteRegionDeterministic(t *testing.T) {
	a, _ := regionFiles(t, 3, 0.001)
	b, _ := regionFiles(t, 3, 0.001)
	c, _ := regionFiles(t, 4, 0.001)
	if dirHash(t, a) != dirHash(t, b) {
		t.Error("two runs with seed 3 differ")
	}
	if dirHash(t, a) == dirHash(t, c) {
		t.Error("seeds 3 and 4 give the same files")
	}
}

func TestRegionComuniFile(t *testing.T) {
	var buf bytes.Buffer
	cs := Region(1)
	if err := WriteRegionComuni(&buf, cs); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) != 1+1506-55 || lines[0] != "istat,ambito,popolazione" {
		t.Errorf("%d lines, header %q: want the %d Comuni outside Monza e Brianza", len(lines), lines[0], 1506-55)
	}
	ambiti := map[string]bool{}
	for _, l := range lines[1:] {
		ambiti[strings.Split(l, ",")[1]] = true
	}
	if len(ambiti) != 11 {
		t.Errorf("%d Ambiti, want one per other province (11)", len(ambiti))
	}
	if !strings.Contains(s, "\n015146,Provincia di Milano,1371498\n") {
		t.Error("the file lacks Milano")
	}
	if strings.Contains(s, "\n108033,") {
		t.Error("the file adds Monza, which csi ships")
	}
}

func TestCFBloom(t *testing.T) {
	b := newCFBloom(1000)
	exact := cfSet{}
	fp := 0
	for i := range 1000 {
		cf := fmt.Sprintf("RSSMRA80A%02dF%03dX", i%31, i)
		isNew := b.add(cf)
		if !isNew && exact.add(cf) {
			fp++
		}
		if b.add(cf) {
			t.Fatalf("%s reported new twice", cf)
		}
		exact.add(cf)
	}
	if fp > 10 {
		t.Errorf("%d false positives in 1,000, want about 1", fp)
	}
}

func readCSVFile(t *testing.T, path string, comma rune) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r := csv.NewReader(bufio.NewReader(f))
	r.Comma = comma
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// dirHash hashes every file under dir, names and contents.
func dirHash(t *testing.T, dir string) [32]byte {
	t.Helper()
	h := sha256.New()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		h.Write([]byte(strings.TrimPrefix(path, dir)))
		h.Write(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return [32]byte(h.Sum(nil))
}
