package anagrafe

import (
	"errors"
	"strings"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/dialect"
)

// Record is one accepted registry row, with values normalised for storage.
type Record struct {
	Line   int
	CF     string
	Values [NumCols]string // canonical values; Values[ColCF] == CF
	Hash   uint64          // fingerprint of the stored values
	// Dati is the JSON array of the stored values other than the CF, in
	// DatiCols order: the form the store keeps them in. Set by Encode.
	Dati string
}

// DatiCols lists, in order, the columns a record's Dati array holds.
var DatiCols = []int{ColCognome, ColNome, ColSesso, ColDataNascita, ColLuogoNascita, ColCittadinanza,
	ColIndirizzo, ColCivico, ColCAP, ColCodiceFamiglia, ColRelazioneParentela, ColStatoCivile,
	ColDataIscrizione, ColMotivoIscrizione, ColDataCancellazione, ColMotivoCancellazione}

// Reject says why a row cannot be stored. CF is set when the codice fiscale
// could be read, so that a snapshot does not close that resident.
type Reject struct {
	Line   int
	Column string
	Reason string
	Raw    string
	CF     string
}

// Cancelled reports whether the record carries a cancellation date.
func (r *Record) Cancelled() bool { return r.Values[ColDataCancellazione] != "" }

// Parser checks rows against one Comune's import.
type Parser struct {
	// Comune is the ISTAT code being imported; a comune_residenza column
	// must agree with it (old 015xxx codes included).
	Comune string
	// OldCodes maps pre-2009 ISTAT codes to current ones.
	OldCodes map[string]string
	fields   int
}

// NewParser returns a Parser for a file whose header has headerFields fields.
func NewParser(comune string, oldCodes map[string]string, headerFields int) *Parser {
	return &Parser{Comune: comune, OldCodes: oldCodes, fields: headerFields}
}

// Parse turns a row into a Record, or says why it is rejected.
func (p *Parser) Parse(row *dialect.Row) (*Record, *Reject) {
	if n := row.NumFields(); n != p.fields {
		return nil, p.reject(row, "", readableCF(row), T("row has %d fields, the header has %d", n, p.fields))
	}
	rec := &Record{Line: row.Line}
	for i := range NumCols {
		rec.Values[i] = row.Get(i)
	}
	cf := codicefiscale.Normalize(rec.Values[ColCF])
	rec.Values[ColCF], rec.CF = cf, cf
	if cf == "" {
		return nil, p.reject(row, "codice_fiscale", "", T("%s is empty", "codice_fiscale"))
	}
	if err := codicefiscale.Validate(cf); err != nil {
		return nil, p.reject(row, "codice_fiscale", correctedCF(cf, err), cfReason(err))
	}
	if rj := p.checkValues(row, rec); rj != nil {
		return nil, rj
	}
	rec.Hash = hashValues(&rec.Values)
	return rec, nil
}

func (p *Parser) checkValues(row *dialect.Row, rec *Record) *Reject {
	for _, c := range required {
		if rec.Values[c] == "" {
			name := Schema.Columns[c].Name
			return p.reject(row, name, rec.CF, T("%s is empty", name))
		}
	}
	for _, c := range dateCols {
		v := rec.Values[c]
		if v == "" {
			continue
		}
		d, err := dialect.ParseDate(v)
		name := Schema.Columns[c].Name
		switch {
		case errors.Is(err, dialect.ErrEmpty) && c == ColDataNascita:
			return p.reject(row, name, rec.CF, T("%s is empty (the zero date %s)", name, v))
		case err != nil && !errors.Is(err, dialect.ErrEmpty):
			return p.reject(row, name, rec.CF, T("%s is not a valid date: %v", name, err))
		}
		rec.Values[c] = d // "" for an optional zero date
	}
	rec.Values[ColSesso] = strings.ToUpper(rec.Values[ColSesso])
	rec.Values[ColLuogoNascita] = strings.ToUpper(rec.Values[ColLuogoNascita])
	if res := rec.Values[ColComuneResidenza]; res != "" {
		res, err := dialect.PadISTAT(res, KnownIstat)
		if err != nil {
			return p.reject(row, "comune_residenza", rec.CF, T("comune_residenza %v", err))
		}
		if cur, ok := p.OldCodes[res]; ok {
			res = cur
		}
		if res != p.Comune {
			return p.reject(row, "comune_residenza", rec.CF,
				T("comune_residenza %s is not the Comune being imported (%s)", rec.Values[ColComuneResidenza], p.Comune))
		}
		// Not stored (the Comune is known) and kept out of the fingerprint,
		// so that an extract with or without the column compares equal.
		rec.Values[ColComuneResidenza] = ""
	}
	return nil
}

// readableCF returns the valid codice fiscale in the CF column's position
// of a row refused as a whole (wrong number of fields), or "": the row
// still names its resident, whom a snapshot must not close.
func readableCF(row *dialect.Row) string {
	cf := codicefiscale.Normalize(row.Get(ColCF))
	if cf == "" || codicefiscale.Validate(cf) != nil {
		return ""
	}
	return cf
}

// reject builds a Reject; the raw row is copied because the reader reuses it.
func (p *Parser) reject(row *dialect.Row, column, cf, reason string) *Reject {
	return &Reject{Line: row.Line, Column: column, Reason: reason, Raw: string(row.Raw), CF: cf}
}

// hashValues fingerprints the stored values; a change of any field gives a
// new version, while re-encoding the same data (another delimiter, another
// charset) does not.
func hashValues(v *[NumCols]string) uint64 {
	const offset, prime = 14695981039346656037, 1099511628211
	h := uint64(offset)
	for i := range v {
		s := v[i]
		for j := 0; j < len(s); j++ {
			h = (h ^ uint64(s[j])) * prime
		}
		h = (h ^ 0x1f) * prime
	}
	return h
}

// correctedCF returns the code a CF with a wrong check character most
// likely is (its first 15 characters with the right check character), so
// that a snapshot does not close a resident over a typo; "" otherwise.
func correctedCF(cf string, err error) string {
	if e, ok := err.(*codicefiscale.Error); ok && e.Reason == codicefiscale.ReasonCheck {
		return cf[:15] + string(codicefiscale.CheckChar(cf[:15]))
	}
	return ""
}

// cfReason words a codice fiscale error for the rejects report.
func cfReason(err error) string {
	if e, ok := err.(*codicefiscale.Error); ok {
		if e.Reason == codicefiscale.ReasonCheck {
			return T("codice_fiscale has a wrong check character")
		}
		return T("codice_fiscale is malformed: %s", e.Msg)
	}
	return T("codice_fiscale is not valid")
}

// Encode fills Dati; the importer calls it only for rows it will write.
func (r *Record) Encode() { r.Dati = datiJSON(&r.Values) }

// datiJSON encodes the stored values as a JSON array of strings.
func datiJSON(v *[NumCols]string) string {
	n := 2
	for _, c := range DatiCols {
		n += len(v[c]) + 3
	}
	return string(appendDati(make([]byte, 0, n+8), v))
}

// AppendDati appends the record's Dati (the JSON array Encode makes) to b,
// for a store that writes it into a buffer of its own without Encode's
// string.
func (r *Record) AppendDati(b []byte) []byte { return appendDati(b, &r.Values) }

func appendDati(b []byte, v *[NumCols]string) []byte {
	b = append(b, '[')
	for i, c := range DatiCols {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendJSONString(b, v[c])
	}
	return append(b, ']')
}

// appendJSONString appends s as a JSON string; UTF-8 passes through.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}
