-- Pull flow (issue 4): CA state shared by every node, certificate requests with their decision
-- history, issued certificates and certificates bound to applications by an admin.
-- Runs on H2 (PostgreSQL mode) and PostgreSQL.

-- CaStateStore of vault-signer: generations, serial reservations, CRL numbers, revocations, CRLs
CREATE TABLE ca_generations (
  ca_name         VARCHAR(256) NOT NULL,
  generation      INT          NOT NULL,
  ca_id           VARCHAR(256) NOT NULL,
  key_alias       VARCHAR(256) NOT NULL,
  certificate_der BYTEA        NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (ca_name, generation),
  CONSTRAINT ca_generations_id_unique UNIQUE (ca_id)
);

CREATE TABLE ca_serials (
  ca_id  VARCHAR(256) NOT NULL,
  serial VARCHAR(64)  NOT NULL,
  PRIMARY KEY (ca_id, serial)
);

CREATE TABLE ca_crl_numbers (
  ca_id       VARCHAR(256) NOT NULL PRIMARY KEY,
  last_number BIGINT       NOT NULL
);

CREATE TABLE ca_revoked (
  ca_id      VARCHAR(256) NOT NULL,
  serial     VARCHAR(64)  NOT NULL,
  revoked_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (ca_id, serial)
);

CREATE TABLE ca_crls (
  ca_id      VARCHAR(256) NOT NULL PRIMARY KEY,
  crl_number BIGINT       NOT NULL,
  der        BYTEA        NOT NULL
);

-- Part 12 certificate requests. The private key of a new key pair is only ever stored
-- encrypted (key_blob) and deleted at delivery or expiry; passwords are never stored.
CREATE TABLE certificate_requests (
  request_id            UUID          NOT NULL PRIMARY KEY,
  application_id        UUID          NOT NULL,
  application_uri       VARCHAR(2048) NOT NULL,
  certificate_group     VARCHAR(128)  NOT NULL,
  certificate_type      VARCHAR(128)  NOT NULL,
  kind                  VARCHAR(32)   NOT NULL,
  state                 VARCHAR(16)   NOT NULL,
  subject_name          VARCHAR(2048),
  domain_names_json     VARCHAR(65535) NOT NULL,
  key_type              VARCHAR(64)   NOT NULL,
  private_key_format    VARCHAR(8),
  csr_der               BYTEA,
  key_blob              BYTEA,
  key_blob_expires_at   TIMESTAMP WITH TIME ZONE,
  requested_by          VARCHAR(512)  NOT NULL,
  requester_thumbprint  VARCHAR(64),
  created_at            TIMESTAMP WITH TIME ZONE NOT NULL,
  decided_by            VARCHAR(512),
  decided_at            TIMESTAMP WITH TIME ZONE,
  decision_text         VARCHAR(2048),
  certificate_der       BYTEA,
  serial                VARCHAR(64),
  ca_id                 VARCHAR(256),
  delivered_at          TIMESTAMP WITH TIME ZONE
);

CREATE INDEX certificate_requests_state_idx ON certificate_requests (state, created_at);
CREATE INDEX certificate_requests_app_idx ON certificate_requests (application_id);

CREATE TABLE certificate_request_history (
  request_id UUID          NOT NULL,
  position   INT           NOT NULL,
  at         TIMESTAMP WITH TIME ZONE NOT NULL,
  actor      VARCHAR(512)  NOT NULL,
  action     VARCHAR(32)   NOT NULL,
  text       VARCHAR(2048) NOT NULL,
  PRIMARY KEY (request_id, position)
);

-- certificates this GDS issued, keyed by issuer (CA generation) and serial
CREATE TABLE issued_certificates (
  ca_id             VARCHAR(256) NOT NULL,
  serial            VARCHAR(64)  NOT NULL,
  application_id    UUID         NOT NULL,
  certificate_group VARCHAR(128) NOT NULL,
  certificate_type  VARCHAR(128) NOT NULL,
  request_id        UUID,
  thumbprint        VARCHAR(64)  NOT NULL,
  certificate_der   BYTEA        NOT NULL,
  not_after         TIMESTAMP WITH TIME ZONE NOT NULL,
  issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at        TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (ca_id, serial)
);

CREATE INDEX issued_certificates_app_idx ON issued_certificates (application_id);
CREATE INDEX issued_certificates_thumbprint_idx ON issued_certificates (thumbprint);

-- client certificates an admin used for an application (self-service onboarding)
CREATE TABLE certificate_bindings (
  application_id UUID         NOT NULL,
  thumbprint     VARCHAR(64)  NOT NULL,
  bound_by       VARCHAR(512) NOT NULL,
  bound_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (application_id, thumbprint)
);
