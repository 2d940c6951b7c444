-- PostgreSQL's 0009 adds an index for giorni-accesso-pic at region scale.
-- SQLite needs none: its planner builds an automatic index for that join,
-- and a province's accessi are few. The version is kept so that both
-- engines have the same migrations.
SELECT 1;
