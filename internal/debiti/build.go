package debiti

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/csi-mb/csi/internal/records"
)

// Intervento is one stored intervento with what a report needs of its
// cartella, its beneficiary and their SINA assessment.
type Intervento struct {
	// Values are the intervento's stored values in the column order of
	// records.Interventi: text as string, amounts (cents) as int64 or nil.
	Values []any
	// Ambito is the Ambito of the cartella's Comune; CodiceFiscale and
	// Area the cartella's.
	Ambito, CodiceFiscale, Area string
	// Person is the registry version valid on the benefit's date; nil
	// when the registry has none.
	Person *Person
	// SINA is the person's assessment in the column order of
	// records.ValutazioniSINA; nil when there is none.
	SINA []any
}

// Person is a registry version of the beneficiary.
type Person struct {
	Cognome, Nome, Sesso, DataNascita, LuogoNascita, Cittadinanza string
	// Comune is the ISTAT code of the Comune of residence.
	Comune string
}

// Report is a filled report: one row per beneficiary and measure.
type Report struct {
	Definition *Definition
	From, To   string
	// Rows hold each column's machine text (dates YYYY-MM-DD, amounts
	// with a decimal point and two decimals, lists joined by '|').
	Rows [][]string
}

// Builder collects the interventi of a period into a report.
type Builder struct {
	def      *Definition
	from, to string
	groups   map[string]*group
	// misure is the set of misura codes each beneficiary had in the period.
	misure map[string]map[string]bool
}

type group struct {
	key, person, misura string
	items               []Intervento
}

// NewBuilder returns a builder of def's report over the period from..to
// (YYYY-MM-DD, inclusive).
func NewBuilder(def *Definition, from, to string) *Builder {
	return &Builder{def: def, from: from, to: to, groups: map[string]*group{}, misure: map[string]map[string]bool{}}
}

func str(v []any, kind *records.Kind, name string) string {
	if v == nil {
		return ""
	}
	s, _ := v[kind.Index(name)].(string)
	return s
}

func amount(v []any, name string) (int64, bool) {
	n, ok := v[records.Interventi.Index(name)].(int64)
	return n, ok
}

func (x Intervento) str(name string) string { return str(x.Values, records.Interventi, name) }

// personKey identifies the beneficiary: the codice fiscale, or the
// cartella when it has none (a cartella that does not exist).
func (x Intervento) personKey() string {
	if x.CodiceFiscale != "" {
		return "cf\x1f" + x.CodiceFiscale
	}
	return "c\x1f" + x.str("comune") + "\x1f" + x.str("id_cartella")
}

// Add takes one intervento of the period (any misura: the others give
// each row its other measures).
func (b *Builder) Add(x Intervento) {
	m := x.str("misura")
	p := x.personKey()
	if m != "" {
		if b.misure[p] == nil {
			b.misure[p] = map[string]bool{}
		}
		b.misure[p][m] = true
	}
	if !slices.Contains(b.def.Filters.Misura, m) {
		return
	}
	if ps := b.def.Filters.Prestazioni; len(ps) > 0 && !slices.Contains(ps, x.str("codice_prestazione")) {
		return
	}
	k := p + "\x1f" + m
	g := b.groups[k]
	if g == nil {
		g = &group{key: k, person: p, misura: m}
		b.groups[k] = g
	}
	g.items = append(g.items, x)
}

// Report returns the rows, ordered by Ambito, Comune, codice fiscale (or
// cartella) and measure.
func (b *Builder) Report() *Report {
	gs := make([]*group, 0, len(b.groups))
	for _, g := range b.groups {
		gs = append(gs, g)
	}
	slices.SortFunc(gs, func(x, y *group) int {
		a, c := x.items[0], y.items[0]
		return cmp.Or(cmp.Compare(a.Ambito, c.Ambito), cmp.Compare(a.str("comune"), c.str("comune")), cmp.Compare(x.key, y.key))
	})
	r := &Report{Definition: b.def, From: b.from, To: b.to, Rows: [][]string{}}
	for _, g := range gs {
		row := make([]string, len(b.def.Columns))
		for i, c := range b.def.Columns {
			row[i] = b.transcode(c, b.value(g, c))
		}
		r.Rows = append(r.Rows, row)
	}
	return r
}

