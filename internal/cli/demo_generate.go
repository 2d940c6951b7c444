package cli

import (
	"bytes"
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/synth"
)

// demoGen is the generation of the demo's files. In the demo's temporary
// folder it runs on its own goroutine and hands each registry extract over
// as soon as it is written, so that the imports (one core) run while the
// rest is generated (the other); with --out every file is generated and
// put in place first, all or nothing, as before any import.
type demoGen struct {
	head  chan demoHead           // the Comuni and the referents, once the onboarding file is written
	files chan synth.RegistryFile // the extracts in import order; closed when no more come
	done  chan struct{}           // closed once the generation ended, m, err and took set
	m     *synth.Manifest
	err   error
	took  time.Duration // since the demo's start
	stop  atomic.Bool   // the demo failed: the generator stops at its next file
}

// demoHead is what the onboarding step needs of the manifest.
type demoHead struct {
	comuni    []synth.Onboarding
	referenti []synth.Referent
}

// errStopped stops a generation whose demo failed.
var errStopped = errors.New("the demo stopped")

// startGenerate starts writing the synthetic province's files.
func (d *demo) startGenerate() *demoGen {
	g := &demoGen{head: make(chan demoHead, 1), files: make(chan synth.RegistryFile, 1024), done: make(chan struct{})}
	run := func() {
		defer close(g.done)
		defer close(g.files)
		g.err = d.generate(g)
		g.took = time.Since(d.start)
	}
	if d.opts.Out != "" {
		run()
		return g
	}
	go run()
	return g
}

// wait stops the generation if it still runs and waits for its end.
func (g *demoGen) wait() {
	g.stop.Store(true)
	<-g.done
}

// header waits for the Comuni and referents, or for the generation's error.
func (g *demoGen) header() (demoHead, error) {
	select {
	case h := <-g.head:
		return h, nil
	case <-g.done:
	}
	select {
	case h := <-g.head:
		return h, nil
	default:
	}
	if g.err != nil {
		return demoHead{}, g.err
	}
	return demoHead{}, fmt.Errorf("generating the demo files: no registry extract")
}

// generate writes the files: the process registers, then the province,
// the onboarding file with its first extract.
func (d *demo) generate(g *demoGen) error {
	out := &demoFiles{dir: d.dir, scratch: d.opts.Out == "", stop: &g.stop}
	defer out.abort()
	if err := d.writeMonitoring(out); err != nil {
		return err
	}
	told := false
	ready := func(m *synth.Manifest, f synth.RegistryFile) error {
		if !told {
			if err := writeOnboarding(out, m.Comuni); err != nil {
				return err
			}
			told = true
			g.head <- demoHead{comuni: slices.Clone(m.Comuni), referenti: slices.Clone(m.Referenti)}
		}
		if out.scratch {
			g.files <- f
		}
		return nil
	}
	m, err := synth.WriteDemoEach(synth.Options{Seed: d.opts.Seed, Scale: d.opts.Scale}, d.opts.History, out.create, ready)
	if err != nil {
		if csi.ErrorCode(err) != csi.EINTERNAL || errors.Is(err, errStopped) {
			return err // a file that cannot be written, named
		}
		return fmt.Errorf("generating the demo files: %w", err)
	}
	if err := out.commit(); err != nil {
		return err
	}
	if !out.scratch {
		for _, f := range m.Registry {
			g.files <- f
		}
	}
	g.m = m
	return nil
}

// generated prints the generation's progress line once it ended (waiting
// for that when wait is set) and returns its error, keeping the manifest.
func (d *demo) generated(g *demoGen, wait bool) error {
	if !wait {
		select {
		case <-g.done:
		default:
			return nil
		}
	}
	<-g.done
	if g.err != nil || d.told {
		return g.err
	}
	d.m, d.told = g.m, true
	d.endedAt = g.took
	d.progress("generated %d registry extracts (%d residents on 1/1/2020) and %d record files in %s",
		len(d.m.Registry), d.m.Residents2020, len(d.m.Records), d.where())
	return nil
}

// writeOnboarding writes the onboarding file `csi comuni onboard -f` reads.
func writeOnboarding(out *demoFiles, comuni []synth.Onboarding) error {
	var b bytes.Buffer
	b.WriteString("comune;anagrafe;data;contatto\n")
	for _, c := range comuni {
		fmt.Fprintf(&b, "%s;%s;%s;Servizi sociali del Comune di %s\n", c.Istat, c.Anagrafe, c.Date, c.Nome)
	}
	w, err := out.create("comuni.csv")
	if err != nil {
		return err
	}
	if _, err = w.Write(b.Bytes()); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
