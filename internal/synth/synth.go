// Package synth generates deterministic synthetic registry (anagrafe)
// extracts for the Comuni of Monza e Brianza, for benchmarks and examples.
//
// Every person is invented: names are drawn from lists of common names,
// dates and places at random, and codici fiscali are computed from them.
// Populations follow the real 1/1/2020 figures (870,193 residents).
package synth

import (
	"bufio"
	"errors"
	"io"
	"math"
	"slices"
	"strings"
	"time"
)

// Options controls what the generator produces.
type Options struct {
	Seed  int64     // the same seed gives byte-identical output
	Scale float64   // population multiplier; 1.0 = real 2020 populations, 0 means 1.0
	AsOf  time.Time // the date the extract describes; zero means 2020-01-01
}

// Comune is a Comune of the province with its 1/1/2020 population.
type Comune struct {
	Istat       string // 6-digit ISTAT code, e.g. 108033
	Belfiore    string // cadastral code, e.g. F704
	Nome        string // official name
	Ambito      string // Ambito territoriale (social-services district)
	Popolazione int    // residents at 1/1/2020
}

// Comuni returns the 55 Comuni of Monza e Brianza in ISTAT order of
// comuni-mb.csv.
func Comuni() []Comune {
	return slices.Clone(pools().mb)
}

// header lists the columns of an extract.
const header = "codice_fiscale;cognome;nome;sesso;data_nascita;luogo_nascita;cittadinanza;" +
	"comune_residenza;indirizzo;civico;cap;codice_famiglia;relazione_parentela;stato_civile;" +
	"data_iscrizione;motivo_iscrizione"

// Header returns the 16 column names of an extract, in order.
func Header() []string {
	return strings.Split(header, ";")
}

// defaultAsOf is the date of the populations in comuni-mb.csv.
var defaultAsOf = time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)

// withDefaults fills in zero options and rejects unusable ones.
func (o Options) withDefaults() (Options, error) {
	if o.Scale == 0 {
		o.Scale = 1
	}
	if !(o.Scale > 0) || math.IsInf(o.Scale, 0) {
		return o, errors.New("synth: scale must be a positive number")
	}
	if o.AsOf.IsZero() {
		o.AsOf = defaultAsOf
	}
	return o, nil
}

// rows returns the number of residents of c at the given scale.
func (c Comune) rows(scale float64) int {
	return int(math.Round(float64(c.Popolazione) * scale))
}

// WriteAnagrafe writes the registry extract of one Comune as of opts.AsOf
// (UTF-8, ';' delimiter, LF line ends, header first, dates YYYY-MM-DD) and
// returns the number of data rows. For one of the 55 Comuni the rows are
// exactly those it has in WriteProvince's output, so codici fiscali stay
// unique across the province; producing them means replaying the Comuni
// that precede c. Any other Comune is generated on its own.
func WriteAnagrafe(w io.Writer, c Comune, opts Options) (int, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return 0, err
	}
	seen := cfSet{}
	k := slices.IndexFunc(pools().mb, func(m Comune) bool { return m.Istat == c.Istat })
	for _, prev := range pools().mb[:max(k, 0)] {
		if _, err := newGenerator(prev, opts, seen).run(nil, prev.rows(opts.Scale)); err != nil {
			return 0, err
		}
	}
	return writeComuni(w, []Comune{c}, opts, seen)
}

// WriteProvince writes the extracts of all 55 Comuni as one file with one
// header and returns the number of data rows (870,193 at scale 1).
func WriteProvince(w io.Writer, opts Options) (int, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return 0, err
	}
	return writeComuni(w, pools().mb, opts, make(cfSet, 900_000))
}

// writeComuni writes the header and the rows of each Comune in turn.
func writeComuni(w io.Writer, cs []Comune, opts Options, seen cfSet) (int, error) {
	bw := bufio.NewWriterSize(w, 1<<16)
	if _, err := bw.WriteString(header + "\n"); err != nil {
		return 0, err
	}
	rw := &rowWriter{w: bw}
	total := 0
	for _, c := range cs {
		n, err := newGenerator(c, opts, seen).run(rw, c.rows(opts.Scale))
		total += n
		if err != nil {
			return total, err
		}
	}
	return total, bw.Flush()
}
