package postgres

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.Comuni = (*DB)(nil)

// Text is ordered and compared byte by byte (COLLATE "C"), as SQLite does,
// so that lists come in the same order on both engines whatever the
// database's collation.
const comuneCols = `istat, belfiore, nome, ambito, popolazione, status, anagrafe, onboarded_on, offboarded_on, contact`

func scanComune(s pgx.Row) (csi.Comune, error) {
	var c csi.Comune
	err := s.Scan(&c.Istat, &c.Belfiore, &c.Nome, &c.Ambito, &c.Popolazione, &c.Status, &c.Anagrafe,
		&c.OnboardedOn, &c.OffboardedOn, &c.Contact)
	return c, err
}

// collect reads every row of a query with scan.
func collect[T any](ctx context.Context, q querier, scan func(pgx.Row) (T, error), sql string, args ...any) ([]T, error) {
	rows, err := q.Query(ctx, sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

func scanString(r pgx.Row) (string, error) {
	var s string
	err := r.Scan(&s)
	return s, err
}

// statusHistory is the query of the history events that change a status.
const statusHistory = `SELECT istat, date, event, detail FROM comune_history
	WHERE event IN ('onboarded', 'offboarded', 'status') ORDER BY id`

// loadState reads the Comuni, their status timelines and the Ambiti.
func loadState(ctx context.Context, q querier) (*store.ComuniState, error) {
	cs, err := collect(ctx, q, scanComune, "SELECT "+comuneCols+` FROM comuni ORDER BY nome_fold COLLATE "C"`)
	if err != nil {
		return nil, err
	}
	st := &store.ComuniState{Comuni: cs, Timelines: map[string]csi.StatusTimeline{}}
	rows, err := q.Query(ctx, statusHistory)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var istat, date, event, detail string
		if err := rows.Scan(&istat, &date, &event, &detail); err != nil {
			return nil, err
		}
		if to, ok := store.StatusEvent(event, detail); ok {
			st.Timelines[istat] = append(st.Timelines[istat], csi.StatusChange{Date: date, Status: to})
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	for _, t := range st.Timelines {
		csi.SortTimeline(t)
	}
	st.Ambiti, err = collect(ctx, q, scanString, `SELECT nome FROM ambiti ORDER BY nome COLLATE "C"`)
	return st, err
}

// readOnly runs fn in a read-only repeatable-read transaction: one
// snapshot, whatever other servers commit meanwhile.
func (db *DB) readOnly(ctx context.Context, fn func(pgx.Tx) error) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return db.mapErr(err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx)) //nolint:errcheck // a read: nothing to keep
	return db.mapErr(fn(tx))
}

// LoadComuni reads every Comune, the status timelines and the Ambiti.
func (db *DB) LoadComuni(ctx context.Context) (*store.ComuniState, error) {
	var st *store.ComuniState
	err := db.readOnly(ctx, func(tx pgx.Tx) (err error) {
		st, err = loadState(ctx, tx)
		return err
	})
	return st, err
}

// ComuneOn resolves ref to one Comune with its status on day.
func (db *DB) ComuneOn(ctx context.Context, ref, day string) (csi.Comune, error) {
	if st, ok, err := db.comuneByIstat(ctx, ref); err != nil || ok {
		if err != nil {
			return csi.Comune{}, err
		}
		return st.Resolve(ref, day)
	}
	st, err := db.LoadComuni(ctx)
	if err != nil {
		return csi.Comune{}, err
	}
	return st.Resolve(ref, day)
}

// ComuneHistory returns a Comune's events in the order they were recorded.
func (db *DB) ComuneHistory(ctx context.Context, istat string) ([]csi.ComuneEvent, error) {
	out, err := collect(ctx, db.pool, func(r pgx.Row) (csi.ComuneEvent, error) {
		var e csi.ComuneEvent
		err := r.Scan(&e.Date, &e.Event, &e.Detail, &e.Actor, &e.Created)
		return e, err
	}, `SELECT date, event, detail, actor, created_at FROM comune_history WHERE istat = $1 ORDER BY id`, istat)
	return out, db.mapErr(err)
}

// comuniLock is the first key of the advisory lock (the second is 0) that
// every change of the Comuni, referents and tokens takes for its
// transaction, so that two servers never plan a change from the same
// state. It is a two-key lock with its own first key ("com"): the
// migration lock is a one-key lock and the registry locks another pair.
const comuniLock = 0x636f6d

// ChangeComuni runs fn in one write transaction, serialised with every
// other change of the Comuni, referents and tokens on the database.
func (db *DB) ChangeComuni(ctx context.Context, fn func(store.ComuniTx) error) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, 0)", comuniLock); err != nil {
			return err
		}
		return fn(&comuniTx{db: db, tx: tx})
	})
}

