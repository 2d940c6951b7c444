package app

import (
	"context"
	"fmt"
	"time"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/store"
)

var _ csi.ReferenteService = (*Services)(nil)

// AssignReferente makes someone the current referent of an Ambito; with
// Replace, the previous referent's term ends the day before.
func (s *Services) AssignReferente(ctx context.Context, in csi.AssignInput) (*csi.Referente, error) {
	if err := in.Validate(); err != nil {
		return nil, err
	}
	if in.From == "" {
		in.From = s.today()
	}
	var out csi.Referente
	err := s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		r, err := s.planAssign(ctx, tx, in)
		if err != nil {
			return err
		}
		if r.ID, err = tx.InsertReferent(ctx, r); err != nil {
			return err
		}
		out = r
		return tx.AppendAudit(ctx, "ambito "+r.Ambito, fmt.Sprintf("referent %d assigned from %s", r.ID, r.From))
	})
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// planAssign checks the Ambito, the Comune and the current referent, ending
// the latter when asked to replace it.
func (s *Services) planAssign(ctx context.Context, tx store.ComuniTx, in csi.AssignInput) (csi.Referente, error) {
	r := csi.Referente{Nome: in.Nome, Email: in.Email, Phone: in.Phone, From: in.From}
	st, err := tx.State(ctx)
	if err != nil {
		return r, err
	}
	if r.Ambito, err = csi.ResolveAmbito(st.Ambiti, in.Ambito); err != nil {
		return r, err
	}
	if in.Comune != "" {
		c, err := csi.ResolveComune(st.Comuni, in.Comune)
		if err != nil {
			return r, err
		}
		if c.Ambito != r.Ambito {
			return r, csi.Errorf(csi.EINVALID, "%s (%s) belongs to Ambito %s, not %s", c.Nome, c.Istat, c.Ambito, r.Ambito).
				WithHint("give a Comune of Ambito %s, or move it with 'csi comuni update %s --ambito'", r.Ambito, c.Istat)
		}
		r.Comune = c.Istat
	}
	cur, err := tx.CurrentReferent(ctx, r.Ambito)
	if err != nil || cur == nil {
		return r, err
	}
	if !in.Replace {
		return r, csi.Errorf(csi.ECONFLICT, "Ambito %s already has a current referent (since %s)", r.Ambito, cur.From).
			WithHint("pass --replace to end the current term the day before --from, or run 'csi referenti end' first")
	}
	return r, endTerm(ctx, tx, cur, dayBefore(in.From))
}

func dayBefore(d string) string {
	t, _ := time.Parse(csi.DateLayout, d)
	return csi.Day(t.AddDate(0, 0, -1))
}

func endTerm(ctx context.Context, tx store.ComuniTx, cur *csi.Referente, to string) error {
	if to < cur.From {
		return csi.Errorf(csi.EINVALID, "the current referent of %s started on %s, after %s", cur.Ambito, cur.From, to).
			WithHint("give a date after %s", cur.From)
	}
	if err := tx.CloseReferent(ctx, cur.ID, to); err != nil {
		return err
	}
	cur.To = to
	return tx.AppendAudit(ctx, "ambito "+cur.Ambito, fmt.Sprintf("referent %d ended on %s", cur.ID, to))
}

// EndReferente ends the current referent's term of an Ambito on date.
func (s *Services) EndReferente(ctx context.Context, ambito, date string) (*csi.Referente, error) {
	if _, err := csi.ParseDay("--date", date); err != nil {
		return nil, err
	}
	var out *csi.Referente
	err := s.st.ChangeComuni(ctx, func(tx store.ComuniTx) error {
		st, err := tx.State(ctx)
		if err != nil {
			return err
		}
		a, err := csi.ResolveAmbito(st.Ambiti, ambito)
		if err != nil {
			return err
		}
		cur, err := tx.CurrentReferent(ctx, a)
		if err != nil {
			return err
		}
		if cur == nil {
			return csi.Errorf(csi.ENOTFOUND, "Ambito %s has no current referent", a).
				WithHint("run 'csi referenti list --history' to see past terms")
		}
		out = cur
		return endTerm(ctx, tx, cur, date)
	})
	return out, err
}

// ListReferenti returns the current referents, or every term with history.
func (s *Services) ListReferenti(ctx context.Context, history bool) ([]csi.Referente, error) {
	return s.st.LoadReferenti(ctx, history)
}
