package app

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/store"
)

// SiussEsitoInput is one outcome INPS gave a flow (csi.SiussEsitoInput).
type SiussEsitoInput = csi.SiussEsitoInput

// SiussEsitiResult says what recording a set of outcomes did
// (csi.SiussEsitiResult).
type SiussEsitiResult = csi.SiussEsitiResult

// ImportSiussEsiti reads an esiti file (CSV, or JSON: a list, or WaaS's
// {"elenco_esiti": [...]}) and records its outcomes (RecordSiussEsiti). A
// file with one unusable row is refused whole, naming the line and field.
func (s *Services) ImportSiussEsiti(ctx context.Context, name string, r io.Reader) (*SiussEsitiResult, error) {
	data, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil {
		return nil, csi.Errorf(csi.EBADFILE, "cannot read %s", name).WithHint("check the file name and its permissions")
	}
	var in []SiussEsitoInput
	if t := bytes.TrimLeft(data, "\ufeff \t\r\n"); len(t) > 0 && (t[0] == '[' || t[0] == '{') {
		in, err = parseEsitiJSON(name, t)
	} else {
		in, err = parseEsitiCSV(name, data)
	}
	if err != nil {
		return nil, err
	}
	return s.RecordSiussEsiti(ctx, name, in)
}

// esitiSchema is the CSV layout of an esiti file; the aliases are the
// names INPS's own documents use.
var esitiSchema = dialect.Schema{Kind: "esiti", Columns: []dialect.Column{
	{Name: "id_flusso", Aliases: []string{"idflusso", "flusso"}, Required: true},
	{Name: "codice_esito", Aliases: []string{"esito", "codiceesito"}, Required: true},
	{Name: "descrizione", Aliases: []string{"descrizione_esito"}},
	{Name: "id_acquisizione_siuss", Aliases: []string{"codice_siuss", "id_acquisizione"}},
	{Name: "ts_acquisizione"},
}}

func parseEsitiCSV(name string, data []byte) ([]SiussEsitoInput, error) {
	r, err := dialect.Open(bytes.NewReader(data), esitiSchema, dialect.Options{File: name}, nil)
	if err != nil {
		return nil, badFile(err)
	}
	var out []SiussEsitoInput
	for {
		row, err := r.Next()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, badFile(err)
		}
		in := SiussEsitoInput{IDFlusso: row.Get(0), Codice: strings.ToUpper(row.Get(1)), Descrizione: row.Get(2),
			IDAcquisizione: row.Get(3), TSAcquisizione: row.Get(4), Line: row.Line}
		if err := checkEsito(name, in); err != nil {
			return nil, err
		}
		out = append(out, in)
	}
}

// esitoJSON accepts both spellings INPS uses (OpenAPI and PDF) and ignores
// the keys it does not know.
type esitoJSON struct {
	IDFlusso         string `json:"id_flusso"`
	Codice           string `json:"codice_esito"`
	DescrizioneEsito string `json:"descrizione_esito"`
	Descrizione      string `json:"descrizione"`
	IDAcquisizione   string `json:"id_acquisizione_siuss"`
	CodiceSIUSS      string `json:"codice_siuss"`
	TSAcquisizione   string `json:"ts_acquisizione"`
}

func parseEsitiJSON(name string, data []byte) ([]SiussEsitoInput, error) {
	var list []esitoJSON
	if data[0] == '{' {
		var env struct {
			Elenco []esitoJSON `json:"elenco_esiti"`
		}
		if err := json.Unmarshal(data, &env); err != nil || env.Elenco == nil {
			return nil, badEsitiJSON(name, err)
		}
		list = env.Elenco
	} else if err := json.Unmarshal(data, &list); err != nil {
		return nil, badEsitiJSON(name, err)
	}
	out := make([]SiussEsitoInput, len(list))
	for i, e := range list {
		in := SiussEsitoInput{IDFlusso: strings.TrimSpace(e.IDFlusso), Codice: strings.ToUpper(strings.TrimSpace(e.Codice)),
			Descrizione: firstOf(e.DescrizioneEsito, e.Descrizione), IDAcquisizione: firstOf(e.IDAcquisizione, e.CodiceSIUSS),
			TSAcquisizione: e.TSAcquisizione, Line: i + 1}
		if err := checkEsito(name, in); err != nil {
			return nil, err
		}
		out[i] = in
	}
	return out, nil
}

func badEsitiJSON(name string, err error) error {
	detail := "no elenco_esiti list"
	if err != nil {
		detail = err.Error()
	}
	return csi.Errorf(csi.EBADFILE, "%s is not an esiti file: %s", name, detail).
		WithHint("give a CSV with id_flusso;codice_esito;descrizione;id_acquisizione_siuss, or JSON as INPS posts it ({\"elenco_esiti\": [...]})")
}

func firstOf(a, b string) string {
	if a = strings.TrimSpace(a); a != "" {
		return a
	}
	return strings.TrimSpace(b)
}

