package app

import (
	"context"
	"strconv"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/records"
	"github.com/csi-mb/csi/internal/store"
)

// recordImport is the state of one records import.
type recordImport struct {
	kind *records.Kind
	sess store.RecordSession
	dec  byte // the file's decimal separator, 0 when its amounts do not show it
	sum  *csi.ImportSummary
	rw   *dialect.RejectWriter
	seen map[string]int // line of each Comune and id met so far
	// assessed is the line of each Comune, person and date of a SINA
	// assessment met so far (one assessment per person and date).
	assessed map[string]int
	// keep names the columns the file lacks, whose stored values an
	// update keeps (store.ImportEntry.Keep).
	keep []string
}

// pendingRow is a row read and parsed, waiting for its batch's lookups.
type pendingRow struct {
	line int
	raw  []byte
	vals []any
	hash uint64
	rej  *records.Reject
	// comune is the Comune as the file wrote it, before resolveComuni.
	comune string
}

// parse turns a row into a pending row. Its raw bytes are kept (copied:
// the reader reuses them) only when there is a rejects file to write.
func (imp *recordImport) parse(row *dialect.Row, fields int) pendingRow {
	vals, hash, rej := imp.kind.Parse(row, fields, imp.dec)
	p := pendingRow{line: row.Line, vals: vals, hash: hash, rej: rej}
	if vals != nil {
		p.comune = vals[imp.comune()].(string)
	}
	if imp.rw != nil {
		p.raw = append([]byte(nil), row.Raw...)
	}
	return p
}

func (imp *recordImport) comune() int { return imp.kind.Index("comune") }
func (imp *recordImport) person() int { return imp.kind.Index(imp.kind.Person) }

// flush decides each row of the batch, in file order, with one lookup of
// the Comuni of cartella ids and one of the stored records, then writes
// the rows to store in one call.
func (imp *recordImport) flush(ctx context.Context, batch []pendingRow) error {
	if len(batch) == 0 {
		return nil
	}
	if err := imp.resolveComuni(ctx, batch); err != nil {
		return err
	}
	stored, err := imp.sess.StoredRecords(ctx, imp.keys(batch))
	if err != nil {
		return err
	}
	var writes []store.RecordRow
	var inserts []bool // per write: a new record (counted once written)
	adopting := map[string]bool{}
	for i := range batch {
		p := &batch[i]
		if p.rej == nil {
			p.rej = imp.repeated(p.line, p.vals)
		}
		if p.rej == nil && imp.kind == records.ValutazioniSINA {
			p.rej = imp.repeatedAssessment(p.line, p.vals)
		}
		key := store.RecordKey{Comune: p.vals0(imp.comune()), ID: p.vals0(0)}
		old, found := stored[key]
		if key.Comune == "" && adopting[key.ID] {
			found = false // an earlier row of the batch drops it first
		}
		if p.rej == nil && found {
			if reason := imp.moves(old.Person, p.vals[imp.person()].(string), old.Known); reason != "" {
				p.rej = &records.Reject{Line: p.line, Column: imp.kind.Person, Reason: reason}
			}
		}
		if p.rej != nil {
			if err := imp.reject(p.rej, p.raw); err != nil {
				return err
			}
			continue
		}
		if found && len(imp.keep) > 0 {
			imp.merge(p, old.Kept)
		}
		switch {
		case found && old.Hash == p.hash:
			imp.sum.Unchanged++
			continue
		case found:
			imp.sum.Updated++
		}
		adopt := !found && imp.kind == records.Interventi && key.Comune != ""
		if adopt {
			adopting[key.ID] = true
		}
		writes = append(writes, store.RecordRow{Values: p.vals, Hash: p.hash, Adopt: adopt})
		inserts = append(inserts, !found)
	}
	if len(writes) == 0 {
		return nil
	}
	adopted, err := imp.sess.WriteRecords(ctx, writes)
	if err != nil {
		return err
	}
	for i, isNew := range inserts {
		switch {
		case !isNew:
		case adopted[i]:
			imp.sum.Updated++ // the copy without a Comune, now given one
		default:
			imp.sum.Inserted++
		}
	}
	return nil
}

// vals0 returns the string value at i, or "" for a refused row.
func (p *pendingRow) vals0(i int) string {
	if p.vals == nil {
		return ""
	}
	return p.vals[i].(string)
}

// keys lists the keys of the batch's rows that can be stored.
func (imp *recordImport) keys(batch []pendingRow) []store.RecordKey {
	keys := make([]store.RecordKey, 0, len(batch))
	for i := range batch {
		if p := &batch[i]; p.rej == nil {
			keys = append(keys, store.RecordKey{Comune: p.vals0(imp.comune()), ID: p.vals0(0)})
		}
	}
	return keys
}

