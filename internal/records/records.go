// Package records knows the social-record files (accessi, cartelle,
// interventi): their columns and aliases, and which rows cannot be stored
// at all. Everything about meaning (codes, consistency, references) is left
// to validation, so that referents see it in one report. It does no I/O.
package records

import (
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/csi-mb/csi/internal/anagrafe"
	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/dialect"
)

// Value kinds of a column.
const (
	Text   = iota // stored as written, trimmed
	Code          // upper-cased
	Date          // parsed to YYYY-MM-DD
	Amount        // parsed to euro cents; empty is NULL
	CF            // codice fiscale, normalised (not validated here)
	Comune        // ISTAT code; pre-2009 015xxx codes of MB become current
	Month         // a month, stored as MM/YYYY (SINBA dates); a full date gives its month
	List          // a list of codes separated by '|', '+' or spaces, stored upper-cased joined by '|'
)

// Column is one column of a record file.
type Column struct {
	Name    string
	Aliases []string
	Type    int
}

// Kind describes one record file.
type Kind struct {
	Name    string // accessi, cartelle, interventi
	Record  string // accesso, cartella, intervento
	Table   string
	Columns []Column // the first is the id
	// Required lists the columns a file must have besides the id.
	Required []string
	// Person names the column saying whom a record is about; an import
	// never moves a stored record to another person.
	Person string
	// Stable, when not 0, is the number of leading columns that always
	// enter a row's fingerprint: the columns after them, added later,
	// enter it only when filled, so that a row of an older file keeps the
	// fingerprint it had and re-importing it changes nothing.
	Stable int
}

// Kinds lists the record files in import order (cartelle before interventi).
var Kinds = []*Kind{Accessi, Cartelle, Interventi, ValutazioniSINA, SINBA}

// KindNames returns the names of the kinds, in import order.
func KindNames() []string {
	out := make([]string, len(Kinds))
	for i, k := range Kinds {
		out[i] = k.Name
	}
	return out
}

// Find returns the kind named name.
func Find(name string) (*Kind, bool) {
	for _, k := range Kinds {
		if k.Name == name {
			return k, true
		}
	}
	return nil, false
}

// Schema returns the dialect schema of the kind.
func (k *Kind) Schema() dialect.Schema {
	s := dialect.Schema{Kind: k.Name}
	for i, c := range k.Columns {
		req := i == 0
		for _, r := range k.Required {
			req = req || r == c.Name
		}
		s.Columns = append(s.Columns, dialect.Column{Name: c.Name, Aliases: c.Aliases, Required: req})
	}
	return s
}

// ColumnNames returns the canonical column names, id first.
func (k *Kind) ColumnNames() []string {
	out := make([]string, len(k.Columns))
	for i, c := range k.Columns {
		out[i] = c.Name
	}
	return out
}

// Index returns the position of the named column in Columns, or -1.
func (k *Kind) Index(name string) int {
	for i, c := range k.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Reject says why a row cannot be stored.
type Reject struct {
	Line           int
	Column, Reason string
}

// Decimal collects the decimal separators that a file's amounts show, so
// that its ambiguous amounts ("1,250") are read the way the file writes
// decimals.
type Decimal struct{ comma, dot int }

// Add counts the separators shown by the amounts of row.
func (d *Decimal) Add(k *Kind, row *dialect.Row) {
	for i, c := range k.Columns {
		if c.Type != Amount {
			continue
		}
		switch dialect.AmountDecimal(row.Get(i)) {
		case ',':
			d.comma++
		case '.':
			d.dot++
		}
	}
}

// Separator returns the file's decimal separator, or 0 when its amounts
// show none, or both.
func (d Decimal) Separator() byte {
	switch {
	case d.comma > 0 && d.dot == 0:
		return ','
	case d.dot > 0 && d.comma == 0:
		return '.'
	}
	return 0
}

// HasAmounts reports whether the kind has amount columns.
func (k *Kind) HasAmounts() bool {
	for _, c := range k.Columns {
		if c.Type == Amount {
			return true
		}
	}
	return false
}

// Parse turns a row into the values to store (in column order; amounts are
// int64 or nil) and a fingerprint of them, or says why it cannot be stored.
// dec is the file's decimal separator (Decimal.Separator).
func (k *Kind) Parse(row *dialect.Row, headerFields int, dec byte) ([]any, uint64, *Reject) {
	if n := row.NumFields(); n != headerFields {
		return nil, 0, &Reject{row.Line, "", T("row has %d fields, the header has %d", n, headerFields)}
	}
	vals := make([]any, len(k.Columns))
	for i, c := range k.Columns {
		v, reason := convert(c.Name, c.Type, row.Get(i), dec)
		if reason != "" {
			return nil, 0, &Reject{row.Line, c.Name, reason}
		}
		vals[i] = v
	}
	if vals[0] == "" {
		return nil, 0, &Reject{row.Line, k.Columns[0].Name, T("%s is empty", k.Columns[0].Name)}
	}
	return vals, k.Hash(vals), nil
}

// Hash returns the fingerprint of a row's values (in column order, as
// Parse gives them): an import compares it with the stored one.
func (k *Kind) Hash(vals []any) uint64 {
	h := fnv.New64a()
	for i, c := range k.Columns {
		v := vals[i]
		switch {
		case k.Stable == 0 || i < k.Stable:
			fmt.Fprint(h, v, "\x1f")
		case v != nil && v != "":
			fmt.Fprint(h, c.Name, "=", v, "\x1f")
		}
	}
	return h.Sum64()
}

// Kept returns the columns that an update keeps from the stored record
// because the file has no such column (present names the canonical
// columns the file has): the optional columns added after the first
// version of the kind (after Stable), so that re-importing an older file
// does not wipe them. A column present but empty clears its value.
func (k *Kind) Kept(present func(name string) bool) []string {
	if k.Stable == 0 {
		return nil
	}
	var out []string
	for _, c := range k.Columns[k.Stable:] {
		if !present(c.Name) && c.Name != "comune" {
			out = append(out, c.Name)
		}
	}
	return out
}

// convert reads the value s of the column name, or says why it cannot
// (the reason of the row's rejection, in English: see T).
func convert(name string, typ int, s string, dec byte) (any, string) {
	switch typ {
	case Code:
		return strings.ToUpper(s), ""
	case CF:
		return codicefiscale.Normalize(s), ""
	case Comune:
		s, err := dialect.PadISTAT(s, anagrafe.KnownIstat)
		if err != nil {
			return nil, T("comune %v", err) // the only column of type Comune
		}
		if cur, ok := anagrafe.OldCodes[s]; ok {
			return cur, ""
		}
		return s, ""
	case Date:
		if s == "" {
			return "", ""
		}
		d, err := dialect.ParseDate(s)
		if errors.Is(err, dialect.ErrEmpty) {
			return "", "" // a zero date: no date
		}
		if err != nil {
			return nil, T("%s is not a valid date: %v", name, err)
		}
		return d, ""
	case Month:
		return parseMonth(name, s)
	case List:
		return joinList(s), ""
	case Amount:
		if s == "" {
			return nil, ""
		}
		c, err := dialect.ParseAmountDecimal(s, dec)
		if err != nil {
			return nil, T("%s is not a valid amount: %v", name, err)
		}
		return c, ""
	}
	return s, ""
}
