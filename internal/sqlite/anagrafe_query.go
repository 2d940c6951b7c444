package sqlite

import (
	"context"
	"database/sql"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
)

// AnagrafeStatus returns, per Comune, the last import, its as-of date, the
// current residents, the rows rejected and the days since the last update.
func (db *DB) AnagrafeStatus(ctx context.Context) ([]csi.AnagrafeStatus, error) {
	st, err := statusParam(ctx, db.db, db.today())
	if err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `
		WITH cur AS (SELECT comune, count(*) AS n FROM persone INDEXED BY persone_cf WHERE valid_to = '' GROUP BY comune)
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
	today, _ := time.Parse(csi.DateLayout, db.today())
	out := []csi.AnagrafeStatus{}
	for rows.Next() {
		var s csi.AnagrafeStatus
		if err := rows.Scan(&s.Istat, &s.Nome, &s.Ambito, &s.Anagrafe, &s.LastImport, &s.AsOf, &s.Rejected, &s.Residents); err != nil {
			return nil, err
		}
		if t, err := time.Parse(time.RFC3339, s.LastImport); err == nil {
			d := int(today.Sub(time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)).Hours() / 24)
			s.DaysSinceUpdate = &d
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

// PersonHistory returns every version of one person, in every Comune.
func (db *DB) PersonHistory(ctx context.Context, cf string) ([]csi.PersonVersion, error) {
	cf = codicefiscale.Normalize(cf)
	if err := codicefiscale.Validate(cf); err != nil {
		return nil, csi.Errorf(csi.EINVALID, "the codice fiscale given is not valid: %v", err).
			WithHint("give the 16-character codice fiscale")
	}
	rows, err := db.db.QueryContext(ctx, versionSelect+"WHERE codice_fiscale = ? ORDER BY valid_from, id", cf)
	if err != nil {
		return nil, mapErr(err)
	}
	vs, err := scanVersions(rows)
	if err == nil && len(vs) == 0 {
		return nil, csi.Errorf(csi.ENOTFOUND, "no registry record for that codice fiscale").
			WithHint("check the code; 'csi anagrafe status' shows which Comuni were imported")
	}
	return vs, err
}

// residentWhere selects the versions valid on a day in a Comune.
const residentWhere = "WHERE comune = ? AND valid_from <= ? AND (valid_to = '' OR valid_to > ?)"

func (db *DB) residentArgs(ctx context.Context, comune, at string) (csi.Comune, string, error) {
	c, err := resolveComune(ctx, db.db, comune)
	if err != nil {
		return c, "", err
	}
	if at == "" {
		at = db.today()
	} else if _, err := csi.ParseDay("--at", at); err != nil {
		return c, "", err
	}
	return c, at, nil
}

// Residents passes the people resident in a Comune on a day to emit, as
// the query returns them.
func (db *DB) Residents(ctx context.Context, comune, at string, emit func(csi.PersonVersion) error) error {
	c, at, err := db.residentArgs(ctx, comune, at)
	if err != nil {
		return err
	}
	rows, err := db.db.QueryContext(ctx, versionSelect+residentWhere+" ORDER BY cognome, nome, codice_fiscale", c.Istat, at, at)
	if err != nil {
		return mapErr(err)
	}
	return eachVersion(rows, emit)
}

// CountResidents counts the people resident in a Comune on a day.
func (db *DB) CountResidents(ctx context.Context, comune, at string) (int, error) {
	c, at, err := db.residentArgs(ctx, comune, at)
	if err != nil {
		return 0, err
	}
	var n int
	err = db.db.QueryRowContext(ctx, "SELECT count(*) FROM persone "+residentWhere, c.Istat, at, at).Scan(&n)
	return n, mapErr(err)
}

// ListImports returns the import log, newest first, optionally of one Comune.
func (db *DB) ListImports(ctx context.Context, comune string) ([]csi.ImportRecord, error) {
	where, args := "", []any{}
	if comune != "" {
		c, err := resolveComune(ctx, db.db, comune)
		if err != nil {
			return nil, err
		}
		where, args = "WHERE comune = ?", append(args, c.Istat)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, kind, comune, file, sha256, mode, as_of, dialect, rows_read, inserted,
		updated, unchanged, closed, rejected, actor, at, duration_ms FROM imports `+where+` ORDER BY id DESC`, args...)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.ImportRecord{}
	for rows.Next() {
		var r csi.ImportRecord
		if err := rows.Scan(&r.ID, &r.Kind, &r.Comune, &r.File, &r.SHA256, &r.Mode, &r.AsOf, &r.Dialect, &r.Rows, &r.Inserted,
			&r.Updated, &r.Unchanged, &r.Closed, &r.Rejected, &r.Actor, &r.At, &r.DurationMS); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
