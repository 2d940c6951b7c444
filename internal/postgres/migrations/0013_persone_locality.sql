-- Version 0013 changes the person indexes of the SQLite store for the
-- locality of a Comune's import (issue 16). PostgreSQL keeps persone_cf
-- and persone_validity as they are: its import and queries were not
-- measured against another keying, and the schema test compares index
-- names, which stay the same. This version only keeps the engines' schema
-- versions in step.
SELECT 1;
