-- Part 12 application directory. Runs on H2 (PostgreSQL mode) and PostgreSQL.
-- record_id is reassigned from the sequence on every create and update (Part 12 §6.5.10:
-- monotonically increasing record identifiers for QueryApplications/QueryServers paging).
-- JSON columns are VARCHAR, not TEXT: H2 maps TEXT to a CLOB, which is slow to read.
CREATE SEQUENCE application_record_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE applications (
  application_id    UUID          NOT NULL PRIMARY KEY,
  record_id         BIGINT        NOT NULL,
  application_uri   VARCHAR(2048) NOT NULL,
  application_type  SMALLINT      NOT NULL,
  product_uri       VARCHAR(2048) NOT NULL,
  default_name      VARCHAR(512)  NOT NULL,
  names_json        VARCHAR(100000) NOT NULL,
  discovery_urls_json VARCHAR(100000) NOT NULL,
  capabilities_json VARCHAR(4000) NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT applications_uri_unique UNIQUE (application_uri),
  CONSTRAINT applications_record_unique UNIQUE (record_id)
);

CREATE INDEX applications_product_uri_idx ON applications (product_uri, record_id);

-- every name of an application, for the ApplicationName filter
CREATE TABLE application_names (
  application_id UUID         NOT NULL REFERENCES applications (application_id) ON DELETE CASCADE,
  position       INT          NOT NULL,
  name_text      VARCHAR(512) NOT NULL,
  PRIMARY KEY (application_id, position)
);
CREATE INDEX application_names_text_idx ON application_names (name_text);

-- server capabilities, for the capability filters
CREATE TABLE application_capabilities (
  application_id UUID        NOT NULL REFERENCES applications (application_id) ON DELETE CASCADE,
  capability     VARCHAR(64) NOT NULL,
  PRIMARY KEY (application_id, capability)
);
CREATE INDEX application_capabilities_cap_idx ON application_capabilities (capability, application_id);

-- when the record counter was last reset (never, unless the database is rebuilt)
CREATE TABLE directory_counter (
  id         INT NOT NULL PRIMARY KEY,
  reset_time TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO directory_counter (id, reset_time) VALUES (1, CURRENT_TIMESTAMP);
