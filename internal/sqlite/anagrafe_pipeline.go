package sqlite

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
)

// parseBatch is how many rows travel together from parser to writer.
const parseBatch = 512

// run streams the file: one goroutine parses and classifies rows while the
// caller's goroutine writes them, so that parsing uses the second core.
func (w *writer) run(ctx context.Context, r *dialect.Reader) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []item, 4)
	errc := make(chan error, 1)
	p := &parser{w: w, r: r, p: anagrafe.NewParser(w.job.comune.Istat, anagrafe.OldCodes, r.NumColumns())}
	go func() {
		defer close(batches)
		errc <- p.run(ctx, batches)
	}()
	for batch := range batches {
		for i := range batch {
			if err := w.apply(ctx, &batch[i]); err != nil {
				cancel()
				for range batches {
				}
				return err
			}
		}
	}
	if err := <-errc; err != nil {
		return err
	}
	if err := w.flush(ctx); err != nil {
		return err
	}
	if err := w.finishBulk(ctx); err != nil {
		return err
	}
	w.rejects.markLate()
	if err := w.resolveSuspects(ctx); err != nil {
		return err
	}
	s := w.job.sum
	slices.SortFunc(s.Rejects, func(a, b csi.RejectedRow) int { return a.Line - b.Line })
	// A file whose every row is refused is unusable: nothing is closed, and
	// runImport writes nothing; the rejects are still reported.
	w.job.allRejected = s.Rows > 0 && s.Rejected == s.Rows
	if w.job.req.Mode == csi.ModeSnapshot && !w.job.allRejected {
		if err := w.closeAbsent(ctx); err != nil {
			return err
		}
	}
	return w.rejects.finish(w.job.req.Rejects)
}

// parser reads rows, checks them and decides what the writer must do. It
// owns the current-resident map and the Bloom filter while it runs.
type parser struct {
	w *writer
	r *dialect.Reader
	p *anagrafe.Parser
}

func (p *parser) run(ctx context.Context, out chan<- []item) error {
	batch := make([]item, 0, parseBatch)
	rows := 0
	for {
		row, err := p.r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return badFile(err)
		}
		batch = append(batch, p.classify(row))
		if rows++; len(batch) == parseBatch {
			if err := p.send(ctx, out, batch, rows); err != nil {
				return err
			}
			batch = make([]item, 0, parseBatch)
		}
	}
	return p.send(ctx, out, batch, rows)
}

func (p *parser) send(ctx context.Context, out chan<- []item, batch []item, rows int) error {
	if prog := p.w.job.req.Progress; prog != nil {
		prog(p.r.BytesRead(), rows)
	}
	select {
	case out <- batch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// classify parses one row and decides its action from the current
// residents and the CFs seen so far.
func (p *parser) classify(row *dialect.Row) item {
	rec, rej := p.p.Parse(row)
	if rej != nil {
		if rej.CF != "" {
			p.markSeen(rej.CF, row.Line)
		}
		return item{act: actReject, rej: rej}
	}
	key := cfKey(rec.CF)
	if c := p.w.cur.find(&key); c != nil {
		if c.seen > 0 {
			return item{act: actDup, first: c.seen, rej: rawOf(row)}
		}
		c.seen = int32(row.Line)
		if c.hash == rec.Hash {
			return item{act: actUnchanged}
		}
		rec.Encode()
		return item{act: actChange, rec: rec}
	}
	rec.Encode()
	if p.w.bloom.testAndAdd(&key) {
		return item{act: actCheck, rec: rec, rej: rawOf(row)}
	}
	if rec.Cancelled() {
		return item{act: actCancelled, rec: rec}
	}
	return item{act: actInsert, rec: rec}
}

func rawOf(row *dialect.Row) *anagrafe.Reject {
	return &anagrafe.Reject{Line: row.Line, Raw: string(row.Raw)}
}

// markSeen keeps a resident whose row was rejected from being closed. The
// line is stored negated: a later valid row of that CF is the first one
// that stands, not a repeat of the rejected row.
func (p *parser) markSeen(cf string, line int) {
	key := cfKey(cf)
	if c := p.w.cur.find(&key); c != nil && c.seen == 0 {
		c.seen = -int32(line)
	}
}

// closeAbsent ends the versions of residents missing from a snapshot,
// refusing when that would empty more than 10% of the Comune.
func (w *writer) closeAbsent(ctx context.Context) error {
	var absent []string
	if w.cur != nil {
		for i := range w.cur.list {
			if c := &w.cur.list[i]; c.seen == 0 {
				absent = append(absent, string(c.key[:]))
			}
		}
	}
	s := w.job.sum
	total := w.cur.size()
	if closing := len(absent) + s.Closed; total > 0 && closing*10 > total && !w.job.req.AllowMassExit {
		return massExitError(s, closing, total)
	}
	for _, cf := range absent {
		if err := w.closeVersion(ctx, cf, w.job.req.AsOf, "absent"); err != nil {
			return err
		}
	}
	s.Closed += len(absent)
	return nil
}

// massExitError refuses a snapshot that would close too many residents.
// When rows were rejected, the residents may well be behind them (an
// unreadable CF): the message shows the first rejects, and the hint asks
// to fix them rather than to pass --allow-mass-exit, which would close
// those residents.
func massExitError(s *csi.ImportSummary, closing, total int) error {
	msg := fmt.Sprintf("the snapshot would close %d of %d current residents (%.1f%%), more than 10%%",
		closing, total, float64(closing)*100/float64(total))
	if s.Rejected == 0 {
		return csi.Errorf(csi.ECONFLICT, "%s", msg).
			WithHint("check that the extract is complete; if the exits are real, pass --allow-mass-exit")
	}
	return csi.Errorf(csi.ECONFLICT, "%s, and %s rejected (%s)", msg, rowsWere(s.Rejected), firstRejects(s.Rejects, 3)).
		WithHint("fix the rejected rows, whose residents the snapshot would close, and import the file again; nothing was imported")
}

// rowsWere is "1 row was" or "N rows were".
func rowsWere(n int) string {
	if n == 1 {
		return "1 row was"
	}
	return fmt.Sprintf("%d rows were", n)
}

// firstRejects describes the first rejects of distinct reasons, at most n.
func firstRejects(rs []csi.RejectedRow, n int) string {
	var parts []string
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.Reason] && len(parts) < n {
			seen[r.Reason] = true
			parts = append(parts, fmt.Sprintf("line %d: %s", r.Line, r.Reason))
		}
	}
	return strings.Join(parts, "; ")
}
