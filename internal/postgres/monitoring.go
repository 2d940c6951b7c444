package postgres

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

var _ store.Monitoring = (*DB)(nil)

// The registers of the process indicators: SQLite's queries
// (internal/sqlite/monitoring.go), text ordered by byte (COLLATE "C").
const (
	eventiQuery = `SELECT id, tipo, data, titolo, ambiti, comuni, partecipanti, per_ruolo, accreditamento, note
		FROM eventi ORDER BY data COLLATE "C", id`
	operatoriQuery = `SELECT o.codice, o.comune, c.ambito, o.ruolo, o.ultimo_accesso
		FROM operatori o JOIN comuni c ON c.istat = o.comune ORDER BY o.comune COLLATE "C", o.codice COLLATE "C"`
	canaliQuery           = `SELECT id, controparte, descrizione, ambito, comune, note FROM canali ORDER BY id`
	canaliStatiQuery      = `SELECT canale, stato, data, note FROM canali_stati ORDER BY canale, data COLLATE "C", id`
	operatoriAnyQuery     = `SELECT EXISTS (SELECT 1 FROM operatori) OR EXISTS (SELECT 1 FROM operatori_accessi)`
	operatoriAccessiQuery = `SELECT DISTINCT comune COLLATE "C", codice COLLATE "C" FROM operatori_accessi
		WHERE giorno >= $1 AND giorno <= $2 ORDER BY 1, 2`
)

// monitoringLock is the first key of the advisory lock that serialises
// the changes of the registers (an import compares with what is stored).
const monitoringLock = 0x6d6f6e

// LoadEventi returns every event.
func (db *DB) LoadEventi(ctx context.Context) ([]csi.Evento, error) {
	out, err := loadEventi(ctx, db.pool)
	return out, db.mapErr(err)
}

// LoadOperatori returns the current operator accounts.
func (db *DB) LoadOperatori(ctx context.Context) ([]csi.Operatore, error) {
	out, err := collect(ctx, db.pool, scanOperatore, operatoriQuery)
	return out, db.mapErr(err)
}

// LoadCanali returns every channel with its history.
func (db *DB) LoadCanali(ctx context.Context) ([]csi.Canale, error) {
	out, err := loadCanali(ctx, db.pool)
	return out, db.mapErr(err)
}

// ChangeMonitoring runs fn in one write transaction.
func (db *DB) ChangeMonitoring(ctx context.Context, fn func(store.MonitoringTx) error) error {
	return db.inTx(ctx, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, 0)", monitoringLock); err != nil {
			return err
		}
		return fn(&monitoringTx{db: db, tx: tx})
	})
}

func splitList(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, ",")
}

func scanEvento(r pgx.Row) (csi.Evento, error) {
	var e csi.Evento
	var ambiti, comuni, ruoli string
	if err := r.Scan(&e.ID, &e.Tipo, &e.Data, &e.Titolo, &ambiti, &comuni, &e.Partecipanti, &ruoli, &e.Accreditamento, &e.Note); err != nil {
		return e, err
	}
	e.Ambiti, e.Comuni = splitList(ambiti), splitList(comuni)
	return e, json.Unmarshal([]byte(ruoli), &e.PerRuolo)
}

func loadEventi(ctx context.Context, q querier) ([]csi.Evento, error) {
	return collect(ctx, q, scanEvento, eventiQuery)
}

func scanOperatore(r pgx.Row) (csi.Operatore, error) {
	var o csi.Operatore
	err := r.Scan(&o.Codice, &o.Comune, &o.Ambito, &o.Ruolo, &o.UltimoAccesso)
	return o, err
}

func scanCanale(r pgx.Row) (csi.Canale, error) {
	c := csi.Canale{Storia: []csi.CanaleStato{}}
	err := r.Scan(&c.ID, &c.Controparte, &c.Descrizione, &c.Ambito, &c.Comune, &c.Note)
	return c, err
}

type canaleStato struct {
	id int64
	s  csi.CanaleStato
}

func scanCanaleStato(r pgx.Row) (canaleStato, error) {
	var s canaleStato
	err := r.Scan(&s.id, &s.s.Stato, &s.s.Data, &s.s.Note)
	return s, err
}

func loadCanali(ctx context.Context, q querier) ([]csi.Canale, error) {
	out, err := collect(ctx, q, scanCanale, canaliQuery)
	if err != nil {
		return nil, err
	}
	stati, err := collect(ctx, q, scanCanaleStato, canaliStatiQuery)
	if err != nil {
		return nil, err
	}
	at := map[int64]int{}
	for i, c := range out {
		at[c.ID] = i
	}
	for _, s := range stati {
		c := &out[at[s.id]]
		c.Storia = append(c.Storia, s.s)
		c.Stato, c.Dal = s.s.Stato, s.s.Data
	}
	return out, nil
}

