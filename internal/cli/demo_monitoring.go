package cli

import (
	"context"
	"path/filepath"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/synth"
)

// writeMonitoring writes the demo's process registers beside its other files.
func (d *demo) writeMonitoring(out *demoFiles) error {
	m, err := synth.WriteMonitoring(d.opts.Seed, out.create)
	if err != nil {
		return err
	}
	d.mon = m
	return nil
}

// loadMonitoring records the demo's events, operator lists and channels
// through the commands a coordinator runs: csi eventi import, csi
// operatori import (the 2022 list, then the 2023 one that replaces it)
// and csi canali add and update.
func (d *demo) loadMonitoring(ctx context.Context) error {
	sub := d.quiet(nil)
	svc, err := sub.Services(ctx)
	if err != nil {
		return err
	}
	in := csi.ImportEventiInput{File: d.mon.Eventi}
	if err := readRows(ctx, filepath.Join(d.dir, d.mon.Eventi), eventiSchema, func(r *dialect.Row) { in.Rows = append(in.Rows, eventoRow(r)) }); err != nil {
		return err
	}
	if res, err := svc.ImportEventi(ctx, in); err != nil {
		return err
	} else if err := sub.printRejects(res.File, res.Rejects); err != nil {
		return err
	}
	for _, name := range d.mon.Operatori {
		oi := csi.ImportOperatoriInput{File: name}
		err := readRows(ctx, filepath.Join(d.dir, name), operatoriSchema, func(r *dialect.Row) {
			oi.Rows = append(oi.Rows, csi.OperatoreInput{Line: r.Line, ID: r.Get(0), Comune: r.Get(1), Ruolo: r.Get(2), UltimoAccesso: r.Get(3)})
		})
		if err != nil {
			return err
		}
		if res, err := svc.ImportOperatori(ctx, oi); err != nil {
			return err
		} else if err := sub.printRejects(res.File, res.Rejects); err != nil {
			return err
		}
	}
	return d.loadCanali(ctx, svc)
}

func (d *demo) loadCanali(ctx context.Context, svc csi.Services) error {
	for _, c := range d.mon.Canali {
		first := c.Stati[0]
		ch, err := svc.AddCanale(ctx, csi.CanaleInput{Controparte: c.Controparte, Descrizione: c.Descrizione, Comune: c.Comune,
			Stato: first[0], Data: first[1], Note: c.Note})
		if err != nil {
			return err
		}
		for _, s := range c.Stati[1:] {
			if _, err := svc.UpdateCanale(ctx, csi.CanaleUpdate{ID: ch.ID, Stato: s[0], Data: s[1]}); err != nil {
				return err
			}
		}
	}
	return nil
}
