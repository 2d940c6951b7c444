package synth

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// RegionSummary is what WriteRegion wrote.
type RegionSummary struct {
	Comuni  int // extracts written
	Rows    int // data rows over all extracts
	Largest RegionComune
	// LargestRows is the number of rows of Largest's extract.
	LargestRows int
}

// Region output files, inside the directory given to WriteRegion.
const (
	RegionAnagrafeDir = "anagrafe"       // one extract per Comune: anagrafe/ISTAT.csv
	RegionManifest    = "manifest.csv"   // istat,nome,provincia,rows,file, one line per extract
	RegionOnboarding  = "onboarding.csv" // for 'csi comuni onboard -f'
	RegionComuniFile  = "comuni.csv"     // for 'csi comuni add -f': the Comuni outside the province
)

// WriteRegion writes the synthetic region into dir, one Comune at a time:
// each extract is streamed to its file, so memory does not grow with the
// population (only a Bloom filter of the codici fiscali issued does, 15
// bits a person, which keeps them unique across the region). Next to the
// extracts it writes the manifest, the onboarding file dated opts.AsOf and
// the file of 'csi comuni add -f' that adds the Comuni outside Monza e
// Brianza to a store's catalogue.
// progress, when not nil, is called after each extract.
func WriteRegion(dir string, opts Options, progress func(RegionComune, int)) (RegionSummary, error) {
	var sum RegionSummary
	opts, err := opts.withDefaults()
	if err != nil {
		return sum, err
	}
	if err := os.MkdirAll(filepath.Join(dir, RegionAnagrafeDir), 0o755); err != nil {
		return sum, err
	}
	cs := Region(opts.Seed)
	for i := range cs {
		cs[i].Popolazione = cs[i].rows(opts.Scale)
	}
	seen := newCFBloom(regionRows(cs))
	rows := make([]int, len(cs))
	for i, c := range cs {
		n, err := writeRegionExtract(filepath.Join(dir, RegionAnagrafeDir, c.Istat+".csv"), c.Comune, opts, seen)
		if err != nil {
			return sum, fmt.Errorf("%s (%s): %w", c.Nome, c.Istat, err)
		}
		rows[i] = n
		sum.Comuni++
		sum.Rows += n
		if n > sum.LargestRows {
			sum.Largest, sum.LargestRows = c, n
		}
		if progress != nil {
			progress(c, n)
		}
	}
	return sum, writeRegionMeta(dir, cs, rows, opts)
}

// regionRows is the number of rows the scaled Comuni will have.
func regionRows(cs []RegionComune) int {
	n := 0
	for _, c := range cs {
		n += max(c.Popolazione, 1)
	}
	return n
}

// writeRegionExtract writes the extract of c (its Popolazione already
// scaled, at least one row) to path.
func writeRegionExtract(path string, c Comune, opts Options, seen cfRegistry) (n int, err error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	defer func() {
		if cerr := f.Close(); err == nil {
			err = cerr
		}
	}()
	bw := bufio.NewWriterSize(f, 1<<16)
	if _, err := bw.WriteString(header + "\n"); err != nil {
		return 0, err
	}
	g := newGenerator(c, opts, seen)
	if n, err = g.run(&rowWriter{w: bw}, max(c.Popolazione, 1)); err != nil {
		return n, err
	}
	return n, bw.Flush()
}

// rows of a RegionComune are its population at the given scale.
func (c RegionComune) rows(scale float64) int {
	return max(1, int(math.Round(float64(c.Popolazione)*scale)))
}

// writeRegionMeta writes the manifest, the onboarding file and the Comuni file.
func writeRegionMeta(dir string, cs []RegionComune, rows []int, opts Options) error {
	write := func(name string, fill func(w io.Writer) error) error {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return err
		}
		bw := bufio.NewWriter(f)
		err = fill(bw)
		if ferr := bw.Flush(); err == nil {
			err = ferr
		}
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		return err
	}
	if err := write(RegionManifest, func(w io.Writer) error { return writeManifest(w, cs, rows) }); err != nil {
		return err
	}
	date := opts.AsOf.Format("2006-01-02")
	if err := write(RegionOnboarding, func(w io.Writer) error { return writeOnboarding(w, cs, date) }); err != nil {
		return err
	}
	return write(RegionComuniFile, func(w io.Writer) error { return WriteRegionComuni(w, cs) })
}

// writeManifest lists the extracts: istat,nome,provincia,rows,file.
func writeManifest(w io.Writer, cs []RegionComune, rows []int) error {
	fmt.Fprintln(w, "istat,nome,provincia,rows,file")
	for i, c := range cs {
		fmt.Fprintf(w, "%s,%s,%s,%d,%s\n", c.Istat, csvField(c.Nome), csvField(c.Provincia), rows[i],
			RegionAnagrafeDir+"/"+c.Istat+".csv")
	}
	return nil
}

// writeOnboarding writes the file of 'csi comuni onboard -f': every Comune,
// registry automatic, joined on date.
func writeOnboarding(w io.Writer, cs []RegionComune, date string) error {
	_, err := fmt.Fprintln(w, "comune,anagrafe,date")
	for _, c := range cs {
		if _, err = fmt.Fprintf(w, "%s,automatic,%s\n", c.Istat, date); err != nil {
			return err
		}
	}
	return err
}

// WriteRegionComuni writes the file of 'csi comuni add -f' (istat,
// ambito, popolazione) that adds to a store's catalogue the Comuni of cs
// it does not ship (all but the 55 of Monza e Brianza), each in the Ambito
// "Provincia di <name>", with its scaled population.
func WriteRegionComuni(w io.Writer, cs []RegionComune) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("istat,ambito,popolazione\n")
	for _, c := range cs {
		if !c.MB {
			fmt.Fprintf(bw, "%s,%s,%d\n", c.Istat, csvField(c.Ambito), c.Popolazione)
		}
	}
	return bw.Flush()
}

// csvField quotes s for a comma-separated file when it needs it.
func csvField(s string) string {
	if strings.ContainsAny(s, ",\"\n") {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}
