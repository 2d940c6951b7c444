package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/refdata"
	"github.com/jackc/pgx/v5"
)

// loadRefData loads the embedded reference tables, as the SQLite store
// does: Comuni already in the store keep their Ambito and onboarding
// state; the national tables are replaced (with COPY).
func loadRefData(ctx context.Context, tx pgx.Tx) error {
	b := &pgx.Batch{}
	for _, a := range refdata.Ambiti {
		b.Queue("INSERT INTO ambiti(nome) VALUES ($1) ON CONFLICT DO NOTHING", a)
	}
	mb, err := refdata.ComuniMB()
	if err != nil {
		return err
	}
	for _, c := range mb {
		b.Queue(`INSERT INTO comuni(istat, belfiore, nome, nome_fold, ambito, popolazione)
			VALUES ($1,$2,$3,$4,$5,$6) ON CONFLICT DO NOTHING`, c.Istat, c.Belfiore, c.Nome, csi.FoldName(c.Nome), c.Ambito, int64(c.Popolazione2020))
	}
	if err := tx.SendBatch(ctx, b).Close(); err != nil {
		return err
	}
	return loadNational(ctx, tx)
}

// loadNational replaces the national Comuni and the foreign states.
func loadNational(ctx context.Context, tx pgx.Tx) error {
	it, err := refdata.ComuniItalia()
	if err != nil {
		return err
	}
	rows := make([][]any, len(it))
	for i, c := range it {
		rows[i] = []any{c.Istat, c.Belfiore, c.Nome, c.Sigla, c.Provincia, c.Regione, c.CAP}
	}
	if err := replace(ctx, tx, "ref_comuni_italia",
		[]string{"istat", "belfiore", "nome", "sigla_provincia", "provincia", "regione", "cap"}, rows); err != nil {
		return err
	}
	st, err := refdata.StatiEsteri()
	if err != nil {
		return err
	}
	rows = make([][]any, len(st))
	for i, s := range st {
		attivo := int64(0)
		if s.Attivo {
			attivo = 1
		}
		rows[i] = []any{s.Belfiore, s.Nome, attivo, s.DataSoppressione}
	}
	return replace(ctx, tx, "ref_stati_esteri", []string{"belfiore", "nome", "attivo", "data_soppressione"}, rows)
}

// replace empties table and copies rows into it.
func replace(ctx context.Context, tx pgx.Tx, table string, cols []string, rows [][]any) error {
	if _, err := tx.Exec(ctx, "DELETE FROM "+table); err != nil {
		return err
	}
	_, err := tx.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
	return err
}
