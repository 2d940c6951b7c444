package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"io"
	"io/fs"
	"net/url"
	"os"

	"github.com/csi-mb/csi/internal/csi"
)

// sqliteHeader starts every SQLite database file.
var sqliteHeader = []byte("SQLite format 3\x00")

// checkStoreFile refuses an existing file that is not a csi store: one
// that is empty or not SQLite, or (read through a read-only connection,
// so that nothing is written) a SQLite database without csi's migration
// table. With create (csi init), an empty SQLite database is accepted.
func checkStoreFile(ctx context.Context, path string, create bool) error {
	f, err := os.Open(path)
	if err != nil {
		return unopenable(path, err)
	}
	head := make([]byte, len(sqliteHeader))
	n, err := io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return NotAStore(path, create, n == 0)
	}
	tables, migrations, err := countTables(ctx, path)
	if err != nil {
		return nil // let the normal open report it, with its reason
	}
	if migrations == 0 && (!create || tables > 0) {
		return NotAStore(path, create, tables == 0)
	}
	return nil
}

// countTables returns how many tables the database at path has, and
// whether (1) or not (0) one of them is schema_migrations.
func countTables(ctx context.Context, path string) (tables, migrations int, err error) {
	ro, err := sql.Open("sqlite", "file:"+path+"?"+url.Values{"mode": {"ro"}}.Encode())
	if err != nil {
		return 0, 0, err
	}
	defer ro.Close()
	err = ro.QueryRowContext(ctx, `SELECT count(*), count(*) FILTER (WHERE name = 'schema_migrations')
		FROM sqlite_master WHERE type = 'table'`).Scan(&tables, &migrations)
	return tables, migrations, err
}

// NotAStore is the error of a --db that names an existing file which is
// not a csi store. create is set for csi init, which does not take over
// another program's file; empty for a file csi init can make a store of.
func NotAStore(path string, create, empty bool) error {
	e := csi.Errorf(csi.ENOTFOUND, "%s is not a csi store", path)
	switch {
	case create:
		return e.WithHint("csi init does not overwrite another file: choose a new path with 'csi init --db PATH', or check --db and CSI_DB")
	case empty:
		return e.WithHint("the file is empty: make it a store with 'csi init --db %s', or check --db and CSI_DB", path)
	}
	return e.WithHint("check --db and CSI_DB; 'csi init --db PATH' creates a store on a new path")
}

// unopenable is the error of a store file that exists but cannot be read.
func unopenable(path string, err error) error {
	reason := "it cannot be read"
	if errors.Is(err, fs.ErrPermission) {
		reason = "it is not readable by this user"
	}
	return csi.Errorf(csi.EUNAVAILABLE, "cannot open the store %s: %s", path, reason).
		WithHint("run csi as the user that owns the store, or fix the permissions of the file and its folder")
}

// ownerOnly makes the store file, and its -wal and -shm files when they
// exist, readable and writable by their owner only: a store holds special
// category data (GDPR art. 9) whoever created the file.
func ownerOnly(path string) error {
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		st, err := os.Stat(p)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return unopenable(p, err)
		}
		if st.Mode().Perm()&0o077 == 0 {
			continue
		}
		if err := os.Chmod(p, st.Mode().Perm()&0o700); err != nil {
			return csi.Errorf(csi.EUNAVAILABLE, "cannot make %s readable by its owner only", p).
				WithHint("run csi as the user that owns the store, or run 'chmod 600 %s' yourself", p)
		}
	}
	return nil
}
