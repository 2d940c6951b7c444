package sqlite

import (
	"context"
	"fmt"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

// openOn is the SQL condition "cartella open on day ?".
const openOn = "(data_apertura <= ? AND (data_chiusura = '' OR data_chiusura > ?))"

// CountAccessi counts the accessi between from and to.
func (r indicatorReader) CountAccessi(ctx context.Context, sc store.IndicatorScope, from, to string) ([]store.GeoRow, error) {
	base := "SELECT comune AS istat, count(*) AS n FROM accessi WHERE data_accesso BETWEEN ? AND ? GROUP BY comune"
	rows, err := geoQuery(ctx, r.q, sc, base, []any{from, to}, "coalesce(sum(b.n), 0)")
	return counts(rows), err
}

// CountMovimento counts the cartelle open before years and opened and
// closed in each.
func (r indicatorReader) CountMovimento(ctx context.Context, sc store.IndicatorScope, years []int) ([]store.GeoRow, error) {
	before := fmt.Sprintf("%04d-12-31", years[0]-1)
	cols := []string{"sum" + openOn + " AS v0"}
	args := []any{before, before}
	aggs := []string{"coalesce(sum(b.v0), 0)"}
	for i, y := range years {
		from, to := fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)
		cols = append(cols, fmt.Sprintf("sum(data_apertura BETWEEN ? AND ?) AS a%d, sum(data_chiusura BETWEEN ? AND ?) AS c%d", i, i))
		args = append(args, from, to, from, to)
		aggs = append(aggs, fmt.Sprintf("coalesce(sum(b.a%d), 0)", i), fmt.Sprintf("coalesce(sum(b.c%d), 0)", i))
	}
	base := "SELECT comune AS istat, " + strings.Join(cols, ", ") + " FROM cartelle GROUP BY comune"
	rows, err := geoQuery(ctx, r.q, sc, base, args, aggs...)
	return counts(rows), err
}

// CountAperteDal counts the cartelle opened in each span and still open at
// its end, in one query.
func (r indicatorReader) CountAperteDal(ctx context.Context, sc store.IndicatorScope, spans []store.Span) ([]store.GeoRow, error) {
	var cols, aggs []string
	var args []any
	for i, sp := range spans {
		cols = append(cols, fmt.Sprintf("sum(data_apertura BETWEEN ? AND ?) AS n%d, sum(data_apertura BETWEEN ? AND ? AND (data_chiusura = '' OR data_chiusura > ?)) AS o%d", i, i))
		args = append(args, sp.From, sp.To, sp.From, sp.To, sp.To)
		aggs = append(aggs, fmt.Sprintf("coalesce(sum(b.n%d), 0)", i), fmt.Sprintf("coalesce(sum(b.o%d), 0)", i))
	}
	rows, err := geoQuery(ctx, r.q, sc, "SELECT comune AS istat, "+strings.Join(cols, ", ")+" FROM cartelle GROUP BY comune", args, aggs...)
	return counts(rows), err
}

// CountAree counts the cartelle open at the end of year by area.
func (r indicatorReader) CountAree(ctx context.Context, sc store.IndicatorScope, year int) ([]store.CatRow, error) {
	end := fmt.Sprintf("%04d-12-31", year)
	base := "SELECT comune AS istat, area AS cat, count(*) AS n, sum(data_apertura >= ?) AS y FROM cartelle WHERE " + openOn + " GROUP BY comune, area"
	return catQuery(ctx, r.q, sc, base, []any{fmt.Sprintf("%04d-01-01", year), end, end}, "sum(b.n)", "sum(b.y)")
}

// CountChiusure counts the cartelle closed between from and to by reason.
func (r indicatorReader) CountChiusure(ctx context.Context, sc store.IndicatorScope, from, to string) ([]store.CatRow, error) {
	base := "SELECT comune AS istat, motivo_chiusura AS cat, count(*) AS n FROM cartelle WHERE data_chiusura BETWEEN ? AND ? GROUP BY comune, motivo_chiusura"
	return catQuery(ctx, r.q, sc, base, []any{from, to}, "sum(b.n)")
}

// interventiBase selects the interventions active in a period with the
// person, the category column cat and the amount in cents: an occasional
// one by its delivery date, a periodic one by its months inside the period
// (the months from the later of start and period start to the earlier of
// end and period end, both counted).
const interventiBase = `SELECT istat, cat, cf, CASE WHEN car = 'O' THEN imp
	ELSE mens * ((CAST(substr(e0, 1, 4) AS INTEGER) * 12 + CAST(substr(e0, 6, 2) AS INTEGER)) -
	             (CAST(substr(s0, 1, 4) AS INTEGER) * 12 + CAST(substr(s0, 6, 2) AS INTEGER)) + 1) END AS cents
FROM (SELECT c.comune AS istat, %s AS cat, c.codice_fiscale AS cf, i.carattere AS car,
	coalesce(i.importo, 0) AS imp, coalesce(i.importo_mensile, 0) AS mens,
	max(i.data_inizio, pp.ps) AS s0, min(CASE WHEN i.data_fine = '' THEN pp.pe ELSE i.data_fine END, pp.pe) AS e0
FROM interventi i JOIN cartelle c ON c.comune = i.comune AND c.id_cartella = i.id_cartella, (SELECT ? AS ps, ? AS pe) AS pp
WHERE (i.carattere = 'O' AND i.data_erogazione BETWEEN pp.ps AND pp.pe)
   OR (i.carattere = 'P' AND i.data_inizio <> '' AND i.data_inizio <= pp.pe AND (i.data_fine = '' OR i.data_fine >= pp.ps)))`

// interventiCat is the category column of each breakdown of SumInterventi.
var interventiCat = map[string]string{
	store.InterventiByPrestazione: "i.codice_prestazione",
	store.InterventiByMisura:      "CASE WHEN i.misura = '' THEN 'nessuna' ELSE i.misura END",
}

// SumInterventi counts the interventi active between from and to, their
// beneficiaries and amounts.
func (r indicatorReader) SumInterventi(ctx context.Context, sc store.IndicatorScope, by, from, to string) ([]store.CatRow, error) {
	cat, ok := interventiCat[by]
	if !ok {
		return nil, csi.Errorf(csi.EINTERNAL, "no breakdown of interventi by %q", by)
	}
	return catQuery(ctx, r.q, sc, fmt.Sprintf(interventiBase, cat), []any{from, to},
		"count(*)", "count(DISTINCT b.cf)", "coalesce(sum(b.cents), 0)")
}
