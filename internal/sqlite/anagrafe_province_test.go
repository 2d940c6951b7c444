package sqlite

import (
	"bytes"
	"context"
	"encoding/binary"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/synth"
)

// extract returns the synthetic registry extract of a Comune at scale.
func extract(t testing.TB, istat string, scale float64) []byte {
	t.Helper()
	var buf bytes.Buffer
	for _, c := range synth.Comuni() {
		if c.Istat == istat {
			if _, err := synth.WriteAnagrafe(&buf, c, synth.Options{Seed: 1, Scale: scale, AsOf: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
				t.Fatal(err)
			}
			return buf.Bytes()
		}
	}
	t.Fatalf("no Comune %s", istat)
	return nil
}

// province returns a store where a small Comune (Aicurzio, with an update
// that closed some versions) and a larger one (Agrate Brianza) were
// imported, with their extracts.
func province(t *testing.T) (db *DB, ctx context.Context, small, large []byte) {
	t.Helper()
	db, ctx = onboarded(t, "108001")
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108002", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	small, large = extract(t, "108002", 0.5), extract(t, "108001", 1)
	imp := func(comune, asOf string, data []byte) {
		t.Helper()
		req := csi.AnagrafeImport{Comune: comune, Mode: csi.ModeSnapshot, AsOf: asOf}
		if _, err := services(db).ImportAnagrafe(ctx, req, bytesSource(comune+asOf+".csv", data)); err != nil {
			t.Fatal(err)
		}
	}
	imp("108001", "2020-01-01", large)
	imp("108002", "2020-01-01", small)
	var upd bytes.Buffer
	if _, err := synth.Mutate(bytes.NewReader(small), &upd, 2, 0.05, 0.02, 0.02); err != nil {
		t.Fatal(err)
	}
	imp("108002", "2020-02-01", upd.Bytes())
	return db, ctx, small, large
}

// TestResidentsReadThroughEitherIndex: the current residents of a Comune,
// with their hashes, read from persone_validity are those of the table
// itself, for the small Comune of a store and for the one that is most of it.
func TestResidentsReadThroughEitherIndex(t *testing.T) {
	db, ctx, _, _ := province(t)
	tx, err := db.SQL().BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	var versions int64
	if err := tx.QueryRowContext(ctx, "SELECT max(id) FROM persone").Scan(&versions); err != nil {
		t.Fatal(err)
	}
	for _, comune := range []string{"108002", "108001"} {
		want := map[string]uint64{}
		rows, err := tx.QueryContext(ctx, "SELECT codice_fiscale, row_hash FROM persone NOT INDEXED WHERE comune = ? AND valid_to = ''", comune)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var cf string
			var h int64
			if err := rows.Scan(&cf, &h); err != nil {
				t.Fatal(err)
			}
			want[cf] = uint64(h)
		}
		rows.Close()
		if len(want) < 500 {
			t.Fatalf("%s: only %d residents", comune, len(want))
		}
		rs, n, err := loadResidents(ctx, tx, comune)
		if err != nil || n != versions {
			t.Fatalf("%s: %v, %d versions, want %d", comune, err, n, versions)
		}
		sameResidents(t, comune+" (loadResidents)", rs, want)
		// Chunks that divide the residents and chunks that do not.
		for _, chunk := range []int{1, 7, len(want), len(want) + 1} {
			rs, err = readResidents(ctx, tx, comune, len(want), chunk)
			if err != nil {
				t.Fatal(err)
			}
			sameResidents(t, fmt.Sprintf("%s (readResidents, chunks of %d)", comune, chunk), rs, want)
		}
	}
	rs, _, err := loadResidents(ctx, tx, "108003")
	if err != nil || rs.size() != 0 {
		t.Errorf("a Comune without residents: %d residents, %v", rs.size(), err)
	}
}

