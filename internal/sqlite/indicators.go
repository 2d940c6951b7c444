package sqlite

import (
	"context"
	"fmt"
	"strings"
	"sync"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

var _ csi.IndicatorService = (*DB)(nil)

// ListIndicators returns the catalogue.
func (db *DB) ListIndicators(context.Context) ([]csi.IndicatorDef, error) {
	return indicators.Catalogue(), nil
}

// indicatorFunc computes the rows of one indicator inside a read
// transaction; it may fill res.Population.
type indicatorFunc func(ctx context.Context, q querier, sc scope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error)

var indicatorFuncs = map[string]indicatorFunc{
	"accessi-segretariato":   accessiSegretariato,
	"cartelle-movimento":     cartelleMovimento,
	"cartelle-popolazione":   cartellePopolazione,
	"comuni-fasce":           comuniFasce,
	"anagrafe-automatica":    anagrafeAutomatica,
	"ambiti-referente":       ambitiReferente,
	"cartelle-aperte-dal":    cartelleAperteDal,
	"cartelle-area":          cartelleArea,
	"giorni-accesso-pic":     giorniAccessoPIC,
	"motivi-chiusura":        motiviChiusura,
	"interventi-prestazione": interventiPrestazione,
	"interventi-misura":      interventiMisura,
	"popolazione":            popolazioneIndicator,
}

// ComputeIndicator computes one indicator of the catalogue. Every query runs
// in one read transaction, so the rows and the snapshot agree.
func (db *DB) ComputeIndicator(ctx context.Context, name string, p csi.IndicatorParams) (*csi.IndicatorResult, error) {
	def, err := indicators.Find(name)
	if err != nil {
		return nil, err
	}
	fn := indicatorFuncs[name]
	if fn == nil {
		return nil, csi.Errorf(csi.EINTERNAL, "indicator %s has no implementation", name)
	}
	if p, err = indicators.Normalize(def, p, db.today()); err != nil {
		return nil, err
	}
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, mapErr(err)
	}
	defer conn.Close()
	// A deferred transaction only reads: it takes no write lock, and in WAL
	// mode it sees one snapshot however long an import runs alongside.
	if _, err := conn.ExecContext(ctx, "BEGIN DEFERRED"); err != nil {
		return nil, mapErr(err)
	}
	defer conn.ExecContext(context.WithoutCancel(ctx), "ROLLBACK")
	sc, err := resolveScope(ctx, conn, &p)
	if err != nil {
		return nil, err
	}
	res := &csi.IndicatorResult{Indicator: def.Name, Version: def.Version, Title: def.Title, Params: p,
		GeneratedAt: db.now(), Geography: sc.geography(p.By)}
	if res.Snapshot, err = snapshot(ctx, conn); err != nil {
		return nil, err
	}
	if res.Rows, err = fn(ctx, conn, sc, p, res); err != nil {
		return nil, err
	}
	if res.Rows == nil {
		res.Rows = []csi.IndicatorRow{}
	}
	if p.SuppressBelow > 1 && len(def.Counts) > 0 {
		w, err := db.decision(ctx, conn, def, fn, p, res.Snapshot.Revision)
		if err != nil {
			return nil, err
		}
		w.Apply(def, p, res.Rows)
	}
	return res, nil
}

// decision returns the counts to withhold in a table of def for p, from
// the cache or decided now: the decision over the cartelle quantities
// several indicators share (see indicators.Shared), or the indicator's own.
func (db *DB) decision(ctx context.Context, q querier, def csi.IndicatorDef, fn indicatorFunc, p csi.IndicatorParams, rev string) (indicators.Withheld, error) {
	shared := indicators.Shared(def, p)
	key := decisionKey{db, fmt.Sprintf("%s|%s|%v|%d|%s|%s|%d|%d", def.Name, rev, p.Period, p.Year, p.At, p.Since, p.Days, p.SuppressBelow)}
	if shared {
		key.key = fmt.Sprintf("cartelle|%s|%s|%d", rev, db.today()[:4], p.SuppressBelow)
	}
	if w, ok := withheldCache.get(key); ok {
		return w, nil
	}
	parents, err := geoParents(ctx, q)
	if err != nil {
		return indicators.Withheld{}, err
	}
	var w indicators.Withheld
	if shared {
		w, err = withheldCartelle(ctx, q, parents, p.SuppressBelow, db.today())
	} else {
		var ref []indicators.Published
		if ref, err = everyLevel(ctx, q, def, fn, p); err == nil {
			w = indicators.ProtectTables(ref, parents, p.SuppressBelow)
		}
	}
	if err != nil {
		return indicators.Withheld{}, err
	}
	withheldCache.put(key, w)
	return w, nil
}

