package store

import "context"

// Siuss reads what the SIUSS flows to INPS carry: the interventi of a
// period with their beneficiary as the registry knew them on the benefit's
// date and their latest SINA assessment, the SINBA records of the cartelle
// open in a period, and the sending ente. Each read is one query, streamed
// in (Comune, id) order; a stream stops at the first error fn returns.
type Siuss interface {
	// EachSiussIntervento streams the interventi of q: a periodic one
	// (carattere not O) when its months overlap the period (an empty end
	// is ongoing), a one-off one (or a periodic one without start) when
	// its delivery date falls in it.
	EachSiussIntervento(ctx context.Context, q SiussQuery, fn func(SiussInterventoRow) error) error
	// EachSiussSINBA streams the SINBA records whose cartella is open
	// during the period of q.
	EachSiussSINBA(ctx context.Context, q SiussQuery, fn func(SiussSINBARow) error) error
	// SiussComune returns a Comune's Belfiore code and name; ENOTFOUND
	// when the catalogue has no Comune with that ISTAT code.
	SiussComune(ctx context.Context, istat string) (belfiore, nome string, err error)
}

// SiussQuery selects records by Comune (ISTAT codes; nil is every Comune)
// and period (From and To, YYYY-MM-DD, inclusive).
type SiussQuery struct {
	Comuni   []string
	From, To string
}

// SiussInterventoRow is one intervento as the SIUSS source reads it.
type SiussInterventoRow struct {
	// Values are the intervento's stored values in the column order of
	// records.Interventi: text as string, amounts as int64 or nil.
	Values []any
	// CodiceFiscale and Area are the cartella's; both "" when the
	// intervento's cartella does not exist.
	CodiceFiscale, Area string
	// Person is the registry version of the cartella's person valid on
	// the benefit's date (its start, or its delivery for a one-off one),
	// preferring the cartella's Comune; nil when there is none.
	Person *SiussPerson
	// SINA holds the person's latest assessment in the Comune on or
	// before that date, in the column order of records.ValutazioniSINA;
	// nil when there is none.
	SINA []any
	// Hash combines the fingerprints of the intervento, the registry
	// version and the assessment.
	Hash uint64
}

// SiussPerson is a registry version as a SIUSS flow carries it.
type SiussPerson struct {
	Cognome, Nome, Sesso      string
	DataNascita, LuogoNascita string
	Cittadinanza              string
	// Comune is the ISTAT code of the registry the version belongs to:
	// the Comune of residence.
	Comune string
}

// SiussSINBARow is one SINBA record as the SIUSS source reads it.
type SiussSINBARow struct {
	// Values are in the column order of records.SINBA.
	Values []any
	// Belfiore is the Belfiore code of the record's Comune.
	Belfiore string
	// AnnoNascita is the birth year of the cartella's person in their
	// latest registry version, "" when the registry has none.
	AnnoNascita string
	Hash        uint64
}