func sameResidents(t *testing.T, what string, rs *residents, want map[string]uint64) {
	t.Helper()
	if rs.size() != len(want) {
		t.Errorf("%s: %d residents, want %d", what, rs.size(), len(want))
	}
	for cf, h := range want {
		key := cfKey(cf)
		if r := rs.find(&key); r == nil || r.hash != h {
			t.Errorf("%s: resident %d of %d missing or with another hash", what, len(want)-len(rs.list), len(want))
			return
		}
	}
}

// TestImportRefusedOnDamagedStore: the quick_check runs while the import
// reads its file, but a damaged store still gets nothing: the import (and
// its dry run) fails naming the damage, and no import is recorded, even
// when the import itself never reads the damaged page.
func TestImportRefusedOnDamagedStore(t *testing.T) {
	db, ctx, small, _ := province(t)
	path := db.Path()
	var cf string
	if err := db.SQL().QueryRowContext(ctx, "SELECT codice_fiscale FROM persone WHERE comune = '108002' LIMIT 1 OFFSET 300").Scan(&cf); err != nil {
		t.Fatal(err)
	}
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108003", Anagrafe: "automatic", Date: "2020-01-01"}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	damagePageOf(t, path, cf)

	for _, dry := range []bool{true, false} {
		db, err := Open(ctx, path, false)
		if err != nil {
			t.Fatal(err)
		}
		// Small next to the store: not a bulk load, whose index build
		// would read the damaged page itself.
		data := bytes.ReplaceAll(small, []byte(";108002;"), []byte(";108003;"))
		req := csi.AnagrafeImport{Comune: "108003", Mode: csi.ModeSnapshot, AsOf: "2020-01-01", ImportOptions: csi.ImportOptions{DryRun: dry}}
		sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("c.csv", data))
		if err == nil || csi.ErrorCode(err) != csi.EUNAVAILABLE || !strings.Contains(err.Error(), "is damaged") {
			t.Errorf("dry run %v: import into a damaged store: %v, %+v", dry, err, sum)
		}
		var n int
		if err := db.SQL().QueryRowContext(ctx, "SELECT count(*) FROM imports WHERE comune = '108003'").Scan(&n); err != nil || n != 0 {
			t.Errorf("dry run %v: %d imports recorded (%v)", dry, n, err)
		}
		db.Close()
	}
}

// damagePageOf inverts 200 bytes of the table leaf page holding cf's row.
func damagePageOf(t *testing.T, path, cf string) {
	t.Helper()
	if _, err := os.Stat(path + "-wal"); err == nil {
		t.Fatal("the WAL was not checkpointed")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	size := int(binary.BigEndian.Uint16(data[16:18]))
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte(cf))
		if i < 0 {
			t.Fatalf("no table leaf page holds the resident")
		}
		at += i + 1
		if page := (at - 1) / size * size; page > 0 && data[page] == 0x0d {
			for j := page + 8; j < page+208; j++ {
				data[j] ^= 0xff
			}
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
}

// TestBloomSizedToTheFile: a Comune's extract gets a filter to its size,
// bounded both ways, and every CF added is found again.
func TestBloomSizedToTheFile(t *testing.T) {
	for _, c := range []struct {
		size int64
		bits int
	}{{0, maxBloomBits}, {1, 1 << 20}, {12_000_000, 1 << 21}, {87_000_000, 1 << 24}, {1 << 40, maxBloomBits}} {
		if got := len(newBloom(c.size).bits) * 64; got != c.bits {
			t.Errorf("file of %d bytes: %d bits, want %d", c.size, got, c.bits)
		}
	}
	b := newBloom(1)
	var keys [][16]byte
	for i := range 50_000 {
		keys = append(keys, cfKey(fmt.Sprintf("CF%014d", i)))
	}
	hits := 0
	for i := range keys {
		if b.testAndAdd(&keys[i]) {
			hits++
		}
	}
	if hits > 50 {
		t.Errorf("%d of %d distinct CFs taken for repeats", hits, len(keys))
	}
	for i := range keys {
		if !b.testAndAdd(&keys[i]) {
			t.Fatalf("CF %d was added but is not found", i)
		}
	}
}
