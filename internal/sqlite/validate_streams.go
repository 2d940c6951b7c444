package sqlite

import (
	"context"
	"database/sql"
	"strings"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// personBatch is how many persons the reading goroutine of
// EachCurrentPerson decodes ahead of the rules, per hand-over.
var personBatch = 256

// EachCurrentPerson streams the current registry versions ordered by
// Comune and codice fiscale, the order of store.ValidationReader that both
// engines share (storage order is not: it follows the query plan). One
// goroutine reads and decodes the rows, batch by batch, while fn runs the
// rules on the previous batch: the two halves of the pass take about the
// same time, and a second core does the one. The same pass tallies the
// households, for the EachIrregularHousehold that follows.
func (e *validateEnv) EachCurrentPerson(ctx context.Context, comuni []string, fn func(csi.PersonVersion) error) error {
	e.tally = nil
	rctx, cancel := context.WithCancel(ctx)
	defer cancel()
	full, free := make(chan []csi.PersonVersion, 2), make(chan []csi.PersonVersion, 3)
	for range 3 {
		free <- make([]csi.PersonVersion, 0, personBatch)
	}
	tally := newHouseholdTally(comuni)
	readErr := make(chan error, 1)
	go func() {
		defer close(full)
		readErr <- e.readPersons(rctx, comuni, tally, full, free)
	}()
	var err error
	for batch := range full {
		for i := range batch {
			if err == nil {
				err = fn(batch[i])
			}
		}
		if err != nil {
			cancel() // the reader stops at its next hand-over
		}
		free <- batch[:0]
	}
	rerr := <-readErr
	switch {
	case err != nil:
		return err
	case rerr != nil:
		return rerr
	}
	tally.closeComune()
	e.tally = tally
	return nil
}

// readPersons runs the persons query, sending the decoded versions in
// batches on full (taking empty ones from free) and tallying households.
func (e *validateEnv) readPersons(ctx context.Context, comuni []string, tally *householdTally,
	full chan<- []csi.PersonVersion, free <-chan []csi.PersonVersion) error {
	rows, err := e.db.db.QueryContext(ctx, `SELECT codice_fiscale, comune, dati, valid_from FROM persone
		WHERE valid_to = '' AND `+inScope("comune", comuni)+` ORDER BY comune, codice_fiscale`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	batch := <-free
	send := func() bool {
		select {
		case full <- batch:
		case <-ctx.Done():
			return false
		}
		select {
		case batch = <-free:
			return true
		case <-ctx.Done():
			return false
		}
	}
	for rows.Next() {
		p, err := scanCurrentPerson(rows)
		if err != nil {
			return err
		}
		tally.add(&p)
		if batch = append(batch, p); len(batch) == personBatch && !send() {
			return ctx.Err()
		}
	}
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	if len(batch) > 0 && !send() {
		return ctx.Err()
	}
	return nil
}

func scanCurrentPerson(rows *sql.Rows) (csi.PersonVersion, error) {
	var p csi.PersonVersion
	var dati string
	if err := rows.Scan(&p.CodiceFiscale, &p.Comune, &dati, &p.ValidFrom); err != nil {
		return p, err
	}
	d, err := anagrafe.DecodeDati(dati)
	if err != nil {
		return p, err
	}
	p.Cognome, p.Nome, p.Sesso, p.DataNascita, p.LuogoNascita, p.Cittadinanza = d[0], d[1], d[2], d[3], d[4], d[5]
	p.Indirizzo, p.Civico, p.CAP, p.CodiceFamiglia, p.RelazioneParentela, p.StatoCivile = d[6], d[7], d[8], d[9], d[10], d[11]
	p.DataIscrizione, p.MotivoIscrizione, p.DataCancellazione, p.MotivoCancellazione = d[12], d[13], d[14], d[15]
	return p, nil
}

// groupedHouseholds runs one grouped pass over the current versions that
// returns only the households without exactly one head, with their heads,
// smallest member CF and size; the sort behind it spills to disk, so
// memory does not grow with the province.
func (e *validateEnv) groupedHouseholds(ctx context.Context, comuni []string, fn func(store.Household) error) error {
	rows, err := e.db.db.QueryContext(ctx, `SELECT comune, codice_famiglia, count(*), min(codice_fiscale),
		coalesce(group_concat(CASE WHEN relazione_parentela = '1' THEN codice_fiscale END, ','), '')
		FROM persone WHERE valid_to = '' AND codice_famiglia != '' AND `+inScope("comune", comuni)+`
		GROUP BY comune, codice_famiglia HAVING sum(relazione_parentela = '1') != 1
		ORDER BY comune, codice_famiglia`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.Household
		var heads string
		if err := rows.Scan(&h.Comune, &h.Codice, &h.Size, &h.MinCF, &heads); err != nil {
			return err
		}
		if heads != "" {
			h.Heads = strings.Split(heads, ",")
		}
		if err := fn(h); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachAccesso streams the accessi ordered by Comune and id.
func (e *validateEnv) EachAccesso(ctx context.Context, comuni []string, fn func(csi.Accesso) error) error {
	rows, err := e.db.db.QueryContext(ctx, `SELECT id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore
		FROM accessi WHERE `+inScope("comune", comuni)+` ORDER BY comune, id_accesso`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var a csi.Accesso
		if err := rows.Scan(&a.ID, &a.Data, &a.Comune, &a.Sportello, &a.CodiceFiscale, &a.Area, &a.Esito, &a.Operatore); err != nil {
			return err
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachCartella streams the cartelle ordered by Comune, codice fiscale and id.
func (e *validateEnv) EachCartella(ctx context.Context, comuni []string, fn func(csi.Cartella) error) error {
	rows, err := e.db.db.QueryContext(ctx, "SELECT "+cartellaCols+" FROM cartelle WHERE "+inScope("comune", comuni)+" ORDER BY comune, codice_fiscale, id_cartella")
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		c, err := scanCartella(rows)
		if err != nil {
			return err
		}
		if err := fn(c); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachIntervento streams the interventi ordered by Comune and id.
func (e *validateEnv) EachIntervento(ctx context.Context, comuni []string, fn func(csi.Intervento) error) error {
	rows, err := e.db.db.QueryContext(ctx, `SELECT i.id_intervento, i.id_cartella, i.codice_prestazione, i.carattere, i.data_inizio,
		i.data_fine, i.importo_mensile, i.data_erogazione, i.importo, i.misura, i.presa_in_carico, i.comune
		FROM interventi i WHERE `+inScope("i.comune", comuni)+` ORDER BY i.comune, i.id_intervento`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var x csi.Intervento
		var mensile, importo sql.NullInt64
		if err := rows.Scan(&x.ID, &x.IDCartella, &x.CodicePrestazione, &x.Carattere, &x.DataInizio, &x.DataFine, &mensile,
			&x.DataErogazione, &importo, &x.Misura, &x.PresaInCarico, &x.Comune); err != nil {
			return err
		}
		x.ImportoMensile, x.HasMensile, x.Importo, x.HasImporto = mensile.Int64, mensile.Valid, importo.Int64, importo.Valid
		if err := fn(x); err != nil {
			return err
		}
	}
	return rows.Err()
}
