package postgres

import (
	"context"
	"errors"
	"net"
	"net/url"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/jackc/pgx/v5/pgconn"
)

// MaskURL returns a PostgreSQL URL with its password replaced by "xxxxx",
// in the userinfo and in a password query parameter: the form of a URL
// that errors, status lines, help and the audit log may show. A value that
// is not a URL is returned unchanged.
func MaskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return maskUnparsed(raw)
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	q := u.Query()
	if q.Has("password") {
		q.Set("password", "xxxxx")
		u.RawQuery = q.Encode()
	}
	return u.String()
}

// maskUnparsed masks what looks like the password of a URL that does not
// parse: everything between the scheme's "user:" and the last "@".
func maskUnparsed(raw string) string {
	scheme, rest, ok := strings.Cut(raw, "://")
	at := strings.LastIndex(rest, "@")
	if !ok || at < 0 {
		return raw
	}
	user, _, hasPw := strings.Cut(rest[:at], ":")
	if !hasPw {
		return raw
	}
	return scheme + "://" + user + ":xxxxx" + rest[at:]
}

// password returns the password a URL carries, "" when none.
func password(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	if p, ok := u.User.Password(); ok {
		return p
	}
	return u.Query().Get("password")
}

// scrub returns err's text with the URL's password (if any) masked, for
// driver messages that may quote what they were given.
func scrub(err error, raw string) string {
	s := err.Error()
	if p := password(raw); p != "" {
		s = strings.ReplaceAll(s, p, "xxxxx")
		s = strings.ReplaceAll(s, url.QueryEscape(p), "xxxxx")
		s = strings.ReplaceAll(s, url.PathEscape(p), "xxxxx")
	}
	return s
}

// connectErr is the error of a database that cannot be reached or entered.
func connectErr(raw string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "3D000":
			return csi.Errorf(csi.ENOTFOUND, "no database at %s", MaskURL(raw)).
				WithHint("create it first (createdb NAME, or CREATE DATABASE), then run 'csi init --db URL'; csi does not create databases")
		case "28P01", "28000":
			return csi.Errorf(csi.EUNAVAILABLE, "the PostgreSQL server refused the login of %s", MaskURL(raw)).
				WithHint("check the user and password in the URL (or PGPASSWORD, ~/.pgpass) and the server's pg_hba.conf")
		}
	}
	return csi.Errorf(csi.EUNAVAILABLE, "cannot connect to the PostgreSQL store at %s: %s", MaskURL(raw), reason(err, raw)).
		WithHint("check that the server is running and reachable, the URL in --db or CSI_DB, and its sslmode")
}

// reason is the short cause of a connection failure, password masked.
func reason(err error, raw string) string {
	var ne *net.OpError
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return "timed out"
	case errors.As(err, &ne):
		return ne.Err.Error()
	}
	return scrub(err, raw)
}

// mapErr turns server error classes into domain errors; other errors pass
// through.
func (db *DB) mapErr(err error) error {
	if err == nil {
		return nil
	}
	var de *csi.Error
	if errors.As(err, &de) {
		return err
	}
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		if pgconn.SafeToRetry(err) || isConnErr(err) {
			return connectErr(db.url, err)
		}
		return err
	}
	switch {
	case pe.Code == "40001" || pe.Code == "40P01" || pe.Code == "55P03":
		return csi.Errorf(csi.EUNAVAILABLE, "the store is busy").WithHint("another csi command is writing; try again")
	case pe.Code == "25006" || pe.Code == "42501":
		return csi.Errorf(csi.EUNAVAILABLE, "the store cannot be written: %s", pe.Message).
			WithHint("connect as a role that owns the csi tables, to the primary server (not a read-only replica)")
	case pe.Code == "53100":
		return csi.Errorf(csi.EUNAVAILABLE, "the database server's disk is full").WithHint("free some space on the server and run the command again")
	case strings.HasPrefix(pe.Code, "08") || strings.HasPrefix(pe.Code, "57"):
		return connectErr(db.url, err)
	}
	return err
}

// isConnErr reports whether err is a failure to reach the server.
func isConnErr(err error) bool {
	var ce *pgconn.ConnectError
	var ne net.Error
	return errors.As(err, &ce) || errors.As(err, &ne)
}
