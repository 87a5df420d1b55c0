package io.gdsvault.gds.directory;

import io.gdsvault.gds.audit.AuditLog;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.auth.Role;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ApplicationType;
import io.gdsvault.gds.model.ArgumentRefusal;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.Reason;
import io.gdsvault.gds.persistence.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The Part 12 application directory: registration (DiscoveryAdmin) and discovery (any caller on an
 * encrypted channel).
 */
public final class DirectoryService {

  /** Records with this capability are never returned by queries (Part 12 §6.5.10/11). */
  public static final String NOT_AVAILABLE_CAPABILITY = "NA";

  private static final Logger log = LoggerFactory.getLogger(DirectoryService.class);

  private static final long SERVERS_BIT = 0x1;
  private static final long CLIENTS_BIT = 0x2;

  /** What the Servers bit selects: every type that is a Server. */
  private static final Set<ApplicationType> SERVERS =
      Set.copyOf(
          EnumSet.of(
              ApplicationType.SERVER,
              ApplicationType.CLIENT_AND_SERVER,
              ApplicationType.DISCOVERY_SERVER));

  /** What the Clients bit selects: every type that is a Client. */
  private static final Set<ApplicationType> CLIENTS =
      Set.copyOf(EnumSet.of(ApplicationType.CLIENT, ApplicationType.CLIENT_AND_SERVER));

  private final ApplicationRepository repository;
  private final Transactions tx;
  private final AuditLog audit;
  private final Clock clock;
  private final int maxRecordsPerQuery;
  private final Set<String> reservedUris;

  public DirectoryService(
      ApplicationRepository repository,
      Transactions tx,
      AuditLog audit,
      Clock clock,
      int maxRecordsPerQuery) {
    this(repository, tx, audit, clock, maxRecordsPerQuery, Set.of());
  }

