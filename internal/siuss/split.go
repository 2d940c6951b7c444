package siuss

import (
	"time"

	"github.com/csi-mb/csi/internal/csi"
)

// SplitPerYear turns a periodic prestazione into one prestazione per calendar
// year, as SIUSS requires (DataFinePrestazione in the start's year): each
// piece runs from the later of the start and 1 January to the earlier of the
// end and 31 December, has the months of that year it touches as
// PeriodoErogazione (1–12), keeps the monthly amount and quote, and, when the
// original had a total Importo, carries ImportoMensile × its months.
//
// A one-off prestazione, or a periodic one without both dates, comes back
// unchanged; a periodic one within one year gets its PeriodoErogazione filled.
func SplitPerYear(p Prestazione) ([]Prestazione, error) {
	if p.Carattere != Periodica || p.DataInizio == "" || p.DataFine == "" {
		return []Prestazione{p}, nil
	}
	start, err := time.Parse(csi.DateLayout, p.DataInizio)
	if err != nil {
		return nil, splitError(p, "DataInizioPrestazione", p.DataInizio)
	}
	end, err := time.Parse(csi.DateLayout, p.DataFine)
	if err != nil {
		return nil, splitError(p, "DataFinePrestazione", p.DataFine)
	}
	if end.Before(start) {
		return nil, csi.Errorf(csi.EINVALID, "intervento %s: DataFinePrestazione %s is before DataInizioPrestazione %s", p.ID, p.DataFine, p.DataInizio).
			WithHint("correct the intervento's dates")
	}
	var out []Prestazione
	for y := start.Year(); y <= end.Year(); y++ {
		from, to := maxTime(start, date(y, 1, 1)), minTime(end, date(y, 12, 31))
		out = append(out, yearPiece(p, from, to))
	}
	return out, nil
}

func yearPiece(p Prestazione, from, to time.Time) Prestazione {
	q := p
	q.DataInizio, q.DataFine = csi.Day(from), csi.Day(to)
	q.PeriodoErogazione = int(to.Month()-from.Month()) + 1
	if p.Importo != nil && p.ImportoMensile != nil {
		total := *p.ImportoMensile * Decimal(q.PeriodoErogazione)
		q.Importo = &total
	}
	return q
}

func splitError(p Prestazione, field, value string) error {
	return csi.Errorf(csi.EINVALID, "intervento %s: %s %q is not a date", p.ID, field, value).
		WithHint("write dates as YYYY-MM-DD")
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func maxTime(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
