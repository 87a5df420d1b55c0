package io.gdsvault.gds.certificates;

import io.gdsvault.gds.model.ApplicationRecord;
import io.gdsvault.gds.model.GdsException;
import io.gdsvault.gds.model.net.HostNames;
import io.gdsvault.gds.trust.CertificateGroup;
import java.util.List;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.jspecify.annotations.Nullable;

/**
 * The rules for what callers send with a request: DomainNames, SubjectName, passwords, comments and
 * the default group. Each refusal is Bad_InvalidArgument with a message naming the field.
 */
final class RequestInputs {

  private static final Pattern NAME_SPECIALS = Pattern.compile("[,+=\"\\\\<>;#]");
  static final int MAX_TEXT = 1024;
  static final int MAX_DOMAIN_NAMES = 64;

  private RequestInputs() {}

  /** The group a request names; none means DefaultApplicationGroup. */
  static String groupOf(@Nullable String groupName) {
    return groupName == null ? CertificateGroup.DEFAULT_APPLICATION_GROUP : groupName;
  }

  /** DomainNames of a new key pair: at most 64, each a DNS name or an IP address. */
  static List<String> domainNames(@Nullable List<String> domainNames) {
    List<String> names = domainNames == null ? List.of() : List.copyOf(domainNames);
    if (names.size() > MAX_DOMAIN_NAMES) {
      throw GdsException.invalid("too many DomainNames");
    }
    for (String n : names) {
      // wildcards pass here; the issuance policy decides whether the group allows them
      if (!HostNames.isValid(n, HostNames.Wildcards.ALLOW)) {
        throw GdsException.invalid("a DomainName is not a DNS name or IP address");
      }
    }
    return names;
  }

  /** The SubjectName given, or one made from the application's name and first domain name. */
  static String subject(@Nullable String subjectName, ApplicationRecord app, List<String> names) {
    String subject =
        subjectName == null || subjectName.isBlank() ? defaultSubject(app, names) : subjectName;
    if (subject.length() > MAX_TEXT) {
      throw GdsException.invalid("SubjectName is too long");
    }
    try {
      new X500Name(subject);
    } catch (RuntimeException e) {
      throw GdsException.invalid("SubjectName is not a valid X.500 name");
    }
    return subject;
  }

  /** Refuses a PrivateKeyPassword longer than the text limit. */
  static void checkPassword(char @Nullable [] password) {
    if (password != null && password.length > MAX_TEXT) {
      throw GdsException.invalid("PrivateKeyPassword is too long");
    }
  }

  /** A comment or reason, trimmed (null: empty), at most the text limit. */
  static String text(@Nullable String s, String field) {
    String t = s == null ? "" : s.trim();
    if (t.length() > MAX_TEXT) {
      throw GdsException.invalid(field + " is too long");
    }
    return t;
  }

  /** The DNS names among checked DomainNames. */
  static List<String> dnsNames(List<String> names) {
    return names.stream().filter(n -> !HostNames.isIpAddress(n)).toList();
  }

  /** The IP addresses among checked DomainNames. */
  static List<String> ipAddresses(List<String> names) {
    return names.stream().filter(HostNames::isIpAddress).toList();
  }

  private static String defaultSubject(ApplicationRecord app, List<String> names) {
    String cn =
        app.applicationNames().isEmpty()
            ? "OPC UA Application"
            : app.applicationNames().get(0).text();
    cn = NAME_SPECIALS.matcher(cn).replaceAll("_");
    return "CN="
        + cn
        + (names.isEmpty() ? "" : ", DC=" + NAME_SPECIALS.matcher(names.get(0)).replaceAll("_"));
  }
}
