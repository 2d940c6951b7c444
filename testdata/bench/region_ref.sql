-- The reference of testdata/bench/region.sh: one table keyed on
-- codice_fiscale holding every extract of the region, loaded with psql's
-- \copy. Same 16 columns as a registry extract, all text.
DROP TABLE IF EXISTS anagrafe_ref;
CREATE TABLE anagrafe_ref (
    codice_fiscale text PRIMARY KEY,
    cognome text, nome text, sesso text, data_nascita text, luogo_nascita text,
    cittadinanza text, comune_residenza text, indirizzo text, civico text, cap text,
    codice_famiglia text, relazione_parentela text, stato_civile text,
    data_iscrizione text, motivo_iscrizione text
);
