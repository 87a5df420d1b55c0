package io.gdsvault.gds.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.gdsvault.gds.audit.AuditRecord;
import io.gdsvault.gds.auth.Caller;
import io.gdsvault.gds.certificates.RequestState;
import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.ua.GdsNodeIds;
import io.gdsvault.gds.testing.TestClients;
import java.util.List;
import java.util.UUID;
import org.eclipse.milo.opcua.sdk.client.OpcUaClient;
import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;
import org.eclipse.milo.opcua.stack.core.types.builtin.Variant;
import org.eclipse.milo.opcua.stack.core.types.structured.CallMethodResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Audit rows commit in the same transaction as the change they record, for registrations and user
 * management as for certificate requests: when the audit append fails (a CHECK constraint added
 * with plain SQL refuses the row), the change is rolled back; when the change fails in the
 * database, no row says it was done. The hash chain stays intact throughout.
 */
class AuditTransactionIT extends PullSupport {

  @AfterEach
  void dropInjectedConstraints() {
    for (String sql :
        List.of(
            "ALTER TABLE audit_log DROP CONSTRAINT IF EXISTS test_refuse_audit",
            "ALTER TABLE applications DROP CONSTRAINT IF EXISTS test_refuse_change",
            "ALTER TABLE users DROP CONSTRAINT IF EXISTS test_refuse_change")) {
      sql(sql);
    }
    assertThat(gds.app().auditTrail().verify().intact()).as("audit chain").isTrue();
  }

  private static void sql(String statement) {
    gds.app().database().jdbi().useHandle(h -> h.execute(statement));
  }

  /** The audit log refuses new successful rows of this action (rows already there stay valid). */
  private static void refuseAudit(String action) {
    long head =
        gds.app()
            .database()
            .jdbi()
            .withHandle(
                h -> h.createQuery("SELECT MAX(seq) FROM audit_log").mapTo(Long.class).one());
    sql(
        "ALTER TABLE audit_log ADD CONSTRAINT test_refuse_audit CHECK (seq <= "
            + head
            + " OR NOT (action = '"
            + action
            + "' AND outcome = 'ok'))");
  }

