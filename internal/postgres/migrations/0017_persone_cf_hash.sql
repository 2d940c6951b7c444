-- persone_cf becomes a hash index of the codice fiscale alone (issue 11).
-- Every lookup of a person through it is an equality (history, the close
-- of a current version, SIUSS, validation), and the Comune, end date and
-- hash it also held are read from the heap row it finds, among a person's
-- few versions. A region's first load inserts its rows in no order of
-- codice fiscale, so each entry of the B-tree went to a random leaf of an
-- index far larger than shared_buffers: measured on 10 million versions
-- (one COPY in load order, the other indexes unchanged), the B-tree of four
-- columns was 727 MB and the load 101.5 s, the hash index 256 MB and the
-- load 62.5 s. A Comune's own work (its residents, their hashes, the
-- population on a date) goes through persone_validity, which leads with
-- the Comune. SQLite's 0017 is empty: its persone_cf has been the codice
-- fiscale alone since 0013, and SQLite has no hash index.
DROP INDEX persone_cf;
CREATE INDEX persone_cf ON persone USING hash (codice_fiscale);
