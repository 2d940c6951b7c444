package dialect

// Quote-state of the record scanner. A quote opens a quoted field only at
// the start of a field (after optional spaces); anywhere else it is text.
const (
	stFieldStart    = iota // at the start of a field
	stUnquoted             // inside unquoted text
	stQuoted               // inside a quoted field
	stQuoteInQuoted        // just after a quote inside a quoted field
)

// recordScan describes one record found by scanRecord.
type recordScan struct {
	end      int  // index of the terminating line break, or len(b)
	eolLen   int  // length of that line break: 0 (none in b), 1 or 2
	breaks   int  // line breaks inside quoted fields
	delims   int  // delimiters outside quotes
	open     bool // b ended inside a quoted field
	openedAt int  // value of breaks when the last quoted field opened
}

// scanRecord finds the end of the record that starts at b[0], honouring
// quotes, and counts its delimiters and embedded line breaks.
func scanRecord(b []byte, delim byte) recordScan {
	var rs recordScan
	st := stFieldStart
	for i := 0; i < len(b); i++ {
		c := b[i]
		switch st {
		case stQuoted:
			switch c {
			case '"':
				st = stQuoteInQuoted
			case '\r', '\n':
				if c == '\r' && i+1 < len(b) && b[i+1] == '\n' {
					i++
				}
				rs.breaks++
			}
			continue
		case stQuoteInQuoted:
			if c == '"' {
				st = stQuoted
				continue
			}
			st = stUnquoted
		}
		switch c {
		case delim:
			rs.delims++
			st = stFieldStart
		case '\r', '\n':
			rs.end, rs.eolLen = i, eolLen(b, i)
			return rs
		case '"':
			if st == stFieldStart {
				st, rs.openedAt = stQuoted, rs.breaks
			}
		case ' ':
		default:
			if st == stFieldStart {
				st = stUnquoted
			}
		}
	}
	rs.end, rs.open = len(b), st == stQuoted
	return rs
}

// eolLen returns the length of the line break at b[i]: 2 for CRLF, else 1.
func eolLen(b []byte, i int) int {
	if b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n' {
		return 2
	}
	return 1
}

// span is the half-open byte range of one field value. Values are trimmed
// when read, so that rows nobody looks at cost nothing.
type span struct{ lo, hi int }

// splitQuoted splits a complete record that contains quotes, appending the
// unescaped field values to dst. Line breaks inside quotes become "\n".
func splitQuoted(dst []byte, spans []span, rec []byte, delim byte) ([]byte, []span) {
	st, lo := stFieldStart, len(dst)
	for i := 0; i < len(rec); i++ {
		c := rec[i]
		switch st {
		case stQuoted:
			switch c {
			case '"':
				st = stQuoteInQuoted
			case '\r':
				if i+1 < len(rec) && rec[i+1] == '\n' {
					i++
				}
				dst = append(dst, '\n')
			default:
				dst = append(dst, c)
			}
			continue
		case stQuoteInQuoted:
			if c == '"' {
				st = stQuoted
				dst = append(dst, '"')
				continue
			}
			st = stUnquoted
		}
		switch {
		case c == delim:
			spans = append(spans, span{lo, len(dst)})
			st, lo = stFieldStart, len(dst)
		case c == '"' && st == stFieldStart:
			st, dst = stQuoted, dst[:lo] // drop spaces before the opening quote
		default:
			if st == stFieldStart && c != ' ' {
				st = stUnquoted
			}
			dst = append(dst, c)
		}
	}
	return dst, append(spans, span{lo, len(dst)})
}
