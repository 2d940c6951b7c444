package sqlite

import (
	"context"
	"database/sql"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// validateEnv is the reader of one validation run: the lookups its rules
// make and the streams of its records.
type validateEnv struct {
	db       *DB
	ctx      context.Context
	member   store.Membership
	places   map[string]bool
	cartelle map[string]csi.Cartella
	resident *sql.Stmt
	dead     *sql.Stmt
	err      error // the first lookup failure; the run stops on it
	// tally is what the last complete persons pass counted of households.
	tally *householdTally
}

// OpenValidation loads what the lookups keep in memory (membership,
// places, cartelle) and prepares the per-person ones.
func (db *DB) OpenValidation(ctx context.Context) (store.ValidationReader, error) {
	e := &validateEnv{db: db, ctx: ctx, member: store.Membership{Members: map[string]bool{}},
		places: map[string]bool{}, cartelle: map[string]csi.Cartella{}}
	if err := collect(ctx, db.db, "SELECT istat FROM comuni WHERE status IN ('active','suspended')", func(s string) { e.member.Members[s] = true }); err != nil {
		return nil, err
	}
	var err error
	if e.member.Timelines, err = loadTimelines(ctx, db.db); err != nil {
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
		e.resident.Close()
		return nil, mapErr(err)
	}
	return e, nil
}

// residentQuery tells whether a person lived in a Comune on a day. The
// unary + keeps the planner off persone_validity, whose Comune prefix would
// scan a whole Comune per cartella: the codice fiscale finds a handful of rows.
const residentQuery = `SELECT 1 FROM persone WHERE codice_fiscale = ? AND +comune = ?
	AND valid_from <= ? AND (valid_to = '' OR valid_to > ?) LIMIT 1`

// Close releases the prepared statements.
func (e *validateEnv) Close() {
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

// Membership returns the Comuni's membership read when opened.
func (e *validateEnv) Membership() store.Membership { return e.member }

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

// Err returns the first lookup failure.
func (e *validateEnv) Err() error { return e.err }

func (e *validateEnv) exists(stmt *sql.Stmt, args ...any) bool {
	var one int
	err := stmt.QueryRowContext(e.ctx, args...).Scan(&one)
	if err != nil && err != sql.ErrNoRows && e.err == nil {
		e.err = mapErr(err)
	}
	return err == nil
}
