package sqlite

import (
	"encoding/json"
	"os"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/safefile"
)

// The store's quick_check reads the whole file: about 0.5 s of CPU on the
// province's store, paid by every command that writes. It need not be paid
// again for a file that nothing but csi wrote since it last passed the
// check. So after a passing check, and when a csi process that trusted the
// store closes it (after SQLite's last checkpoint), the identity of the
// store file and of its -wal (device, inode, size, mtime and ctime to the
// nanosecond) goes to a sidecar file beside the store (PATH.verified,
// 0600, replaced atomically). The next write compares: the same identity
// means that the files were last changed by csi through SQLite after a
// passing check, and the check is skipped; any difference (another
// program wrote to the file, even restoring its mtime, since it cannot
// restore its ctime; a backup restored or a file copied or renamed into
// place; a -wal that appeared or changed) runs the check. So does a
// sidecar older than MaxCheckAge since the last full check, which catches
// damage that bypasses the file system (the disk itself).
//
// A write by another program while a csi process has the store open is
// not told apart from csi's own: its window is the life of that process.

// DefaultMaxCheckAge is how long a passing check vouches for a store that
// only csi wrote to since (CSI_CHECK_MAX_AGE overrides it).
const DefaultMaxCheckAge = 24 * time.Hour

// fileID is what identifies one state of a file: nothing rewrites a file
// (nor replaces it) without changing one of these.
type fileID struct {
	Exists bool   `json:"exists"`
	Dev    uint64 `json:"dev,omitempty"`
	Ino    uint64 `json:"ino,omitempty"`
	Size   int64  `json:"size,omitempty"`
	Mtime  int64  `json:"mtime_ns,omitempty"`
	Ctime  int64  `json:"ctime_ns,omitempty"`
}

// storeID is the identity of the store's files.
type storeID struct {
	DB  fileID `json:"db"`
	WAL fileID `json:"wal"`
}

// verified is the sidecar's content.
type verified struct {
	Version int     `json:"version"`
	ID      storeID `json:"id"`
	// CheckedAt is when the last full quick_check (or integrity_check) of
	// this chain of csi writes passed, in Unix nanoseconds.
	CheckedAt int64 `json:"checked_at_ns"`
}

const verifiedVersion = 1

func (db *DB) verifiedPath() string { return db.path + ".verified" }

// currentID stats the store's files; ok is false where the system gives
// no usable identity (then the check always runs).
func (db *DB) currentID() (storeID, bool) {
	d, ok := statID(db.path)
	if !ok || !d.Exists {
		return storeID{}, false
	}
	w, ok := statID(db.path + "-wal")
	if !ok {
		return storeID{}, false
	}
	if w.Size == 0 {
		// An empty -wal holds no frames: the store is the file alone.
		// SQLite deletes the -wal when its last connection closes and
		// creates it empty at the next open.
		w = fileID{}
	}
	return storeID{DB: d, WAL: w}, true
}

// readVerified returns the sidecar, ok false when there is none usable.
func (db *DB) readVerified() (verified, bool) {
	data, err := os.ReadFile(db.verifiedPath())
	if err != nil {
		return verified{}, false
	}
	var v verified
	if json.Unmarshal(data, &v) != nil || v.Version != verifiedVersion {
		return verified{}, false
	}
	return v, true
}

// vouched reports whether the sidecar vouches for the store as it is now:
// same identity, and a last full check younger than MaxCheckAge. The time
// of that check is kept for the sidecar written at close.
func (db *DB) vouched() bool {
	if db.MaxCheckAge <= 0 {
		return false
	}
	v, ok := db.readVerified()
	if !ok {
		return false
	}
	id, ok := db.currentID()
	if !ok || id != v.ID {
		return false
	}
	at := time.Unix(0, v.CheckedAt)
	if age := time.Since(at); age < 0 || age > db.MaxCheckAge {
		return false
	}
	db.checkedAt.Store(v.CheckedAt)
	return true
}

// passed marks this handle as checked by a full check that passed now.
func (db *DB) passed() {
	db.checkedAt.Store(time.Now().UnixNano())
	db.checked.Store(true)
}

// recordVerified writes the sidecar with the files' identity now, after the
// last connection closed, when this process trusted the store (a passing
// check, or a sidecar that vouched for it). It then waits until the file
// system clock has moved past the recorded times, so that a change made by
// anyone after this process ends gets a different ctime even where
// timestamps are coarse (a few ms). Failing to record costs only a check.
func (db *DB) recordVerified() {
	if !db.checked.Load() || db.MaxCheckAge <= 0 {
		return
	}
	id, ok := db.currentID()
	if !ok {
		return
	}
	data, err := json.Marshal(verified{Version: verifiedVersion, ID: id, CheckedAt: db.checkedAt.Load()})
	if err != nil {
		return
	}
	f, err := safefile.Create(db.verifiedPath())
	if err != nil {
		return
	}
	if _, err := f.Write(append(data, '\n')); err != nil {
		f.Abort()
		return
	}
	if f.Commit() != nil {
		return
	}
	waitPast(max(id.DB.Ctime, id.DB.Mtime, id.WAL.Ctime, id.WAL.Mtime))
}

// forgetVerified removes the sidecar: the store failed a check.
func (db *DB) forgetVerified() { os.Remove(db.verifiedPath()) }

// maxCheckAge reads CSI_CHECK_MAX_AGE: a Go duration ("24h", "90m"), or 0
// to run the quick_check before every command's first write.
func maxCheckAge() (time.Duration, error) {
	s := strings.TrimSpace(os.Getenv("CSI_CHECK_MAX_AGE"))
	if s == "" {
		return DefaultMaxCheckAge, nil
	}
	if s == "0" {
		return 0, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, csi.Errorf(csi.EINVALID, "CSI_CHECK_MAX_AGE=%s is not a duration", s).
			WithHint("give a duration such as 24h or 90m, or 0 to check the store before every write")
	}
	return d, nil
}
