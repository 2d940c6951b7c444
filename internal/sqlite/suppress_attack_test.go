package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/indicators"
)

// sparseStore fills a store with a few cartelle, accessi and interventi in
// most Comuni, so that most counts are small: the worst case for
// suppression.
func sparseStore(t *testing.T) *DB {
	t.Helper()
	db := newStore(t)
	exec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.SQL().Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	rows, err := db.SQL().Query("SELECT istat FROM comuni ORDER BY istat")
	if err != nil {
		t.Fatal(err)
	}
	var comuni []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			t.Fatal(err)
		}
		comuni = append(comuni, c)
	}
	rows.Close()
	rnd := rand.New(rand.NewPCG(10, 8))
	day := func(from, to int) string {
		return fmt.Sprintf("%04d-%02d-%02d", from+rnd.IntN(to-from+1), 1+rnd.IntN(12), 1+rnd.IntN(28))
	}
	aree := []string{"FAM", "DIS", "ANZ", "POV"}
	codes := []string{"A1.04", "A2.07", "B1.01"}
	misure := []string{"B2", "DDN", ""}
	id := 0
	for i, c := range comuni {
		// A few Comuni have many cartelle, most have a few, some none.
		n := rnd.IntN(7)
		if i%9 == 0 {
			n = 12 + rnd.IntN(10)
		}
		for range n {
			id++
			cf := fmt.Sprintf("P%05d", id)
			open, closed, motivo := day(2015, 2021), "", ""
			if rnd.IntN(3) == 0 {
				closed, motivo = day(2016, 2022), strconv.Itoa(4+rnd.IntN(2))
				if closed <= open {
					closed = ""
					motivo = ""
				}
			}
			exec(`INSERT INTO cartelle(id_cartella, codice_fiscale, comune, data_apertura, data_chiusura, motivo_chiusura, area, case_manager, row_hash, import_id)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'AS', 0, 9)`, fmt.Sprintf("C%d", id), cf, c, open, closed, motivo, aree[rnd.IntN(len(aree))])
			if rnd.IntN(2) == 0 {
				exec(`INSERT INTO accessi(id_accesso, data_accesso, comune, sportello, codice_fiscale, area, esito, operatore, row_hash, import_id)
					VALUES (?, ?, ?, 'COMUNE', ?, 'FAM', 'INFORMAZIONE', 'op', 0, 8)`, fmt.Sprintf("A%d", id), day(2015, 2020), c, cf)
			}
			if rnd.IntN(2) == 0 {
				exec(`INSERT INTO interventi(comune, id_intervento, id_cartella, codice_prestazione, carattere, data_inizio, data_fine, importo_mensile,
					data_erogazione, importo, misura, presa_in_carico, row_hash, import_id) VALUES (?, ?, ?, ?, 'O', '', '', NULL, ?, ?, ?, 'S', 0, 10)`,
					c, fmt.Sprintf("I%d", id), fmt.Sprintf("C%d", id), codes[rnd.IntN(len(codes))], day(2015, 2020), 1000+rnd.IntN(9000), misure[rnd.IntN(len(misure))])
			}
		}
	}
	return db
}

// attackCell is a count as a reader of the tables names it: by the labels
// of its row and the scope of the query.
type attackCell struct{ geo, periodo, anno, cat, key string }

// attacker holds what a viewer learnt from every table: the interval a
// count is known to lie in, and the truth, to check what it works out.
type attacker struct {
	n        int
	known    map[attackCell][2]float64
	withheld map[attackCell]bool
	truth    map[attackCell]int64
	where    map[attackCell]string
	how      map[attackCell]string // the relation that gave a count away
	// name names a count; attackCellOf unless set.
	name func(def csi.IndicatorDef, p csi.IndicatorParams, r csi.IndicatorRow, key string) attackCell
}

func newAttacker(n int) *attacker {
	return &attacker{n: n, known: map[attackCell][2]float64{}, withheld: map[attackCell]bool{},
		truth: map[attackCell]int64{}, where: map[attackCell]string{}, how: map[attackCell]string{}}
}

