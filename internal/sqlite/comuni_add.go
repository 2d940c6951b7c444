package sqlite

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// InsertAmbito adds an Ambito.
func (t *comuniTx) InsertAmbito(ctx context.Context, nome string) error {
	_, err := t.tx.ExecContext(ctx, "INSERT INTO ambiti(nome) VALUES (?)", nome)
	return mapErr(err)
}

// InsertComune adds a Comune to the catalogue, not onboarded.
func (t *comuniTx) InsertComune(ctx context.Context, c csi.Comune) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO comuni(istat, belfiore, nome, nome_fold, ambito, popolazione)
		VALUES (?,?,?,?,?,?)`, c.Istat, c.Belfiore, c.Nome, csi.FoldName(c.Nome), c.Ambito, c.Popolazione)
	return mapErr(err)
}
