package rules

import (
	"sort"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
)

// personaRec is a registry version with its codice fiscale comparison,
// computed once for all the rules that need it.
type personaRec struct {
	p     csi.PersonVersion
	done  bool
	valid bool
	mism  []codicefiscale.Mismatch
}

// mismatch returns the disagreement on field between the CF and the
// recorded data, and whether there is one; an invalid CF has none.
func (r *personaRec) mismatch(field string) (codicefiscale.Mismatch, bool) {
	if !r.done {
		r.done = true
		m, err := codicefiscale.Compare(r.p.CodiceFiscale, person(r.p))
		r.valid, r.mism = err == nil, m
	}
	for _, m := range r.mism {
		if m.Field == field {
			return m, true
		}
	}
	return codicefiscale.Mismatch{}, false
}

// person converts a registry version to the data a CF is computed from;
// unusable values are left zero so that they are not compared.
func person(p csi.PersonVersion) codicefiscale.Person {
	out := codicefiscale.Person{Surname: p.Cognome, Name: p.Nome, Place: p.LuogoNascita}
	if s := strings.ToUpper(strings.TrimSpace(p.Sesso)); s == "M" || s == "F" {
		out.Sex = s[0]
	}
	if t, err := time.Parse(csi.DateLayout, p.DataNascita); err == nil {
		out.Birth = t
	}
	return out
}

// checkPersonaCF reports a missing or invalid codice fiscale. A valid
// omocodic one is the person's own code: nothing to copy again.
func checkPersonaCF(c *call, r *personaRec) {
	checkCF(c, r.p.CodiceFiscale, true)
}

// checkPersonaCFSiuss reports a valid omocodic codice fiscale that the
// SIUSS flows refuse: the INPS pattern
// [A-Za-z]{6}\d{2}[A-Za-z]\d{2}[A-Za-z][A-Za-z0-9]{3}[A-Za-z] allows omocodia
// letters only in the place code, not in the year or the day.
func checkPersonaCFSiuss(c *call, r *personaRec) {
	cf := r.p.CodiceFiscale
	if !validCF(cf) {
		return // persona-cf-check reports it
	}
	for _, i := range []int{6, 7, 9, 10} {
		if cf[i] < '0' || cf[i] > '9' {
			c.report(fCF, T("valid omocodic codice fiscale (omocodia letter in position %d), but the SIUSS flows accept omocodia letters only in the place code, not in the year or day of birth", i+1))
			return
		}
	}
}

// checkPersonaCFBirth reports a CF that encodes another birth date.
func checkPersonaCFBirth(c *call, r *personaRec) {
	m, ok := r.mismatch(codicefiscale.FieldBirth)
	if !ok {
		return
	}
	var parts []string
	for _, p := range []struct {
		name     string
		from, to int
	}{{"year", 0, 2}, {"month", 2, 3}, {"day", 3, 5}} {
		if m.Want[p.from:p.to] != m.Got[p.from:p.to] {
			parts = append(parts, p.name)
		}
	}
	c.report(fDataNascita, T("the codice fiscale encodes a different birth %s than data_nascita", strings.Join(parts, " and ")))
}

// birthParts are the texts the birth check's message names, marked for
// the catalog: Known translates a message's part that is a known text.
var _ = []string{T("year"), T("month"), T("day"), T("year and month"), T("year and day"), T("month and day"),
	T("year and month and day")}

// checkPersonaCFSex reports a CF that encodes the other sex.
func checkPersonaCFSex(c *call, r *personaRec) {
	if m, ok := r.mismatch(codicefiscale.FieldSex); ok {
		c.report("sesso", T("the codice fiscale encodes sex %s, sesso says %s", m.Got, m.Want))
	}
}

// checkPersonaCFPlace reports a CF that encodes another place of birth.
func checkPersonaCFPlace(c *call, r *personaRec) {
	if _, ok := r.mismatch(codicefiscale.FieldPlace); ok {
		c.report(fLuogoNascita, T("the codice fiscale encodes a different place of birth than luogo_nascita"))
	}
}

