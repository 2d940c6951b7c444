package siuss

import (
	"bytes"
	_ "embed"
	"encoding/csv"
	"fmt"
	"regexp"
	"sync"

	"github.com/csi-mb/csi/internal/refdata"
)

//go:embed data/stati-esteri-iso.csv
var statiISO []byte

//go:embed data/regioni.csv
var regioniCSV []byte

// The codes SIUSS uses for Italy and for "not available".
const (
	ISTATItalia = "100"
	ISOItalia   = "380"
	// ISONonDisponibile is SIUSS's "non disponibile" citizenship code.
	ISONonDisponibile = "990"
)

var (
	belfioreRe = regexp.MustCompile(`^[A-Z][0-9]{3}$`)
	istatRe    = regexp.MustCompile(`^[0-9]{6}$`)
)

type places struct {
	iso          map[string]string // ISTAT state code → ISO 3166-1 numeric
	regioni      map[string]string // region code → name
	regioneOfPrv map[string]string // 3-digit ISTAT province prefix → region code
	err          error
}

var loadPlaces = sync.OnceValue(func() *places {
	p := &places{iso: map[string]string{}, regioni: map[string]string{}, regioneOfPrv: map[string]string{}}
	p.err = p.load()
	return p
})

func (p *places) load() error {
	stati, err := readCSV(statiISO, "stati-esteri-iso.csv")
	if err != nil {
		return err
	}
	for _, r := range stati[1:] { // codice_istat,belfiore,iso_alpha3,iso_numeric,…
		if len(r) > 3 && len(r[3]) == 3 {
			p.iso[r[0]] = r[3]
		}
	}
	reg, err := readCSV(regioniCSV, "regioni.csv")
	if err != nil {
		return err
	}
	byName := map[string]string{}
	for _, r := range reg[1:] {
		p.regioni[r[0]] = r[1]
		byName[r[1]] = r[0]
	}
	comuni, err := refdata.ComuniItalia()
	if err != nil {
		return err
	}
	for _, c := range comuni {
		if code, ok := byName[c.Regione]; ok && len(c.Istat) == 6 {
			p.regioneOfPrv[c.Istat[:3]] = code
		}
	}
	return nil
}

func readCSV(data []byte, name string) ([][]string, error) {
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	rows, err := r.ReadAll()
	if err != nil || len(rows) < 2 {
		return nil, fmt.Errorf("siuss: embedded %s: %v", name, err)
	}
	return rows, nil
}

// ISOFromISTAT transcodes an ISTAT state code (100 = Italia) to the ISO 3166-1
// numeric code SIUSS wants (380 = Italia). States, territories and codes
// without an ISO code (e.g. 999 apolide, Kosovo) report false.
func ISOFromISTAT(istat string) (string, bool) {
	p := loadPlaces()
	if p.err != nil {
		return "", false
	}
	iso, ok := p.iso[istat]
	return iso, ok
}

// RegioneName returns the name of an ISTAT region code ("03" → "Lombardia").
func RegioneName(code string) (string, bool) {
	p := loadPlaces()
	name, ok := p.regioni[code]
	return name, ok && p.err == nil
}

// RegioneOfComune returns the region code of an Italian Comune from its
// 6-digit ISTAT code (its first three digits are the province's).
func RegioneOfComune(istat string) (string, bool) {
	p := loadPlaces()
	if p.err != nil || !istatRe.MatchString(istat) {
		return "", false
	}
	code, ok := p.regioneOfPrv[istat[:3]]
	return code, ok
}
