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

// KeptScan scans named columns of a kind (those an update keeps, Kind.Kept)
// into the values an import writes: text as string, amounts as int64 or nil.
type KeptScan struct {
	kind  *Kind
	idx   []int
	text  []sql.NullString
	amt   []sql.NullInt64
	Names []string
}

// NewKeptScan returns a scanner of the named columns of k.
func NewKeptScan(k *Kind, names []string) *KeptScan {
	v := &KeptScan{kind: k, Names: names, text: make([]sql.NullString, len(names)), amt: make([]sql.NullInt64, len(names))}
	for _, n := range names {
		v.idx = append(v.idx, k.Index(n))
	}
	return v
}

// Dest returns the scan destinations of the columns, in order.
func (v *KeptScan) Dest() []any {
	out := make([]any, len(v.idx))
	for i, c := range v.idx {
		if v.kind.Columns[c].Type == Amount {
			out[i] = &v.amt[i]
		} else {
			out[i] = &v.text[i]
		}
	}
	return out
}

// Values returns the last row scanned, in the order of the names.
func (v *KeptScan) Values() []any {
	out := make([]any, len(v.idx))
	for i, c := range v.idx {
		switch {
		case v.kind.Columns[c].Type != Amount:
			out[i] = v.text[i].String
		case v.amt[i].Valid:
			out[i] = v.amt[i].Int64
		}
	}
	return out
}