// explain writes a relation with what is known of its terms.
func (a *attacker) explain(rel []signedCell) string {
	s := ""
	for _, tm := range rel {
		s += fmt.Sprintf("\n\t%+.0f %v %v", tm.sign, tm.c, a.known[tm.c])
	}
	return s
}

// attackGeo names the geography of a row from its labels and the scope
// asked for, as a reader would.
func attackGeo(p csi.IndicatorParams, r csi.IndicatorRow) string {
	switch {
	case r.Str("livello") != "":
		return r.Str("livello") + ":" + r.Str("codice")
	case p.Comune != "":
		return "comune:" + p.Comune
	case r.Str("comune") != "":
		return "comune:" + r.Str("comune")
	case r.Str("ambito") != "" && r.Str("ambito") != csi.TotalLabel:
		return "ambito:" + r.Str("ambito")
	case p.Ambito != "":
		return "ambito:" + p.Ambito
	}
	return "provincia:MB"
}

func attackCellOf(p csi.IndicatorParams, r csi.IndicatorRow, key string) attackCell {
	c := attackCell{geo: attackGeo(p, r), periodo: r.Str("periodo"), key: key}
	if r.Get("anno") != nil {
		c.anno = fmt.Sprint(r.Get("anno"))
	}
	for _, k := range []string{"area", "motivo", "codice_prestazione", "misura"} {
		if slices.Contains(r.Keys, k) {
			c.cat = k + "=" + r.Str(k)
		}
	}
	return c
}

// published is what -o json publishes of res: its rows (Totale rows
// included), read back from their JSON.
func published(t *testing.T, res *csi.IndicatorResult) []csi.IndicatorRow {
	t.Helper()
	data, err := json.Marshal(res.Rows)
	if err != nil {
		t.Fatal(err)
	}
	var rows []csi.IndicatorRow
	if err := json.Unmarshal(data, &rows); err != nil {
		t.Fatal(err)
	}
	return rows
}

// read records what one table shows, and fails when a count is shown in
// one table and withheld in another.
func (a *attacker) read(t *testing.T, def csi.IndicatorDef, p csi.IndicatorParams, shown, truth []csi.IndicatorRow) {
	t.Helper()
	if len(shown) != len(truth) {
		t.Fatalf("%s %+v: %d rows withheld, %d without suppression", def.Name, p, len(shown), len(truth))
	}
	for i, r := range shown {
		for _, key := range def.Counts {
			c := attackCellOf(p, r, key)
			if a.name != nil {
				c = a.name(def, p, r, key)
			}
			iv := [2]float64{1, float64(a.n - 1)}
			switch {
			case r.IsComplementary(key):
				iv = [2]float64{0, math.Inf(1)} // any size
			case !r.IsSuppressed(key):
				v := float64(r.Int(key))
				iv = [2]float64{v, v}
			}
			if old, ok := a.known[c]; ok && old != iv {
				t.Errorf("%s: %v reads %v in %s and %v in %+v", def.Name, c, old, a.where[c], iv, p)
			}
			a.known[c], a.withheld[c], a.truth[c] = iv, r.IsSuppressed(key), truth[i].Int(key)
			a.where[c] = fmt.Sprintf("%+v", p)
		}
	}
}

// relations are what a reader knows adds up: a total and its parts one
// level down (Comuni, Ambiti; a Comune or category not shown is zero), the
// categories of a breakdown and their total (given away by the shares),
// and a balance.
func (a *attacker) relations(parent map[string]string) [][]attackCell {
	var rels [][]attackCell // the first term minus the others is zero, unless noted
	parts := map[attackCell][]attackCell{}
	cats := map[attackCell][]attackCell{}
	var cells []attackCell
	for c := range a.known {
		cells = append(cells, c)
	}
	slices.SortFunc(cells, func(x, y attackCell) int {
		return cmpStr(fmt.Sprint(x), fmt.Sprint(y))
	})
	for _, c := range cells {
		up := c
		up.geo = parent[c.geo]
		if _, ok := a.known[up]; ok {
			parts[up] = append(parts[up], c)
		}
		if c.cat != "" {
			tot := c
			tot.cat = "total"
			cats[tot] = append(cats[tot], c)
		}
	}
	for _, c := range cells {
		if ps, ok := parts[c]; ok {
			rels = append(rels, append([]attackCell{c}, ps...))
		}
	}
	for tot, ps := range cats {
		var sum int64
		for _, c := range ps {
			sum += a.truth[c]
		}
		a.truth[tot] = sum
		a.known[tot] = [2]float64{float64(sum), float64(sum)}
		if sum > 0 && sum < int64(a.n) {
			a.known[tot] = [2]float64{1, float64(a.n - 1)}
		}
		rels = append(rels, append([]attackCell{tot}, ps...))
	}
	return rels
}

