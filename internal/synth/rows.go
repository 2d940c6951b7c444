package synth

import (
	"bufio"
	"strconv"
)

// rowWriter formats generated people as extract rows.
type rowWriter struct {
	w   *bufio.Writer
	buf []byte
}

// household writes one row per member of h.
func (rw *rowWriter) household(h *household, g *generator) error {
	for i := range h.members {
		rw.buf = appendPerson(rw.buf[:0], h, &h.members[i], g)
		if _, err := rw.w.Write(rw.buf); err != nil {
			return err
		}
	}
	return nil
}

// appendPerson appends the row of member p of h, LF included.
func appendPerson(b []byte, h *household, p *person, g *generator) []byte {
	b = append(b, p.cf...)
	b = append(append(b, ';'), p.surname.text...)
	b = append(append(b, ';'), p.name.text...)
	b = append(b, ';', p.sex, ';')
	b = appendDay(b, p.birth)
	b = append(append(b, ';'), p.place...)
	b = append(append(b, ';'), h.citizenship()...)
	b = append(append(b, ';'), g.c.Istat...)
	b = append(append(b, ';'), h.street...)
	b = append(append(b, ';'), h.civico...)
	b = append(append(b, ';'), g.cap...)
	b = append(b, ';')
	b = appendFamily(b, h.id)
	b = strconv.AppendInt(append(b, ';'), int64(p.rel), 10)
	b = strconv.AppendInt(append(b, ';'), int64(p.civil), 10)
	b = appendDay(append(b, ';'), p.iscr)
	b = strconv.AppendInt(append(b, ';'), int64(p.motivo), 10)
	return append(b, '\n')
}

// appendFamily appends a family number as 8 digits.
func appendFamily(b []byte, id int) []byte {
	var d [8]byte
	for i := len(d) - 1; i >= 0; i-- {
		d[i] = byte('0' + id%10)
		id /= 10
	}
	return append(b, d[:]...)
}
