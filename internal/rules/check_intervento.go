package rules

import (
	"fmt"

	"github.com/csi-mb/csi/internal/csi"
)

// Carattere values of an intervento (SIUSS CaratterePrestazione).
const (
	periodica   = "P"
	occasionale = "O"
	presaSi     = "S"
)

// checkInterventoCartella reports an intervento whose cartella is missing.
func checkInterventoCartella(c *call, x csi.Intervento, parent *csi.Cartella) {
	switch {
	case x.IDCartella == "":
		c.report(fIDCartella, T("id_cartella is missing"))
	case parent == nil:
		c.report(fIDCartella, T("cartella %s does not exist", x.IDCartella))
	}
}

// checkInterventoPeriodo reports an intervento date outside the period of
// its cartella.
func checkInterventoPeriodo(c *call, x csi.Intervento, parent *csi.Cartella) {
	if parent == nil || !isDate(parent.DataApertura) {
		return
	}
	for _, d := range []struct{ field, value string }{
		{fDataInizio, x.DataInizio}, {fDataFine, x.DataFine}, {fDataErogazione, x.DataErogazione},
	} {
		switch {
		case !isDate(d.value):
		case d.value < parent.DataApertura:
			c.report(d.field, T("%s %s is before the cartella opened (%s)", d.field, d.value, parent.DataApertura))
		case isDate(parent.DataChiusura) && d.value > parent.DataChiusura:
			c.report(d.field, T("%s %s is after the cartella closed (%s)", d.field, d.value, parent.DataChiusura))
		}
	}
}

// checkInterventoCarattere reports a carattere missing or not in the list.
func checkInterventoCarattere(c *call, x csi.Intervento, _ *csi.Cartella) {
	checkCode(c, 0, fCarattere, x.Carattere, true)
}

// checkInterventoPeriodica reports a periodic intervento without start date,
// end date (not before the start) or monthly amount.
func checkInterventoPeriodica(c *call, x csi.Intervento, _ *csi.Cartella) {
	if x.Carattere != periodica {
		return
	}
	okStart := requireDate(c, "periodic (P)", fDataInizio, x.DataInizio)
	okEnd := requireDate(c, "periodic (P)", fDataFine, x.DataFine)
	if okStart && okEnd && x.DataFine < x.DataInizio {
		c.report(fDataFine, T("data_fine %s is before data_inizio %s", x.DataFine, x.DataInizio))
	}
	if !x.HasMensile {
		c.report("importo_mensile", T("a periodic (P) intervento needs importo_mensile"))
	}
}

// checkInterventoOccasionale reports a one-off intervento without delivery
// date or amount.
func checkInterventoOccasionale(c *call, x csi.Intervento, _ *csi.Cartella) {
	if x.Carattere != occasionale {
		return
	}
	requireDate(c, "one-off (O)", fDataErogazione, x.DataErogazione)
	if !x.HasImporto {
		c.report("importo", T("a one-off (O) intervento needs importo"))
	}
}

// checkInterventoImportoNegativo reports a negative importo or
// importo_mensile: an amount delivered is never below zero, and a negative
// one lowers the indicators' sums.
func checkInterventoImportoNegativo(c *call, x csi.Intervento, _ *csi.Cartella) {
	if x.HasMensile && x.ImportoMensile < 0 {
		c.report("importo_mensile", T("importo_mensile is negative (%s)", euro(x.ImportoMensile)))
	}
	if x.HasImporto && x.Importo < 0 {
		c.report("importo", T("importo is negative (%s)", euro(x.Importo)))
	}
}

// euro formats cents as a decimal-comma amount: -1250 is "-12,50".
func euro(cents int64) string {
	sign := ""
	if cents < 0 {
		sign, cents = "-", -cents
	}
	return fmt.Sprintf("%s%d,%02d", sign, cents/100, cents%100)
}

// requireDate reports a missing or malformed date that a what intervento
// needs and returns whether it is usable.
func requireDate(c *call, what, field, value string) bool {
	switch {
	case value == "":
		c.report(field, T("a %s intervento needs %s", what, field))
		return false
	case !isDate(value):
		c.report(field, T("%s is not a date (want YYYY-MM-DD)", field))
		return false
	}
	return true
}

// checkInterventoPrestazione reports a prestazione code not in the list.
func checkInterventoPrestazione(c *call, x csi.Intervento, _ *csi.Cartella) {
	checkCode(c, 0, fPrestazione, x.CodicePrestazione, true)
}

// checkInterventoPIC reports a presa_in_carico missing or not in the list.
func checkInterventoPIC(c *call, x csi.Intervento, _ *csi.Cartella) {
	checkCode(c, 0, fPresaInCarico, x.PresaInCarico, true)
}

// checkInterventoPICRichiesta reports a prestazione that SIUSS accepts only
// with presa in carico, recorded without it.
func checkInterventoPICRichiesta(c *call, x csi.Intervento, _ *csi.Cartella) {
	if c.in(0, x.CodicePrestazione) && x.PresaInCarico != presaSi {
		c.report(fPresaInCarico, T("prestazione %s (list %s) requires presa_in_carico=S", x.CodicePrestazione, c.list(0)))
	}
}

// checkInterventoMisura reports a misura not in the list (empty is allowed).
func checkInterventoMisura(c *call, x csi.Intervento, _ *csi.Cartella) {
	checkCode(c, 0, fMisura, x.Misura, false)
}

// checkInterventoB2 reports an intervento under the measure (B2 by default)
// that is not a periodic economic benefit.
func checkInterventoB2(c *call, x csi.Intervento, _ *csi.Cartella) {
	m := c.strParam("misura")
	if x.Misura != m {
		return
	}
	if x.Carattere != periodica {
		c.report(fCarattere, T("misura %s requires a periodic (P) benefit, carattere is %q", m, x.Carattere))
	}
	if !c.in(0, x.CodicePrestazione) {
		c.report(fPrestazione, T("misura %s requires an economic benefit (list %s), prestazione %q is not one", m, c.list(0), x.CodicePrestazione))
	}
}