// balances are the relations of cartelle-movimento: saldo_iniziale +
// aperte - chiuse - saldo_finale = 0, and a year's saldo_finale is the next
// one's saldo_iniziale; signs are given with each term.
func (a *attacker) balances() [][]signedCell {
	var rels [][]signedCell
	for c := range a.known {
		if c.key != "saldo_iniziale" {
			continue
		}
		at := func(key string) attackCell { d := c; d.key = key; return d }
		rels = append(rels, []signedCell{{c, 1}, {at("aperte"), 1}, {at("chiuse"), -1}, {at("saldo_finale"), -1}})
		y, _ := strconv.Atoi(c.anno)
		for d := range a.known {
			if d.key == "saldo_finale" && d.geo == c.geo && d.anno == strconv.Itoa(y-1) {
				rels = append(rels, []signedCell{{c, 1}, {d, -1}})
			}
		}
	}
	return rels
}

type signedCell struct {
	c    attackCell
	sign float64
}

func cmpStr(x, y string) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// solve subtracts whatever is shown from every relation, over and over,
// tightening what is known of each withheld count (a small one is at
// least 1, any one at least 0), and returns the withheld counts pinned to
// one value: a small one, or a c (which would then say what it hides).
func (a *attacker) solve(rels [][]signedCell) map[attackCell]float64 {
	for round := 0; round < 200; round++ {
		changed := false
		for _, rel := range rels {
			for j, tm := range rel {
				if iv := a.known[tm.c]; iv[0] == iv[1] {
					continue
				}
				lo, hi := 0.0, 0.0
				for o, other := range rel {
					if o == j {
						continue
					}
					iv := a.known[other.c]
					if other.sign > 0 {
						lo, hi = lo+iv[0], hi+iv[1]
					} else {
						lo, hi = lo-iv[1], hi-iv[0]
					}
				}
				if tm.sign > 0 {
					lo, hi = -hi, -lo
				}
				iv := a.known[tm.c]
				nv := [2]float64{max(iv[0], lo), min(iv[1], hi)}
				if nv != iv {
					a.known[tm.c], changed = nv, true
					if nv[0] == nv[1] && a.how[tm.c] == "" {
						a.how[tm.c] = a.explain(rel)
					}
				}
			}
		}
		if !changed {
			break
		}
	}
	out := map[attackCell]float64{}
	for c, w := range a.withheld {
		if iv := a.known[c]; w && iv[0] == iv[1] {
			out[c] = iv[0]
		}
	}
	return out
}

// geography returns the parent of each Comune and Ambito (as attackGeo
// names them), the Ambiti and the Comuni of the store.
func geography(t *testing.T, db *DB) (parent map[string]string, ambiti, comuni []string) {
	t.Helper()
	parent = map[string]string{}
	rows, err := db.SQL().Query("SELECT istat, ambito FROM comuni ORDER BY istat")
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	for rows.Next() {
		var c, amb string
		if err := rows.Scan(&c, &amb); err != nil {
			t.Fatal(err)
		}
		parent["comune:"+c], parent["ambito:"+amb] = "ambito:"+amb, "provincia:MB"
		comuni = append(comuni, c)
		if !slices.Contains(ambiti, amb) {
			ambiti = append(ambiti, amb)
		}
	}
	return parent, ambiti, comuni
}

// asks returns every table a viewer can ask for with the parameters
// base: every breakdown over the province and each Ambito, and each
// Comune.
func asks(def csi.IndicatorDef, base csi.IndicatorParams, ambiti, comuni []string) []csi.IndicatorParams {
	var out []csi.IndicatorParams
	for _, by := range def.By {
		p := base
		p.By = by
		out = append(out, p)
		for _, amb := range ambiti {
			p.Ambito = amb
			out = append(out, p)
		}
	}
	for _, c := range comuni {
		p := base
		p.Comune = c
		out = append(out, p)
	}
	return out
}

