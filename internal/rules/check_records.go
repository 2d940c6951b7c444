package rules

import (
	"sort"

	"github.com/csi-mb/csi/internal/csi"
)

// checkAccessoData reports an access date missing, malformed or in the future.
func checkAccessoData(c *call, a csi.Accesso) {
	checkDate(c, "data_accesso", a.Data, true)
}

// checkAccessoComune reports an access recorded for a Comune not onboarded,
// or not a member on the access's date.
func checkAccessoComune(c *call, a csi.Accesso) {
	switch {
	case a.Comune == "":
		c.report(fComune, T("comune is missing"))
	case !c.env().ComuneMemberOn(a.Comune, ""):
		c.report(fComune, T("Comune %s has not joined the CSI (not onboarded)", a.Comune))
	case isDate(a.Data) && !c.env().ComuneMemberOn(a.Comune, a.Data):
		c.report(fComune, T("Comune %s was not a member of the CSI on %s", a.Comune, a.Data))
	}
}

// checkAccessoCF reports an invalid codice fiscale; anonymous accesses
// (no CF) are allowed.
func checkAccessoCF(c *call, a csi.Accesso) {
	checkCF(c, a.CodiceFiscale, false)
}

// checkAccessoSportello reports a desk type not in the list.
func checkAccessoSportello(c *call, a csi.Accesso) {
	checkCode(c, 0, "sportello", a.Sportello, true)
}

// checkAccessoArea reports an area not in the list.
func checkAccessoArea(c *call, a csi.Accesso) {
	checkCode(c, 0, fArea, a.Area, true)
}

// checkAccessoEsito reports an outcome not in the list.
func checkAccessoEsito(c *call, a csi.Accesso) {
	checkCode(c, 0, "esito", a.Esito, true)
}

// checkCartellaCF reports a missing or invalid codice fiscale.
func checkCartellaCF(c *call, x csi.Cartella) {
	checkCF(c, x.CodiceFiscale, true)
}

// checkCartellaResidente reports a cartella whose person was not in the
// registry of its Comune on the opening date.
func checkCartellaResidente(c *call, x csi.Cartella) {
	if !validCF(x.CodiceFiscale) || !isDate(x.DataApertura) || x.Comune == "" {
		return
	}
	if !c.env().ResidentOn(x.CodiceFiscale, x.Comune, x.DataApertura) {
		c.report(fCF, T("the person is not in the registry of Comune %s on the opening date %s", x.Comune, x.DataApertura))
	}
}

// checkCartellaApertura reports an opening date missing, malformed or in the future.
func checkCartellaApertura(c *call, x csi.Cartella) {
	checkDate(c, fDataApertura, x.DataApertura, true)
}

// checkCartellaChiusura reports a closing date malformed, in the future or
// before the opening date.
func checkCartellaChiusura(c *call, x csi.Cartella) {
	if !checkDate(c, fDataChiusura, x.DataChiusura, false) {
		return
	}
	if isDate(x.DataApertura) && x.DataChiusura < x.DataApertura {
		c.report(fDataChiusura, T("data_chiusura %s is before data_apertura %s", x.DataChiusura, x.DataApertura))
	}
}

// checkCartellaMotivo reports a closed cartella without a reason from the
// list, or an open one with a reason.
func checkCartellaMotivo(c *call, x csi.Cartella) {
	if x.DataChiusura == "" {
		if x.MotivoChiusura != "" {
			c.report(fMotivoChiusura, T("the cartella is open (no data_chiusura) but has motivo_chiusura %q", x.MotivoChiusura))
		}
		return
	}
	checkCode(c, 0, fMotivoChiusura, x.MotivoChiusura, true)
}

// checkCartelleAperte reports every open cartella of a person in a Comune
// but the earliest opened.
func checkCartelleAperte(c *call, cs []csi.Cartella) {
	var open []csi.Cartella
	for _, x := range cs {
		if x.DataChiusura == "" {
			open = append(open, x)
		}
	}
	sort.Slice(open, func(i, j int) bool {
		if open[i].DataApertura != open[j].DataApertura {
			return open[i].DataApertura < open[j].DataApertura
		}
		return open[i].ID < open[j].ID
	})
	for _, x := range open[min(1, len(open)):] {
		c.reportOn(x.ID, fDataChiusura, T("cartella %s of the same person is already open in this Comune (since %s)", open[0].ID, open[0].DataApertura))
	}
}

// checkCartellaDeceduto reports an open cartella of a person the registry
// records as dead.
func checkCartellaDeceduto(c *call, x csi.Cartella) {
	if x.DataChiusura == "" && validCF(x.CodiceFiscale) && c.env().Dead(x.CodiceFiscale) {
		c.report(fDataChiusura, T("the cartella is open but the registry records the person as dead (motivo_cancellazione 1 or 2)"))
	}
}

// checkCartellaArea reports an area not in the list.
func checkCartellaArea(c *call, x csi.Cartella) {
	checkCode(c, 0, fArea, x.Area, true)
}
