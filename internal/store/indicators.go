package store

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
)

// Indicators reads the figures the indicators are made of. Package app
// shapes them into rows, suppresses small counts and caches its decisions;
// an engine only counts.
type Indicators interface {
	// ReadIndicators runs fn in one read snapshot (one read-only
	// transaction): every read fn makes sees the same data, however long
	// an import runs alongside.
	ReadIndicators(ctx context.Context, fn func(IndicatorReader) error) error
}

// IndicatorReader reads one snapshot. The Count methods aggregate at each
// level of the scope (see IndicatorScope.Levels): GeoRows come level by
// level in that order, within a level by Ambito then name (byte order);
// CatRows level by level, then by code and category (byte order).
type IndicatorReader interface {
	// MonitoringReader reads the process registers in the same snapshot.
	MonitoringReader
	// IndicatorRevision identifies the data the snapshot sees.
	IndicatorRevision(ctx context.Context) (csi.Snapshot, error)
	// IndicatorGeography returns every Comune (Istat, Nome, Ambito and the
	// Status column filled) and every Ambito's name, in name order.
	IndicatorGeography(ctx context.Context) ([]csi.Comune, []string, error)
	// StatusTimelines returns each Comune's status history, sorted.
	StatusTimelines(ctx context.Context) (map[string]csi.StatusTimeline, error)
	// CartelleYears returns the years of the first opening and of the last
	// opening or closing of a cartella (0, 0 without cartelle).
	CartelleYears(ctx context.Context) (first, last int, err error)

	// CountAccessi counts the accessi between from and to: N is [accessi].
	CountAccessi(ctx context.Context, sc IndicatorScope, from, to string) ([]GeoRow, error)
	// CountMovimento counts the cartelle open at the end of the year
	// before years[0], then those opened and closed in each year: N is
	// [open, opened0, closed0, opened1, closed1, …].
	CountMovimento(ctx context.Context, sc IndicatorScope, years []int) ([]GeoRow, error)
	// CountAperteDal counts, for each span, the cartelle opened in it and
	// those of them still open on its last day: N is [opened0, open0, …].
	CountAperteDal(ctx context.Context, sc IndicatorScope, spans []Span) ([]GeoRow, error)
	// CountPopolazione counts the residents on day: those of the registry
	// for a Comune whose first registry import is as of day or earlier,
	// else its reference figure. N is [residents, Comuni from the
	// registry, Comuni].
	CountPopolazione(ctx context.Context, sc IndicatorScope, day string) ([]GeoRow, error)
	// CountCartellePopolazione counts the residents on the first day of
	// year, and the cartelle open on its last day with those opened in
	// it: N is [residents, Comuni from the registry, Comuni, open, new].
	CountCartellePopolazione(ctx context.Context, sc IndicatorScope, year int) ([]GeoRow, error)
	// CountFasce sorts the Comuni in scope with residents by their share
	// of cartelle open on the last day of year.
	CountFasce(ctx context.Context, sc IndicatorScope, year int) (Fasce, error)
	// CountAnagrafeAutomatica counts the Comuni, the members on at (status
	// maps each Comune to its status that day), the automatic ones, and
	// those whose last registry import up to at came in the days days
	// ending on at: N is [Comuni, members, automatic, regular]; Text is
	// the day of the last import ("" without one).
	CountAnagrafeAutomatica(ctx context.Context, sc IndicatorScope, at string, days int, status map[string]string) ([]GeoRow, error)
	// MedianDays counts the cartelle opened between from and to and those
	// with an access in the 365 days up to the opening: N is [cartelle,
	// with an access]; Median is the median of the days from the earliest
	// such access (nil without any).
	MedianDays(ctx context.Context, sc IndicatorScope, from, to string) ([]GeoRow, error)

	// CountAree counts the cartelle open on the last day of year by area,
	// and those opened that year: N is [open, new].
	CountAree(ctx context.Context, sc IndicatorScope, year int) ([]CatRow, error)
	// CountChiusure counts the cartelle closed between from and to by
	// reason: N is [closed].
	CountChiusure(ctx context.Context, sc IndicatorScope, from, to string) ([]CatRow, error)
	// SumInterventi counts the interventi active between from and to by
	// InterventiByPrestazione or InterventiByMisura: N is [interventi,
	// beneficiaries, amount in cents].
	SumInterventi(ctx context.Context, sc IndicatorScope, by, from, to string) ([]CatRow, error)

	// CountFlussi counts the SIUSS flows of the register whose id's day
	// falls between from and to, by category tipo + " " + operazione + " "
	// + stato (e.g. "PS I OK"): N is [flows, records carried].
	CountFlussi(ctx context.Context, sc IndicatorScope, from, to string) ([]CatRow, error)

	// AmbitiReferenti returns the Ambiti in scope, in name order, each with
	// the start of its referent's term covering at.
	AmbitiReferenti(ctx context.Context, sc IndicatorScope, at string) ([]ReferentTerm, error)
}

// The categories of SumInterventi: the service code, or the measure ("nessuna"
// for none).
const (
	InterventiByPrestazione = "prestazione"
	InterventiByMisura      = "misura"
)

// IndicatorScope is the geography of a computation: the Comuni it covers
// and the level rows are broken down by.
type IndicatorScope struct {
	By     string // csi.ByComune, csi.ByAmbito or csi.ByProvincia
	Ambito string // the canonical name, when narrowed to an Ambito
	Comune string // the ISTAT code, when narrowed to a Comune
}

// Levels returns the levels rows are given at: the breakdown and every
// level above it inside the scope.
func (sc IndicatorScope) Levels() []string {
	switch {
	case sc.Comune != "":
		return []string{csi.ByComune}
	case sc.Ambito != "" && sc.By == csi.ByComune:
		return []string{csi.ByComune, csi.ByAmbito}
	case sc.Ambito != "":
		return []string{csi.ByAmbito}
	}
	switch sc.By {
	case csi.ByComune:
		return []string{csi.ByComune, csi.ByAmbito, csi.ByProvincia}
	case csi.ByAmbito:
		return []string{csi.ByAmbito, csi.ByProvincia}
	}
	return []string{csi.ByProvincia}
}

// Span is a range of days, both included.
type Span struct{ From, To string }

// GeoRow is the figures of one geography: a Comune, an Ambito (Code and
// Name are its name) or the province. Every Comune in scope has a row.
type GeoRow struct {
	Level, Code, Name, Ambito string
	N                         []int64
	Text                      string
	Median                    *float64
}

// CatRow is the figures of one category in one geography; a geography
// without data in any category has no row.
type CatRow struct {
	Level, Code, Cat string
	N                []int64
}

// ReferentTerm is an Ambito and the first day of its referent's term
// ("" without a referent).
type ReferentTerm struct{ Ambito, From string }

// Fasce is the answer of CountFasce: the Comuni with a share of cartelle
// below 1%, from 1% to 2% included, and above 2%, compared unrounded;
// those counted from the registry, and all of them (with residents).
type Fasce struct {
	Below, Between, Above, Registry, Comuni int64
}
