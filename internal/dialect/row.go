package dialect

// Row is one data row. A Row and the byte slices it returns are valid only
// until the next call to Next; the strings it returns stay valid.
type Row struct {
	Line int    // line of the row's first physical line; the header is line 1
	Raw  []byte // the row's text decoded to UTF-8, without the final line break

	data   []byte // field values (unescaped when the row had quotes)
	spans  []span // each field's range in data, untrimmed
	cols   []int  // canonical column -> field index, or -1
	str    string // string(data), made on the first Get
	hasStr bool
}

// NumFields returns the number of fields actually in this row.
func (r *Row) NumFields() int { return len(r.spans) }

// Has reports whether canonical column i (schema order) is in the file.
func (r *Row) Has(i int) bool { return r.cols[i] >= 0 }

// Get returns the value of canonical column i (schema order), trimmed of
// surrounding spaces, tabs and no-break spaces; "" when the column is
// absent from the file or the row is too short to reach it. The values of
// one row share one backing string: clone those kept for long
// (strings.Clone) so that they do not hold the whole row in memory.
func (r *Row) Get(i int) string {
	return r.Field(r.cols[i])
}

// Field returns the value of the j-th field of the row in file order,
// trimmed like Get; "" when j is out of range.
func (r *Row) Field(j int) string {
	if uint(j) >= uint(len(r.spans)) {
		return ""
	}
	if !r.hasStr {
		r.materialize()
	}
	s := r.spans[j]
	return trim(r.str[s.lo:s.hi])
}

// materialize makes the one string all of the row's values share.
func (r *Row) materialize() {
	r.str, r.hasStr = string(r.data), true
}

// Bytes returns the value of canonical column i like Get, without
// allocating; the slice is valid only until the next call to Next.
func (r *Row) Bytes(i int) []byte {
	j := r.cols[i]
	if j < 0 || j >= len(r.spans) {
		return nil
	}
	s := r.spans[j]
	return trim(r.data[s.lo:s.hi:s.hi])
}
