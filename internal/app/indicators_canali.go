package app

import (
	"context"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

// canaleRank orders the statuses a channel goes through: sospeso is
// below richiesto, so that resuming a suspended channel strengthens it.
var canaleRank = map[string]int{csi.CanaleSospeso: 0, csi.CanaleRichiesto: 1, csi.CanaleAutorizzato: 2, csi.CanaleInTest: 3, csi.CanaleAttivo: 4}

// statoOn returns the status of c in effect on day ("" before its first).
func statoOn(c csi.Canale, day string) string {
	s := ""
	for _, h := range c.Storia {
		if h.Data <= day {
			s = h.Stato
		}
	}
	return s
}

// canaliInScope returns the channels of the scope: the provincial ones,
// those of its Ambito, and those of its Comune.
func canaliInScope(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope) ([]csi.Canale, error) {
	all, err := r.IndicatorCanali(ctx)
	if err != nil {
		return nil, err
	}
	ambito := sc.Ambito
	if sc.Comune != "" {
		comuni, _, err := r.IndicatorGeography(ctx)
		if err != nil {
			return nil, err
		}
		for _, c := range comuni {
			if c.Istat == sc.Comune {
				ambito = c.Ambito
			}
		}
	}
	var out []csi.Canale
	for _, c := range all {
		if c.Ambito == "" || ambito == "" || (c.Ambito == ambito && (sc.Comune == "" || c.Comune == "" || c.Comune == sc.Comune)) {
			out = append(out, c)
		}
	}
	return out, nil
}

func canaleRow(periodo string, c csi.Canale) *csi.IndicatorRow {
	return (&csi.IndicatorRow{}).Set("periodo", periodo).Set("canale", c.ID).Set("controparte", c.Controparte).
		Set("descrizione", c.Descrizione).Set("ambito", c.Ambito).Set("comune", c.Comune)
}

func totalRow(periodo string) *csi.IndicatorRow {
	return (&csi.IndicatorRow{}).Set("periodo", periodo).Set("canale", nil).Set("controparte", csi.TotalLabel).
		Set("descrizione", "").Set("ambito", "").Set("comune", "")
}

const canaleCommand = "csi canali add --controparte CONTROPARTE --stato richiesto --data YYYY-MM-DD"

func canaliInteroperabilita(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	cs, err := canaliInScope(ctx, r, sc)
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		var aperti, rafforzati int64
		for _, c := range cs {
			if len(c.Storia) == 0 || c.Storia[0].Data > per.End() {
				continue
			}
			inizio := statoOn(c, dayBefore(per.Start()))
			aperto, rafforzato := strengthened(c, per, inizio)
			aperti += aperto
			rafforzati += rafforzato
			out = append(out, *canaleRow(per.Label(), c).Set("stato_inizio", inizio).Set("stato_fine", statoOn(c, per.End())).
				Set("aperto", aperto).Set("rafforzato", rafforzato))
		}
		out = append(out, *totalRow(per.Label()).Set("stato_inizio", "").Set("stato_fine", "").Set("aperto", aperti).Set("rafforzato", rafforzati))
	}
	if len(cs) == 0 {
		res.Notes = append(res.Notes, notRecorded("canali", canaleCommand))
	}
	return out, nil
}

// strengthened says whether c was opened in per (its first status is in
// it) or, existing before with status inizio, reached a later step in it.
func strengthened(c csi.Canale, per indicators.Period, inizio string) (aperto, rafforzato int64) {
	if inizio == "" {
		return 1, 0
	}
	for _, h := range c.Storia {
		if h.Data >= per.Start() && h.Data <= per.End() && canaleRank[h.Stato] > canaleRank[inizio] {
			return 0, 1
		}
	}
	return 0, 0
}

func collegamentiAttivati(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	cs, err := canaliInScope(ctx, r, sc)
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	for _, per := range periods(p) {
		var n int64
		for _, c := range cs {
			first := ""
			for _, h := range c.Storia {
				if h.Stato == csi.CanaleAttivo {
					first = h.Data
					break
				}
			}
			if first == "" || first < per.Start() || first > per.End() {
				continue
			}
			n++
			out = append(out, *canaleRow(per.Label(), c).Set("attivato_il", first).Set("collegamenti", int64(1)))
		}
		out = append(out, *totalRow(per.Label()).Set("attivato_il", "").Set("collegamenti", n))
	}
	if len(cs) == 0 {
		res.Notes = append(res.Notes, notRecorded("canali", canaleCommand))
	}
	return out, nil
}
