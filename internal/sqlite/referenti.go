package sqlite

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

const referenteCols = `id, ambito, nome, email, phone, coalesce(comune, ''), valid_from, valid_to`

func scanReferente(s scanner) (csi.Referente, error) {
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
	rows, err := db.db.QueryContext(ctx, "SELECT "+referenteCols+" FROM referenti "+where+" ORDER BY ambito, valid_from, id")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Referente{}
	for rows.Next() {
		r, err := scanReferente(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// Backup writes a consistent copy of the store to path (mode 0600), even
// while other connections write. The copy is made under a temporary name
// and renamed when complete: a failed backup leaves no partial file.
func (db *DB) Backup(ctx context.Context, path string) error {
	f, err := createBackup(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if _, err := db.db.ExecContext(ctx, "VACUUM INTO ?", f.TempName()); err != nil {
		return backupFailed(ctx, f, err)
	}
	return f.CommitNew()
}