  /**
   * @param reservedUris ApplicationUris nobody may register (the GDS's own: a record for it could
   *     get a certificate that impersonates the GDS), compared ignoring case
   */
  public DirectoryService(
      ApplicationRepository repository,
      Transactions tx,
      AuditLog audit,
      Clock clock,
      int maxRecordsPerQuery,
      Set<String> reservedUris) {
    this.repository = repository;
    this.tx = tx;
    this.audit = audit;
    this.clock = clock;
    this.maxRecordsPerQuery = maxRecordsPerQuery;
    this.reservedUris =
        reservedUris.stream()
            .map(u -> u.toLowerCase(java.util.Locale.ROOT))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());
  }

  /** Refuses a record whose ApplicationUri is reserved (the GDS's own). */
  private void requireUnreserved(ApplicationRecord record) {
    String uri = record.applicationUri();
    if (uri != null && reservedUris.contains(uri.toLowerCase(java.util.Locale.ROOT))) {
      throw new ArgumentRefusal(
          Reason.REQUEST_NOT_ALLOWED,
          "Application",
          "the ApplicationUri is the GDS's own and reserved: it cannot be registered");
    }
  }

  /** RegisterApplication: a new record with a new id; a taken ApplicationUri is ENTRY_EXISTS. */
  public UUID register(Caller caller, ApplicationRecord record) {
    caller.requireRole(Role.DISCOVERY_ADMIN);
    UUID id = UUID.randomUUID();
    return audited(
        caller,
        "RegisterApplication",
        id,
        record.applicationUri(),
        () -> {
          ApplicationValidator.validate(record);
          requireUnreserved(record);
          tx.inTransaction(() -> repository.insert(record.withApplicationId(id), clock.instant()));
          // DEBUG: the audit log line of every registration change says it, with who did it
          log.debug("registered applicationUri={}", record.applicationUri());
          return id;
        });
  }

  /** UpdateApplication: replaces the record with the given id; ApplicationUri stays unique. */
  public void update(Caller caller, ApplicationRecord record) {
    caller.requireRole(Role.DISCOVERY_ADMIN);
    UUID id = record.applicationId();
    audited(
        caller,
        "UpdateApplication",
        id,
        record.applicationUri(),
        () -> {
          if (id == null) {
            throw GdsException.notFound("ApplicationId");
          }
          ApplicationValidator.validate(record);
          requireUnreserved(record);
          tx.inTransaction(
              () ->
                  repository
                      .update(record, clock.instant())
                      .orElseThrow(() -> GdsException.notFound("ApplicationId")));
          log.debug("updated applicationUri={}", record.applicationUri());
          return id;
        });
  }

  /** UnregisterApplication. */
  public void unregister(Caller caller, @Nullable UUID applicationId) {
    caller.requireRole(Role.DISCOVERY_ADMIN);
    audited(
        caller,
        "UnregisterApplication",
        applicationId,
        null,
        () -> {
          if (applicationId == null || !tx.inTransaction(() -> repository.delete(applicationId))) {
            throw GdsException.notFound("ApplicationId");
          }
          log.debug("unregistered");
          return applicationId;
        });
  }

  /** GetApplication. */
  public ApplicationRecord get(Caller caller, @Nullable UUID applicationId) {
    caller.requireSecureChannel();
    if (applicationId == null) {
      throw GdsException.notFound("ApplicationId");
    }
    return tx.read(() -> repository.findById(applicationId))
        .map(StoredApplication::record)
        .orElseThrow(() -> GdsException.notFound("ApplicationId"));
  }

  /** FindApplications: every record with exactly this ApplicationUri. */
  public List<ApplicationRecord> find(Caller caller, String applicationUri) {
    caller.requireSecureChannel();
    if (applicationUri == null || applicationUri.isEmpty()) {
      return List.of();
    }
    if (applicationUri.length() > ApplicationValidator.MAX_URI_LENGTH) {
      throw GdsException.invalid("ApplicationUri is too long");
    }
    return tx.inTransaction(() -> repository.findByUri(applicationUri)).stream()
        .map(StoredApplication::record)
        .toList();
  }

  /**
   * QueryApplications (OPC 10000-12 1.05 §6.5.10,
   * https://reference.opcfoundation.org/GDS/docs/6.5.10):
   *
   * <ul>
   *   <li>StartingRecordId: "only records with an identifier greater than this number will be
   *       returned", 0 starts with the first record;
   *   <li>NextRecordId: "passed as the startingRecordId in subsequent calls ... to fetch the next
   *       batch", 0 when there are no more records. As StartingRecordId is exclusive, it is the
   *       record id of the last record returned (passing the id of the last record received, as the
   *       method description also allows, gives the same next page);
   *   <li>ApplicationType: "a mask indicating what types of applications are returned": 0x1 Servers
   *       (Server, ClientAndServer, DiscoveryServer), 0x2 Clients (Client, ClientAndServer), 0 all;
   *       other bits are not defined and are Bad_InvalidArgument;
   *   <li>ApplicationName: matched against the default (first) name only;
   *   <li>LastCounterResetTime: when record ids were last reset (see {@link
   *       ApplicationRepository#lastCounterResetTime()}).
   * </ul>
   */
  public QueryPage queryApplications(
      Caller caller, QueryFilter filter, long applicationTypeFilter) {
    caller.requireSecureChannel();
    return query(filter, typesFor(applicationTypeFilter));
  }

  /**
   * QueryServers (OPC 10000-12 1.05 §6.5.11, deprecated there in favour of QueryApplications):
   * server records with a record id greater than {@code startingRecordId}; the caller pages with
   * the recordId of the last ServerOnNetwork it received.
   */
  public QueryPage queryServers(Caller caller, QueryFilter filter) {
    caller.requireSecureChannel();
    return query(filter, SERVERS);
  }

  /**
   * The operators' list: every registered application after {@code afterRecordId} in record id
   * order, those with the capability {@code NA} included (QueryApplications leaves them out for
   * discovery clients), at most {@code maxRecords} (0: the per-query maximum). Needs
   * DiscoveryAdmin, CertificateAuthorityAdmin or RegistrationAuthorityAdmin.
   */
  public QueryPage listAll(Caller caller, long afterRecordId, long maxRecords) {
    caller.requireSecureChannel();
    if (!caller.hasRole(Role.DISCOVERY_ADMIN)
        && !caller.hasRole(Role.CERTIFICATE_AUTHORITY_ADMIN)
        && !caller.hasRole(Role.REGISTRATION_AUTHORITY_ADMIN)) {
      throw GdsException.accessDenied(
          "the DiscoveryAdmin, CertificateAuthorityAdmin or RegistrationAuthorityAdmin role is"
              + " required");
    }
    if (afterRecordId < 0 || maxRecords < 0) {
      throw GdsException.invalid("record ids and counts are unsigned");
    }
    int limit =
        maxRecords == 0 ? maxRecordsPerQuery : (int) Math.min(maxRecords, maxRecordsPerQuery);
    ApplicationQuery q =
        new ApplicationQuery(
            afterRecordId,
            limit,
            null,
            null,
            null,
            EnumSet.allOf(ApplicationType.class),
            List.of(),
            null);
    return page(q, limit);
  }

  private QueryPage query(QueryFilter filter, Set<ApplicationType> types) {
    long startingRecordId = filter.startingRecordId();
    long maxRecordsToReturn = filter.maxRecordsToReturn();
    if (startingRecordId < 0 || maxRecordsToReturn < 0) {
      throw GdsException.invalid("record ids and counts are unsigned");
    }
    List<String> caps = filter.capabilities();
    if (caps.size() > ApplicationValidator.MAX_CAPABILITIES) {
      throw GdsException.invalid("too many capabilities in the filter");
    }
    for (String c : caps) {
      if (c == null || c.length() > ApplicationValidator.MAX_CAPABILITY_LENGTH) {
        throw GdsException.invalid("a capability filter is empty or too long");
      }
    }
    int limit =
        maxRecordsToReturn == 0
            ? maxRecordsPerQuery
            : (int) Math.min(maxRecordsToReturn, maxRecordsPerQuery);
    ApplicationQuery q =
        new ApplicationQuery(
            startingRecordId,
            limit,
            pattern(filter.namePattern(), "ApplicationName"),
            pattern(filter.uriPattern(), "ApplicationUri"),
            pattern(filter.productUriPattern(), "ProductUri"),
            types,
            caps.stream().filter(c -> !c.isEmpty()).distinct().toList(),
            NOT_AVAILABLE_CAPABILITY);
    return page(q, limit);
  }

  private QueryPage page(ApplicationQuery q, int limit) {
    return tx.inTransaction(
        () -> {
          List<StoredApplication> rows = repository.query(q);
          Instant reset = repository.lastCounterResetTime();
          if (rows.size() > limit) {
            List<StoredApplication> page = rows.subList(0, limit);
            return new QueryPage(List.copyOf(page), page.get(limit - 1).recordId(), reset);
          }
          return new QueryPage(rows, 0, reset);
        });
  }

  private static @Nullable String pattern(@Nullable String p, String field) {
    if (p == null || p.isEmpty()) {
      return null;
    }
    if (p.length() > ApplicationValidator.MAX_URI_LENGTH) {
      throw GdsException.invalid(field + " filter is too long");
    }
    return p;
  }

  /** The ApplicationType mask of QueryApplications: 0x1 Servers, 0x2 Clients, 0 all. */
  static Set<ApplicationType> typesFor(long mask) {
    if ((mask & ~(SERVERS_BIT | CLIENTS_BIT)) != 0) {
      throw GdsException.invalid(
          "ApplicationType mask may only combine 0x1 (Servers) and 0x2 (Clients)");
    }
    if (mask == 0) {
      return EnumSet.allOf(ApplicationType.class);
    }
    EnumSet<ApplicationType> types = EnumSet.noneOf(ApplicationType.class);
    if ((mask & SERVERS_BIT) != 0) {
      types.addAll(SERVERS);
    }
    if ((mask & CLIENTS_BIT) != 0) {
      types.addAll(CLIENTS);
    }
    return types;
  }

  private <T> T audited(
      Caller caller,
      String method,
      @Nullable UUID id,
      @Nullable String applicationUri,
      java.util.function.Supplier<T> work) {
    MDC.put("applicationId", String.valueOf(id));
    try {
      // the change and its audit row commit together: a failed audit append rolls the change back
      return tx.inTransaction(
          () -> {
            T result = work.get();
            audit.applicationRegistrationChanged(caller, method, id, applicationUri, true);
            return result;
          });
    } catch (GdsException e) {
      // rolled back: the attempt is recorded as failed, in a transaction of its own
      audit.applicationRegistrationChanged(caller, method, id, applicationUri, false);
      throw e;
    } finally {
      MDC.remove("applicationId");
    }
  }

  /** Count of registered applications (health, benchmarks). */
  public long count() {
    return tx.inTransaction(repository::count);
  }

  /** Lookup for other features (certificates): the record behind an id, if any. */
  public Optional<ApplicationRecord> findById(UUID applicationId) {
    return tx.read(() -> repository.findById(applicationId)).map(StoredApplication::record);
  }
}
