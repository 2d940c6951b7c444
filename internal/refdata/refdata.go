// Package refdata embeds the reference tables that ship inside the binary:
// the 55 Comuni of Monza e Brianza with their Ambito and 2020 population,
// the national list of Comuni, and the foreign-state codes used in the
// codice fiscale.
package refdata

import (
	_ "embed"
	"fmt"
	"sync"

	"github.com/gocarina/gocsv"
)

//go:embed comuni-mb.csv
var comuniMB []byte

//go:embed comuni-italia.csv
var comuniItalia []byte

//go:embed stati-esteri.csv
var statiEsteri []byte

// Ambiti lists the five Ambiti territoriali in alphabetical order.
var Ambiti = []string{"Carate Brianza", "Desio", "Monza", "Seregno", "Vimercate"}

// ComuneMB is one Comune of the province as shipped.
type ComuneMB struct {
	Istat           string `csv:"istat"`
	Belfiore        string `csv:"belfiore"`
	Nome            string `csv:"nome"`
	Ambito          string `csv:"ambito"`
	Popolazione2020 int    `csv:"popolazione_2020"`
}

// ComuneIT is one current Italian Comune.
type ComuneIT struct {
	Istat     string `csv:"istat"`
	Belfiore  string `csv:"belfiore"`
	Nome      string `csv:"nome"`
	Sigla     string `csv:"sigla_provincia"`
	Provincia string `csv:"provincia"`
	Regione   string `csv:"regione"`
	CAP       string `csv:"cap"`
}

// StatoEstero is one foreign state with its codice fiscale code.
type StatoEstero struct {
	Belfiore         string `csv:"belfiore"`
	Nome             string `csv:"nome"`
	Attivo           bool   `csv:"attivo"`
	DataSoppressione string `csv:"data_soppressione"`
}

func unmarshal[T any](data []byte, name string) ([]T, error) {
	var out []T
	if err := gocsv.UnmarshalBytes(data, &out); err != nil {
		return nil, fmt.Errorf("refdata %s: %w", name, err)
	}
	return out, nil
}

// ComuniMB returns the 55 Comuni of Monza e Brianza.
func ComuniMB() ([]ComuneMB, error) { return unmarshal[ComuneMB](comuniMB, "comuni-mb.csv") }

// ComuniItalia returns the national list of current Comuni.
func ComuniItalia() ([]ComuneIT, error) {
	return unmarshal[ComuneIT](comuniItalia, "comuni-italia.csv")
}

// StatiEsteri returns the foreign states and their Z codes.
func StatiEsteri() ([]StatoEstero, error) {
	return unmarshal[StatoEstero](statiEsteri, "stati-esteri.csv")
}

// istatCodes is the set of the current Comuni's ISTAT codes, built once.
var istatCodes = sync.OnceValue(func() map[string]bool {
	it, err := ComuniItalia()
	if err != nil {
		panic(err) // the table is embedded: a test catches a broken one
	}
	codes := make(map[string]bool, len(it))
	for _, c := range it {
		codes[c.Istat] = true
	}
	return codes
})

// IsComuneIstat reports whether code is the ISTAT code of a current Italian Comune.
func IsComuneIstat(code string) bool { return istatCodes()[code] }
