-- The local CA keystore (PKCS#12, encrypted with the keystore secret) shared through the
-- database, so that every node started with the same database and keystore secret signs with
-- the same CA keys (CLI.md "Several nodes").
CREATE TABLE ca_keystores (
  name       VARCHAR(256) NOT NULL PRIMARY KEY,
  content    BYTEA        NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);