// geoParents maps each Comune (indicators.GeoKey) to its Ambito and each
// Ambito to the province.
func geoParents(ctx context.Context, q querier) (map[string]string, error) {
	parents := map[string]string{}
	rows, err := q.QueryContext(ctx, "SELECT istat, ambito FROM comuni")
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var istat, ambito string
		if err := rows.Scan(&istat, &ambito); err != nil {
			return nil, err
		}
		parents[indicators.GeoKey(csi.ByComune, istat)] = indicators.GeoKey(csi.ByAmbito, ambito)
		parents[indicators.GeoKey(csi.ByAmbito, ambito)] = indicators.GeoKey(csi.ByProvincia, csi.ProvinceCode)
	}
	return parents, rows.Err()
}

// everyLevel computes the rows of the indicator at every level over the
// whole province (the same for every scope and breakdown asked for, so
// that no two tables can be subtracted to undo a suppression): the
// reference indicators.ProtectTables decides on.
func everyLevel(ctx context.Context, q querier, def csi.IndicatorDef, fn indicatorFunc, p csi.IndicatorParams) ([]indicators.Published, error) {
	var ref []indicators.Published
	for _, by := range []string{csi.ByComune, csi.ByAmbito} {
		rp := p
		rp.By, rp.Ambito, rp.Comune = by, "", ""
		got, err := fn(ctx, q, scope{by: by}, rp, &csi.IndicatorResult{})
		if err != nil {
			return nil, err
		}
		ref = append(ref, indicators.Published{Def: def, Params: rp, Rows: got})
	}
	return ref, nil
}

// aperteDalYears computes the tables of cartelle-aperte-dal over each
// calendar year from first to last, in one query.
func aperteDalYears(ctx context.Context, q querier, sc scope, first, last int) ([]indicators.Published, error) {
	var cols, aggs []string
	var args []any
	for y := first; y <= last; y++ {
		from, to := fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)
		i := y - first
		cols = append(cols, fmt.Sprintf("sum(data_apertura BETWEEN ? AND ?) AS n%d, sum(data_apertura BETWEEN ? AND ? AND (data_chiusura = '' OR data_chiusura > ?)) AS o%d", i, i))
		args = append(args, from, to, from, to, to)
		aggs = append(aggs, fmt.Sprintf("coalesce(sum(b.n%d), 0)", i), fmt.Sprintf("coalesce(sum(b.o%d), 0)", i))
	}
	rows, err := geoQuery(ctx, q, sc, "SELECT comune AS istat, "+strings.Join(cols, ", ")+" FROM cartelle GROUP BY comune", args, aggs...)
	if err != nil {
		return nil, err
	}
	dal, _ := indicators.Find("cartelle-aperte-dal")
	var out []indicators.Published
	for y := first; y <= last; y++ {
		i := y - first
		tb := indicators.Published{Def: dal, Params: csi.IndicatorParams{By: sc.by, Since: fmt.Sprintf("%04d-01-01", y), At: fmt.Sprintf("%04d-12-31", y)}}
		for _, r := range rows {
			tb.Rows = append(tb.Rows, *geoKeys(r).Set("aperte", i64(r.vals[2*i])).Set("ancora_aperte", i64(r.vals[2*i+1])))
		}
		out = append(out, tb)
	}
	return out, nil
}

// withheldCartelle decides, by indicators.ProtectCartelle, on the cartelle
// quantities of every year from the one before the first cartella to the
// later of the last date of a cartella and today: cartelle-movimento over
// those years and cartelle-aperte-dal over each, at every level.
func withheldCartelle(ctx context.Context, q querier, parents map[string]string, n int, today string) (indicators.Withheld, error) {
	var first, last int
	err := q.QueryRowContext(ctx, `SELECT coalesce(min(CAST(substr(data_apertura, 1, 4) AS INTEGER)), 0),
		coalesce(max(max(CAST(substr(data_apertura, 1, 4) AS INTEGER), CAST(coalesce(nullif(substr(data_chiusura, 1, 4), ''), '0') AS INTEGER))), 0)
		FROM cartelle`).Scan(&first, &last)
	if err != nil {
		return indicators.Withheld{}, mapErr(err)
	}
	var year int
	fmt.Sscan(today[:4], &year)
	if first == 0 {
		first = year + 1 // no cartelle: only this year, every count zero
	}
	first, last = max(first-1, 1900), max(last, year)
	// Broken down by Comune over the province, the rows come at every
	// level (the Comuni, the Ambiti, the province): one query each.
	mov, _ := indicators.Find("cartelle-movimento")
	mp := csi.IndicatorParams{By: csi.ByComune, Period: []string{fmt.Sprintf("%04d-%04d", first, last)}}
	rows, err := cartelleMovimento(ctx, q, scope{by: csi.ByComune}, mp, &csi.IndicatorResult{})
	if err != nil {
		return indicators.Withheld{}, err
	}
	ref, err := aperteDalYears(ctx, q, scope{by: csi.ByComune}, first, last)
	if err != nil {
		return indicators.Withheld{}, err
	}
	ref = append(ref, indicators.Published{Def: mov, Params: mp, Rows: rows})
	return indicators.ProtectCartelle(ref, parents, n, last), nil
}