// comuniTx is a change of the Comuni, referents or tokens in progress.
type comuniTx struct {
	db *DB
	tx pgx.Tx
}

func (t *comuniTx) State(ctx context.Context) (*store.ComuniState, error) {
	return loadState(ctx, t.tx)
}

func (t *comuniTx) SaveComune(ctx context.Context, c csi.Comune) error {
	_, err := t.tx.Exec(ctx, `UPDATE comuni SET ambito = $1, status = $2, anagrafe = $3, onboarded_on = $4,
		offboarded_on = $5, contact = $6 WHERE istat = $7`, c.Ambito, c.Status, c.Anagrafe, c.OnboardedOn, c.OffboardedOn, c.Contact, c.Istat)
	return err
}

func (t *comuniTx) AddComuneEvent(ctx context.Context, istat string, e csi.ComuneEvent) error {
	_, err := t.tx.Exec(ctx, `INSERT INTO comune_history(istat, date, event, detail, actor, created_at)
		VALUES ($1,$2,$3,$4,$5,$6)`, istat, e.Date, e.Event, e.Detail, e.Actor, e.Created)
	return err
}

func (t *comuniTx) AppendAudit(ctx context.Context, target, summary string) error {
	return t.db.appendAudit(ctx, t.tx, target, summary)
}

func (t *comuniTx) CurrentReferent(ctx context.Context, ambito string) (*csi.Referente, error) {
	r, err := scanReferente(t.tx.QueryRow(ctx, "SELECT "+referenteCols+" FROM referenti WHERE ambito = $1 AND valid_to = ''", ambito))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &r, err
}

func (t *comuniTx) InsertReferent(ctx context.Context, r csi.Referente) (int64, error) {
	var id int64
	err := t.tx.QueryRow(ctx, `INSERT INTO referenti(ambito, nome, email, phone, comune, valid_from)
		VALUES ($1,$2,$3,$4,nullif($5, ''),$6) RETURNING id`, r.Ambito, r.Nome, r.Email, r.Phone, r.Comune, r.From).Scan(&id)
	return id, err
}

func (t *comuniTx) CloseReferent(ctx context.Context, id int64, to string) error {
	_, err := t.tx.Exec(ctx, "UPDATE referenti SET valid_to = $1 WHERE id = $2", to, id)
	return err
}

func (t *comuniTx) TokenByName(ctx context.Context, name string) (*csi.Token, error) {
	tok, err := scanToken(t.tx.QueryRow(ctx, "SELECT "+tokenCols+" FROM tokens WHERE name = $1", name))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &tok, err
}

func (t *comuniTx) InsertToken(ctx context.Context, tok csi.Token, hash string) (int64, error) {
	// Checked first (the change holds comuniLock) rather than left to the
	// unique index: a failed insert would use up an id, and ids must
	// follow one another as on SQLite.
	var taken bool
	if err := t.tx.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM tokens WHERE name = $1)", tok.Name).Scan(&taken); err != nil || taken {
		if taken {
			return 0, store.ErrDuplicate
		}
		return 0, err
	}
	var id int64
	err := t.tx.QueryRow(ctx, `INSERT INTO tokens(name, role, ambito, comune, hash, created_at, expires)
		VALUES ($1,$2,nullif($3, ''),nullif($4, ''),$5,$6,$7) RETURNING id`,
		tok.Name, tok.Role, tok.Ambito, tok.Comune, hash, tok.CreatedAt, tok.Expires).Scan(&id)
	return id, err
}

func (t *comuniTx) SetTokenRevoked(ctx context.Context, id int64, at string) error {
	_, err := t.tx.Exec(ctx, "UPDATE tokens SET revoked_at = $1 WHERE id = $2", at, id)
	return err
}
