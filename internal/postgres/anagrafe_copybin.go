package postgres

import (
	"bytes"
	"context"
	"encoding/binary"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
)

// copyBin builds the rows of one COPY in PostgreSQL's binary format
// (https://www.postgresql.org/docs/current/sql-copy.html, "Binary Format")
// straight from a row's values: a first load writes each field once, into
// this buffer, instead of boxing it in an []any for pgx to look up its
// encoder and copy it again (measured: that was a fifth of the client's CPU).
// Only text and bigint columns are written, in the column order of the
// COPY statement.
type copyBin struct {
	b    []byte
	rows int
}

// copyBinHeader is the signature, the flags and the header extension length.
var copyBinHeader = []byte("PGCOPY\n\xff\r\n\x00\x00\x00\x00\x00\x00\x00\x00\x00")

// copyBufs keeps the buffers of ended imports for the next ones: a
// region's load imports hundreds of files in one process.
var copyBufs sync.Pool

// row starts a row of n fields.
func (c *copyBin) row(n int) {
	if len(c.b) == 0 {
		if c.b == nil {
			if b, ok := copyBufs.Get().(*[]byte); ok {
				c.b = (*b)[:0]
			}
		}
		c.b = append(c.b, copyBinHeader...)
	}
	c.b = binary.BigEndian.AppendUint16(c.b, uint16(n))
	c.rows++
}

// text appends a text field.
func (c *copyBin) text(s string) {
	c.b = binary.BigEndian.AppendUint32(c.b, uint32(len(s)))
	c.b = append(c.b, s...)
}

// int8 appends a bigint field.
func (c *copyBin) int8(v int64) {
	c.b = binary.BigEndian.AppendUint32(c.b, 8)
	c.b = binary.BigEndian.AppendUint64(c.b, uint64(v))
}

// textWith appends a text field that fill writes, its length filled in
// afterwards.
func (c *copyBin) textWith(fill func([]byte) []byte) {
	at := len(c.b)
	c.b = append(c.b, 0, 0, 0, 0)
	c.b = fill(c.b)
	binary.BigEndian.PutUint32(c.b[at:], uint32(len(c.b)-at-4))
}

// send copies the buffered rows into table's columns and empties the
// buffer; it returns how many rows the server stored.
func (c *copyBin) send(ctx context.Context, tx pgx.Tx, table string, cols []string) (int64, error) {
	if c.rows == 0 {
		return 0, nil
	}
	c.b = binary.BigEndian.AppendUint16(c.b, 0xffff) // the trailer
	sql := "COPY " + pgx.Identifier{table}.Sanitize() + " (" + quoteCols(cols) + ") FROM STDIN (FORMAT binary)"
	tag, err := tx.Conn().PgConn().CopyFrom(ctx, bytes.NewReader(c.b), sql)
	c.b, c.rows = c.b[:0], 0
	return tag.RowsAffected(), err
}

// release hands the buffer on to a later import.
func (c *copyBin) release() {
	if c.b != nil {
		b := c.b[:0]
		copyBufs.Put(&b)
		c.b, c.rows = nil, 0
	}
}

// quoteCols is cols quoted and comma-separated, for a COPY statement.
func quoteCols(cols []string) string {
	q := make([]string, len(cols))
	for i, c := range cols {
		q[i] = pgx.Identifier{c}.Sanitize()
	}
	return strings.Join(q, ", ")
}
