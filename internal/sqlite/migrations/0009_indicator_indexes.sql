-- giorni-accesso-pic looks up, for each cartella opened in a period, the
-- accessi of its person in the 365 days up to the opening: by codice
-- fiscale and a range of days, one index probe per cartella instead of an
-- automatic index built again by every query. PostgreSQL's 0009 is the
-- same index.
CREATE INDEX accessi_cf ON accessi(codice_fiscale, data_accesso);
