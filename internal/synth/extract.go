package synth

import (
	"bytes"
	"fmt"
	"io"
	"strings"
)

// Column indexes of an extract.
const (
	colCF = iota
	colSurname
	colName
	colSex
	colBirth
	colPlace
	colCitizenship
	colComune
	colStreet
	colCivico
	colCAP
	colFamily
	colRel
	colCivil
	colIscr
	colMotivo
	numCols
)

// fields holds the columns of one row.
type fields [numCols]string

// split cuts line into f and reports whether it has exactly numCols fields.
func (f *fields) split(line string) bool {
	for i := 0; i < numCols-1; i++ {
		j := strings.IndexByte(line, ';')
		if j < 0 {
			return false
		}
		f[i], line = line[:j], line[j+1:]
	}
	f[numCols-1] = line
	return strings.IndexByte(line, ';') < 0
}

// join rebuilds the row.
func (f *fields) join() string {
	return strings.Join(f[:], ";")
}

// famKey identifies a family: codice_famiglia is unique per Comune only.
type famKey struct{ comune, id string }

// family is one family of an extract, as row indexes.
type family struct {
	rows []int32
}

// extract is a whole extract held in memory.
type extract struct {
	rows     []string // data rows without line ends
	famOf    []int32  // family index of each row
	families []family
	seen     cfSet
	maxIscr  day
	maxFam   map[string]int // highest codice_famiglia per Comune
	caps     map[string]string
}

// readExtract reads an extract written by this package.
func readExtract(r io.Reader) (*extract, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	text := strings.TrimSuffix(string(bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))), "\n")
	lines := strings.Split(text, "\n")
	if lines[0] != header {
		return nil, fmt.Errorf("synth: the header is not that of an extract written by this package")
	}
	ex := &extract{
		rows: lines[1:], famOf: make([]int32, len(lines)-1),
		seen: make(cfSet, len(lines)), maxFam: map[string]int{}, caps: map[string]string{},
	}
	return ex, ex.index()
}

// index fills the per-row and per-family data.
func (ex *extract) index() error {
	famIdx := map[famKey]int32{}
	var f fields
	for i, line := range ex.rows {
		if !f.split(line) || !validDay(f[colBirth]) || !validDay(f[colIscr]) {
			return fmt.Errorf("synth: line %d: not a row of an extract written by this package", i+2)
		}
		k := famKey{f[colComune], f[colFamily]}
		fi, ok := famIdx[k]
		if !ok {
			fi = int32(len(ex.families))
			famIdx[k] = fi
			ex.families = append(ex.families, family{})
		}
		ex.famOf[i] = fi
		ex.families[fi].rows = append(ex.families[fi].rows, int32(i))
		ex.note(&f)
	}
	return nil
}

// validDay reports whether s is a YYYY-MM-DD date.
func validDay(s string) bool {
	_, ok := parseDay(s)
	return ok
}

// note records the row's codice fiscale, registration date, family number
// and CAP.
func (ex *extract) note(f *fields) {
	ex.seen.add(f[colCF])
	if d, _ := parseDay(f[colIscr]); d > ex.maxIscr {
		ex.maxIscr = d
	}
	if n, ok := atoi(f[colFamily]); ok && n > ex.maxFam[f[colComune]] {
		ex.maxFam[f[colComune]] = n
	}
	ex.caps[f[colComune]] = f[colCAP]
}

// age returns the age in whole years at asOf of the person on row i.
func (ex *extract) age(i int, asOf day) int {
	var f fields
	f.split(ex.rows[i])
	b, _ := parseDay(f[colBirth])
	return b.years(asOf)
}
