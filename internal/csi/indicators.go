package csi

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Geography levels an indicator can be broken down by.
const (
	ByComune    = "comune"
	ByAmbito    = "ambito"
	ByProvincia = "provincia"
)

// Population sources of a row, as printed in every output.
const (
	PopAnagrafe  = "anagrafe"
	PopReference = "riferimento ISTAT 1/1/2020"
	PopMixed     = "mista"
	ProvinceCode = "MB"
	ProvinceName = "Monza e Brianza"
	TotalLabel   = "Totale"
)

// IndicatorDef is one entry of the indicator catalogue: a named, versioned
// computation. Params lists the parameters it takes (period, year, at,
// since, days, by); Counts lists the row keys that count people or records
// and so fall under --suppress-below.
type IndicatorDef struct {
	Name       string   `json:"name"`
	Version    string   `json:"version"`
	Title      string   `json:"title"`
	Definition string   `json:"definition"`
	Source     string   `json:"source"`
	Params     []string `json:"params"`
	By         []string `json:"by"`
	Columns    []string `json:"columns"`
	Counts     []string `json:"counts"`
	// Derived maps a percentage key to the count it is computed from: it is
	// suppressed with that count.
	Derived map[string]string `json:"-"`
	// UsesPopulation says whether the result has a population denominator.
	UsesPopulation bool `json:"uses_population"`
	// Percent is the key a terminal bar chart is drawn from, if any.
	Percent string `json:"-"`
	// Group is the plan's family of the indicator (GroupStatoArte,
	// GroupInput, GroupProcesso, GroupOutput, GroupOutcome or GroupAnalisi).
	Group string `json:"group"`
	// Periods are the default periods when --period is not given (nil:
	// the seed's 2015-2017 and 2018-2020).
	Periods []string `json:"default_period,omitempty"`
}

// Groups of the catalogue, in the order of the plan: the published tables
// of its "stato dell'arte", then its input, process, output and outcome
// indicators, then the further analyses csi offers.
const (
	GroupStatoArte = "stato_arte"
	GroupInput     = "input"
	GroupProcesso  = "processo"
	GroupOutput    = "output"
	GroupOutcome   = "outcome"
	GroupAnalisi   = "analisi"
)

// IndicatorGroups are the groups in catalogue order.
var IndicatorGroups = []string{GroupStatoArte, GroupInput, GroupProcesso, GroupOutput, GroupOutcome, GroupAnalisi}

// IndicatorNote says why a result has nothing to show, and what to do:
// Code is stable (NoteNotRecorded), Subject names what is missing (an
// event type, "operatori", "canali"), Command the command that records it.
type IndicatorNote struct {
	Code    string `json:"code"`
	Subject string `json:"subject"`
	Command string `json:"command"`
	Message string `json:"message"`
}

// NoteNotRecorded is the note of a process indicator whose register holds
// nothing for the period and scope.
const NoteNotRecorded = "not_recorded"

// NoteNoData is the note of a year for which the store holds no records:
// its zeros say nothing about the year.
const NoteNoData = "no_data"

// IndicatorParams are the parameters of one computation. Only the ones the
// indicator takes are set in a result (defaults filled).
type IndicatorParams struct {
	Period        []string `json:"period,omitempty"`
	Year          int      `json:"year,omitempty"`
	At            string   `json:"at,omitempty"`
	Since         string   `json:"since,omitempty"`
	Days          int      `json:"days,omitempty"`
	By            string   `json:"by,omitempty"`
	Ambito        string   `json:"ambito,omitempty"`
	Comune        string   `json:"comune,omitempty"`
	SuppressBelow int      `json:"suppress_below,omitempty"`
}

// Snapshot identifies the state of the store an indicator was computed on:
// every change of data is either an import (recorded in imports) or an
// audited change (recorded in the audit log), so two results with the same
// revision were computed on the same data.
type Snapshot struct {
	LastImportID int64  `json:"last_import_id"`
	LastAuditID  int64  `json:"last_audit_id"`
	Revision     string `json:"revision"`
}

// NewSnapshot builds a snapshot from the last import and audit ids.
func NewSnapshot(importID, auditID int64) Snapshot {
	return Snapshot{LastImportID: importID, LastAuditID: auditID, Revision: fmt.Sprintf("i%d.a%d", importID, auditID)}
}

// PopulationInfo says where the denominators of a result come from.
type PopulationInfo struct {
	Date              string `json:"date"`
	Source            string `json:"source"`
	ComuniAnagrafe    int    `json:"comuni_anagrafe"`
	ComuniRiferimento int    `json:"comuni_riferimento"`
}

