-- Which import closed a version (0: none, or an import made before this
-- column): `csi anagrafe revert` reopens exactly the versions the reverted
-- import closed. The partial index holds only closed versions, so an
-- import's inserts do not maintain it.
ALTER TABLE persone ADD COLUMN closed_by INTEGER NOT NULL DEFAULT 0;
CREATE INDEX persone_closed_by ON persone(closed_by) WHERE closed_by != 0;
