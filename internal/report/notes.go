package report

import (
	"encoding/json"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// note is one of a result's notes, as its JSON carries them: what a
// result without data is missing (code not_recorded: nothing in the
// register; no_data: no records that year), what it is about and the
// command that records it.
type note struct {
	Code    string `json:"code"`
	Subject string `json:"subject"`
	Command string `json:"command"`
	Message string `json:"message"`
}

// The note codes the report words itself.
const (
	noteNotRecorded = "not_recorded"
	noteNoData      = "no_data"
)

// notesOf reads the notes of a result from its JSON form ("notes": a list
// of notes, or a text), the contract of 'csi indicators show -o json'.
func notesOf(v any) []note {
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var m struct {
		Notes json.RawMessage `json:"notes"`
	}
	if json.Unmarshal(b, &m) != nil || len(m.Notes) == 0 {
		return nil
	}
	var list []note
	if json.Unmarshal(m.Notes, &list) == nil {
		return list
	}
	var text string
	if json.Unmarshal(m.Notes, &text) == nil && text != "" {
		return []note{{Message: text}}
	}
	return nil
}

// noteText says a result's notes in the report's language.
func (w *words) noteText(notes []note) string {
	var s []string
	for _, n := range notes {
		switch n.Code {
		case noteNotRecorded:
			s = append(s, w.p.T("Nothing is recorded for %s in the period: record it with '%s'.", n.Subject, n.Command))
		case noteNoData:
			s = append(s, w.p.T("No records for %s, so its figures are not a finding: load them with '%s'.", n.Subject, n.Command))
		default:
			if n.Message != "" {
				s = append(s, n.Message)
			}
		}
	}
	return strings.Join(s, " ")
}

// notRecorded says whether a result has nothing in its register: a
// not_recorded note, and no count above zero (a withheld one is some).
func notRecorded(notes []note, rows []csi.IndicatorRow) bool {
	found := false
	for _, n := range notes {
		found = found || n.Code == noteNotRecorded
	}
	if !found {
		return false
	}
	for _, r := range rows {
		if len(r.Suppressed) > 0 {
			return false
		}
		for i, k := range r.Keys {
			if structural[k] {
				continue
			}
			switch v := r.Values[i].(type) {
			case int64:
				if v != 0 {
					return false
				}
			case csi.Dec:
				if v.Float() != 0 {
					return false
				}
			}
		}
	}
	return true
}
