// Command modref does the province reference's work, the sqlite3 shell's
// `.import --skip 1 FILE anagrafe` (.mode csv, .separator ;) into a table
// keyed on codice_fiscale, through modernc.org/sqlite, the pure-Go SQLite
// that csi uses, instead of the shell's C SQLite: one transaction, one
// prepared INSERT of the record's fields per row, a row whose key is
// already there reported and skipped, as the shell does. The shell's
// defaults are kept (rollback journal, synchronous FULL, a 2 MB page
// cache).
//
// province.sh runs it beside the shell, on the same files, so that the
// table shows what the same SQL work costs on csi's driver: the part of
// csi's ratio to the shell that no change to csi's own code can remove.
//
//	go run ./testdata/bench/modref -create DB            # the table of the reference
//	go run ./testdata/bench/modref DB FILE.csv           # one .import
//	go run ./testdata/bench/modref -sql 'SQL' DB         # SQL, timed (what the shell's .timer shows)
package main

import (
	"context"
	"database/sql"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite"
)

// columns are those of province.sh's reference table, in file order.
var columns = []string{"codice_fiscale", "cognome", "nome", "sesso", "data_nascita", "luogo_nascita",
	"cittadinanza", "comune_residenza", "indirizzo", "civico", "cap", "codice_famiglia",
	"relazione_parentela", "stato_civile", "data_iscrizione", "motivo_iscrizione"}

func main() {
	create := flag.Bool("create", false, "create the reference table in DB")
	query := flag.String("sql", "", "run these SQL statements on DB and print their CPU and wall time")
	flag.Parse()
	var err error
	switch {
	case *query != "" && flag.NArg() == 1:
		err = run(flag.Arg(0), *query)
	case *create && flag.NArg() == 1:
		err = createTable(flag.Arg(0))
	case !*create && flag.NArg() == 2:
		err = load(flag.Arg(0), flag.Arg(1))
	default:
		fmt.Fprintln(os.Stderr, "usage: modref -create DB | modref DB FILE.csv | modref -sql SQL DB")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "modref:", err)
		os.Exit(1)
	}
}

// run executes query on the store at path and prints its wall-clock and
// CPU time (user and system) in seconds: the same SQL run by the shell
// with .timer on gives the C SQLite's figures for the same work.
func run(path, query string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)
	ctx := context.Background()
	if err := db.PingContext(ctx); err != nil {
		return err
	}
	var u0, u1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &u0)
	t0 := time.Now()
	if _, err := db.ExecContext(ctx, query); err != nil {
		return err
	}
	wall := time.Since(t0)
	syscall.Getrusage(syscall.RUSAGE_SELF, &u1)
	cpu := func(u syscall.Rusage) time.Duration {
		return time.Duration(u.Utime.Nano() + u.Stime.Nano())
	}
	fmt.Printf("real %.3f cpu %.3f\n", wall.Seconds(), (cpu(u1) - cpu(u0)).Seconds())
	return nil
}

func createTable(path string) error {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec("CREATE TABLE anagrafe(" + strings.Join(columns, " TEXT, ") + " TEXT, PRIMARY KEY (codice_fiscale))")
	return err
}

// load inserts the rows of file (its header skipped) into the table.
func load(path, file string) error {
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return err
	}
	defer db.Close()
	ctx := context.Background()
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(columns)), ", ")
	ins, err := tx.PrepareContext(ctx, "INSERT INTO anagrafe VALUES ("+marks+")")
	if err != nil {
		return err
	}
	defer ins.Close()
	r := csv.NewReader(f)
	r.Comma, r.ReuseRecord, r.FieldsPerRecord = ';', true, len(columns)
	args := make([]any, len(columns))
	for line := 1; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return err
		}
		if line == 1 {
			continue
		}
		for i, v := range rec {
			args[i] = v
		}
		if _, err := ins.ExecContext(ctx, args...); err != nil {
			// As the shell: the row is reported and the import goes on.
			fmt.Fprintf(os.Stderr, "%s:%d: INSERT failed: %v\n", file, line, err)
		}
	}
	return tx.Commit()
}
