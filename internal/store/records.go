package store

import (
	"context"

	"github.com/csi-mb/csi/internal/records"
)

// Records stores records files (accessi, cartelle, interventi). An import
// is one UpsertRecordFile call, one transaction; the rows travel in
// batches so that an engine can look up and write a batch in one round
// trip.
type Records interface {
	// PriorRecordImport returns the latest import of a records file of
	// that kind with that SHA-256, if there is one.
	PriorRecordImport(ctx context.Context, kind, sha256 string) (PriorImport, bool, error)
	// UpsertRecordFile runs one records import in one transaction: it
	// records entry in the import log, hands fn a session to look rows up
	// and write them, then stores fn's totals and appends its audit entry
	// and commits. A nil *ImportDone (a dry run, a file whose every row
	// was rejected) or an error rolls everything back.
	UpsertRecordFile(ctx context.Context, kind *records.Kind, entry ImportEntry,
		fn func(RecordSession) (*ImportDone, error)) error
}

// PriorImport is an earlier import of the same file.
type PriorImport struct {
	ID             int64
	Rows, Rejected int
}

// ImportEntry is what the import log says of a file before its rows.
type ImportEntry struct {
	File, SHA256 string
	Dialect      string // dialect.Detected.String()
	Actor        string
	At           string // RFC 3339, UTC
	// DryRun writes no entry (the import is rolled back, and an engine
	// whose ids are not transactional must not spend one): the rows are
	// written with import id 0.
	DryRun bool
	// Keep names the columns the file does not have (records.Kind.Kept):
	// StoredRecords returns their stored values, so that an update keeps
	// them.
	Keep []string
}

// ImportDone closes an import: its totals and its audit entry.
type ImportDone struct {
	Rows, Inserted, Updated, Unchanged, Rejected int
	DurationMS                                   int64
	AuditTarget, AuditSummary                    string
}

// RecordKey identifies a stored record: ids are numbered per Comune.
type RecordKey struct{ Comune, ID string }

// StoredRecord is what an import compares a row with.
type StoredRecord struct {
	Hash   uint64
	Person string // the value of the kind's Person column
	// Known says, for an intervento, whether its stored cartella exists
	// in its Comune; true for the other kinds.
	Known bool
	// Kept holds the stored values of the import's ImportEntry.Keep
	// columns, in that order (text as string, amounts as int64 or nil).
	Kept []any
}

// RecordRow is one row to store: its values in the kind's column order
// (amounts int64 or nil) and their hash.
type RecordRow struct {
	Values []any
	Hash   uint64
	// Adopt (interventi) first drops the copy of this intervento stored
	// without a Comune before its cartella came.
	Adopt bool
}

// RecordSession looks up and writes the rows of one records import,
// inside its transaction.
type RecordSession interface {
	// ImportID is the id of the import's entry in the import log.
	ImportID() int64
	// CartellaComuni returns, for each of ids, the Comuni (at most two)
	// that have a cartella with that id; ids no Comune has are absent.
	CartellaComuni(ctx context.Context, ids []string) (map[string][]string, error)
	// StoredRecords returns the stored records with those keys; keys
	// not stored are absent.
	StoredRecords(ctx context.Context, keys []RecordKey) (map[RecordKey]StoredRecord, error)
	// WriteRecords upserts rows in their order and says, for each row
	// whose Adopt was set, whether a copy without a Comune was dropped.
	WriteRecords(ctx context.Context, rows []RecordRow) ([]bool, error)
}
