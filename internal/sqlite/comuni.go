package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	sqlite3 "modernc.org/sqlite/lib"
)

var _ store.Comuni = (*DB)(nil)

const comuneCols = `istat, belfiore, nome, ambito, popolazione, status, anagrafe, onboarded_on, offboarded_on, contact`

type scanner interface{ Scan(dest ...any) error }

func scanComune(s scanner) (csi.Comune, error) {
	var c csi.Comune
	err := s.Scan(&c.Istat, &c.Belfiore, &c.Nome, &c.Ambito, &c.Popolazione, &c.Status, &c.Anagrafe,
		&c.OnboardedOn, &c.OffboardedOn, &c.Contact)
	return c, err
}

// querier is satisfied by *sql.DB and *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func listComuni(ctx context.Context, q querier, where string, args ...any) ([]csi.Comune, error) {
	rows, err := q.QueryContext(ctx, "SELECT "+comuneCols+" FROM comuni "+where+" ORDER BY nome_fold", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Comune{}
	for rows.Next() {
		c, err := scanComune(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

func ambitoNames(ctx context.Context, q querier) ([]string, error) {
	rows, err := q.QueryContext(ctx, "SELECT nome FROM ambiti ORDER BY nome")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// loadState reads the Comuni, their timelines and the Ambiti.
func loadState(ctx context.Context, q querier) (*store.ComuniState, error) {
	cs, err := listComuni(ctx, q, "")
	if err != nil {
		return nil, err
	}
	tl, err := loadTimelines(ctx, q)
	if err != nil {
		return nil, err
	}
	names, err := ambitoNames(ctx, q)
	if err != nil {
		return nil, err
	}
	return &store.ComuniState{Comuni: cs, Timelines: tl, Ambiti: names}, nil
}

// LoadComuni reads every Comune, the status timelines and the Ambiti.
func (db *DB) LoadComuni(ctx context.Context) (*store.ComuniState, error) {
	return loadState(ctx, db.db)
}

// ComuneOn resolves ref to one Comune with its status on day.
func (db *DB) ComuneOn(ctx context.Context, ref, day string) (csi.Comune, error) {
	return comuneOn(ctx, db.db, ref, day)
}

func comuneOn(ctx context.Context, q querier, ref, day string) (csi.Comune, error) {
	st, err := loadState(ctx, q)
	if err != nil {
		return csi.Comune{}, err
	}
	return st.Resolve(ref, day)
}

// ComuneHistory returns a Comune's events in the order they were recorded.
func (db *DB) ComuneHistory(ctx context.Context, istat string) ([]csi.ComuneEvent, error) {
	rows, err := db.db.QueryContext(ctx, `SELECT date, event, detail, actor, created_at FROM comune_history
		WHERE istat = ? ORDER BY id`, istat)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.ComuneEvent{}
	for rows.Next() {
		var e csi.ComuneEvent
		if err := rows.Scan(&e.Date, &e.Event, &e.Detail, &e.Actor, &e.Created); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// ChangeComuni runs fn in one write transaction.
func (db *DB) ChangeComuni(ctx context.Context, fn func(store.ComuniTx) error) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return fn(&comuniTx{db: db, tx: tx}) })
}

// comuniTx is a change of the Comuni, referents or tokens in progress.
type comuniTx struct {
	db *DB
	tx *sql.Tx
}

func (t *comuniTx) State(ctx context.Context) (*store.ComuniState, error) {
	return loadState(ctx, t.tx)
}

func (t *comuniTx) SaveComune(ctx context.Context, c csi.Comune) error {
	_, err := t.tx.ExecContext(ctx, `UPDATE comuni SET ambito = ?, status = ?, anagrafe = ?, onboarded_on = ?,
		offboarded_on = ?, contact = ? WHERE istat = ?`, c.Ambito, c.Status, c.Anagrafe, c.OnboardedOn, c.OffboardedOn, c.Contact, c.Istat)
	return mapErr(err)
}

func (t *comuniTx) AddComuneEvent(ctx context.Context, istat string, e csi.ComuneEvent) error {
	_, err := t.tx.ExecContext(ctx, `INSERT INTO comune_history(istat, date, event, detail, actor, created_at)
		VALUES (?,?,?,?,?,?)`, istat, e.Date, e.Event, e.Detail, e.Actor, e.Created)
	return mapErr(err)
}

func (t *comuniTx) AppendAudit(ctx context.Context, target, summary string) error {
	return t.db.appendAudit(ctx, t.tx, target, summary)
}

func (t *comuniTx) CurrentReferent(ctx context.Context, ambito string) (*csi.Referente, error) {
	r, err := scanReferente(t.tx.QueryRowContext(ctx, "SELECT "+referenteCols+" FROM referenti WHERE ambito = ? AND valid_to = ''", ambito))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &r, mapErr(err)
}

func (t *comuniTx) InsertReferent(ctx context.Context, r csi.Referente) (int64, error) {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO referenti(ambito, nome, email, phone, comune, valid_from)
		VALUES (?,?,?,?,nullif(?, ''),?)`, r.Ambito, r.Nome, r.Email, r.Phone, r.Comune, r.From)
	if err != nil {
		return 0, mapErr(err)
	}
	return res.LastInsertId()
}

func (t *comuniTx) CloseReferent(ctx context.Context, id int64, to string) error {
	_, err := t.tx.ExecContext(ctx, "UPDATE referenti SET valid_to = ? WHERE id = ?", to, id)
	return mapErr(err)
}

func (t *comuniTx) TokenByName(ctx context.Context, name string) (*csi.Token, error) {
	tok, err := scanToken(t.tx.QueryRowContext(ctx, "SELECT "+tokenCols+" FROM tokens WHERE name = ?", name))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return &tok, mapErr(err)
}

func (t *comuniTx) InsertToken(ctx context.Context, tok csi.Token, hash string) (int64, error) {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO tokens(name, role, ambito, comune, hash, created_at, expires)
		VALUES (?,?,nullif(?, ''),nullif(?, ''),?,?,?)`, tok.Name, tok.Role, tok.Ambito, tok.Comune, hash, tok.CreatedAt, tok.Expires)
	if isConstraint(err, sqlite3.SQLITE_CONSTRAINT_UNIQUE) {
		return 0, store.ErrDuplicate
	}
	if err != nil {
		return 0, mapErr(err)
	}
	return res.LastInsertId()
}

func (t *comuniTx) SetTokenRevoked(ctx context.Context, id int64, at string) error {
	_, err := t.tx.ExecContext(ctx, "UPDATE tokens SET revoked_at = ? WHERE id = ?", at, id)
	return mapErr(err)
}
