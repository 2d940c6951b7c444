package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// InsertAmbito adds an Ambito.
func (t *comuniTx) InsertAmbito(ctx context.Context, nome string) error {
	_, err := t.tx.Exec(ctx, "INSERT INTO ambiti(nome) VALUES ($1)", nome)
	return err
}

// InsertComune adds a Comune to the catalogue, not onboarded.
func (t *comuniTx) InsertComune(ctx context.Context, c csi.Comune) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO comuni(istat, belfiore, nome, nome_fold, ambito, popolazione)
		VALUES ($1,$2,$3,$4,$5,$6)`, c.Istat, c.Belfiore, c.Nome, csi.FoldName(c.Nome), c.Ambito, c.Popolazione)
	return err
}
