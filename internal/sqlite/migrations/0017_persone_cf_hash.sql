-- Version 0017 makes PostgreSQL's persone_cf a hash index of the codice
-- fiscale (issue 11). SQLite's persone_cf has held the codice fiscale
-- alone since 0013 and SQLite has no hash index: this version only keeps
-- the engines' schema versions in step.
SELECT 1;
