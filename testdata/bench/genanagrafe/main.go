// Command genanagrafe writes a synthetic registry (anagrafe) extract of the
// province of Monza e Brianza, or an updated copy of one, for benchmarks.
//
//	go run ./testdata/bench/genanagrafe -out FILE [-scale 1] [-seed 1] [-comune ISTAT] [-as-of 2020-01-01]
//	go run ./testdata/bench/genanagrafe -out FILE -mutate-from FILE [-seed 1] [-changed 0.02 -gone 0.005 -added 0.005]
//	go run ./testdata/bench/genanagrafe -region -out DIR [-scale 1] [-seed 1] [-as-of 2020-01-01]
//
// With -region it writes the synthetic region (every Comune of Lombardy,
// about 10 million residents at scale 1) into DIR, one extract per Comune
// in DIR/anagrafe/ISTAT.csv, with manifest.csv, onboarding.csv and
// comuni.csv (see synth.WriteRegion); testdata/bench/region.sh uses it.
//
// The number of data rows written is printed on standard error.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"time"

	"github.com/csi-mb/csi/internal/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "genanagrafe:", err)
		os.Exit(1)
	}
}

// config holds the command-line flags.
type config struct {
	out, from, comune, asOf string
	scale                   float64
	seed                    int64
	changed, gone, added    float64
	region                  bool
}

// parseFlags reads the command line.
func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("genanagrafe", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.out, "out", "", "output file (required; - for standard output)")
	fs.Float64Var(&c.scale, "scale", 1, "population scale (1 = the real 870,193 residents)")
	fs.Int64Var(&c.seed, "seed", 1, "random seed")
	fs.StringVar(&c.comune, "comune", "", "write only the Comune with this ISTAT code")
	fs.StringVar(&c.asOf, "as-of", "2020-01-01", "date of the extract (YYYY-MM-DD)")
	fs.BoolVar(&c.region, "region", false, "write the synthetic region of Lombardy into the directory -out")
	fs.StringVar(&c.from, "mutate-from", "", "write an updated copy of this extract instead")
	fs.Float64Var(&c.changed, "changed", 0.02, "with -mutate-from: fraction of people with changed data")
	fs.Float64Var(&c.gone, "gone", 0.005, "with -mutate-from: fraction of people who left")
	fs.Float64Var(&c.added, "added", 0.005, "with -mutate-from: fraction of people added")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.out == "" || fs.NArg() > 0 {
		return c, errors.New("usage: genanagrafe -out FILE [flags]; see -h")
	}
	return c, nil
}

// run parses the flags and writes the extract.
func run(args []string, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	if c.region {
		return region(c, stderr)
	}
	w, closeOut, err := create(c.out)
	if err != nil {
		return err
	}
	n, err := generate(c, w)
	if cerr := closeOut(); err == nil {
		err = cerr
	}
	if err != nil {
		if c.out != "-" {
			os.Remove(c.out) // leave no partial extract behind
		}
		return err
	}
	fmt.Fprintf(stderr, "%d rows\n", n)
	return nil
}

// generate writes the extract that c asks for and returns its row count.
func generate(c config, w io.Writer) (int, error) {
	if c.from != "" {
		return mutate(c, w)
	}
	asOf, err := time.Parse(time.DateOnly, c.asOf)
	if err != nil {
		return 0, fmt.Errorf("-as-of: %w", err)
	}
	opts := synth.Options{Seed: c.seed, Scale: c.scale, AsOf: asOf}
	if c.comune == "" {
		return synth.WriteProvince(w, opts)
	}
	cs := synth.Comuni()
	k := slices.IndexFunc(cs, func(x synth.Comune) bool { return x.Istat == c.comune })
	if k < 0 {
		return 0, fmt.Errorf("-comune %s: not a Comune of Monza e Brianza", c.comune)
	}
	return synth.WriteAnagrafe(w, cs[k], opts)
}

// mutate writes an updated copy of the extract c.from.
func mutate(c config, w io.Writer) (int, error) {
	in, err := os.Open(c.from)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	st, err := synth.Mutate(in, w, c.seed, c.changed, c.gone, c.added)
	return st.Written, err
}

// create opens the output; "-" is standard output.
func create(path string) (io.Writer, func() error, error) {
	if path == "-" {
		return os.Stdout, func() error { return nil }, nil
	}
	f, err := os.Create(path)
	if err != nil {
		return nil, nil, err
	}
	return f, f.Close, nil
}

// region writes the synthetic region into the directory c.out.
func region(c config, stderr io.Writer) error {
	asOf, err := time.Parse(time.DateOnly, c.asOf)
	if err != nil {
		return fmt.Errorf("-as-of: %w", err)
	}
	if c.from != "" || c.comune != "" {
		return errors.New("-region takes neither -mutate-from nor -comune")
	}
	sum, err := synth.WriteRegion(c.out, synth.Options{Seed: c.seed, Scale: c.scale, AsOf: asOf}, nil)
	if err != nil {
		return err
	}
	fmt.Fprintf(stderr, "%d rows in %d Comuni; largest %s (%s): %d rows\n",
		sum.Rows, sum.Comuni, sum.Largest.Nome, sum.Largest.Istat, sum.LargestRows)
	return nil
}
