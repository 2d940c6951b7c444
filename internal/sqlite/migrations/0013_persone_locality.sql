-- Index locality (issue 16): a Comune's rows kept together in the index an
-- import changes. persone_cf led with the codice fiscale, so even a small
-- Comune's import into the province's store changed entries all over it,
-- and each dirtied page went to the WAL and the checkpoint: with every
-- version's Comune, end date and hash in it, most of that index was
-- rewritten by each of the 55 imports.
--
-- persone_cf keeps only the codice fiscale: the lookups of a person in
-- any Comune (history, SIUSS, validation) still find their few rows at
-- once, an import adds one entry per new version and ending a version no
-- longer changes it. persone_validity leads with the Comune and the end
-- date, and also holds the codice fiscale, the hash and the start date:
-- it answers, from the index alone and within the Comune's own range, the
-- load of a Comune's current residents with their hashes before an
-- update, the close of a person's current version (Comune, current, CF)
-- and the residents of every Comune on any date.
--
-- The definitions must match personIndexes (anagrafe_bulk.go), which
-- drops and rebuilds them around a bulk load. PostgreSQL keeps its
-- indexes (its 0013 is empty): the schema test compares names only.
DROP INDEX persone_cf;
DROP INDEX persone_validity;
CREATE INDEX persone_cf ON persone(codice_fiscale);
CREATE INDEX persone_validity ON persone(comune, valid_to, codice_fiscale, row_hash, valid_from);
