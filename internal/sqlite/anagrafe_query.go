package sqlite

import (
	"context"
	"database/sql"
	"github.com/csi-mb/csi/internal/csi"
)

// RegistryStatus returns the registry state of the member Comuni on day
// and of those with imports.
func (db *DB) RegistryStatus(ctx context.Context, day string) ([]csi.AnagrafeStatus, error) {
	st, err := statusParam(ctx, db.db, day)
	if err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `
		WITH cur AS (SELECT comune, count(*) AS n FROM persone INDEXED BY persone_validity WHERE valid_to = '' GROUP BY comune)
		SELECT c.istat, c.nome, c.ambito, c.anagrafe, coalesce(i.at, ''), coalesce(i.as_of, ''), coalesce(i.rejected, 0),
		       coalesce(cur.n, 0)
		FROM comuni c
		`+memberJoin+`
		LEFT JOIN cur ON cur.comune = c.istat
		LEFT JOIN imports i ON i.id = (SELECT max(id) FROM imports WHERE kind = 'anagrafe' AND comune = c.istat)
		WHERE `+memberOn+` OR i.id IS NOT NULL
		ORDER BY c.nome_fold`, st)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.AnagrafeStatus{}
	for rows.Next() {
		var s csi.AnagrafeStatus
		if err := rows.Scan(&s.Istat, &s.Nome, &s.Ambito, &s.Anagrafe, &s.LastImport, &s.AsOf, &s.Rejected, &s.Residents); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

const versionSelect = `SELECT comune, codice_fiscale, cognome, nome, sesso, data_nascita, luogo_nascita, cittadinanza,
	indirizzo, civico, cap, codice_famiglia, relazione_parentela, stato_civile, data_iscrizione, motivo_iscrizione,
	data_cancellazione, motivo_cancellazione, valid_from, valid_to, end_reason, import_id FROM persone_v `

func scanVersions(rows *sql.Rows) ([]csi.PersonVersion, error) {
	out := []csi.PersonVersion{}
	err := eachVersion(rows, func(v csi.PersonVersion) error {
		out = append(out, v)
		return nil
	})
	return out, err
}

// eachVersion passes the versions of rows to emit as they are read.
func eachVersion(rows *sql.Rows, emit func(csi.PersonVersion) error) error {
	defer rows.Close()
	for rows.Next() {
		var v csi.PersonVersion
		if err := rows.Scan(&v.Comune, &v.CodiceFiscale, &v.Cognome, &v.Nome, &v.Sesso, &v.DataNascita, &v.LuogoNascita,
			&v.Cittadinanza, &v.Indirizzo, &v.Civico, &v.CAP, &v.CodiceFamiglia, &v.RelazioneParentela, &v.StatoCivile,
			&v.DataIscrizione, &v.MotivoIscrizione, &v.DataCancellazione, &v.MotivoCancellazione,
			&v.ValidFrom, &v.ValidTo, &v.EndReason, &v.ImportID); err != nil {
			return err
		}
		if err := emit(v); err != nil {
			return err
		}
	}
	return rows.Err()
}

// PersonVersions returns every version of one person, in every Comune.
func (db *DB) PersonVersions(ctx context.Context, cf string) ([]csi.PersonVersion, error) {
	rows, err := db.db.QueryContext(ctx, versionSelect+"WHERE codice_fiscale = ? ORDER BY valid_from, id", cf)
	if err != nil {
		return nil, mapErr(err)
	}
	return scanVersions(rows)
}

// residentWhere selects the versions valid on a day in a Comune.
const residentWhere = "WHERE comune = ? AND valid_from <= ? AND (valid_to = '' OR valid_to > ?)"

// EachResident passes the people resident in a Comune on a day to emit, as
// the query returns them.
func (db *DB) EachResident(ctx context.Context, istat, day string, emit func(csi.PersonVersion) error) error {
	rows, err := db.db.QueryContext(ctx, versionSelect+residentWhere+" ORDER BY cognome, nome, codice_fiscale", istat, day, day)
	if err != nil {
		return mapErr(err)
	}
	return eachVersion(rows, emit)
}

// ResidentCount counts the people resident in a Comune on a day.
func (db *DB) ResidentCount(ctx context.Context, istat, day string) (int, error) {
	var n int
	err := db.db.QueryRowContext(ctx, "SELECT count(*) FROM persone "+residentWhere, istat, day, day).Scan(&n)
	return n, mapErr(err)
}

// ImportLog returns the import log, newest first, of one Comune or of all.
func (db *DB) ImportLog(ctx context.Context, istat string) ([]csi.ImportRecord, error) {
	where, args := "", []any{}
	if istat != "" {
		where, args = "WHERE comune = ?", append(args, istat)
	}
	rows, err := db.db.QueryContext(ctx, "SELECT "+importCols+" FROM imports "+where+" ORDER BY id DESC", args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.ImportRecord{}
	for rows.Next() {
		r, err := scanImport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
