package postgres

import (
	"context"
	"errors"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// validateEnv is the reader of one validation run. The per-cartella
// lookups (ResidentOn, Dead) are answered with the cartelle stream itself,
// which computes them on the server for each cartella it sends; only a
// lookup about another person makes a round trip of its own.
type validateEnv struct {
	db       *DB
	ctx      context.Context
	member   store.Membership
	places   map[string]bool
	cartelle map[string]csi.Cartella
	last     cartellaAnswers // the answers sent with the cartella being checked
	err      error           // the first lookup failure; the run stops on it
}

// cartellaAnswers are the lookups the cartelle stream answers for its row.
type cartellaAnswers struct {
	ok                 bool
	cf, comune, date   string
	resident, deadness bool
}

// OpenValidation loads what the lookups keep in memory: membership,
// places, cartelle.
func (db *DB) OpenValidation(ctx context.Context) (store.ValidationReader, error) {
	e := &validateEnv{db: db, ctx: ctx, member: store.Membership{Members: map[string]bool{}},
		places: map[string]bool{}, cartelle: map[string]csi.Cartella{}}
	err := db.collect(ctx, "SELECT istat FROM comuni WHERE status IN ('active','suspended')", func(s string) { e.member.Members[s] = true })
	if err != nil {
		return nil, err
	}
	if e.member.Timelines, err = db.validationTimelines(ctx); err != nil {
		return nil, err
	}
	err = db.collect(ctx, "SELECT belfiore FROM ref_comuni_italia UNION SELECT belfiore FROM ref_stati_esteri", func(s string) { e.places[s] = true })
	if err != nil {
		return nil, err
	}
	rows, err := db.pool.Query(ctx, "SELECT "+cartellaCols+" FROM cartelle")
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c csi.Cartella
		if err := scanCartella(rows, &c); err != nil {
			return nil, err
		}
		e.cartelle[c.Comune+"\x1f"+c.ID] = c
	}
	return e, db.mapErr(rows.Err())
}

func (db *DB) collect(ctx context.Context, query string, add func(string)) error {
	rows, err := db.pool.Query(ctx, query)
	if err != nil {
		return db.mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err
		}
		add(s)
	}
	return db.mapErr(rows.Err())
}

// validationTimelines reads every Comune's status timeline from its
// history, as the SQLite store does (a status event's detail reads
// "active -> suspended").
func (db *DB) validationTimelines(ctx context.Context) (map[string]csi.StatusTimeline, error) {
	rows, err := db.pool.Query(ctx, `SELECT istat, date, event, detail FROM comune_history
		WHERE event IN ('onboarded', 'offboarded', 'status') ORDER BY id`)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	out := map[string]csi.StatusTimeline{}
	for rows.Next() {
		var istat, date, event, detail string
		if err := rows.Scan(&istat, &date, &event, &detail); err != nil {
			return nil, err
		}
		status := csi.StatusActive
		switch event {
		case "offboarded":
			status = csi.StatusLeft
		case "status":
			_, status, _ = strings.Cut(detail, "-> ")
		}
		out[istat] = append(out[istat], csi.StatusChange{Date: date, Status: status})
	}
	for _, t := range out {
		csi.SortTimeline(t)
	}
	return out, db.mapErr(rows.Err())
}

const cartellaCols = "id_cartella, codice_fiscale, comune, data_apertura, data_chiusura, motivo_chiusura, area, case_manager"

func scanCartella(row pgx.Row, c *csi.Cartella, extra ...any) error {
	return row.Scan(append([]any{&c.ID, &c.CodiceFiscale, &c.Comune, &c.DataApertura, &c.DataChiusura, &c.MotivoChiusura,
		&c.Area, &c.CaseManager}, extra...)...)
}

// Close releases nothing: the streams close their own rows.
func (e *validateEnv) Close() {}

// Membership returns the Comuni's membership read when opened.
func (e *validateEnv) Membership() store.Membership { return e.member }

// KnownPlace reports whether code is a current Italian Comune's Belfiore
// code or a foreign state's Z code.
func (e *validateEnv) KnownPlace(code string) bool { return e.places[code] }

// Cartella returns the cartella of that Comune with that id.
func (e *validateEnv) Cartella(comune, id string) (csi.Cartella, bool) {
	c, ok := e.cartelle[comune+"\x1f"+id]
	return c, ok
}

// residentQuery tells whether a person lived in a Comune on a day:
// persone_cf finds the person's few rows, which the Comune and the dates
// are tested on after the OFFSET 0 (as currentVersion's, so that the
// planner does not also read the Comune's range of persone_validity).
const residentQuery = `SELECT EXISTS(SELECT 1 FROM (SELECT comune, valid_from, valid_to FROM persone WHERE codice_fiscale = $1 OFFSET 0) p
	WHERE comune = $2 AND valid_from <= $3 AND (valid_to = '' OR valid_to > $3))`

// deadQuery tells whether a registry version records the person's death.
const deadQuery = `SELECT EXISTS(SELECT 1 FROM persone WHERE codice_fiscale = $1 AND dati::json ->> 15 IN ('1', '2'))`

// ResidentOn reports whether the registry of comune had the person on date.
func (e *validateEnv) ResidentOn(cf, comune, date string) bool {
	if l := e.last; l.ok && l.cf == cf && l.comune == comune && l.date == date {
		return l.resident
	}
	return e.exists(residentQuery, cf, comune, date)
}

// Dead reports whether a registry version records the person's death.
func (e *validateEnv) Dead(cf string) bool {
	if l := e.last; l.ok && l.cf == cf {
		return l.deadness
	}
	return e.exists(deadQuery, cf)
}

// Err returns the first lookup failure.
func (e *validateEnv) Err() error { return e.err }

func (e *validateEnv) exists(query string, args ...any) bool {
	var yes bool
	err := e.db.pool.QueryRow(e.ctx, query, args...).Scan(&yes)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) && e.err == nil {
		e.err = e.db.mapErr(err)
	}
	return yes
}
