package sqlite

import (
	"context"
	"database/sql"
)

// maxIdleConns is how many connections the pool keeps open between uses.
// database/sql keeps 2 by default: under concurrent requests (csi serve)
// every other query opened a new connection, which re-reads the schema.
const maxIdleConns = 16

// stmt returns the prepared statement of query, prepared once per store
// handle (database/sql prepares it again on each connection that runs it,
// once): the hot statements of csi serve are parsed once, not per call.
func (db *DB) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := db.stmts.Load(query); ok {
		return st.(*sql.Stmt), nil
	}
	st, err := db.db.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if prev, loaded := db.stmts.LoadOrStore(query, st); loaded {
		st.Close()
		return prev.(*sql.Stmt), nil
	}
	return st, nil
}

// txStmt is stmt inside the transaction tx.
func (db *DB) txStmt(ctx context.Context, tx *sql.Tx, query string) (*sql.Stmt, error) {
	st, err := db.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return tx.StmtContext(ctx, st), nil
}
