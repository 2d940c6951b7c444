package sqlite

import (
	"database/sql"

	"github.com/csi-mb/csi/internal/csi"
	"github.com/csi-mb/csi/internal/refdata"
)

// loadRefData loads the embedded reference tables. Comuni already in the
// store keep their Ambito and onboarding state; national tables are replaced.
func (db *DB) loadRefData(tx *sql.Tx) error {
	for _, a := range refdata.Ambiti {
		if _, err := tx.Exec("INSERT OR IGNORE INTO ambiti(nome) VALUES (?)", a); err != nil {
			return err
		}
	}
	mb, err := refdata.ComuniMB()
	if err != nil {
		return err
	}
	for _, c := range mb {
		if _, err := tx.Exec(`INSERT OR IGNORE INTO comuni(istat, belfiore, nome, nome_fold, ambito, popolazione)
			VALUES (?,?,?,?,?,?)`, c.Istat, c.Belfiore, c.Nome, csi.FoldName(c.Nome), c.Ambito, c.Popolazione2020); err != nil {
			return err
		}
	}
	return loadNational(tx)
}

func loadNational(tx *sql.Tx) error {
	it, err := refdata.ComuniItalia()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM ref_comuni_italia"); err != nil {
		return err
	}
	stmt, err := tx.Prepare("INSERT INTO ref_comuni_italia VALUES (?,?,?,?,?,?,?)")
	if err != nil {
		return err
	}
	defer stmt.Close()
	for _, c := range it {
		if _, err := stmt.Exec(c.Istat, c.Belfiore, c.Nome, c.Sigla, c.Provincia, c.Regione, c.CAP); err != nil {
			return err
		}
	}
	st, err := refdata.StatiEsteri()
	if err != nil {
		return err
	}
	if _, err := tx.Exec("DELETE FROM ref_stati_esteri"); err != nil {
		return err
	}
	for _, s := range st {
		if _, err := tx.Exec("INSERT INTO ref_stati_esteri VALUES (?,?,?,?)", s.Belfiore, s.Nome, s.Attivo, s.DataSoppressione); err != nil {
			return err
		}
	}
	return nil
}
