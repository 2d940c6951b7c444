package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Monitoring = (*DB)(nil)

// The registers of the process indicators, read whole: package app
// filters and aggregates them. The queries are PostgreSQL's too
// (internal/postgres/monitoring.go), with the same order.
const (
	eventiQuery = `SELECT id, tipo, data, titolo, ambiti, comuni, partecipanti, per_ruolo, accreditamento, note
		FROM eventi ORDER BY data, id`
	operatoriQuery = `SELECT o.codice, o.comune, c.ambito, o.ruolo, o.ultimo_accesso
		FROM operatori o JOIN comuni c ON c.istat = o.comune ORDER BY o.comune, o.codice`
	canaliQuery      = `SELECT id, controparte, descrizione, ambito, comune, note FROM canali ORDER BY id`
	canaliStatiQuery = `SELECT canale, stato, data, note FROM canali_stati ORDER BY canale, data, id`
)

// LoadEventi returns every event.
func (db *DB) LoadEventi(ctx context.Context) ([]csi.Evento, error) { return loadEventi(ctx, db.db) }

// LoadOperatori returns the current operator accounts.
func (db *DB) LoadOperatori(ctx context.Context) ([]csi.Operatore, error) {
	return loadOperatori(ctx, db.db)
}

// LoadCanali returns every channel with its history.
func (db *DB) LoadCanali(ctx context.Context) ([]csi.Canale, error) { return loadCanali(ctx, db.db) }

// ChangeMonitoring runs fn in one write transaction.
func (db *DB) ChangeMonitoring(ctx context.Context, fn func(store.MonitoringTx) error) error {
	return db.inTx(ctx, func(tx *sql.Tx) error { return fn(&monitoringTx{db: db, tx: tx}) })
}

// splitList reads a list stored joined by ','.
func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}

