-- Push engine (issue 6): one row per server application managed by push; the row is also the
-- target's push job (state, attempts, last error, the request and key material of a push in
-- flight). Runs on H2 (PostgreSQL mode) and PostgreSQL; jobs are claimed with row locks.
CREATE TABLE push_targets (
  application_id        UUID          NOT NULL PRIMARY KEY
                          REFERENCES applications (application_id) ON DELETE CASCADE,
  endpoint_url          VARCHAR(1024) NOT NULL,
  security_policy_uri   VARCHAR(256)  NOT NULL,
  target_user           VARCHAR(256)  NOT NULL,
  password_blob         BYTEA         NOT NULL,
  pinned_thumbprint     VARCHAR(64)   NOT NULL,
  key_mode              VARCHAR(16)   NOT NULL,
  state                 VARCHAR(16)   NOT NULL,
  scope                 VARCHAR(16)   NOT NULL,
  rerun_scope           VARCHAR(16),
  phase                 VARCHAR(256),
  attempts              INT           NOT NULL,
  last_error            VARCHAR(2048),
  last_push             TIMESTAMP WITH TIME ZONE,
  next_attempt_at       TIMESTAMP WITH TIME ZONE,
  lease_until           TIMESTAMP WITH TIME ZONE,
  claimed_by            VARCHAR(64),
  request_id            UUID,
  key_blob              BYTEA,
  certificate_der       BYTEA,
  certificate_thumbprint VARCHAR(64),
  not_before            TIMESTAMP WITH TIME ZONE,
  not_after             TIMESTAMP WITH TIME ZONE,
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX push_targets_due ON push_targets (state, next_attempt_at);
