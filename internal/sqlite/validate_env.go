package sqlite

import (
	"context"
	"database/sql"

	"github.com/csi-mb/csi/internal/csi"
)

// validateEnv answers what the validation checks cannot see in one record.
type validateEnv struct {
	ctx       context.Context
	today     string
	onboarded map[string]bool // members today, for a Comune without status history
	timelines map[string]csi.StatusTimeline
	places    map[string]bool
	cartelle  map[string]csi.Cartella
	resident  *sql.Stmt
	dead      *sql.Stmt
	err       error // the first lookup failure; the run stops on it
}

func (db *DB) newValidateEnv(ctx context.Context) (*validateEnv, error) {
	e := &validateEnv{ctx: ctx, today: db.today(), onboarded: map[string]bool{}, places: map[string]bool{}, cartelle: map[string]csi.Cartella{}}
	if err := collect(ctx, db.db, "SELECT istat FROM comuni WHERE status IN ('active','suspended')", func(s string) { e.onboarded[s] = true }); err != nil {
		return nil, err
	}
	var err error
	if e.timelines, err = loadTimelines(ctx, db.db); err != nil {
		return nil, err
	}
	if err := collect(ctx, db.db, "SELECT belfiore FROM ref_comuni_italia UNION SELECT belfiore FROM ref_stati_esteri", func(s string) { e.places[s] = true }); err != nil {
		return nil, err
	}
	if err := db.loadCartelle(ctx, e.cartelle); err != nil {
		return nil, err
	}
	if e.resident, err = db.db.PrepareContext(ctx, residentQuery); err != nil {
		return nil, mapErr(err)
	}
	if e.dead, err = db.db.PrepareContext(ctx, `SELECT 1 FROM persone WHERE codice_fiscale = ?
		AND dati ->> 15 IN ('1', '2') LIMIT 1`); err != nil {
		return nil, mapErr(err)
	}
	return e, nil
}

// residentQuery tells whether a person lived in a Comune on a day. The
// unary + keeps the planner off persone_validity, whose Comune prefix would
// scan a whole Comune per cartella: the codice fiscale finds a handful of rows.
const residentQuery = `SELECT 1 FROM persone WHERE codice_fiscale = ? AND +comune = ?
	AND valid_from <= ? AND (valid_to = '' OR valid_to > ?) LIMIT 1`

func (e *validateEnv) close() {
	e.resident.Close()
	e.dead.Close()
}

func collect(ctx context.Context, q querier, query string, add func(string)) error {
	rows, err := q.QueryContext(ctx, query)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return err
		}
		add(s)
	}
	return rows.Err()
}

func (db *DB) loadCartelle(ctx context.Context, into map[string]csi.Cartella) error {
	rows, err := db.db.QueryContext(ctx, "SELECT "+cartellaCols+" FROM cartelle")
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCartella(rows)
		if err != nil {
			return err
		}
		into[cartellaKey(c.Comune, c.ID)] = c
	}
	return rows.Err()
}

const cartellaCols = "id_cartella, codice_fiscale, comune, data_apertura, data_chiusura, motivo_chiusura, area, case_manager"

func scanCartella(s scanner) (csi.Cartella, error) {
	var c csi.Cartella
	err := s.Scan(&c.ID, &c.CodiceFiscale, &c.Comune, &c.DataApertura, &c.DataChiusura, &c.MotivoChiusura, &c.Area, &c.CaseManager)
	return c, err
}

// Today returns the store clock's date.
func (e *validateEnv) Today() string { return e.today }

// ComuneMemberOn reports whether the Comune was an active or suspended
// member on date (with "" whether it ever was), from its status history: a
// record made while the Comune was a member stays valid after it leaves. A
// date before the first change counts as membership: a Comune brings its
// earlier records when it joins.
func (e *validateEnv) ComuneMemberOn(istat, date string) bool {
	t, ok := e.timelines[istat]
	if !ok {
		return e.onboarded[istat]
	}
	if len(t) > 0 && date < t[0].Date {
		date = ""
	}
	return t.MemberOn(date)
}

// KnownPlace reports whether code is a current Italian Comune's Belfiore
// code or a foreign state's Z code.
func (e *validateEnv) KnownPlace(code string) bool { return e.places[code] }

// Cartella returns the cartella of that Comune with that id.
func (e *validateEnv) Cartella(comune, id string) (csi.Cartella, bool) {
	c, ok := e.cartelle[cartellaKey(comune, id)]
	return c, ok
}

// cartellaKey keys cartelle by Comune and id: ids are per Comune.
func cartellaKey(comune, id string) string { return comune + "\x1f" + id }

// ResidentOn reports whether the registry of comune had the person on date.
func (e *validateEnv) ResidentOn(cf, comune, date string) bool {
	return e.exists(e.resident, cf, comune, date, date)
}

// Dead reports whether a registry version records the person's death.
func (e *validateEnv) Dead(cf string) bool { return e.exists(e.dead, cf) }

func (e *validateEnv) exists(stmt *sql.Stmt, args ...any) bool {
	var one int
	err := stmt.QueryRowContext(e.ctx, args...).Scan(&one)
	if err != nil && err != sql.ErrNoRows && e.err == nil {
		e.err = mapErr(err)
	}
	return err == nil
}
