package sqlite

import (
	"context"

	"github.com/csi-mb/csi/internal/store"
)

// Stage decides, on the parsing goroutine, what Write will do with a row,
// from the current residents and the CFs seen so far: the resident map and
// the Bloom filter belong to that goroutine until the rows are written.
func (w *writer) Stage(row *store.RegistryRow, raw []byte) {
	if row.Rej != nil {
		if row.Rej.CF != "" {
			w.markSeen(row.Rej.CF, row.Line)
		}
		row.Act = actReject
		return
	}
	rec := row.Rec
	key := cfKey(rec.CF)
	if c := w.cur.find(&key); c != nil {
		if c.seen > 0 {
			row.Act, row.Arg, row.Raw = actDup, c.seen, string(raw)
			return
		}
		c.seen = int32(row.Line)
		if c.hash == rec.Hash {
			row.Act = actUnchanged
			return
		}
		rec.Encode()
		row.Act = actChange
		return
	}
	rec.Encode()
	switch {
	case w.bloom.testAndAdd(&key):
		row.Act, row.Raw = actCheck, string(raw)
	case rec.Cancelled():
		row.Act = actCancelled
	default:
		row.Act = actInsert
	}
}

// markSeen keeps a resident whose row was rejected from being closed. The
// line is stored negated: a later valid row of that CF is the first one
// that stands, not a repeat of the rejected row.
func (w *writer) markSeen(cf string, line int) {
	key := cfKey(cf)
	if c := w.cur.find(&key); c != nil && c.seen == 0 {
		c.seen = -int32(line)
	}
}

// Resolve writes the pending versions, rebuilds the indexes of a bulk load,
// finds the repeated CFs the Bloom filter flagged and waits for the store's
// quick_check: nothing is reported, nor committed, from a damaged store.
func (w *writer) Resolve(ctx context.Context) (*store.RegistryOutcome, error) {
	if err := w.finishRows(ctx); err != nil {
		return nil, w.verdict(err)
	}
	if err := w.check.wait(); err != nil {
		return nil, err
	}
	w.out.Absent = len(w.absent())
	out := w.out
	return &out, nil
}

// finishRows writes what the rows left pending.
func (w *writer) finishRows(ctx context.Context) error {
	if err := w.flush(ctx); err != nil {
		return err
	}
	if err := w.finishBulk(ctx); err != nil {
		return err
	}
	return w.resolveSuspects(ctx)
}

// absent lists the current residents no row mentioned.
func (w *writer) absent() []string {
	var absent []string
	if w.cur != nil {
		for i := range w.cur.list {
			if c := &w.cur.list[i]; c.seen == 0 {
				absent = append(absent, string(c.key[:]))
			}
		}
	}
	return absent
}

// CloseAbsent ends the versions of the residents missing from a snapshot.
func (w *writer) CloseAbsent(ctx context.Context) (int, error) {
	absent := w.absent()
	for _, cf := range absent {
		if err := w.closeVersion(ctx, cf, w.start.AsOf, "absent"); err != nil {
			return 0, err
		}
	}
	return len(absent), nil
}
