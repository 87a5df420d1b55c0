-- A new-key-pair request keeps its password, sealed with the server's data key (AES-GCM bound to
-- the request id), only until its key pair is generated: a GDS killed during key generation redoes
-- it at the next start instead of leaving the request without a key. The column is cleared in the
-- transaction that stores the key or closes the request. Runs on H2 (PostgreSQL mode) and
-- PostgreSQL.
ALTER TABLE certificate_requests ADD COLUMN pending_secret BYTEA;
