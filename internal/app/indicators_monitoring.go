package app

import (
	"context"
	"fmt"
	"slices"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

// The indicators over the process registers: events, operator accounts
// and channels, read whole from the snapshot and counted here.

func init() {
	for name, fn := range map[string]indicatorFunc{
		"operatori-attivi":        operatoriAttivi,
		"incontri-istituzionali":  incontriIstituzionali,
		"corsi-formazione":        corsiFormazione,
		"canali-interoperabilita": canaliInteroperabilita,
		"formazione-debiti":       eventCounter(csi.EventoFormazioneDebiti),
		"tavoli-linee-guida":      eventCounter(csi.EventoTavoloLineeGuida),
		"collegamenti-attivati":   collegamentiAttivati,
		"utilizzo-csi":            utilizzoCSI,
		"utilizzo-fasce":          utilizzoFasce,
	} {
		indicatorFuncs[name] = fn
	}
}

// notRecorded is the note of a register with nothing for the period and scope.
func notRecorded(subject, command string) csi.IndicatorNote {
	return csi.IndicatorNote{Code: csi.NoteNotRecorded, Subject: subject, Command: command,
		Message: fmt.Sprintf("nothing recorded: no %s in the period and scope; record them with '%s'", subject, command)}
}

// eventCommand is how events of a type are recorded.
func eventCommand(tipo string) string {
	return fmt.Sprintf("csi eventi add --tipo %s --data YYYY-MM-DD --ambito AMBITO --partecipanti N", tipo)
}

// geo is one row's geography and whether an event's places involve it.
type geo struct {
	level, code, name string
	involves          func(ambiti, comuni []string) bool
}

// geos returns the geographies of the scope's levels, in the order of the
// Count methods: level by level, within a level by Ambito then name.
func geos(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope) ([]geo, error) {
	comuni, ambiti, err := r.IndicatorGeography(ctx)
	if err != nil {
		return nil, err
	}
	var out []geo
	for _, level := range sc.Levels() {
		switch level {
		case csi.ByComune:
			out = append(out, comuneGeos(comuni, sc)...)
		case csi.ByAmbito:
			for _, a := range ambiti {
				if (sc.Ambito == "" || a == sc.Ambito) && sc.Comune == "" {
					out = append(out, geo{level: level, code: a, name: a,
						involves: func(as, _ []string) bool { return slices.Contains(as, a) }})
				}
			}
		default:
			out = append(out, geo{level: level, code: csi.ProvinceCode, name: "Provincia di " + csi.ProvinceName,
				involves: func([]string, []string) bool { return true }})
		}
	}
	return out, nil
}

func comuneGeos(comuni []csi.Comune, sc store.IndicatorScope) []geo {
	cs := slices.Clone(comuni)
	slices.SortStableFunc(cs, func(a, b csi.Comune) int {
		if a.Ambito != b.Ambito {
			return compareStr(a.Ambito, b.Ambito)
		}
		return compareStr(a.Nome, b.Nome)
	})
	var out []geo
	for _, c := range cs {
		if (sc.Comune != "" && c.Istat != sc.Comune) || (sc.Ambito != "" && c.Ambito != sc.Ambito) {
			continue
		}
		out = append(out, geo{level: csi.ByComune, code: c.Istat, name: c.Nome, involves: func(as, cs []string) bool {
			return slices.Contains(cs, c.Istat) || (len(cs) == 0 && slices.Contains(as, c.Ambito))
		}})
	}
	return out
}

func compareStr(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func (g geo) row(periodo string) *csi.IndicatorRow {
	row := &csi.IndicatorRow{Geo: indicators.GeoKey(g.level, g.code)}
	return row.Set("periodo", periodo).Set("livello", g.level).Set("codice", g.code).Set("nome", g.name)
}

// eventTally is what one geography's events of a period add up to.
type eventTally struct {
	n, partecipanti, accreditati int64
	ruoli                        map[string]int64
}

// tallyEvents counts, per geography and period, the events of the types
// given; it reports whether the scope has any event of those types at all.
func tallyEvents(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, tipo string,
	each func(per indicators.Period, g geo, t eventTally)) (bool, error) {
	evs, err := r.IndicatorEventi(ctx)
	if err != nil {
		return false, err
	}
	gs, err := geos(ctx, r, sc)
	if err != nil {
		return false, err
	}
	any := false
	for _, per := range periods(p) {
		for _, g := range gs {
			t := eventTally{ruoli: map[string]int64{}}
			for _, e := range evs {
				if e.Tipo != tipo || e.Data < per.Start() || e.Data > per.End() || !g.involves(e.Ambiti, e.Comuni) {
					continue
				}
				t.n++
				t.partecipanti += int64(e.Partecipanti)
				if e.Accreditamento != "" {
					t.accreditati++
				}
				for role, n := range e.PerRuolo {
					t.ruoli[role] += int64(n)
				}
			}
			any = any || t.n > 0
			each(per, g, t)
		}
	}
	return any, nil
}

// eventCounter is the indicator of the events of one type: meetings and participants.
func eventCounter(tipo string) indicatorFunc {
	return func(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
		var out []csi.IndicatorRow
		found, err := tallyEvents(ctx, r, sc, p, tipo, func(per indicators.Period, g geo, t eventTally) {
			out = append(out, *g.row(per.Label()).Set("incontri", t.n).Set("partecipanti", t.partecipanti))
		})
		if !found {
			res.Notes = append(res.Notes, notRecorded(tipo, eventCommand(tipo)))
		}
		return out, err
	}
}

func incontriIstituzionali(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var out []csi.IndicatorRow
	tipo := csi.EventoIncontroIstituzionale
	found, err := tallyEvents(ctx, r, sc, p, tipo, func(per indicators.Period, g geo, t eventTally) {
		row := g.row(per.Label()).Set("incontri", t.n).Set("partecipanti", t.partecipanti)
		for _, role := range []string{"politici", "dirigenti", "posizioni_organizzative"} {
			row.Set(role, t.ruoli[role])
		}
		out = append(out, *row)
	})
	if !found {
		res.Notes = append(res.Notes, notRecorded(tipo, eventCommand(tipo)))
	}
	return out, err
}

func corsiFormazione(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	var as, amm []eventTally
	foundAS, err := tallyEvents(ctx, r, sc, p, csi.EventoCorsoAssistenti, func(_ indicators.Period, _ geo, t eventTally) { as = append(as, t) })
	if err != nil {
		return nil, err
	}
	var out []csi.IndicatorRow
	i := 0
	foundAmm, err := tallyEvents(ctx, r, sc, p, csi.EventoCorsoAmministrativi, func(per indicators.Period, g geo, t eventTally) {
		amm = append(amm, t)
		out = append(out, *g.row(per.Label()).Set("corsi_assistenti_sociali", as[i].n).Set("accreditati", as[i].accreditati).
			Set("partecipanti_assistenti_sociali", as[i].partecipanti).Set("corsi_amministrativi", t.n).
			Set("partecipanti_amministrativi", t.partecipanti))
		i++
	})
	if !foundAS {
		res.Notes = append(res.Notes, notRecorded(csi.EventoCorsoAssistenti, eventCommand(csi.EventoCorsoAssistenti)))
	}
	if !foundAmm {
		res.Notes = append(res.Notes, notRecorded(csi.EventoCorsoAmministrativi, eventCommand(csi.EventoCorsoAmministrativi)))
	}
	return out, err
}

func operatoriAttivi(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error) {
	gs, err := geos(ctx, r, sc)
	if err != nil {
		return nil, err
	}
	comuni, _, err := r.IndicatorGeography(ctx)
	if err != nil {
		return nil, err
	}
	ambitoOf := map[string]string{}
	for _, c := range comuni {
		ambitoOf[c.Istat] = c.Ambito
	}
	var out []csi.IndicatorRow
	imported := false
	for _, per := range periods(p) {
		acc, any, err := r.OperatoriAccessi(ctx, per.Start(), per.End())
		if err != nil {
			return nil, err
		}
		imported = imported || any
		for _, g := range gs {
			codes, withOps := map[string]bool{}, map[string]bool{}
			for _, a := range acc {
				if g.involves([]string{ambitoOf[a.Comune]}, []string{a.Comune}) {
					codes[a.Codice], withOps[a.Comune] = true, true
				}
			}
			out = append(out, *g.row(per.Label()).Set("operatori_attivi", int64(len(codes))).Set("comuni_con_operatori", int64(len(withOps))))
		}
	}
	if !imported {
		res.Notes = append(res.Notes, notRecorded("operatori", "csi operatori import FILE"))
	}
	return out, nil
}