// withheldCache keeps the last decisions of indicators.Protect, by store,
// indicator, parameters (but the geography) and snapshot revision: every
// change of data gives a new revision, and a viewer's dashboard asks for
// the same indicator at many levels.
var withheldCache = &decisions{m: map[decisionKey]indicators.Withheld{}}

type decisions struct {
	mu sync.Mutex
	m  map[decisionKey]indicators.Withheld
}

// decisionKey holds the store itself, not its address: a store in the
// cache is not collected, so another one cannot take its address.
type decisionKey struct {
	db  *DB
	key string
}

func (d *decisions) get(key decisionKey) (indicators.Withheld, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	w, ok := d.m[key]
	return w, ok
}

func (d *decisions) put(key decisionKey, w indicators.Withheld) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if len(d.m) >= 64 {
		clear(d.m)
	}
	d.m[key] = w
}

func snapshot(ctx context.Context, q querier) (csi.Snapshot, error) {
	var imp, aud int64
	err := q.QueryRowContext(ctx, `SELECT (SELECT coalesce(max(id), 0) FROM imports), (SELECT coalesce(max(id), 0) FROM audit)`).Scan(&imp, &aud)
	if err != nil {
		return csi.Snapshot{}, mapErr(err)
	}
	return csi.NewSnapshot(imp, aud), nil
}

// scope is the geography of a computation: the Comuni it covers and the
// level rows are broken down by.
type scope struct {
	by     string
	ambito string // canonical name, when filtered to an Ambito
	comune string // ISTAT code, when filtered to a Comune
	label  string // "Lissone (108028)"
}

func resolveScope(ctx context.Context, q querier, p *csi.IndicatorParams) (scope, error) {
	sc := scope{by: p.By}
	if p.Comune != "" {
		c, err := resolveComune(ctx, q, p.Comune)
		if err != nil {
			return sc, err
		}
		sc.comune, sc.label = c.Istat, fmt.Sprintf("%s (%s)", c.Nome, c.Istat)
		p.Comune = c.Istat
	}
	if p.Ambito != "" {
		a, err := resolveAmbito(ctx, q, p.Ambito)
		if err != nil {
			return sc, err
		}
		sc.ambito, p.Ambito = a, a
	}
	return sc, nil
}

func (sc scope) geography(by string) string {
	s := "Provincia di " + csi.ProvinceName
	switch {
	case sc.comune != "":
		s = "Comune " + sc.label
	case sc.ambito != "":
		s = "Ambito " + sc.ambito
	}
	return s + ", by " + by
}

// comuniCTE selects the Comuni in scope as the CTE s(istat, nome, ambito,
// popolazione).
func (sc scope) comuniCTE() (string, []any) {
	q := "s AS (SELECT istat, nome, ambito, popolazione FROM comuni"
	switch {
	case sc.comune != "":
		return q + " WHERE istat = ?)", []any{sc.comune}
	case sc.ambito != "":
		return q + " WHERE ambito = ?)", []any{sc.ambito}
	}
	return q + ")", nil
}

// levels returns the levels rows are given at: the breakdown and every
// level above it inside the scope.
func (sc scope) levels() []string {
	switch {
	case sc.comune != "":
		return []string{csi.ByComune}
	case sc.ambito != "" && sc.by == csi.ByComune:
		return []string{csi.ByComune, csi.ByAmbito}
	case sc.ambito != "":
		return []string{csi.ByAmbito}
	}
	switch sc.by {
	case csi.ByComune:
		return []string{csi.ByComune, csi.ByAmbito, csi.ByProvincia}
	case csi.ByAmbito:
		return []string{csi.ByAmbito, csi.ByProvincia}
	}
	return []string{csi.ByProvincia}
}

// levelExprs returns the SQL expressions of a level's code and name over s.
func levelExprs(level string) (code, name, ambito string) {
	switch level {
	case csi.ByComune:
		return "s.istat", "s.nome", "s.ambito"
	case csi.ByAmbito:
		return "s.ambito", "s.ambito", "s.ambito"
	}
	return "'" + csi.ProvinceCode + "'", "'" + csi.ProvinceName + "'", "''"
}

// geoRow is one aggregated row of a geography query.
type geoRow struct {
	level, code, name, ambito string
	vals                      []any
}

