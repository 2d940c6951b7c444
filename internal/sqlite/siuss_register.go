package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"strings"

	"github.com/csi-mb/csi/internal/store"
)

var _ store.SiussRegister = (*DB)(nil)

// ChangeSiuss runs fn in one write transaction.
func (db *DB) ChangeSiuss(ctx context.Context, fn func(store.SiussTx) error) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return fn(&siussTx{db: db, tx: tx}) })
}

// siussTx is a change of the register in progress.
type siussTx struct {
	db *DB
	tx *sql.Tx
}

// flowCols are the columns of a flow without its XML, in scanFlow's order.
const flowCols = `id, tipo, mode, operazione, annulla, ente, comune, ts_ms, day, counter, sha256, voci,
	stato, esito, id_acquisizione, periodo_da, periodo_a, created_at, acquired_at, esito_at, actor`

func scanFlow(s scanner, more ...any) (store.SiussFlow, error) {
	var f store.SiussFlow
	err := s.Scan(append([]any{&f.ID, &f.Tipo, &f.Mode, &f.Operazione, &f.Annulla, &f.Ente, &f.Comune, &f.TS,
		&f.Day, &f.Counter, &f.SHA256, &f.Voci, &f.Stato, &f.Esito, &f.IDAcquisizione, &f.From, &f.To,
		&f.CreatedAt, &f.AcquiredAt, &f.EsitoAt, &f.Actor}, more...)...)
	return f, err
}

