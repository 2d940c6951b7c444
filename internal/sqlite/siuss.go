package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/store"
)

var _ store.Siuss = (*DB)(nil)

// siussInterventiSQL reads the interventi of a period with, for each, the
// registry version of its person valid on the benefit's date and the
// person's latest SINA assessment in the Comune by that date: one
// statement whose correlated lookups use the indexes persone_cf and
// valutazioni_sina_cf.
var siussInterventiSQL = sync.OnceValue(func() string {
	return fmt.Sprintf(`WITH iv AS (
		SELECT i.*, CASE WHEN i.carattere = 'O' OR i.data_inizio = '' THEN i.data_erogazione ELSE i.data_inizio END AS d
		FROM interventi i
		WHERE (?1 = '' OR i.comune IN (SELECT value FROM json_each(?1)))
		  AND CASE WHEN i.carattere <> 'O' AND i.data_inizio <> ''
		      THEN substr(i.data_inizio, 1, 7) <= substr(?3, 1, 7) AND (i.data_fine = '' OR substr(i.data_fine, 1, 7) >= substr(?2, 1, 7))
		      ELSE i.data_erogazione <> '' AND i.data_erogazione BETWEEN ?2 AND ?3 END)
	SELECT %s, iv.row_hash, coalesce(c.codice_fiscale, ''), coalesce(c.area, ''),
		p.id, p.cognome, p.nome, p.sesso, p.data_nascita, p.luogo_nascita, p.cittadinanza, p.comune, p.row_hash,
		%s, s.row_hash
	FROM iv
	LEFT JOIN cartelle c ON c.comune = iv.comune AND c.id_cartella = iv.id_cartella
	LEFT JOIN persone_v p ON p.id = (SELECT p2.id FROM persone p2
		WHERE p2.codice_fiscale = c.codice_fiscale AND p2.valid_from <= iv.d AND (p2.valid_to = '' OR p2.valid_to > iv.d)
		ORDER BY p2.comune = iv.comune DESC, p2.valid_from DESC, p2.id DESC LIMIT 1)
	LEFT JOIN valutazioni_sina s ON s.rowid = (SELECT s2.rowid FROM valutazioni_sina s2
		WHERE s2.comune = iv.comune AND s2.codice_fiscale = c.codice_fiscale AND s2.data_valutazione <= iv.d
		ORDER BY s2.data_valutazione DESC, s2.id_valutazione DESC LIMIT 1)
	ORDER BY iv.comune, iv.id_intervento`,
		prefixed("iv", records.Interventi), prefixed("s", records.ValutazioniSINA))
})

// siussSINBASQL reads the SINBA records of the cartelle open in a period.
var siussSINBASQL = sync.OnceValue(func() string {
	return fmt.Sprintf(`SELECT %s, s.row_hash, m.belfiore,
		coalesce((SELECT substr(p.dati ->> 3, 1, 4) FROM persone p WHERE p.codice_fiscale = c.codice_fiscale
			ORDER BY p.valid_from DESC, p.id DESC LIMIT 1), '')
	FROM sinba s
	JOIN comuni m ON m.istat = s.comune
	JOIN cartelle c ON c.comune = s.comune AND c.id_cartella = s.id_cartella
	WHERE (?1 = '' OR s.comune IN (SELECT value FROM json_each(?1)))
	  AND c.data_apertura <= ?3 AND (c.data_chiusura = '' OR c.data_chiusura >= ?2)
	ORDER BY s.comune, s.id_cartella`, prefixed("s", records.SINBA))
})

// prefixed lists the columns of a kind qualified by a table alias.
func prefixed(alias string, k *records.Kind) string {
	cols := k.ColumnNames()
	for i, c := range cols {
		cols[i] = alias + "." + c
	}
	return strings.Join(cols, ", ")
}

// siussArgs are the parameters ?1 (the Comuni as a JSON array, ” for
// every Comune), ?2 and ?3 (the period).
func siussArgs(q store.SiussQuery) ([]any, error) {
	comuni := ""
	if q.Comuni != nil {
		b, err := json.Marshal(q.Comuni)
		if err != nil {
			return nil, err
		}
		comuni = string(b)
	}
	return []any{comuni, q.From, q.To}, nil
}

// EachSiussIntervento streams the interventi of q with their beneficiary
// and assessment.
func (db *DB) EachSiussIntervento(ctx context.Context, q store.SiussQuery, fn func(store.SiussInterventoRow) error) error {
	args, err := siussArgs(q)
	if err != nil {
		return err
	}
	rows, err := db.db.QueryContext(ctx, siussInterventiSQL(), args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	iv, sina := records.NewNullScan(records.Interventi), records.NewNullScan(records.ValutazioniSINA)
	for rows.Next() {
		var r store.SiussInterventoRow
		var ivHash int64
		var pID, pHash, sHash sql.NullInt64
		var p [7]sql.NullString
		dest := append(iv.Dest(), &ivHash, &r.CodiceFiscale, &r.Area, &pID)
		for i := range p {
			dest = append(dest, &p[i])
		}
		dest = append(append(dest, &pHash), sina.Dest()...)
		if err := rows.Scan(append(dest, &sHash)...); err != nil {
			return mapErr(err)
		}
		r.Values = iv.Values()
		h := fnv.New64a()
		fmt.Fprint(h, ivHash)
		if pID.Valid {
			r.Person = &store.SiussPerson{Cognome: p[0].String, Nome: p[1].String, Sesso: p[2].String, DataNascita: p[3].String,
				LuogoNascita: p[4].String, Cittadinanza: p[5].String, Comune: p[6].String}
			fmt.Fprint(h, "|", pHash.Int64)
		}
		if sHash.Valid {
			r.SINA = sina.Values()
			fmt.Fprint(h, "|", sHash.Int64)
		}
		r.Hash = h.Sum64()
		if err := fn(r); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}

// EachSiussSINBA streams the SINBA records of q.
func (db *DB) EachSiussSINBA(ctx context.Context, q store.SiussQuery, fn func(store.SiussSINBARow) error) error {
	args, err := siussArgs(q)
	if err != nil {
		return err
	}
	rows, err := db.db.QueryContext(ctx, siussSINBASQL(), args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	vs := records.NewNullScan(records.SINBA)
	for rows.Next() {
		var r store.SiussSINBARow
		var hash int64
		if err := rows.Scan(append(vs.Dest(), &hash, &r.Belfiore, &r.AnnoNascita)...); err != nil {
			return mapErr(err)
		}
		r.Values, r.Hash = vs.Values(), uint64(hash)
		if err := fn(r); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}

// SiussComune returns a Comune's Belfiore code and name.
func (db *DB) SiussComune(ctx context.Context, istat string) (string, string, error) {
	var belfiore, nome string
	err := db.db.QueryRowContext(ctx, "SELECT belfiore, nome FROM comuni WHERE istat = ?", istat).Scan(&belfiore, &nome)
	if err == sql.ErrNoRows {
		return "", "", csi.Errorf(csi.ENOTFOUND, "no Comune with ISTAT code %s", istat).WithHint("'csi comuni list' shows the Comuni")
	}
	return belfiore, nome, mapErr(err)
}