func loadEventi(ctx context.Context, q querier) ([]csi.Evento, error) {
	rows, err := q.QueryContext(ctx, eventiQuery)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Evento{}
	for rows.Next() {
		var e csi.Evento
		var ambiti, comuni, ruoli string
		if err := rows.Scan(&e.ID, &e.Tipo, &e.Data, &e.Titolo, &ambiti, &comuni, &e.Partecipanti, &ruoli, &e.Accreditamento, &e.Note); err != nil {
			return nil, err
		}
		e.Ambiti, e.Comuni = splitList(ambiti), splitList(comuni)
		if err := json.Unmarshal([]byte(ruoli), &e.PerRuolo); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func loadOperatori(ctx context.Context, q querier) ([]csi.Operatore, error) {
	rows, err := q.QueryContext(ctx, operatoriQuery)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Operatore{}
	for rows.Next() {
		var o csi.Operatore
		if err := rows.Scan(&o.Codice, &o.Comune, &o.Ambito, &o.Ruolo, &o.UltimoAccesso); err != nil {
			return nil, err
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

func loadCanali(ctx context.Context, q querier) ([]csi.Canale, error) {
	rows, err := q.QueryContext(ctx, canaliQuery)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Canale{}
	at := map[int64]int{}
	for rows.Next() {
		c := csi.Canale{Storia: []csi.CanaleStato{}}
		if err := rows.Scan(&c.ID, &c.Controparte, &c.Descrizione, &c.Ambito, &c.Comune, &c.Note); err != nil {
			return nil, err
		}
		at[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	srows, err := q.QueryContext(ctx, canaliStatiQuery)
	if err != nil {
		return nil, mapErr(err)
	}
	defer srows.Close()
	for srows.Next() {
		var id int64
		var s csi.CanaleStato
		if err := srows.Scan(&id, &s.Stato, &s.Data, &s.Note); err != nil {
			return nil, err
		}
		c := &out[at[id]]
		c.Storia = append(c.Storia, s)
		c.Stato, c.Dal = s.Stato, s.Data
	}
	return out, srows.Err()
}

// monitoringTx is a change of the registers in progress.
type monitoringTx struct {
	db *DB
	tx *sql.Tx
}

func (t *monitoringTx) ComuniState(ctx context.Context) (*store.ComuniState, error) {
	return loadState(ctx, t.tx)
}

func (t *monitoringTx) Eventi(ctx context.Context) ([]csi.Evento, error) {
	return loadEventi(ctx, t.tx)
}

func (t *monitoringTx) InsertEvento(ctx context.Context, e csi.Evento) (int64, error) {
	ruoli, err := json.Marshal(e.PerRuolo)
	if err != nil {
		return 0, err
	}
	res, err := t.tx.ExecContext(ctx, `INSERT INTO eventi(tipo, data, titolo, ambiti, comuni, partecipanti, per_ruolo, accreditamento, note, created_at)
		VALUES (?,?,?,?,?,?,?,?,?,?)`, e.Tipo, e.Data, e.Titolo, strings.Join(e.Ambiti, ","), strings.Join(e.Comuni, ","),
		e.Partecipanti, string(ruoli), e.Accreditamento, e.Note, t.db.now())
	if err != nil {
		return 0, mapErr(err)
	}
	return res.LastInsertId()
}

func (t *monitoringTx) DeleteEvento(ctx context.Context, id int64) error {
	_, err := t.tx.ExecContext(ctx, "DELETE FROM eventi WHERE id = ?", id)
	return mapErr(err)
}

func (t *monitoringTx) Operatori(ctx context.Context) ([]csi.Operatore, error) {
	return loadOperatori(ctx, t.tx)
}

func (t *monitoringTx) ReplaceOperatori(ctx context.Context, comuni []string, ops []csi.Operatore) (int, error) {
	del, args := "DELETE FROM operatori", []any{}
	if comuni != nil {
		del += " WHERE comune IN (" + strings.TrimSuffix(strings.Repeat("?,", len(comuni)), ",") + ")"
		for _, c := range comuni {
			args = append(args, c)
		}
	}
	if comuni == nil || len(comuni) > 0 {
		if _, err := t.tx.ExecContext(ctx, del, args...); err != nil {
			return 0, mapErr(err)
		}
	}
	added := 0
	for _, o := range ops {
		if _, err := t.tx.ExecContext(ctx, `INSERT INTO operatori(comune, codice, ruolo, ultimo_accesso) VALUES (?,?,?,?)`,
			o.Comune, o.Codice, o.Ruolo, o.UltimoAccesso); err != nil {
			return 0, mapErr(err)
		}
		if o.UltimoAccesso == "" {
			continue
		}
		res, err := t.tx.ExecContext(ctx, `INSERT INTO operatori_accessi(comune, codice, giorno) VALUES (?,?,?)
			ON CONFLICT DO NOTHING`, o.Comune, o.Codice, o.UltimoAccesso)
		if err != nil {
			return 0, mapErr(err)
		}
		n, _ := res.RowsAffected()
		added += int(n)
	}
	return added, nil
}

func (t *monitoringTx) Canali(ctx context.Context) ([]csi.Canale, error) {
	return loadCanali(ctx, t.tx)
}

func (t *monitoringTx) InsertCanale(ctx context.Context, c csi.Canale) (int64, error) {
	res, err := t.tx.ExecContext(ctx, `INSERT INTO canali(controparte, descrizione, ambito, comune, note) VALUES (?,?,?,?,?)`,
		c.Controparte, c.Descrizione, c.Ambito, c.Comune, c.Note)
	if err != nil {
		return 0, mapErr(err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	return id, t.AddCanaleStato(ctx, id, c.Storia[0])
}

func (t *monitoringTx) AddCanaleStato(ctx context.Context, id int64, s csi.CanaleStato) error {
	_, err := t.tx.ExecContext(ctx, "INSERT INTO canali_stati(canale, stato, data, note) VALUES (?,?,?,?)", id, s.Stato, s.Data, s.Note)
	return mapErr(err)
}

func (t *monitoringTx) SetCanaleNote(ctx context.Context, id int64, note string) error {
	_, err := t.tx.ExecContext(ctx, "UPDATE canali SET note = ? WHERE id = ?", note, id)
	return mapErr(err)
}

func (t *monitoringTx) AppendAudit(ctx context.Context, target, summary string) error {
	return t.db.appendAudit(ctx, t.tx, target, summary)
}

// IndicatorEventi returns every event in the snapshot.
func (r indicatorReader) IndicatorEventi(ctx context.Context) ([]csi.Evento, error) {
	return loadEventi(ctx, r.q)
}

// IndicatorCanali returns every channel in the snapshot.
func (r indicatorReader) IndicatorCanali(ctx context.Context) ([]csi.Canale, error) {
	return loadCanali(ctx, r.q)
}

// OperatoriAccessi returns the operators with an access recorded from from to to.
func (r indicatorReader) OperatoriAccessi(ctx context.Context, from, to string) ([]csi.Operatore, bool, error) {
	var imported bool
	if err := r.q.QueryRowContext(ctx, operatoriAnyQuery).Scan(&imported); err != nil {
		return nil, false, mapErr(err)
	}
	rows, err := r.q.QueryContext(ctx, operatoriAccessiQuery, from, to)
	if err != nil {
		return nil, false, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Operatore{}
	for rows.Next() {
		var o csi.Operatore
		if err := rows.Scan(&o.Comune, &o.Codice); err != nil {
			return nil, false, err
		}
		out = append(out, o)
	}
	return out, imported, rows.Err()
}

const (
	operatoriAnyQuery     = `SELECT EXISTS (SELECT 1 FROM operatori) OR EXISTS (SELECT 1 FROM operatori_accessi)`
	operatoriAccessiQuery = `SELECT DISTINCT comune, codice FROM operatori_accessi WHERE giorno >= ? AND giorno <= ? ORDER BY comune, codice`
)
