// Command genrecords writes the synthetic province of csi demo — registry
// extracts and the accessi, cartelle and interventi files — or the records
// of one Comune, for benchmarks and the examples.
//
//	go run ./testdata/bench/genrecords -out DIR [-seed 1] [-scale 1] [-history]
//	go run ./testdata/bench/genrecords -out examples -comune 108002 -name aicurzio
//
// With -comune only the three record files of that Comune are written, as
// accessi-NAME.csv, cartelle-NAME.csv and interventi-NAME.csv. The files
// written are listed on standard error.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/csi-mb/csi/internal/synth"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "genrecords:", err)
		os.Exit(1)
	}
}

// config holds the command-line flags.
type config struct {
	out, comune, name string
	seed              int64
	scale             float64
	history           bool
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	var c config
	fs := flag.NewFlagSet("genrecords", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&c.out, "out", "", "output folder (required)")
	fs.Int64Var(&c.seed, "seed", 1, "random seed (csi demo's default is 1)")
	fs.Float64Var(&c.scale, "scale", 1, "registry scale (1 = the real 870,193 residents)")
	fs.BoolVar(&c.history, "history", false, "also write the 2014-01-01 registry extracts (csi demo --history)")
	fs.StringVar(&c.comune, "comune", "", "write only the records of the Comune with this ISTAT code")
	fs.StringVar(&c.name, "name", "", "with -comune: the file name suffix (default the ISTAT code)")
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if c.out == "" || fs.NArg() > 0 {
		return c, errors.New("usage: genrecords -out DIR [flags]; see -h")
	}
	if c.name == "" {
		c.name = c.comune
	}
	return c, nil
}

func run(args []string, stderr io.Writer) error {
	c, err := parseFlags(args, stderr)
	if errors.Is(err, flag.ErrHelp) {
		return nil
	} else if err != nil {
		return err
	}
	opts := synth.Options{Seed: c.seed, Scale: c.scale}
	if c.comune == "" {
		m, err := synth.WriteDemo(opts, c.history, func(name string) (io.WriteCloser, error) {
			path := filepath.Join(c.out, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				return nil, err
			}
			return os.Create(path)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%d registry extracts (%d residents on 1/1/2020) and %d record files in %s\n",
			len(m.Registry), m.Residents2020, len(m.Records), c.out)
		return nil
	}
	return writeComune(c, opts, stderr)
}

// memFile keeps a record file in memory.
type memFile struct {
	bytes.Buffer
	keep map[string][]byte
	name string
}

func (f *memFile) Close() error {
	if f.keep != nil {
		f.keep[f.name] = f.Bytes()
	}
	return nil
}

// writeComune writes the records of one Comune.
func writeComune(c config, opts synth.Options, stderr io.Writer) error {
	files := map[string][]byte{}
	m, err := synth.WriteDemo(opts, c.history, func(name string) (io.WriteCloser, error) {
		if strings.HasPrefix(name, "anagrafe/") {
			return &memFile{}, nil
		}
		return &memFile{keep: files, name: name}, nil
	})
	if err != nil {
		return err
	}
	for _, r := range m.Records {
		lines := strings.SplitAfter(string(files[r.File]), "\n")
		var b strings.Builder
		b.WriteString(lines[0])
		n := 0
		for _, l := range lines[1:] {
			// Every record id starts with its Comune's ISTAT code.
			if strings.HasPrefix(l, c.comune+"-") {
				b.WriteString(l)
				n++
			}
		}
		if n == 0 {
			return fmt.Errorf("-comune %s: no records (not a Comune of Monza e Brianza?)", c.comune)
		}
		path := filepath.Join(c.out, r.Kind+"-"+c.name+".csv")
		if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
			return err
		}
		fmt.Fprintf(stderr, "%s: %d rows\n", path, n)
	}
	return nil
}
