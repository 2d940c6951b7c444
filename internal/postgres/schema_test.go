package postgres

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/csi-mb/csi/internal/sqlite"
)

// TestSchemaMatchesSQLite migrates a SQLite store and a PostgreSQL one and
// compares their tables and views (with their columns, in order) and the
// names of their indexes: the engines must hold the same schema.
func TestSchemaMatchesSQLite(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	if _, err := pg.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "csi.db"), true)
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, err := lite.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	want := sqliteSchema(t, lite)
	got := pgSchema(t, pg)
	for _, l := range want {
		if !slices.Contains(got, l) {
			t.Errorf("PostgreSQL lacks %s", l)
		}
	}
	for _, l := range got {
		if !slices.Contains(want, l) {
			t.Errorf("PostgreSQL has %s, SQLite does not", l)
		}
	}
}

// sqliteSchema lists "table NAME: col, col…" and "index NAME" lines.
func sqliteSchema(t *testing.T, db *sqlite.DB) []string {
	rows, err := db.SQL().Query(`SELECT m.type, m.name, group_concat(p.name, ', ')
		FROM sqlite_master m LEFT JOIN pragma_table_info(m.name) p
		WHERE m.type IN ('table', 'view', 'index') AND m.name NOT LIKE 'sqlite_%'
		GROUP BY m.type, m.name ORDER BY m.type, m.name`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var typ, name string
		var cols *string
		if err := rows.Scan(&typ, &name, &cols); err != nil {
			t.Fatal(err)
		}
		out = append(out, schemaLine(typ, name, cols))
	}
	return out
}

func schemaLine(typ, name string, cols *string) string {
	if typ == "index" || cols == nil {
		return typ + " " + name
	}
	return typ + " " + name + ": " + *cols
}

// pgSchema lists the same lines for the PostgreSQL store; the indexes
// behind primary keys and UNIQUE columns, which SQLite makes implicitly
// (sqlite_autoindex_*), are left out.
func pgSchema(t *testing.T, db *DB) []string {
	ctx := context.Background()
	rows, err := db.pool.Query(ctx, `SELECT CASE c.relkind WHEN 'v' THEN 'view' ELSE 'table' END, c.relname,
			string_agg(a.attname, ', ' ORDER BY a.attnum)
		FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()
		JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
		WHERE c.relkind IN ('r', 'v') GROUP BY 1, 2
		UNION ALL
		SELECT 'index', i.indexname, NULL FROM pg_indexes i
		WHERE i.schemaname = current_schema()
		AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conname = i.indexname AND k.contype IN ('p', 'u'))
		ORDER BY 1, 2`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var typ, name string
		var cols *string
		if err := rows.Scan(&typ, &name, &cols); err != nil {
			t.Fatal(err)
		}
		out = append(out, schemaLine(typ, name, cols))
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 || !strings.HasPrefix(out[0], "index") {
		t.Fatalf("no PostgreSQL schema read: %v", out)
	}
	return out
}

// TestPersonLookupsUseTheHashIndex checks that persone_cf is a hash index
// of the codice fiscale (migration 0017) and that the lookups of a person
// it is there for use it, also on a table without statistics (a Comune's
// first load not yet analysed): a hash index answers equalities only, and
// a lookup the planner answers from persone_validity instead reads the
// whole Comune for each person.
func TestPersonLookupsUseTheHashIndex(t *testing.T) {
	ctx := context.Background()
	db := openTest(t)
	if _, err := db.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	var def string
	if err := db.pool.QueryRow(ctx, "SELECT indexdef FROM pg_indexes WHERE indexname = 'persone_cf'").Scan(&def); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(def, "USING hash (codice_fiscale)") {
		t.Fatalf("persone_cf is %q, want a hash index of codice_fiscale", def)
	}
	// 5,000 current residents of one Comune, never analysed.
	if _, err := db.pool.Exec(ctx, `ALTER TABLE persone SET (autovacuum_enabled = false);
		INSERT INTO persone(comune, codice_fiscale, dati, row_hash, valid_from, import_id, line)
		SELECT '108033', 'CF' || lpad(g::text, 14, '0'), '[]', g, '2020-01-01', 1, g FROM generate_series(1, 5000) g`); err != nil {
		t.Fatal(err)
	}
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if err := probeJoins(ctx, tx, true); err != nil {
		t.Fatal(err)
	}
	cf := "'CF00000000000042'"
	for name, q := range map[string]string{
		"history":         versionSelect + "WHERE codice_fiscale = " + cf + " ORDER BY valid_from, id",
		"current version": "SELECT v.id FROM (VALUES (" + cf + ")) s(cf) CROSS JOIN LATERAL (" + strings.ReplaceAll(currentVersion, "$1", "'108033'") + ") v",
		"last version":    "SELECT (" + strings.ReplaceAll(lastVersionHash, "$1", "'108033'") + ") FROM (VALUES (" + cf + ")) s(cf)",
		"resident on":     strings.NewReplacer("$1", cf, "$2", "'108033'", "$3", "'2020-01-01'").Replace(residentQuery),
		"dead":            strings.ReplaceAll(deadQuery, "$1", cf),
	} {
		rows, err := tx.Query(ctx, "EXPLAIN "+q)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var plan strings.Builder
		for rows.Next() {
			var line string
			if err := rows.Scan(&line); err != nil {
				t.Fatal(err)
			}
			plan.WriteString(line + "\n")
		}
		rows.Close()
		if p := plan.String(); !strings.Contains(p, "using persone_cf") && !strings.Contains(p, "on persone_cf") || strings.Contains(p, "persone_validity") {
			t.Errorf("%s does not look the person up in persone_cf:\n%s", name, p)
		}
	}
}