// ask reads one table as a viewer gets it (its JSON) and as it is.
func (a *attacker) ask(t *testing.T, svc csi.IndicatorService, def csi.IndicatorDef, p csi.IndicatorParams) {
	t.Helper()
	ctx := context.Background()
	shown, err := svc.ComputeIndicator(ctx, def.Name, p)
	if err != nil {
		t.Fatalf("%s %+v: %v", def.Name, p, err)
	}
	tp := p
	tp.SuppressBelow = 0
	truth, err := svc.ComputeIndicator(ctx, def.Name, tp)
	if err != nil {
		t.Fatal(err)
	}
	a.read(t, def, shown.Params, published(t, shown), truth.Rows)
}

// attack subtracts over rels and fails for every withheld count it works
// out; it returns how many counts were withheld.
func (a *attacker) attack(t *testing.T, what string, rels [][]signedCell) int {
	t.Helper()
	withheld := 0
	for _, w := range a.withheld {
		if w {
			withheld++
		}
	}
	for c, v := range a.solve(rels) {
		if float64(a.truth[c]) != v {
			t.Fatalf("%s: worked out %v = %v but it is %d: the attack is wrong", what, c, v, a.truth[c])
		}
		t.Errorf("%s: withheld %v worked out from the totals: %v, by%s", what, c, v, a.how[c])
	}
	return withheld
}

// signed turns relations whose first term is the sum of the others into
// signed ones.
func signed(rels [][]attackCell) [][]signedCell {
	var out [][]signedCell
	for _, rel := range rels {
		s := []signedCell{{rel[0], 1}}
		for _, c := range rel[1:] {
			s = append(s, signedCell{c, -1})
		}
		out = append(out, s)
	}
	return out
}

// TestSuppressionResistsSubtraction is the attack of a viewer: for each
// indicator with counts, it reads every table a viewer can ask for (every
// breakdown, over the province, each Ambito and each Comune, as -o json
// publishes it, Totale rows included) with counts below 5 withheld, then
// subtracts what is shown from every total it knows (a total minus any of
// its parts, across levels, categories and years) until it learns nothing
// more, and fails if a withheld count, small or c, comes out exactly.
func TestSuppressionResistsSubtraction(t *testing.T) {
	db := sparseStore(t)
	for _, e := range bothEngines(t, db) {
		t.Run(e.name, func(t *testing.T) { attackTables(t, db, e.svc) })
	}
}

// attackTables is the attack of TestSuppressionResistsSubtraction on the
// services svc over db.
func attackTables(t *testing.T, db *DB, svc csi.IndicatorService) {
	parent, ambiti, comuni := geography(t, db)
	const n = 5
	withheld := 0
	for _, def := range indicators.Catalogue() {
		if len(def.Counts) == 0 {
			continue
		}
		a := newAttacker(n)
		base := csi.IndicatorParams{SuppressBelow: n}
		if indicators.Takes(def, indicators.ParamAt) {
			base.At = "2021-06-30"
		}
		if indicators.Takes(def, indicators.ParamSince) {
			base.Since = "2019-01-01"
		}
		if indicators.Takes(def, indicators.ParamPeriod) {
			base.Period = []string{"2015-2017", "2018-2020"}
		}
		for _, p := range asks(def, base, ambiti, comuni) {
			a.ask(t, svc, def, p)
		}
		withheld += a.attack(t, def.Name, append(signed(a.relations(parent)), a.balances()...))
	}
	if withheld == 0 {
		t.Fatal("nothing withheld: the store tests nothing")
	}
}

