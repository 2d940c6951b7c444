package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

var _ csi.ReferenteService = (*DB)(nil)

const referenteCols = `id, ambito, nome, email, phone, coalesce(comune, ''), valid_from, valid_to`

func scanReferente(s scanner) (csi.Referente, error) {
	var r csi.Referente
	err := s.Scan(&r.ID, &r.Ambito, &r.Nome, &r.Email, &r.Phone, &r.Comune, &r.From, &r.To)
	return r, err
}

func currentReferente(ctx context.Context, q querier, ambito string) (*csi.Referente, error) {
	r, err := scanReferente(q.QueryRowContext(ctx, "SELECT "+referenteCols+" FROM referenti WHERE ambito = ? AND valid_to = ''", ambito))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &r, err
}

// AssignReferente makes someone the current referent of an Ambito; with
// Replace, the previous referent's term ends the day before.
func (db *DB) AssignReferente(ctx context.Context, in csi.AssignInput) (*csi.Referente, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.From == "" {
		in.From = db.today()
	}
	var out csi.Referente
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		r, err := db.planAssign(ctx, tx, in)
		if err != nil {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO referenti(ambito, nome, email, phone, comune, valid_from)
			VALUES (?,?,?,?,nullif(?, ''),?)`, r.Ambito, r.Nome, r.Email, r.Phone, r.Comune, r.From)
		if err != nil {
			return mapErr(err)
		}
		r.ID, _ = res.LastInsertId()
		out = r
		return db.appendAudit(ctx, tx, "ambito "+r.Ambito, fmt.Sprintf("referent %d assigned from %s", r.ID, r.From))
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// planAssign checks the Ambito, the Comune and the current referent, ending
// the latter when asked to replace it.
func (db *DB) planAssign(ctx context.Context, tx *sql.Tx, in csi.AssignInput) (csi.Referente, error) {
	r := csi.Referente{Nome: in.Nome, Email: in.Email, Phone: in.Phone, From: in.From}
	var err error
	if r.Ambito, err = resolveAmbito(ctx, tx, in.Ambito); err != nil {
		return r, err
	}
	if in.Comune != "" {
		c, err := resolveComune(ctx, tx, in.Comune)
		if err != nil {
			return r, err
		}
		if c.Ambito != r.Ambito {
			return r, csi.Errorf(csi.EINVALID, "%s (%s) belongs to Ambito %s, not %s", c.Nome, c.Istat, c.Ambito, r.Ambito).
				WithHint("give a Comune of Ambito %s, or move it with 'csi comuni update %s --ambito'", r.Ambito, c.Istat)
		}
		r.Comune = c.Istat
	}
	cur, err := currentReferente(ctx, tx, r.Ambito)
	if err != nil || cur == nil {
		return r, err
	}
	if !in.Replace {
		return r, csi.Errorf(csi.ECONFLICT, "Ambito %s already has a current referent (since %s)", r.Ambito, cur.From).
			WithHint("pass --replace to end the current term the day before --from, or run 'csi referenti end' first")
	}
	return r, db.endTerm(ctx, tx, cur, dayBefore(in.From))
}

func dayBefore(d string) string {
	t, _ := time.Parse(csi.DateLayout, d)
	return csi.Day(t.AddDate(0, 0, -1))
}

func (db *DB) endTerm(ctx context.Context, tx *sql.Tx, cur *csi.Referente, to string) error {
	if to < cur.From {
		return csi.Errorf(csi.EINVALID, "the current referent of %s started on %s, after %s", cur.Ambito, cur.From, to).
			WithHint("give a date after %s", cur.From)
	}
	if _, err := tx.ExecContext(ctx, "UPDATE referenti SET valid_to = ? WHERE id = ?", to, cur.ID); err != nil {
		return err
	}
	cur.To = to
	return db.appendAudit(ctx, tx, "ambito "+cur.Ambito, fmt.Sprintf("referent %d ended on %s", cur.ID, to))
}

// EndReferente ends the current referent's term of an Ambito on date.
func (db *DB) EndReferente(ctx context.Context, ambito, date string) (*csi.Referente, error) {
	if _, err := csi.ParseDay("--date", date); err != nil {
		return nil, err
	}
	var out *csi.Referente
	err := db.inTx(ctx, func(tx *sql.Tx) error {
		a, err := resolveAmbito(ctx, tx, ambito)
		if err != nil {
			return err
		}
		cur, err := currentReferente(ctx, tx, a)
		if err != nil {
			return err
		}
		if cur == nil {
			return csi.Errorf(csi.ENOTFOUND, "Ambito %s has no current referent", a).
				WithHint("run 'csi referenti list --history' to see past terms")
		}
		out = cur
		return db.endTerm(ctx, tx, cur, date)
	})
	return out, err
}

// ListReferenti returns the current referents, or every term with history.
func (db *DB) ListReferenti(ctx context.Context, history bool) ([]csi.Referente, error) {
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
