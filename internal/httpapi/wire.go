package httpapi

import "github.com/csi-mb/csi/internal/csi"

// The wire form of every parameter set of the API, each defined once: the
// client encodes with these codecs and conversions, the server decodes
// with them, and the routes' query whitelists are the codecs' names
// (TestWireParams checks that the two ends agree).

// uploadWire is what every import sends besides its request: the file's
// name and whether the rejected rows should come back.
type uploadWire struct {
	File    string
	Rejects bool
}

// uploadFields are the query parameters every import shares.
func uploadFields[P any](opts func(*P) *csi.ImportOptions, up func(*P) *uploadWire) []field[P] {
	return newCodec(
		fileParam("file", func(p *P) *string { return &up(p).File }),
		flagParam("dry_run", func(p *P) *bool { return &opts(p).DryRun }),
		textParam("encoding", func(p *P) *string { return &opts(p).Encoding }),
		textParam("delimiter", func(p *P) *string { return &opts(p).Delimiter }),
		objectParam("map", func(p *P) *map[string]string { return &opts(p).Map }),
		flagParam("rejects", func(p *P) *bool { return &up(p).Rejects }),
	).fields
}

// anagrafeImportWire is the query of a registry import.
type anagrafeImportWire struct {
	Req    csi.AnagrafeImport
	Upload uploadWire
}

// recordsImportWire is the query of a records import (the kind is in the path).
type recordsImportWire struct {
	Req    csi.RecordImport
	Upload uploadWire
}

// residentsWire is the query of the residents route (count: only how many).
type residentsWire struct {
	Comune, At string
	Count      bool
}

// The wire parameters of one value each.
type (
	historyWire struct{ History bool }
	comuneWire  struct{ Comune string }
	sinceWire   struct{ Since string }
)

// The query codecs of the routes that take a query.
var (
	comuniListQuery = newCodec(
		textParam("ambito", func(f *csi.ComuneFilter) *string { return &f.Ambito }),
		textParam("status", func(f *csi.ComuneFilter) *string { return &f.Status }))
	referentiListQuery  = newCodec(flagParam("history", func(p *historyWire) *bool { return &p.History }))
	anagrafeImportQuery = newCodec(
		textParam("comune", func(p *anagrafeImportWire) *string { return &p.Req.Comune }),
		textParam("mode", func(p *anagrafeImportWire) *string { return &p.Req.Mode }),
		textParam("as_of", func(p *anagrafeImportWire) *string { return &p.Req.AsOf }),
		flagParam("allow_mass_exit", func(p *anagrafeImportWire) *bool { return &p.Req.AllowMassExit }),
		flagParam("force", func(p *anagrafeImportWire) *bool { return &p.Req.Force }),
		uploadFields(func(p *anagrafeImportWire) *csi.ImportOptions { return &p.Req.ImportOptions },
			func(p *anagrafeImportWire) *uploadWire { return &p.Upload }))
	recordsImportQuery = newCodec(uploadFields(func(p *recordsImportWire) *csi.ImportOptions { return &p.Req.ImportOptions },
		func(p *recordsImportWire) *uploadWire { return &p.Upload }))
	revertQuery    = newCodec(flagParam("dry_run", func(r *csi.RevertRequest) *bool { return &r.DryRun }))
	importsQuery   = newCodec(textParam("comune", func(p *comuneWire) *string { return &p.Comune }))
	residentsQuery = newCodec(
		textParam("comune", func(p *residentsWire) *string { return &p.Comune }),
		textParam("at", func(p *residentsWire) *string { return &p.At }),
		flagParam("count", func(p *residentsWire) *bool { return &p.Count }))
	validationQuery = newCodec(
		textParam("ambito", func(r *csi.ValidationRequest) *string { return &r.Scope.Ambito }),
		textParam("comune", func(r *csi.ValidationRequest) *string { return &r.Scope.Comune }),
		textParam("ruleset", func(r *csi.ValidationRequest) *string { return &r.Ruleset }))
	indicatorQuery = newCodec(
		listParam("period", func(p *csi.IndicatorParams) *[]string { return &p.Period }),
		numberParam("year", func(p *csi.IndicatorParams) *int { return &p.Year }),
		textParam("at", func(p *csi.IndicatorParams) *string { return &p.At }),
		textParam("since", func(p *csi.IndicatorParams) *string { return &p.Since }),
		numberParam("days", func(p *csi.IndicatorParams) *int { return &p.Days }),
		textParam("by", func(p *csi.IndicatorParams) *string { return &p.By }),
		textParam("ambito", func(p *csi.IndicatorParams) *string { return &p.Ambito }),
		textParam("comune", func(p *csi.IndicatorParams) *string { return &p.Comune }),
		numberParam("suppress_below", func(p *csi.IndicatorParams) *int { return &p.SuppressBelow }))
	auditQuery = newCodec(textParam("since", func(p *sinceWire) *string { return &p.Since }))
)

