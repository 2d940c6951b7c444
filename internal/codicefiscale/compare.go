package codicefiscale

// The Field names a Mismatch can carry.
const (
	FieldSurname = "cognome"
	FieldName    = "nome"
	FieldBirth   = "data_nascita"
	FieldSex     = "sesso"
	FieldPlace   = "luogo_nascita"
)

// Mismatch is a disagreement between a codice fiscale and a person's data,
// expressed as codes so that it can be shown without names.
type Mismatch struct {
	Field string // one of the Field* constants
	Want  string // the code derived from the person's data
	Got   string // the code found in the codice fiscale
}

// Compare decodes cf and reports, in field order, every item of p it
// disagrees with; omocodia is undone first, and empty strings, a zero Sex
// and a zero Birth mean "unknown" and are not compared. Dates are compared
// as a YY, month letter and DD code (85T10), without the +40 for women.
func Compare(cf string, p Person) ([]Mismatch, error) {
	info, err := Decode(cf)
	if err != nil {
		return nil, err
	}
	var out []Mismatch
	add := func(field, want, got string) {
		if want != got {
			out = append(out, Mismatch{Field: field, Want: want, Got: got})
		}
	}
	if p.Surname != "" {
		add(FieldSurname, SurnameCode(p.Surname), info.Surname)
	}
	if p.Name != "" {
		add(FieldName, NameCode(p.Name), info.Name)
	}
	if !p.Birth.IsZero() {
		y, m, d := p.Birth.Date()
		add(FieldBirth, dateCode((y%100+100)%100, int(m), d), dateCode(info.YY, info.Month, info.Day))
	}
	if p.Sex != 0 {
		add(FieldSex, string(upperSex(p.Sex)), string(info.Sex))
	}
	if place := Normalize(p.Place); place != "" {
		add(FieldPlace, place, info.Place)
	}
	return out, nil
}

// dateCode formats a birth date as in characters 7–11 of a male code.
func dateCode(yy, month, day int) string {
	return string([]byte{
		byte('0' + yy/10), byte('0' + yy%10), monthLetters[month-1],
		byte('0' + day/10), byte('0' + day%10),
	})
}
