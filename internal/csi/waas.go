package csi

import "time"

// The types the WaaS e-service (csi serve --waas, package httpapi) shares
// with the application layer, so that the HTTP layer depends on the
// domain and not on package app.

// WaaSEnte is an ente whose WaaS e-service csi serve hosts: INPS polls its
// flows under its Belfiore code.
type WaaSEnte struct {
	Istat, Belfiore, Denominazione string
}

// SiussEsitoInput is one outcome INPS gave a flow: from an esiti file (a
// web upload's outcomes) or from WaaS's POST /esiti.
type SiussEsitoInput struct {
	IDFlusso       string `json:"id_flusso"`
	Codice         string `json:"codice_esito"`
	Descrizione    string `json:"descrizione_esito"`
	IDAcquisizione string `json:"id_acquisizione_siuss"`
	TSAcquisizione string `json:"ts_acquisizione"`
	// Line is the line of the file it was read from (0 from WaaS).
	Line int `json:"-"`
}

// SiussEsitiResult says what recording a set of outcomes did.
type SiussEsitiResult struct {
	File string `json:"file"`
	// Esiti counts the outcomes read; Registrati those recorded on a flow
	// now, Invariati those received before (nothing to do), Sconosciuti
	// those of flows the register does not have (logged as such).
	Esiti       int      `json:"esiti"`
	Registrati  int      `json:"registrati"`
	Invariati   int      `json:"invariati"`
	Sconosciuti []string `json:"sconosciuti"`
	// PerEsito counts the recorded outcomes by codice_esito.
	PerEsito map[string]int `json:"per_esito"`
}

// WaaSRefusal is a refused call to an ente's e-service (a bad voucher, or
// an address outside the allowed ranges), or a run of them: what the audit
// log records of it, never the voucher.
type WaaSRefusal struct {
	// Belfiore is the ente, Route the endpoint ("waas flussi"), Check the
	// check that failed and Status the answer (401, 403).
	Belfiore, Route, Check string
	Status                 int
	// Source is the caller's address ("" for many addresses at once).
	Source string
	// More, when positive, says this entry stands for that many refusals
	// of the same source and reason within Window after the one audited
	// on its own, instead of one entry each.
	More   int
	Window time.Duration
}

// TSFlusso writes a flow's millisecond timestamp as WaaS's ts_flusso: RFC
// 3339 in UTC with milliseconds.
func TSFlusso(ms int64) string {
	return time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z07:00")
}
