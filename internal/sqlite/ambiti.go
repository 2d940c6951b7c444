package sqlite

import (
	"context"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

var _ csi.AmbitoService = (*DB)(nil)

// resolveAmbito finds an Ambito by name, accent- and case-insensitively; a
// unique prefix or word is enough ("carate" → "Carate Brianza").
func resolveAmbito(ctx context.Context, q querier, ref string) (string, error) {
	rows, err := q.QueryContext(ctx, "SELECT nome FROM ambiti ORDER BY nome")
	if err != nil {
		return "", mapErr(err)
	}
	defer rows.Close()
	var all, match []string
	fold := csi.FoldName(ref)
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			return "", err
		}
		all = append(all, n)
		f := csi.FoldName(n)
		if f == fold {
			return n, nil
		}
		if fold != "" && strings.HasPrefix(f, fold) {
			match = append(match, n)
		}
	}
	if len(match) == 1 {
		return match[0], rows.Err()
	}
	return "", csi.Errorf(csi.ENOTFOUND, "no Ambito %q", ref).
		WithHint("the Ambiti are: %s", strings.Join(all, ", "))
}

// ambitoQuery counts an Ambito's members as of today: its one parameter
// is statusParam's.
const ambitoQuery = `
SELECT a.nome,
       count(c.istat),
       coalesce(sum(` + memberOn + `), 0),
       coalesce(sum(` + memberOn + ` AND c.anagrafe = 'automatic'), 0),
       coalesce(sum(c.popolazione), 0),
       coalesce(r.nome, ''), coalesce(r.email, '')
FROM ambiti a
LEFT JOIN comuni c ON c.ambito = a.nome
` + memberJoin + `
LEFT JOIN referenti r ON r.ambito = a.nome AND r.valid_to = ''
`

// ListAmbiti returns the five Ambiti with their figures.
func (db *DB) ListAmbiti(ctx context.Context) ([]csi.Ambito, error) {
	st, err := statusParam(ctx, db.db, db.today())
	if err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, ambitoQuery+" GROUP BY a.nome ORDER BY a.nome", st)
	if err != nil {
		return nil, mapErr(err)
	}
	defer rows.Close()
	out := []csi.Ambito{}
	for rows.Next() {
		var a csi.Ambito
		if err := rows.Scan(&a.Nome, &a.Comuni, &a.Onboarded, &a.AnagrafeAutomatic, &a.Popolazione, &a.Referente, &a.ReferenteEmail); err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// FindAmbito returns one Ambito with its Comuni.
func (db *DB) FindAmbito(ctx context.Context, ref string) (*csi.AmbitoDetail, error) {
	name, err := resolveAmbito(ctx, db.db, ref)
	if err != nil {
		return nil, err
	}
	st, err := statusParam(ctx, db.db, db.today())
	if err != nil {
		return nil, err
	}
	var a csi.Ambito
	err = db.db.QueryRowContext(ctx, ambitoQuery+" WHERE a.nome = ? GROUP BY a.nome", st, name).
		Scan(&a.Nome, &a.Comuni, &a.Onboarded, &a.AnagrafeAutomatic, &a.Popolazione, &a.Referente, &a.ReferenteEmail)
	if err != nil {
		return nil, mapErr(err)
	}
	cs, err := listComuni(ctx, db.db, "WHERE ambito = ?", name)
	if err != nil {
		return nil, err
	}
	tl, err := loadTimelines(ctx, db.db)
	if err != nil {
		return nil, err
	}
	asOf(cs, tl, db.today())
	return &csi.AmbitoDetail{Ambito: a, ComuniList: cs}, nil
}
