package postgres

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.SiussRegister = (*DB)(nil)

// ChangeSiuss runs fn in one write transaction.
func (db *DB) ChangeSiuss(ctx context.Context, fn func(store.SiussTx) error) error {
	return db.inTx(ctx, func(tx pgx.Tx) error { return fn(&siussTx{db: db, tx: tx}) })
}

// siussTx is a change of the register in progress.
type siussTx struct {
	db *DB
	tx pgx.Tx
}

// flowCols are the columns of a flow without its XML, in scanFlow's order.
const flowCols = `id, tipo, mode, operazione, annulla, ente, comune, ts_ms, day, counter, sha256, voci,
	stato, esito, id_acquisizione, periodo_da, periodo_a, created_at, acquired_at, esito_at, actor`

func scanFlow(s pgx.Row, more ...any) (store.SiussFlow, error) {
	var f store.SiussFlow
	err := s.Scan(append([]any{&f.ID, &f.Tipo, &f.Mode, &f.Operazione, &f.Annulla, &f.Ente, &f.Comune, &f.TS,
		&f.Day, &f.Counter, &f.SHA256, &f.Voci, &f.Stato, &f.Esito, &f.IDAcquisizione, &f.From, &f.To,
		&f.CreatedAt, &f.AcquiredAt, &f.EsitoAt, &f.Actor}, more...)...)
	return f, err
}

func scanFlowRow(r pgx.Row) (store.SiussFlow, error) { return scanFlow(r) }

func scanFlowXML(r pgx.Row) (store.SiussFlow, error) {
	var xml []byte
	f, err := scanFlow(r, &xml)
	f.XML = xml
	return f, err
}

// SiussFlows lists the flows f selects, in timestamp order.
func (db *DB) SiussFlows(ctx context.Context, f store.SiussFilter) ([]store.SiussFlow, error) {
	where, args := flowFilter(f)
	out, err := collect(ctx, db.pool, scanFlowRow, "SELECT "+flowCols+" FROM siuss_flussi"+where+" ORDER BY ts_ms", args...)
	return out, db.mapErr(err)
}

