-- Residents of every Comune on any date, read from an index alone: the
-- indicators' population denominators and 'anagrafe residents --at' count
-- versions with valid_from <= D and (valid_to = '' or valid_to > D) per
-- Comune.
CREATE INDEX persone_validity ON persone(comune, valid_from, valid_to);
