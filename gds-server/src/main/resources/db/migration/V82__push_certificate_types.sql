-- Push: every certificate type a target lists for its DefaultApplicationGroup gets its own row
-- (its request in flight, the certificate installed last, or why it is skipped by policy); the
-- first (ordinal 0) is the primary type, the one the endpoint presents. The trust list a push wrote
-- is remembered by digest, so a push waiting for approval does not write it again.
CREATE TABLE push_certificates (
  application_id         UUID          NOT NULL
                           REFERENCES push_targets (application_id) ON DELETE CASCADE,
  ordinal                INT           NOT NULL,
  certificate_type       VARCHAR(128)  NOT NULL,
  skipped                VARCHAR(512),
  request_id             UUID,
  key_blob               BYTEA,
  certificate_der        BYTEA,
  certificate_thumbprint VARCHAR(64),
  not_before             TIMESTAMP WITH TIME ZONE,
  not_after              TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (application_id, ordinal)
);

-- the one certificate of earlier versions was of the RsaSha256 type
INSERT INTO push_certificates (application_id, ordinal, certificate_type, request_id, key_blob,
    certificate_der, certificate_thumbprint, not_before, not_after)
  SELECT application_id, 0, 'RsaSha256ApplicationCertificateType', request_id, key_blob,
      certificate_der, certificate_thumbprint, not_before, not_after
  FROM push_targets
  WHERE request_id IS NOT NULL OR certificate_der IS NOT NULL;

-- superseded by push_certificates (kept empty; the sealed key is not left behind)
UPDATE push_targets SET request_id = NULL, key_blob = NULL, certificate_der = NULL,
    certificate_thumbprint = NULL, not_before = NULL, not_after = NULL;

ALTER TABLE push_targets ADD COLUMN trust_digest VARCHAR(64);
ALTER TABLE push_targets ADD COLUMN trust_crls_kept BOOLEAN;
