-- Append-only, hash-chained audit trail (issue 7). Each row's hash is SHA-256 over its canonical
-- content and the previous row's hash. audit_head anchors the newest row (seq and hash), so deleting
-- the last rows is detected as well as editing or deleting a row in the middle.
CREATE TABLE audit_log (
  seq         BIGINT        NOT NULL PRIMARY KEY,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor       VARCHAR(512)  NOT NULL,
  action      VARCHAR(128)  NOT NULL,
  target      VARCHAR(512)  NOT NULL,
  detail      VARCHAR(2048) NOT NULL,
  outcome     VARCHAR(64)   NOT NULL,
  prev_hash   VARCHAR(64)   NOT NULL,
  row_hash    VARCHAR(64)   NOT NULL
);

CREATE INDEX audit_log_recorded_at ON audit_log (recorded_at);

CREATE TABLE audit_head (
  id       INT         NOT NULL PRIMARY KEY,
  seq      BIGINT      NOT NULL,
  row_hash VARCHAR(64) NOT NULL
);

INSERT INTO audit_head (id, seq, row_hash)
  VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