// checkPersonaCFSurname reports CF surname letters that do not match cognome.
func checkPersonaCFSurname(c *call, r *personaRec) {
	if _, ok := r.mismatch(codicefiscale.FieldSurname); ok {
		c.report("cognome", T("the surname letters of the codice fiscale (characters 1-3) do not match cognome"))
	}
}

// checkPersonaCFName reports CF name letters that do not match nome.
func checkPersonaCFName(c *call, r *personaRec) {
	if _, ok := r.mismatch(codicefiscale.FieldName); ok {
		c.report("nome", T("the name letters of the codice fiscale (characters 4-6) do not match nome"))
	}
}

// checkPersonaBirth reports a birth date missing, malformed, in the future
// or more than max_age_years ago; the date itself is not quoted.
func checkPersonaBirth(c *call, r *personaRec) {
	d := r.p.DataNascita
	maxAge := c.intParam("max_age_years")
	oldest := c.chk.todayT.AddDate(-maxAge, 0, 0).Format(csi.DateLayout)
	switch {
	case d == "":
		c.report(fDataNascita, T("data_nascita is missing"))
	case !isDate(d):
		c.report(fDataNascita, T("data_nascita is not a date (want YYYY-MM-DD)"))
	case d > c.today():
		c.report(fDataNascita, T("data_nascita is in the future"))
	case d < oldest:
		c.report(fDataNascita, T("data_nascita is more than %d years ago", maxAge))
	}
}

// checkPersonaPlace reports a place of birth that is neither a known
// Belfiore code nor a known foreign-state Z code.
func checkPersonaPlace(c *call, r *personaRec) {
	code := strings.ToUpper(strings.TrimSpace(r.p.LuogoNascita))
	switch {
	case code == "":
		c.report(fLuogoNascita, T("luogo_nascita is missing"))
	case !c.env().KnownPlace(code):
		c.report(fLuogoNascita, T("luogo_nascita %q is neither a known Comune (Belfiore code) nor a known foreign state (Z code)", code))
	}
}

// checkPersonaCancellazione reports a cancellation date without an ANPR
// reason, a reason without a date, or a reason not in the list.
func checkPersonaCancellazione(c *call, r *personaRec) {
	date, reason := r.p.DataCancellazione, r.p.MotivoCancellazione
	switch {
	case date != "" && reason == "":
		c.report("motivo_cancellazione", T("data_cancellazione is set but motivo_cancellazione is missing"))
	case date == "" && reason != "":
		c.report("data_cancellazione", T("motivo_cancellazione is set but data_cancellazione is missing"))
	case reason != "" && !c.in(0, reason):
		c.report("motivo_cancellazione", T("motivo_cancellazione %q is not in code list %s", reason, c.list(0)))
	}
}

// checkPersonaRelazione reports a relazione_parentela not in the ANPR list.
func checkPersonaRelazione(c *call, r *personaRec) {
	checkCode(c, 0, "relazione_parentela", r.p.RelazioneParentela, false)
}

// checkFamigliaHead reports a household without exactly one head
// (intestatario scheda): every head when there are several, the first
// member in CF order when there is none.
func checkFamigliaHead(c *call, codice string, members []csi.PersonVersion) {
	if codice == "" || len(members) == 0 {
		return
	}
	head := c.strParam("codice_intestatario")
	var heads []string
	for _, m := range members {
		if m.RelazioneParentela == head {
			heads = append(heads, m.CodiceFiscale)
		}
	}
	sort.Strings(heads)
	switch len(heads) {
	case 1:
	case 0:
		first := members[0].CodiceFiscale
		for _, m := range members[1:] {
			first = min(first, m.CodiceFiscale)
		}
		c.reportOn(first, "relazione_parentela", T("household %s has no head (relazione_parentela %s) among its %d members", codice, head, len(members)))
	default:
		for _, cf := range heads {
			c.reportOn(cf, "relazione_parentela", T("household %s has %d heads (relazione_parentela %s), want one", codice, len(heads), head))
		}
	}
}