// SiussFlows lists the flows f selects, in timestamp order.
func (db *DB) SiussFlows(ctx context.Context, f store.SiussFilter) ([]store.SiussFlow, error) {
	where, args := flowFilter(f)
	rows, err := db.db.QueryContext(ctx, "SELECT "+flowCols+" FROM siuss_flussi"+where+" ORDER BY ts_ms", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []store.SiussFlow{}
	for rows.Next() {
		fl, err := scanFlow(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, fl)
	}
	return out, mapErr(rows.Err())
}

// flowFilter is the WHERE clause of a filter.
func flowFilter(f store.SiussFilter) (string, []any) {
	var conds []string
	var args []any
	if f.Comuni != nil {
		conds = append(conds, "comune IN (SELECT value FROM json_each(?))")
		args = append(args, jsonList(f.Comuni))
	}
	for _, c := range []struct{ col, op, v string }{
		{"tipo", "=", f.Tipo}, {"stato", "=", f.Stato}, {"day", ">=", f.From}, {"day", "<=", f.To},
	} {
		if c.v != "" {
			conds = append(conds, c.col+" "+c.op+" ?")
			args = append(args, c.v)
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// SiussFlow returns one flow with its XML and items, or nil.
func (db *DB) SiussFlow(ctx context.Context, id string) (*store.SiussFlow, error) {
	f, err := loadFlow(ctx, db.db, id)
	return f, mapErr(err)
}

func loadFlow(ctx context.Context, q querier, id string) (*store.SiussFlow, error) {
	var xml []byte
	f, err := scanFlow(q.QueryRowContext(ctx, "SELECT "+flowCols+", contenuto FROM siuss_flussi WHERE id = ?", id), &xml)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f.XML = xml
	rows, err := q.QueryContext(ctx, "SELECT comune, record, anno, row_hash FROM siuss_voci WHERE flusso = ? ORDER BY comune, record, anno", id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var it store.SiussItem
		var h int64
		if err := rows.Scan(&it.Comune, &it.Record, &it.Anno, &h); err != nil {
			return nil, err
		}
		it.Hash = uint64(h)
		f.Items = append(f.Items, it)
	}
	return &f, rows.Err()
}

// SiussEsiti returns the outcomes received for a flow ("" for those of
// unknown flows), in the order they came.
func (db *DB) SiussEsiti(ctx context.Context, id string) ([]store.SiussEsito, error) {
	where, args := "WHERE id_flusso = ?", []any{id}
	if id == "" {
		where, args = "WHERE noto = 0", nil
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id_flusso, codice_esito, descrizione, id_acquisizione, ts_acquisizione,
		fonte, noto, received_at FROM siuss_esiti `+where+" ORDER BY id", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []store.SiussEsito{}
	for rows.Next() {
		var e store.SiussEsito
		if err := rows.Scan(&e.IDFlusso, &e.Codice, &e.Descrizione, &e.IDAcquisizione, &e.TSAcquisizione,
			&e.Fonte, &e.Noto, &e.ReceivedAt); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, mapErr(rows.Err())
}

// LockRegister: SQLite has one writer at a time (transactions begin
// IMMEDIATE), so the write transaction is the register's only writer.
func (t *siussTx) LockRegister(context.Context) error { return nil }

// CarriedItems returns the latest flow carrying each record of the Comuni.
func (t *siussTx) CarriedItems(ctx context.Context, tipo string, comuni []string) (map[store.SiussItemKey]store.SiussCarried, error) {
	rows, err := t.tx.QueryContext(ctx, `SELECT v.comune, v.record, v.anno, v.row_hash, f.id, f.operazione, f.stato
		FROM siuss_voci v JOIN siuss_flussi f ON f.id = v.flusso
		WHERE f.tipo = ? AND v.comune IN (SELECT value FROM json_each(?))
		ORDER BY f.ts_ms`, tipo, jsonList(comuni))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[store.SiussItemKey]store.SiussCarried{}
	for rows.Next() {
		var k store.SiussItemKey
		var c store.SiussCarried
		var h int64
		if err := rows.Scan(&k.Comune, &k.Record, &k.Anno, &h, &c.Flow, &c.Operazione, &c.Stato); err != nil {
			return nil, err
		}
		c.Hash = uint64(h)
		out[k] = c // rows come in timestamp order: the last one stays
	}
	return out, rows.Err()
}

// NextCounters reserves n daily counters of an ente and type.
func (t *siussTx) NextCounters(ctx context.Context, ente, tipo, day string, n int) (int, error) {
	var last int
	err := t.tx.QueryRowContext(ctx, `INSERT INTO siuss_contatori(ente, tipo, day, ultimo) VALUES (?,?,?,?)
		ON CONFLICT(ente, tipo, day) DO UPDATE SET ultimo = ultimo + excluded.ultimo RETURNING ultimo`,
		ente, tipo, day, n).Scan(&last)
	return last - n + 1, err
}

// NextTimestamps reserves n timestamps after every earlier one.
func (t *siussTx) NextTimestamps(ctx context.Context, notBefore int64, n int) (int64, error) {
	var last int64
	err := t.tx.QueryRowContext(ctx, `UPDATE siuss_orologio SET last_ts = max(last_ts + 1, ?) + ? - 1
		WHERE one = 1 RETURNING last_ts`, notBefore, n).Scan(&last)
	return last - int64(n) + 1, err
}

// InsertFlows stores new flows with their XML and items.
func (t *siussTx) InsertFlows(ctx context.Context, flows []store.SiussFlow) error {
	ins, err := t.tx.PrepareContext(ctx, `INSERT INTO siuss_flussi(id, tipo, mode, operazione, annulla, ente, comune, ts_ms,
		day, counter, sha256, contenuto, voci, stato, periodo_da, periodo_a, created_at, actor)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	defer ins.Close()
	item, err := t.tx.PrepareContext(ctx, "INSERT INTO siuss_voci(flusso, comune, record, anno, row_hash) VALUES (?,?,?,?,?)")
	if err != nil {
		return err
	}
	defer item.Close()
	for _, f := range flows {
		if _, err := ins.ExecContext(ctx, f.ID, f.Tipo, f.Mode, f.Operazione, f.Annulla, f.Ente, f.Comune, f.TS,
			f.Day, f.Counter, f.SHA256, f.XML, len(f.Items), store.StatoReady, f.From, f.To, f.CreatedAt, f.Actor); err != nil {
			return err
		}
		for _, it := range f.Items {
			if _, err := item.ExecContext(ctx, f.ID, it.Comune, it.Record, it.Anno, int64(it.Hash)); err != nil {
				return err
			}
		}
	}
	return nil
}

// Flow returns one flow with its XML and items, or nil.
func (t *siussTx) Flow(ctx context.Context, id string) (*store.SiussFlow, error) {
	return loadFlow(ctx, t.tx, id)
}

// FlowsAfter returns the pending flows of an ente after since.
func (t *siussTx) FlowsAfter(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error) {
	rows, err := t.tx.QueryContext(ctx, "SELECT "+flowCols+`, contenuto FROM siuss_flussi
		WHERE ente = ? AND ts_ms > ? AND stato IN ('ready','acquired') ORDER BY ts_ms LIMIT ?`, ente, since, limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []store.SiussFlow{}
	for rows.Next() {
		var xml []byte
		f, err := scanFlow(rows, &xml)
		if err != nil {
			return nil, err
		}
		f.XML = xml
		out = append(out, f)
	}
	return out, rows.Err()
}

// MarkAcquired moves the ready flows among ids to acquired, in one
// statement, and counts them.
func (t *siussTx) MarkAcquired(ctx context.Context, ids []string, at string) (int, error) {
	st, err := t.db.txStmt(ctx, t.tx, `UPDATE siuss_flussi SET stato = 'acquired', acquired_at = ?
		WHERE stato = 'ready' AND id IN (SELECT value FROM json_each(?))`)
	if err != nil {
		return 0, err
	}
	res, err := st.ExecContext(ctx, at, jsonList(ids))
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// FlowStates returns the state of each flow among ids the register has.
func (t *siussTx) FlowStates(ctx context.Context, ids []string) (map[string]string, error) {
	st, err := t.db.txStmt(ctx, t.tx, "SELECT id, stato FROM siuss_flussi WHERE id IN (SELECT value FROM json_each(?))")
	if err != nil {
		return nil, err
	}
	rows, err := st.QueryContext(ctx, jsonList(ids))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, stato string
		if err := rows.Scan(&id, &stato); err != nil {
			return nil, err
		}
		out[id] = stato
	}
	return out, rows.Err()
}

// SetOutcomes records INPS's outcomes of flows, one prepared statement
// run per flow (in-process, no round trip).
func (t *siussTx) SetOutcomes(ctx context.Context, ids []string, os []store.SiussOutcome) error {
	st, err := t.db.txStmt(ctx, t.tx, "UPDATE siuss_flussi SET stato = ?, esito = ?, id_acquisizione = ?, esito_at = ? WHERE id = ?")
	if err != nil {
		return err
	}
	for i, id := range ids {
		o := os[i]
		if _, err := st.ExecContext(ctx, o.Stato, o.Esito, o.IDAcquisizione, o.At, id); err != nil {
			return err
		}
	}
	return nil
}

// InsertEsiti logs outcomes as received, each once.
func (t *siussTx) InsertEsiti(ctx context.Context, es []store.SiussEsito) ([]bool, error) {
	st, err := t.db.txStmt(ctx, t.tx, `INSERT INTO siuss_esiti(id_flusso, codice_esito, descrizione, id_acquisizione,
		ts_acquisizione, fonte, noto, received_at) VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT(id_flusso, codice_esito, descrizione, id_acquisizione) DO NOTHING`)
	if err != nil {
		return nil, err
	}
	out := make([]bool, len(es))
	for i, e := range es {
		res, err := st.ExecContext(ctx, e.IDFlusso, e.Codice, e.Descrizione, e.IDAcquisizione, e.TSAcquisizione, e.Fonte, e.Noto, e.ReceivedAt)
		if err != nil {
			return nil, err
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, err
		}
		out[i] = n == 1
	}
	return out, nil
}

// AppendAudits chains one entry per item.
func (t *siussTx) AppendAudits(ctx context.Context, items []store.AuditItem) error {
	return t.db.appendAudits(ctx, t.tx, items)
}

// AppendAudit chains an entry for the actor in ctx.
func (t *siussTx) AppendAudit(ctx context.Context, target, summary string) error {
	return t.db.appendAudit(ctx, t.tx, target, summary)
}

// jsonList encodes a list of strings as a JSON array, for json_each.
func jsonList(vs []string) string {
	if vs == nil {
		vs = []string{}
	}
	b, _ := json.Marshal(vs)
	return string(b)
}
