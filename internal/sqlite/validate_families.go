package sqlite

import (
	"context"
	"strings"

	"github.com/csi-mb/csi/internal/csi"
)

// families runs the household rules. One grouped pass over the current
// versions returns only the households that do not have exactly one head
// (relazione_parentela 1), with their heads, smallest member CF and size;
// the sort behind it spills to disk, so memory does not grow with the
// province.
func (v *validation) families(ctx context.Context) error {
	rows, err := v.db.db.QueryContext(ctx, `SELECT comune, codice_famiglia, count(*), min(codice_fiscale),
		coalesce(group_concat(CASE WHEN relazione_parentela = '1' THEN codice_fiscale END, ','), '')
		FROM persone WHERE valid_to = '' AND codice_famiglia != '' AND `+v.inScope("comune")+`
		GROUP BY comune, codice_famiglia HAVING sum(relazione_parentela = '1') != 1
		ORDER BY comune, codice_famiglia`)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	for rows.Next() {
		var comune, codice, minCF, heads string
		var n int
		if err := rows.Scan(&comune, &codice, &n, &minCF, &heads); err != nil {
			return err
		}
		v.checker.Famiglia(comune, codice, familyMembers(comune, codice, n, minCF, heads), v.emit)
	}
	return rows.Err()
}

// familyMembers rebuilds what the household rules look at: the heads, then
// members with the smallest CF up to the household's size.
func familyMembers(comune, codice string, n int, minCF, heads string) []csi.PersonVersion {
	members := make([]csi.PersonVersion, 0, n)
	if heads != "" {
		for _, h := range strings.Split(heads, ",") {
			members = append(members, csi.PersonVersion{Comune: comune, CodiceFiscale: h, CodiceFamiglia: codice, RelazioneParentela: "1"})
		}
	}
	for len(members) < n {
		members = append(members, csi.PersonVersion{Comune: comune, CodiceFiscale: minCF, CodiceFamiglia: codice})
	}
	return members
}