// Request bodies: the wire form of the service inputs, snake_case like
// every JSON key of csi. Each has its conversion from the input (the
// client's) and back (the server's) here, side by side; a value in the
// path (the Comune's ref) travels there instead.

type onboardBody struct {
	Anagrafe string `json:"anagrafe"`
	Date     string `json:"date"`
	Contact  string `json:"contact"`
}

func onboardWire(in csi.OnboardInput) onboardBody {
	return onboardBody{Anagrafe: in.Anagrafe, Date: in.Date, Contact: in.Contact}
}

func (b onboardBody) input(ref string) csi.OnboardInput {
	return csi.OnboardInput{Comune: ref, Anagrafe: b.Anagrafe, Date: b.Date, Contact: b.Contact}
}

type addComuniBody struct {
	File   string          `json:"file"`
	Rows   []csi.ComuneAdd `json:"rows"`
	DryRun bool            `json:"dry_run"`
}

func addComuniWire(in csi.AddComuniInput) addComuniBody {
	return addComuniBody{File: in.File, Rows: in.Rows, DryRun: in.DryRun}
}

func (b addComuniBody) input() csi.AddComuniInput {
	return csi.AddComuniInput{File: b.File, Rows: b.Rows, DryRun: b.DryRun}
}

// onboardingsBody is many onboardings: each an onboardBody with its Comune.
type onboardingsBody struct {
	Comuni []onboardingBody `json:"comuni"`
}

type onboardingBody struct {
	Comune string `json:"comune"`
	onboardBody
}

func onboardingsWire(ins []csi.OnboardInput) onboardingsBody {
	b := onboardingsBody{Comuni: make([]onboardingBody, len(ins))}
	for i, in := range ins {
		b.Comuni[i] = onboardingBody{Comune: in.Comune, onboardBody: onboardWire(in)}
	}
	return b
}

func (b onboardingsBody) inputs() []csi.OnboardInput {
	out := make([]csi.OnboardInput, len(b.Comuni))
	for i, c := range b.Comuni {
		out[i] = c.input(c.Comune)
	}
	return out
}

type updateBody struct {
	Ambito   *string `json:"ambito"`
	Anagrafe *string `json:"anagrafe"`
	Contact  *string `json:"contact"`
	Status   *string `json:"status"`
	Date     string  `json:"date"`
}

func updateWire(in csi.ComuneUpdate) updateBody {
	return updateBody{Ambito: in.Ambito, Anagrafe: in.Anagrafe, Contact: in.Contact, Status: in.Status, Date: in.Date}
}

func (b updateBody) input(ref string) csi.ComuneUpdate {
	return csi.ComuneUpdate{Comune: ref, Ambito: b.Ambito, Anagrafe: b.Anagrafe, Contact: b.Contact, Status: b.Status, Date: b.Date}
}

type dateBody struct {
	Date string `json:"date"`
}

type assignBody struct {
	Ambito  string `json:"ambito"`
	Nome    string `json:"nome"`
	Email   string `json:"email"`
	Phone   string `json:"phone"`
	Comune  string `json:"comune"`
	From    string `json:"from"`
	Replace bool   `json:"replace"`
}

func assignWire(in csi.AssignInput) assignBody {
	return assignBody{Ambito: in.Ambito, Nome: in.Nome, Email: in.Email, Phone: in.Phone, Comune: in.Comune, From: in.From, Replace: in.Replace}
}

func (b assignBody) input() csi.AssignInput {
	return csi.AssignInput{Ambito: b.Ambito, Nome: b.Nome, Email: b.Email, Phone: b.Phone, Comune: b.Comune, From: b.From, Replace: b.Replace}
}

type endBody struct {
	Ambito string `json:"ambito"`
	Date   string `json:"date"`
}

type historyBody struct {
	CodiceFiscale string `json:"codice_fiscale"`
}

type countBody struct {
	Count int `json:"count"`
}
