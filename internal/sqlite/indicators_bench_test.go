package sqlite

import (
	"context"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/pgtest"
)

// provinceStore builds a province-sized store in SQL: 870,193 residents
// (each Comune's reference population, one current version each) plus
// 43,500 older versions, every Comune's registry loaded as of 2019-01-01,
// 15,000 cartelle, 30,000 interventi and 45,000 accessi spread over
// 2012-2023. It is not realistic data, only realistic volumes.
func provinceStore(b *testing.B) *DB {
	b.Helper()
	db := newStore(b)
	start := time.Now()
	for _, q := range []string{
		`INSERT INTO imports(id, kind, comune, file, sha256, mode, as_of, dialect, rows_read, inserted, updated, unchanged,
			closed, rejected, actor, at, duration_ms)
		 SELECT row_number() OVER (ORDER BY istat), 'anagrafe', istat, 'a.csv', 'sha' || istat, 'snapshot', '2019-01-01', 'utf-8',
			popolazione, popolazione, 0, 0, 0, 0, 'bench', '2024-06-' || printf('%02d', 1 + abs(istat) % 28) || 'T02:00:00Z', 1000 FROM comuni`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 125000)
		 INSERT INTO persone(comune, codice_fiscale, dati, codice_famiglia, relazione_parentela, row_hash, valid_from, valid_to, import_id, line)
		 SELECT c.istat, printf('B%s%09d', c.istat, n.i),
			'["ROSSI","MARIA","F","1980-01-01","F704","100","VIA ROMA","12","20900","F' || n.i / 3 || '","1","1","2010-01-01","1","",""]',
			'F' || n.i / 3, '1', n.i, '2019-01-01', '', 1, n.i + 1
		 FROM comuni c JOIN n ON n.i <= c.popolazione`,
		// One resident in twenty has an earlier version, closed on 2020-06-01.
		`INSERT INTO persone(comune, codice_fiscale, dati, codice_famiglia, relazione_parentela, row_hash, valid_from, valid_to, end_reason, import_id, line)
		 SELECT comune, codice_fiscale, dati, codice_famiglia, relazione_parentela, row_hash + 1, '2019-01-01', '2020-06-01', 'changed', import_id, line
		 FROM persone WHERE id % 20 = 0`,
		`UPDATE persone SET valid_from = '2020-06-01' WHERE id % 20 = 0 AND valid_to = ''`,
		`CREATE TEMP TABLE mb AS SELECT row_number() OVER (ORDER BY istat) - 1 AS k, istat FROM comuni`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 15000)
		 INSERT INTO cartelle(id_cartella, codice_fiscale, comune, data_apertura, data_chiusura, motivo_chiusura, area, case_manager, row_hash, import_id)
		 SELECT printf('C%06d', i), printf('B%s%09d', mb.istat, 1 + i * 37 % 2000), mb.istat, d,
			CASE WHEN i % 3 = 0 THEN '' ELSE date(d, '+' || (1 + i * 104729 % 1500) || ' days') END,
			CASE WHEN i % 3 = 0 THEN '' ELSE CAST(1 + i % 9 AS TEXT) END,
			substr('FAMDISANZIMMPOVDIPSAMMUL', 1 + 3 * (i % 8), 3), 'AS', i, 2
		 FROM (SELECT i, date('2012-01-01', '+' || (i * 7919 % 4380) || ' days') AS d FROM n) JOIN mb ON mb.k = i % 55`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 45000)
		 INSERT INTO accessi(id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore, row_hash, import_id)
		 SELECT printf('A%06d', i), c.data_apertura, c.comune, 'COMUNE', CASE WHEN i % 4 = 0 THEN '' ELSE c.codice_fiscale END,
			'FAM', 'INFORMAZIONE', 'op', i, 3
		 FROM n JOIN cartelle c ON c.id_cartella = printf('C%06d', 1 + i % 15000)`,
		`UPDATE accessi SET data_accesso = date(data_accesso, '-' || (abs(row_hash) * 31 % 200) || ' days')`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 30000)
		 INSERT INTO interventi(comune, id_intervento, id_cartella, codice_prestazione, carattere, data_inizio, data_fine, importo_mensile,
			data_erogazione, importo, misura, presa_in_carico, row_hash, import_id)
		 SELECT c.comune, printf('I%06d', i), c.id_cartella, CASE WHEN i % 2 = 0 THEN 'A1.04' ELSE printf('A2.%02d', i % 29) END,
			CASE WHEN i % 2 = 0 THEN 'P' ELSE 'O' END,
			CASE WHEN i % 2 = 0 THEN c.data_apertura ELSE '' END, CASE WHEN i % 2 = 0 THEN c.data_chiusura ELSE '' END,
			CASE WHEN i % 2 = 0 THEN 20000 END, CASE WHEN i % 2 = 0 THEN '' ELSE c.data_apertura END,
			CASE WHEN i % 2 = 0 THEN NULL ELSE 15050 END, substr('B2 DDN', 1 + 3 * (i % 3), 3), 'S', i, 4
		 FROM n JOIN cartelle c ON c.id_cartella = printf('C%06d', 1 + i % 15000)`,
		`UPDATE interventi SET misura = trim(misura)`,
		`ANALYZE`,
	} {
		if _, err := db.SQL().Exec(q); err != nil {
			b.Fatalf("%.60s: %v", q, err)
		}
	}
	var n int
	if err := db.SQL().QueryRow("SELECT count(*) FROM persone WHERE valid_to = ''").Scan(&n); err != nil || n != 870193 {
		b.Fatalf("current residents = %d (%v), want 870193", n, err)
	}
	b.Logf("province store built in %v", time.Since(start).Round(time.Millisecond))
	return db
}