// transcode passes each value of a list through the column's code list.
func (b *Builder) transcode(c Column, v string) string {
	if c.CodeList == "" || v == "" {
		return v
	}
	list := b.def.CodeLists[c.CodeList]
	var out []string
	for _, s := range strings.Split(v, "|") {
		if t, ok := list[s]; ok {
			s = t
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return strings.Join(out, "|")
}

func cents(n int64) string {
	sign := ""
	if n < 0 {
		sign, n = "-", -n
	}
	return fmt.Sprintf("%s%d.%02d", sign, n/100, n%100)
}

// distinct joins the distinct non-empty values of fn over the items.
func distinct(items []Intervento, fn func(Intervento) string) string {
	var out []string
	for _, x := range items {
		for _, s := range strings.Split(fn(x), "|") {
			if s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return strings.Join(out, "|")
}

// periodic says whether an intervento is periodic (carattere not O, with a start).
func periodic(x Intervento) bool { return x.str("carattere") != "O" && x.str("data_inizio") != "" }

// latestPerson is the registry version of the latest intervento that has one.
func latestPerson(items []Intervento) *Person {
	var p *Person
	for _, x := range items {
		if x.Person != nil {
			p = x.Person
		}
	}
	return p
}

func (b *Builder) value(g *group, c Column) string {
	items := g.items
	src := c.Source
	switch {
	case strings.HasPrefix(src, "intervento."):
		name := strings.TrimPrefix(src, "intervento.")
		if records.Interventi.Columns[records.Interventi.Index(name)].Type == records.Amount {
			var sum int64
			var any bool
			for _, x := range items {
				if n, ok := amount(x.Values, name); ok {
					sum, any = sum+n, true
				}
			}
			if !any {
				return ""
			}
			return cents(sum)
		}
		return distinct(items, func(x Intervento) string { return x.str(name) })
	case strings.HasPrefix(src, "sina."):
		name := strings.TrimPrefix(src, "sina.")
		return distinct(items, func(x Intervento) string { return str(x.SINA, records.ValutazioniSINA, name) })
	case strings.HasPrefix(src, "cartella."):
		return distinct(items, func(x Intervento) string {
			switch src {
			case "cartella.comune":
				return x.str("comune")
			case "cartella.id":
				return x.str("id_cartella")
			case "cartella.area":
				return x.Area
			}
			return x.Ambito
		})
	case strings.HasPrefix(src, "beneficiario."):
		return b.person(items, src)
	case src == "misura":
		return g.misura
	}
	return b.calc(g, src)
}

func (b *Builder) person(items []Intervento, src string) string {
	if src == "beneficiario.codice_fiscale" {
		return items[0].CodiceFiscale
	}
	p := latestPerson(items)
	if p == nil {
		return ""
	}
	switch src {
	case "beneficiario.cognome":
		return p.Cognome
	case "beneficiario.nome":
		return p.Nome
	case "beneficiario.sesso":
		return p.Sesso
	case "beneficiario.data_nascita":
		return p.DataNascita
	case "beneficiario.anno_nascita":
		if len(p.DataNascita) >= 4 {
			return p.DataNascita[:4]
		}
		return ""
	case "beneficiario.eta":
		return age(p.DataNascita, b.to)
	case "beneficiario.luogo_nascita":
		return p.LuogoNascita
	case "beneficiario.cittadinanza":
		return p.Cittadinanza
	}
	return p.Comune
}

// age is the age in whole years on day (YYYY-MM-DD), "" without a birth date.
func age(birth, day string) string {
	bt, err1 := time.Parse(time.DateOnly, birth)
	dt, err2 := time.Parse(time.DateOnly, day)
	if err1 != nil || err2 != nil {
		return ""
	}
	y := dt.Year() - bt.Year()
	if dt.Month() < bt.Month() || dt.Month() == bt.Month() && dt.Day() < bt.Day() {
		y--
	}
	return strconv.Itoa(y)
}

// months lists the months (YYYY-MM) of a periodic intervento within the period.
func (b *Builder) months(x Intervento) []string {
	start, end := max(x.str("data_inizio"), b.from), b.to
	if e := x.str("data_fine"); e != "" {
		end = min(e, b.to)
	}
	st, err1 := time.Parse(time.DateOnly, start)
	et, err2 := time.Parse(time.DateOnly, end)
	if err1 != nil || err2 != nil || et.Before(st) {
		return nil
	}
	var out []string
	for m := time.Date(st.Year(), st.Month(), 1, 0, 0, 0, 0, time.UTC); !m.After(et); m = m.AddDate(0, 1, 0) {
		out = append(out, m.Format("2006-01"))
	}
	return out
}

func (b *Builder) calc(g *group, src string) string {
	items := g.items
	switch src {
	case "calc.data_inizio":
		first := ""
		for _, x := range items {
			d := x.str("data_erogazione")
			if periodic(x) {
				d = x.str("data_inizio")
			}
			if d != "" && (first == "" || d < first) {
				first = d
			}
		}
		return first
	case "calc.data_fine":
		last := ""
		for _, x := range items {
			d := x.str("data_erogazione")
			if periodic(x) {
				d = x.str("data_fine")
				if d == "" {
					return "" // ongoing
				}
			}
			last = max(last, d)
		}
		return last
	case "calc.importo_mensile":
		start, out := "", ""
		for _, x := range items {
			if n, ok := amount(x.Values, "importo_mensile"); ok && periodic(x) && x.str("data_inizio") >= start {
				start, out = x.str("data_inizio"), cents(n)
			}
		}
		return out
	case "calc.mesi":
		set := map[string]bool{}
		for _, x := range items {
			if periodic(x) {
				for _, m := range b.months(x) {
					set[m] = true
				}
			}
		}
		return strconv.Itoa(len(set))
	case "calc.totale_erogato":
		var sum int64
		for _, x := range items {
			if periodic(x) {
				n, _ := amount(x.Values, "importo_mensile")
				sum += n * int64(len(b.months(x)))
			} else if n, ok := amount(x.Values, "importo"); ok {
				sum += n
			}
		}
		return cents(sum)
	case "calc.altre_misure":
		var out []string
		for m := range b.misure[g.person] {
			if m != g.misura {
				out = append(out, m)
			}
		}
		slices.Sort(out)
		return strings.Join(out, "|")
	case "calc.id_interventi":
		return distinct(items, func(x Intervento) string { return x.str("id_intervento") })
	case "calc.n_interventi":
		return strconv.Itoa(len(items))
	case "calc.soglia_isee":
		best, any := int64(0), false
		for _, x := range items {
			if n, ok := amount(x.Values, "soglia_isee"); ok && (!any || n > best) {
				best, any = n, true
			}
		}
		if !any {
			return ""
		}
		return cents(best)
	}
	return ""
}
