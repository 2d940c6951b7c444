package sqlite

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/synth"
)

// monzaExtract returns a synthetic registry extract of Monza (124,840 rows).
func monzaExtract(b testing.TB) []byte {
	b.Helper()
	var buf bytes.Buffer
	for _, c := range synth.Comuni() {
		if c.Istat == "108033" {
			if _, err := synth.WriteAnagrafe(&buf, c, synth.Options{Seed: 1, Scale: 1, AsOf: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}); err != nil {
				b.Fatal(err)
			}
		}
	}
	return buf.Bytes()
}

// BenchmarkImportFresh imports Monza's extract into an empty Comune.
func BenchmarkImportFresh(b *testing.B) {
	data := monzaExtract(b)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		db, ctx := benchStore(b, filepath.Join(dir, "csi.db"))
		b.StartTimer()
		sum, err := services(db).ImportAnagrafe(ctx, csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-01-01"}, bytesSource("m.csv", data))
		if err != nil || sum.Inserted != 124840 {
			b.Fatal(sum, err)
		}
		b.StopTimer()
		db.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}

func benchStore(b testing.TB, path string) (*DB, context.Context) {
	b.Helper()
	db, err := Open(context.Background(), path, true)
	if err != nil {
		b.Fatal(err)
	}
	ctx := actorCtx()
	if _, err := db.Migrate(ctx); err != nil {
		b.Fatal(err)
	}
	if _, err := services(db).OnboardComune(ctx, csi.OnboardInput{Comune: "108033", Anagrafe: "automatic"}); err != nil {
		b.Fatal(err)
	}
	return db, ctx
}

// BenchmarkImportUpdate imports a snapshot of Monza with 2% changed, 0.5%
// gone and 0.5% new people over the first extract.
func BenchmarkImportUpdate(b *testing.B) {
	data := monzaExtract(b)
	var upd bytes.Buffer
	if _, err := synth.Mutate(bytes.NewReader(data), &upd, 2, 0.02, 0.005, 0.005); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(upd.Len()))
	for b.Loop() {
		b.StopTimer()
		dir := b.TempDir()
		db, ctx := benchStore(b, filepath.Join(dir, "csi.db"))
		req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-01-01"}
		if _, err := services(db).ImportAnagrafe(ctx, req, bytesSource("m.csv", data)); err != nil {
			b.Fatal(err)
		}
		req.AsOf = "2024-04-01"
		b.StartTimer()
		sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("u.csv", upd.Bytes()))
		if err != nil || sum.Updated == 0 || sum.Inserted == 0 || sum.Closed == 0 {
			b.Fatal(sum, err)
		}
		b.StopTimer()
		db.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}

// BenchmarkImportNoop re-imports a file already imported: a hash and a lookup.
func BenchmarkImportNoop(b *testing.B) {
	data := monzaExtract(b)
	db, ctx := benchStore(b, filepath.Join(b.TempDir(), "csi.db"))
	req := csi.AnagrafeImport{Comune: "108033", Mode: csi.ModeSnapshot, AsOf: "2024-01-01"}
	if _, err := services(db).ImportAnagrafe(ctx, req, bytesSource("m.csv", data)); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		sum, err := services(db).ImportAnagrafe(ctx, req, bytesSource("m.csv", data))
		if err != nil || !sum.Noop {
			b.Fatal(sum, err)
		}
	}
}