// resolveComuni gives an intervento without a Comune the Comune of its
// cartella, refusing it when several Comuni have a cartella with that id.
// When none has, the Comune stays empty and validation reports the
// missing cartella.
func (imp *recordImport) resolveComuni(ctx context.Context, batch []pendingRow) error {
	if imp.kind != records.Interventi {
		return nil
	}
	c, person := imp.comune(), imp.person()
	var ids []string
	for i := range batch {
		if p := &batch[i]; p.rej == nil && p.vals[c] == "" {
			ids = append(ids, p.vals[person].(string))
		}
	}
	if len(ids) == 0 {
		return nil
	}
	found, err := imp.sess.CartellaComuni(ctx, ids)
	if err != nil {
		return err
	}
	for i := range batch {
		p := &batch[i]
		if p.rej != nil || p.vals[c] != "" {
			continue
		}
		switch comuni := found[p.vals[person].(string)]; len(comuni) {
		case 1:
			p.vals[c] = comuni[0]
		case 2:
			p.rej = &records.Reject{Line: p.line, Column: "comune", Reason: records.T(
				"cartella %s exists in more than one Comune: add a comune column (ISTAT code) to the file", p.vals[person])}
		}
	}
	return nil
}

// repeated refuses a row whose Comune and id an earlier row of the file had.
func (imp *recordImport) repeated(line int, vals []any) *records.Reject {
	key := vals[imp.comune()].(string) + "\x1f" + vals[0].(string)
	if first, dup := imp.seen[key]; dup {
		return &records.Reject{Line: line, Column: imp.kind.Columns[0].Name,
			Reason: records.T("%s repeats line %s", imp.kind.Columns[0].Name, strconv.Itoa(first))}
	}
	imp.seen[key] = line
	return nil
}

// moves says why storing new over old would move a record to another
// person, or returns "". A cartella or accesso may change a CF that was
// invalid or empty (a correction) or write it in another omocodia level;
// an intervento may leave a cartella that does not exist.
func (imp *recordImport) moves(old, new string, known bool) string {
	id := imp.kind.Columns[0].Name
	switch {
	case old == new:
		return ""
	case imp.kind == records.Interventi:
		if !known {
			return ""
		}
		return records.T("%s is stored in cartella %s of this Comune: an import does not move an intervento to another cartella", id, old)
	case codicefiscale.Validate(old) != nil:
		return ""
	case codicefiscale.Validate(new) == nil && codicefiscale.Regular(old) == codicefiscale.Regular(new):
		return ""
	}
	return records.T("%s is stored for another codice fiscale in this Comune: an import does not move a %s to another person", id, imp.kind.Record)
}

// reject counts a refused row and writes it to the rejects file.
func (imp *recordImport) reject(rej *records.Reject, raw []byte) error {
	sum := imp.sum
	sum.Rejected++
	if len(sum.Rejects) < csi.MaxSummaryRejects {
		sum.Rejects = append(sum.Rejects, csi.RejectedRow{Line: rej.Line, Column: rej.Column, Reason: rej.Reason})
	} else {
		sum.RejectsOmitted++
	}
	if imp.rw != nil {
		return imp.rw.Write(rej.Line, rej.Column, rej.Reason, raw)
	}
	return nil
}

// repeatedAssessment refuses a SINA assessment of a person on a date that
// an earlier row of the file already assessed in the same Comune.
func (imp *recordImport) repeatedAssessment(line int, vals []any) *records.Reject {
	k := imp.kind
	key := vals[imp.comune()].(string) + "\x1f" + vals[k.Index("codice_fiscale")].(string) + "\x1f" + vals[k.Index("data_valutazione")].(string)
	if first, dup := imp.assessed[key]; dup {
		return &records.Reject{Line: line, Column: "data_valutazione",
			Reason: records.T("the person already has an assessment on this date at line %s: one assessment per person and date", strconv.Itoa(first))}
	}
	if imp.assessed == nil {
		imp.assessed = map[string]int{}
	}
	imp.assessed[key] = line
	return nil
}

// merge gives the row the stored values of the columns its file lacks,
// and the fingerprint of the merged row.
func (imp *recordImport) merge(p *pendingRow, kept []any) {
	for i, name := range imp.keep {
		if i < len(kept) {
			p.vals[imp.kind.Index(name)] = kept[i]
		}
	}
	// The fingerprint is of the row as its file wrote it: an intervento's
	// Comune, taken from its cartella, enters it as the file had it.
	vals := p.vals
	if c := imp.comune(); p.comune != vals[c] {
		vals = append([]any(nil), p.vals...)
		vals[c] = p.comune
	}
	p.hash = imp.kind.Hash(vals)
}
