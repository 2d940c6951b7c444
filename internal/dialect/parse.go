package dialect

import (
	"bytes"
	"encoding/binary"
	"math/bits"
)

// status is the outcome of parser.parse.
type status int

const (
	parsed       status = iota // a whole record was found
	needMore                   // the record may continue past the end of the input
	unterminated               // the input ends inside a quoted field
)

// parser splits records into fields. It is the hot path of every import:
// plain lines are split a word at a time, quoted fields are skipped with
// memchr, and only fields that need unescaping are copied.
type parser struct {
	delim byte
	eol   byte   // line-break byte searched first: '\n', or '\r' in CR files
	rec   record // the last record found
	spans []span // its fields
	vals  []byte // unescaped values, for records that need copying
}

// record is one record found by parse.
type record struct {
	text     []byte // the record without its final line break
	data     []byte // what spans index: text, or parser.vals for copied values
	size     int    // bytes consumed, final line break included
	breaks   int    // line breaks consumed, final one included
	openedAt int    // for unterminated: line breaks before the open quote
}

// parse finds and splits the record at the start of b into p.rec and
// p.spans; atEOF says that nothing follows b.
func (p *parser) parse(b []byte, atEOF bool) status {
	p.spans = p.spans[:0]
	if st, ok := p.parseLine(b, atEOF); ok {
		return st
	}
	p.spans, p.rec = p.spans[:0], record{}
	if st, ok := p.parseFields(b, atEOF); ok {
		return st
	}
	p.spans, p.rec = p.spans[:0], record{}
	return p.parseSlow(b, atEOF)
}

// parseLine handles the common record: one line without quotes. ok is
// false when the line has a quote or a stray line-break byte.
func (p *parser) parseLine(b []byte, atEOF bool) (st status, ok bool) {
	other := '\r' ^ '\n' ^ p.eol
	i := bytes.IndexByte(b, p.eol)
	if i < 0 {
		if !atEOF && bytes.IndexByte(b, other) < 0 {
			return needMore, true
		}
		return st, false // a last line without a break, or a stray break byte
	}
	line, size := b[:i], i+1
	switch {
	case p.eol == '\n' && i > 0 && b[i-1] == '\r':
		line = b[:i-1]
	case p.eol == '\r' && i+1 < len(b) && b[i+1] == '\n':
		size++
	case p.eol == '\r' && i+1 == len(b) && !atEOF:
		return needMore, true // maybe CRLF split by the end of the buffer
	}
	if bytes.IndexByte(line, '"') >= 0 || bytes.IndexByte(line, other) >= 0 {
		return st, false
	}
	p.spans = splitWords(p.spans, line, p.delim)
	p.rec = record{text: line, data: line, size: size, breaks: 1}
	return parsed, true
}

// splitWords appends the fields of line, which has no quote, to
// spans, finding delimiters eight bytes at a time.
func splitWords(spans []span, line []byte, delim byte) []span {
	const low7 = 0x7F7F7F7F7F7F7F7F
	pat := uint64(delim) * 0x0101010101010101
	start, i := 0, 0
	for ; i+8 <= len(line); i += 8 {
		t := binary.LittleEndian.Uint64(line[i:]) ^ pat
		// The high bit of a byte is set exactly where t has a zero byte.
		m := ^((t&low7 + low7) | t | low7)
		for ; m != 0; m &= m - 1 {
			j := i + bits.TrailingZeros64(m)>>3
			spans = append(spans, span{start, j})
			start = j + 1
		}
	}
	for ; i < len(line); i++ {
		if line[i] == delim {
			spans = append(spans, span{start, i})
			start = i + 1
		}
	}
	return append(spans, span{start, len(line)})
}

// parseFields handles records with quoted fields that need no unescaping,
// one field at a time. ok is false when a field needs copying: a doubled
// quote, a CR inside quotes, or text after a closing quote.
func (p *parser) parseFields(b []byte, atEOF bool) (st status, ok bool) {
	pos, nb := 0, -1 // nb: index of the next line-break byte at or after pos
	for {
		if pos < len(b) && (b[pos] == ' ' || b[pos] == '"') {
			q := skipSpaces(b, pos)
			if q < len(b) && b[q] == '"' {
				end, st, ok := p.quotedField(b, q, atEOF)
				if st != parsed || !ok {
					return st, ok
				}
				pos = end // nb stays valid unless the quoted field ran past it
				if pos < len(b) && b[pos] == p.delim {
					pos++
					continue
				}
				return p.endRecord(b, pos, atEOF)
			}
		}
		if nb < pos {
			if nb = pos + lineEnd(b[pos:], p.eol); nb < pos {
				nb = len(b)
			}
		}
		k := bytes.IndexByte(b[pos:nb], p.delim)
		if k < 0 {
			p.spans = append(p.spans, span{pos, nb})
			return p.endRecord(b, nb, atEOF)
		}
		p.spans = append(p.spans, span{pos, pos + k})
		pos += k + 1
	}
}