// cartelleQuantity names the counts of cartelle-movimento,
// cartelle-popolazione and cartelle-aperte-dal by what they count, per
// geography and year: open_31dec (saldo_finale, the next year's
// saldo_iniziale, cartelle_aperte), opened (aperte), closed (chiuse),
// opened_still_open (ancora_aperte, nuove_anno).
func cartelleQuantity(def csi.IndicatorDef, p csi.IndicatorParams, r csi.IndicatorRow, key string) attackCell {
	c := attackCell{geo: attackGeo(p, r)}
	switch def.Name {
	case "cartelle-movimento":
		y := int(r.Int("anno"))
		c.anno, c.key = strconv.Itoa(y), map[string]string{"aperte": "opened", "chiuse": "closed", "saldo_finale": "open_31dec"}[key]
		if key == "saldo_iniziale" {
			c.anno, c.key = strconv.Itoa(y-1), "open_31dec"
		}
	case "cartelle-popolazione":
		c.anno, c.key = strconv.Itoa(p.Year), map[string]string{"cartelle_aperte": "open_31dec", "nuove_anno": "opened_still_open"}[key]
	case "cartelle-aperte-dal":
		c.anno, c.key = p.Since[:4], map[string]string{"aperte": "opened", "ancora_aperte": "opened_still_open"}[key]
	}
	return c
}

// TestSuppressionResistsSubtractionAcrossIndicators is the attack of a
// viewer who reads cartelle-movimento (each year alone and the seed's
// periods), cartelle-popolazione (each year) and cartelle-aperte-dal (each
// calendar year) in every breakdown and scope, takes the counts that are
// the same quantity as one (Seregno's aperte in movimento 2015 is its
// aperte-dal from 2015-01-01 to 2015-12-31; its saldo_finale is its open
// cartelle in popolazione 2015), and subtracts over the geography and the
// balance (open on 31/12 of the year before + opened - closed = open on
// 31/12): no withheld count may come out, nor read differently in two
// tables.
func TestSuppressionResistsSubtractionAcrossIndicators(t *testing.T) {
	db := sparseStore(t)
	for _, e := range bothEngines(t, db) {
		t.Run(e.name, func(t *testing.T) { attackCartelle(t, db, e.svc, 2014, 2023) })
	}
}

// attackCartelle is the attack of
// TestSuppressionResistsSubtractionAcrossIndicators over the years first
// to last, on the services svc over db.
func attackCartelle(t *testing.T, db *DB, svc csi.IndicatorService, first, last int) {
	parent, ambiti, comuni := geography(t, db)
	const n = 5
	a := newAttacker(n)
	a.name = cartelleQuantity
	def := func(name string) csi.IndicatorDef {
		d, err := indicators.Find(name)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	mov, pop, dal := def("cartelle-movimento"), def("cartelle-popolazione"), def("cartelle-aperte-dal")
	periods := [][]string{{"2015-2017", "2018-2020"}, {"2021-2022"}}
	for y := first; y <= last; y++ {
		periods = append(periods, []string{strconv.Itoa(y)})
		for _, p := range asks(pop, csi.IndicatorParams{SuppressBelow: n, Year: y}, ambiti, comuni) {
			a.ask(t, svc, pop, p)
		}
		year := csi.IndicatorParams{SuppressBelow: n, Since: fmt.Sprintf("%d-01-01", y), At: fmt.Sprintf("%d-12-31", y)}
		for _, p := range asks(dal, year, ambiti, comuni) {
			a.ask(t, svc, dal, p)
		}
	}
	for _, per := range periods {
		for _, p := range asks(mov, csi.IndicatorParams{SuppressBelow: n, Period: per}, ambiti, comuni) {
			a.ask(t, svc, mov, p)
		}
	}
	rels := signed(a.relations(parent))
	for c := range a.known {
		if c.key != "opened" {
			continue
		}
		y, _ := strconv.Atoi(c.anno)
		at := func(anno int, key string) attackCell { d := c; d.anno, d.key = strconv.Itoa(anno), key; return d }
		rel := []signedCell{{at(y-1, "open_31dec"), 1}, {c, 1}, {at(y, "closed"), -1}, {at(y, "open_31dec"), -1}}
		if !slices.ContainsFunc(rel, func(s signedCell) bool { _, ok := a.known[s.c]; return !ok }) {
			rels = append(rels, rel)
		}
	}
	if a.attack(t, "cartelle", rels) == 0 {
		t.Fatal("nothing withheld: the store tests nothing")
	}
}
