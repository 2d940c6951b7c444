package rules

import (
	"errors"
	"time"

	"github.com/csi-mb/csi/internal/codicefiscale"
	"github.com/csi-mb/csi/internal/csi"
)

// Field names used in findings, as in the import files.
const (
	fCF             = "codice_fiscale"
	fComune         = "comune"
	fArea           = "area"
	fDataNascita    = "data_nascita"
	fLuogoNascita   = "luogo_nascita"
	fDataApertura   = "data_apertura"
	fDataChiusura   = "data_chiusura"
	fMotivoChiusura = "motivo_chiusura"
	fIDCartella     = "id_cartella"
	fDataInizio     = "data_inizio"
	fDataFine       = "data_fine"
	fDataErogazione = "data_erogazione"
	fCarattere      = "carattere"
	fPrestazione    = "codice_prestazione"
	fPresaInCarico  = "presa_in_carico"
	fMisura         = "misura"
)

// isDate reports whether s is a calendar date written YYYY-MM-DD.
func isDate(s string) bool {
	_, err := time.Parse(csi.DateLayout, s)
	return err == nil
}

// checkDate reports a missing (when required), malformed or future date;
// it returns whether the date is usable for further comparisons.
func checkDate(c *call, field, value string, required bool) bool {
	switch {
	case value == "":
		if required {
			c.report(field, T("%s is missing", field))
		}
		return false
	case !isDate(value):
		c.report(field, T("%s is not a date (want YYYY-MM-DD)", field))
		return false
	case value > c.today():
		c.report(field, T("%s %s is in the future (today is %s)", field, value, c.today()))
		return false
	}
	return true
}

// checkCode reports a value missing (when required) or not in the i-th code list.
func checkCode(c *call, i int, field, value string, required bool) {
	switch {
	case value == "":
		if required {
			c.report(field, T("%s is missing (want a code from list %s)", field, c.list(i)))
		}
	case !c.in(i, value):
		c.report(field, T("%s %q is not in code list %s", field, value, c.list(i)))
	}
}

// checkCF reports a missing (when required) or invalid codice fiscale
// without quoting it.
func checkCF(c *call, cf string, required bool) {
	if cf == "" {
		if required {
			c.report(fCF, T("codice_fiscale is missing"))
		}
		return
	}
	if err := codicefiscale.Validate(cf); err != nil {
		c.report(fCF, cfProblem(err))
	}
}

// cfProblem describes why a codice fiscale is invalid; the codicefiscale
// package never quotes the code in its errors.
func cfProblem(err error) string {
	var e *codicefiscale.Error
	if errors.As(err, &e) {
		return e.Error()
	}
	return "invalid codice fiscale"
}

// The texts cfProblem returns (package codicefiscale's
// errors), marked for the catalog so that human output translates them
// (the 0 stands for the character position a real error names).
var _ = []string{
	T("invalid codice fiscale (length): has %d bytes, want 16", 0),
	T("invalid codice fiscale (format): character %d is not a letter", 0),
	T("invalid codice fiscale (format): character %d is not a digit or omocodia letter", 0),
	T("invalid codice fiscale (format): character %d is not a month letter", 0),
	T("invalid codice fiscale (format): day of birth out of range"),
	T("invalid codice fiscale (check character): check character does not match"),
	T("invalid codice fiscale"),
}

// validCF reports whether cf is a well-formed codice fiscale.
func validCF(cf string) bool {
	return codicefiscale.Validate(cf) == nil
}