  private static long count(String query, Object value) {
    return gds.app()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery(query).bind(0, value).mapTo(Long.class).one());
  }

  private static List<AuditRecord> audit(String action, String target) {
    return gds.app().auditTrail().list(Caller.system(), null, 10_000).stream()
        .filter(a -> a.action().equals(action) && a.target().equals(target))
        .toList();
  }

  private static CallMethodResult registerCall(ApplicationRecord r) throws Exception {
    return callDirectory(admin, GdsNodeIds.RegisterApplication, new Variant(encode(admin, r)));
  }

  private static CallMethodResult users(String method, Variant... in) throws Exception {
    return callVendor(admin, "GdsVault.Users", "GdsVault.Users." + method, in);
  }

  @Test
  void aRegistrationWhoseAuditRowCannotBeWrittenIsRolledBack() throws Exception {
    ApplicationRecord r = server("audit-tx-register");
    refuseAudit("application.RegisterApplication");
    assertThat(status(registerCall(r))).isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(
            count(
                "SELECT COUNT(*) FROM applications WHERE application_uri = ?", r.applicationUri()))
        .as("the registration was rolled back")
        .isZero();
    assertThat(gds.app().directory().find(Caller.system(), r.applicationUri())).isEmpty();

    sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");
    CallMethodResult ok = registerCall(r);
    assertThat(ok.getStatusCode().isGood()).as("register %s", ok.getStatusCode()).isTrue();
    UUID id = (UUID) ((NodeId) ok.getOutputArguments()[0].value()).getIdentifier();
    assertThat(audit("application.RegisterApplication", id.toString()))
        .singleElement()
        .satisfies(a -> assertThat(a.outcome()).isEqualTo("ok"));
  }

  @Test
  void anUpdateOrUnregistrationWhoseAuditRowCannotBeWrittenIsRolledBack() throws Exception {
    ApplicationRecord r = server("audit-tx-update");
    UUID id = gds.app().directory().register(Caller.system(), r);
    ApplicationRecord changed =
        new ApplicationRecord(
            id,
            r.applicationUri(),
            r.applicationType(),
            r.applicationNames(),
            "urn:it:changed-product",
            r.discoveryUrls(),
            r.serverCapabilities());

    refuseAudit("application.UpdateApplication");
    assertThat(
            status(
                callDirectory(
                    admin, GdsNodeIds.UpdateApplication, new Variant(encode(admin, changed)))))
        .isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(gds.app().directory().get(Caller.system(), id).productUri())
        .isEqualTo(r.productUri());
    sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");

    refuseAudit("application.UnregisterApplication");
    assertThat(
            status(
                callDirectory(
                    admin,
                    GdsNodeIds.UnregisterApplication,
                    new Variant(new NodeId(ns(admin), id)))))
        .isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(count("SELECT COUNT(*) FROM applications WHERE application_id = ?", id))
        .as("the unregistration was rolled back")
        .isEqualTo(1);
    assertThat(audit("application.UnregisterApplication", id.toString())).isEmpty();
  }

  @Test
  void aRequestWhoseAuditRowCannotBeWrittenIsNotFiledAndADecisionWhoseRowCannotIsNotMade()
      throws Exception {
    // request history reaches the trail through the request listener, inside the change's
    // transaction: no filing, decision or issuance without its row
    Device d = device("audit-tx-request");
    UUID app = (UUID) d.applicationId().getIdentifier();
    OpcUaClient requester = connect(d.identity(), REQUESTER);
    OpcUaClient approver = connect(selfSigned("urn:it:audit-tx-approver", rsa()), APPROVER);
    try {
      refuseAudit("request.created");
      assertThat(status(startSigning(requester, d.applicationId(), csr(rsa(), d.uri()))))
          .isEqualTo(StatusCodes.Bad_InternalError);
      assertThat(count("SELECT COUNT(*) FROM certificate_requests WHERE application_id = ?", app))
          .as("the filing was rolled back")
          .isZero();
      sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");

      NodeId request = requestId(startSigning(requester, d.applicationId(), csr(rsa(), d.uri())));
      UUID id = (UUID) request.getIdentifier();
      assertThat(audit("request.created", id.toString())).hasSize(1);
      refuseAudit("request.issued");
      assertThat(status(approve(approver, request, "audited")))
          .isEqualTo(StatusCodes.Bad_InternalError);
      var stored = gds.app().certificates().service().show(Caller.system(), id).getKey();
      assertThat(stored.state())
          .as("approval and issuance rolled back")
          .isEqualTo(RequestState.NEW);
      assertThat(stored.issued()).isFalse();
      assertThat(audit("request.approved", id.toString())).isEmpty();
      sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");

      assertThat(approve(approver, request, "audited").getStatusCode().isGood()).isTrue();
      assertThat(audit("request.approved", id.toString())).hasSize(1);
      assertThat(audit("request.issued", id.toString()))
          .singleElement()
          .satisfies(a -> assertThat(a.detail()).contains("applicationUri=" + d.uri()));
    } finally {
      TestClients.disconnect(requester, approver);
    }
  }

  @Test
  void aRegistrationThatFailsInTheDatabaseIsNotAuditedAsDone() throws Exception {
    ApplicationRecord r = server("audit-tx-poison");
    sql(
        "ALTER TABLE applications ADD CONSTRAINT test_refuse_change CHECK (product_uri <>"
            + " 'urn:it:poison')");
    ApplicationRecord poison =
        new ApplicationRecord(
            null,
            r.applicationUri(),
            r.applicationType(),
            r.applicationNames(),
            "urn:it:poison",
            r.discoveryUrls(),
            r.serverCapabilities());
    long rowsBefore = gds.app().auditTrail().verify().rows();
    assertThat(status(registerCall(poison))).isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(gds.app().auditTrail().list(Caller.system(), null, 10_000))
        .noneMatch(a -> a.detail().contains(r.applicationUri()) && a.outcome().equals("ok"));
    assertThat(gds.app().auditTrail().verify().rows()).isEqualTo(rowsBefore);

    // a refused registration (a taken ApplicationUri) is recorded as a failed attempt, not as done
    gds.app().directory().register(Caller.system(), r);
    assertThat(status(registerCall(r))).isEqualTo(StatusCodes.Bad_EntryExists);
    assertThat(
            gds.app().auditTrail().list(Caller.system(), null, 10_000).stream()
                .filter(
                    a ->
                        a.action().equals("application.RegisterApplication")
                            && a.detail().contains(r.applicationUri())))
        .extracting(AuditRecord::outcome)
        .containsExactly("ok", "failed");
  }

  @Test
  void userChangesWhoseAuditRowCannotBeWrittenAreRolledBack() throws Exception {
    String name = "audit-tx-" + UUID.randomUUID();
    refuseAudit("method.AddUser");
    assertThat(
            status(
                users(
                    "AddUser",
                    new Variant(name),
                    new Variant("audit-tx-password-1"),
                    new Variant(new String[] {"DiscoveryAdmin"}))))
        .isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(count("SELECT COUNT(*) FROM users WHERE user_name = ?", name))
        .as("user not added")
        .isZero();
    // the observer still records the failed attempt
    assertThat(audit("method.AddUser", name))
        .extracting(AuditRecord::outcome)
        .containsExactly("Bad_InternalError");
    sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");

    assertThat(
            users(
                    "AddUser",
                    new Variant(name),
                    new Variant("audit-tx-password-1"),
                    new Variant(new String[] {"DiscoveryAdmin"}))
                .getStatusCode()
                .isGood())
        .isTrue();
    assertThat(audit("method.AddUser", name))
        .extracting(AuditRecord::outcome)
        .containsExactly("Bad_InternalError", "ok");

    refuseAudit("method.SetPassword");
    assertThat(status(users("SetPassword", new Variant(name), new Variant("audit-tx-password-2"))))
        .isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(gds.app().users().authenticate(name, "audit-tx-password-1".toCharArray()))
        .as("old password")
        .isPresent();
    assertThat(gds.app().users().authenticate(name, "audit-tx-password-2".toCharArray())).isEmpty();
    sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");

    refuseAudit("method.RemoveUser");
    assertThat(status(users("RemoveUser", new Variant(name))))
        .isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(count("SELECT COUNT(*) FROM users WHERE user_name = ?", name))
        .as("user not removed")
        .isEqualTo(1);
    sql("ALTER TABLE audit_log DROP CONSTRAINT test_refuse_audit");

    assertThat(users("RemoveUser", new Variant(name)).getStatusCode().isGood()).isTrue();
    assertThat(audit("method.RemoveUser", name))
        .extracting(AuditRecord::outcome)
        .containsExactly("Bad_InternalError", "ok");
  }

  @Test
  void aUserChangeThatFailsInTheDatabaseIsNotAuditedAsDone() throws Exception {
    String name = "audit-poison-" + UUID.randomUUID();
    sql(
        "ALTER TABLE users ADD CONSTRAINT test_refuse_change CHECK (user_name NOT LIKE"
            + " 'audit-poison-%')");
    assertThat(
            status(
                users(
                    "AddUser",
                    new Variant(name),
                    new Variant("audit-tx-password-1"),
                    new Variant(new String[] {"DiscoveryAdmin"}))))
        .isEqualTo(StatusCodes.Bad_InternalError);
    assertThat(audit("method.AddUser", name)).noneMatch(a -> a.outcome().equals("ok"));
    // removing a user that does not exist changes nothing and is no "ok" row either
    assertThat(status(users("RemoveUser", new Variant(name)))).isEqualTo(StatusCodes.Bad_NotFound);
    assertThat(audit("method.RemoveUser", name))
        .extracting(AuditRecord::outcome)
        .containsExactly("Bad_NotFound");
  }
}