// checkEsito refuses an outcome without a flow id or with an unknown code;
// line counts the header of a CSV as line 1, the entries of a JSON list
// from 1.
func checkEsito(name string, in SiussEsitoInput) error {
	where := fmt.Sprintf("%s: line %d", name, in.Line)
	if in.Line > 0 && strings.HasSuffix(strings.ToLower(name), ".json") {
		where = fmt.Sprintf("%s: entry %d", name, in.Line)
	}
	switch {
	case in.IDFlusso == "":
		return csi.Errorf(csi.EBADFILE, "%s: column \"id_flusso\": empty", where).
			WithHint("every outcome names its flow, e.g. F704.PS.20240630.0000001; nothing was recorded")
	case !knownEsito(in.Codice):
		return csi.Errorf(csi.EBADFILE, "%s: column \"codice_esito\": %q is not an outcome", where, in.Codice).
			WithHint("INPS's outcomes are OK, DATI_NON_TROVATI, RICHIESTA_INVALIDA and ERRORE_GENERICO; nothing was recorded")
	}
	return nil
}

// RecordSiussEsiti records outcomes in one transaction: each one is logged
// once (the same outcome received again changes nothing), set on its flow
// when the register has it, and logged as an outcome of an unknown flow
// otherwise. Every outcome recorded gets an audit entry.
func (s *Services) RecordSiussEsiti(ctx context.Context, fonte string, in []SiussEsitoInput) (*SiussEsitiResult, error) {
	res := &SiussEsitiResult{File: fonte, Esiti: len(in), Sconosciuti: []string{}, PerEsito: map[string]int{}}
	for _, e := range in {
		if err := checkEsito(fonte, e); err != nil {
			return nil, err
		}
	}
	at := s.Now().UTC().Format(time.RFC3339)
	err := s.st.ChangeSiuss(ctx, func(tx store.SiussTx) error { return recordEsiti(ctx, tx, "", fonte, at, in, res) })
	if err != nil {
		return nil, err
	}
	return res, nil
}

// recordEsiti records outcomes in the transaction tx, in a fixed number of
// statements whatever their number: the flows' states in one read, the
// outcomes logged in one batch, the flows' new states in one, and one
// audit entry per outcome recorded, chained in one batch. Only the flows
// whose id starts with own are the register's (own "" for every flow): an
// outcome of another is one of a flow the register does not know. The
// outcomes apply in order, as if one after the other: the second outcome
// of a flow in the same batch finds the state the first one set.
func recordEsiti(ctx context.Context, tx store.SiussTx, own, fonte, at string, in []SiussEsitoInput, res *SiussEsitiResult) error {
	var ids []string
	for _, e := range in {
		if strings.HasPrefix(e.IDFlusso, own) {
			ids = append(ids, e.IDFlusso)
		}
	}
	state := map[string]string{}
	if len(ids) > 0 {
		var err error
		if state, err = tx.FlowStates(ctx, ids); err != nil {
			return err
		}
	}
	logged := make([]store.SiussEsito, len(in))
	for i, e := range in {
		_, noto := state[e.IDFlusso]
		logged[i] = store.SiussEsito{IDFlusso: e.IDFlusso, Codice: e.Codice, Descrizione: e.Descrizione,
			IDAcquisizione: e.IDAcquisizione, TSAcquisizione: e.TSAcquisizione, Fonte: fonte, Noto: noto, ReceivedAt: at}
	}
	fresh, err := tx.InsertEsiti(ctx, logged)
	if err != nil {
		return err
	}
	var audits []store.AuditItem
	outcome := map[string]store.SiussOutcome{}
	var order []string
	for i, e := range in {
		was, noto := state[e.IDFlusso]
		switch {
		case !fresh[i]:
			res.Invariati++
			continue
		case !noto:
			res.Sconosciuti = append(res.Sconosciuti, e.IDFlusso)
			audits = append(audits, store.AuditItem{Target: "siuss flusso " + e.IDFlusso,
				Summary: fmt.Sprintf("esito %s for a flow not in the register, from %s", e.Codice, fonte)})
			continue
		}
		res.Registrati++
		res.PerEsito[e.Codice]++
		if _, ok := outcome[e.IDFlusso]; !ok {
			order = append(order, e.IDFlusso)
		}
		outcome[e.IDFlusso] = store.SiussOutcome{Stato: e.Codice, Esito: e.Descrizione, IDAcquisizione: e.IDAcquisizione, At: at}
		state[e.IDFlusso] = e.Codice
		summary := fmt.Sprintf("esito %s (was %s) from %s", e.Codice, was, fonte)
		if e.IDAcquisizione != "" {
			summary += ", acquisizione " + e.IDAcquisizione
		}
		audits = append(audits, store.AuditItem{Target: "siuss flusso " + e.IDFlusso, Summary: summary})
	}
	if len(order) > 0 {
		os := make([]store.SiussOutcome, len(order))
		for i, id := range order {
			os[i] = outcome[id]
		}
		if err := tx.SetOutcomes(ctx, order, os); err != nil {
			return err
		}
	}
	if len(audits) == 0 {
		return nil
	}
	return tx.AppendAudits(ctx, audits)
}
