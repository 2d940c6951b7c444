package sqlite

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/pgtest"
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/jackc/pgx/v5"
)

// TestIndicatorEnginesAgree computes every indicator of the catalogue on
// the same data in SQLite and in PostgreSQL, at every level and scope, with
// and without --suppress-below, and wants the same JSON byte for byte.
func TestIndicatorEnginesAgree(t *testing.T) {
	pgtest.Required(t)
	for _, tc := range []struct {
		name  string
		build func(*testing.T) *DB
	}{
		{"small", func(t *testing.T) *DB { return smallStore(t) }},
		{"sparse", sparseStore},
	} {
		t.Run(tc.name, func(t *testing.T) {
			lite := tc.build(t)
			pg := postgresCopy(t, lite)
			compareEngines(t, services(lite), pgServices(pg, lite))
		})
	}
}

// engine is the services of one engine over the data of a test.
type engine struct {
	name string
	svc  csi.IndicatorService
}

// bothEngines returns the services over lite, then over a PostgreSQL copy
// of it when a server is named (see pgtest; else it says the PostgreSQL
// suite did not run).
func bothEngines(t *testing.T, lite *DB) []engine {
	t.Helper()
	out := []engine{{"sqlite", services(lite)}}
	if pgtest.Announce() {
		out = append(out, engine{"postgres", pgServices(postgresCopy(t, lite), lite)})
	}
	return out
}

// pgServices are the services over pg on lite's clock.
func pgServices(pg *postgres.DB, lite *DB) *app.Services {
	s := app.New(pg)
	s.Now = lite.Now
	return s
}

// engineAsks returns the parameter sets every indicator is computed with:
// every breakdown, over the province, one Ambito and one Comune, on the
// defaults and on dates inside the data, plain and with suppression.
func engineAsks(def csi.IndicatorDef) []csi.IndicatorParams {
	var bases []csi.IndicatorParams
	bases = append(bases, csi.IndicatorParams{})
	switch {
	case indicators.Takes(def, indicators.ParamPeriod):
		bases = append(bases, csi.IndicatorParams{Period: []string{"2018", "2019-2020", "2015-2021"}})
	case indicators.Takes(def, indicators.ParamYear):
		bases = append(bases, csi.IndicatorParams{Year: 2020}, csi.IndicatorParams{Year: 2019})
	}
	if indicators.Takes(def, indicators.ParamAt) {
		bases = append(bases, csi.IndicatorParams{At: "2020-01-01"}, csi.IndicatorParams{At: "2020-12-31"})
	}
	if indicators.Takes(def, indicators.ParamSince) {
		bases = append(bases, csi.IndicatorParams{Since: "2018-01-01", At: "2020-12-31"})
	}
	if indicators.Takes(def, indicators.ParamDays) {
		bases = append(bases, csi.IndicatorParams{At: "2024-06-30", Days: 61})
	}
	var out []csi.IndicatorParams
	for _, b := range bases {
		for _, by := range def.By {
			for _, geo := range [][2]string{{"", ""}, {"Vimercate", ""}, {"", "108002"}, {"", "108033"}} {
				for _, n := range []int{0, 3, 5} {
					p := b
					p.By, p.Ambito, p.Comune, p.SuppressBelow = by, geo[0], geo[1], n
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// compareEngines wants the same answer, result or error, from both.
func compareEngines(t *testing.T, lite, pg csi.IndicatorService) {
	t.Helper()
	ctx := context.Background()
	asked := 0
	for _, def := range indicators.Catalogue() {
		for _, p := range engineAsks(def) {
			want, werr := answerJSON(lite.ComputeIndicator(ctx, def.Name, p))
			got, gerr := answerJSON(pg.ComputeIndicator(ctx, def.Name, p))
			if got != want || gerr != werr {
				t.Fatalf("%s %+v:\nPostgreSQL %s%s\nSQLite     %s%s", def.Name, p, got, gerr, want, werr)
			}
			asked++
		}
	}
	t.Logf("%d computations agree", asked)
}

// answerJSON is a result as JSON, or the error's text.
func answerJSON(res *csi.IndicatorResult, err error) (string, string) {
	if err != nil {
		return "", err.Error()
	}
	b, err := json.Marshal(res)
	if err != nil {
		return "", err.Error()
	}
	return string(b), ""
}

// Test setup, until every capability has its PostgreSQL port: a copy of a
// SQLite store into a fresh PostgreSQL database, table by table.

// copiedTables are the tables the indicators read, parents first.
var copiedTables = []string{"ambiti", "comuni", "comune_history", "referenti", "imports", "persone", "cartelle", "accessi", "interventi"}

// postgresCopy returns a migrated PostgreSQL store holding the rows of
// lite's copiedTables.
func postgresCopy(t testing.TB, lite *DB) *postgres.DB {
	t.Helper()
	ctx := context.Background()
	url := pgtest.NewDatabase(t)
	pg, err := postgres.Open(ctx, url, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { pg.Close() })
	if _, err := pg.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	conn, err := pgx.Connect(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	for i := len(copiedTables) - 1; i >= 0; i-- {
		if _, err := tx.Exec(ctx, "DELETE FROM "+copiedTables[i]); err != nil {
			t.Fatalf("emptying %s: %v", copiedTables[i], err)
		}
	}
	for _, table := range copiedTables {
		copyTable(t, tx, lite, table)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	// Vacuumed, as autovacuum leaves a table after an import: the index
	// of persone can then answer the population counts alone.
	if _, err := conn.Exec(ctx, "VACUUM ANALYZE"); err != nil {
		t.Fatal(err)
	}
	return pg
}

// copyTable copies every row of one table with COPY, streamed.
func copyTable(t testing.TB, tx pgx.Tx, lite *DB, table string) {
	t.Helper()
	rows, err := lite.SQL().Query("SELECT * FROM " + table)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		t.Fatal(err)
	}
	vals, ptrs := make([]any, len(cols)), make([]any, len(cols))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	read := 0
	next := func() ([]any, error) {
		if !rows.Next() {
			return nil, rows.Err()
		}
		if err := rows.Scan(ptrs...); err != nil {
			return nil, err
		}
		for i, v := range vals {
			if b, ok := v.([]byte); ok {
				vals[i] = string(b)
			}
		}
		read++
		return vals, nil
	}
	n, err := tx.CopyFrom(context.Background(), pgx.Identifier{table}, cols, pgx.CopyFromFunc(next))
	if err != nil || int(n) != read {
		t.Fatalf("copying %s (%s): %d of %d rows: %v", table, strings.Join(cols, ", "), n, read, err)
	}
}
