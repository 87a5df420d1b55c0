-- Proof of possession is checked once, when a signing request is filed (issue 3). The seal
-- (HMAC-SHA256 under a key derived from the server's data key, over the request id and the
-- SHA-256 of csr_der) records that check; issuance at approval re-parses csr_der only if the
-- seal matches. Rows filed before this column existed have no seal and are not issued: they
-- must be filed again. Runs on H2 (PostgreSQL mode) and PostgreSQL.
ALTER TABLE certificate_requests ADD COLUMN csr_seal BYTEA;
