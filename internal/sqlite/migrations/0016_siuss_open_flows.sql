-- WaaS's GET /flussi reads the flows of an ente still ready or acquired
-- after a timestamp: a partial index of those alone, so that a page does
-- not walk past the flows INPS has already answered (issue 13). Versions
-- 0013 to 0015 belong to other changes; the runner applies whatever is
-- pending, in order.
CREATE INDEX siuss_flussi_open ON siuss_flussi(ente, ts_ms) WHERE stato IN ('ready','acquired');
