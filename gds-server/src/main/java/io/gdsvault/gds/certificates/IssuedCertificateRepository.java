package io.gdsvault.gds.certificates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Certificates this GDS issued and admin-bound client certificates. Joins the open transaction. */
public interface IssuedCertificateRepository {

  void insert(IssuedCertificateRecord certificate);

  Optional<IssuedCertificateRecord> find(String caId, String serial);

  /** Every certificate with this serial (any CA generation). */
  List<IssuedCertificateRecord> findBySerial(String serial);

  Optional<IssuedCertificateRecord> findByThumbprint(String thumbprint);

  /** Newest first. */
  List<IssuedCertificateRecord> findByApplication(UUID applicationId);

  /** Newest first, at most {@code limit}. */
  List<IssuedCertificateRecord> list(int limit);

  void markRevoked(String caId, String serial, Instant at);

  /** Records that an admin used this client certificate for this application. */
  void bind(UUID applicationId, String thumbprint, String boundBy, Instant at);

  boolean isBound(UUID applicationId, String thumbprint);

  void removeBindings(UUID applicationId);

  /** Ends one binding (the request that made it was rejected). */
  void removeBinding(UUID applicationId, String thumbprint);
}
