package app

import (
	"context"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.IndicatorService = (*Services)(nil)

// ListIndicators returns the catalogue.
func (s *Services) ListIndicators(context.Context) ([]csi.IndicatorDef, error) {
	return indicators.Catalogue(), nil
}

// indicatorFunc computes the rows of one indicator from one snapshot; it
// may fill res.Population.
type indicatorFunc func(ctx context.Context, r store.IndicatorReader, sc store.IndicatorScope, p csi.IndicatorParams, res *csi.IndicatorResult) ([]csi.IndicatorRow, error)

var indicatorFuncs = map[string]indicatorFunc{
	"accessi-segretariato":   accessiSegretariato,
	"cartelle-movimento":     cartelleMovimento,
	"cartelle-popolazione":   cartellePopolazione,
	"comuni-fasce":           comuniFasce,
	"anagrafe-automatica":    anagrafeAutomatica,
	"ambiti-referente":       ambitiReferente,
	"cartelle-aperte-dal":    cartelleAperteDal,
	"cartelle-area":          cartelleArea,
	"giorni-accesso-pic":     giorniAccessoPIC,
	"motivi-chiusura":        motiviChiusura,
	"interventi-prestazione": interventiPrestazione,
	"interventi-misura":      interventiMisura,
	"popolazione":            popolazioneIndicator,
	"debiti-informativi":     debitiInformativi,
}

// ComputeIndicator computes one indicator of the catalogue. Every read
// comes from one snapshot of the store, so the rows, the snapshot and the
// suppression decision agree.
func (s *Services) ComputeIndicator(ctx context.Context, name string, p csi.IndicatorParams) (*csi.IndicatorResult, error) {
	def, err := indicators.Find(name)
	if err != nil {
		return nil, err
	}
	fn := indicatorFuncs[name]
	if fn == nil {
		return nil, csi.Errorf(csi.EINTERNAL, "indicator %s has no implementation", name)
	}
	if p, err = indicators.Normalize(def, p, s.today()); err != nil {
		return nil, err
	}
	var res *csi.IndicatorResult
	err = s.st.ReadIndicators(ctx, func(r store.IndicatorReader) error {
		res, err = s.compute(ctx, r, def, fn, p)
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// compute is ComputeIndicator inside the snapshot r.
func (s *Services) compute(ctx context.Context, r store.IndicatorReader, def csi.IndicatorDef, fn indicatorFunc, p csi.IndicatorParams) (*csi.IndicatorResult, error) {
	comuni, ambiti, err := r.IndicatorGeography(ctx)
	if err != nil {
		return nil, err
	}
	sc, err := resolveIndicatorScope(comuni, ambiti, &p)
	if err != nil {
		return nil, err
	}
	res := &csi.IndicatorResult{Indicator: def.Name, Version: def.Version, Title: def.Title, Params: p,
		GeneratedAt: s.Now().UTC().Format(time.RFC3339), Geography: sc.geography(p.By)}
	if res.Snapshot, err = r.IndicatorRevision(ctx); err != nil {
		return nil, err
	}
	if res.Rows, err = fn(ctx, r, sc.IndicatorScope, p, res); err != nil {
		return nil, err
	}
	if res.Rows == nil {
		res.Rows = []csi.IndicatorRow{}
	}
	if p.SuppressBelow > 1 && len(def.Counts) > 0 {
		w, err := s.decision(ctx, r, comuni, def, fn, p, res.Snapshot.Revision)
		if err != nil {
			return nil, err
		}
		w.Apply(def, p, res.Rows)
	}
	return res, nil
}
