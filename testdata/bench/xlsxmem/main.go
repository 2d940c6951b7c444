// Command xlsxmem measures the memory of writing a residents sheet of N
// rows as -o xlsx does: -mode stream feeds the rows one at a time to an
// xlsx.Book (what `csi anagrafe list -o xlsx` does), -mode table builds
// every row first and calls xlsx.Write (what it did before). It prints the
// peak Go heap in use, sampled every 2 ms, and the file's size. The rows
// are made up: no real person's data.
//
//	go run ./testdata/bench/xlsxmem -rows 200000 -mode stream -out /tmp/x.xlsx
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/xlsx"
)

var headers = []string{"comune", "codice_fiscale", "cognome", "nome", "sesso", "data_nascita", "luogo_nascita", "indirizzo", "civico", "codice_famiglia"}

var kinds = []i18n.Kind{i18n.Text, i18n.Text, i18n.Text, i18n.Text, i18n.Text, i18n.Date, i18n.Text, i18n.Text, i18n.Text, i18n.Text}

// row makes the i-th made-up resident.
func row(i int) []string {
	day := time.Date(1940, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i%25000)
	return []string{"108033", fmt.Sprintf("TSTXXX%02dA01F%03dZ", i%100, i%1000), "Cognome" + strconv.Itoa(i%5000),
		"Nome" + strconv.Itoa(i%700), "MF"[i%2 : i%2+1], day.Format("2006-01-02"), "F704",
		"Via di prova " + strconv.Itoa(i%300), strconv.Itoa(i%150 + 1), "F" + strconv.Itoa(i/3)}
}

func main() {
	rows := flag.Int("rows", 20000, "rows to write")
	mode := flag.String("mode", "stream", "stream or table")
	out := flag.String("out", os.DevNull, "file to write")
	flag.Parse()

	var peak atomic.Uint64
	sample := func() {
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		for {
			p := peak.Load()
			if m.HeapInuse <= p || peak.CompareAndSwap(p, m.HeapInuse) {
				return
			}
		}
	}
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(2 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				sample()
			}
		}
	}()
	start := time.Now()
	fh, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		fail(err)
	}
	switch *mode {
	case "stream":
		err = stream(fh, *rows)
	case "table":
		err = table(fh, *rows)
	default:
		err = fmt.Errorf("unknown -mode %q", *mode)
	}
	if err == nil {
		err = fh.Close()
	}
	if err != nil {
		fail(err)
	}
	sample()
	close(stop)
	<-done
	size := int64(0)
	if st, err := os.Stat(*out); err == nil && st.Mode().IsRegular() {
		size = st.Size()
	}
	fmt.Printf("mode=%s rows=%d peak_heap_inuse_mib=%.1f file_mib=%.1f wall_s=%.2f\n",
		*mode, *rows, float64(peak.Load())/(1<<20), float64(size)/(1<<20), time.Since(start).Seconds())
}

func stream(fh *os.File, n int) error {
	b, err := xlsx.NewBook(i18n.Italian)
	if err != nil {
		return err
	}
	defer b.Close()
	var sample [][]string
	for i := 0; i < min(n, xlsx.WidthRows); i++ {
		sample = append(sample, row(i))
	}
	sh, err := b.Sheet("anagrafe", nil, headers, kinds, sample)
	if err != nil {
		return err
	}
	for i := 0; i < n; i++ {
		if err := sh.Row(row(i)); err != nil {
			return err
		}
	}
	return b.Write(fh)
}

func table(fh *os.File, n int) error {
	s := xlsx.Sheet{Name: "anagrafe", Headers: headers, Kinds: kinds}
	for i := 0; i < n; i++ {
		s.Rows = append(s.Rows, row(i))
	}
	return xlsx.Write(fh, i18n.Italian, []xlsx.Sheet{s})
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "xlsxmem:", err)
	os.Exit(1)
}
