package sqlite

import (
	"context"
	"errors"
	"os"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/safefile"
)

// createBackup starts a backup at path: a private temporary file beside it,
// put in place only when complete. Backups never overwrite: an existing
// path is refused, as is a link.
func createBackup(path string) (*safefile.File, error) {
	if err := safefile.CheckTarget(path); err != nil {
		return nil, err
	}
	if _, err := os.Lstat(path); err == nil {
		return nil, csi.Errorf(csi.ECONFLICT, "%s already exists", path).WithHint("choose a new file name; backups never overwrite")
	}
	return safefile.Create(path)
}

// backupFailed removes the journal SQLite may leave beside a partial copy
// (the copy itself goes with f.Abort) and explains why it failed.
func backupFailed(ctx context.Context, f *safefile.File, err error) error {
	os.Remove(f.TempName() + "-journal")
	path := f.Name()
	if ctx.Err() != nil {
		return ctx.Err()
	}
	err = mapErr(err)
	var de *csi.Error
	if errors.As(err, &de) {
		return err
	}
	return csi.Errorf(csi.EUNAVAILABLE, "the backup %s could not be written: %v", path, err).
		WithHint("check the free space and the permissions of its folder; nothing was left behind")
}