// flowFilter is the WHERE clause of a filter.
func flowFilter(f store.SiussFilter) (string, []any) {
	var conds []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Comuni != nil {
		conds = append(conds, "comune = ANY("+arg(f.Comuni)+")")
	}
	for _, c := range []struct{ col, op, v string }{
		{"tipo", "=", f.Tipo}, {"stato", "=", f.Stato}, {"day", ">=", f.From}, {"day", "<=", f.To},
	} {
		if c.v != "" {
			conds = append(conds, c.col+` COLLATE "C" `+c.op+" "+arg(c.v))
		}
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// SiussFlow returns one flow with its XML and items, or nil.
func (db *DB) SiussFlow(ctx context.Context, id string) (*store.SiussFlow, error) {
	f, err := loadFlow(ctx, db.pool, id)
	return f, db.mapErr(err)
}

func loadFlow(ctx context.Context, q querier, id string) (*store.SiussFlow, error) {
	f, err := scanFlowXML(q.QueryRow(ctx, "SELECT "+flowCols+", contenuto FROM siuss_flussi WHERE id = $1", id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	f.Items, err = collect(ctx, q, func(r pgx.Row) (store.SiussItem, error) {
		var it store.SiussItem
		var h int64
		err := r.Scan(&it.Comune, &it.Record, &it.Anno, &h)
		it.Hash = uint64(h)
		return it, err
	}, `SELECT comune, record, anno, row_hash FROM siuss_voci WHERE flusso = $1
		ORDER BY comune COLLATE "C", record COLLATE "C", anno`, id)
	if len(f.Items) == 0 {
		f.Items = nil
	}
	return &f, err
}

// SiussEsiti returns the outcomes received for a flow ("" for those of
// unknown flows), in the order they came.
func (db *DB) SiussEsiti(ctx context.Context, id string) ([]store.SiussEsito, error) {
	where, args := "WHERE id_flusso = $1", []any{id}
	if id == "" {
		where, args = "WHERE NOT noto", nil
	}
	out, err := collect(ctx, db.pool, func(r pgx.Row) (store.SiussEsito, error) {
		var e store.SiussEsito
		err := r.Scan(&e.IDFlusso, &e.Codice, &e.Descrizione, &e.IDAcquisizione, &e.TSAcquisizione, &e.Fonte, &e.Noto, &e.ReceivedAt)
		return e, err
	}, `SELECT id_flusso, codice_esito, descrizione, id_acquisizione, ts_acquisizione, fonte, noto, received_at
		FROM siuss_esiti `+where+" ORDER BY id", args...)
	return out, db.mapErr(err)
}

// LockRegister locks the clock row until the transaction ends: exports,
// from one csi or several sharing the database, run one after the other,
// and each sees the flows the one before it committed.
func (t *siussTx) LockRegister(ctx context.Context) error {
	_, err := t.tx.Exec(ctx, "SELECT last_ts FROM siuss_orologio WHERE one = 1 FOR UPDATE")
	return err
}

// CarriedItems returns the latest flow carrying each record of the Comuni.
func (t *siussTx) CarriedItems(ctx context.Context, tipo string, comuni []string) (map[store.SiussItemKey]store.SiussCarried, error) {
	rows, err := t.tx.Query(ctx, `SELECT DISTINCT ON (v.comune, v.record, v.anno) v.comune, v.record, v.anno, v.row_hash,
			f.id, f.operazione, f.stato
		FROM siuss_voci v JOIN siuss_flussi f ON f.id = v.flusso
		WHERE f.tipo = $1 AND v.comune = ANY($2)
		ORDER BY v.comune, v.record, v.anno, f.ts_ms DESC`, tipo, comuni)
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
		out[k] = c
	}
	return out, rows.Err()
}

// NextCounters reserves n daily counters of an ente and type; the upsert
// locks the counter's row until the transaction ends.
func (t *siussTx) NextCounters(ctx context.Context, ente, tipo, day string, n int) (int, error) {
	var last int
	err := t.tx.QueryRow(ctx, `INSERT INTO siuss_contatori(ente, tipo, day, ultimo) VALUES ($1,$2,$3,$4)
		ON CONFLICT(ente, tipo, day) DO UPDATE SET ultimo = siuss_contatori.ultimo + excluded.ultimo RETURNING ultimo`,
		ente, tipo, day, n).Scan(&last)
	return last - n + 1, err
}

// NextTimestamps reserves n timestamps after every earlier one.
func (t *siussTx) NextTimestamps(ctx context.Context, notBefore int64, n int) (int64, error) {
	var last int64
	err := t.tx.QueryRow(ctx, `UPDATE siuss_orologio SET last_ts = GREATEST(last_ts + 1, $1::bigint) + $2::bigint - 1
		WHERE one = 1 RETURNING last_ts`, notBefore, n).Scan(&last)
	return last - int64(n) + 1, err
}

// InsertFlows stores new flows with their XML and items, in one batch.
func (t *siussTx) InsertFlows(ctx context.Context, flows []store.SiussFlow) error {
	b := &pgx.Batch{}
	for _, f := range flows {
		b.Queue(`INSERT INTO siuss_flussi(id, tipo, mode, operazione, annulla, ente, comune, ts_ms,
			day, counter, sha256, contenuto, voci, stato, periodo_da, periodo_a, created_at, actor)
			VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)`,
			f.ID, f.Tipo, f.Mode, f.Operazione, f.Annulla, f.Ente, f.Comune, f.TS,
			f.Day, f.Counter, f.SHA256, f.XML, len(f.Items), store.StatoReady, f.From, f.To, f.CreatedAt, f.Actor)
		for _, it := range f.Items {
			b.Queue("INSERT INTO siuss_voci(flusso, comune, record, anno, row_hash) VALUES ($1,$2,$3,$4,$5)",
				f.ID, it.Comune, it.Record, it.Anno, int64(it.Hash))
		}
	}
	return t.tx.SendBatch(ctx, b).Close()
}

// Flow returns one flow with its XML and items, or nil.
func (t *siussTx) Flow(ctx context.Context, id string) (*store.SiussFlow, error) {
	return loadFlow(ctx, t.tx, id)
}

// FlowsAfter returns the pending flows of an ente after since.
func (t *siussTx) FlowsAfter(ctx context.Context, ente string, since int64, limit int) ([]store.SiussFlow, error) {
	return collect(ctx, t.tx, scanFlowXML, "SELECT "+flowCols+`, contenuto FROM siuss_flussi
		WHERE ente = $1 AND ts_ms > $2 AND stato IN ('ready','acquired') ORDER BY ts_ms LIMIT $3`, ente, since, limit)
}

// MarkAcquired moves the ready flows among ids to acquired, in one
// statement, and counts them.
func (t *siussTx) MarkAcquired(ctx context.Context, ids []string, at string) (int, error) {
	tag, err := t.tx.Exec(ctx, `UPDATE siuss_flussi SET stato = 'acquired', acquired_at = $1
		WHERE stato = 'ready' AND id = ANY($2)`, at, ids)
	return int(tag.RowsAffected()), err
}

// FlowStates returns the state of each flow among ids the register has.
func (t *siussTx) FlowStates(ctx context.Context, ids []string) (map[string]string, error) {
	rows, err := t.tx.Query(ctx, "SELECT id, stato FROM siuss_flussi WHERE id = ANY($1)", ids)
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

// SetOutcomes records INPS's outcomes of flows in one statement.
func (t *siussTx) SetOutcomes(ctx context.Context, ids []string, os []store.SiussOutcome) error {
	stati, esiti, acq, at := make([]string, len(os)), make([]string, len(os)), make([]string, len(os)), make([]string, len(os))
	for i, o := range os {
		stati[i], esiti[i], acq[i], at[i] = o.Stato, o.Esito, o.IDAcquisizione, o.At
	}
	_, err := t.tx.Exec(ctx, `UPDATE siuss_flussi f SET stato = u.stato, esito = u.esito, id_acquisizione = u.acq, esito_at = u.at
		FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS u(id, stato, esito, acq, at)
		WHERE f.id = u.id`, ids, stati, esiti, acq, at)
	return err
}

// InsertEsiti logs outcomes as received, each once: one batch, one round
// trip.
func (t *siussTx) InsertEsiti(ctx context.Context, es []store.SiussEsito) ([]bool, error) {
	b := &pgx.Batch{}
	for _, e := range es {
		b.Queue(`INSERT INTO siuss_esiti(id_flusso, codice_esito, descrizione, id_acquisizione,
		ts_acquisizione, fonte, noto, received_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
		ON CONFLICT(id_flusso, codice_esito, descrizione, id_acquisizione) DO NOTHING`,
			e.IDFlusso, e.Codice, e.Descrizione, e.IDAcquisizione, e.TSAcquisizione, e.Fonte, e.Noto, e.ReceivedAt)
	}
	br := t.tx.SendBatch(ctx, b)
	out := make([]bool, len(es))
	for i := range es {
		tag, err := br.Exec()
		if err != nil {
			br.Close()
			return nil, err
		}
		out[i] = tag.RowsAffected() == 1
	}
	return out, br.Close()
}

// AppendAudits chains one entry per item.
func (t *siussTx) AppendAudits(ctx context.Context, items []store.AuditItem) error {
	return t.db.appendAudits(ctx, t.tx, items)
}

// AppendAudit chains an entry for the actor in ctx.
func (t *siussTx) AppendAudit(ctx context.Context, target, summary string) error {
	return t.db.appendAudit(ctx, t.tx, target, summary)
}