// BenchmarkIndicator computes each indicator of the catalogue, with its
// defaults, over the whole province (go test -bench Indicator ./internal/sqlite).
func BenchmarkIndicator(b *testing.B) {
	db := provinceStore(b)
	benchIndicators(b, services(db))
}

// BenchmarkIndicatorPostgres is BenchmarkIndicator on PostgreSQL, over a
// copy of the same store (CSI_TEST_POSTGRES names the server); each
// indicator must first give the JSON SQLite gives.
func BenchmarkIndicatorPostgres(b *testing.B) {
	pgtest.Required(b)
	db := provinceStore(b)
	start := time.Now()
	pg := pgServices(postgresCopy(b, db), db)
	b.Logf("copied to PostgreSQL in %v", time.Since(start).Round(time.Millisecond))
	for _, def := range indicators.Catalogue() {
		p := benchParams(def)
		want, werr := answerJSON(services(db).ComputeIndicator(context.Background(), def.Name, p))
		got, gerr := answerJSON(pg.ComputeIndicator(context.Background(), def.Name, p))
		if got != want || gerr != werr {
			b.Fatalf("%s: PostgreSQL %.300s %s\nSQLite %.300s %s", def.Name, got, gerr, want, werr)
		}
	}
	benchIndicators(b, pg)
}

// benchParams are the parameters of the benchmarks: the defaults, the
// seed's years.
func benchParams(def csi.IndicatorDef) csi.IndicatorParams {
	p := csi.IndicatorParams{}
	if indicators.Takes(def, indicators.ParamPeriod) {
		p.Period = []string{"2018-2020"}
	}
	if def.Name == "popolazione" {
		p.At = "2020-01-01"
	}
	return p
}

// benchIndicators times each indicator of the catalogue on svc.
func benchIndicators(b *testing.B, svc csi.IndicatorService) {
	ctx := context.Background()
	for _, def := range indicators.Catalogue() {
		p := benchParams(def)
		b.Run(def.Name, func(b *testing.B) {
			for b.Loop() {
				res, err := svc.ComputeIndicator(ctx, def.Name, p)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Rows) == 0 {
					b.Fatal("no rows")
				}
			}
		})
	}
}

// freshStore is db under a new identity, without cached decisions.
type freshStore struct{ *DB }

// BenchmarkIndicatorSuppressed times a viewer's first request (counts below
// 5 withheld, complementary suppression decided afresh).
func BenchmarkIndicatorSuppressed(b *testing.B) {
	db := provinceStore(b)
	ctx := context.Background()
	for _, def := range indicators.Catalogue() {
		p := csi.IndicatorParams{SuppressBelow: 5}
		if indicators.Takes(def, indicators.ParamPeriod) {
			p.Period = []string{"2018-2020"}
		}
		if def.Name == "popolazione" {
			p.At = "2020-01-01"
		}
		b.Run(def.Name, func(b *testing.B) {
			for b.Loop() {
				// The decisions are cached per store: a new one each time.
				s := app.New(&freshStore{db})
				s.Now = db.Now
				if _, err := s.ComputeIndicator(ctx, def.Name, p); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
