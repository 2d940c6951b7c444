package sqlite

import (
	"errors"
	"os"

	"github.com/csi-mb/csi/internal/csi"
)

// openExclusive creates a new file readable by its owner only, refusing to
// overwrite an existing one.
func openExclusive(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o600)
	if errors.Is(err, os.ErrExist) {
		return nil, csi.Errorf(csi.ECONFLICT, "%s already exists", path).WithHint("choose a new file name; backups never overwrite")
	}
	if err != nil {
		return nil, unwritable(path, err)
	}
	return f, nil
}
