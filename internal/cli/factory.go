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
	"github.com/csi-mb/csi/internal/postgres"
	"github.com/csi-mb/csi/internal/sqlite"
	"github.com/csi-mb/csi/internal/store"
)

// Factory hands commands their dependencies, lazily, so that tests can swap them.
type Factory struct {
	IO     *IOStreams
	Getenv func(string) string
	// Now is the clock; CSI_NOW fixes it for reproducible runs.
	Now func() time.Time

	// Global flags, filled by the root command.
	DBPath string
	// Scratch is set when DBPath is a SQLite file that the command deletes
	// when it ends (csi demo's temporary store): see sqlite.OpenScratch.
	Scratch bool
	// Serving is set by csi serve, whose store serves concurrent
	// requests; any other command is the store's sole user in its
	// process (see sqlite.DB.SoleUser).
	Serving  bool
	Actor    string
	Output   string
	NoColor  bool
	Progress string
	Quiet    bool
	// OutFile is --out: the file -o xlsx writes (else stdout, when it is
	// not a terminal).
	OutFile string
	// CSVSep and CSVBOM are --csv-sep and --csv-bom; checkOutput resolves
	// them with CSI_CSV_SEP and CSI_CSV_BOM into csv.
	CSVSep string
	CSVBOM bool
	csv    csvOptions
	// command is the running command's path without "csi", which names
	// an xlsx sheet that has no title of its own.
	command string
	// Remote is the --remote server URL (or CSI_REMOTE), and Token the
	// --token (or CSI_TOKEN) sent to it; see resolveRemote.
	Remote string
	Token  string
	// Lang is the language of everything a person reads: --lang, else
	// CSI_LANG or the locale (see i18n.FromEnv); setLang sets it with tr,
	// its Printer, before the command tree is built.
	Lang i18n.Lang
	tr   *i18n.Printer

	st     store.Store
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

// Store opens the existing store, on the engine --db names (see
// openEngine); a missing one is an error (only init and demo create a
// store, see createStore), and so is one that needs a schema upgrade or has
// a schema newer than this binary.
func (f *Factory) Store(ctx context.Context) (store.Store, error) {
	if f.st != nil {
		return f.st, nil
	}
	st, err := f.openRaw(ctx, false)
	if err != nil {
		return nil, err
	}
	if n, err := st.Pending(ctx); err != nil {
		f.Close()
		return nil, err
	} else if n > 0 {
		f.Close()
		return nil, csi.Errorf(csi.ECONFLICT, "the store at %s needs %d schema upgrade(s)", st.Describe(), n).
			WithHint("back it up with 'csi db backup FILE', then run 'csi db migrate'")
	}
	return st, nil
}

// createStore opens the store, creating it (and its folder) when it is a
// missing SQLite file, and applies the pending migrations: what init and
// demo do. A PostgreSQL database must exist (csi never creates one).
func (f *Factory) createStore(ctx context.Context) (store.Store, []store.Migration, error) {
	_, statErr := os.Stat(f.DBPath)
	missing := !postgres.IsURL(f.DBPath) && errors.Is(statErr, os.ErrNotExist)
	st, err := f.openRaw(ctx, true)
	if err != nil {
		return nil, nil, err
	}
	done, err := st.Migrate(ctx)
	if err != nil && missing {
		f.Close()
		os.Remove(f.DBPath)
	}
	return st, done, err
}

// freshStore refuses, for csi demo, a PostgreSQL database that is already
// a csi store (a file store is checked by the demo itself, before).
func (f *Factory) freshStore(ctx context.Context) error {
	if !postgres.IsURL(f.DBPath) {
		return nil
	}
	st, err := f.openRaw(ctx, true)
	if err != nil {
		return err
	}
	ms, err := st.MigrationStatus(ctx)
	if err != nil {
		return err
	}
	if len(ms) > 0 && ms[0].AppliedAt != "" {
		return csi.Errorf(csi.ECONFLICT, "%s is already a csi store: the demo needs a fresh store", st.Describe()).
			WithHint("give --db the URL of a new, empty database (createdb NAME), or omit --db for a temporary SQLite store")
	}
	return nil
}

// openRaw opens the store without the schema check, for init and db
// commands; a store already open is reused.
func (f *Factory) openRaw(ctx context.Context, create bool) (store.Store, error) {
	if err := f.localOnly(); err != nil {
		return nil, err
	}
	if f.st != nil {
		return f.st, nil
	}
	st, err := openEngine(ctx, f.DBPath, create, f.Scratch, f.Now)
	if err != nil {
		return nil, err
	}
	if db, ok := st.(*sqlite.DB); ok {
		db.SoleUser = !f.Serving
	}
	f.st = st
	return st, nil
}

// openEngine is the one place that picks the engine: a postgres:// or
// postgresql:// URL is a PostgreSQL database, anything else a SQLite file.
func openEngine(ctx context.Context, dsn string, create, scratch bool, now func() time.Time) (store.Store, error) {
	if postgres.IsURL(dsn) {
		db, err := postgres.Open(ctx, dsn, create)
		if err != nil {
			return nil, err
		}
		db.Now = now
		return db, nil
	}
	var db *sqlite.DB
	var err error
	if scratch && create {
		db, err = sqlite.OpenScratch(ctx, dsn)
	} else {
		db, err = sqlite.Open(ctx, dsn, create)
	}
	if err != nil {
		return nil, err
	}
	db.Now = now
	return db, nil
}

// Close releases the store if it was opened.
func (f *Factory) Close() {
	if f.st != nil {
		f.st.Close()
		f.st = nil
	}
}

// info prints a diagnostic line on stderr unless --quiet, in f's
// language: format is a catalog key (a literal, as for T).
func (f *Factory) info(format string, args ...any) {
	if f.Quiet {
		return
	}
	fmt.Fprintln(f.IO.ErrOut, "csi: "+f.T(format, args...))
}

// Services returns the services commands call: the local store, or in
// --remote mode the client of the server, which implements the same
// interfaces. Commands that only need the services (not the store's file)
// use this, so that they run the same way in both modes.
func (f *Factory) Services(ctx context.Context) (csi.Services, error) {
	if f.Remote != "" {
		return f.RemoteClient()
	}
	st, err := f.Store(ctx)
	if err != nil {
		return nil, err
	}
	return servicesOver(st, f.Now), nil
}

// servicesOver returns the services over st on the clock now: package
// app over either engine.
func servicesOver(st store.Store, now func() time.Time) *app.Services {
	a := app.New(st)
	a.Now = now
	return a
}

var _ csi.Services = (*app.Services)(nil)