// monitoringTx is a change of the registers in progress.
type monitoringTx struct {
	db *DB
	tx pgx.Tx
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
	var id int64
	err = t.tx.QueryRow(ctx, `INSERT INTO eventi(tipo, data, titolo, ambiti, comuni, partecipanti, per_ruolo, accreditamento, note, created_at)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10) RETURNING id`, e.Tipo, e.Data, e.Titolo, strings.Join(e.Ambiti, ","),
		strings.Join(e.Comuni, ","), e.Partecipanti, string(ruoli), e.Accreditamento, e.Note, t.db.now()).Scan(&id)
	return id, err
}

func (t *monitoringTx) DeleteEvento(ctx context.Context, id int64) error {
	_, err := t.tx.Exec(ctx, "DELETE FROM eventi WHERE id = $1", id)
	return err
}

func (t *monitoringTx) Operatori(ctx context.Context) ([]csi.Operatore, error) {
	return collect(ctx, t.tx, scanOperatore, operatoriQuery)
}

func (t *monitoringTx) ReplaceOperatori(ctx context.Context, comuni []string, ops []csi.Operatore) (int, error) {
	var err error
	if comuni == nil {
		_, err = t.tx.Exec(ctx, "DELETE FROM operatori")
	} else if len(comuni) > 0 {
		_, err = t.tx.Exec(ctx, "DELETE FROM operatori WHERE comune = ANY($1)", comuni)
	}
	if err != nil {
		return 0, err
	}
	added := 0
	for _, o := range ops {
		if _, err := t.tx.Exec(ctx, `INSERT INTO operatori(comune, codice, ruolo, ultimo_accesso) VALUES ($1,$2,$3,$4)`,
			o.Comune, o.Codice, o.Ruolo, o.UltimoAccesso); err != nil {
			return 0, err
		}
		if o.UltimoAccesso == "" {
			continue
		}
		tag, err := t.tx.Exec(ctx, `INSERT INTO operatori_accessi(comune, codice, giorno) VALUES ($1,$2,$3)
			ON CONFLICT DO NOTHING`, o.Comune, o.Codice, o.UltimoAccesso)
		if err != nil {
			return 0, err
		}
		added += int(tag.RowsAffected())
	}
	return added, nil
}

func (t *monitoringTx) Canali(ctx context.Context) ([]csi.Canale, error) {
	return loadCanali(ctx, t.tx)
}

func (t *monitoringTx) InsertCanale(ctx context.Context, c csi.Canale) (int64, error) {
	var id int64
	err := t.tx.QueryRow(ctx, `INSERT INTO canali(controparte, descrizione, ambito, comune, note) VALUES ($1,$2,$3,$4,$5) RETURNING id`,
		c.Controparte, c.Descrizione, c.Ambito, c.Comune, c.Note).Scan(&id)
	if err != nil {
		return 0, err
	}
	return id, t.AddCanaleStato(ctx, id, c.Storia[0])
}

func (t *monitoringTx) AddCanaleStato(ctx context.Context, id int64, s csi.CanaleStato) error {
	_, err := t.tx.Exec(ctx, "INSERT INTO canali_stati(canale, stato, data, note) VALUES ($1,$2,$3,$4)", id, s.Stato, s.Data, s.Note)
	return err
}

func (t *monitoringTx) SetCanaleNote(ctx context.Context, id int64, note string) error {
	_, err := t.tx.Exec(ctx, "UPDATE canali SET note = $1 WHERE id = $2", note, id)
	return err
}

func (t *monitoringTx) AppendAudit(ctx context.Context, target, summary string) error {
	return t.db.appendAudit(ctx, t.tx, target, summary)
}

// IndicatorEventi returns every event in the snapshot.
func (r indicatorReader) IndicatorEventi(ctx context.Context) ([]csi.Evento, error) {
	return loadEventi(ctx, r.tx)
}

// IndicatorCanali returns every channel in the snapshot.
func (r indicatorReader) IndicatorCanali(ctx context.Context) ([]csi.Canale, error) {
	return loadCanali(ctx, r.tx)
}

// OperatoriAccessi returns the operators with an access recorded from from to to.
func (r indicatorReader) OperatoriAccessi(ctx context.Context, from, to string) ([]csi.Operatore, bool, error) {
	var imported bool
	if err := r.tx.QueryRow(ctx, operatoriAnyQuery).Scan(&imported); err != nil {
		return nil, false, err
	}
	out, err := collect(ctx, r.tx, func(row pgx.Row) (csi.Operatore, error) {
		var o csi.Operatore
		err := row.Scan(&o.Comune, &o.Codice)
		return o, err
	}, operatoriAccessiQuery, from, to)
	return out, imported, err
}