// geoQuery aggregates base, a query whose rows carry the ISTAT code of a
// Comune as column istat, at each level of sc: every Comune in scope gets a
// row (base is LEFT JOINed as b), aggregated with the expressions aggs.
// Rows come comune level first, each level ordered by Ambito and name.
func geoQuery(ctx context.Context, q querier, sc scope, base string, args []any, aggs ...string) ([]geoRow, error) {
	cte, cargs := sc.comuniCTE()
	var parts []string
	for i, lv := range sc.levels() {
		code, name, amb := levelExprs(lv)
		part := fmt.Sprintf("SELECT %d AS o, '%s' AS lvl, %s AS code, %s AS name, %s AS amb, %s FROM s LEFT JOIN b ON b.istat = s.istat",
			i, lv, code, name, amb, strings.Join(aggs, ", "))
		if lv != csi.ByProvincia {
			part += " GROUP BY " + code
		}
		parts = append(parts, part)
	}
	var out []geoRow
	err := queryLevels(ctx, q, cte, base, append(cargs, args...), parts, "o, amb, name", func(scan func(...any) ([]any, error)) error {
		var o int
		r := geoRow{}
		vals, err := scan(&o, &r.level, &r.code, &r.name, &r.ambito)
		if err != nil {
			return err
		}
		r.vals = vals
		out = append(out, r)
		return nil
	})
	return out, err
}

// catRow is one aggregated row of a category query.
type catRow struct {
	level, code, cat string
	vals             []any
}

// catQuery aggregates base, whose rows carry istat and a category cat, per
// category at each level of sc (Comuni without rows do not appear).
func catQuery(ctx context.Context, q querier, sc scope, base string, args []any, aggs ...string) ([]catRow, error) {
	cte, cargs := sc.comuniCTE()
	var parts []string
	for i, lv := range sc.levels() {
		code, _, _ := levelExprs(lv)
		parts = append(parts, fmt.Sprintf("SELECT %d AS o, '%s' AS lvl, %s AS code, b.cat AS cat, %s FROM b JOIN s ON s.istat = b.istat GROUP BY %s b.cat",
			i, lv, code, strings.Join(aggs, ", "), groupPrefix(lv, code)))
	}
	var out []catRow
	err := queryLevels(ctx, q, cte, base, append(cargs, args...), parts, "o, code, cat", func(scan func(...any) ([]any, error)) error {
		var o int
		r := catRow{}
		vals, err := scan(&o, &r.level, &r.code, &r.cat)
		if err != nil {
			return err
		}
		r.vals = vals
		out = append(out, r)
		return nil
	})
	return out, err
}

// queryLevels runs the union of parts (one per level) over the Comuni in
// scope (cte) and the materialised base b, ordered by order. For each row,
// row gets a scan function that fills the leading columns it is given and
// returns the remaining (aggregate) columns. The CTE b is MATERIALIZED:
// each level's part of the UNION reads it, and left to itself the planner
// may re-run base for every Comune.
func queryLevels(ctx context.Context, q querier, cte, base string, args []any, parts []string, order string,
	row func(scan func(lead ...any) ([]any, error)) error) error {
	query := "WITH " + cte + ", b AS MATERIALIZED (" + base + ") SELECT * FROM (" + strings.Join(parts, " UNION ALL ") + ") ORDER BY " + order
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	for rows.Next() {
		scan := func(lead ...any) ([]any, error) {
			vals := make([]any, len(cols)-len(lead))
			dest := lead
			for i := range vals {
				dest = append(dest, &vals[i])
			}
			return vals, rows.Scan(dest...)
		}
		if err := row(scan); err != nil {
			return err
		}
	}
	return rows.Err()
}

func groupPrefix(level, code string) string {
	if level == csi.ByProvincia {
		return ""
	}
	return code + ","
}

// i64 converts a scanned aggregate to an int64.
func i64(v any) int64 {
	switch x := v.(type) {
	case int64:
		return x
	case float64:
		return int64(x)
	case []byte:
		var n int64
		fmt.Sscan(string(x), &n)
		return n
	case string:
		var n int64
		fmt.Sscan(x, &n)
		return n
	}
	return 0
}

// str converts a scanned value to a string.
func str(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []byte:
		return string(x)
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// pct returns num/den*100 with two decimals, or nil when den is 0.
func pct(num, den int64) any {
	if den == 0 {
		return nil
	}
	return csi.DecOf(float64(num)*100/float64(den), 2)
}

// geoKeys sets the livello, codice and nome keys of a geography row.
func geoKeys(r geoRow) *csi.IndicatorRow {
	row := &csi.IndicatorRow{Geo: indicators.GeoKey(r.level, r.code)}
	return row.Set("livello", r.level).Set("codice", r.code).Set("nome", r.name)
}

// periods parses the normalised periods of p.
func periods(p csi.IndicatorParams) []indicators.Period {
	ps, _ := indicators.ParsePeriods(p.Period)
	return ps
}
