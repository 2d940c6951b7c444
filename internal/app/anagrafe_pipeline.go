package app

import (
	"context"
	"io"
	"slices"
	"strconv"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/store"
)

// parseBatch is how many rows travel together from parser to writer.
const parseBatch = 512

// importer carries one import's rows from the file to the store's writer.
type importer struct {
	job     *importJob
	w       store.RegistryWriter
	rejects *rejectSpool
}

// run streams the file: one goroutine parses and stages rows while the
// caller's goroutine writes them, so that parsing uses the second core.
// It reports whether every row was refused (then nothing is written).
func (im *importer) run(ctx context.Context, r *dialect.Reader) (bool, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	batches := make(chan []store.RegistryRow, 4)
	errc := make(chan error, 1)
	p := &parser{im: im, r: r, p: anagrafe.NewParser(im.job.comune.Istat, anagrafe.OldCodes, r.NumColumns())}
	go func() {
		defer close(batches)
		errc <- p.run(ctx, batches)
	}()
	for batch := range batches {
		if err := im.write(ctx, batch); err != nil {
			cancel()
			for range batches {
			}
			return false, err
		}
	}
	if err := <-errc; err != nil {
		return false, err
	}
	return im.finish(ctx)
}

// write stores a batch and reports its refused rows, in line order.
func (im *importer) write(ctx context.Context, batch []store.RegistryRow) error {
	if err := im.w.Write(ctx, batch); err != nil {
		return err
	}
	for i := range batch {
		row := &batch[i]
		switch {
		case row.Rej != nil:
			if err := im.reject(row.Line, row.Rej.Column, row.Rej.Reason, row.Rej.Raw); err != nil {
				return err
			}
		case row.Repeats > 0:
			if err := im.reject(row.Line, "codice_fiscale", repeatsReason(row.Repeats), row.Raw); err != nil {
				return err
			}
		default:
			im.job.sum.Rows++
		}
	}
	return nil
}

func repeatsReason(first int) string {
	return anagrafe.T("%s repeats line %s", "codice_fiscale", strconv.Itoa(first))
}

// reject reports a refused row in the summary and the rejects file.
func (im *importer) reject(line int, column, reason, raw string) error {
	s := im.job.sum
	s.Rows++
	s.Rejected++
	if len(s.Rejects) < csi.MaxSummaryRejects {
		s.Rejects = append(s.Rejects, csi.RejectedRow{Line: line, Column: column, Reason: reason})
	} else {
		s.RejectsOmitted++
	}
	return im.rejects.write(line, column, reason, raw)
}

// finish resolves the late repeats, applies the snapshot's exits behind the
// mass-exit guard and writes the rejects file.
func (im *importer) finish(ctx context.Context) (bool, error) {
	out, err := im.w.Resolve(ctx)
	if err != nil {
		return false, err
	}
	s := im.job.sum
	s.Inserted, s.Updated, s.Unchanged, s.Closed = out.Inserted, out.Updated, out.Unchanged, out.Closed
	im.rejects.markLate()
	for _, r := range out.Repeats {
		s.Rows-- // counted as stored when written
		if err := im.reject(r.Line, "codice_fiscale", repeatsReason(r.First), r.Raw); err != nil {
			return false, err
		}
	}
	if s.Rows == 0 {
		return false, csi.Errorf(csi.EBADFILE, "%s has a header but no data rows", im.job.src.Name).
			WithHint("check that the export finished; nothing was imported")
	}
	slices.SortFunc(s.Rejects, func(a, b csi.RejectedRow) int { return a.Line - b.Line })
	// A file whose every row is refused is unusable: nothing is closed,
	// and nothing is written; the rejects are still reported.
	allRejected := s.Rejected == s.Rows
	if im.job.req.Mode == csi.ModeSnapshot && !allRejected {
		if closing := out.Absent + s.Closed; out.Current > 0 && closing*10 > out.Current && !im.job.req.AllowMassExit {
			return false, massExitError(s, closing, out.Current)
		}
		n, err := im.w.CloseAbsent(ctx)
		if err != nil {
			return false, err
		}
		s.Closed += n
	}
	return allRejected, im.rejects.finish(im.job.req.Rejects)
}

// parser reads rows, checks them and stages them for the writer.
type parser struct {
	im *importer
	r  *dialect.Reader
	p  *anagrafe.Parser
}

func (p *parser) run(ctx context.Context, out chan<- []store.RegistryRow) error {
	batch := make([]store.RegistryRow, 0, parseBatch)
	rows := 0
	for {
		row, err := p.r.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return badFile(err)
		}
		batch = append(batch, p.stage(row))
		if rows++; len(batch) == parseBatch {
			if err := p.send(ctx, out, batch, rows); err != nil {
				return err
			}
			batch = make([]store.RegistryRow, 0, parseBatch)
		}
	}
	return p.send(ctx, out, batch, rows)
}

func (p *parser) send(ctx context.Context, out chan<- []store.RegistryRow, batch []store.RegistryRow, rows int) error {
	if prog := p.im.job.req.Progress; prog != nil {
		prog(p.r.BytesRead(), rows)
	}
	select {
	case out <- batch:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// stage parses one row and lets the store's writer look at it; a rejected
// row is reported by write, in its turn.
func (p *parser) stage(row *dialect.Row) store.RegistryRow {
	rec, rej := p.p.Parse(row)
	sr := store.RegistryRow{Line: row.Line, Rec: rec, Rej: rej}
	p.im.w.Stage(&sr, row.Raw)
	return sr
}

// massExitError refuses a snapshot that would close too many residents.
// When rows were rejected, the residents may well be behind them (an
// unreadable CF): the message shows the first rejects, and the hint asks
// to fix them rather than to pass --allow-mass-exit, which would close
// those residents.
func massExitError(s *csi.ImportSummary, closing, total int) error {
	pct := float64(closing) * 100 / float64(total)
	switch s.Rejected {
	case 0:
		return csi.Errorf(csi.ECONFLICT, "the snapshot would close %d of %d current residents (%.1f%%), more than 10%%", closing, total, pct).
			WithHint("check that the extract is complete; if the exits are real, pass --allow-mass-exit")
	case 1:
		return csi.Errorf(csi.ECONFLICT, "the snapshot would close %d of %d current residents (%.1f%%), more than 10%%, and 1 row was rejected (%s)",
			closing, total, pct, firstRejects(s.Rejects, 3)).
			WithHint("fix the rejected rows, whose residents the snapshot would close, and import the file again; nothing was imported")
	}
	return csi.Errorf(csi.ECONFLICT, "the snapshot would close %d of %d current residents (%.1f%%), more than 10%%, and %d rows were rejected (%s)",
		closing, total, pct, s.Rejected, firstRejects(s.Rejects, 3)).
		WithHint("fix the rejected rows, whose residents the snapshot would close, and import the file again; nothing was imported")
}

// firstRejects describes the first rejects of distinct reasons, at most n,
// each with its line; the CLI translates them (the reasons are English
// texts, i18n's Known ones).
func firstRejects(rs []csi.RejectedRow, n int) csi.Messages {
	var parts csi.Messages
	seen := map[string]bool{}
	for _, r := range rs {
		if !seen[r.Reason] && len(parts) < n {
			seen[r.Reason] = true
			parts = append(parts, csi.Errorf(csi.ECONFLICT, "line %s: %s", strconv.Itoa(r.Line), r.Reason))
		}
	}
	return parts
}
