package i18n

// italianWaaS holds the Italian text of csi serve --waas: the WaaS
// e-service from which INPS collects the SIUSS flows.
var italianWaaS = map[string]string{
	// serve_waas.go
	"also publish the WaaS e-service from which INPS collects the SIUSS flows":                          "pubblica anche l'e-service WaaS da cui l'INPS preleva i flussi SIUSS",
	"Comune whose e-service is hosted, ISTAT code or name (repeatable; default every onboarded Comune)": "Comune di cui si ospita l'e-service, codice ISTAT o nome (ripetibile; predefinito: tutti i Comuni attivati)",
	"base path of each ente's e-service; {Belfiore} is the ente's Belfiore code":                        "percorso di base dell'e-service di ogni ente; {Belfiore} è il codice Belfiore dell'ente",
	"PDND's key set (JWKS file) that signs the vouchers; reloaded on SIGHUP":                            "insieme delle chiavi PDND (file JWKS) che firmano i voucher; si ricarica con SIGHUP",
	"audience of the e-service on PDND: AUD for every ente, or ENTE=AUD for one (repeatable)":           "audience dell'e-service su PDND: AUD per tutti gli enti, oppure ENTE=AUD per uno solo (ripetibile)",
	"issuer of the PDND vouchers, e.g. interop.pagopa.it":                                               "emittente dei voucher PDND, ad esempio interop.pagopa.it",
	"purposeId INPS's vouchers may carry (repeatable)":                                                  "purposeId (finalità) ammesso nei voucher dell'INPS (ripetibile)",
	"address range (CIDR) that may call the e-service, e.g. INPS's (repeatable; default any)":           "intervallo di indirizzi (CIDR) da cui si può chiamare l'e-service, ad esempio quelli dell'INPS (ripetibile; predefinito: qualsiasi)",
}

func init() { merge("italianWaaS", italianWaaS) }
