package postgres

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/jackc/pgx/v5"
)

// importCols are the columns of an ImportRecord, in its fields' order.
const importCols = `id, kind, comune, file, sha256, mode, as_of, dialect, rows_read, inserted,
	updated, unchanged, closed, rejected, actor, at, duration_ms`

func scanImport(s pgx.Row) (csi.ImportRecord, error) {
	var r csi.ImportRecord
	var rows, ins, upd, unch, closed, rej int64
	err := s.Scan(&r.ID, &r.Kind, &r.Comune, &r.File, &r.SHA256, &r.Mode, &r.AsOf, &r.Dialect, &rows, &ins,
		&upd, &unch, &closed, &rej, &r.Actor, &r.At, &r.DurationMS)
	r.Rows, r.Inserted, r.Updated, r.Unchanged, r.Closed, r.Rejected = int(rows), int(ins), int(upd), int(unch), int(closed), int(rej)
	return r, err
}

// oneImport returns the import the query finds, or nil.
func (db *DB) oneImport(ctx context.Context, query string, args ...any) (*csi.ImportRecord, error) {
	r, err := scanImport(db.pool.QueryRow(ctx, "SELECT "+importCols+" FROM imports "+query, args...))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, db.mapErr(err)
	}
	return &r, nil
}

// RegistryImportOf returns the latest registry import of the file with
// this SHA-256 into comune, or nil.
func (db *DB) RegistryImportOf(ctx context.Context, comune, sha string) (*csi.ImportRecord, error) {
	return db.oneImport(ctx, "WHERE kind = 'anagrafe' AND comune = $1 AND sha256 = $2 ORDER BY id DESC LIMIT 1", comune, sha)
}

// LatestRegistryImport returns the Comune's registry import with the
// latest as-of date, or nil.
func (db *DB) LatestRegistryImport(ctx context.Context, comune string) (*csi.ImportRecord, error) {
	return db.oneImport(ctx, "WHERE kind = 'anagrafe' AND comune = $1 ORDER BY as_of DESC, id DESC LIMIT 1", comune)
}

// ImportLog returns the import log, newest first, of one Comune or of all.
func (db *DB) ImportLog(ctx context.Context, istat string) ([]csi.ImportRecord, error) {
	rows, err := db.pool.Query(ctx, "SELECT "+importCols+" FROM imports WHERE $1 = '' OR comune = $1 ORDER BY id DESC", istat)
	if err != nil {
		return nil, db.mapErr(err)
	}
	defer rows.Close()
	out := []csi.ImportRecord{}
	for rows.Next() {
		r, err := scanImport(rows)
		if err != nil {
			return nil, db.mapErr(err)
		}
		out = append(out, r)
	}
	return out, db.mapErr(rows.Err())
}

// versionSelect reads versions as PersonVersion's fields.
const versionSelect = `SELECT comune, codice_fiscale, coalesce(cognome, ''), coalesce(nome, ''), coalesce(sesso, ''),
	coalesce(data_nascita, ''), coalesce(luogo_nascita, ''), coalesce(cittadinanza, ''), coalesce(indirizzo, ''),
	coalesce(civico, ''), coalesce(cap, ''), codice_famiglia, relazione_parentela, coalesce(stato_civile, ''),
	coalesce(data_iscrizione, ''), coalesce(motivo_iscrizione, ''), coalesce(data_cancellazione, ''),
	coalesce(motivo_cancellazione, ''), valid_from, valid_to, end_reason, import_id FROM persone_v `

// eachVersion passes the versions of rows to emit as they are read.
func (db *DB) eachVersion(rows pgx.Rows, emit func(csi.PersonVersion) error) error {
	defer rows.Close()
	for rows.Next() {
		var v csi.PersonVersion
		if err := rows.Scan(&v.Comune, &v.CodiceFiscale, &v.Cognome, &v.Nome, &v.Sesso, &v.DataNascita, &v.LuogoNascita,
			&v.Cittadinanza, &v.Indirizzo, &v.Civico, &v.CAP, &v.CodiceFamiglia, &v.RelazioneParentela, &v.StatoCivile,
			&v.DataIscrizione, &v.MotivoIscrizione, &v.DataCancellazione, &v.MotivoCancellazione,
			&v.ValidFrom, &v.ValidTo, &v.EndReason, &v.ImportID); err != nil {
			return db.mapErr(err)
		}
		if err := emit(v); err != nil {
			return err
		}
	}
	return db.mapErr(rows.Err())
}

// PersonVersions returns every version of one person, in every Comune.
func (db *DB) PersonVersions(ctx context.Context, cf string) ([]csi.PersonVersion, error) {
	rows, err := db.pool.Query(ctx, versionSelect+"WHERE codice_fiscale = $1 ORDER BY valid_from, id", cf)
	if err != nil {
		return nil, db.mapErr(err)
	}
	out := []csi.PersonVersion{}
	err = db.eachVersion(rows, func(v csi.PersonVersion) error {
		out = append(out, v)
		return nil
	})
	return out, err
}

// residentWhere selects the versions valid on a day in a Comune.
const residentWhere = "WHERE comune = $1 AND valid_from <= $2 AND (valid_to = '' OR valid_to > $2)"

// EachResident passes the people resident in a Comune on a day to emit, in
// byte order of cognome, nome and codice fiscale (as SQLite sorts).
func (db *DB) EachResident(ctx context.Context, istat, day string, emit func(csi.PersonVersion) error) error {
	rows, err := db.pool.Query(ctx, versionSelect+residentWhere+
		` ORDER BY cognome COLLATE "C", nome COLLATE "C", codice_fiscale COLLATE "C"`, istat, day)
	if err != nil {
		return db.mapErr(err)
	}
	return db.eachVersion(rows, emit)
}

// ResidentCount counts the people resident in a Comune on a day.
func (db *DB) ResidentCount(ctx context.Context, istat, day string) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, "SELECT count(*) FROM persone "+residentWhere, istat, day).Scan(&n)
	return n, db.mapErr(err)
}
