package app

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/dialect"
	"github.com/csi-mb/csi/internal/store"
)

// OperatoreCode is the pseudonym an operator account is stored under: the
// platform's id may be a person's name (mario.rossi), which csi neither
// stores nor prints. The same id always gives the same code.
func OperatoreCode(id string) string {
	sum := sha256.Sum256([]byte("csi-operatore:" + strings.ToLower(strings.TrimSpace(id))))
	return "op-" + hex.EncodeToString(sum[:6])
}

// ImportOperatori replaces the list of operator accounts (of the whole
// province, or of in.Ambito) with the file's, all or nothing: when any row
// is rejected nothing is written. Each account's last access is kept
// after the list is replaced, for the operators active in a period.
func (s *Services) ImportOperatori(ctx context.Context, in csi.ImportOperatoriInput) (*csi.ImportOperatoriResult, error) {
	res := &csi.ImportOperatoriResult{File: in.File, Scope: "provincia", Rejects: []csi.AddReject{}, DryRun: in.DryRun}
	if len(in.Rows) == 0 {
		return nil, csi.Errorf(csi.EBADFILE, "%s holds no operator: an empty list would remove every account", in.File).
			WithHint("export the platform's list of user accounts with one row per account")
	}
	today := s.today()
	err := s.st.ChangeMonitoring(ctx, func(tx store.MonitoringTx) error {
		st, err := tx.ComuniState(ctx)
		if err != nil {
			return err
		}
		p := &operatorPlan{st: st, seen: map[string]int{}, today: today}
		if in.Ambito != "" {
			if p.ambito, err = csi.ResolveAmbito(st.Ambiti, in.Ambito); err != nil {
				return err
			}
			res.Scope = "ambito " + p.ambito
		}
		for _, r := range in.Rows {
			p.row(r)
		}
		res.Rejects, res.After = p.rejects, len(p.ops)
		if res.Rejects == nil {
			res.Rejects = []csi.AddReject{}
		}
		current, err := tx.Operatori(ctx)
		if err != nil {
			return err
		}
		for _, o := range current {
			if p.ambito == "" || o.Ambito == p.ambito {
				res.Before++
			}
		}
		if in.DryRun || len(p.rejects) > 0 {
			return nil
		}
		return s.writeOperatori(ctx, tx, p, res)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

func (s *Services) writeOperatori(ctx context.Context, tx store.MonitoringTx, p *operatorPlan, res *csi.ImportOperatoriResult) error {
	var comuni []string // nil: every Comune
	if p.ambito != "" {
		comuni = []string{}
		for _, c := range p.st.Comuni {
			if c.Ambito == p.ambito {
				comuni = append(comuni, c.Istat)
			}
		}
	}
	n, err := tx.ReplaceOperatori(ctx, comuni, p.ops)
	if err != nil {
		return err
	}
	res.Accessi, res.Replaced = n, true
	return tx.AppendAudit(ctx, "operatori", fmt.Sprintf("%s: operator list of %s replaced: %d accounts (%d before), %d new accesses",
		res.File, res.Scope, res.After, res.Before, n))
}

// operatorPlan checks the rows of an operators import.
type operatorPlan struct {
	st      *store.ComuniState
	ambito  string         // the Ambito the list is of, "" for the province
	seen    map[string]int // Comune and code → line
	today   string
	ops     []csi.Operatore
	rejects []csi.AddReject
}

func (p *operatorPlan) reject(line int, field, format string, args ...any) {
	p.rejects = append(p.rejects, csi.AddReject{Line: line, Field: field, Reason: fmt.Sprintf(format, args...)})
}

// row checks one account; the reasons never repeat the id, which may be a name.
func (p *operatorPlan) row(r csi.OperatoreInput) {
	if strings.TrimSpace(r.ID) == "" {
		p.reject(r.Line, "id", "empty: every account has an id")
		return
	}
	c, err := csi.ResolveComune(p.st.Comuni, clean(r.Comune))
	if err != nil {
		p.reject(r.Line, "comune", "%s", csi.ErrorMessage(err))
		return
	}
	if p.ambito != "" && c.Ambito != p.ambito {
		p.reject(r.Line, "comune", "%s (%s) is in the Ambito %s, not %s", c.Nome, c.Istat, c.Ambito, p.ambito)
		return
	}
	o := csi.Operatore{Codice: OperatoreCode(r.ID), Comune: c.Istat, Ambito: c.Ambito, Ruolo: strings.ReplaceAll(strings.ToLower(clean(r.Ruolo)), " ", "_")}
	if o.Ruolo == "" {
		p.reject(r.Line, "ruolo", "empty: give the account's role (e.g. assistente_sociale, amministrativo)")
		return
	}
	if strings.TrimSpace(r.UltimoAccesso) != "" {
		if o.UltimoAccesso, err = dialect.ParseDate(r.UltimoAccesso); err != nil {
			p.reject(r.Line, "ultimo_accesso", "%q is not a date (YYYY-MM-DD or DD/MM/YYYY)", r.UltimoAccesso)
			return
		}
		if o.UltimoAccesso > p.today {
			p.reject(r.Line, "ultimo_accesso", "%s is in the future", o.UltimoAccesso)
			return
		}
	}
	key := o.Comune + "|" + o.Codice
	if line, dup := p.seen[key]; dup {
		p.reject(r.Line, "id", "the same account of %s as line %d", c.Nome, line)
		return
	}
	p.seen[key] = r.Line
	p.ops = append(p.ops, o)
}

// ListOperatori returns the current accounts of an Ambito, a Comune or all.
func (s *Services) ListOperatori(ctx context.Context, f csi.OperatoreFilter) ([]csi.Operatore, error) {
	st, err := s.st.LoadComuni(ctx)
	if err != nil {
		return nil, err
	}
	in, err := placeFilter(st, f.Ambito, f.Comune)
	if err != nil {
		return nil, err
	}
	ops, err := s.st.LoadOperatori(ctx)
	if err != nil {
		return nil, err
	}
	out := []csi.Operatore{}
	for _, o := range ops {
		if in([]string{o.Ambito}, []string{o.Comune}) {
			out = append(out, o)
		}
	}
	slices.SortStableFunc(out, func(a, b csi.Operatore) int { return strings.Compare(a.Ambito, b.Ambito) })
	return out, nil
}
