package postgres

import (
	"context"
	"strings"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
	"github.com/jackc/pgx/v5"
)

// each runs query and calls scan on every row, stopping at its first error.
func (e *validateEnv) each(ctx context.Context, query string, args []any, scan func(pgx.Rows) error) error {
	rows, err := e.db.pool.Query(ctx, query, args...)
	if err != nil {
		return e.db.mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		if err := scan(rows); err != nil {
			return err
		}
	}
	return e.db.mapErr(rows.Err())
}

// EachCurrentPerson streams the current registry versions ordered by
// Comune and codice fiscale, byte order whatever the database's collation:
// the order SQLite streams them in.
func (e *validateEnv) EachCurrentPerson(ctx context.Context, comuni []string, fn func(csi.PersonVersion) error) error {
	where, args := validationScope("comune", comuni)
	return e.each(ctx, `SELECT codice_fiscale, comune, dati, valid_from FROM persone WHERE valid_to = '' AND `+where+`
		ORDER BY comune COLLATE "C", codice_fiscale COLLATE "C"`, args,
		func(rows pgx.Rows) error {
			var p csi.PersonVersion
			var dati string
			if err := rows.Scan(&p.CodiceFiscale, &p.Comune, &dati, &p.ValidFrom); err != nil {
				return err
			}
			d, err := anagrafe.DecodeDati(dati)
			if err != nil {
				return err
			}
			p.Cognome, p.Nome, p.Sesso, p.DataNascita, p.LuogoNascita, p.Cittadinanza = d[0], d[1], d[2], d[3], d[4], d[5]
			p.Indirizzo, p.Civico, p.CAP, p.CodiceFamiglia, p.RelazioneParentela, p.StatoCivile = d[6], d[7], d[8], d[9], d[10], d[11]
			p.DataIscrizione, p.MotivoIscrizione, p.DataCancellazione, p.MotivoCancellazione = d[12], d[13], d[14], d[15]
			return fn(p)
		})
}

// EachIrregularHousehold groups the current versions on the server and
// returns only the households without exactly one head.
func (e *validateEnv) EachIrregularHousehold(ctx context.Context, comuni []string, fn func(store.Household) error) error {
	where, args := validationScope("comune", comuni)
	return e.each(ctx, `SELECT comune, codice_famiglia, count(*), min(codice_fiscale COLLATE "C"),
		coalesce(string_agg(CASE WHEN relazione_parentela = '1' THEN codice_fiscale END, ','), '')
		FROM persone WHERE valid_to = '' AND codice_famiglia != '' AND `+where+`
		GROUP BY comune, codice_famiglia HAVING count(*) FILTER (WHERE relazione_parentela = '1') != 1
		ORDER BY comune COLLATE "C", codice_famiglia COLLATE "C"`, args, func(rows pgx.Rows) error {
		var h store.Household
		var heads string
		if err := rows.Scan(&h.Comune, &h.Codice, &h.Size, &h.MinCF, &heads); err != nil {
			return err
		}
		if heads != "" {
			h.Heads = strings.Split(heads, ",")
		}
		return fn(h)
	})
}

// EachAccesso streams the accessi ordered by Comune and id.
func (e *validateEnv) EachAccesso(ctx context.Context, comuni []string, fn func(csi.Accesso) error) error {
	where, args := validationScope("comune", comuni)
	return e.each(ctx, `SELECT id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore
		FROM accessi WHERE `+where+` ORDER BY comune COLLATE "C", id_accesso COLLATE "C"`, args, func(rows pgx.Rows) error {
		var a csi.Accesso
		if err := rows.Scan(&a.ID, &a.Data, &a.Comune, &a.Sportello, &a.CodiceFiscale, &a.Area, &a.Esito, &a.Operatore); err != nil {
			return err
		}
		return fn(a)
	})
}

// EachCartella streams the cartelle ordered by Comune, codice fiscale and id,
// each with whether its person was resident on the opening date and
// whether the registry records the person's death: the answers of the
// lookups its rules make, without a round trip per cartella.
func (e *validateEnv) EachCartella(ctx context.Context, comuni []string, fn func(csi.Cartella) error) error {
	where, args := validationScope("c.comune", comuni)
	defer func() { e.last = cartellaAnswers{} }()
	return e.each(ctx, `SELECT c.id_cartella, c.codice_fiscale, c.comune, c.data_apertura, c.data_chiusura, c.motivo_chiusura,
		c.area, c.case_manager,
		EXISTS(SELECT 1 FROM (SELECT p.comune, p.valid_from, p.valid_to FROM persone p WHERE p.codice_fiscale = c.codice_fiscale OFFSET 0) p
			WHERE p.comune = c.comune AND p.valid_from <= c.data_apertura AND (p.valid_to = '' OR p.valid_to > c.data_apertura)),
		EXISTS(SELECT 1 FROM persone p WHERE p.codice_fiscale = c.codice_fiscale AND p.dati::json ->> 15 IN ('1', '2'))
		FROM cartelle c WHERE `+where+` ORDER BY c.comune COLLATE "C", c.codice_fiscale COLLATE "C", c.id_cartella COLLATE "C"`, args, func(rows pgx.Rows) error {
		var c csi.Cartella
		a := cartellaAnswers{ok: true}
		if err := scanCartella(rows, &c, &a.resident, &a.deadness); err != nil {
			return err
		}
		a.cf, a.comune, a.date = c.CodiceFiscale, c.Comune, c.DataApertura
		e.last = a
		return fn(c)
	})
}

// EachIntervento streams the interventi ordered by Comune and id.
func (e *validateEnv) EachIntervento(ctx context.Context, comuni []string, fn func(csi.Intervento) error) error {
	where, args := validationScope("i.comune", comuni)
	return e.each(ctx, `SELECT i.id_intervento, i.id_cartella, i.codice_prestazione, i.carattere, i.data_inizio,
		i.data_fine, i.importo_mensile, i.data_erogazione, i.importo, i.misura, i.presa_in_carico, i.comune
		FROM interventi i WHERE `+where+` ORDER BY i.comune COLLATE "C", i.id_intervento COLLATE "C"`, args, func(rows pgx.Rows) error {
		var x csi.Intervento
		var mensile, importo *int64
		if err := rows.Scan(&x.ID, &x.IDCartella, &x.CodicePrestazione, &x.Carattere, &x.DataInizio, &x.DataFine, &mensile,
			&x.DataErogazione, &importo, &x.Misura, &x.PresaInCarico, &x.Comune); err != nil {
			return err
		}
		if mensile != nil {
			x.ImportoMensile, x.HasMensile = *mensile, true
		}
		if importo != nil {
			x.Importo, x.HasImporto = *importo, true
		}
		return fn(x)
	})
}
