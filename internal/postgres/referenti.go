package postgres

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/jackc/pgx/v5"
)

const referenteCols = `id, ambito, nome, email, phone, coalesce(comune, ''), valid_from, valid_to`

func scanReferente(s pgx.Row) (csi.Referente, error) {
	var r csi.Referente
	err := s.Scan(&r.ID, &r.Ambito, &r.Nome, &r.Email, &r.Phone, &r.Comune, &r.From, &r.To)
	return r, err
}

// LoadReferenti returns the current referents, or every term with history.
func (db *DB) LoadReferenti(ctx context.Context, history bool) ([]csi.Referente, error) {
	where := "WHERE valid_to = ''"
	if history {
		where = ""
	}
	out, err := collect(ctx, db.pool, scanReferente,
		"SELECT "+referenteCols+" FROM referenti "+where+` ORDER BY ambito COLLATE "C", valid_from COLLATE "C", id`)
	return out, db.mapErr(err)
}
