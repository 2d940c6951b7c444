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
			c.report(field, "%s is missing", field)
		}
		return false
	case !isDate(value):
		c.report(field, "%s is not a date (want YYYY-MM-DD)", field)
		return false
	case value > c.today():
		c.report(field, "%s %s is in the future (today is %s)", field, value, c.today())
		return false
	}
	return true
}

// checkCode reports a value missing (when required) or not in the i-th code list.
func checkCode(c *call, i int, field, value string, required bool) {
	switch {
	case value == "":
		if required {
			c.report(field, "%s is missing (want a code from list %s)", field, c.list(i))
		}
	case !c.in(i, value):
		c.report(field, "%s %q is not in code list %s", field, value, c.list(i))
	}
}

// checkCF reports a missing (when required) or invalid codice fiscale
// without quoting it.
func checkCF(c *call, cf string, required bool) {
	if cf == "" {
		if required {
			c.report(fCF, "codice_fiscale is missing")
		}
		return
	}
	if err := codicefiscale.Validate(cf); err != nil {
		c.report(fCF, "%s", cfProblem(err))
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

// validCF reports whether cf is a well-formed codice fiscale.
func validCF(cf string) bool {
	return codicefiscale.Validate(cf) == nil
}