// IndicatorResult is one computed indicator, in every output format.
type IndicatorResult struct {
	Indicator   string          `json:"indicator"`
	Version     string          `json:"version"`
	Title       string          `json:"title"`
	Params      IndicatorParams `json:"params"`
	GeneratedAt string          `json:"generated_at"`
	Snapshot    Snapshot        `json:"snapshot"`
	Geography   string          `json:"geography"`
	Population  *PopulationInfo `json:"population,omitempty"`
	Rows        []IndicatorRow  `json:"rows"`
	// Notes say what a result without data is missing (see IndicatorNote).
	Notes []IndicatorNote `json:"notes,omitempty"`
}

// IndicatorService computes the indicators of the catalogue in the store.
type IndicatorService interface {
	ListIndicators(ctx context.Context) ([]IndicatorDef, error)
	ComputeIndicator(ctx context.Context, name string, p IndicatorParams) (*IndicatorResult, error)
}

// Dec is a decimal number kept as its text ("1.01"), so that a percentage
// keeps its two decimals in JSON and tables alike.
type Dec string

// DecOf formats f with the given number of decimals.
func DecOf(f float64, places int) Dec { return Dec(strconv.FormatFloat(f, 'f', places, 64)) }

// Float returns the value of d.
func (d Dec) Float() float64 {
	f, _ := strconv.ParseFloat(string(d), 64)
	return f
}

// MarshalJSON writes d as a JSON number.
func (d Dec) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return []byte(d), nil
}

// IndicatorRow is one flat row of a result, its keys in column order. A
// value is a string, an int64, a Dec, a bool or nil; Suppressed lists the
// keys whose value was withheld by --suppress-below (their value is nil),
// and Complementary those of them withheld not for being small but so that
// no small count can be worked out from the others. Geo names the
// geography the counts are about ("comune:108028", "ambito:Desio",
// "provincia:MB"), for suppression; it is not written out.
type IndicatorRow struct {
	Keys          []string
	Values        []any
	Suppressed    []string
	Complementary []string
	Geo           string
}

// Set appends a key and its value.
func (r *IndicatorRow) Set(key string, v any) *IndicatorRow {
	r.Keys = append(r.Keys, key)
	r.Values = append(r.Values, v)
	return r
}

// Get returns the value of key, or nil.
func (r IndicatorRow) Get(key string) any {
	for i, k := range r.Keys {
		if k == key {
			return r.Values[i]
		}
	}
	return nil
}

// Int returns the value of key as an int64 (0 when absent or not a count).
func (r IndicatorRow) Int(key string) int64 {
	switch v := r.Get(key).(type) {
	case int64:
		return v
	case Dec:
		return int64(v.Float())
	}
	return 0
}

// Str returns the value of key as a string.
func (r IndicatorRow) Str(key string) string {
	if s, ok := r.Get(key).(string); ok {
		return s
	}
	return ""
}

// IsComplementary says whether key was withheld to protect another count.
func (r IndicatorRow) IsComplementary(key string) bool {
	for _, k := range r.Complementary {
		if k == key {
			return true
		}
	}
	return false
}

// IsSuppressed says whether key was withheld.
func (r IndicatorRow) IsSuppressed(key string) bool {
	for _, k := range r.Suppressed {
		if k == key {
			return true
		}
	}
	return false
}

// MarshalJSON writes the row as an object with its keys in order, then
// "suppressed" when some value was withheld and "complementary" when some
// was withheld to protect another.
func (r IndicatorRow) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range r.Keys {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := encodePlain(&b, k); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := encodePlain(&b, r.Values[i]); err != nil {
			return nil, err
		}
	}
	if len(r.Suppressed) > 0 {
		b.WriteString(`,"suppressed":`)
		if err := encodePlain(&b, r.Suppressed); err != nil {
			return nil, err
		}
	}
	if len(r.Complementary) > 0 {
		b.WriteString(`,"complementary":`)
		if err := encodePlain(&b, r.Complementary); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// encodePlain writes v as JSON without escaping <, > and & (the fasce read
// "<1%"), and without the encoder's trailing newline.
func encodePlain(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1)
	return nil
}

// UnmarshalJSON reads a row written by MarshalJSON, keeping the key order;
// integers become int64 and other numbers Dec.
func (r *IndicatorRow) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("indicator row: want an object")
	}
	*r = IndicatorRow{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return err
		}
		if key == "suppressed" {
			if err := json.Unmarshal(raw, &r.Suppressed); err != nil {
				return err
			}
			continue
		}
		if key == "complementary" {
			if err := json.Unmarshal(raw, &r.Complementary); err != nil {
				return err
			}
			continue
		}
		v, err := decodeValue(raw)
		if err != nil {
			return err
		}
		r.Set(key, v)
	}
	_, err := dec.Token()
	return err
}

func decodeValue(raw json.RawMessage) (any, error) {
	d := json.NewDecoder(bytes.NewReader(raw))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	if n, ok := v.(json.Number); ok {
		if !strings.ContainsAny(string(n), ".eE") {
			return n.Int64()
		}
		return Dec(n), nil
	}
	return v, nil
}