// quotedField reads the quoted field whose opening quote is b[q] and
// returns the index after it and after any spaces that follow.
func (p *parser) quotedField(b []byte, q int, atEOF bool) (int, status, bool) {
	k, breaks, cr := closingQuote(b[q+1:])
	if k < 0 {
		if atEOF {
			p.rec.openedAt = p.rec.breaks
			return 0, unterminated, true
		}
		return 0, needMore, true
	}
	c := q + 1 + k // the closing quote
	if c+1 == len(b) && !atEOF {
		return 0, needMore, true // it may be the first of a doubled quote
	}
	if cr || c+1 < len(b) && b[c+1] == '"' {
		return 0, parsed, false
	}
	p.rec.breaks += breaks
	p.spans = append(p.spans, span{q + 1, c})
	end := skipSpaces(b, c+1)
	if end < len(b) && b[end] != p.delim && b[end] != '\r' && b[end] != '\n' {
		return 0, parsed, false
	}
	return end, parsed, true
}

// endRecord completes p.rec, whose last field ends at b[end].
func (p *parser) endRecord(b []byte, end int, atEOF bool) (status, bool) {
	if end == len(b) && !atEOF || end+1 == len(b) && b[end] == '\r' && !atEOF {
		return needMore, true
	}
	p.rec.text, p.rec.data, p.rec.size = b[:end], b[:end], end
	if end < len(b) {
		p.rec.size += eolLen(b, end)
		p.rec.breaks++
	}
	return parsed, true
}

// parseSlow handles any record, copying its unescaped values.
func (p *parser) parseSlow(b []byte, atEOF bool) status {
	rs := scanRecord(b, p.delim)
	if rs.eolLen == 0 && !atEOF || rs.eolLen == 1 && b[rs.end] == '\r' && rs.end+1 == len(b) && !atEOF {
		return needMore
	}
	if rs.open {
		p.rec.openedAt = rs.openedAt
		return unterminated
	}
	p.rec = record{text: b[:rs.end], size: rs.end + rs.eolLen, breaks: rs.breaks}
	if rs.eolLen > 0 {
		p.rec.breaks++
	}
	p.vals, p.spans = splitQuoted(p.vals[:0], p.spans, p.rec.text, p.delim)
	p.rec.data = p.vals
	return parsed
}

// shortField is the length up to which a plain loop beats a memchr call.
const shortField = 16

// closingQuote returns the index in v of the first quote, which ends the
// quoted value v starts, or -1; with the LFs before it and whether a CR
// (which needs normalising, so copying) is among them. Short values are
// scanned in a plain loop, which beats memchr calls for them.
func closingQuote(v []byte) (i, lfs int, cr bool) {
	for ; i < len(v) && i < shortField; i++ {
		switch v[i] {
		case '"':
			return i, lfs, cr
		case '\n':
			lfs++
		case '\r':
			cr = true
		}
	}
	k := bytes.IndexByte(v[i:], '"')
	if k < 0 {
		return -1, 0, false
	}
	rest := v[i : i+k]
	return i + k, lfs + bytes.Count(rest, []byte{'\n'}), cr || bytes.IndexByte(rest, '\r') >= 0
}

// skipSpaces returns the index of the first byte at or after i that is not a space.
func skipSpaces(b []byte, i int) int {
	for i < len(b) && b[i] == ' ' {
		i++
	}
	return i
}

// lineEnd returns the index of the first '\r' or '\n' in b, or -1. It looks
// for first (the file's usual line-break byte) and then for the other one
// before it, so that both searches run at memchr speed.
func lineEnd(b []byte, first byte) int {
	i := bytes.IndexByte(b, first)
	if i < 0 {
		return bytes.IndexByte(b, '\r'^'\n'^first)
	}
	if j := bytes.IndexByte(b[:i], '\r'^'\n'^first); j >= 0 {
		return j
	}
	return i
}
