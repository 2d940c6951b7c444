package records

import "database/sql"

// NullScan scans the columns of a kind, possibly NULL (an outer or lateral
// join that found nothing), into the values an import writes: text as
// string, amounts as int64 or nil. Both engines' drivers scan into the
// database/sql null types.
type NullScan struct {
	kind *Kind
	text []sql.NullString
	amt  []sql.NullInt64
}

// NewNullScan returns a scanner of k's columns.
func NewNullScan(k *Kind) *NullScan {
	return &NullScan{kind: k, text: make([]sql.NullString, len(k.Columns)), amt: make([]sql.NullInt64, len(k.Columns))}
}

// Dest returns the scan destinations of the kind's columns, in order.
func (v *NullScan) Dest() []any {
	out := make([]any, len(v.kind.Columns))
	for i, c := range v.kind.Columns {
		if c.Type == Amount {
			out[i] = &v.amt[i]
		} else {
			out[i] = &v.text[i]
		}
	}
	return out
}

// Values returns the last row scanned, in the kind's column order.
func (v *NullScan) Values() []any {
	out := make([]any, len(v.kind.Columns))
	for i, c := range v.kind.Columns {
		switch {
		case c.Type != Amount:
			out[i] = v.text[i].String
		case v.amt[i].Valid:
			out[i] = v.amt[i].Int64
		}
	}
	return out
}
