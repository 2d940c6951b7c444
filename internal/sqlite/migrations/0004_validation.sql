-- Every validation run, so that a referent sees progress between runs.
CREATE TABLE validation_runs (
    id              INTEGER PRIMARY KEY,
    at              TEXT NOT NULL,
    actor           TEXT NOT NULL,
    ruleset         TEXT NOT NULL,
    ruleset_version TEXT NOT NULL,
    scope           TEXT NOT NULL,
    checked         INTEGER NOT NULL,
    errors          INTEGER NOT NULL,
    warnings        INTEGER NOT NULL,
    by_rule         TEXT NOT NULL,
    duration_ms     INTEGER NOT NULL
) STRICT;
