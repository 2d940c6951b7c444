package postgres

import (
	"bytes"
	"context"
	"net/url"
	"os"
	"os/exec"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/safefile"
)

// Backup writes a consistent copy of the database to path (mode 0600) with
// pg_dump in its custom format (restore it with pg_restore). pg_dump gets
// the URL without its password, which it reads from PGPASSWORD: a
// password never appears in a process list. The copy is written under a
// temporary name and renamed when complete.
func (db *DB) Backup(ctx context.Context, path string) error {
	bin, err := exec.LookPath("pg_dump")
	if err != nil {
		return csi.Errorf(csi.EUNAVAILABLE, "pg_dump is not on PATH: csi backs up a PostgreSQL store with it").
			WithHint("install the PostgreSQL client tools (Debian: apt-get install postgresql-client) and run again, or back up with the server's own tools: pg_dump -Fc -f FILE DATABASE")
	}
	f, err := createBackup(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	target, pw := splitPassword(db.url)
	cmd := exec.CommandContext(ctx, bin, "--format=custom", "--no-password", "--dbname="+target)
	cmd.Env = append(os.Environ(), "PGPASSWORD="+pw)
	if pw == "" {
		cmd.Env = os.Environ()
	}
	var stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &stderr
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return csi.Errorf(csi.EUNAVAILABLE, "pg_dump could not back up %s: %s", db.Describe(), firstLine(stderr.String(), pw)).
			WithHint("check that pg_dump's major version is not older than the server's, and the connection; nothing was left behind")
	}
	return f.CommitNew()
}

// createBackup refuses an existing target, then starts the 0600 file.
func createBackup(path string) (*safefile.File, error) {
	if err := safefile.CheckTarget(path); err != nil {
		return nil, err
	}
	if _, err := os.Lstat(path); err == nil {
		return nil, csi.Errorf(csi.ECONFLICT, "%s already exists", path).WithHint("choose a new file name; backups never overwrite")
	}
	return safefile.Create(path)
}

// splitPassword returns the URL without its password (in the userinfo or
// a password parameter), and the password.
func splitPassword(raw string) (string, string) {
	u, err := url.Parse(raw)
	if err != nil {
		return raw, ""
	}
	pw := password(raw)
	if u.User != nil {
		u.User = url.User(u.User.Username())
	}
	q := u.Query()
	if q.Has("password") {
		q.Del("password")
		u.RawQuery = q.Encode()
	}
	return u.String(), pw
}

// firstLine is the first line of a tool's error output, password masked.
func firstLine(s, pw string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	if pw != "" {
		s = strings.ReplaceAll(s, pw, "xxxxx")
	}
	if s == "" {
		return "it failed without a message"
	}
	return s
}
