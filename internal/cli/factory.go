package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"time"

	"github.com/csi-mb/csi/internal/app"
	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/httpapi"
	"github.com/csi-mb/csi/internal/i18n"
	"github.com/csi-mb/csi/internal/sqlite"
)

// Factory hands commands their dependencies, lazily, so that tests can swap them.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string
	// Now is the clock; CSI_NOW fixes it for reproducible runs.
	Now func() time.Time

	// Global flags, filled by the root command.
	DBPath   string
	Actor    string
	Output   string
	NoColor  bool
	Progress string
	Quiet    bool
	// Remote is the --remote server URL (or CSI_REMOTE), and Token the
	// --token (or CSI_TOKEN) sent to it; see resolveRemote.
	Remote string
	Token  string
	// Lang is the language of everything a person reads: --lang, else
	// CSI_LANG or the locale (see i18n.FromEnv); setLang sets it with tr,
	// its Printer, before the command tree is built.
	Lang i18n.Lang
	tr   *i18n.Printer

	db     *sqlite.DB
	client *httpapi.Client
}

// NewFactory returns a Factory over the given streams and environment.
func NewFactory(io *IOStreams, getenv func(string) string) *Factory {
	f := &Factory{IO: io, Getenv: getenv, Now: time.Now}
	f.setLang(i18n.FromEnv(getenv))
	if s := getenv("CSI_NOW"); s != "" {
		if t, err := parseNow(s); err == nil {
			f.Now = func() time.Time { return t }
		}
	}
	return f
}

func parseNow(s string) (time.Time, error) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	return time.ParseInLocation(csi.DateLayout, s, time.Local)
}

// setLang makes l the language of messages and help.
func (f *Factory) setLang(l i18n.Lang) {
	f.Lang, f.tr = l, i18n.NewPrinter(l)
}

// T returns the message whose English text is key in the chosen language,
// formatted with args (see i18n.Printer.T); call it with a literal key.
func (f *Factory) T(key string, args ...any) string { return f.tr.T(key, args...) }

// DefaultDBPath is the store used without --db or CSI_DB.
func DefaultDBPath(getenv func(string) string) string {
	if d := getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "csi", "csi.db")
	}
	if runtime.GOOS == "windows" && getenv("LOCALAPPDATA") != "" {
		return filepath.Join(getenv("LOCALAPPDATA"), "csi", "csi.db")
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return "csi.db"
	}
	return filepath.Join(home, ".local", "share", "csi", "csi.db")
}

// ActorName returns --actor, CSI_ACTOR or the OS user.
func (f *Factory) ActorName() string {
	if f.Actor != "" {
		return f.Actor
	}
	if a := f.Getenv("CSI_ACTOR"); a != "" {
		return a
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

// Store opens the existing store; a missing one is an error (only init and
// demo create a store, see createStore), and so is one that needs a schema
// upgrade or has a schema newer than this binary.
func (f *Factory) Store(ctx context.Context) (*sqlite.DB, error) {
	if f.db != nil {
		return f.db, nil
	}
	if err := f.localOnly(); err != nil {
		return nil, err
	}
	db, err := sqlite.Open(ctx, f.DBPath, false)
	if err != nil {
		return nil, err
	}
	db.Now = f.Now
	if n, err := db.Pending(ctx); err != nil {
		db.Close()
		return nil, err
	} else if n > 0 {
		db.Close()
		return nil, csi.Errorf(csi.ECONFLICT, "the store at %s needs %d schema upgrade(s)", f.DBPath, n).
			WithHint("back it up with 'csi db backup FILE', then run 'csi db migrate'")
	}
	f.db = db
	return db, nil
}

// createStore opens the store, creating it (and its folder) when missing,
// and applies the pending migrations: what init and demo do.
func (f *Factory) createStore(ctx context.Context) (*sqlite.DB, []sqlite.Migration, error) {
	_, statErr := os.Stat(f.DBPath)
	missing := errors.Is(statErr, os.ErrNotExist)
	db, err := f.openRaw(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	done, err := db.Migrate(ctx)
	if err != nil && missing {
		f.Close()
		os.Remove(f.DBPath)
	}
	return db, done, err
}

// openRaw opens the store without the schema check, for init and db commands.
func (f *Factory) openRaw(ctx context.Context, create bool) (*sqlite.DB, error) {
	if err := f.localOnly(); err != nil {
		return nil, err
	}
	db, err := sqlite.Open(ctx, f.DBPath, create)
	if err != nil {
		return nil, err
	}
	db.Now = f.Now
	f.db = db
	return db, nil
}

// Close releases the store if it was opened.
func (f *Factory) Close() {
	if f.db != nil {
		f.db.Close()
		f.db = nil
	}
}

// info prints a diagnostic line on stderr unless --quiet.
func (f *Factory) info(format string, args ...any) {
	if f.Quiet {
		return
	}
	fmt.Fprintf(f.IO.ErrOut, "csi: "+format+"\n", args...)
}

// Services returns the services commands call: the local store, or in
// --remote mode the client of the server, which implements the same
// interfaces. Commands that only need the services (not the store's file)
// use this, so that they run the same way in both modes.
func (f *Factory) Services(ctx context.Context) (csi.Services, error) {
	if f.Remote != "" {
		return f.RemoteClient()
	}
	db, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	return newLocal(db, f.Now), nil
}

// localServices are the services over the local store while their logic
// moves from package sqlite up to package app: a method app implements
// comes from it, the others still from the store. (No port method shares
// a csi.Services method's name, so each method has one source.)
type localServices struct {
	*app.Services
	*sqlite.DB
}

var _ csi.Services = localServices{}

// newLocal returns the services over db on the clock now.
func newLocal(db *sqlite.DB, now func() time.Time) localServices {
	a := app.New(db)
	a.Now = now
	return localServices{a, db}
}
