package store

import (
	"context"
	"errors"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/csi"
)

// Registry stores registry (anagrafe) imports and reads residents.
type Registry interface {
	// RegistryImportOf returns the latest registry import of the file
	// with this SHA-256 into comune, or nil when there is none.
	RegistryImportOf(ctx context.Context, comune, sha string) (*csi.ImportRecord, error)
	// LatestRegistryImport returns the registry import of comune with the
	// latest as-of date (the newest of those), or nil when there is none.
	LatestRegistryImport(ctx context.Context, comune string) (*csi.ImportRecord, error)
	// BeginRegistryImport opens the transaction of one file's import; two
	// imports of one Comune never interleave. It returns ErrSameFile when
	// the Comune already has an import of the same file.
	BeginRegistryImport(ctx context.Context, start RegistryStart) (RegistryWriter, error)
	// UndoRegistryImport reverts import id in one transaction: check is
	// called inside it with what the store knows of the import, and its
	// error aborts; audit gives the audit entry's text of the revert.
	UndoRegistryImport(ctx context.Context, id int64, dryRun bool, check func(RevertTarget) error,
		audit func(*csi.RevertSummary) string) (*csi.RevertSummary, error)
	// RegistryStatus returns the registry state of every Comune that is a
	// member on day or has registry imports, by folded name. The days
	// since the last update are left to the caller.
	RegistryStatus(ctx context.Context, day string) ([]csi.AnagrafeStatus, error)
	// PersonVersions returns every version of a person, in every Comune,
	// by valid_from then insertion.
	PersonVersions(ctx context.Context, cf string) ([]csi.PersonVersion, error)
	// EachResident passes the versions valid on day in the Comune to emit,
	// by cognome, nome and codice fiscale (byte order), as they are read.
	EachResident(ctx context.Context, istat, day string, emit func(csi.PersonVersion) error) error
	// ResidentCount counts the versions valid on day in the Comune.
	ResidentCount(ctx context.Context, istat, day string) (int, error)
	// ImportLog returns the import log of every kind, newest first, of
	// one Comune or (istat "") of all.
	ImportLog(ctx context.Context, istat string) ([]csi.ImportRecord, error)
	// ScratchDir is a private folder for an import's temporary files
	// (never a shared temporary folder).
	ScratchDir() string
}

// ErrSameFile says the Comune already has an import of the same file.
var ErrSameFile = errors.New("store: the same file was already imported")

// RegistryStart describes the import a RegistryWriter writes.
type RegistryStart struct {
	Comune                string // ISTAT code
	File, SHA256, Dialect string
	Mode, AsOf            string
	Actor                 string
	// Size is the file's size in bytes.
	Size int64
	// KeepRaw asks for the raw text of the rows found to repeat a
	// codice fiscale (the rejects file wants them).
	KeepRaw bool
	// DryRun says that the import will be rolled back whatever happens: a
	// store may then skip what only a commit needs (PostgreSQL's first load
	// writes persone directly, and draws the import's id when it does).
	DryRun bool
}

// RegistryRow is one row of a registry file on its way to the store: a
// parsed record, or a rejected row with the codice fiscale it could read
// (which keeps that resident from being closed by a snapshot).
type RegistryRow struct {
	Line int
	Rec  *anagrafe.Record // nil for a rejected row
	Rej  *anagrafe.Reject // why the row was rejected (Rej.CF: its codice fiscale, if readable)
	// Repeats, set by Write, is the line of the earlier row with the same
	// codice fiscale: the row was refused and not stored.
	Repeats int
	// Raw is the row as read, when Stage kept it.
	Raw string
	// Act and Arg are the adapter's own notes on the row, set by Stage.
	Act int8
	Arg int32
}

// RegistryWriter writes one registry import inside its transaction. The
// app's parsing goroutine calls Stage for each row in file order; its
// writing goroutine calls Write with the staged rows in batches, in file
// order, then Resolve, CloseAbsent (snapshots) and Commit or Rollback.
type RegistryWriter interface {
	// Stage looks at one parsed row before it is written, on the parsing
	// goroutine: the adapter may decide what to do with it and keep raw
	// (valid only during the call) in row.Raw. It never touches the database.
	Stage(row *RegistryRow, raw []byte)
	// Write stores a batch of staged rows.
	Write(ctx context.Context, rows []RegistryRow) error
	// Resolve finishes writing the rows and says what they did.
	Resolve(ctx context.Context) (*RegistryOutcome, error)
	// CloseAbsent ends the versions of the current residents no row
	// mentioned (a snapshot's exits) and returns how many.
	CloseAbsent(ctx context.Context) (int, error)
	// Commit records the import with sum's counts and an audit entry
	// whose text audit gives from the import's id, commits, and returns
	// the id.
	Commit(ctx context.Context, sum *csi.ImportSummary, audit func(id int64) string) (int64, error)
	// Held says how many bytes the writer holds in memory for the whole
	// import (a Comune's current residents), for the memory limit.
	Held() int64
	// Rollback abandons the import; it is safe after Commit. Give it a
	// context that is not cancelled with the import's.
	Rollback(ctx context.Context)
}

// RegistryOutcome is what the rows of an import did.
type RegistryOutcome struct {
	Inserted, Updated, Unchanged int
	// Closed counts the current versions ended by a cancellation.
	Closed int
	// Repeats are the rows found, once all were written, to repeat an
	// earlier row's codice fiscale; they were not stored.
	Repeats []RegistryRepeat
	// Current is how many residents the Comune had before the import,
	// and Absent how many of them no row mentioned.
	Current, Absent int
}

// RegistryRepeat is a row refused because an earlier row (line First)
// has its codice fiscale.
type RegistryRepeat struct {
	Line, First int
	Raw         string
}

// RevertTarget is what the store knows of an import to revert.
type RevertTarget struct {
	// Found is false when there is no registry import of that id.
	Found    bool
	Reverted bool // it was reverted already
	Summary  csi.RevertSummary
	// Latest is the id of its Comune's latest registry import.
	Latest int64
	// Expected is how many versions it closed by its counts, and ClosedBy
	// how many versions the store records as closed by it.
	Expected, ClosedBy int
}
